"""A streaming .xlsx writer for big sheets of plain rows: each row becomes its XML as it
arrives, straight into the zip. openpyxl (even write-only) spends ~11 µs a cell, about a
minute for the workbook of 10,000 rounds; this spends well under one.

Only what the rounds workbook uses: text (always a string cell, export/xlsx_text.py),
numbers, times (the office's wall clock), a bold header row, a fill for late rows, column
widths and a frozen header.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from datetime import datetime
from xml.sax.saxutils import escape

from kecamatan_desktop.export.xlsx_text import inline_string_xml

EPOCH = datetime(1899, 12, 30)
# style ids of styles.xml below: plain, bold header, time, late, late time
PLAIN, BOLD, TIME, LATE, LATE_TIME = range(5)
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="00F8D7D3"/><bgColor rgb="00F8D7D3"/>
</patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>
<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1"
 applyFill="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


class _Cells:
    """Row XML, cell by cell, in the row's order. Cells carry no reference (`r`): a reader
    places each in the next column, so an empty value is written as an empty cell. The
    same texts come back on every row (titles, steps, names), so each text's cell is made
    once: the escaping and the illegal-character check dominate a big export otherwise."""

    CACHE_LIMIT = 50_000

    def __init__(self):
        self.texts: dict[tuple[str, int], str] = {}

    def text(self, value: str, style: int) -> str:
        key = (value, style)
        cell = self.texts.get(key)
        if cell is None:
            cell = inline_string_xml(value, style)
            if len(self.texts) >= self.CACHE_LIMIT:
                self.texts.clear()
            self.texts[key] = cell
        return cell

    def row(self, values, style: int, time_style: int) -> str:
        parts = []
        add = parts.append
        for value in values:
            kind = type(value)
            if kind is str:
                add(self.text(value, style) if value else _EMPTY[style])
            elif value is None:
                add(_EMPTY[style])
            elif kind is int or kind is float:
                add(f'<c s="{style}"><v>{value}</v></c>')
            elif kind is datetime:
                serial = (value - EPOCH).total_seconds() / 86400
                add(f'<c s="{time_style}"><v>{serial:.10g}</v></c>')
            elif kind is bool:
                add(f'<c s="{style}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, datetime):
                serial = (value.replace(tzinfo=None) - EPOCH).total_seconds() / 86400
                add(f'<c s="{time_style}"><v>{serial:.10g}</v></c>')
            elif isinstance(value, int | float):
                add(f'<c s="{style}"><v>{value}</v></c>')
            else:
                add(self.text(str(value), style))
        return "".join(parts)


_EMPTY = {style: f'<c s="{style}"/>' if style else "<c/>" for style in range(5)}


class StreamingWorkbook:
    """Sheets written one after another, each row as it comes; `close()` finishes the
    file. Used as a context manager it closes itself (and leaves a broken file to the
    caller's temp-file handling on an error)."""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED,
                                   compresslevel=1)
        self.sheets: list[str] = []

    def __enter__(self) -> StreamingWorkbook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def sheet(self, title: str, header: Iterable[str], rows: Iterable[list], *,
              widths: Iterable[float] = (), late_column: int | None = None,
              on_row=None) -> None:
        """One sheet: a bold frozen header, then the rows (a row whose `late_column` is
        "Ya" filled); `on_row()` is called after each row."""
        self.sheets.append(title)
        header = list(header)
        cells = _Cells()
        with self.zip.open(f"xl/worksheets/sheet{len(self.sheets)}.xml", "w",
                           force_zip64=True) as raw:
            out = _Buffered(raw)
            out.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetViews>'
                      '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                      'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                      '<sheetFormatPr defaultRowHeight="15"/>')
            cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                           for i, w in enumerate(widths, 1))
            if cols:
                out.write(f"<cols>{cols}</cols>")
            out.write("<sheetData>")
            out.write(f'<row r="1">{cells.row(header, BOLD, BOLD)}</row>')
            width = len(header)
            for n, row in enumerate(rows, 2):
                late = late_column is not None and row[late_column] == "Ya"
                style, time_style = (LATE, LATE_TIME) if late else (PLAIN, TIME)
                out.write(f'<row r="{n}">{cells.row(row[:width], style, time_style)}</row>')
                if on_row is not None:
                    on_row()
            out.write("</sheetData></worksheet>")
            out.flush()

    def close(self) -> None:
        if self.zip.fp is None:
            return
        sheets = "".join(f'<sheet name="{escape(t)}" sheetId="{i}" r:id="rId{i}"/>'
                         for i, t in enumerate(self.sheets, 1))
        rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" '
                       f'Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, len(self.sheets) + 1))
        n = len(self.sheets) + 1
        overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                            f'ContentType="{SHEET_TYPE}"/>'
                            for i in range(1, n))
        head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        self.zip.writestr("[Content_Types].xml", head + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
            'package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{overrides}</Types>"))
        self.zip.writestr("_rels/.rels", head + (
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        self.zip.writestr("xl/workbook.xml", head + (
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{sheets}</sheets></workbook>'))
        self.zip.writestr("xl/_rels/workbook.xml.rels", head + (
            f'<Relationships xmlns="{PKG}">{rels}<Relationship Id="rId{n}" '
            f'Type="{REL}/styles" Target="styles.xml"/></Relationships>'))
        self.zip.writestr("xl/styles.xml", STYLES)
        self.zip.close()


class _Buffered:
    """Collects small strings and writes them to the zip member in large UTF-8 blocks."""

    def __init__(self, raw, size: int = 1 << 16):
        self.raw, self.parts, self.length, self.size = raw, [], 0, size

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
        if self.length >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.raw.write("".join(self.parts).encode("utf-8"))
            self.parts, self.length = [], 0
