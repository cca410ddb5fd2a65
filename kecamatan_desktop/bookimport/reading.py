"""An SOP book in any form the readers know, read by the reader its content asks for, and
each SOP found in it as a `sop-ap/1` document checked as `import` checks a file. An SOP
lacking what sop-ap/1 requires and has no empty value for (a whole date, a lane per step,
the approver's NIP) is refused, saying why in one line."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Collection
from pathlib import Path

from kecamatan_desktop.bookimport.found import FoundSop, Problem
from kecamatan_desktop.bookimport.sop_mapping import STEP_PATH, SopMapping, document_place
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.interchange import InvalidSopFile, sop_from_dict, sop_to_dict

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls/.doc, or an encrypted Office file
_TEXT_SUFFIXES = (".txt", ".md", ".markdown")
_SHOWN_REASONS = 3


class SopRefused(InputError):
    """An SOP the file holds that cannot be a sop-ap/1 document: `reasons` say why,
    `problems` are everything found about it (the reasons among them)."""

    def __init__(self, source: str, name: str, reasons: list[Problem],
                 problems: list[Problem], document: dict | None = None) -> None:
        self.source, self.name = source, name
        self.reasons, self.problems = reasons, problems
        self.document = document  # the document as mapped, for a person to complete
        lines = _grouped(reasons)
        shown = "; ".join(lines[:_SHOWN_REASONS])
        more = len(lines) - _SHOWN_REASONS
        if more > 0:
            shown += f"; dan {more} alasan lain"
        what = f"SOP '{name}'" if name else "sebuah SOP tanpa nama"
        super().__init__(f"Berkas {source}: {what} tidak dapat disimpan: {shown}")


def _grouped(reasons: list[Problem]) -> list[str]:
    """The reasons as said in one line: one reason of many steps once, naming the steps."""
    steps: dict[tuple[str, str], list[int]] = {}
    lines: list[str | tuple[str, str]] = []
    for p in reasons:
        match = STEP_PATH.match(p.path)
        if match is None:
            lines.append(f"{p.path}: {p.message}")
            continue
        key = (match.group(2), p.message)
        if key not in steps:
            steps[key] = []
            lines.append(key)
        steps[key].append(int(match.group(1)))
    return [line if isinstance(line, str)
            else f"langkah {_runs(steps[line])}: {line[1]}" for line in lines]


def _runs(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → "1–3, 5"."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


PageProgress = Callable[[int, int], None]  # (pages read, pages in the file); may raise


def read_book(path: Path | str, *, pages: PageProgress | None = None) -> list[FoundSop]:
    """Every SOP the file holds, read by the reader its content asks for: a PDF (a scan
    without text goes to OCR), an Excel workbook, a Word document, or text or Markdown.
    InputError, one line naming the file, for anything else or a file that cannot be read.
    `pages(done, total)` is told after each page of a PDF; it may raise to stop reading."""
    from kecamatan_desktop.bookimport import (  # the readers import their libraries slowly
        docx_reader,
        ocr_reader,
        pdf_reader,
        text_reader,
        xlsx_reader,
    )

    path = Path(path)
    head = _head(path)
    suffix = path.suffix.lower()
    if b"%PDF-" in head:
        try:
            return pdf_reader.read_pdf(path, pages=pages)
        except pdf_reader.NoTextLayer:
            return ocr_reader.read_scan(path, pages=pages)
    if head.startswith(b"PK"):
        parts = _zip_parts(path)
        if parts is None:  # a damaged zip: its reader, known by the name, says what is wrong
            parts = {".xlsx": {"xl/workbook.xml"}, ".xlsm": {"xl/workbook.xml"},
                     ".docx": {"word/document.xml"}}.get(suffix, set())
        if "xl/workbook.xml" in parts:
            return xlsx_reader.read_xlsx(path)
        if "word/document.xml" in parts:
            return docx_reader.read_docx(path)
        raise InputError(f"Berkas {path.name} adalah arsip zip, tetapi bukan buku kerja Excel "
                         "(.xlsx) atau dokumen Word (.docx) yang dapat dibaca.")
    if head.startswith(_CFB_MAGIC):  # the readers tell an old format from a locked one
        if suffix in (".xlsx", ".xlsm", ".xls"):
            return xlsx_reader.read_xlsx(path)
        if suffix in (".docx", ".doc"):
            return docx_reader.read_docx(path)
    if suffix in _TEXT_SUFFIXES:
        return text_reader.read_text(path)
    raise InputError(f"Berkas {path.name} bukan buku SOP yang dapat dibaca: yang dibaca "
                     "hanya PDF, buku kerja Excel (.xlsx), dokumen Word (.docx), dan teks "
                     "(.txt, .md).")


def _head(path: Path) -> bytes:
    name = path.name
    if path.is_dir():
        raise InputError(f"{path} adalah folder, bukan berkas buku SOP.")
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except FileNotFoundError:
        raise InputError(f"Berkas {name} tidak ditemukan.") from None
    except PermissionError:
        raise InputError(f"Berkas {name} tidak boleh dibaca (izin ditolak).") from None
    except OSError as exc:
        raise InputError(f"Berkas {name} tidak dapat dibaca ({exc.strerror or 'galat'})."
                         ) from None
    if not head:
        raise InputError(f"Berkas {name} kosong (0 bita).")
    return head


def _zip_parts(path: Path) -> set[str] | None:
    """The part names from the zip's directory (nothing is inflated); None when the
    directory cannot be read, for the reader of its kind to say what is wrong."""
    try:
        with zipfile.ZipFile(path) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def file_sha256(path: Path | str) -> str:
    """The file's SHA-256 in hex, read in pieces."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def to_interchange(found: FoundSop, *, office: str | None,
                   taken: Collection[str] = ()) -> tuple[dict, list[Problem]]:
    """The interchange document of one found SOP, checked as `import` checks a file, with the
    found problems and those the mapping adds (paths as the readers write them; steps counted
    from 1 in the document's steps). `office` replaces the office the file names; the id is
    made from the office and the name, unlike every id in `taken`. SopRefused when the SOP
    cannot be a valid document."""
    mapping = SopMapping(found)
    doc = mapping.document(office, set(taken))
    problems = mapping.problems
    refusals = mapping.refusals
    try:
        sop_from_dict(doc, source=found.source)
    except InvalidSopFile as exc:
        covered = {p.path for p in refusals}
        for p in exc.problems:
            where = document_place(p.place)
            if where not in covered:
                refusals.append(Problem(where, p.message))
                covered.add(where)
    if refusals:
        raise SopRefused(found.source, doc["name"], refusals, [*problems, *refusals],
                         document=doc)
    # written back as sop-ap/1 when the SOP needs nothing of sop-ap/2
    return sop_to_dict(sop_from_dict(doc, source=found.source)), problems
