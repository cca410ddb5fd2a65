"""A PDF with a text layer into the SOPs it holds: identity pages, procedure tables found by
meaning, the flowchart's shapes per lane and step, its arrows and decisions. Limits are
checked before parsing and each page has a time limit; nothing missing is invented."""

from __future__ import annotations

import time
from pathlib import Path

import pypdfium2 as pdfium

from kecamatan_desktop.bookimport.found import FoundSop
from kecamatan_desktop.bookimport.pdf_identity import is_identity_page, read_identity
from kecamatan_desktop.bookimport.pdf_page import PageContent, PageTooLarge, PageTooSlow, read_page
from kecamatan_desktop.bookimport.pdf_shapes import Drawing, classify
from kecamatan_desktop.bookimport.pdf_steps import SopDraft
from kecamatan_desktop.bookimport.pdf_stitch import join, sheet_pages
from kecamatan_desktop.bookimport.pdf_table import Table, continue_table, find_header, opens_table
from kecamatan_desktop.domain.errors import InputError

MAX_BYTES = 40 * 1024 * 1024  # the largest of 348 real SOP books is under 2 MB
MAX_PAGES = 500
PAGE_SECONDS = 10.0


class NoTextLayer(InputError):
    """The PDF has pages but not one character of text: a scan, for OCR."""


def _check_file(path: Path) -> None:
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise InputError(f"Berkas {name} tidak dapat dibaca ({exc.strerror or 'galat'}).") from exc
    if size == 0:
        raise InputError(f"Berkas {name} kosong (0 bita).")
    if size > MAX_BYTES:
        raise InputError(f"Berkas {name} terlalu besar ({size // (1024 * 1024)} MB; "
                         f"paling besar {MAX_BYTES // (1024 * 1024)} MB untuk satu buku SOP).")
    if b"%PDF-" not in head:
        raise InputError(f"Berkas {name} bukan PDF (tidak diawali tanda %PDF).")


def _open(path: Path) -> pdfium.PdfDocument:
    name = path.name
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(f"Berkas {name} terkunci dengan kata sandi (PDF terenkripsi); "
                             "buka kuncinya lalu impor lagi.") from exc
        raise InputError(f"Berkas {name} rusak: PDF tidak dapat dibuka.") from exc
    pages = len(document)
    if pages == 0:
        document.close()
        raise InputError(f"Berkas {name} tidak berisi satu halaman pun.")
    if pages > MAX_PAGES:
        document.close()
        raise InputError(f"Berkas {name} terlalu banyak halaman ({pages}; paling banyak "
                         f"{MAX_PAGES}).")
    return document


def _broken(page: PageContent) -> bool:
    """A text layer broken glyph by glyph: characters without Unicode, or one per word."""
    if page.chars < 40:
        return False
    if page.bad_chars > 0.3 * page.chars:
        return True
    words = [w for w in page.words if w.text.isalpha()]
    return len(words) >= 30 and sum(len(w.text) == 1 for w in words) > 0.6 * len(words)


def read_pdf(path: Path, *, pages=None) -> list[FoundSop]:
    """Every SOP in the file, in the order of its pages. InputError for a file that cannot be
    read as an SOP book (NoTextLayer for a scan without text). `pages(done, total)`, when
    given, is called before each page (it may raise to stop)."""
    path = Path(path)
    _check_file(path)
    document = _open(path)
    try:
        return _read(document, path.name, pages)
    finally:
        document.close()


def _pages(document: pdfium.PdfDocument, progress=None) -> list[PageContent | str]:
    """Every page's content, or for a page skipped why, in Indonesian; `progress(index,
    total)` is called before each page (it may raise to stop)."""
    pages: list[PageContent | str] = []
    for index in range(len(document)):
        number = index + 1
        if progress is not None:
            progress(index, len(document))
        page_handle = document[index]
        try:
            pages.append(read_page(page_handle, number, PAGE_SECONDS))
        except PageTooSlow:
            pages.append(f"halaman {number} dilewati: terlalu lama dibaca "
                         f"(lebih dari {PAGE_SECONDS:.0f} detik)")
        except PageTooLarge as exc:
            pages.append(f"halaman {number} dilewati: {exc}")
        finally:
            page_handle.close()
    return pages


