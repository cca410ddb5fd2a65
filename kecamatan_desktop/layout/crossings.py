"""Where two arrows cross, one hops over the other; the drawn path of an arrow, hops included.

A crossing is two perpendicular runs meeting inside both. The horizontal run hops (a small
arch), unless the crossing is too near its corner or arrowhead for an arch to fit; then the
vertical run does. Both renderers draw an arrow from `arrow_path`, so the Qt scene and the
PDF mark the same crossings.
"""

from __future__ import annotations

from dataclasses import replace

from kecamatan_desktop.layout.geometry import Point
from kecamatan_desktop.layout.model import Arrow

HOP = 2.5  # radius of the arch, in points
HEAD = 4.5  # the arrowhead's length: no arch inside it
_EPS = 1e-6
_BULGE = 4 / 3  # a cubic through these control points is close to a half circle

Segment = tuple[Point, Point]


def segments(arrow: Arrow) -> list[Segment]:
    return list(zip(arrow.points, arrow.points[1:], strict=False))


def _horizontal(a: Point, b: Point) -> bool:
    return abs(a.y - b.y) < _EPS and abs(a.x - b.x) >= _EPS


def crossing(s: Segment, t: Segment) -> Point | None:
    """The point where perpendicular runs s and t cross inside both, else None."""
    (a, b), (c, d) = s, t
    if _horizontal(a, b) == _horizontal(c, d):
        return None
    if not _horizontal(a, b):
        (a, b), (c, d) = (c, d), (a, b)
    x, y = c.x, a.y
    if min(a.x, b.x) + _EPS < x < max(a.x, b.x) - _EPS and \
            min(c.y, d.y) + _EPS < y < max(c.y, d.y) - _EPS:
        return Point(x, y)
    return None


def _room(arrow: Arrow, index: int, at: Point) -> bool:
    """Whether an arch at `at` fits on run `index` of the arrow, clear of its ends."""
    a, b = arrow.points[index], arrow.points[index + 1]
    to_start = abs(at.x - a.x) + abs(at.y - a.y)
    to_end = abs(at.x - b.x) + abs(at.y - b.y)
    last = index == len(arrow.points) - 2
    return to_start >= HOP + 0.5 and to_end >= HOP + 0.5 + (HEAD if last else 0.0)


def mark_crossings(arrows: tuple[Arrow, ...]) -> tuple[Arrow, ...]:
    """The arrows with a hop at every place one crosses another."""
    hops: list[list[Point]] = [[] for _ in arrows]
    for i, first in enumerate(arrows):
        for j in range(i + 1, len(arrows)):
            second = arrows[j]
            for si, s in enumerate(segments(first)):
                for ti, t in enumerate(segments(second)):
                    at = crossing(s, t)
                    if at is None:
                        continue
                    flat = (i, si) if _horizontal(*s) else (j, ti)
                    upright = (j, ti) if flat[0] == i else (i, si)
                    owner = flat
                    if not _room(arrows[flat[0]], flat[1], at) and \
                            _room(arrows[upright[0]], upright[1], at):
                        owner = upright
                    hops[owner[0]].append(at)
    # two joins of one step run along one line: an arrow crossing it hops once
    return tuple(replace(a, hops=tuple(dict.fromkeys(h))) if h else a
                 for a, h in zip(arrows, hops, strict=True))


PathOp = tuple[str, tuple[Point, ...]]  # ("M" | "L" | "C", points)


def arrow_path(arrow: Arrow, stop_short: float = 0.0) -> tuple[PathOp, ...]:
    """The arrow's line as move/line/cubic operations, arching over its hops, ending
    `stop_short` before the tip (where a renderer's arrowhead begins)."""
    pts = arrow.points
    ops: list[PathOp] = [("M", (pts[0],))]
    for k, (a, b) in enumerate(zip(pts, pts[1:], strict=False)):
        end = b
        if k == len(pts) - 2 and stop_short:
            length = abs(b.x - a.x) + abs(b.y - a.y) or 1.0
            f = max(length - stop_short, 0.0) / length
            end = Point(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f)
        ux = (b.x > a.x) - (b.x < a.x)
        uy = (b.y > a.y) - (b.y < a.y)
        on_run = [h for h in arrow.hops if _on(a, b, h)]
        on_run.sort(key=lambda h: abs(h.x - a.x) + abs(h.y - a.y))
        for h in on_run:
            before = Point(h.x - ux * HOP, h.y - uy * HOP)
            after = Point(h.x + ux * HOP, h.y + uy * HOP)
            # horizontal runs arch upwards, vertical ones to the right
            nx, ny = (0.0, -1.0) if uy == 0 else (1.0, 0.0)
            lift = HOP * _BULGE
            ops.append(("L", (before,)))
            ops.append(("C", (Point(before.x + nx * lift, before.y + ny * lift),
                              Point(after.x + nx * lift, after.y + ny * lift), after)))
        ops.append(("L", (end,)))
    return tuple(ops)


def _on(a: Point, b: Point, p: Point) -> bool:
    if abs(a.y - b.y) < _EPS:
        return abs(p.y - a.y) < _EPS and min(a.x, b.x) - _EPS < p.x < max(a.x, b.x) + _EPS
    return abs(p.x - a.x) < _EPS and min(a.y, b.y) - _EPS < p.y < max(a.y, b.y) + _EPS


def arch_segments(arrow: Arrow) -> list[Segment]:
    """A box around each arch as segments, for keeping labels clear of the arches."""
    out: list[Segment] = []
    for h in arrow.hops:
        horizontal = any(_on(a, b, h) and abs(a.y - b.y) < _EPS for a, b in segments(arrow))
        top = h.y - HOP if horizontal else h.y
        if horizontal:
            out.append((Point(h.x - HOP, top), Point(h.x + HOP, top)))
        else:
            out.append((Point(h.x + HOP, h.y - HOP), Point(h.x + HOP, h.y + HOP)))
    return out
