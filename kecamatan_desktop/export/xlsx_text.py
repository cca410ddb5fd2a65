"""How every workbook we write stores a text: as a string cell, never as a formula.

A text that begins with =, +, -, @ (or a tab or line break before one) is what Excel and
LibreOffice run as a formula when it is typed into a cell, and openpyxl left to itself
stores a str starting with "=" as a formula (and "#N/A" as an error). Stored as a string
cell, a Kegiatan "=HYPERLINK(…)" is shown as written and never runs. Both writers, the
streaming one and openpyxl's, take their text cells from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font


def clean(value: str) -> str:
    """The text without the control characters an .xlsx cannot hold, its line breaks LF as
    Excel writes them (openpyxl's write-only sheet goes through a text-mode file, which on
    Windows turns a CR LF into CR CR LF: two line breaks in the cell)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def inline_string_xml(value: str, style: int) -> str:
    """A cell of the streaming writer: the text as an inline string (t="inlineStr")."""
    text = escape(clean(value))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def text_cell(ws, value: str, *, font: Font | None = None) -> WriteOnlyCell:
    """An openpyxl write-only cell holding `value` as a string, whatever it begins with."""
    cell = WriteOnlyCell(ws, clean(value))
    cell.data_type = "s"  # after the value: openpyxl guesses a formula or an error from it
    if font is not None:
        cell.font = font
    return cell


def row_cells(ws, values: Iterable) -> list:
    """A row for openpyxl's `append`: every text a string cell, other values as they are."""
    return [text_cell(ws, v) if isinstance(v, str) and v else v for v in values]
