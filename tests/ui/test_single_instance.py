"""A second start on the same database brings the running window forward; another file opens
its own window; the title names the file."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings

from kecamatan_desktop.ui.single_instance import InstanceServer, server_name, wake_running


@pytest.mark.skipif(sys.platform == "win32",
                    reason="QLocalServer's named pipes do not answer under Wine 8; Linux runs it, "
                           "a real Windows PC is on the list in docs/windows.md")
def test_a_second_start_on_the_same_database_wakes_the_first(qtbot, tmp_path):
    mine, other = tmp_path / "kecamatan.db", tmp_path / "lain" / "kecamatan.db"
    assert server_name(mine) != server_name(other)
    assert wake_running(mine, timeout_ms=200) is False  # nothing runs yet
    server = InstanceServer(mine)
    try:
        with qtbot.waitSignal(server.woken, timeout=5000):
            assert wake_running(mine) is True
        assert wake_running(other, timeout_ms=200) is False  # --db another file: own window
    finally:
        server.close()
    assert wake_running(mine, timeout_ms=200) is False


def test_the_window_title_names_the_database(qtbot, catalogue_db, tmp_path):
    from kecamatan_desktop.ui.main_window import MainWindow

    window = MainWindow(catalogue_db, QSettings(str(tmp_path / "s.ini"),
                                                QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert catalogue_db.path.name in window.windowTitle()
    assert str(catalogue_db.path.parent) in window.windowTitle()
