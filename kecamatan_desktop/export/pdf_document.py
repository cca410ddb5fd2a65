"""The PDF files: one SOP (cover, identity sheet, flowchart sheets) and the whole SOP book."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import replace
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError as PageOverflow
from reportlab.platypus.tableofcontents import TableOfContents

from kecamatan_desktop.domain.errors import Cancelled, InputError
from kecamatan_desktop.domain.interchange import sop_to_dict
from kecamatan_desktop.domain.limits import overlong
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.export.atomic import replacing_one
from kecamatan_desktop.export.pdf_fonts import BOLD, REGULAR
from kecamatan_desktop.export.pdf_sheets import (
    TABLE_FONT,
    TOC_TITLE,
    Anchor,
    CoverMark,
    FlowchartSheet,
    _style,
    cover_story,
    decree_story,
    identity_story,
    para,
)
from kecamatan_desktop.layout.model import A4, F4, LayoutError
from kecamatan_desktop.layout.sheet import lay_out_sheets
from kecamatan_desktop.services.printing import Book, OfficeProfile, identity_sheet, sop_cover

PAPERS = {"f4": F4, "a4": A4}
MARGIN = 20 * mm
FOOTER_BASELINE = 10.5 * mm  # the page number's lowest stroke stays 10 mm from the edge
MARK_BASELINE = 6 * mm  # a draft's mark above the text: inside a flowchart's 10 mm margin
MARK_COLOUR = colors.Color(0.75, 0, 0)
Progress = Callable[[int, int], bool | None]  # returns False to stop: Cancelled is raised
SEGEL_STYLE = _style("segel", 8)
BOOK_PASSES = 2  # multiBuild lays the book out twice: once to learn the pages, once to number


def paper_size(name: str) -> tuple[float, float]:
    try:
        return PAPERS[name.lower()]
    except KeyError:
        raise InputError(f"Kertas {name!r} tidak dikenal; pilih f4 atau a4") from None


class _Document(BaseDocTemplate):
    """Portrait pages for text, landscape pages for flowcharts, page numbers, bookmarks."""

    def __init__(self, path: Path | BytesIO, paper: tuple[float, float], title: str,
                 page_done: Callable[[], None] | None = None, mark: str | None = None) -> None:
        self.page_done = page_done
        self.mark = mark
        portrait = paper
        landscape = (paper[1], paper[0])
        # a BytesIO as it is: its str() would be taken for a file's name and written there
        target = path if isinstance(path, BytesIO) else str(path)
        super().__init__(target, pagesize=portrait, title=title, author="Kecamatan Desktop",
                         initialFontName=REGULAR,
                         leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                         bottomMargin=MARGIN)
        self.addPageTemplates([
            PageTemplate("portrait", pagesize=portrait, onPageEnd=self._number, frames=[
                Frame(MARGIN, MARGIN, portrait[0] - 2 * MARGIN, portrait[1] - 2 * MARGIN,
                      id="text")]),
            PageTemplate("landscape", pagesize=landscape, onPageEnd=self._number, frames=[
                Frame(0, 0, landscape[0], landscape[1], leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0, id="sheet")]),
        ])
        self.on_cover = False
        self.part = title  # what is being laid out: the last Anchor passed

    @staticmethod
    def _number(canvas, doc) -> None:
        """At the page's end, once its flowables have said whether it is a cover."""
        if doc.mark:
            draw_mark(canvas, doc.mark)  # every page, covers included
        if doc.on_cover:
            doc.on_cover = False
            return
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.drawCentredString(canvas._pagesize[0] / 2, FOOTER_BASELINE, f"Halaman {doc.page}")
        canvas.restoreState()

    def afterPage(self) -> None:
        if self.page_done is not None:
            self.page_done()

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, CoverMark):
            self.on_cover = True
        if isinstance(flowable, Anchor):
            self.part = flowable.title
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.title, flowable.key, level=flowable.level)
            if flowable.toc:
                self.notify("TOCEntry", (flowable.level, flowable.title, self.page,
                                         flowable.key))


