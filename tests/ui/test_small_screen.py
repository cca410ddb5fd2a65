"""A laptop's 1366×768 screen, as offices have: the first start fits it, and the Prosedur
tab shows at least eight steps. Run in a child process: the screen is chosen when the
QApplication is made (offscreen platform with a screen configuration)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from kecamatan_desktop.services.session import open_catalogue
    from kecamatan_desktop.ui.main_window import MainWindow
    tmp = Path(sys.argv[1])
    db = open_catalogue(tmp / "k.db")
    window = MainWindow(db, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window.show()
    window.select_sop("poncokusumo-2018-renja")
    window.tabs.setCurrentWidget(window.procedure_view)
    for _ in range(5):
        app.processEvents()
    table = window.procedure_view.table
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    shown = sum(1 for row in range(table.model().rowCount())
                if table.rowViewportPosition(row) >= 0
                and table.rowViewportPosition(row) + table.rowHeight(row)
                <= table.viewport().height())
    print(json.dumps({"area": area.getRect(), "frame": frame.getRect(), "rows": shown,
                      "flow_zoom": window.flowchart.view.zoom_factor(),
                      "readable": window.flowchart.view.readable_zoom()}))
    db.close()
""")


def test_first_start_fits_a_1366x768_screen_with_eight_steps_in_view(tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0,
                                               "width": 1366, "height": 768,
                                               "logicalDpi": 96, "physicalDpi": 96}]}))
    # the file named relative to the child's folder: Qt splits the platform's options at
    # ':', so a Windows path (C:\...) would be cut at its drive letter
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config.name}",
               PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], env=env,
                         cwd=tmp_path, capture_output=True, text=True, timeout=120,
                         check=True).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    ax, ay, aw, ah = seen["area"]
    fx, fy, fw, fh = seen["frame"]
    assert (aw, ah) == (1366, 768)
    assert fw <= aw and fh <= ah, seen  # never larger than the screen
    assert abs((fx + fw / 2) - (ax + aw / 2)) <= 20 and abs((fy + fh / 2) - (ay + ah / 2)) <= 30
    assert seen["rows"] >= 8, seen
    assert seen["flow_zoom"] >= seen["readable"] - 1e-9  # opened at a readable size
