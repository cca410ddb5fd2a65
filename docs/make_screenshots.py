"""Renders the README screenshots from the real window, offscreen."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings  # noqa: E402

from kecamatan_desktop.app import make_application  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent


def main() -> None:
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogue(Path(tmp) / "shot.db")
        window = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1360, 820)
        window.show()
        window.select_sop("poncokusumo-2018-renja")
        app.processEvents()
        window.grab().save(str(OUT / "main-window.png"))
        window.tabs.setCurrentIndex(1)
        app.processEvents()
        window.grab().save(str(OUT / "procedure-table.png"))
        window.close()
        db.close()


if __name__ == "__main__":
    main()
