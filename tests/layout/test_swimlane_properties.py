"""Properties of the layout over random valid SOPs (hypothesis)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings

from kecamatan_desktop.domain.interchange import loads
from kecamatan_desktop.domain.sop import Decision, Step
from kecamatan_desktop.layout.bands import crossing_groups
from kecamatan_desktop.layout.crossings import crossing, segments
from kecamatan_desktop.layout.geometry import Point, Rect
from kecamatan_desktop.layout.labels import rules, segment_distance
from kecamatan_desktop.layout.model import A4_LANDSCAPE, F4_LANDSCAPE, ShapeKind, Style
from kecamatan_desktop.layout.swimlane import MIN_SHAPE_PAD, flow_edges, layout_sop
from kecamatan_desktop.layout.table import time_spans
from tests.conftest import SEED_FILES
from tests.export.sample_sops import seed_sop
from tests.layout.strategies import sops

PROPERTY_SETTINGS = settings(max_examples=60, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])
EPS = 1e-6


def _all_checks_back_to_start(count: int = 55):
    """Hypothesis's find: every step a check whose Ya and Tidak both go back to step 1, so
    88 arrows (F4) cross into the first page's foot, more than one band can mark one by one."""
    base = seed_sop("poncokusumo-2018-renja")
    steps = tuple(Step(no=str(i + 1), activity="Kegiatan", role=base.roles[0],
                       requirements="", time="10 menit", output="", notes="",
                       decision=Decision(yes=1 if i else 2, no=1 if i else 2))
                  for i in range(count))
    return replace(base, steps=steps)


