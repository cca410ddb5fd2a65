"""A scanned SOP book (an image-only PDF) read through OCR: each page rendered with pdfium,
its ruled lines found and wiped, its words read by Tesseract; identity fields and the
procedure table's rows from the words and their boxes. The flowchart is not rebuilt from
the picture: every step's lanes are left for a person to fill in, and every field is
uncertain (`FoundSop.ocr`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kecamatan_desktop.bookimport import ocr_messages as msg
from kecamatan_desktop.bookimport.fields import waktu_problem
from kecamatan_desktop.bookimport.found import IDENTITY_KEYS, FoundSop, FoundStep, Problem
from kecamatan_desktop.bookimport.ocr_engine import (
    PAGE_SECONDS,
    Engine,
    EngineError,
    GreyImage,
    find_engine,
)
from kecamatan_desktop.bookimport.ocr_grid import find_rules, table_lines, wipe
from kecamatan_desktop.bookimport.ocr_identity import read_identity
from kecamatan_desktop.bookimport.ocr_table import Row, Table, read_table
from kecamatan_desktop.bookimport.ocr_text import clean, confidence
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.interchange import LIST_KEYS

MAX_MB = 150  # a scanned book of a few hundred pages at 300 dpi
MAX_PAGES = 300
MAX_PAGE_CM = 120  # A0's long side is 118.9 cm
DPI = 300  # Tesseract's own advice for body text
MAX_PIXELS = 20_000_000  # an A3 page at 300 dpi is 17.4 million
_LOW_CONF = 60


def read_scan(path: Path | str, engine: str | None = "tesseract",
              page_seconds: float = PAGE_SECONDS, *, pages=None) -> list[FoundSop]:
    """One FoundSop per SOP in the scanned PDF; `engine` is the Tesseract program (None:
    read without OCR, as on a computer without it). Raises InputError for bad input.
    `pages(done, total)`, when given, is called before each page (it may raise to stop)."""
    path = Path(path)
    pdf = _open(path)
    try:
        count = len(pdf)
        ocr, problem = find_engine(engine)
        if ocr is None:
            return [_unread(path.name, count, problem)]
        read = []
        for index in range(count):
            if pages is not None:
                pages(index, count)
            read.append(_read_page(pdf, index, ocr, path.name, page_seconds))
    finally:
        pdf.close()
    sops = _assemble(path.name, read)
    if problem:  # read, but with English data
        sops = [replace(sop, problems=(Problem("ocr", problem), *sop.problems)) for sop in sops]
    return sops


def _open(path: Path) -> pdfium.PdfDocument:
    """The PDF opened after the limits that need no parsing: size, then pages and their
    sizes from the page tree."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(msg.NOT_FOUND.format(name=name)) from exc
    if size == 0:
        raise InputError(msg.EMPTY.format(name=name))
    if size > MAX_MB * 1024 * 1024:
        raise InputError(msg.TOO_LARGE.format(name=name, size=size // (1024 * 1024),
                                              limit=MAX_MB))
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(msg.ENCRYPTED.format(name=name)) from exc
        raise InputError(msg.CORRUPT.format(name=name, detail=exc)) from exc
    try:
        count = len(pdf)
        if count == 0:
            raise InputError(msg.NO_PAGES.format(name=name))
        if count > MAX_PAGES:
            raise InputError(msg.TOO_MANY_PAGES.format(name=name, count=count,
                                                       limit=MAX_PAGES))
        for index in range(count):
            width, height = (side / 72 * 2.54 for side in pdf.get_page_size(index))
            if max(width, height) > MAX_PAGE_CM:
                raise InputError(msg.PAGE_TOO_LARGE.format(
                    name=name, page=index + 1, width=round(width), height=round(height),
                    limit=MAX_PAGE_CM))
    except BaseException:
        pdf.close()
        raise
    return pdf


@dataclass
class _Page:
    number: int  # 1-based
    identity: dict = field(default_factory=dict)
    labels: int = 0
    table: Table | None = None
    conf: float = 0.0
    failed: str = ""  # why Tesseract could not read it


