"""Child process for the start-up benchmark: shows a window, prints timings, closes, exits.

`bare` shows an empty QMainWindow; `app DB SETTINGS` starts Kecamatan Desktop the way a
double-click does (app.run_gui) on DB. Lines printed (wall-clock seconds since the epoch):
`first T` when the window is first painted with the catalogue, `complete T` when the
editor and rounds are ready too, `close T` when the close is asked for, then `rss KiB`.
The parent takes the process's end as the moment closing finished.
"""

from __future__ import annotations

import resource
import sys
import time

seen: set[str] = set()


def stamp(label: str) -> None:
    if label not in seen:
        seen.add(label)
        print(f"{label} {time.time():.6f}", flush=True)


def finish(window) -> None:
    stamp("close")
    print(f"rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    window.close()


def main() -> None:
    from PySide6.QtCore import QSettings, QTimer

    if sys.argv[1] == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.show()

        def shown() -> None:
            stamp("first")
            stamp("complete")
            finish(window)

        QTimer.singleShot(0, shown)  # runs once the event loop has painted the window
        sys.exit(app.exec())

    from pathlib import Path

    from kecamatan_desktop.app import run_gui

    def shown(window, complete: bool) -> None:
        stamp("first")
        if complete:
            stamp("complete")
            if window.list_model.rowCount() < 21:
                raise SystemExit("the catalogue was not shown")
            finish(window)

    settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
    sys.exit(run_gui(Path(sys.argv[2]), settings=settings, on_shown=shown,
                     welcome=False))


if __name__ == "__main__":
    main()
