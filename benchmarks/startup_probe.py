"""Child process for the startup benchmark: shows a window, prints the wall time, exits.

`bare` shows an empty QMainWindow; `app DB` shows Kecamatan Desktop's main window on DB.
"""

from __future__ import annotations

import sys
import time


def main() -> None:
    kind = sys.argv[1]
    from PySide6.QtCore import QTimer

    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
    else:
        from pathlib import Path

        from PySide6.QtCore import QSettings

        from kecamatan_desktop.app import make_application
        from kecamatan_desktop.services.session import open_catalogue
        from kecamatan_desktop.ui.main_window import MainWindow

        app = make_application(sys.argv[:1])
        db = open_catalogue(Path(sys.argv[2]))
        window = MainWindow(db, QSettings(sys.argv[3], QSettings.Format.IniFormat))
        assert window.list_model.rowCount() >= 21
    window.show()

    def shown() -> None:
        print(f"{time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)  # runs once the event loop has painted the window
    app.exec()


if __name__ == "__main__":
    main()
