"""The procedure table of a page, found by meaning: its header's words (No, Kegiatan/Uraian/
Aktivitas, Pelaksana, Mutu Baku, Kelengkapan, Waktu, Output, Keterangan), its columns from
the rules that cross the header, its lane columns, and its rows from the No column."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kecamatan_desktop.bookimport.pdf_page import PageContent, Word
from kecamatan_desktop.bookimport.pdf_shapes import Segment
from kecamatan_desktop.bookimport.pdf_text import inside, lines, norm, text

# a column's role from its header, by meaning; a column between the activity and the first
# Mutu Baku column that is none of these is a lane (Pelaksana)
ROLE_WORDS = {
    "no": ("no", "nomor", "no urut"),
    "activity": ("kegiatan", "uraian", "aktivitas", "aktivitas kegiatan", "uraian kegiatan",
                 "kegiatan aktivitas", "uraian aktivitas", "prosedur"),
    "requirements": ("kelengkapan", "persyaratan kelengkapan", "persyaratan perlengkapan",
                     "persyaratan", "sumber data", "perlengkapan", "kelengkapan persyaratan"),
    "time": ("waktu",),
    "output": ("output", "keluaran", "hasil"),
    "notes": ("keterangan", "ket"),
}
MUTU_BAKU = ("requirements", "time", "output", "notes")
_STEP_NO = re.compile(r"^\d{1,3}\.?$")
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")
TOUCH = 1.2


@dataclass(frozen=True)
class Column:
    x0: float
    x1: float
    role: str  # a ROLE_WORDS key or "lane"
    name: str = ""  # a lane's name as written

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Row:
    no: str  # "" for a row without a number (an off-page connector row)
    y0: float
    y1: float


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    top: float  # where the rows begin (under the header, or the page's top)
    bottom: float
    rows: tuple[Row, ...]
    header: bool  # False on a page that continues the previous page's table
    head_top: float = 0.0  # where the header begins (its top rule), when it has one

    def column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    @property
    def lanes(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.role == "lane")


def _role(label: str) -> str | None:
    words = norm(label)
    for role, names in ROLE_WORDS.items():
        if words in names:
            return role
    return None


def _cluster(values: list[float], gap: float = 1.5) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= gap:
            continue
        out.append(value)
    return out


def _verticals_at(segments: tuple[Segment, ...], y: float) -> list[float]:
    return _cluster([s.x0 for s in segments if s.vertical and s.length > 4
                     and min(s.y0, s.y1) - TOUCH <= y <= max(s.y0, s.y1) + TOUCH])


def horizontals_at(segments: tuple[Segment, ...], x: float, y0: float, y1: float) -> list[float]:
    """The y of every horizontal rule crossing x between y0 and y1."""
    return _cluster([s.y0 for s in segments if s.horizontal and y0 <= s.y0 <= y1
                     and min(s.x0, s.x1) - TOUCH <= x <= max(s.x0, s.x1) + TOUCH])


def _anchors(words: tuple[Word, ...]) -> list[tuple[Word, Word, Word]]:
    """Candidates for the header's No, activity and Waktu words: on one band, in that order
    left to right, top first (the same words may also stand in the text above the table)."""
    by_role: dict[str, list[Word]] = {"no": [], "activity": [], "time": []}
    for word in words:
        role = _role(word.text)
        if role in by_role:
            by_role[role].append(word)
    found = []
    for act in sorted(by_role["activity"], key=lambda w: w.box.y0):
        nos = [w for w in by_role["no"]
               if w.box.x1 <= act.box.x0 and abs(w.box.cy - act.box.cy) < 40]
        times = [w for w in by_role["time"]
                 if w.box.x0 > act.box.x1 and -10 < w.box.cy - act.box.cy < 60]
        if nos and times:
            found.append((max(nos, key=lambda w: w.box.x0), act,
                          min(times, key=lambda w: w.box.cy)))
    return found


def opens_table(page: PageContent) -> bool:
    """The page holds a table's left edge: a No header word left of an activity header word
    on one band (a page of a sheet printed in bands of columns may lack its Waktu)."""
    nos = [w for w in page.words if _role(w.text) == "no"]
    return any(_role(w.text) == "activity" and any(
        n.box.x1 <= w.box.x0 and abs(n.box.cy - w.box.cy) < 40 for n in nos)
        for w in page.words)


def find_header(page: PageContent, segments: tuple[Segment, ...]) -> Table | None:
    """The table whose header is on this page, or None."""
    for anchor in _anchors(page.words):
        table = _header_at(page, segments, anchor)
        if table is not None:
            return table
    return None


def _header_at(page: PageContent, segments: tuple[Segment, ...],
               anchor: tuple[Word, Word, Word]) -> Table | None:
    no_word, act_word, time_word = anchor
    xs = _verticals_at(segments, time_word.box.cy)
    xs = [x for x in xs if x < no_word.box.x0 - 0.5][-1:] + [x for x in xs if x > no_word.box.x0]
    if len(xs) < 4:
        return None
    spans = [(a, b) for a, b in zip(xs, xs[1:], strict=False) if b - a > 5]
    above = horizontals_at(segments, no_word.box.cx, 0, no_word.box.y0)
    top = above[-1] if above else min(no_word.box.y0, act_word.box.y0) - 2
    # the header ends at the rule under its lowest label (or under the numbering row)
    band_end, numbering = _header_end(page.words, segments, spans, top, time_word)
    spans = _split_by_numbering(spans, numbering)
    columns = [_column(page.words, segments, a, b, top, band_end) for a, b in spans]
    columns = _lanes(columns)
    if not columns or not any(c.role == "lane" for c in columns):
        return None
    return _with_rows(page, segments, tuple(columns), band_end, header=True, head_top=top)


def _header_end(words: tuple[Word, ...], segments: tuple[Segment, ...],
                spans: list[tuple[float, float]], top: float,
                time_word: Word) -> tuple[float, list[Word]]:
    """Where the header ends (the rule under its lowest label or under its numbering row
    "1 2 3 …" / "(1) (2) …"), and that numbering row's words."""
    low = time_word.box.y1
    numbering: list[Word] = []
    below = [w for w in words if low < w.box.cy < low + 30]
    for row in lines(below):
        numbered = [w for w in row if _NUMBERING.match(w.text)]
        if len(numbered) >= max(4, len(spans) // 2) and len(numbered) >= len(row) - 1:
            low = max(w.box.y1 for w in row)
            numbering = numbered
            break
    x = spans[0][0] + (spans[0][1] - spans[0][0]) / 2
    rules = horizontals_at(segments, x, low, low + 30)
    return (rules[0] if rules else low + 1), numbering


def _split_by_numbering(spans: list[tuple[float, float]],
                        numbering: list[Word]) -> list[tuple[float, float]]:
    """A column whose rule between two lanes was not drawn holds two numbers of the numbering
    row: split it between them, as a reader does."""
    out = []
    for a, b in spans:
        marks = sorted(w.box.cx for w in numbering if a <= w.box.cx <= b)
        cuts = [a] + [(u + v) / 2 for u, v in zip(marks, marks[1:], strict=False)] + [b]
        out.extend(zip(cuts, cuts[1:], strict=False))
    return out


def _column(words: tuple[Word, ...], segments: tuple[Segment, ...], x0: float, x1: float,
            top: float, end: float) -> Column:
    """A column's role from its header cell; a lane's name is its lowest header cell's text
    (under a group such as "Pelaksana" or "Satker Penerima")."""
    mine = [w for w in inside(words, x0, top, x1, end) if x0 - 1 <= w.box.x0 and w.box.x1 <= x1 + 1]
    mine = [w for w in mine if not _NUMBERING.match(w.text)]
    cuts = [top] + horizontals_at(segments, (x0 + x1) / 2, top + 1, end - 1) + [end]
    bands = list(zip(cuts, cuts[1:], strict=False))
    filled = [i for i, (a, b) in enumerate(bands) if inside(mine, x0, a, x1, b)]
    whole = text(mine)
    role = _role(whole)
    name = ""
    if filled:
        low, high = bands[filled[-1]]
        name = text(inside(mine, x0, low, x1, high))
    if role is None and name:
        role = _role(name)
    group = ""
    if filled and filled[-1] > 0:
        # the group's cell above is merged over several columns: its words are those between
        # the rules that cross its line
        a, b = bands[filled[-1] - 1]
        xs = _verticals_at(segments, (a + b) / 2)
        left = max((v for v in xs if v <= x0 + TOUCH), default=x0)
        right = min((v for v in xs if v >= x1 - TOUCH), default=x1)
        group = text(inside(words, left, a, right, b))
    if norm(group) in ("pelaksana", "pelaksanaan", "mutu baku"):
        group = ""
    return Column(x0, x1, role or "lane", f"{group}\u0000{name}" if group else name)


def _lanes(columns: list[Column]) -> list[Column]:
    """Lanes lie between the activity column and the first Mutu Baku column; a lane name
    written twice (the same team under two groups) is told apart by its group."""
    roles = [c.role for c in columns]
    if "activity" not in roles:
        return []
    start = roles.index("activity")
    end = next((i for i, r in enumerate(roles) if r in MUTU_BAKU and i > start), len(roles))
    out = []
    for i, col in enumerate(columns):
        if col.role == "lane" and not start < i < end:
            col = Column(col.x0, col.x1, "other", col.name)
        out.append(col)
    names = [c.name.split("\u0000")[-1] for c in out if c.role == "lane"]
    final = []
    for col in out:
        group, _, name = col.name.rpartition("\u0000")
        if col.role == "lane" and group and names.count(name) > 1:
            name = f"{group} - {name}"
        final.append(Column(col.x0, col.x1, col.role, name))
    return final


def continue_table(page: PageContent, segments: tuple[Segment, ...],
                   previous: Table) -> Table | None:
    """The previous page's columns on a page without a header, when its No column holds step
    numbers."""
    no = previous.column("no")
    if no is None:
        return None
    numbers = [w for w in inside(page.words, no.x0, 0, no.x1, page.height)
               if _STEP_NO.match(w.text)]
    if not numbers:
        return None
    rules = horizontals_at(segments, no.cx, 0, min(w.box.y0 for w in numbers))
    top = rules[-1] if rules else min(w.box.y0 for w in numbers) - 2
    return _with_rows(page, segments, previous.columns, top, header=False)


def _with_rows(page: PageContent, segments: tuple[Segment, ...], columns: tuple[Column, ...],
               top: float, header: bool, head_top: float = 0.0) -> Table | None:
    no = next(c for c in columns if c.role == "no")
    rules = horizontals_at(segments, no.cx, top - TOUCH, page.height)
    bottom = rules[-1] if len(rules) > 1 else page.height
    numbers = sorted((w for w in inside(page.words, no.x0, top, no.x1, bottom)
                      if _STEP_NO.match(w.text)), key=lambda w: w.box.cy)
    if not numbers:
        return None
    cuts = _cluster([top] + rules + [bottom])
    rows: list[Row] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b - a < 3:
            continue
        found = [w for w in numbers if a <= w.box.cy <= b]
        rows.append(Row(found[0].text.rstrip(".") if found else "", a, b))
    # a row without a rule under it shares its cell with the next number: split at the numbers
    rows = _split_rows(rows, numbers)
    return Table(columns, top, bottom, tuple(rows), header, head_top)


def _split_rows(rows: list[Row], numbers: list[Word]) -> list[Row]:
    out: list[Row] = []
    for row in rows:
        found = [w for w in numbers if row.y0 <= w.box.cy <= row.y1]
        if len(found) <= 1:
            out.append(row)
            continue
        edges = [row.y0] + [w.box.y0 - 1 for w in found[1:]] + [row.y1]
        for word, a, b in zip(found, edges, edges[1:], strict=False):
            out.append(Row(word.text.rstrip("."), a, b))
    return out


def merged_cells(segments: tuple[Segment, ...], table: Table,
                 column: Column) -> list[tuple[int, int]]:
    """The column's cells as (first, last) row indexes: a cell runs on into the next row
    where the rule under it stops short of this column while the No column has it (one Waktu
    or Keterangan written once for several steps)."""
    no = table.column("no")
    cells: list[tuple[int, int]] = []
    first = 0
    for i, row in enumerate(table.rows):
        last = i == len(table.rows) - 1
        ruled = no is None or horizontals_at(segments, no.cx, row.y1 - TOUCH, row.y1 + TOUCH)
        # merged only where no piece of a rule crosses the column anywhere
        crossed = any(horizontals_at(segments, x, row.y1 - TOUCH, row.y1 + TOUCH)
                      for x in (column.x0 + 3, column.cx, column.x1 - 3))
        if last or not ruled or crossed:
            cells.append((first, i))
            first = i + 1
    return cells
