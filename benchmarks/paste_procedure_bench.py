"""Ngantang's Renja drawn from a spreadsheet, as a clerk does it in the window: Poncokusumo's
Renja typed in an Excel sheet (the text Excel puts on the clipboard: a header row, then one
row per step), pasted into Ngantang's empty Renja, its two decisions marked and their Ya/Tidak
chosen, saved. Driven by clicks and keys on the real widgets, timed on the GUI thread; prints
the actions counted and the time of each operation.

Run: `python benchmarks/paste_procedure_bench.py [--repeat 5]` (a fresh catalogue each time).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMimeData, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kecamatan_desktop.resource_paths import data_dir  # noqa: E402
from kecamatan_desktop.services import catalogue  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.ui.main_window import MainWindow  # noqa: E402

TARGET = "ngantang-2021-renja"
SOURCE = "poncokusumo-2018-renja"


def excel_text() -> str:
    """The sheet as Excel copies it: tab between cells, CRLF between rows, no decisions."""
    steps = json.loads((data_dir() / "sops" / f"{SOURCE}.json").read_text("utf-8"))["steps"]
    rows = [("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan")]
    rows += [(s["no"], s["activity"], s["role"], s.get("requirements", ""), s.get("time", ""),
              s.get("output", ""), s.get("notes", "")) for s in steps]
    return "\r\n".join("\t".join(row) for row in rows) + "\r\n"


def once(app: QApplication) -> tuple[int, dict[str, float]]:
    times: dict[str, float] = {}
    actions = 0

    def timed(name: str, work) -> None:
        nonlocal actions
        began = time.perf_counter()
        work()
        app.processEvents()
        times[name] = times.get(name, 0.0) + time.perf_counter() - began
        actions += 1

    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogue(Path(tmp) / "k.db")
        window = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.hub.poll.stop()
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        mime = QMimeData()
        mime.setText(excel_text())
        QApplication.clipboard().setMimeData(mime)  # Ctrl+C in Excel: not counted here

        row = window.proxy.mapFromSource(window.list_model.index(
            window.list_model.row_of(TARGET), 0))
        window.sop_list.scrollTo(row)
        rect = window.sop_list.visualRect(row)
        timed("open the SOP", lambda: QTest.mouseClick(
            window.sop_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()))
        bar = window.tabs.tabBar()
        tab = bar.tabRect(window.tabs.indexOf(window.procedure_view)).center()
        timed("Prosedur tab", lambda: QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=tab))
        editor = window.procedure_view
        editor.row_clipboard.ask_add_lanes = lambda lanes, first: True  # Ya: one click
        timed("paste (Tempel dari Excel/Word) and add the 6 lanes",
              lambda: QTest.mouseClick(editor.paste_button, Qt.MouseButton.LeftButton))
        actions += 1  # the Ya of the lanes question
        assert len(window.document.sop.steps) == 12, window.document.sop.steps
        picker = editor.decision_picker
        for step, yes, no in ((6, 7, 5), (7, 8, 4)):
            index = editor.table.model().index(step - 1, 0)
            timed("mark the decisions", lambda i=index: QTest.mouseClick(
                editor.table.viewport(), Qt.MouseButton.LeftButton,
                pos=editor.table.visualRect(i).center()))
            timed("mark the decisions", editor.step_actions.decision.trigger)
            for combo, target in ((picker.yes_combo, yes), (picker.no_combo, no)):
                # open the list and pick: two actions, as a mouse does it
                timed("mark the decisions", lambda c=combo, t=target: (
                    c.setCurrentIndex(t), c.activated.emit(t)))
                actions += 1
        timed("save (Ctrl+S)", window.action_save.trigger)
        with db.session() as session:
            stored = catalogue.get_sop(TARGET, session=session)
        assert len(stored.sop.steps) == 12 and not stored.is_draft, stored.is_draft
        assert stored.sop.steps[5].decision is not None
        window.close()
        db.close()
    return actions, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    runs = [once(app) for _ in range(args.repeat)]
    print(f"user actions: {runs[0][0]} (clicks and keys, after Ctrl+C in the spreadsheet)")
    for name in runs[0][1]:
        values = [times[name] for _, times in runs]
        print(f"{name:50s} median {statistics.median(values) * 1000:7.1f} ms  "
              f"max {max(values) * 1000:7.1f} ms")
    totals = [sum(times.values()) for _, times in runs]
    print(f"{'all operations':50s} median {statistics.median(totals) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
