"""Renders docs/salin-prosedur.png: *Salin prosedur dari…* on Ngantang's empty Renja, with
Poncokusumo's Renja found by typing "renja" and its steps previewed, as the dialog opens on a
1366×768 laptop screen (the offscreen platform given that screen). Run as

    python docs/make_copy_screenshot.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


def main(tmp: Path) -> None:
    # the screen is chosen when the application is made; Qt splits the platform's options at
    # ':', so the configuration is named relative to the folder we run in
    (tmp / "screen.json").write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96, "physicalDpi": 96}]}))
    os.chdir(tmp)
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=screen.json"
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from kecamatan_desktop.app import make_application
    from kecamatan_desktop.services.session import open_catalogue
    from kecamatan_desktop.ui.editor.copy_procedure_dialog import CopyProcedureDialog
    from kecamatan_desktop.ui.editor.procedure_copying import fit
    from kecamatan_desktop.ui.main_window import MainWindow

    app = make_application(sys.argv[:1])
    db = open_catalogue(tmp / "shot.db")
    window = MainWindow(db, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window.show()
    window.select_sop("ngantang-2021-renja")
    dialog = CopyProcedureDialog(db, window.document.sop, window)
    fit(dialog)
    dialog.show()
    QTest.keyClicks(dialog.picker.search, "renja")
    for _ in range(5):
        app.processEvents()
    area = dialog.screen().availableGeometry()
    print("screen", area.getRect(), "dialog", dialog.frameGeometry().getRect())
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    dialog.grab().save(str(OUT / "salin-prosedur.png"))
    print("saved salin-prosedur.png")
    dialog.close()
    window.close()
    db.close()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        main(Path(folder))
