"""Renders docs/editor-9-lajur.png: the Prosedur tab of a nine-lane SOP on a 1366×768 laptop
screen (offscreen, with that screen configured), every lane listed and the steps below.

    python docs/make_editor_screenshot.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCREEN = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                       "logicalDpi": 96, "physicalDpi": 96}]}


def nine_lanes(sop):
    """Poncokusumo's Renja with three more lanes, each holding one of its steps."""
    from kecamatan_desktop.domain import edits

    for lane in ("Kasi Pemerintahan", "Kasi Ekbang", "Kasi Trantib"):
        sop = edits.add_lane(sop, lane)
    for row, lane in ((8, "Kasi Pemerintahan"), (7, "Kasi Ekbang"), (11, "Kasi Trantib")):
        sop = edits.update_step(sop, row, role=lane)
    return replace(sop, id="poncokusumo-2018-renja-9", name="Renja dengan sembilan lajur")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "screen.json").write_text(json.dumps(SCREEN))
        os.chdir(tmp)  # Qt splits the platform's options at ':': the file named relative
        os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=screen.json"
        sys.path.insert(0, str(HERE.parent))
        from PySide6.QtCore import QSettings

        from kecamatan_desktop.app import make_application
        from kecamatan_desktop.services import catalogue
        from kecamatan_desktop.services.session import open_catalogue
        from kecamatan_desktop.ui.main_window import MainWindow

        app = make_application(sys.argv[:1])
        db = open_catalogue(Path(tmp) / "shot.db")
        with db.session() as s:
            renja = catalogue.get_sop("poncokusumo-2018-renja", session=s).sop
            catalogue.import_sops([nine_lanes(renja)], session=s)
        window = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"),
                                          QSettings.Format.IniFormat))
        window.show()
        window.select_sop("poncokusumo-2018-renja-9")
        window.tabs.setCurrentWidget(window.procedure_view)
        for _ in range(10):
            app.processEvents()
        editor = window.procedure_view
        table, lanes = editor.table, editor.lanes_editor.view
        rows = sum(1 for r in range(table.model().rowCount())
                   if table.rowViewportPosition(r) >= 0
                   and table.rowViewportPosition(r) + table.rowHeight(r)
                   <= table.viewport().height())
        print("window", window.frameGeometry().getRect(), "steps shown", rows, "of",
              table.model().rowCount(), "lane list scrolls",
              lanes.verticalScrollBar().isVisible())
        window.grab().save(str(HERE / "editor-9-lajur.png"))
        window.close()
        db.close()


if __name__ == "__main__":
    main()
