"""Tesseract through its command line: a grey page image in, its words with their boxes out.

No Pillow: the page is handed over as a binary PGM, which Tesseract reads itself."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kecamatan_desktop.bookimport import ocr_messages as msg

PAGE_SECONDS = 90  # one page's reading; a scan Tesseract cannot finish in this is refused
_LIST_SECONDS = 15


@dataclass(frozen=True)
class Word:
    """One word Tesseract read, its box in pixels of the rendered page; conf 0-100."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def cx(self) -> float:
        return self.left + self.width / 2

    @property
    def cy(self) -> float:
        return self.top + self.height / 2


@dataclass(frozen=True)
class GreyImage:
    """8-bit grey pixels, row by row, `width` bytes a row (no padding)."""

    width: int
    height: int
    pixels: bytes

    def pgm(self) -> bytes:
        return b"P5\n%d %d\n255\n" % (self.width, self.height) + self.pixels


class EngineError(RuntimeError):
    """Tesseract failed or ran out of time on a page; the message is Indonesian."""


@dataclass(frozen=True)
class Engine:
    """The `tesseract` program and the language it reads with ("ind", or "eng" where the
    Indonesian data is not installed)."""

    program: str
    language: str

    def words(self, image: GreyImage, dpi: int, timeout: float = PAGE_SECONDS) -> list[Word]:
        with tempfile.TemporaryDirectory(prefix="kd-ocr-") as folder:
            source = Path(folder) / "page.pgm"
            source.write_bytes(image.pgm())
            # psm 6 (one block) reads the step numbers psm 11 (sparse text) drops; the
            # words' boxes, not Tesseract's reading order, place them in the table's cells
            command = [self.program, str(source), str(Path(folder) / "page"),
                       "-l", self.language, "--psm", "6", "--dpi", str(dpi), "tsv"]
            try:
                done = subprocess.run(command, capture_output=True, timeout=timeout,
                                      env=_quiet_env(), check=False)
            except subprocess.TimeoutExpired as exc:
                raise EngineError(msg.ENGINE_TIMEOUT.format(seconds=timeout)) from exc
            except OSError as exc:
                raise EngineError(msg.ENGINE_START.format(detail=exc)) from exc
            tsv = Path(folder) / "page.tsv"
            if done.returncode != 0 or not tsv.exists():
                detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
                raise EngineError(msg.ENGINE_FAILED.format(
                    detail=detail[-1] if detail else f"kode {done.returncode}"))
            return parse_tsv(tsv.read_text(encoding="utf-8", errors="replace"))


def _windows_install(program: str) -> str | None:
    """Where the Tesseract installer for Windows puts the program when it is not on PATH."""
    if sys.platform != "win32" or program != "tesseract":
        return None
    for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)"),
                 os.environ.get("LOCALAPPDATA") and
                 str(Path(os.environ["LOCALAPPDATA"]) / "Programs")):
        if root and (Path(root) / "Tesseract-OCR" / "tesseract.exe").is_file():
            return str(Path(root) / "Tesseract-OCR" / "tesseract.exe")
    return None


def find_engine(program: str | None = "tesseract") -> tuple[Engine | None, str]:
    """The engine on this computer, and a problem to tell ("" when none): `program=None`
    reads without OCR, as a computer without Tesseract does; a missing Indonesian
    language falls back to English."""
    found = None if program is None else shutil.which(program) or _windows_install(program)
    if found is None:
        return None, msg.NO_ENGINE
    try:
        listed = subprocess.run([found, "--list-langs"], capture_output=True,
                                timeout=_LIST_SECONDS, env=_quiet_env(), check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None, msg.ENGINE_BROKEN
    output = (listed.stdout + listed.stderr).decode("utf-8", "replace").split()
    if "ind" in output:
        return Engine(found, "ind"), ""
    if "eng" in output:
        return Engine(found, "eng"), msg.ENGLISH_ONLY
    return None, msg.NO_LANGUAGE


def parse_tsv(text: str) -> list[Word]:
    """The word rows (level 5) of Tesseract's TSV; empty and unreadable rows left out."""
    words = []
    for line in text.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        word = "\t".join(cells[11:]).strip()
        try:
            left, top, width, height = (int(cells[i]) for i in range(6, 10))
            conf = float(cells[10])
        except ValueError:
            continue
        if word and conf >= 0:
            words.append(Word(word, left, top, width, height, conf))
    return words


def _quiet_env() -> dict[str, str]:
    env = dict(os.environ)
    # one thread: the office PC (and the test machine) runs other work too, and
    # Tesseract's OpenMP threads make small pages slower, not faster
    env["OMP_THREAD_LIMIT"] = "1"
    return env
