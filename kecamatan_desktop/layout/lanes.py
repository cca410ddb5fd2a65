"""A step drawn in several lanes, as the books draw it: a shape in each lane of its row, the
arrows leaving and reaching the shapes nearest their other end, and the shapes joined.

The join follows the BPS books (019 Penyusutan, steps 3 and 8): the line that brings the
work into the step runs on along the row's top pad, above the shapes, and drops with an
arrowhead into each of the step's other shapes. The layout draws it from the shape the
step's first arrow reaches (its hub): up from that shape's top to the height at which the
step before's arrow comes in, along, and down into each other shape, so where that arrow
comes from above the two lines are one fork, as in the books.
"""

from __future__ import annotations

from typing import Protocol

from kecamatan_desktop.layout.geometry import Point
from kecamatan_desktop.layout.model import Arrow, ArrowKind, Shape, Style


class FlowEdge(Protocol):
    source: int
    target: int


def edge_ends(sources: tuple[Shape, ...], targets: tuple[Shape, ...],
              side: str) -> tuple[Shape, Shape]:
    """The shape an arrow leaves and the one it reaches. A side exit leaves from the
    outermost shape on that side (its line to a channel then passes no other of the step's
    shapes); an exit at the bottom from the shape nearest the target's shapes. It reaches
    the target's shape nearest the one it leaves; on a tie, the shape of the earlier lane
    of the step (its first lane first)."""
    if side == "left":
        source = min(sources, key=lambda s: s.rect.x)
    elif side == "right":
        source = max(sources, key=lambda s: s.rect.right)
    else:
        source = min(sources, key=lambda s: min(abs(s.rect.cx - t.rect.cx) for t in targets))
    return source, nearest(targets, source.rect.cx)


def nearest(shapes: tuple[Shape, ...], x: float) -> Shape:
    """The shape whose centre is nearest `x`; on a tie, the first in the step's lane order."""
    return min(shapes, key=lambda s: abs(s.rect.cx - x))


def inner_sides(shapes: tuple[Shape, ...]) -> set[tuple[int, int, str]]:
    """The sides of a step's shapes that face another of its shapes: a line entering there
    would run through the row past that shape, so arrows enter elsewhere."""
    found: set[tuple[int, int, str]] = set()
    for s in shapes:
        if any(o.rect.cx < s.rect.cx for o in shapes):
            found.add((s.step, s.lane, "left"))
        if any(o.rect.cx > s.rect.cx for o in shapes):
            found.add((s.step, s.lane, "right"))
    return found


def join_lines(shapes: tuple[Shape, ...], hub: Shape, style: Style) -> tuple[Arrow, ...]:
    """One line for each of the step's shapes but the hub: from the hub's top up to the
    height of the row's top pad where the step before's arrow comes in, along it, and
    down into the other shape's top, where the arrowhead is."""
    along = hub.rect.y - style.shape_pad / 2
    return tuple(Arrow(points=(Point(hub.rect.cx, hub.rect.y), Point(hub.rect.cx, along),
                               Point(other.rect.cx, along),
                               Point(other.rect.cx, other.rect.y)),
                       source=hub.step, target=other.step, kind=ArrowKind.NEXT)
                 for other in shapes if other is not hub)


def step_joins(shapes: dict[int, tuple[Shape, ...]], edges: tuple[FlowEdge, ...],
               ends: dict, style: Style) -> dict[int, tuple[Arrow, ...]]:
    """The join lines of each step drawn in several lanes, from its hub: the shape the
    arrow from the step before reaches (`ends`: each edge's source and target shape), else
    the one its first arrow reaches, else its first lane's."""
    found: dict[int, tuple[Arrow, ...]] = {}
    for step, drawn in shapes.items():
        if len(drawn) < 2:
            continue
        into = sorted((e for e in edges if e.target == step), key=lambda e: e.source != step - 1)
        hub = ends[into[0]][1] if into else drawn[0]
        found[step] = join_lines(drawn, hub, style)
    return found
