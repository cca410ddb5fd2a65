"""One handoff as the clerk makes it in the window, timed on the GUI thread: *Selesaikan
langkah* from the click to the page, the dashboard and the status bar showing the new
holder (the handoff dialog's offer, the write, and every view the change hub refreshes;
the dialog itself answered at once). Prints figures only.

Run: `python benchmarks/handoff_gui_bench.py [--sizes 0 10000]` (rounds generated as
rounds_bench.py makes them, on a SQLite file).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.rounds_bench import CAMAT, generate  # noqa: E402
from kecamatan_desktop.domain.calendar import WIB  # noqa: E402
from kecamatan_desktop.services import rounds  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.ui.main_window import MainWindow  # noqa: E402


def bench(count: int, handoffs: int = 11) -> list[float]:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogue(Path(tmp) / "rounds.db")
        if count:
            generate(db, count)
        t = datetime.now(WIB) - timedelta(days=3)
        with db.session() as s:
            rid = rounds.start_round("poncokusumo-2018-renja", session=s, title="Renja bench",
                                     at=t).id
        window = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.hub.poll.stop()
        window.resize(1366, 768)
        window.show()
        window.main_tabs.setCurrentWidget(window.rounds)
        window.rounds.open_round(rid)
        app.processEvents()
        page = window.rounds.page
        times = []
        for _ in range(handoffs):
            t += timedelta(minutes=10)
            step = page.detail.sop.steps[page.detail.current_step - 1]
            page.ask_handoff = lambda detail, offer, previous=None, at=t, s=step: dict(
                decision="ya" if s.decision else None, done_by=CAMAT, receiver=CAMAT, at=at,
                output="", note="")
            began = time.perf_counter()
            assert page.complete_step()
            app.processEvents()  # what the hub deferred to the next turn
            times.append(time.perf_counter() - began)
        window.close()
        db.close()
    return times


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10_000])
    args = parser.parse_args(argv)
    print("| rounds in the database | handoffs | median ms | max ms |")
    print("|---|---|---|---|")
    for count in args.sizes:
        times = bench(count)[1:]  # the first pays for importing the dialog's modules
        print(f"| {count:,} | {len(times)} | {statistics.median(times) * 1000:.1f} | "
              f"{max(times) * 1000:.1f} |")


if __name__ == "__main__":
    main()
