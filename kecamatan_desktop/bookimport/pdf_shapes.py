"""The drawn subpaths of a page sorted by what they are: straight segments (table rules and
arrow lines), flowchart shapes (rectangle, capsule, diamond, pentagon) and arrowheads."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kecamatan_desktop.bookimport.pdf_page import Box, Subpath

THIN = 2.5  # a filled rectangle thinner than this is a drawn line
HEAD_MAX = 14.0  # an arrowhead fits in a square this wide
SHAPE_MIN = 6.0


@dataclass(frozen=True)
class Segment:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def vertical(self) -> bool:
        return abs(self.x1 - self.x0) < 1.0

    @property
    def horizontal(self) -> bool:
        return abs(self.y1 - self.y0) < 1.0

    @property
    def length(self) -> float:
        return math.hypot(self.x1 - self.x0, self.y1 - self.y0)

    def distance(self, x: float, y: float) -> float:
        """From the point to the nearest point of the segment."""
        dx, dy = self.x1 - self.x0, self.y1 - self.y0
        span = dx * dx + dy * dy
        along = (x - self.x0) * dx + (y - self.y0) * dy
        t = 0.0 if span == 0 else max(0.0, min(1.0, along / span))
        return math.hypot(self.x0 + t * dx - x, self.y0 + t * dy - y)


@dataclass(frozen=True)
class Shape:
    kind: str  # "process", "terminator", "decision", "connector"
    box: Box

    def distance(self, x: float, y: float) -> float:
        """From a point to the shape's outline (0 inside); a diamond is measured as drawn."""
        b = self.box
        if self.kind == "decision":
            hw, hh = max(b.width / 2, 0.1), max(b.height / 2, 0.1)
            inside = abs(x - b.cx) / hw + abs(y - b.cy) / hh
            return max(0.0, (inside - 1.0)) * min(hw, hh)
        dx = max(b.x0 - x, 0.0, x - b.x1)
        dy = max(b.y0 - y, 0.0, y - b.y1)
        return math.hypot(dx, dy)


@dataclass(frozen=True)
class Head:
    tip: tuple[float, float]
    base: tuple[float, float]


@dataclass(frozen=True)
class Drawing:
    segments: tuple[Segment, ...]  # every straight piece: rules, rectangle edges, arrow lines
    lines: tuple[Segment, ...]  # pieces of open paths and drawn lines: arrow candidates
    shapes: tuple[Shape, ...]
    heads: tuple[Head, ...]


