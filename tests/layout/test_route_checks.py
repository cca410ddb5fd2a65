"""The drawing checker (layout/route_checks.py): each fault it names, and no fault on the
seed books, the imported sample books, or in the connector pairs of random procedures."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from kecamatan_desktop.domain.interchange import sop_from_dict
from kecamatan_desktop.domain.sop import Decision
from kecamatan_desktop.layout.geometry import Point, Rect
from kecamatan_desktop.layout.model import A4, A4_LANDSCAPE, F4, F4_LANDSCAPE, LayoutError
from kecamatan_desktop.layout.route_checks import FaultKind, Thing, drawing_faults
from kecamatan_desktop.layout.sheet import lay_out_sheets
from kecamatan_desktop.layout.swimlane import layout_sop
from tests.conftest import SEED_FILES
from tests.export.sample_sops import long_sop, seed_sop
from tests.layout.strategies import sops

PAPERS = {F4_LANDSCAPE: F4, A4_LANDSCAPE: A4}
SPECS = pytest.mark.parametrize("spec", [F4_LANDSCAPE, A4_LANDSCAPE], ids=["f4", "a4"])
SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "import"


def _kinds(layout):
    return {f.kind for f in drawing_faults(layout)}


def _with_page(layout, number, **changes):
    pages = list(layout.pages)
    pages[number - 1] = replace(pages[number - 1], **changes)
    return replace(layout, pages=tuple(pages))


def test_two_lines_run_together():
    layout = layout_sop(seed_sop("poncokusumo-2018-renja"))
    page = layout.pages[0]
    first, second, *rest = page.arrows
    # the second line drawn 0.8 pt beside the first, all along it
    beside = replace(second, points=tuple(Point(p.x + 0.8, p.y) for p in first.points))
    faulty = _with_page(layout, 1, arrows=(first, beside, *rest))
    (fault,) = [f for f in drawing_faults(faulty) if f.kind is FaultKind.OVERLAP]
    assert fault.page == 1
    assert set(fault.things) == {Thing("to", str(first.target + 1)),
                                 Thing("to", str(second.target + 1))}


def test_a_line_along_a_lane_rule_and_past_a_shape():
    layout = layout_sop(seed_sop("poncokusumo-2018-renja"))
    page = layout.pages[0]
    lane = next(c for c in layout.columns if c.key == "lane")
    arrow = page.arrows[0]
    shape = next(s for s in page.shapes if s.step not in (arrow.source, arrow.target))
    along_rule = replace(arrow, points=(Point(lane.x + 1.5, page.body.y + 5),
                                        Point(lane.x + 1.5, page.body.y + 40)))
    kinds = _kinds(_with_page(layout, 1, arrows=(along_rule, *page.arrows[1:])))
    assert FaultKind.RULE in kinds
    # 2 pt beside a box it does not touch
    past = replace(arrow, points=(Point(shape.rect.right + 2, shape.rect.y - 10),
                                  Point(shape.rect.right + 2, shape.rect.bottom + 10)))
    faults = drawing_faults(_with_page(layout, 1, arrows=(past, *page.arrows[1:])))
    assert any(f.kind is FaultKind.NEAR and Thing("shape", str(shape.step + 1)) in f.things
               for f in faults)
    # 4 pt beside it is clear
    clear = replace(past, points=tuple(Point(p.x + 2, p.y) for p in past.points))
    faults = drawing_faults(_with_page(layout, 1, arrows=(clear, *page.arrows[1:])))
    assert not any(Thing("shape", str(shape.step + 1)) in f.things for f in faults)


def test_connectors_on_top_of_each_other_and_a_pair_skipping_a_page():
    layout = layout_sop(long_sop(60))
    assert len(layout.pages) >= 3 and not drawing_faults(layout)
    page = next(p for p in layout.pages if p.connectors)
    conn = page.connectors[0]
    moved = replace(conn, label="ZZ", rect=Rect(conn.rect.x + 4, conn.rect.y, conn.rect.w,
                                                conn.rect.h))
    faulty = _with_page(layout, page.number, connectors=(*page.connectors, moved))
    assert FaultKind.CONNECTORS in _kinds(faulty)
    # the partner of a connector moved two pages on: the pair skips a page
    label = layout.pages[0].connectors[0].label
    holder = next(p for p in layout.pages[1:] if any(c.label == label for c in p.connectors))
    partner = next(c for c in holder.connectors if c.label == label)
    far = len(layout.pages) if holder.number < len(layout.pages) else 1
    faulty = _with_page(layout, holder.number, connectors=tuple(
        c for c in holder.connectors if c is not partner))
    faulty = _with_page(faulty, far, connectors=(*faulty.pages[far - 1].connectors, partner))
    (pair,) = [f for f in drawing_faults(faulty) if f.kind is FaultKind.PAIR]
    assert pair.things == (Thing("connector", label),)
    assert abs(pair.other_page - pair.page) > 1


def test_a_line_from_page_1_to_page_3_passes_page_2_by_a_pair_each_side():
    """Step 2 sends work on to the last step, two pages on: one connector pair per page
    break, the line running across the page between."""
    sop = long_sop(60)
    steps = list(sop.steps)
    steps[1] = replace(steps[1], decision=Decision(yes=3, no=60))
    sop = replace(sop, steps=tuple(steps))
    layout = layout_sop(sop, A4_LANDSCAPE)
    assert len(layout.pages) >= 3
    assert FaultKind.PAIR not in _kinds(layout)
    through = [a for p in layout.pages[1:-1] for a in p.arrows
               if a.target == 59 and a.from_connector and a.to_connector]
    assert len(through) == len(layout.pages) - 2


@SPECS
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_sops_draw_no_fault(path, spec):
    sop = sop_from_dict(json.loads(path.read_text(encoding="utf-8")))
    assert drawing_faults(layout_sop(sop, spec)) == []
    assert drawing_faults(lay_out_sheets(sop, PAPERS[spec])) == []  # as printed


@pytest.fixture(scope="module")
def imported_sops():
    from kecamatan_desktop.bookimport.reading import SopRefused, read_book, to_interchange

    if not SAMPLES.exists():
        pytest.skip("the sample books are beside the project")
    found = []
    for path in sorted(SAMPLES.rglob("*")):
        if path.suffix.lower() not in (".pdf", ".xlsx"):
            continue
        for book_sop in read_book(path):
            try:
                doc, _ = to_interchange(book_sop, office=None)
            except SopRefused:  # refused by import: never laid out
                continue
            found.append(sop_from_dict(doc))
    assert len(found) >= 10
    return found


@SPECS
def test_imported_sample_sops_draw_no_fault(imported_sops, spec):
    printed = {sop.name: drawing_faults(lay_out_sheets(sop, PAPERS[spec]))
               for sop in imported_sops}
    assert printed == {sop.name: [] for sop in imported_sops}



# Random valid procedures up to 60 steps and 12 lanes, as printed on F4 and A4: no line
# along a lane rule, no connector on one or on another, no line past a shape, label or
# connector within 1 mm, every pair joining neighbouring pages. Lines running together
# where a page has more long lines than its lanes have channels are not yet prevented
# (issue 26: lanes that widen for them are not built), so OVERLAP is left out here.
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(sops(max_steps=60, max_lanes=12))
def test_random_procedures_draw_no_fault_but_crowded_lines(sop):
    for paper in (F4, A4):
        try:
            layout = lay_out_sheets(sop, paper)
        except LayoutError:  # refused in one Indonesian line, never drawn
            continue
        faults = [f for f in drawing_faults(layout) if f.kind is not FaultKind.OVERLAP]
        assert faults == []