def _check(sop, spec):
    layout = layout_sop(sop, spec)
    lanes = [c for c in layout.columns if c.key == "lane"]
    seen_steps = []
    for page in layout.pages:
        # the page's table fits inside the margins
        assert page.table.y >= spec.margin - EPS
        assert page.table.bottom <= spec.height - spec.margin + EPS
        assert page.table.right <= spec.width - spec.margin + EPS
        # the heading repeats on each page: two rows with Pelaksana and Mutu Baku and lanes
        heading_text = [line for cell in page.cells if cell.heading and cell.text
                        for line in cell.text.lines]
        joined = " ".join(heading_text)
        for word in ("No", "Kegiatan", "Pelaksana", "Mutu", "Kelengkapan", "Waktu", "Output",
                     "Keterangan"):
            assert word in joined
        assert page.heading.y == page.table.y
        rows = {r.step: r.rect for r in page.rows}
        seen_steps += [r.step for r in page.rows]
        for a, b in zip(page.rows, page.rows[1:], strict=False):
            assert abs(a.rect.bottom - b.rect.y) < EPS
        # a shape in each lane of the step (a step drawn in several lanes: in each), on its row
        for step in {s.step for s in page.shapes}:
            drawn = [s for s in page.shapes if s.step == step]
            assert [lanes[s.lane].lane for s in drawn] == list(dict.fromkeys(
                sop.steps[step].roles))
            assert len({(s.rect.y, s.rect.h, s.kind) for s in drawn}) == 1
        for shape in page.shapes:
            lane = lanes[shape.lane]
            row = rows[shape.step]
            assert lane.x - EPS <= shape.rect.x and shape.rect.right <= lane.x + lane.width + EPS
            assert row.y - EPS <= shape.rect.y and shape.rect.bottom <= row.bottom + EPS
        obstacles = [(s.step, s.rect) for s in page.shapes]
        for i, (_, r1) in enumerate(obstacles):
            for _, r2 in obstacles[i + 1:]:
                assert not r1.overlaps(r2)
        for connector in page.connectors:
            assert page.body.contains_rect(connector.rect)
            for _, rect in obstacles:
                assert not connector.rect.overlaps(rect)
        for arrow in page.arrows:
            assert len(arrow.points) >= 2
            # the shapes it leaves and reaches: of its steps, the ones its ends are on
            ends = [r for _, r in obstacles if _touches(r, arrow.points[0])
                    or _touches(r, arrow.points[-1])]
            for p, q in zip(arrow.points, arrow.points[1:], strict=False):
                assert abs(p.x - q.x) < EPS or abs(p.y - q.y) < EPS, arrow
                for step, rect in obstacles:
                    if step in (arrow.source, arrow.target) and rect in ends:
                        continue
                    assert not rect.crossed_by(p, q), (arrow, step)
                for connector in page.connectors:
                    if connector.label in (arrow.to_connector, arrow.from_connector):
                        continue
                    assert not connector.rect.crossed_by(p, q), (arrow, connector.label)
        _assert_joins(sop, page, rows)
    _assert_balanced(layout)
    _assert_clear_of_lane_rules(layout)
    _assert_crossings_marked(layout)
    _assert_no_joins(layout)
    _assert_ends_at_outline(layout)
    # every step is on exactly one page, in order
    assert seen_steps == list(range(len(sop.steps)))
    # every arrow crossing a page break has a connector pair with one label
    page_of = {r.step: n for n, page in enumerate(layout.pages) for r in page.rows}
    crossing = crossing_groups(flow_edges(sop), page_of)
    labels = Counter(c.label for page in layout.pages for c in page.connectors)
    assert len(labels) == len(crossing)
    # each crossing arrow ends at a connector of its own group, on its own page; a line
    # passing a page between its ends comes in by one connector and leaves by the next
    for n, page in enumerate(layout.pages):
        for arrow in page.arrows:
            if arrow.to_connector is not None:
                (conn,) = [c for c in page.connectors if c.label == arrow.to_connector]
                assert conn.target == arrow.target
                if arrow.from_connector is None:
                    assert page_of[arrow.source] == n
                else:
                    assert page_of[arrow.source] != n != page_of[arrow.target]
                    (came,) = [c for c in page.connectors if c.label == arrow.from_connector]
                    assert came.target == arrow.target
    assert all(count == 2 for count in labels.values())
    for label in labels:
        pair = [(n, c) for n, page in enumerate(layout.pages) for c in page.connectors
                if c.label == label]
        (p1, c1), (p2, c2) = sorted(pair, key=lambda pc: pc[0])
        # as the format pairs them, forward or backward: a pointing-down pentagon at the
        # foot of the earlier page, a pointing-up one at the head of the later page
        assert p1 < p2 and not c1.at_head and c2.at_head
        for conn in (c1, c2):
            tip = max(conn.outline, key=lambda q: q.y) if not conn.at_head else \
                min(conn.outline, key=lambda q: q.y)
            assert abs(tip.x - conn.rect.cx) < EPS
            assert tip.y == (conn.rect.y if conn.at_head else conn.rect.bottom)
    # a line meets a connector at its flat base, never at its point
    for page in layout.pages:
        for arrow in page.arrows:
            name = arrow.to_connector or arrow.from_connector
            if name is None:
                continue
            (conn,) = [c for c in page.connectors if c.label == name]
            end = arrow.points[-1] if arrow.to_connector else arrow.points[0]
            base = conn.rect.bottom if conn.at_head else conn.rect.y
            assert abs(end.y - base) < EPS and abs(end.x - conn.rect.cx) < EPS
    # shapes: terminators at the ends, diamonds for decisions, boxes otherwise
    for page in layout.pages:
        for shape in page.shapes:
            step = sop.steps[shape.step]
            if step.decision is not None:
                assert shape.kind is ShapeKind.DECISION
            elif shape.step in (0, len(sop.steps) - 1) or step.start:
                assert shape.kind is ShapeKind.TERMINATOR
            else:
                assert shape.kind is ShapeKind.PROCESS
    return layout


def _touches(rect, p):
    """Whether p lies in the rect or on its edge (an arrow's end on a shape's outline)."""
    return rect.x - EPS <= p.x <= rect.right + EPS and rect.y - EPS <= p.y <= rect.bottom + EPS


def _assert_joins(sop, page, rows):
    """A step drawn in several lanes is joined as the books join it: from the top of one of
    its shapes up into the row's top pad, along it, and down into the top of each other
    shape of the step, where the arrowhead is; the line passes through no shape."""
    for step in {s.step for s in page.shapes}:
        drawn = [s for s in page.shapes if s.step == step]
        joins = [j for j in page.joins if j.source == step]
        assert len(joins) == len(drawn) - 1
        if not joins:
            continue
        hubs = {j.points[0] for j in joins}
        assert len(hubs) == 1
        (hub,) = [s for s in drawn if _touches(s.rect, joins[0].points[0])]
        reached = []
        for join in joins:
            first, up, across, tip = join.points
            assert first == Point(hub.rect.cx, hub.rect.y)
            assert rows[step].y < up.y < hub.rect.y and across.y == up.y and up.x == first.x
            (other,) = [s for s in drawn if s is not hub and abs(s.rect.cx - tip.x) < EPS]
            assert tip == Point(other.rect.cx, other.rect.y) and across.x == tip.x
            assert tip.y - across.y >= 4.5 - EPS  # room for the arrowhead
            reached.append(other)
            for p, q in zip(join.points, join.points[1:], strict=False):
                for s in page.shapes:
                    assert not s.rect.crossed_by(p, q), (join, s)
        assert len(reached) == len(set(map(id, reached))) == len(drawn) - 1


