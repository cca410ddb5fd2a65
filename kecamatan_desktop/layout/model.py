"""The frozen result of the layout: pages of table cells, shapes, arrows and connectors."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kecamatan_desktop.layout.geometry import Point, Rect

F4 = (215 * 72 / 25.4, 330 * 72 / 25.4)  # 609.45 x 935.43 pt
A4 = (210 * 72 / 25.4, 297 * 72 / 25.4)


@dataclass(frozen=True)
class PageSpec:
    width: float
    height: float
    margin: float = 28.35  # 10 mm
    footer: float = 0.0  # kept free below the table, above the bottom margin (page number)

    @classmethod
    def landscape(cls, paper: tuple[float, float], margin: float = 28.35,
                  footer: float = 0.0) -> PageSpec:
        short, long = sorted(paper)
        return cls(width=long, height=short, margin=margin, footer=footer)


F4_LANDSCAPE = PageSpec.landscape(F4)
A4_LANDSCAPE = PageSpec.landscape(A4)


@dataclass(frozen=True)
class Style:
    font_size: float = 7.5
    heading_size: float = 7.5
    title_size: float = 10.0
    label_size: float = 6.5
    line_factor: float = 1.2
    cell_pad: float = 3.0
    lane_margin: float = 10.0  # free channel beside the shapes on each side of a lane
    shape_pad: float = 10.0  # free space above and below a shape in its row
    process_height: float = 20.0
    terminator_height: float = 18.0
    decision_height: float = 26.0
    connector_size: float = 16.0
    track_gap: float = 3.0
    # more pad around a diamond: its Ya/Tidak label below the tip keeps 1 mm from the row rule
    label_room: float = 4.0

    def line_height(self, size: float) -> float:
        return size * self.line_factor


class ShapeKind(Enum):
    TERMINATOR = "terminator"
    PROCESS = "process"
    DECISION = "decision"


class ArrowKind(Enum):
    NEXT = "next"
    YES = "yes"
    NO = "no"


# Liberation Sans (hhea) ascent and descent in ems: a line's glyphs are centred in its line
# box, and every renderer puts the baseline where `TextBox.baseline` says.
ASCENT, DESCENT = 0.905, 0.212


@dataclass(frozen=True)
class TextBox:
    """Lines already wrapped; the renderer writes them from the top of `rect`."""

    rect: Rect
    lines: tuple[str, ...]
    size: float
    bold: bool = False
    align: str = "left"  # "left" or "center"
    line_height: float = 9.0

    def baseline(self, line: int) -> float:
        """The y of line `line`'s baseline, in page points."""
        glyphs = (ASCENT + DESCENT) * self.size
        return (self.rect.y + line * self.line_height + (self.line_height - glyphs) / 2
                + ASCENT * self.size)


@dataclass(frozen=True)
class Column:
    key: str  # no, activity, lane, requirements, time, output, notes
    x: float
    width: float
    lane: str | None = None


@dataclass(frozen=True)
class Cell:
    rect: Rect
    text: TextBox | None
    heading: bool = False
    step: int | None = None  # 0-based step index of a body cell


@dataclass(frozen=True)
class Shape:
    step: int
    kind: ShapeKind
    rect: Rect
    lane: int
    outline: tuple[Point, ...]  # polygon for a diamond; the rect's corners otherwise


@dataclass(frozen=True)
class Arrow:
    """An orthogonal polyline; the arrowhead is at the last point."""

    points: tuple[Point, ...]
    source: int
    target: int
    kind: ArrowKind
    label: TextBox | None = None
    to_connector: str | None = None  # label of the connector it ends at
    from_connector: str | None = None  # label of the connector it starts from
    hops: tuple[Point, ...] = ()  # where it arches over an arrow it crosses


@dataclass(frozen=True)
class Connector:
    """Off-page connector: a pentagon pointing down at a page's foot, up at its head."""

    label: str
    at_head: bool
    rect: Rect
    outline: tuple[Point, ...]
    text: TextBox
    source: int
    target: int


@dataclass(frozen=True)
class RowBox:
    step: int
    rect: Rect


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    title: TextBox
    table: Rect  # the whole table on this page: heading, bands and rows
    heading: Rect
    body: Rect  # below the heading: head band, rows, foot band
    cells: tuple[Cell, ...]
    rows: tuple[RowBox, ...]
    shapes: tuple[Shape, ...]
    arrows: tuple[Arrow, ...]
    connectors: tuple[Connector, ...]
    # the lines joining the shapes of a step drawn in several lanes (layout/lanes.py); drawn
    # as arrows are, with their arrowhead into each of the step's other shapes
    joins: tuple[Arrow, ...] = ()


@dataclass(frozen=True)
class SwimlaneLayout:
    spec: PageSpec
    columns: tuple[Column, ...]
    pages: tuple[Page, ...]

    def page_of_step(self, step: int) -> Page:
        for page in self.pages:
            if any(row.step == step for row in page.rows):
                return page
        raise KeyError(step)

    def shape_of_step(self, step: int) -> Shape:
        """The step's shape in its first lane (its `role`)."""
        return self.shapes_of_step(step)[0]

    def shapes_of_step(self, step: int) -> tuple[Shape, ...]:
        """The step's shapes, one in each of its lanes, its first lane's first."""
        for page in self.pages:
            found = tuple(shape for shape in page.shapes if shape.step == step)
            if found:
                return found
        raise KeyError(step)


class LayoutError(ValueError):
    """The procedure cannot be laid out on this page size; the message is Indonesian."""
