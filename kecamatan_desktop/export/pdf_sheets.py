"""ReportLab flowables for the printed pages: cover, identity sheet, decree, flowchart sheet.

The texts come from services.printing and the flowchart geometry from layout/; this module
only turns them into Paragraphs, Tables and drawing calls.
"""

from __future__ import annotations

from html import escape
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kecamatan_desktop.domain.decree import enacted
from kecamatan_desktop.domain.tanggal import STANDARD, TanggalStyle, format_tanggal
from kecamatan_desktop.export.pdf_flowchart import HEADING_FILL, draw_page
from kecamatan_desktop.export.pdf_fonts import BOLD, REGULAR, register_fonts
from kecamatan_desktop.export.pdf_lists import ListPair
from kecamatan_desktop.layout.model import Page
from kecamatan_desktop.services.printing import Cover, Decree, IdentitySheet, SignatureBlock

register_fonts()


def _style(name: str, size: float = 10, bold: bool = False, align=TA_LEFT,
           leading: float | None = None, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=BOLD if bold else REGULAR, fontSize=size,
                          leading=leading or size * 1.25, alignment=align, **kw)


BODY = _style("body", 9.5)
BODY_JUSTIFY = _style("body-justify", 10, align=TA_JUSTIFY)
CENTER = _style("center", 9.5, align=TA_CENTER)
CENTER_BOLD = _style("center-bold", 9.5, True, TA_CENTER)
LABEL = _style("label", 9.5, True)
ITEM = _style("item", 9, leftIndent=12, firstLineIndent=-12)
COVER_HEADING = _style("cover-heading", 20, True, TA_CENTER, 26)
COVER_TITLE = _style("cover-title", 17, True, TA_CENTER, 23)
COVER_OFFICE = _style("cover-office", 13, True, TA_CENTER, 18)
DECREE_HEAD = _style("decree-head", 12, True, TA_CENTER, 15)
DECREE_SMALL = _style("decree-small", 9, False, TA_CENTER)
TOC_TITLE = _style("toc-title", 14, True, TA_CENTER, 20, spaceAfter=12)
NOTE = _style("note", 10, True, TA_CENTER, 14, borderColor=colors.black, borderWidth=0.6,
              borderPadding=6)
GRID_LINE = colors.black
# Table cells without a Paragraph would otherwise use Helvetica, which is not embedded.
TABLE_FONT = ("FONT", (0, 0), (-1, -1), REGULAR, 9)