def _read_page(pdf: pdfium.PdfDocument, index: int, engine: Engine, name: str,
               seconds: float) -> _Page:
    image, dpi = _render(pdf[index])
    grid = find_rules(image, min_length=dpi * 35 // 100, max_thickness=max(4, dpi // 30))
    try:
        words = clean(engine.words(wipe(image, grid), dpi, seconds))
    except EngineError as exc:
        return _Page(index + 1, failed=str(exc))
    cells = table_lines(grid, reach=max(6, dpi // 15))
    identity, labels = read_identity(words, cells)
    return _Page(index + 1, identity, labels, read_table(words, cells), confidence(words))


def _render(page: pdfium.PdfPage) -> tuple[GreyImage, int]:
    width, height = page.get_size()
    dpi = DPI
    while width / 72 * dpi * height / 72 * dpi > MAX_PIXELS:
        dpi -= 25
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        raw = bytes(bitmap.buffer)
        w, h, stride = bitmap.width, bitmap.height, bitmap.stride
    finally:
        bitmap.close()
        page.close()
    pixels = raw if stride == w else b"".join(raw[y * stride:y * stride + w] for y in range(h))
    return GreyImage(w, h, pixels), dpi


def _unread(name: str, count: int, problem: str) -> FoundSop:
    """Without an engine: one SOP over every page, all fields empty, for a person to fill
    in beside the page."""
    pages = tuple(range(1, count + 1))
    problems = [Problem("ocr", problem), Problem("pages", msg.NO_ENGINE_PAGES.format(
        pages=_span(pages)))]
    problems += _missing({})
    problems.append(Problem("steps", msg.NO_PROCEDURE))
    return FoundSop(source=name, identity=_identity({}), problems=tuple(problems),
                    pages=pages, ocr=False)


@dataclass
class _Sop:
    pages: list[_Page] = field(default_factory=list)
    identity: dict = field(default_factory=dict)
    tables: list[tuple[int, Table]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _assemble(name: str, pages: list[_Page]) -> list[FoundSop]:
    """Pages into SOPs: an identity page starts one, procedure pages join the one before
    (or start one of their own when none is open); other pages are named and skipped."""
    sops: list[_Sop] = []
    waiting: list[Problem] = []  # pages skipped before the first SOP
    for page in pages:
        if page.failed:
            waiting.append(Problem(f"page {page.number}", msg.TOO_SLOW.format(
                name=name, page=page.number, detail=page.failed)))
        elif page.labels >= 2:
            sops.append(_Sop([page], dict(page.identity)))
        elif page.table is not None:
            if not sops:
                sops.append(_Sop([], {}, [], [Problem("identity", msg.NO_IDENTITY_PAGE)]))
            sops[-1].pages.append(page)
            sops[-1].tables.append((page.number, page.table))
        else:
            waiting.append(Problem(f"page {page.number}",
                                   msg.PAGE_SKIPPED.format(page=page.number)))
        if sops and waiting:
            sops[-1].problems.extend(waiting)
            waiting = []
    if not sops:
        failed = next((page for page in pages if page.failed), None)
        if failed is not None:
            raise InputError(msg.TOO_SLOW.format(name=name, page=failed.number,
                                                 detail=failed.failed))
        raise InputError(msg.NO_SOP.format(name=name))
    return [_found(name, sop) for sop in sops]


def _found(name: str, sop: _Sop) -> FoundSop:
    problems = list(sop.problems)
    for page in sop.pages:
        problems.append(Problem(f"page {page.number}", msg.OCR_TEXT.format(conf=page.conf)))
    identity = dict(sop.identity)
    titles = [table.title for _, table in sop.tables if table.title]
    if not identity.get("name") and titles:
        title = titles[0]
        identity["name"] = title[4:] if title.lower().startswith("sop ") else title
        problems.append(Problem("identity.name", msg.NAME_FROM_TITLE.format(title=title)))
    problems += _missing(identity)
    lanes: list[str] = []
    steps: list[FoundStep] = []
    for number, table in sop.tables:
        problems.append(Problem(f"page {number}", msg.CHART_UNREAD.format(page=number)))
        if not table.ruled:
            problems.append(Problem(f"page {number}", msg.TABLE_UNRULED.format(page=number)))
        elif not any(table.lanes):
            problems.append(Problem(f"page {number}", msg.NO_LANES.format(page=number)))
        lanes += [lane for lane in table.lanes if lane and lane not in lanes]
        for row in table.rows:
            steps.append(_step(row, number))
            problems += _step_problems(row, len(steps))
    if not steps:
        problems.append(Problem("steps", msg.NO_PROCEDURE))
    return FoundSop(source=name, identity=_identity(identity), lanes=tuple(lanes),
                    steps=tuple(steps), problems=tuple(problems),
                    pages=tuple(page.number for page in sop.pages), ocr=True)


def _step(row: Row, page: int) -> FoundStep:
    return FoundStep(no=row.no, activity=row.activity, lanes=(),
                     requirements=row.requirements, time=row.time, output=row.output,
                     notes=row.notes, page=page)


def _step_problems(row: Row, index: int) -> list[Problem]:
    """`index` is the step's 1-based place in FoundSop.steps, as in FoundStep.yes."""
    place = f"steps[{index}]"
    problems = [Problem(f"{place}.lanes", msg.STEP_LANES)]
    if not row.no:
        problems.append(Problem(f"{place}.no", msg.STEP_NO_NUMBER))
    if not row.activity:
        problems.append(Problem(f"{place}.activity", msg.STEP_NO_ACTIVITY))
    if row.conf < _LOW_CONF:
        problems.append(Problem(place, msg.STEP_LOW_CONF.format(conf=row.conf)))
    if row.branch_labels:
        problems.append(Problem(f"{place}.shape", msg.STEP_BRANCH))
    if not row.time:
        problems.append(Problem(f"{place}.time", msg.TIME_EMPTY))
    elif waktu_problem(row.time):
        problems.append(Problem(f"{place}.time", waktu_problem(row.time)))
    return problems


def _identity(found: dict) -> dict:
    """Every identity key, empty where nothing was read (lists as lists)."""
    return {key: found.get(key, [] if key in LIST_KEYS else "") for key in IDENTITY_KEYS}


def _missing(found: dict) -> list[Problem]:
    return [Problem(f"identity.{key}", msg.IDENTITY_MISSING.format(label=msg.LABELS[key]))
            for key in IDENTITY_KEYS if not found.get(key)]


def _span(pages: tuple[int, ...]) -> str:
    return str(pages[0]) if len(pages) == 1 else f"{pages[0]}–{pages[-1]}"
