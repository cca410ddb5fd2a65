"""A database file in a network folder is told apart from one on this PC."""

from __future__ import annotations

import sys
from pathlib import Path, PureWindowsPath

import pytest

from kecamatan_desktop.network_path import is_network_path


@pytest.mark.parametrize("path", [
    r"\\server\share\kecamatan.db",
    r"\\SERVER-KANTOR\data\SOP\kecamatan.db",
    "//server/share/kecamatan.db",
    r"\\?\UNC\server\share\kecamatan.db",
    PureWindowsPath(r"\\server\share\kecamatan.db"),
    Path("//server/share/kecamatan.db"),
])
def test_unc_paths_are_network_paths(path):
    assert is_network_path(path)


@pytest.mark.parametrize("path", ["kecamatan.db", "data/kecamatan.db", "/home/camat/k.db",
                                  "/server/share/k.db"])
def test_paths_on_this_pc_are_not(path, tmp_path):
    assert not is_network_path(path)
    assert not is_network_path(tmp_path / "kecamatan.db")


@pytest.mark.skipif(sys.platform != "win32", reason="drive letters are Windows' own")
def test_a_local_drive_is_not_a_network_drive():
    assert not is_network_path(r"C:\Users\camat\kecamatan.db")
    assert not is_network_path(r"\\?\C:\Users\camat\kecamatan.db")
