"""Cetak: seconds from the Cetak action to the preview's window on screen, to its first page
shown, and to the whole document, in a fresh process each run (the first Cetak of a session
pays the imports), on an offscreen screen of 1366×768 like the clerk's.

Run: `python benchmarks/print_preview_bench.py [--runs N] [--sop ID] [--import FILE]`, e.g.
`--sop uji-musrenbang-kecamatan --import tests/fixtures/sop-40-langkah.json` for a long SOP.
Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


SCREEN = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
          "screens": [{"name": "layar", "x": 0, "y": 0, "width": 1366, "height": 768,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


def _child(db_path: str, sop_id: str, screen: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QWidget

    from kecamatan_desktop.app import make_application
    from kecamatan_desktop.services.session import open_catalogue
    from kecamatan_desktop.ui.main_window import MainWindow

    app = make_application([sys.argv[0], "-platform", f"offscreen:configfile={screen}"])
    db = open_catalogue(Path(db_path))
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(db, QSettings(str(Path(folder) / "s.ini"),
                                          QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()
        for _ in range(20):
            app.processEvents()
        window.select_sop(sop_id)
        for _ in range(20):
            app.processEvents()
        times: dict[str, float] = {}

        class Painted(QObject):
            def eventFilter(self, obj, event) -> bool:
                if (event.type() == QEvent.Type.Paint and "window" not in times
                        and isinstance(obj, QWidget)
                        and isinstance(obj.window(), QPrintPreviewDialog)):
                    times["window"] = time.perf_counter() - start
                if event.type() == QEvent.Type.Paint and "first" not in times:
                    widget = obj
                    while widget is not None and not isinstance(widget, QPrintPreviewWidget):
                        widget = widget.parent()
                    if widget is not None and widget.pageCount() >= 1:
                        times["first"] = time.perf_counter() - start
                        times["pages_at_first"] = widget.pageCount()
                return False

        painted = Painted()
        app.installEventFilter(painted)

        def check() -> None:
            task = window.printing.task
            preview = window.printing.preview
            if task is not None and task.done and "whole" not in times:
                times["whole"] = time.perf_counter() - start
            if "first" in times and "whole" in times:
                if preview is not None:
                    times["pages"] = preview.findChild(QPrintPreviewWidget).pageCount()
                    size = preview.size()
                    times["size"] = f"{size.width()}x{size.height()}"
                    preview.reject()
                poll.stop()
                QTimer.singleShot(0, app.quit)

        poll = QTimer(interval=2)
        poll.timeout.connect(check)
        poll.start()
        start = time.perf_counter()
        window.printing.print_action.trigger()
        if "first" not in times or "whole" not in times:
            app.exec()
        print(json.dumps(times), flush=True)
        window.close()
    db.close()
    os._exit(0)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sop", default="poncokusumo-2018-renja")
    parser.add_argument("--import", dest="extra", type=Path,
                        help="an interchange file to add first (e.g. the 40-step fixture)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.environ.get("PYTHONPATH", str(ROOT)))
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        screen = Path(tmp) / "layar.json"
        screen.write_text(json.dumps(SCREEN), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "kecamatan_desktop", "--db", db, "list"],
                       capture_output=True, env=env, check=True)
        if args.extra:
            subprocess.run([sys.executable, "-m", "kecamatan_desktop", "--db", db, "import",
                            str(args.extra)], capture_output=True, env=env, check=True)
        runs = []
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, __file__, "--child", db, args.sop,
                                  str(screen)],
                                 capture_output=True, text=True, env=env, check=True).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
    window = [r["window"] for r in runs]
    first = [r["first"] for r in runs]
    whole = [r["whole"] for r in runs]
    print(f"Cetak {args.sop}, first Cetak of a fresh process, {args.runs} runs")
    print(f"  preview window:   median {statistics.median(window):.2f} s "
          f"(min {min(window):.2f}, max {max(window):.2f})")
    print(f"  first page shown: median {statistics.median(first):.2f} s "
          f"(min {min(first):.2f}, max {max(first):.2f}); pages then: "
          f"{[r['pages_at_first'] for r in runs]}")
    print(f"  whole document:   median {statistics.median(whole):.2f} s "
          f"(min {min(whole):.2f}, max {max(whole):.2f}); pages {runs[-1].get('pages')}; "
          f"preview {runs[-1].get('size')}")


if __name__ == "__main__":
    main()
