"""Ya/Tidak labels placed after routing, clear of the lane and row rules and of other lines."""

from __future__ import annotations

import math
from dataclasses import replace

from kecamatan_desktop.layout.crossings import arch_segments, segments
from kecamatan_desktop.layout.geometry import Point, Rect
from kecamatan_desktop.layout.model import Arrow, Column, RowBox, Shape, TextBox

CLEARANCE = 72 / 25.4  # 1 mm between a label and any line not its own
OWN_CLEARANCE = 0.5  # a label sits beside its own arrow's first run, never on it

Segment = tuple[Point, Point]


def segment_distance(rect: Rect, a: Point, b: Point) -> float:
    """Distance from a rectangle to an axis-parallel segment (0 when they touch)."""
    dx = max(min(a.x, b.x) - rect.right, rect.x - max(a.x, b.x), 0.0)
    dy = max(min(a.y, b.y) - rect.bottom, rect.y - max(a.y, b.y), 0.0)
    return math.hypot(dx, dy)


def rules(columns: tuple[Column, ...], rows: tuple[RowBox, ...], body: Rect) -> list[Segment]:
    """The table's vertical column rules and horizontal row rules of one page's body."""
    lines = [(Point(x, body.y), Point(x, body.bottom))
             for c in columns for x in (c.x, c.x + c.width)]
    lines += [(Point(body.x, y), Point(body.right, y))
              for r in rows for y in (r.rect.y, r.rect.bottom)]
    return lines


def _candidates(label: TextBox, arrow: Arrow, source: Shape | None) -> list[Rect]:
    """Places beside the arrow's first run, nearest the shape first, on both sides; in a
    lane too narrow for that, over the diamond's corner next to the exit."""
    start, nxt = arrow.points[0], arrow.points[1]
    w, h = label.rect.w, label.rect.h
    found = [label.rect]
    if abs(start.y - nxt.y) < 1e-9:  # a side exit: above or below the run, along it
        right = nxt.x > start.x
        for along in (1.5, 3.0, 4.5, 6.0, 8.0, 0.8):
            x = start.x + along if right else start.x - along - w
            for y in (start.y - h - 0.5, start.y + 0.5, start.y - h - 2.5, start.y + 2.5):
                found.append(Rect(x, y, w, h))
        if source is not None:
            slope = source.rect.h / source.rect.w  # of the diamond's sides
            x = start.x - 1 - w if right else start.x + 1
            rise = (w + 1) * slope + 1
            found += [Rect(x, start.y - rise - h, w, h), Rect(x, start.y + rise, w, h)]
    else:  # a bottom exit: right or left of the run, down along it
        for down in (0.5, 2.0, 3.5, 5.0):
            for x in (start.x + 2, start.x - 2 - w, start.x + 3.5, start.x - 3.5 - w):
                found.append(Rect(x, start.y + down, w, h))
    # in a narrow, busy lane: anywhere near the exit, nearest first
    near = [Rect(start.x + dx - w / 2, start.y + dy - h / 2, w, h)
            for dx in range(-24, 25, 2) for dy in range(-16, 17, 2)]
    near.sort(key=lambda r: math.hypot(r.cx - start.x, r.cy - start.y))
    return found + near


def _clearance(rect: Rect, own: list[Segment], others: list[Segment],
               shapes: tuple[Shape, ...]) -> float:
    """How far the rect stays from other lines, in excess of what each needs (< 0: too near)."""
    worst = math.inf
    for a, b in others:
        worst = min(worst, segment_distance(rect, a, b) - CLEARANCE)
    for a, b in own:
        worst = min(worst, segment_distance(rect, a, b) - OWN_CLEARANCE)
    for shape in shapes:
        if _inside(rect, shape):
            worst = min(worst, -CLEARANCE)
    return worst


def place_labels(arrows: tuple[Arrow, ...], fixed: list[Segment],
                 shapes: tuple[Shape, ...]) -> tuple[Arrow, ...]:
    """Each label at the first candidate 1 mm clear of every rule and every other line;
    failing that, at the candidate that comes nearest to it."""
    placed = list(arrows)
    taken: list[Rect] = []
    for k, arrow in enumerate(arrows):
        if arrow.label is None:
            continue
        own = list(zip(arrow.points, arrow.points[1:], strict=False))
        others = fixed + [seg for j, other in enumerate(arrows) if j != k
                          for seg in (*segments(other), *arch_segments(other))]
        others += [seg for r in taken for seg in _edges(r)]
        best, best_score = arrow.label.rect, -math.inf
        source = next((s for s in shapes if s.step == arrow.source), None)
        for rect in _candidates(arrow.label, arrow, source):
            score = _clearance(rect, own, others, shapes)
            if score >= 0:
                best = rect
                break
            if score > best_score:
                best, best_score = rect, score
        taken.append(best)
        placed[k] = replace(arrow, label=replace(arrow.label, rect=best))
    return tuple(placed)


def _inside(rect: Rect, shape: Shape) -> bool:
    """Whether the rect overlaps the shape: its box, or for a diamond the diamond itself."""
    if not rect.overlaps(shape.rect):
        return False
    if len(shape.outline) != 4 or shape.outline[0].x != shape.rect.cx:
        return True
    r = shape.rect
    # the rect's corner nearest the centre lies inside the diamond |dx|/(w/2)+|dy|/(h/2) < 1
    nx = min(max(r.cx, rect.x), rect.right)
    ny = min(max(r.cy, rect.y), rect.bottom)
    return abs(nx - r.cx) / (r.w / 2) + abs(ny - r.cy) / (r.h / 2) < 1


def _edges(r: Rect) -> list[Segment]:
    a, b = Point(r.x, r.y), Point(r.right, r.y)
    c, d = Point(r.right, r.bottom), Point(r.x, r.bottom)
    return [(a, b), (b, c), (c, d), (d, a)]