def _distinct(points: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for p in points:
        if not out or math.hypot(p[0] - out[-1][0], p[1] - out[-1][1]) > 0.3:
            out.append(p)
    if len(out) > 1 and math.hypot(out[0][0] - out[-1][0], out[0][1] - out[-1][1]) <= 0.3:
        out.pop()
    return out


def _corners(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A closed outline without the points that lie on the straight edge between their
    neighbours (Excel starts a rectangle in the middle of its bottom edge: five points)."""
    if len(points) < 4:
        return points
    out = []
    for i, (x, y) in enumerate(points):
        (ax, ay), (bx, by) = points[i - 1], points[(i + 1) % len(points)]
        span = math.hypot(bx - ax, by - ay)
        off = abs((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / span if span else 0.0
        between = (x - ax) * (bx - x) + (y - ay) * (by - y) > 0
        if not (off < 0.2 and between):
            out.append((x, y))
    return out if len(out) >= 3 else points


def _is_rect(points: list[tuple[float, float]], box: Box) -> bool:
    return len(points) == 4 and all(
        (abs(x - box.x0) < 0.6 or abs(x - box.x1) < 0.6)
        and (abs(y - box.y0) < 0.6 or abs(y - box.y1) < 0.6) for x, y in points)


def _is_diamond(points: list[tuple[float, float]], box: Box) -> bool:
    if len(points) != 4:
        return False
    tol_x, tol_y = box.width * 0.15 + 0.5, box.height * 0.15 + 0.5
    mids = {"l": (box.x0, box.cy), "r": (box.x1, box.cy), "t": (box.cx, box.y0),
            "b": (box.cx, box.y1)}
    hit = {k for k, (mx, my) in mids.items() for x, y in points
           if abs(x - mx) < tol_x and abs(y - my) < tol_y}
    return len(hit) == 4


def _far(p: tuple[float, float], q: tuple[float, float]) -> float:
    return math.hypot(p[0] - q[0], p[1] - q[1])


def _head(points: list[tuple[float, float]]) -> Head | None:
    """A filled triangle, or a dart (a triangle with a notch in its base): its tip lies on its
    axis of symmetry, farther than the notch from the middle of the two barbs."""
    if len(points) == 3:
        best = None
        for i, tip in enumerate(points):
            a, b = (p for j, p in enumerate(points) if j != i)
            base = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            if best is None or _far(tip, base) > best[0]:
                best = (_far(tip, base), tip, base)
        return Head(best[1], best[2])
    if len(points) == 4:
        options = []
        for i in (0, 1):
            a, b, c, d = points[i], points[i + 2], points[i + 1], points[(i + 3) % 4]
            skew = abs(_far(c, a) - _far(d, a)) + abs(_far(c, b) - _far(d, b))
            options.append((skew, a, b, c, d))
        _, a, b, c, d = min(options)
        base = ((c[0] + d[0]) / 2, (c[1] + d[1]) / 2)
        tip = a if _far(a, base) > _far(b, base) else b
        return Head(tip, base)
    return None


def _open_head(points: list[tuple[float, float]]) -> Head | None:
    """An open chevron (">"): two short strokes meeting at the tip at a sharp angle."""
    if len(points) != 3:
        return None
    a, tip, b = points
    la = math.hypot(a[0] - tip[0], a[1] - tip[1])
    lb = math.hypot(b[0] - tip[0], b[1] - tip[1])
    if not (1.0 < la < HEAD_MAX and 1.0 < lb < HEAD_MAX and abs(la - lb) < 0.3 * max(la, lb)):
        return None
    cos = ((a[0] - tip[0]) * (b[0] - tip[0]) + (a[1] - tip[1]) * (b[1] - tip[1])) / (la * lb)
    if cos < 0.0:  # wider than a right angle: a corner of a line, not a head
        return None
    return Head(tip, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))


def _thickness(points: list[tuple[float, float]]) -> float:
    """Mean width of a closed polygon: twice its area over its perimeter."""
    area = perimeter = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        area += x0 * y1 - x1 * y0
        perimeter += math.hypot(x1 - x0, y1 - y0)
    return abs(area) / max(perimeter, 1e-6)


def _white(rgb: tuple[int, int, int]) -> bool:
    return min(rgb) >= 245


def classify(subpaths: tuple[Subpath, ...]) -> Drawing:
    segments: list[Segment] = []
    lines: list[Segment] = []
    shapes: list[Shape] = []
    heads: list[Head] = []
    for sub in subpaths:
        box = sub.box
        points = _distinct(sub.points)
        if len(points) < 2:
            continue
        thin = min(box.width, box.height) < THIN
        if thin and sub.closed and not sub.curved and len(points) <= 4:
            # a drawn line: a thin filled bar
            piece = (Segment(box.x0, box.cy, box.x1, box.cy) if box.width >= box.height
                     else Segment(box.cx, box.y0, box.cx, box.y1))
            segments.append(piece)
            if not _white(sub.fill):
                lines.append(piece)
            continue
        if sub.closed and not sub.curved and len(points) > 4 and _thickness(points) < 1.6:
            # a line drawn as the outline of its stroke (an arrow's polyline turned to fill)
            for a, b in zip(points, points[1:] + points[:1], strict=True):
                piece = Segment(a[0], a[1], b[0], b[1])
                segments.append(piece)
                lines.append(piece)
            continue
        if sub.closed or sub.filled:
            points = _corners(points) if not sub.curved else points
            size = max(box.width, box.height)
            if size <= HEAD_MAX and not sub.curved and not _is_rect(points, box):
                head = _head(points)
                if head is not None:
                    heads.append(head)
                    continue
            visible = sub.stroked or (sub.filled and not _white(sub.fill))
            if _is_rect(points, box):
                if sub.stroked:  # a filled cell background draws no rule
                    segments.extend(_edges(box))
                if visible and min(box.width, box.height) >= SHAPE_MIN:
                    shapes.append(Shape("process", box))
                continue
            if min(box.width, box.height) >= SHAPE_MIN and visible:
                if sub.curved:
                    shapes.append(Shape("terminator" if box.width > 1.3 * box.height
                                        else "connector", box))
                    continue
                if _is_diamond(points, box):
                    shapes.append(Shape("decision", box))
                    continue
                if len(points) == 5:
                    shapes.append(Shape("connector", box))
                    continue
                if len(points) > 8:  # a capsule or circle flattened to a polygon
                    shapes.append(Shape("terminator" if box.width > 1.3 * box.height
                                        else "connector", box))
                    continue
        if not sub.closed:
            head = _open_head(points)
            if head is not None:
                heads.append(head)
                continue
        drawn = sub.stroked or (sub.filled and not _white(sub.fill))
        for a, b in zip(points, points[1:] + (points[:1] if sub.closed else []), strict=False):
            piece = Segment(a[0], a[1], b[0], b[1])
            segments.append(piece)
            if drawn and not sub.curved:
                lines.append(piece)
    return Drawing(tuple(segments), tuple(lines), tuple(_unique(shapes)), tuple(heads))


def _edges(box: Box) -> list[Segment]:
    return [Segment(box.x0, box.y0, box.x1, box.y0), Segment(box.x0, box.y1, box.x1, box.y1),
            Segment(box.x0, box.y0, box.x0, box.y1), Segment(box.x1, box.y0, box.x1, box.y1)]


def _unique(shapes: list[Shape]) -> list[Shape]:
    """A shape drawn twice (its fill and its outline, or a ring's outer and inner contour)
    counts once: the outer one."""
    out: list[Shape] = []
    for shape in sorted(shapes, key=lambda s: -s.box.width * s.box.height):
        b = shape.box
        if not any(s.kind == shape.kind and s.box.x0 - 0.5 <= b.x0 and b.x1 <= s.box.x1 + 0.5
                   and s.box.y0 - 0.5 <= b.y0 and b.y1 <= s.box.y1 + 0.5
                   and s.box.width - b.width < 4 and s.box.height - b.height < 4
                   for s in out[-50:]):
            out.append(shape)
    return out
