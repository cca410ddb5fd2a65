"""Ngantang's Renja drawn from Poncokusumo's by copying, as a clerk does it in the window,
driven by mouse clicks and key presses on the real widgets and timed on the GUI thread:
click the SOP in the list, the Prosedur tab, *Salin prosedur dari SOP lain…*, type "renja",
*Salin prosedur*, Ctrl+S. Prints the actions counted and the time of each operation.

Run: `python benchmarks/copy_procedure_bench.py [--repeat 5]` (a fresh catalogue each time).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kecamatan_desktop.services import catalogue  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.ui.editor.copy_procedure_dialog import CopyProcedureDialog  # noqa: E402
from kecamatan_desktop.ui.editor.procedure_copying import fit  # noqa: E402
from kecamatan_desktop.ui.main_window import MainWindow  # noqa: E402

TARGET = "ngantang-2021-renja"
SEARCH = "renja"


def once(app: QApplication) -> tuple[int, dict[str, float]]:
    times: dict[str, float] = {}
    actions = 0

    def timed(name: str, work) -> None:
        began = time.perf_counter()
        work()
        app.processEvents()
        times[name] = times.get(name, 0.0) + time.perf_counter() - began

    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogue(Path(tmp) / "k.db")
        window = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.hub.poll.stop()
        window.resize(1366, 768)
        window.show()
        app.processEvents()

        # 1 click: the SOP in the catalogue list
        window.search_box.setText("")
        row = window.proxy.mapFromSource(window.list_model.index(
            window.list_model.row_of(TARGET), 0))
        window.sop_list.scrollTo(row)
        rect = window.sop_list.visualRect(row)
        timed("open the SOP", lambda: QTest.mouseClick(
            window.sop_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()))
        actions += 1
        assert window.document.sop.id == TARGET
        # 1 click: the Prosedur tab
        bar = window.tabs.tabBar()
        tab = bar.tabRect(window.tabs.indexOf(window.procedure_view)).center()
        timed("Prosedur tab", lambda: QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=tab))
        actions += 1

        def answer(target):
            # the dialog as ask_source builds it, answered by keys and a click
            dialog = CopyProcedureDialog(db, target, window)
            fit(dialog)
            dialog.show()
            app.processEvents()
            times["open the dialog"] = time.perf_counter() - opened
            nonlocal actions
            for key in SEARCH:
                timed("type the search (5 keys)",
                      lambda k=key: QTest.keyClick(dialog.picker.search, k))
                actions += 1
            assert dialog.ok_button.isEnabled()
            QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            actions += 1
            dialog.close()
            chose[0] = time.perf_counter()
            return dialog.source()

        window.procedure_copying.ask_source = answer
        chose = [0.0]
        opened = time.perf_counter()
        button = window.procedure_view.copy_button
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # 1 click
        actions += 1
        app.processEvents()
        times["copy in (Salin prosedur to the table shown)"] = time.perf_counter() - chose[0]
        assert len(window.document.sop.steps) == 12

        # Ctrl+S: the shortcut's action, as the key would trigger it
        timed("save (Ctrl+S)", window.action_save.trigger)
        actions += 1
        with db.session() as session:
            stored = catalogue.get_sop(TARGET, session=session)
        assert stored.revision == 2 and len(stored.sop.steps) == 12 and not stored.is_draft
        window.close()
        db.close()
    return actions, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    runs = [once(app) for _ in range(args.repeat)]
    print(f"user actions: {runs[0][0]} (clicks and keys)")
    for name in runs[0][1]:
        values = [times[name] for _, times in runs]
        print(f"{name:45s} median {statistics.median(values) * 1000:7.1f} ms  "
              f"max {max(values) * 1000:7.1f} ms")
    totals = [sum(times.values()) for _, times in runs]
    print(f"{'all operations':45s} median {statistics.median(totals) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
