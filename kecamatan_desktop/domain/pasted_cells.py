"""Tables on the clipboard as rows of cell texts: Excel's tab-separated text (read and
written), and an HTML `<table>` as Word, Excel and LibreOffice put it there."""

from __future__ import annotations

import re
from html.parser import HTMLParser

Grid = list[list[str]]

_NEEDS_QUOTES = re.compile('[\t\r\n"]')


# tab-separated text ------------------------------------------------------------------------
def read_tsv(text: str) -> Grid:
    """Rows of cells from text as Excel copies it: tabs between cells, CR LF between rows; a
    cell holding a line break or tab is quoted, its quotes doubled (`"a ""b""` + newline).

    A cell that merely starts with a quote but is not closed by one before the next tab or
    line end is taken as written, as Excel takes it.
    """
    rows: Grid = []
    row: list[str] = []
    i, n = 0, len(text)
    while True:
        cell, i = _quoted_cell(text, i) if text.startswith('"', i) else (None, i)
        if cell is None:
            end = i
            while end < n and text[end] not in "\t\r\n":
                end += 1
            cell, i = text[i:end], end
        row.append(cell)
        if i >= n:
            break
        if text[i] == "\t":
            i += 1
            continue
        i += 2 if text.startswith("\r\n", i) else 1
        rows.append(row)
        row = []
        if i >= n:
            break
    if row:
        rows.append(row)
    return trim(rows)


def _quoted_cell(text: str, start: int) -> tuple[str | None, int]:
    """The quoted cell at `start` and where it ends, or None when it is no quoted cell."""
    parts = []
    i = start + 1
    while True:
        close = text.find('"', i)
        if close < 0:
            return None, start
        parts.append(text[i:close])
        if text.startswith('""', close):
            parts.append('"')
            i = close + 2
            continue
        after = close + 1
        if after == len(text) or text[after] in "\t\r\n":
            return "".join(parts), after
        return None, start


def write_tsv(rows: list[list[str]]) -> str:
    """Rows as Excel writes them to the clipboard, so that Excel and Word read them back."""
    return "".join("\t".join(_quote(cell) for cell in row) + "\r\n" for row in rows)


def _quote(cell: str) -> str:
    if _NEEDS_QUOTES.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def trim(rows: Grid) -> Grid:
    """Without the empty rows and the empty columns at the end (Excel copies its selection
    whole, a spreadsheet's last columns and rows are often blank)."""
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    width = max((len(row) for row in rows), default=0)
    while width and all(len(row) < width or not row[width - 1].strip() for row in rows):
        width -= 1
    return [(row + [""] * width)[:width] for row in rows]


# HTML tables -------------------------------------------------------------------------------
def read_html_tables(html: str) -> Grid | None:
    """The rows of the HTML's tables (one after another, as a table broken across pages is
    copied), or None when it holds no table. Merged cells keep their text in the first
    cell and leave the others empty, as Excel's text does; a cell's paragraphs and line
    breaks become lines."""
    parser = _TableParser()
    parser.feed(html)
    parser.close()
    if not parser.rows:
        return None
    return trim(_place_spans(parser.rows))


_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"}
_HIDDEN = {"head", "style", "script", "title"}


class _TableParser(HTMLParser):
    """Collects the cells of top-level tables (a nested table's text joins its cell)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int]]] = []
        self.depth = 0
        self.hidden = 0
        self.cell: list[str] | None = None
        self.span = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "table":
            self.depth += 1
        elif self.depth == 1 and tag == "tr":
            self.rows.append([])
        elif self.depth == 1 and tag in ("td", "th"):
            if not self.rows:
                self.rows.append([])
            self._end_cell()
            given = dict(attrs)
            self.cell = []
            self.span = (_span(given.get("rowspan")), _span(given.get("colspan")))
        elif self.cell is not None and (tag == "br" or tag in _BLOCKS):
            self.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "table":
            if self.depth == 1:
                self._end_cell()
            self.depth = max(0, self.depth - 1)
        elif self.depth == 1 and tag in ("td", "th", "tr"):
            self._end_cell()
        elif self.cell is not None and tag in _BLOCKS:
            self.cell.append("\n")

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.hidden:
            # source line breaks are spaces in HTML; only <p> and <br> break a line
            self.cell.append(re.sub(r"\s+", " ", data.replace("\xa0", " ")))

    def _end_cell(self) -> None:
        if self.cell is None:
            return
        lines = (line.strip() for line in "".join(self.cell).split("\n"))
        self.rows[-1].append(("\n".join(line for line in lines if line), *self.span))
        self.cell = None


def _span(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), 100)
    except ValueError:
        return 1


def _place_spans(rows: list[list[tuple[str, int, int]]]) -> Grid:
    """Cells put on the grid the rowspans and colspans make, the covered places empty."""
    taken: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        column = 0
        for text, rowspan, colspan in row:
            while (r, column) in taken:
                column += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, column + dc)] = text if dr == dc == 0 else ""
            column += colspan
    height = len(rows)
    width = max((c + 1 for (_, c) in taken), default=0)
    return [[taken.get((r, c), "") for c in range(width)] for r in range(height)]