RULE_CLEARANCE = 2 * 72 / 25.4  # 2 mm
LABEL_CLEARANCE = 72 / 25.4  # 1 mm


def _assert_clear_of_lane_rules(layout):
    """No vertical run of an arrow within 2 mm of a lane rule, where it would read as
    part of the rule (returns once ran 0.9 mm from it). The short stub between an
    off-page connector and its track in the band is the connector's own."""
    rules = {round(x, 6) for c in layout.columns if c.key == "lane" for x in (c.x, c.x + c.width)}
    for page in layout.pages:
        for arrow in page.arrows:
            segments = list(zip(arrow.points, arrow.points[1:], strict=False))
            if arrow.from_connector is not None:
                segments = segments[1:]
            if arrow.to_connector is not None:
                segments = segments[:-1]
            for p, q in segments:
                if abs(p.x - q.x) < EPS:
                    gap = min(abs(p.x - x) for x in rules)
                    assert gap >= RULE_CLEARANCE - EPS, (arrow, gap)


def _assert_crossings_marked(layout):
    """Where two arrows cross, one of them hops over the other at that very point; so too
    where an arrow crosses the line joining a step's shapes."""
    for page in layout.pages:
        lines = (*page.arrows, *page.joins)
        for i, first in enumerate(lines):
            for second in lines[i + 1:]:
                for s in segments(first):
                    for t in segments(second):
                        at = crossing(s, t)
                        if at is not None:
                            assert at in first.hops or at in second.hops, (first, second, at)


def _on_segment(p, a, b):
    if abs(a.y - b.y) < EPS:
        return abs(p.y - a.y) < EPS and min(a.x, b.x) - EPS <= p.x <= max(a.x, b.x) + EPS
    return abs(p.x - a.x) < EPS and min(a.y, b.y) - EPS <= p.y <= max(a.y, b.y) + EPS


CROWDED = 11  # arrows into one shape that each get a place of their own: 3 by a side, 8 above


def _assert_no_joins(layout):
    """No arrow touches another but where it crosses it: no line ends on, turns on or runs
    along another (a "Tidak" return once joined the line into its target in a T, with no
    arrowhead of its own). Arrows into one off-page connector share it."""
    for page in layout.pages:
        into = Counter(a.target for a in page.arrows if a.to_connector is None)
        for i, first in enumerate(page.arrows):
            for second in page.arrows[i + 1:]:
                if first.to_connector is not None and first.to_connector == second.to_connector:
                    continue
                if first.target == second.target and into[first.target] > CROWDED:
                    continue  # only an adversarial SOP sends more into one shape
                for one, other in ((first, second), (second, first)):
                    for p in one.points:
                        for a, b in segments(other):
                            assert not _on_segment(p, a, b), (one, other, p)


def _assert_ends_at_outline(layout):
    """Every arrow ends on the outline of its target (or at its connector), from outside:
    the arrowhead drawn at the last point touches the shape."""
    for page in layout.pages:
        for arrow in page.arrows:
            tip, before = arrow.points[-1], arrow.points[-2]
            if arrow.to_connector is not None:
                (conn,) = [c for c in page.connectors if c.label == arrow.to_connector]
                assert any(_on_segment(tip, a, b) for a, b in
                           zip(conn.outline, (*conn.outline[1:], conn.outline[0]), strict=True))
                continue
            # of the target's shapes (one per lane), the one it reaches: its tip is on it
            (shape,) = [s for s in page.shapes if s.step == arrow.target
                        and _touches(s.rect, tip)]
            edges = zip(shape.outline, (*shape.outline[1:], shape.outline[0]), strict=True)
            if shape.kind is ShapeKind.DECISION:
                assert any(_near_line(tip, a, b) for a, b in edges), arrow
            else:  # the capsule's round ends are checked by distance from their centres
                assert _on_capsule_or_box(tip, shape), arrow
            assert not shape.rect.contains_rect(Rect(before.x, before.y, 0, 0)), arrow
            run = abs(tip.x - before.x) + abs(tip.y - before.y)
            assert run >= 4.5 - EPS, (arrow, run)  # room for the arrowhead