def draw_mark(canvas, mark: str) -> None:
    """`mark` across the top of the page and, faint, diagonally across its middle: a page
    of a draft is never taken for the approved SOP, even cut out of the document."""
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(MARK_COLOUR)
    canvas.setFont(BOLD, 10)
    canvas.drawCentredString(width / 2, height - MARK_BASELINE, mark)
    canvas.setFillAlpha(0.12)
    canvas.setFont(BOLD, min(width, height) / 12)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.drawCentredString(0, 0, mark)
    canvas.restoreState()


class NotPrintable(InputError):
    """An SOP that cannot be laid out on the paper, named with why in one line."""

    def __init__(self, sop: Sop, reason: str) -> None:
        self.sop_id, self.name, self.reason = sop.id, sop.name, reason
        name = sop.name if len(sop.name) <= 80 else sop.name[:79] + "…"
        super().__init__(f"SOP '{name}' ({sop.id}) tidak dapat dicetak: {reason}")


class UnprintableSops(InputError):
    """A book with SOPs that cannot be laid out: nothing was written; one line each."""

    def __init__(self, sops: list[NotPrintable]) -> None:
        self.sops = sops
        super().__init__("\n".join(str(s) for s in sops))


def _paper_name(paper: tuple[float, float]) -> str:
    return next((name.upper() for name, size in PAPERS.items() if size == paper), "ini")


def _fits(story: list, paper: tuple[float, float]) -> bool:
    """Whether `story` lays out on portrait pages of `paper` (into a throwaway file)."""
    try:
        _Document(BytesIO(), paper, "").build(story)
    except PageOverflow:
        return False
    return True


def sop_story(sop: Sop, profile: OfficeProfile | None, paper: tuple[float, float],
              logo: bytes | None = None, key: str | None = None,
              cover_title: str | None = None) -> list:
    """Cover, identity sheet and (when the procedure is drawn) the flowchart sheets;
    NotPrintable when a part of them cannot be laid out on `paper`."""
    too_long = overlong(sop_to_dict(sop))  # before ReportLab spends minutes wrapping it
    if too_long:
        raise NotPrintable(sop, too_long[0])
    try:
        layout = lay_out_sheets(sop, paper) if sop.steps else None
    except LayoutError as exc:
        raise NotPrintable(sop, f"diagram alirnya tidak dapat ditata: {exc}") from None
    width = paper[0] - 2 * MARGIN

    def cover() -> list:
        return cover_story(sop_cover(sop, profile, cover_title), paper[1] - 2 * MARGIN, logo)

    def identity() -> list:
        return identity_story(identity_sheet(sop, profile), width, logo)

    # laid out alone first, from flowables of their own (ReportLab marks those it lays out)
    if not _fits(cover(), paper):
        raise NotPrintable(sop, f"sampulnya tidak muat pada satu halaman "
                                f"{_paper_name(paper)}; pendekkan judul sampulnya")
    if not _fits(identity(), paper):
        raise NotPrintable(sop, "kepala lembar identitasnya (Nomor SOP, tanggal, pengesah "
                                "dan Nama SOP) lebih tinggi dari satu halaman "
                                f"{_paper_name(paper)}; pendekkan isian itu")
    story: list = [NextPageTemplate("portrait"), Anchor(sop.name, key or sop.id)]
    story += cover()
    story += [PageBreak()]
    story += identity()
    if layout is not None:
        story.append(NextPageTemplate("landscape"))
        for page in layout.pages:
            story += [PageBreak(), FlowchartSheet(page)]
        story.append(NextPageTemplate("portrait"))
    return story


def write_sop_pdf(sop: Sop, path: Path, *, profile: OfficeProfile | None = None,
                  paper: str = "f4", logo: bytes | None = None,
                  cover_title: str | None = None, mark: str | None = None) -> Path:
    """The SOP as given; with `mark` (a draft's "DRAF — belum disimpan") on every page."""
    size = paper_size(paper)
    if logo is None and profile is not None:
        logo = profile.logo
    story = sop_story(sop, profile, size, logo, cover_title=cover_title)
    title = f"SOP {sop.name}" + (f" ({mark})" if mark else "")
    with replacing_one(Path(path)) as temp:
        _build(_Document(temp, size, title, mark=mark), story)
    return Path(path)


