"""The layout of what real books draw (sop-ap/2): a step in several lanes, a later start, one
Waktu merged over several steps; as the BPS book 019 (Penyusutan) draws its steps 3 and 8."""

from __future__ import annotations

from dataclasses import replace

from kecamatan_desktop.layout.geometry import Point
from kecamatan_desktop.layout.model import A4_LANDSCAPE, ShapeKind
from kecamatan_desktop.layout.swimlane import layout_sop
from tests.export.sample_sops import seed_sop

# Renja: Camat, Sekcam, Tim, Kasubag Evapor, Staf, Kasubag Umum; step 3 is Tim's (lane 2)


def _renja(**changes_by_step):
    return _changed("poncokusumo-2018-renja", **changes_by_step)


def _changed(sop_id, **changes_by_step):
    sop = seed_sop(sop_id)
    steps = list(sop.steps)
    for index, changes in changes_by_step.items():
        position = int(index.removeprefix("s")) - 1
        steps[position] = replace(steps[position], **changes)
    return replace(sop, steps=tuple(steps))


def _lane(layout, name):
    return next(i for i, c in enumerate(c for c in layout.columns if c.key == "lane")
                if c.lane == name)


def test_a_step_in_three_lanes_has_a_shape_in_each_on_its_row():
    sop = _renja(s3={"other_roles": ("Camat", "Staf")})
    layout = layout_sop(sop)
    shapes = layout.shapes_of_step(2)
    assert [s.lane for s in shapes] == [_lane(layout, "Tim"), _lane(layout, "Camat"),
                                        _lane(layout, "Staf")]
    assert layout.shape_of_step(2) is shapes[0]  # its first lane's (its role)
    assert len({(s.rect.y, s.rect.h, s.kind) for s in shapes}) == 1
    row = next(r.rect for r in layout.page_of_step(2).rows if r.step == 2)
    assert all(row.y < s.rect.y and s.rect.bottom < row.bottom for s in shapes)
    # the other steps keep one shape
    assert all(len(layout.shapes_of_step(i)) == 1 for i in range(len(sop.steps)) if i != 2)


def test_the_arrow_in_reaches_the_nearest_shape_and_forks_to_the_others():
    """Step 2 (Sekcam, lane 1) passes to step 3 drawn in Camat, Tim and Staf (lanes 0, 2,
    4): its arrow reaches the shape nearest it and runs on, along the row above the shapes,
    into the others, each with an arrowhead of its own: as BPS 019 draws its step 3."""
    sop = _renja(s3={"other_roles": ("Camat", "Staf")})
    layout = layout_sop(sop)
    page = layout.page_of_step(2)
    tim, camat, staf = layout.shapes_of_step(2)
    sekcam = layout.shape_of_step(1)
    (into,) = [a for a in page.arrows if a.target == 2]
    nearest = min((tim, camat), key=lambda s: abs(s.rect.cx - sekcam.rect.cx))
    assert into.points[0] == Point(sekcam.rect.cx, sekcam.rect.bottom)
    assert into.points[-1] == Point(nearest.rect.cx, nearest.rect.y)
    joins = [j for j in page.joins if j.source == 2]
    assert {j.points[-1] for j in joins} == {
        Point(s.rect.cx, s.rect.y) for s in (tim, camat, staf) if s is not nearest}
    assert len(joins) == 2
    for join in joins:
        start, up, across, tip = join.points
        assert start == into.points[-1]  # from the shape the arrow reaches
        # at the height the arrow comes in: the two lines make one fork, as in the book
        assert up.y == across.y == into.points[-2].y
        assert tip.y - across.y >= 4.5
    # every shape of the step is entered: by the arrow or by the join
    assert {into.points[-1], *(j.points[-1] for j in joins)} == {
        Point(s.rect.cx, s.rect.y) for s in (tim, camat, staf)}


def test_the_arrow_out_leaves_from_the_shape_nearest_the_next_step():
    sop = _renja(s3={"other_roles": ("Camat", "Staf")})  # step 4 is Kasubag Evapor, lane 3
    layout = layout_sop(sop)
    page = layout.page_of_step(2)
    evapor = layout.shape_of_step(3)
    (out,) = [a for a in page.arrows if a.source == 2]
    nearest = min(layout.shapes_of_step(2), key=lambda s: abs(s.rect.cx - evapor.rect.cx))
    assert nearest.lane in (_lane(layout, "Tim"), _lane(layout, "Staf"))
    assert out.points[0] == Point(nearest.rect.cx, nearest.rect.bottom)
    assert out.points[-1] == Point(evapor.rect.cx, evapor.rect.y)