def _near_line(p, a, b):
    """Whether p lies on the straight segment a-b (any direction)."""
    cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
    length = math.hypot(b.x - a.x, b.y - a.y)
    inside = min(a.x, b.x) - EPS <= p.x <= max(a.x, b.x) + EPS and \
        min(a.y, b.y) - EPS <= p.y <= max(a.y, b.y) + EPS
    return inside and abs(cross) / length < 1e-4


def _on_capsule_or_box(p, shape):
    r = shape.rect
    if shape.kind is ShapeKind.TERMINATOR:
        radius = r.h / 2
        for cx in (r.x + radius, r.right - radius):
            if (p.x - cx) * (cx - r.cx) > 0:  # beyond the flat part: on the round end
                return abs(math.hypot(p.x - cx, p.y - r.cy) - radius) < 1e-4
    on_x = abs(p.x - r.x) < EPS or abs(p.x - r.right) < EPS
    on_y = abs(p.y - r.y) < EPS or abs(p.y - r.bottom) < EPS
    inside = r.x - EPS <= p.x <= r.right + EPS and r.y - EPS <= p.y <= r.bottom + EPS
    return inside and (on_x or on_y)


def _assert_labels_clear(layout, strict=True):
    """No Ya/Tidak label within 1 mm of a rule, a connector or another arrow (the lane
    rules once struck "Tidak" through on A4), nor on its own arrow. On the seeds; random SOPs
    with narrow, crowded lanes can leave a label less than 1 mm clear (5 of 5370 labels on F4,
    at least 0.6 mm; none of 5974 on A4), or on a diamond's bounding box when dozens of
    returns crowd one lane, but never touching a line (`strict` False)."""
    for page in layout.pages:
        fixed = rules(layout.columns, page.rows, page.body) + [
            seg for c in page.connectors
            for seg in zip(c.outline, (*c.outline[1:], c.outline[0]), strict=True)]
        boxes = [a.label.rect for a in page.arrows if a.label is not None]
        for arrow in page.arrows:
            if arrow.label is None:
                continue
            rect = arrow.label.rect
            others = fixed + [seg for other in page.arrows if other is not arrow
                              for seg in zip(other.points, other.points[1:], strict=False)]
            near = min(segment_distance(rect, a, b) for a, b in others)
            assert near >= (LABEL_CLEARANCE if strict else 2 * EPS) - EPS, (arrow, near)
            if not strict:
                continue
            for a, b in zip(arrow.points, arrow.points[1:], strict=False):
                assert segment_distance(rect, a, b) > 0, arrow
            assert not any(rect.overlaps(s.rect) for s in page.shapes)
            assert sum(rect.overlaps(other) for other in boxes) == 1


def _assert_balanced(layout):
    """Rows are shared out evenly: neighbouring pages differ by at most one row and the
    connector bands (a greedy fill left 11 steps and 1 on A4)."""
    if len(layout.pages) < 2:
        return
    content = [sum(r.rect.h for r in page.rows) for page in layout.pages]
    bands = max(page.body.h - c for page, c in zip(layout.pages, content, strict=True))
    tallest_row = max(r.rect.h for page in layout.pages for r in page.rows)
    for a, b in zip(content, content[1:], strict=False):
        assert abs(a - b) <= tallest_row + bands + EPS, content


@pytest.mark.parametrize("spec", [F4_LANDSCAPE, A4_LANDSCAPE], ids=["f4", "a4"])
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_sops(path, spec):
    _assert_labels_clear(_check(loads(path.read_text("utf-8")), spec))


def test_twelve_steps_on_a4_split_six_and_six():
    layout = layout_sop(seed_sop("poncokusumo-2018-lkj"), A4_LANDSCAPE)
    assert [len(page.rows) for page in layout.pages] == [6, 6]


