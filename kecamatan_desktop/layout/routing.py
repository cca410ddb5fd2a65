"""Orthogonal arrows between shapes: free channels beside the shapes, bands for page breaks.

Why no arrow can cross a shape: shapes sit in the middle of their lane, leaving a margin on
both sides of every lane, and in the middle of their row, leaving a pad above and below.
Vertical runs use only the lane margins (or a shape's own centre line within its own pad);
horizontal runs use only a row's top pad, the source's own row, or the connector bands,
which hold no shapes.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from kecamatan_desktop.layout.bands import (
    BandBox,
    BandSlot,
    Edge,
    band_rows,
    connector_label,
    crossing_groups,
    next_group,
    place_band,
)
from kecamatan_desktop.layout.geometry import Point, Rect
from kecamatan_desktop.layout.lanes import edge_ends, inner_sides
from kecamatan_desktop.layout.model import (
    Arrow,
    ArrowKind,
    Column,
    Connector,
    Shape,
    ShapeKind,
    Style,
    TextBox,
)
from kecamatan_desktop.layout.text import Measure

LABELS = {ArrowKind.YES: "Ya", ArrowKind.NO: "Tidak"}
_SLOTS_PER_SIDE = 3
STUB = 14.0
RULE_GAP = 6.0  # 2.1 mm: how near a vertical track may come to a lane rule
SHAPE_GAP = 3.5  # how near a track may come to the widest shape of its lane (over 1 mm)
WIDEST_SHAPE = 72.0  # a process box; terminators and diamonds are narrower
# two vertical runs side by side keep this apart (over 1 mm, where they would read as one)
CHANNEL_GAP = 3.0
SLOT_SPAN = 11.0  # neighbouring slots of one lane margin are nearer than this (across a rule: 12)


@dataclass(frozen=True)
class PlacedArrow:
    page: int
    arrow: Arrow


@dataclass(frozen=True)
class PlacedConnector:
    page: int
    connector: Connector


def top_entries_needed(edges: tuple[Edge, ...]) -> dict[int, int]:
    """How many arrows enter each step from above for certain: those the sides cannot take.
    Each side takes three; the step's own Ya/Tidak side exits close theirs. Counted as if
    all came from one side (which side is known only after routing; `Router.top_entries`
    says how many did)."""
    sides = Router.exits(edges)
    arriving: dict[int, int] = defaultdict(int)
    closed: dict[int, int] = defaultdict(int)
    for e, side in sides.items():
        if side != "bottom":
            closed[e.source] += 1
        if not (side == "bottom" and e.target == e.source + 1):
            arriving[e.target] += 1
    by_side = {step: len(_ENTRY_OFFSETS) if closed[step] < 2 else 0 for step in arriving}
    return {step: min(n - by_side[step], TOP_ENTRIES)
            for step, n in arriving.items() if n > by_side[step]}


def _simplify(points: list[Point]) -> tuple[Point, ...]:
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1].x - p.x) < 1e-9 and abs(out[-1].y - p.y) < 1e-9:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a.x - b.x) < 1e-9 and abs(b.x - p.x) < 1e-9) or (
                    abs(a.y - b.y) < 1e-9 and abs(b.y - p.y) < 1e-9):
                out[-1] = p
                continue
        out.append(p)
    return tuple(out)


def _lane_slots(lane: Column, style: Style) -> list[float]:
    """Vertical tracks on both sides of a lane, between RULE_GAP from its rules and
    SHAPE_GAP from the widest shape it can hold."""
    free = (lane.width - min(lane.width - 2 * style.lane_margin, WIDEST_SHAPE)) / 2
    near, far = RULE_GAP, max(RULE_GAP, free - SHAPE_GAP)
    offsets = [near + k * (far - near) / (_SLOTS_PER_SIDE - 1) for k in range(_SLOTS_PER_SIDE)]
    return [x for d in offsets for x in (lane.x + d, lane.x + lane.width - d)]


class Router:
    def __init__(self, *, columns: tuple[Column, ...], style: Style, measure: Measure,
                 shapes: dict[int, tuple[Shape, ...]], page_of: dict[int, int],
                 bands: list[BandBox], table: Rect) -> None:
        self.style = style
        self.measure = measure
        self.shapes = shapes
        self.page_of = page_of
        self.bands = bands
        self.table = table
        self.lanes = [c for c in columns if c.key == "lane"]
        self.rule_xs = sorted({c.x for c in columns} | {c.x + c.width for c in columns})
        self.slots = sorted(x for c in self.lanes for x in _lane_slots(c, style))
        # the vertical runs drawn on each page: (x, top, bottom)
        self.busy: dict[int, list[tuple[float, float, float]]] = defaultdict(list)
        self.first_shape_of_page: dict[int, int] = {}
        for step, page in sorted(page_of.items()):
            self.first_shape_of_page.setdefault(page, step)
        # the connector groups whose line enters a page's first shape at the top: one each
        self.enters_top: set[tuple[int, int, int]] = set()
        # sides of a shape (step, lane, side) its own Ya/Tidak leave from, or facing another
        # shape of its step: an arrow never enters there
        self.exit_sides: set[tuple[int, int, str]] = set()
        self.entries: dict[tuple[int, int, str], int] = defaultdict(int)
        # the shape each edge leaves and the one it reaches (a step may have several)
        self.ends: dict[Edge, tuple[Shape, Shape]] = {}

    # exits -----------------------------------------------------------------------------------
    @staticmethod
    def exits(edges: tuple[Edge, ...]) -> dict[Edge, str]:
        """Which side each edge leaves its shape: 'bottom', 'left' or 'right'."""
        by_source: dict[int, dict[ArrowKind, Edge]] = defaultdict(dict)
        for e in edges:
            by_source[e.source][e.kind] = e
        sides: dict[Edge, str] = {}
        for s, out in by_source.items():
            if ArrowKind.NEXT in out:
                sides[out[ArrowKind.NEXT]] = "bottom"
                continue
            yes, no = out.get(ArrowKind.YES), out.get(ArrowKind.NO)
            if yes and yes.target == s + 1:
                sides[yes] = "bottom"
                if no:
                    sides[no] = "right"
            elif no and no.target == s + 1:
                sides[no] = "bottom"
                if yes:
                    sides[yes] = "left"
            else:
                if yes:
                    sides[yes] = "left"
                if no:
                    sides[no] = "right"
        return sides

    # channels --------------------------------------------------------------------------------
    def _channel(self, page: int, candidates: list[float], lo: float, hi: float,
                 target: Shape | None = None) -> float:
        """The first candidate channel free over lo..hi (and, for a line that will enter
        `target` from above, up to that entry); if every one is taken there, a channel
        between two neighbouring ones, then any other free channel of the page (a line of
        its own, never along another)."""
        def span(x: float) -> tuple[float, float]:
            top = lo if target is None else self._top_entry_y(target, x)
            return min(lo, hi, top) - 2, max(lo, hi) + 2

        def taken(x: float, gap: float = CHANNEL_GAP) -> int:
            a0, b0 = span(x)
            return sum(1 for bx, a, b in self.busy[page]
                       if abs(bx - x) < gap and a < b0 and a0 < b)

        near = self._near(candidates[0]) if candidates else []
        options = [*candidates, *self._between(candidates), *near, *self._between(near)]
        if candidates:  # on the candidates' side: the run to the channel crosses no shape
            options = [x for x in options if min(candidates) <= x <= max(candidates)]
        # a channel 1 mm clear of every other beside it; else, where the page has no such
        # room left, one at least not on another (lines nearer than 1 mm, never a T)
        for gap in (CHANNEL_GAP, 1e-6):
            for x in options:
                if not taken(x, gap):
                    self._occupy(page, x, *span(x))
                    return x
        best = min(candidates, key=taken)
        self._occupy(page, best, *span(best))
        return best

    def _occupy(self, page: int, x: float, lo: float, hi: float) -> None:
        self.busy[page].append((x, min(lo, hi), max(lo, hi)))

    def _side_entry(self, t: Shape, ch: float) -> tuple[str, float | None]:
        """The side of `t` facing channel `ch`, and the height at which a line from it
        enters that side; None if it must enter from above (the target's own Ya/Tidak
        leaves from that side, the side's heights are taken, or no room for an arrowhead)."""
        side = "left" if ch < t.rect.cx else "right"
        k = self.entries[(t.step, t.lane, side)]
        y = t.rect.cy + _ENTRY_OFFSETS[min(k, len(_ENTRY_OFFSETS) - 1)]
        room = abs(_side_x(t, side, y) - ch) >= _ENTRY_RUN - 1e-6
        if (t.step, t.lane, side) not in self.exit_sides and k < len(_ENTRY_OFFSETS) and room:
            return side, y
        return side, None

    def _top_entry_y(self, t: Shape, ch: float) -> float:
        """The height at which a line from channel `ch` turns into `t`: beside it, or its
        run above the shape if it enters from above."""
        y = self._side_entry(t, ch)[1]
        return y if y is not None else self._top_run_y(t)

    def _top_run_y(self, t: Shape) -> float:
        """The height of the next run into `t` from above: each at its own (the row keeps
        room for TOP_ENTRIES of them)."""
        j = self.entries[(t.step, t.lane, "top")]
        return t.rect.y - TOP_ENTRY_DROP - TOP_ENTRY_GAP * min(j, TOP_ENTRIES - 1)

    def _between(self, candidates: list[float]) -> list[float]:
        """Channels halfway, then a quarter of the way, between neighbouring slots of one
        lane margin, in the candidates' order."""
        found: list[float] = []
        for depth in (2, 4, 8):
            for x in candidates:
                for n in self.slots:
                    if 0 < n - x <= SLOT_SPAN:
                        found += [x + (n - x) * k / depth for k in range(1, depth, 2)]
        return found

    def _side_candidates(self, shape: Shape, side: str) -> list[float]:
        """Free channels on the exit side, best first: a stub of about STUB points leaves
        room for the Ya/Tidak label and does not turn right at the diamond's tip."""
        if side == "right":
            return sorted((x for x in self.slots if x > shape.rect.right),
                          key=lambda x: (abs(x - shape.rect.right - STUB), x))
        return sorted((x for x in self.slots if x < shape.rect.x),
                      key=lambda x: (abs(shape.rect.x - x - STUB), -x))

    def _near(self, x0: float) -> list[float]:
        return sorted(self.slots, key=lambda x: (abs(x - x0), x))

    # geometry helpers ------------------------------------------------------------------------
    def _entry_y(self, shape: Shape) -> float:
        return shape.rect.y - self.style.shape_pad / 2

    def _exit_point(self, shape: Shape, side: str) -> Point:
        r = shape.rect
        if side == "bottom":
            return Point(r.cx, r.bottom)
        return Point(r.right if side == "right" else r.x, r.cy)

    def _label(self, edge: Edge, shape: Shape, side: str) -> TextBox | None:
        """Ya/Tidak beside the exit; on a side exit, on the side the route does not turn to."""
        text = LABELS.get(edge.kind)
        if text is None:
            return None
        size = self.style.label_size
        lh = self.style.line_height(size)
        width = self.measure(text, size, False)
        r = shape.rect
        if side == "bottom":
            return TextBox(rect=Rect(r.cx + 2, r.bottom + 0.5, width, lh), lines=(text,),
                           size=size, line_height=lh)
        y = r.cy - lh - 0.5 if edge.target > edge.source else r.cy + 0.5
        x = r.right + 1.5 if side == "right" else r.x - 1.5 - width
        return TextBox(rect=Rect(x, y, width, lh), lines=(text,), size=size, line_height=lh)

    # bands -----------------------------------------------------------------------------------
    def _plan_bands(self, groups: dict[tuple[int, int, int], list[Edge]],
                    sides: dict[Edge, str]):
        head: dict[int, list[BandSlot]] = defaultdict(list)
        foot: dict[int, list[BandSlot]] = defaultdict(list)
        plan: dict[tuple[int, int, int], tuple[BandSlot, BandSlot]] = {}
        for key in sorted(groups, key=lambda k: (k[2], k[0] != self.page_of.get(k[2] - 1))):
            ps, pt, target = key
            if pt > ps and self.first_shape_of_page.get(pt) == target and \
                    not any(k[2] == target for k in self.enters_top):
                self.enters_top.add(key)  # the step before's group if it has one
        for key, members in groups.items():
            ps, pt, target = key
            e = members[0]
            t = self.ends[e][1]
            # a line passing a page between its ends has its connectors at the band's far
            # end, clear of the lines that drop into the band from the shapes' bottoms
            passing = self.table.right
            sources = [m for m in members if self.page_of[m.source] == ps]
            out_x = (self._exit_point(self.ends[sources[0]][0], sides[sources[0]]).x
                     if sources else passing)
            out = BandSlot(e, out_x)
            into = BandSlot(e, passing if pt != self.page_of[target] else
                             t.rect.cx if key in self.enters_top else self._side_start(t))
            if pt > ps:
                foot[ps].append(out)
                head[pt].append(into)
            else:
                head[ps].append(out)
                foot[pt].append(into)
            plan[key] = (out, into)
        for band in (*head.values(), *foot.values()):
            place_band(band, self.style, self.table, self.rule_xs)
        return head, foot, plan

    def _free_sides(self, t: Shape) -> list[str]:
        """The sides of `t` its own Ya/Tidak do not leave from."""
        return [side for side in ("left", "right")
                if (t.step, t.lane, side) not in self.exit_sides]

    def _channels_beside(self, t: Shape, side: str) -> list[float]:
        """Channels on that side of `t`, nearest its edge first, with room for an arrowhead."""
        edge = t.rect.x - STUB if side == "left" else t.rect.right + STUB
        return [x for x in _with_room(self._near(edge), t) if (x < t.rect.x) == (side == "left")]

    def _side_start(self, t: Shape) -> float:
        """Where a connector whose line enters `t` by its side is best placed: in the middle
        of the lane holding the channel that line will take, off the lane rules."""
        free = self._free_sides(t)
        channels = self._channels_beside(t, free[0] if free else "left")
        if not channels:
            return t.rect.cx
        lane = next(c for c in self.lanes if c.x <= channels[0] <= c.x + c.width)
        return lane.x + lane.width / 2

    def _connector_rect(self, page: int, slot: BandSlot, at_head: bool, count: int) -> Rect:
        st = self.style
        size = st.connector_size
        band = self.bands[page]
        if at_head:
            top = band.head_top + 4 + slot.row * (size + 4)
        else:
            top = band.foot_top + 6 + count * st.track_gap + slot.row * (size + 4)
        return Rect(slot.x - size / 2, top, size, size)

    def _track_y(self, page: int, slot: BandSlot, at_head: bool, rows: int) -> float:
        st = self.style
        band = self.bands[page]
        if at_head:
            connectors_h = rows * (st.connector_size + 4)
            return band.head_top + 4 + connectors_h + (slot.track + 0.5) * st.track_gap
        return band.foot_top + 4 + (slot.track + 0.5) * st.track_gap

    def _connector(self, page: int, slot: BandSlot, at_head: bool, label: str,
                   band: list[BandSlot]) -> Connector:
        rect = self._connector_rect(page, slot, at_head, len(band))
        x0, x1, y0, y1, cx = rect.x, rect.right, rect.y, rect.bottom, rect.cx
        if at_head:  # pointing up
            outline = (Point(cx, y0), Point(x1, y0 + 0.4 * rect.h), Point(x1, y1),
                       Point(x0, y1), Point(x0, y0 + 0.4 * rect.h))
            text_top = y0 + 0.4 * rect.h
        else:  # pointing down
            outline = (Point(x0, y0), Point(x1, y0), Point(x1, y0 + 0.6 * rect.h),
                       Point(cx, y1), Point(x0, y0 + 0.6 * rect.h))
            text_top = y0 + 1
        size = self.style.label_size
        lh = self.style.line_height(size)
        text = TextBox(rect=Rect(x0, text_top, rect.w, lh), lines=(label,), size=size,
                       bold=True, align="center", line_height=lh)
        return Connector(label=label, at_head=at_head, rect=rect, outline=outline, text=text,
                         source=slot.edge.source, target=slot.edge.target)

    def top_entries(self) -> dict[int, int]:
        """How many arrows routing sent into each step from above (into the one of its
        shapes most entered so)."""
        found: dict[int, int] = {}
        for (step, _, where), n in self.entries.items():
            if where == "top" and n:
                found[step] = max(found.get(step, 0), n)
        return found

    # routing ---------------------------------------------------------------------------------
    def route(self, edges: tuple[Edge, ...]) -> tuple[list[PlacedArrow], list[PlacedConnector]]:
        sides = self.exits(edges)
        self.ends = {e: edge_ends(self.shapes[e.source], self.shapes[e.target], sides[e])
                     for e in edges}
        self.exit_sides = {(s.step, s.lane, sides[e]) for e, (s, _) in self.ends.items()
                           if sides[e] != "bottom"}
        for shapes in self.shapes.values():
            self.exit_sides |= inner_sides(shapes)
        groups = crossing_groups(edges, self.page_of)
        head, foot, plan = self._plan_bands(groups, sides)
        rows_of = {id(b): band_rows(len(b), self.style, self.table.w)
                   for b in (*head.values(), *foot.values())}
        arrows: list[PlacedArrow] = []
        connectors: list[PlacedConnector] = []
        names = {key: connector_label(n) for n, key in enumerate(groups)}
        ends: dict[tuple[int, int, int], tuple[Connector, float, Connector, float]] = {}
        for key in groups:
            ps, pt, _ = key
            out, into = plan[key]
            forward = pt > ps
            out_band = foot[ps] if forward else head[ps]
            in_band = head[pt] if forward else foot[pt]
            out_conn = self._connector(ps, out, not forward, names[key], out_band)
            in_conn = self._connector(pt, into, forward, names[key], in_band)
            out_track = self._track_y(ps, out, not forward, rows_of[id(out_band)])
            in_track = self._track_y(pt, into, forward, rows_of[id(in_band)])
            ends[key] = (out_conn, out_track, in_conn, in_track)
            # the short lines between connectors and their tracks: no channel runs along them
            for page, conn, track in ((ps, out_conn, out_track), (pt, in_conn, in_track)):
                self._occupy(page, conn.rect.cx, min(conn.rect.y, track) - 2,
                             max(conn.rect.bottom, track) + 2)
        for e in edges:
            s_shape, t_shape = self.ends[e]
            side = sides[e]
            ps, pt = self.page_of[e.source], self.page_of[e.target]
            start = self._exit_point(s_shape, side)
            label = self._label(e, s_shape, side)
            if ps == pt:
                points = self._same_page(e, ps, side, start, s_shape, t_shape)
                arrows.append(PlacedArrow(ps, Arrow(points=points, source=e.source,
                                                   target=e.target, kind=e.kind, label=label)))
                continue
            key = (ps, ps + (1 if pt > ps else -1), e.target)
            out_conn, out_track, _, _ = ends[key]
            arrows.append(PlacedArrow(ps, Arrow(
                points=self._to_band(ps, side, start, s_shape, out_track, out_conn, pt > ps),
                source=e.source, target=e.target, kind=e.kind, label=label,
                to_connector=names[key])))
        for key, members in groups.items():
            ps, pt, target = key
            out_conn, _, in_conn, in_track = ends[key]
            connectors += [PlacedConnector(ps, out_conn), PlacedConnector(pt, in_conn)]
            onward = next_group(key, self.page_of[target])
            if onward is not None:
                next_conn, next_track, _, _ = ends[onward]
                arrows.append(PlacedArrow(pt, Arrow(
                    points=self._through(pt, in_conn, in_track, next_conn, next_track,
                                         pt > ps),
                    source=members[0].source, target=target, kind=members[0].kind,
                    from_connector=names[key], to_connector=names[onward])))
                continue
            arrows.append(PlacedArrow(pt, Arrow(
                points=self._from_band(pt, in_conn, in_track, self.ends[members[0]][1], pt > ps,
                                       key),
                source=members[0].source, target=target, kind=members[0].kind,
                from_connector=names[key])))
        return arrows, connectors

    def _same_page(self, e: Edge, page: int, side: str, start: Point, s: Shape,
                   t: Shape) -> tuple[Point, ...]:
        entry = self._entry_y(t)
        top = Point(t.rect.cx, t.rect.y)
        if side == "bottom" and e.target == e.source + 1:
            return _simplify([start, Point(start.x, entry), Point(top.x, entry), top])
        candidates = self._side_candidates(s, side)
        ch = self._channel(page, _with_room(candidates, t) or candidates, start.y, t.rect.cy, t)
        return self._enter(page, [start, Point(ch, start.y)], t)

    def _enter(self, page: int, route: list[Point], t: Shape) -> tuple[Point, ...]:
        """From the route's last point, a channel, into the target with an arrowhead of its
        own: by the side facing the channel, at a height no other arrow enters it; or, if
        the target's own Ya/Tidak leaves from that side, from above beside the top, so it
        never joins the line that enters the top (the step before's) in a T."""
        ch = route[-1].x
        side, side_y = self._side_entry(t, ch)
        if side_y is not None:
            y = side_y
            self.entries[(t.step, t.lane, side)] += 1
            self._occupy(page, ch, min(route[-1].y, y) - 2, max(route[-1].y, y) + 2)
            return _simplify([*route, Point(ch, y), Point(_side_x(t, side, y), y)])
        # from above: each at its own height and its own distance from the top's centre
        y = self._top_run_y(t)
        n = self.entries[(t.step, t.lane, "top-" + side)]
        self.entries[(t.step, t.lane, "top")] += 1
        self.entries[(t.step, t.lane, "top-" + side)] += 1
        along = t.rect.w / 2 * 0.75 * 0.8 ** n
        x = t.rect.cx - along if side == "left" else t.rect.cx + along
        self._occupy(page, ch, min(route[-1].y, y) - 2, max(route[-1].y, y) + 2)
        return _simplify([*route, Point(ch, y), Point(x, y), Point(x, _top_y(t, x))])

    def _to_band(self, page: int, side: str, start: Point, s: Shape, track: float,
                 conn: Connector, forward: bool) -> tuple[Point, ...]:
        end = Point(conn.rect.cx, conn.rect.y if forward else conn.rect.bottom)
        if side == "bottom":
            return _simplify([start, Point(start.x, track), Point(end.x, track), end])
        ch = self._channel(page, self._side_candidates(s, side), start.y, track)
        return _simplify([start, Point(ch, start.y), Point(ch, track), Point(end.x, track), end])

    def _through(self, page: int, conn: Connector, track: float, onward: Connector,
                 onward_track: float, forward: bool) -> tuple[Point, ...]:
        """Across a page between the line's ends: from the connector it enters by, along
        a channel of its own, to the connector it leaves by (one pair per page break)."""
        start = Point(conn.rect.cx, conn.rect.bottom if forward else conn.rect.y)
        end = Point(onward.rect.cx, onward.rect.y if forward else onward.rect.bottom)
        ch = self._channel(page, self._near((start.x + end.x) / 2), track, onward_track)
        return _simplify([start, Point(start.x, track), Point(ch, track),
                          Point(ch, onward_track), Point(end.x, onward_track), end])

    def _from_band(self, page: int, conn: Connector, track: float, t: Shape,
                   forward: bool, key: tuple[int, int, int]) -> tuple[Point, ...]:
        start = Point(conn.rect.cx, conn.rect.bottom if forward else conn.rect.y)
        top = Point(t.rect.cx, t.rect.y)
        if key in self.enters_top:
            return _simplify([start, Point(start.x, track), Point(top.x, track), top])
        free = self._free_sides(t)
        near = "left" if start.x < t.rect.cx else "right"
        candidates = self._channels_beside(t, near if near in free or not free else free[0])
        ch = self._channel(page, candidates or self._near(t.rect.cx), track, t.rect.cy, t)
        return self._enter(page, [start, Point(start.x, track), Point(ch, track)], t)


# heights, from the centre, at which arrows enter a side: a different one for each arrow
_ENTRY_OFFSETS = (0.0, -6.0, 6.0)
TOP_ENTRIES = 8  # arrows entering a shape from above, beside its top, at most
TOP_ENTRY_DROP = 7.5  # the first one's run above the shape
TOP_ENTRY_GAP = 2.0  # between their runs
_ENTRY_RUN = 8.5  # the shortest run into a side: the arrowhead (4.5) and a little line


def _with_room(channels: list[float], t: Shape) -> list[float]:
    """The channels from which a run into the target's side has room for its arrowhead."""
    return [x for x in channels
            if not t.rect.x - _ENTRY_RUN < x < t.rect.right + _ENTRY_RUN]


def _side_x(t: Shape, side: str, y: float) -> float:
    """Where the horizontal line at `y` meets the shape's left or right outline."""
    r = t.rect
    dy = abs(y - r.cy)
    if t.kind is ShapeKind.DECISION:
        inset = r.w / 2 * min(1.0, dy / (r.h / 2))
    elif t.kind is ShapeKind.TERMINATOR:  # a capsule: round ends of radius h/2
        radius = r.h / 2
        inset = radius - math.sqrt(max(radius * radius - dy * dy, 0.0))
    else:
        inset = 0.0
    return r.x + inset if side == "left" else r.right - inset


def _top_y(t: Shape, x: float) -> float:
    """Where the vertical line at `x` meets the shape's upper outline."""
    r = t.rect
    dx = abs(x - r.cx)
    if t.kind is ShapeKind.DECISION:
        return r.y + r.h / 2 * min(1.0, dx / (r.w / 2))
    if t.kind is ShapeKind.TERMINATOR:
        radius = r.h / 2
        flat = r.w / 2 - radius
        if dx > flat:
            return r.cy - math.sqrt(max(radius * radius - (dx - flat) ** 2, 0.0))
    return r.y
