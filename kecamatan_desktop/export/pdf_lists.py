"""The identity sheet's lists side by side (Dasar Hukum beside Kualifikasi Pelaksana, …) as
one flowable that runs on over as many pages as its items need.

A ReportLab Table cannot break inside a row, and one list of 25 laws is one row: it was
"too large" for any page. Here each column is split between its items (or inside an item
at the head of an empty page), the heading row is printed again over a continuation, and
a heading never ends a page: it goes over with at least the first item of each list.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

PAD_X, PAD_Y = 6, 3  # as a Table cell's default padding, so the sheet looks as it did
RULE = 0.6
EMPTY_LINE = 9 * 1.2  # an empty cell is one line of the table's font high
BIG = 1e6  # the height a paragraph is measured in, to learn its whole height


class ListPair(Flowable):
    """Two headings over two lists of flowables (numbered paragraphs), ruled as a grid."""

    def __init__(self, headings: tuple[Flowable, Flowable],
                 columns: tuple[list[Flowable], list[Flowable]], width: float,
                 fill: colors.Color, *, first: tuple[bool, bool] = (True, True)) -> None:
        super().__init__()
        self.headings, self.columns = headings, columns
        self.width, self.fill = width, fill
        self.first = first  # whether a column's first part holds its list's first item
        self.hAlign = "CENTER"  # under the identity table, as wide as it is

    @property
    def inner(self) -> float:
        return self.width / 2 - 2 * PAD_X

    def _heights(self, parts: list[Flowable]) -> list[float]:
        return [part.wrap(self.inner, BIG)[1] for part in parts]

    def head_height(self) -> float:
        return max(h.wrap(self.inner, BIG)[1] for h in self.headings) + 2 * PAD_Y

    def body_height(self) -> float:
        tallest = max(sum(self._heights(column)) or EMPTY_LINE for column in self.columns)
        return tallest + 2 * PAD_Y

    def wrap(self, *_):
        self.height = self.head_height() + self.body_height()
        return self.width, self.height

    def split(self, _width, height):
        if self.head_height() + self.body_height() <= height:
            return [self]
        room = height - self.head_height() - 2 * PAD_Y
        # at the head of an empty page nothing is gained by waiting for the next one
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        here, later = [], []
        for column, is_first in zip(self.columns, self.first, strict=True):
            taken, rest = self._fill(column, room, may_cut_first=at_top or not is_first)
            if column and is_first and not at_top and (not taken or taken[0] is not column[0]):
                return []  # the heading would stand without its first item
            here.append(taken)
            later.append(rest)
        if not any(here):
            return []
        return [self._part(here, self.first),
                self._part(later, tuple(not taken and f for taken, f in zip(
                    here, self.first, strict=True)))]

    def _fill(self, column: list[Flowable], room: float,
              may_cut_first: bool) -> tuple[list[Flowable], list[Flowable]]:
        """The items of `column` that fit `room` and those left over; the item that does not
        fit is cut between its lines when the page has room for some of them."""
        taken: list[Flowable] = []
        used = 0.0
        for i, (item, high) in enumerate(zip(column, self._heights(column), strict=True)):
            if used + high <= room:
                taken.append(item)
                used += high
                continue
            if taken or may_cut_first:
                pieces = item.split(self.inner, room - used)
                if len(pieces) == 2:
                    return taken + [pieces[0]], [pieces[1], *column[i + 1:]]
            return taken, list(column[i:])
        return taken, []

    def _part(self, columns: list[list[Flowable]], first) -> ListPair:
        return ListPair(self.headings, (columns[0], columns[1]), self.width, self.fill,
                        first=tuple(first))

    def draw(self) -> None:
        canvas = self.canv
        half, head = self.width / 2, self.head_height()
        height = head + self.body_height()
        canvas.saveState()
        canvas.setFillColor(self.fill)
        canvas.rect(0, height - head, self.width, head, stroke=0, fill=1)
        canvas.restoreState()
        for x, heading in ((0, self.headings[0]), (half, self.headings[1])):
            _, high = heading.wrap(self.inner, BIG)
            heading.drawOn(canvas, x + PAD_X, height - PAD_Y - high)
        for x, column in ((0, self.columns[0]), (half, self.columns[1])):
            y = height - head - PAD_Y
            for item, high in zip(column, self._heights(column), strict=True):
                y -= high
                item.drawOn(canvas, x + PAD_X, y)
        canvas.saveState()
        canvas.setLineWidth(RULE)
        canvas.setStrokeColor(colors.black)
        canvas.rect(0, 0, self.width, height, stroke=1, fill=0)
        canvas.line(0, height - head, self.width, height - head)
        canvas.line(half, 0, half, height)
        canvas.restoreState()