def _read(document: pdfium.PdfDocument, name: str, progress=None) -> list[FoundSop]:
    sops: list[FoundSop] = []
    draft = SopDraft(name)
    previous: Table | None = None
    contents = _pages(document, progress)
    skipped = any(isinstance(page, str) for page in contents)
    any_text = any(isinstance(page, PageContent) and page.chars > 0 for page in contents)
    drawings: dict[int, Drawing] = {}

    def part(i: int) -> tuple[PageContent, Drawing] | None:
        page = contents[i]
        if isinstance(page, str) or _broken(page):
            return None
        if i not in drawings:
            drawings[i] = classify(page.subpaths)
        return page, drawings[i]

    index = 0
    while index < len(contents):
        page = contents[index]
        index += 1
        if isinstance(page, str):
            draft.page_problem(index, page)
            continue
        number = page.number
        started = time.monotonic()
        if _broken(page):
            draft.page_problem(number, f"halaman {number}: lapisan teksnya rusak (huruf demi "
                                       "huruf terpisah atau tanpa kode Unicode); tidak dibaca")
            previous = None
            continue
        if len(page.words) < 8:
            if page.image_area > 0.2:
                draft.page_problem(number, f"halaman {number} berupa gambar tanpa lapisan "
                                           "teks; isinya tidak terbaca (perlu OCR)")
            previous = None
            continue
        page, drawing = part(index - 1)
        table = find_header(page, drawing.segments)
        if table is None and opens_table(page):
            # a sheet printed in bands of columns: its pages joined back into the sheet
            tiers = sheet_pages((page, drawing), (part(i) for i in range(index, len(contents))),
                                opens_table, is_identity_page)
            if tiers is not None:
                index += sum(len(t) for t in tiers) - 1
                page = join(tiers)
                drawing = classify(page.subpaths)
                table = find_header(page, drawing.segments)
        if table is None and previous is not None:
            table = continue_table(page, drawing.segments, previous)
        if is_identity_page(page):
            if draft.started:
                sops.append(draft.finish())
                draft = SopDraft(name)
            limit = table.top - 20 if table is not None and table.header else page.height
            draft.add_identity(number, read_identity(page, drawing.segments, limit))
        if table is not None:
            if (table.header and draft.has_steps and table.rows
                    and table.rows[0].no in ("1", "") and not is_identity_page(page)):
                sops.append(draft.finish())  # numbering starts again: the next SOP
                draft = SopDraft(name)
            draft.add_table(page, drawing, table)
            previous = table
        else:
            previous = None
            if page.image_area > 0.3 and not is_identity_page(page):
                draft.page_problem(number, f"halaman {number} berupa gambar tanpa lapisan "
                                           "teks; isinya tidak terbaca (perlu OCR)")
        if time.monotonic() - started > PAGE_SECONDS:
            draft.page_problem(number, f"halaman {number} dibaca lebih lama dari "
                                       f"{PAGE_SECONDS:.0f} detik; isinya mungkin tidak lengkap")
    if not any_text and not skipped:  # pictures only, however many pages said so: a scan
        raise NoTextLayer(f"Berkas {name} tidak memiliki lapisan teks (hasil pindaian); "
                          "halamannya perlu dibaca dengan OCR.")
    if draft.started:
        sops.append(draft.finish())
    elif not sops and draft.problems:  # every page skipped: say why
        raise InputError(f"Berkas {name} tidak terbaca: {draft.problems[0].message}.")
    sops = [s for s in sops if s.steps or s.identity]
    if not any(s.steps for s in sops) and not any(
            p.path.startswith("page") and "gambar" in p.message for s in sops for p in s.problems):
        raise InputError(f"Berkas {name} tidak berisi tabel prosedur SOP (tidak ada kepala "
                         "tabel No / Kegiatan / Pelaksana / Waktu).")
    return sops

