"""The drawing faults of a laid-out flowchart: what makes a reader lose a line.

A line may cross another (it hops), but never run along another, along a lane rule, or past
a shape, label or connector it does not touch, within 1 mm; a connector pair joins one page
to the next; connectors keep 1 mm apart. Pure geometry over `SwimlaneLayout`, so tests,
Periksa and the routing itself judge one drawing by one rule.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from kecamatan_desktop.layout.geometry import Point, Rect
from kecamatan_desktop.layout.model import Arrow, Page, SwimlaneLayout

NEAR = 72 / 25.4  # 1 mm: nearer than this, two lines read as one
ALONG = 3 * 72 / 25.4  # 3 mm: a crossing or a corner is shorter than this
_EPS = 1e-6

Segment = tuple[Point, Point]


class FaultKind(Enum):
    OVERLAP = "overlap"  # two lines run together
    RULE = "rule"  # a line or connector along or on a lane rule
    NEAR = "near"  # a line or connector too near a shape, label or connector
    PAIR = "pair"  # a connector pair that skips a page
    CONNECTORS = "connectors"  # two connectors on top of each other


@dataclass(frozen=True)
class Thing:
    """What a fault is about, as the sheet shows it: `kind` is "to" (a line into a step,
    `name` its 1-based number), "to_connector" / "from_connector" (a line into or out of
    connector `name`), "join" (the join lines of step `name`), "shape" (step `name`'s
    shape), "label" (a Ya/Tidak label of the line out of step `name`), "connector", or
    "rule" (the rule of lane `name`)."""

    kind: str
    name: str


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    page: int  # 1-based
    things: tuple[Thing, ...]
    other_page: int | None = None  # for PAIR: the page the connector's partner is on


@dataclass(frozen=True)
class _Line:
    thing: Thing
    arrow: Arrow
    steps: frozenset[int]  # the steps it touches (their shapes and labels are its own)
    connectors: frozenset[str]  # the connectors it touches
    join_of: int | None = None


def line_thing(arrow: Arrow) -> Thing:
    if arrow.to_connector:
        return Thing("to_connector", arrow.to_connector)
    if arrow.from_connector:
        return Thing("from_connector", arrow.from_connector)
    return Thing("to", str(arrow.target + 1))


def _lines(page: Page) -> list[_Line]:
    found = [_Line(line_thing(a), a, frozenset({a.source, a.target}),
                   frozenset(c for c in (a.to_connector, a.from_connector) if c))
             for a in page.arrows]
    found += [_Line(Thing("join", str(j.source + 1)), j, frozenset({j.source}), frozenset(),
                    join_of=j.source) for j in page.joins]
    return found


def _segments(points: tuple[Point, ...]) -> list[Segment]:
    return [(a, b) for a, b in zip(points, points[1:], strict=False)
            if abs(a.x - b.x) + abs(a.y - b.y) > _EPS]


def _vertical(s: Segment) -> bool:
    return abs(s[0].x - s[1].x) < _EPS


def parallel_run(s: Segment, t: Segment) -> float:
    """How long two axis-parallel runs go side by side within NEAR of each other."""
    if _vertical(s) != _vertical(t):
        return 0.0
    if _vertical(s):
        gap, (a0, a1), (b0, b1) = abs(s[0].x - t[0].x), _span(s, 1), _span(t, 1)
    else:
        gap, (a0, a1), (b0, b1) = abs(s[0].y - t[0].y), _span(s, 0), _span(t, 0)
    if gap >= NEAR - _EPS:
        return 0.0
    return max(0.0, min(a1, b1) - max(a0, b0))


def _span(s: Segment, axis: int) -> tuple[float, float]:
    values = (s[0].x, s[1].x) if axis == 0 else (s[0].y, s[1].y)
    return min(values), max(values)


def _point_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b.x - a.x, b.y - a.y
    length = dx * dx + dy * dy
    t = 0.0 if length < _EPS else max(0.0, min(1.0, ((p.x - a.x) * dx + (p.y - a.y) * dy)
                                               / length))
    return math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)


def segment_distance(s: Segment, t: Segment) -> float:
    """The least distance between two straight segments (0 where they meet)."""
    (a, b), (c, d) = s, t
    d1, d2 = _cross(c, d, a), _cross(c, d, b)
    d3, d4 = _cross(a, b, c), _cross(a, b, d)
    if ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 * d2 < 0 and d3 * d4 < 0:
        return 0.0
    return min(_point_segment(a, c, d), _point_segment(b, c, d),
               _point_segment(c, a, b), _point_segment(d, a, b))


def _outline_segments(outline: tuple[Point, ...]) -> list[Segment]:
    return list(zip(outline, (*outline[1:], outline[0]), strict=True))


def _rect_segments(r: Rect) -> list[Segment]:
    return _outline_segments((Point(r.x, r.y), Point(r.right, r.y), Point(r.right, r.bottom),
                              Point(r.x, r.bottom)))


def _inside(p: Point, outline: tuple[Point, ...]) -> bool:
    signs = {_cross(a, b, p) > 0 for a, b in _outline_segments(outline)}
    return len(signs) == 1


def _near_outline(seg: Segment, outline: tuple[Point, ...]) -> bool:
    if _inside(seg[0], outline) or _inside(seg[1], outline):
        return True
    return any(segment_distance(seg, edge) < NEAR - _EPS for edge in _outline_segments(outline))


def _fork(a: _Line, b: _Line) -> bool:
    """Lines drawn as one on purpose: a step's joins, which fork from the line into it, and
    the lines that merge into one connector."""
    if a.join_of is not None and (b.join_of == a.join_of or b.arrow.target == a.join_of):
        return True
    if b.join_of is not None and a.arrow.target == b.join_of:
        return True
    shared = a.arrow.to_connector
    return bool(shared) and shared == b.arrow.to_connector


def _rule_xs(layout: SwimlaneLayout) -> dict[float, str]:
    """The x of each lane rule, named by the lane it bounds (the left one, for the rule
    between two lanes; the last lane's right rule, by the last lane)."""
    xs: dict[float, str] = {}
    for column in (c for c in layout.columns if c.key == "lane"):
        xs.setdefault(column.x, column.lane or "")
        xs.setdefault(column.x + column.width, column.lane or "")
    return xs


def page_faults(layout: SwimlaneLayout, page: Page) -> list[Fault]:
    """The faults drawn on one page (connector pairs are judged over the whole layout)."""
    faults: list[Fault] = []
    seen: set[tuple] = set()

    def add(kind: FaultKind, *things: Thing) -> None:
        key = (kind, tuple(sorted(things, key=lambda t: (t.kind, t.name))))
        if key not in seen:
            seen.add(key)
            faults.append(Fault(kind, page.number, things))

    lines = _lines(page)
    runs = [_segments(line.arrow.points) for line in lines]
    for i, a in enumerate(lines):
        for j in range(i + 1, len(lines)):
            b = lines[j]
            if a.thing == b.thing or _fork(a, b):
                continue
            if any(parallel_run(s, t) > ALONG for s in runs[i] for t in runs[j]):
                add(FaultKind.OVERLAP, a.thing, b.thing)
    rules = _rule_xs(layout)
    for line, segs in zip(lines, runs, strict=True):
        for s in segs:
            if not _vertical(s):
                continue
            lo, hi = _span(s, 1)
            for x, lane in rules.items():
                if abs(s[0].x - x) < NEAR - _EPS and hi - lo > ALONG:
                    add(FaultKind.RULE, line.thing, Thing("rule", lane))
        for shape in page.shapes:
            if shape.step in line.steps:
                continue
            if any(_near_outline(s, shape.outline) for s in segs):
                add(FaultKind.NEAR, line.thing, Thing("shape", str(shape.step + 1)))
        for other in page.arrows:
            if other.label is None or other is line.arrow or other.source in line.steps:
                continue
            box = other.label.rect
            if any(_near_outline(s, _corners(box)) for s in segs):
                add(FaultKind.NEAR, line.thing, Thing("label", str(other.source + 1)))
        for connector in page.connectors:
            if connector.label in line.connectors:
                continue
            if any(_near_outline(s, connector.outline) for s in segs):
                add(FaultKind.NEAR, line.thing, Thing("connector", connector.label))
    for k, connector in enumerate(page.connectors):
        r = connector.rect
        for x, lane in rules.items():
            if r.x - NEAR < x < r.right + NEAR:
                add(FaultKind.RULE, Thing("connector", connector.label), Thing("rule", lane))
        for shape in page.shapes:
            if any(segment_distance(s, t) < NEAR for s in _rect_segments(r)
                   for t in _outline_segments(shape.outline)):
                add(FaultKind.NEAR, Thing("connector", connector.label),
                    Thing("shape", str(shape.step + 1)))
        for other in page.connectors[k + 1:]:
            if _rect_gap(r, other.rect) < NEAR:
                add(FaultKind.CONNECTORS, Thing("connector", connector.label),
                    Thing("connector", other.label))
    return faults


def _corners(r: Rect) -> tuple[Point, ...]:
    return (Point(r.x, r.y), Point(r.right, r.y), Point(r.right, r.bottom), Point(r.x, r.bottom))


def _rect_gap(a: Rect, b: Rect) -> float:
    dx = max(a.x - b.right, b.x - a.right, 0.0)
    dy = max(a.y - b.bottom, b.y - a.bottom, 0.0)
    return math.hypot(dx, dy)


def pair_faults(layout: SwimlaneLayout) -> list[Fault]:
    """Connector pairs whose two halves are not on neighbouring pages."""
    where: dict[str, list[int]] = {}
    for page in layout.pages:
        for connector in page.connectors:
            where.setdefault(connector.label, []).append(page.number)
    return [Fault(FaultKind.PAIR, min(pages), (Thing("connector", label),),
                  other_page=max(pages))
            for label, pages in where.items() if max(pages) - min(pages) != 1]


def drawing_faults(layout: SwimlaneLayout) -> list[Fault]:
    """Every drawing fault of the layout, page by page, then the connector pairs."""
    return [f for page in layout.pages for f in page_faults(layout, page)] + pair_faults(layout)