def para(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def numbered(items: tuple[str, ...]) -> list[Paragraph]:
    return [para(f"{i}. {item}", ITEM) for i, item in enumerate(items, 1)]


class Anchor(Flowable):
    """A zero-size marker: where it lands the document adds a bookmark and a TOC entry."""

    def __init__(self, title: str, key: str, level: int = 0, toc: bool = True) -> None:
        super().__init__()
        self.title, self.key, self.level, self.toc = title, key, level, toc

    def wrap(self, *_):
        return 0, 0

    def draw(self) -> None:
        pass


class CoverMark(Flowable):
    """A zero-size marker: the page it lands on is a cover, printed without a page number."""

    def wrap(self, *_):
        return 0, 0

    def draw(self) -> None:
        pass


def logo_image(data: bytes, size: float) -> Image:
    """The office's logo scaled to fit a `size` × `size` square."""
    image = Image(BytesIO(data))
    scale = min(size / image.drawWidth, size / image.drawHeight)
    image.drawWidth, image.drawHeight = image.drawWidth * scale, image.drawHeight * scale
    return image


class FlowchartSheet(Flowable):
    """One laid-out flowchart page, filling a landscape page exactly."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page

    def wrap(self, *_):
        return self.page.width, self.page.height

    def draw(self) -> None:
        draw_page(self.canv, self.page)


def cover_story(cover: Cover, height: float, logo: bytes | None = None) -> list[Flowable]:
    """Heading and title, the logo in the middle of the page, then office, address, year."""
    story: list[Flowable] = [CoverMark(), Spacer(1, height * 0.12)]
    story += [para(line, COVER_HEADING) for line in cover.heading]
    if cover.heading:
        story.append(Spacer(1, 18))
    story += [para(line, COVER_TITLE) for line in cover.title.splitlines()]
    if logo:
        story += [Spacer(1, height * 0.12), logo_image(logo, 120), Spacer(1, height * 0.12)]
    else:
        story.append(Spacer(1, height * 0.42))
    story += [para(line, COVER_OFFICE) for line in cover.office_lines]
    return story


def signature_block(block: SignatureBlock, style: ParagraphStyle = CENTER) -> list[Flowable]:
    """Title, room for the signature and stamp, name underlined, rank, NIP."""
    parts: list[Flowable] = [para(block.title, CENTER_BOLD), Spacer(1, 48),
                             Paragraph(f"<u><b>{escape(block.name)}</b></u>", style)]
    parts += [para(text, style) for text in (block.rank, block.nip) if text]
    return parts


def identity_story(sheet: IdentitySheet, width: float, logo: bytes | None = None) -> list:
    left: list[Flowable] = []
    if logo:
        left += [logo_image(logo, 70), Spacer(1, 6)]
    else:
        left += [Spacer(1, 70)]  # the logo's place stays empty
    left += [para(line, CENTER_BOLD) for line in sheet.letterhead]
    data = [[left, para(label, LABEL), para(value)] for label, value in sheet.rows]
    data.append(["", para("Disahkan oleh", LABEL), signature_block(sheet.approver)])
    data.append(["", para("Nama SOP", LABEL), para(sheet.name, LABEL)])
    header = Table(data, colWidths=[width * 0.4, width * 0.24, width * 0.36])
    header.setStyle(TableStyle([TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.6, GRID_LINE),
        ("SPAN", (0, 0), (0, len(data) - 1)),
        ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
        ("VALIGN", (1, 0), (-1, -1), "TOP"),
    ]))
    # the lists run on over as many pages as they need (25 laws do not fit one)
    grid = [ListPair((para(left_title, CENTER_BOLD), para(right_title, CENTER_BOLD)),
                     (numbered(left_items), numbered(right_items)), width, HEADING_FILL)
            for left_title, left_items, right_title, right_items in sheet.grid]
    story: list[Flowable] = [header, Spacer(1, 10), *grid]
    if sheet.note:
        story += [Spacer(1, 18), para(sheet.note, NOTE)]
    return story


def _labelled(label: str, items: list[Flowable], width: float) -> Table:
    table = Table([[para(label, BODY), para(":", BODY), items]],
                  colWidths=[width * 0.16, width * 0.03, width * 0.81])
    table.setStyle(TableStyle([TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return table


def _lettered(items: tuple[str, ...], numbering: str) -> list[Flowable]:
    marks = ("abcdefghijklmnopqrstuvwxyz" if numbering == "a"
             else [str(i) for i in range(1, len(items) + 1)])
    return [Paragraph(f"{marks[i]}. {escape(text)}",
                      _style("decree-item", 10, align=TA_JUSTIFY, leftIndent=16,
                             firstLineIndent=-16))
            for i, text in enumerate(items)]


def decree_story(decree: Decree, letterhead_extra: tuple[str, ...], width: float,
                 logo: bytes | None = None, style: TanggalStyle = STANDARD) -> list:
    kop: list[Flowable] = [para(line, DECREE_HEAD) for line in decree.letterhead]
    kop += [para(line, DECREE_SMALL) for line in letterhead_extra]
    if logo:  # the logo left of the letterhead, the lines centred on the page as before
        side = 70
        table = Table([[logo_image(logo, side), kop, ""]],
                      colWidths=[side + 6, width - 2 * (side + 6), side + 6])
        table.setStyle(TableStyle([TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        story: list[Flowable] = [table]
    else:
        story = kop
    story += [_Rule(width), Spacer(1, 10)]
    for text in (decree.title, f"NOMOR: {decree.number}", "TENTANG", decree.about):
        story.append(para(text, DECREE_HEAD))
    story += [Spacer(1, 8), para(decree.issuer, DECREE_HEAD), Spacer(1, 10)]
    story.append(_labelled("Menimbang", _lettered(decree.considering, "a"), width))
    story.append(_labelled("Mengingat", _lettered(decree.recalling, "1"), width))
    # M E M U T U S K A N never stands alone at a page's foot: Menetapkan and the first
    # diktum go over with it
    decision = [Spacer(1, 6), para("M E M U T U S K A N", DECREE_HEAD), Spacer(1, 6),
                _labelled("Menetapkan", [para(enacted(decree) + ".", BODY)], width)]
    decides = [_labelled(d.label, [para(d.text, BODY_JUSTIFY)] + _lettered(d.items, "1"),
                         width) for d in decree.decides]
    place = [para(f"Ditetapkan di {decree.place}", BODY),
             para(f"Pada tanggal {format_tanggal(decree.date, style=style)}", BODY), Spacer(1, 8)]
    sign = Table([["", place + signature_block(decree.signatory)]],
                 colWidths=[width * 0.5, width * 0.5])
    sign.setStyle(TableStyle([TABLE_FONT]))
    # the signature never stands alone on a page: the last diktum goes over with it
    closing = [KeepTogether(decides[-1:] + [Spacer(1, 12), sign])]
    if len(decides) > 1:
        story.append(KeepTogether(decision + decides[:1]))
        story += decides[1:-1] + closing
    else:
        story.append(KeepTogether(decision + decides + [Spacer(1, 12), sign]))
    return story


class _Rule(Flowable):
    """The double line under a letterhead."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width

    def wrap(self, *_):
        return self.width, 6

    def draw(self) -> None:
        self.canv.setLineWidth(1.6)
        self.canv.line(0, 4, self.width, 4)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 1, self.width, 1)
