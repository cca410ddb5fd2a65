"""Windows only (the suite under the Windows Python): the window lets go of a console that
only it uses (a taskbar pin or a double-click starts kecamatan-desktop.exe with one), and
keeps one shared with the command prompt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Windows consoles only")

ROOT = Path(__file__).resolve().parents[1]
# the process under test: releases (or keeps) its console and writes what it saw to argv[1]
RELEASE = ("import ctypes, sys; from kecamatan_desktop.app import release_own_console; "
           "released = release_own_console(); "
           "window = ctypes.windll.kernel32.GetConsoleProcessList((ctypes.c_uint32 * 2)(), 2); "
           "open(sys.argv[1], 'w').write(f'{released} {window}')")


def run(tmp_path: Path, flags: int, *, through_shell: bool = False) -> str:
    out = tmp_path / "seen.txt"
    command = [sys.executable, "-c", RELEASE, str(out)]
    if through_shell:  # a "command prompt" of its own console starts the program in it
        command = [sys.executable, "-c",
                   "import subprocess, sys; subprocess.run(sys.argv[1:], timeout=120)",
                   *command]
    subprocess.run(command, creationflags=flags, cwd=ROOT, timeout=180, check=True)
    return out.read_text()


def test_a_console_of_its_own_is_let_go(tmp_path):
    assert run(tmp_path, subprocess.CREATE_NEW_CONSOLE) == "True 0"


def test_a_console_shared_with_the_prompt_is_kept(tmp_path):
    assert run(tmp_path, subprocess.CREATE_NEW_CONSOLE, through_shell=True) == "False 2"


def test_no_console_is_nothing_to_let_go(tmp_path):
    assert run(tmp_path, subprocess.DETACHED_PROCESS) == "False 0"
