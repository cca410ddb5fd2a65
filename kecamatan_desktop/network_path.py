"""Whether a file lies in a network folder, where a SQLite file is not safe for several PCs."""

from __future__ import annotations

import os
import sys
from pathlib import PureWindowsPath

DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive


def is_network_path(path: str | os.PathLike) -> bool:
    """True for a UNC path (\\\\server\\share\\… or //server/share/…), and on Windows for a
    drive letter that Windows reports as a network drive."""
    text = os.fspath(path)
    if text[:2] in ("\\\\", "//"):
        if text[2:4] not in ("?\\", ".\\", "?/", "./"):
            return True
        # Windows' long form: \\?\UNC\server\share\… is a share, \\?\Z:\… a drive
        if text[4:8].upper() in ("UNC\\", "UNC/"):
            return True
        text = text[4:]
    if sys.platform == "win32":
        return _on_remote_drive(text)
    return False


def _on_remote_drive(text: str) -> bool:
    import ctypes

    drive = PureWindowsPath(os.path.abspath(text)).drive
    if drive[:2] in ("\\\\", "//"):  # a relative path while the current folder is a share
        return True
    if len(drive) != 2 or drive[1] != ":":
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(f"{drive}\\") == DRIVE_REMOTE