def test_a_multi_lane_decision_and_returns_into_it_cross_no_shape():
    """Renja's step 6 (a check, Ya 7, Tidak back to 5) drawn in three lanes, and the
    Tidak of step 7 returning into step 4 drawn in two: no line through any shape but its
    own ends, and no arrow entering a side that faces another shape of its step."""
    sop = _renja(s6={"other_roles": ("Camat", "Kasubag Umum")},
                 s4={"other_roles": ("Sekcam",)})
    for spec in (None, A4_LANDSCAPE):
        layout = layout_sop(sop) if spec is None else layout_sop(sop, spec)
        for page in layout.pages:
            for line in (*page.arrows, *page.joins):
                ends = [s for s in page.shapes if s.rect.x - 1e-6 <= line.points[-1].x <=
                        s.rect.right + 1e-6 and s.rect.y - 1e-6 <= line.points[-1].y
                        <= s.rect.bottom + 1e-6]
                starts = [s for s in page.shapes if s.rect.x - 1e-6 <= line.points[0].x <=
                          s.rect.right + 1e-6 and s.rect.y - 1e-6 <= line.points[0].y
                          <= s.rect.bottom + 1e-6]
                for a, b in zip(line.points, line.points[1:], strict=False):
                    for shape in page.shapes:
                        if shape in ends or shape in starts:
                            continue
                        assert not shape.rect.crossed_by(a, b), (line, shape)
                for shape in ends:
                    siblings = [s for s in page.shapes if s.step == shape.step]
                    tip = line.points[-1]
                    if abs(tip.y - shape.rect.cy) < shape.rect.h / 2 - 1e-6:  # by a side
                        facing = [s for s in siblings if (s.rect.cx < shape.rect.cx)
                                  == (tip.x < shape.rect.cx) and s is not shape]
                        assert not facing, (line, shape)


def test_a_later_start_is_a_terminator():
    sop = _renja(s9={"start": True})
    layout = layout_sop(sop)
    kinds = [layout.shape_of_step(i).kind for i in range(len(sop.steps))]
    assert kinds[0] is kinds[8] is kinds[11] is ShapeKind.TERMINATOR
    assert kinds.count(ShapeKind.TERMINATOR) == 3
    assert kinds[7] is kinds[9] is ShapeKind.PROCESS


def _time_cells(layout, page):
    time = next(c for c in layout.columns if c.key == "time")
    return [c for c in page.cells if c.step is not None and c.rect.x == time.x]


def test_a_waktu_merged_over_three_steps_is_one_cell_over_their_rows():
    sop = _renja(s3={"time": "Paling lambat 3 hari kerja", "time_span": 3},
                 s4={"time": ""}, s5={"time": ""})
    layout = layout_sop(sop)
    page = layout.page_of_step(2)
    rows = {r.step: r.rect for r in page.rows}
    cells = _time_cells(layout, page)
    (merged,) = [c for c in cells if c.step == 2]
    assert merged.rect.y == rows[2].y and merged.rect.bottom == rows[4].bottom
    assert " ".join(merged.text.lines) == "Paling lambat 3 hari kerja"
    assert not [c for c in cells if c.step in (3, 4)]  # covered, no cells of their own
    assert [c.step for c in cells] == [0, 1, 2, 5, 6, 7, 8, 9, 10, 11]
    # the text is written once in the page
    written = [line for c in page.cells if c.text for line in c.text.lines]
    assert sum("Paling lambat" in line for line in written) == 1


def test_a_merged_waktu_stops_at_a_step_with_its_own():
    """A span the data says runs over a step that has a Waktu of its own stops before it:
    no written Waktu is hidden under another cell."""
    sop = _renja(s3={"time": "2 hari", "time_span": 3}, s4={"time": ""})  # step 5: 1 hari
    layout = layout_sop(sop)
    page = layout.page_of_step(2)
    rows = {r.step: r.rect for r in page.rows}
    cells = {c.step: c for c in _time_cells(layout, page)}
    assert cells[2].rect.bottom == rows[3].bottom
    assert cells[4].text.lines == ("1 hari",)


def test_a_merged_waktu_over_a_page_break_is_written_on_both_pages():
    sop = _changed("poncokusumo-2018-lkj", s6={"time": "5 hari kerja", "time_span": 2},
                   s7={"time": ""})
    layout = layout_sop(sop, A4_LANDSCAPE)  # six steps on each page
    first, second = layout.pages
    assert [r.step for r in first.rows][-1] == 5 and [r.step for r in second.rows][0] == 6
    for page in (first, second):
        (cell,) = [c for c in _time_cells(layout, page) if c.text.lines == ("5 hari kerja",)]
        assert cell.rect.h == page.rows[-1 if page is first else 0].rect.h


def test_a_tall_merged_waktu_makes_its_rows_taller():
    words = "Pada hari dan jam kerja sesuai jadwal pelayanan yang ditetapkan kantor " * 4
    sop = _renja(s3={"time": words, "time_span": 2}, s4={"time": ""})
    layout = layout_sop(sop)
    page = layout.page_of_step(2)
    (cell,) = [c for c in _time_cells(layout, page) if c.step == 2]
    assert cell.text.rect.bottom <= cell.rect.bottom + 1e-6
    rows = {r.step: r.rect for r in page.rows}
    assert rows[2].h == rows[3].h  # shared out evenly



def test_the_nearest_shape_need_not_be_the_first_lanes():
    """Step 4 (Kasubag Evapor) also drawn in Camat and Tim: step 3 (Tim) passes straight
    down into step 4's Tim shape, and the join runs from there to the others."""
    sop = _renja(s4={"other_roles": ("Camat", "Tim")})
    layout = layout_sop(sop)
    page = layout.page_of_step(3)
    evapor, camat, tim = layout.shapes_of_step(3)
    (into,) = [a for a in page.arrows if a.target == 3 and a.source == 2]
    assert tim.lane == layout.shape_of_step(2).lane
    assert into.points[-1] == Point(tim.rect.cx, tim.rect.y)
    assert len(into.points) == 2  # straight down, as BPS 019 draws 2 → 3
    assert {j.points[0] for j in page.joins} == {Point(tim.rect.cx, tim.rect.y)}
    assert {j.points[-1] for j in page.joins} == {Point(s.rect.cx, s.rect.y)
                                                   for s in (evapor, camat)}
