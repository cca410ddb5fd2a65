"""A table as the readers see it (cells by row and column, merged ranges), and the
procedure table's header found by meaning: No, Kegiatan, the Pelaksana lanes, Mutu Baku
(Kelengkapan, Waktu, Output) and Keterangan, in whatever order and wording a book uses."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_TAG = re.compile(r"<[^>]{0,400}>")
_BREAK_TAG = re.compile(r"<\s*(br|/p|/li|li)\b[^>]{0,200}>", re.IGNORECASE)
_MARKDOWN = re.compile(r"\*\*|__|^#{1,6}\s+", re.MULTILINE)


def clean(text: str) -> str:
    """A cell's text: HTML tags and Markdown emphasis dropped (paragraph and list ends
    become line ends), entities decoded, each line stripped, runs of spaces made one."""
    text = _BREAK_TAG.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    text = _MARKDOWN.sub("", text).replace("\xa0", " ")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    return " ".join(text.split())


def norm(text: str) -> str:
    """For matching a header or label: lower case, letters and digits only."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", clean(text).lower()).split())


@dataclass
class Grid:
    """Cells by (row, column), 0-based; a merged range is stored at its top-left cell with
    its size in `spans` (rows, columns)."""

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    _index: tuple[int, dict[int, dict[int, str]]] = field(default=(-1, {}), repr=False)

    def _rows_index(self) -> dict[int, dict[int, str]]:
        """Cells by row, rebuilt only when cells were added: every lookup stays linear in
        the size of the table, however many rows are searched."""
        if self._index[0] != len(self.cells):
            index: dict[int, dict[int, str]] = {}
            for (r, c), t in self.cells.items():
                if t.strip():
                    index.setdefault(r, {})[c] = t
            self._index = (len(self.cells), index)
        return self._index[1]

    @property
    def rows(self) -> int:
        return max(self._rows_index(), default=-1) + 1

    @property
    def cols(self) -> int:
        return max((c for _, c in self.cells), default=-1) + 1

    def text(self, row: int, col: int) -> str:
        return self.cells.get((row, col), "")

    def row(self, row: int) -> dict[int, str]:
        return dict(self._rows_index().get(row, {}))

    def spanned(self, row: int, col: int) -> str:
        """The text of the merged range covering the cell, else the cell's own."""
        for (r0, c0), (nr, nc) in self.spans.items():
            if r0 <= row < r0 + nr and c0 <= col < c0 + nc:
                return self.text(r0, c0)
        return self.text(row, col)

    def col_span(self, row: int, col: int) -> int:
        return self.spans.get((row, col), (1, 1))[1]

    def row_span(self, row: int, col: int) -> int:
        return self.spans.get((row, col), (1, 1))[0]


def _is_no(t: str) -> bool:
    return t in ("no", "nomor", "no urut", "nomor urut")


def _is_activity(t: str) -> bool:
    words = t.split()
    return 0 < len(words) <= 3 and bool({"kegiatan", "uraian", "aktivitas"} & set(words))


def _is_lanes(t: str) -> bool:
    return t in ("pelaksana", "pelaksanaan", "pelaku", "pelaksana kegiatan")


def _field_of(t: str) -> str | None:
    """Which Mutu Baku or note column a header cell names."""
    if t.startswith(("kelengkapan", "persyaratan", "sumber data", "perlengkapan")):
        return "requirements"
    if t.startswith("waktu"):
        return "time"
    if t.startswith(("output", "keluaran")) or t == "hasil":
        return "output"
    if t in ("keterangan", "ket"):
        return "notes"
    return None


@dataclass(frozen=True)
class Header:
    row: int  # the header's first row
    data_row: int  # the first row of steps
    no_col: int
    activity_col: int
    lanes: tuple[tuple[int, str], ...]  # (column, lane name) left to right
    fields: dict  # "requirements"/"time"/"output"/"notes" -> column
    lane_text_col: int | None = None  # one Pelaksana column with the lane written per row
    last_col: int = 0


_NUMBERED = re.compile(r"^\(?\d{1,2}\)?$")


def find_header(grid: Grid, start: int = 0, stop: int | None = None) -> Header | None:
    """The first procedure header in rows [start, stop): a row with No and Kegiatan, then
    lanes under Pelaksana (or under an empty heading before Mutu Baku) in the row below."""
    stop = grid.rows if stop is None else min(stop, grid.rows)
    for r in range(start, stop):
        row = {c: t for c, t in grid.row(r).items() if len(t) < 60}  # headings are short
        no_col = next((c for c in sorted(row) if _is_no(norm(row[c]))), None)
        if no_col is None:
            continue
        act_col = next((c for c in sorted(row) if c > no_col and _is_activity(norm(row[c]))),
                       None)
        if act_col is None:
            continue
        header = _header_at(grid, r, no_col, act_col)
        if header is not None:
            return header
    return None


def _header_at(grid: Grid, r: int, no_col: int, act_col: int) -> Header | None:
    top, sub = grid.row(r), grid.row(r + 1)
    fields: dict[str, int] = {}
    for cells in (top, sub):
        for c in sorted(cells):
            kind = _field_of(norm(cells[c]))
            if kind and kind not in fields and c > act_col:
                fields[kind] = c
    lanes_col = next((c for c in sorted(top) if c > act_col and _is_lanes(norm(top[c]))), None)
    if lanes_col is None and not fields:
        return None
    mutu = [fields[k] for k in ("requirements", "time", "output") if k in fields]
    limit = min(mutu) if mutu else fields.get("notes", max(grid.cols, act_col + 1))
    sub_is_header = not norm(grid.text(r + 1, no_col)) and not norm(
        grid.text(r + 1, act_col)) and bool(sub)
    lanes: list[tuple[int, str]] = []
    if sub_is_header:
        for c in sorted(sub):
            name = one_line(clean(sub[c]))
            if act_col < c < limit and name and _field_of(norm(name)) is None:
                lanes.append((c, name))
    data_row = r + 2 if sub_is_header else r + 1
    while data_row < grid.rows and _numbered_row(grid.row(data_row)):
        data_row += 1
    lane_text_col = lanes_col if not lanes and lanes_col is not None else None
    last = max([act_col, *fields.values(), *(c for c, _ in lanes)])
    return Header(r, data_row, no_col, act_col, tuple(lanes), fields, lane_text_col, last)


def _numbered_row(cells: dict[int, str]) -> bool:
    """A row of column numbers "(1) (2) … (11)" under a header."""
    texts = [t.strip() for t in cells.values()]
    return len(texts) >= 3 and all(_NUMBERED.match(t) for t in texts)


def is_repeated_header(grid: Grid, row: int, header: Header) -> bool:
    """A header printed again (a table continued on the next page)."""
    return _is_no(norm(grid.text(row, header.no_col))) and _is_activity(
        norm(grid.text(row, header.activity_col)))


def lane_row(grid: Grid, row: int, header: Header) -> bool:
    """The lane names printed again under a repeated header."""
    names = [n for _, n in header.lanes]
    return bool(names) and [one_line(clean(grid.text(row, c))) for c, _ in header.lanes] == names