def _build(doc: _Document, story: list, passes: int = 1) -> None:
    """Build, a page that still overflows named by the part it is in, not a traceback."""
    try:
        doc.multiBuild(story) if passes > 1 else doc.build(story)
    except PageOverflow:
        raise InputError(f"'{doc.part}' tidak dapat dicetak: ada isi yang lebih besar dari "
                         "satu halaman; pendekkan isinya") from None


def unprintable_sops(book: Book, paper: str = "f4") -> list[NotPrintable]:
    """The SOPs of `book` that cannot be laid out on `paper`, each with why."""
    size = paper_size(paper)
    found = []
    for stored in book.sops:
        try:
            sop_story(stored.sop, book.profile, size, cover_title=stored.cover_title)
        except NotPrintable as exc:
            found.append(exc)
    return found


def without(book: Book, sop_ids: Collection[str]) -> Book:
    return replace(book, sops=tuple(s for s in book.sops if s.sop.id not in sop_ids))


def write_book_pdf(book: Book, path: Path, *, paper: str = "f4", logo: bytes | None = None,
                   progress: Progress | None = None, skip: Collection[str] = ()) -> Path:
    """Office cover, the Keputusan Camat, table of contents, then every SOP of the office
    but those in `skip`. UnprintableSops, and no file, when any other SOP cannot be laid
    out: every one of them is named, for the user to print the rest (`skip`) or fix them.

    `progress(done, total)` counts pages laid out over both of ReportLab's passes, after one
    step per SOP drawn; `total` is estimated from the page breaks until the first pass ends."""
    book = without(book, skip)
    size = paper_size(paper)
    width = size[0] - 2 * MARGIN
    total = len(book.sops)
    logo = logo if logo is not None else book.profile.logo
    story: list = [Anchor(book.profile.name, "book-cover", toc=False)]
    story += cover_story(book.cover(), size[1] - 2 * MARGIN, logo)
    if book.decree is not None:
        story += [PageBreak(), Anchor("Keputusan Camat", "decree")]
        story += decree_story(book.decree, book.profile.letterhead_lines(), width, logo,
                              book.profile.date_style)
    # the contents' table in the embedded face: its default would add Helvetica, unembedded
    toc = TableOfContents(dotsMinLevel=0, tableStyle=TableStyle([
        TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    toc.levelStyles = [_style("toc-entry", 10, leftIndent=0, firstLineIndent=0)]
    story += [PageBreak(), Anchor("Daftar Isi", "toc", toc=False),
              para("DAFTAR ISI", TOC_TITLE), toc]
    if book.segel:  # under the contents: a later rewrite of the catalogue is caught
        story += [Spacer(1, 12), para(f"Segel katalog SOP: {book.segel}", SEGEL_STYLE)]
    report = _BookProgress(progress, total)
    bad: list[NotPrintable] = []
    for i, stored in enumerate(book.sops, 1):
        try:
            part = sop_story(stored.sop, book.profile, size, logo, key=f"sop-{i}",
                             cover_title=stored.cover_title)
        except NotPrintable as exc:
            bad.append(exc)  # every one named at once, not the first alone
            part = []
        story += [PageBreak(), *part]
        report.sop_drawn(story)
    if bad:
        raise UnprintableSops(bad)
    with replacing_one(Path(path)) as temp:
        doc = _Document(temp, size, f"Buku SOP {book.profile.name}", report.page_done)
        _build(doc, story, passes=BOOK_PASSES)
        report.finish()
    return Path(path)


class _BookProgress:
    """Turns SOPs drawn and pages laid out into one `progress(done, total)` that only grows."""

    def __init__(self, progress: Progress | None, sops: int) -> None:
        self.progress, self.sops = progress, sops
        self.done = 0
        self.pages = 1  # estimated pages of one pass: page breaks + 1
        self.built = 0

    @property
    def total(self) -> int:
        return self.sops + BOOK_PASSES * self.pages

    def sop_drawn(self, story: list) -> None:
        self.pages = 1 + sum(isinstance(f, PageBreak) for f in story)
        self._tell(self.done + 1)

    def page_done(self) -> None:
        self.built += 1
        self._tell(self.sops + self.built)

    def finish(self) -> None:
        self._tell(self.total, final=True)

    def _tell(self, done: int, final: bool = False) -> None:
        self.done = done if final else min(done, self.total - 1)
        if self.progress is not None and self.progress(self.done, self.total) is False:
            raise Cancelled