def test_a_table_a_little_too_tall_gives_up_pad_not_a_page():
    """Renja's twelve rows need a few points more than A4 has at the full pad: the pad
    around its shapes shrinks (not below MIN_SHAPE_PAD) and it stays one page."""
    layout = layout_sop(seed_sop("poncokusumo-2018-renja"), A4_LANDSCAPE)
    assert len(layout.pages) == 1
    (page,) = layout.pages
    rows = {r.step: r.rect for r in page.rows}
    gaps = [min(s.rect.y - rows[s.step].y, rows[s.step].bottom - s.rect.bottom)
            for s in page.shapes]
    assert min(gaps) >= MIN_SHAPE_PAD - EPS
    assert min(gaps) < Style().shape_pad - EPS  # it did give some up


@PROPERTY_SETTINGS
@given(sops())
@example(_all_checks_back_to_start())
def test_random_sops_on_f4(sop):
    _assert_labels_clear(_check(sop, F4_LANDSCAPE), strict=False)


@PROPERTY_SETTINGS
@given(sops(max_lanes=8))
@example(_all_checks_back_to_start())
def test_random_sops_on_a4(sop):
    _assert_labels_clear(_check(sop, A4_LANDSCAPE), strict=False)


# Known fault (issue 26, open): among the repeatable examples one procedure of decisions
# and later starts in one lane gets a corner of one line on another (a T the eye reads as a
# join). Strict, and without shrinking so a known failure costs seconds, not minutes.
@pytest.mark.xfail(strict=True, reason="issue 26: a routing T-junction on a real-book example")
@settings(PROPERTY_SETTINGS, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(sops(max_lanes=8, real_books=True))
def test_random_real_books_on_f4(sop):
    """Steps in several lanes, later starts and merged Waktu keep every property above."""
    _assert_labels_clear(_check(sop, F4_LANDSCAPE), strict=False)
    _assert_time_cells(sop, layout_sop(sop, F4_LANDSCAPE))


@PROPERTY_SETTINGS
@given(sops(max_lanes=6, real_books=True))
def test_random_real_books_on_a4(sop):
    _assert_labels_clear(_check(sop, A4_LANDSCAPE), strict=False)
    _assert_time_cells(sop, layout_sop(sop, A4_LANDSCAPE))


def _assert_time_cells(sop, layout):
    """Each row's Waktu is in exactly one cell of its page; a merged Waktu's cell covers its
    rows on that page and writes the Waktu written on its first step."""
    time = next(c for c in layout.columns if c.key == "time")
    for page in layout.pages:
        cells = [c for c in page.cells if c.step is not None and c.rect.x == time.x]
        for row in page.rows:
            covering = [c for c in cells if c.rect.y - EPS <= row.rect.y
                        and row.rect.bottom <= c.rect.bottom + EPS]
            assert len(covering) == 1, row.step
            assert covering[0].step <= row.step
            # the Waktu of the span's first step, also on a page that continues the span
            first, _ = time_spans(sop.steps)[row.step]
            text = " ".join(covering[0].text.lines)
            assert text == " ".join(sop.steps[first].time.split())
        assert sum(c.rect.h for c in cells) == pytest.approx(sum(r.rect.h for r in page.rows))


@settings(max_examples=25, deadline=None)
@given(sops(min_steps=40, max_steps=80, max_lanes=3, max_words=90))
def test_long_procedures_span_pages(sop):
    layout = _check(sop, F4_LANDSCAPE)
    assert len(layout.pages) > 1


def test_layout_is_deterministic():
    from kecamatan_desktop.domain.interchange import loads
    from tests.conftest import SEED_DIR

    sop = loads((SEED_DIR / "sops" / "poncokusumo-2018-renstra.json").read_text("utf-8"))
    assert layout_sop(sop) == layout_sop(sop)


def test_page_title_says_prosedur_once():
    from dataclasses import replace

    from kecamatan_desktop.domain.interchange import loads
    from tests.conftest import SEED_DIR

    sop = loads((SEED_DIR / "sops" / "poncokusumo-2018-data-kinerja-adminduk.json")
                .read_text("utf-8"))
    title = " ".join(layout_sop(sop).pages[0].title.lines)
    assert title == sop.name and title.startswith("Prosedur Pengumpulan")
    renja = replace(sop, name="Penyusunan Renja")
    assert " ".join(layout_sop(renja).pages[0].title.lines) == "Prosedur Penyusunan Renja"
