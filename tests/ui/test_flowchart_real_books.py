"""The window's flowchart of a step drawn in several lanes, as real books draw it: a symbol in
each lane, the join drawn with its arrowheads, one click marks the whole step."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF, Qt

from kecamatan_desktop.drawing import painting
from kecamatan_desktop.ui.flowchart.view import FlowchartView
from tests.export.sample_sops import seed_sop
from tests.ui.test_flowchart_view import dark, drag, lane_centre, pixel, render_scene


@pytest.fixture
def view(qtbot) -> FlowchartView:
    v = FlowchartView()
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture
def renja():
    """Renja with step 3 (Tim) also drawn in Camat's and Staf's lanes, step 9 a later start."""
    sop = seed_sop("poncokusumo-2018-renja")
    steps = list(sop.steps)
    steps[2] = replace(steps[2], other_roles=("Camat", "Staf"))
    steps[8] = replace(steps[8], start=True)
    return replace(sop, steps=tuple(steps))


def test_a_symbol_in_each_lane_of_the_step_and_the_join_drawn(view, renja):
    view.show_sop(renja)
    scene = view.flowchart_scene()
    items = scene.step_shapes[2]
    assert [scene.lane_of(i) for i in items] == ["Tim", "Camat", "Staf"]
    assert scene.shape_items[2] is items[0]
    assert all(len(scene.step_shapes[i]) == 1 for i in range(12) if i != 2)
    joins = scene.flow_layout.pages[0].joins
    assert len(scene.join_items) == len(joins) == 2
    image, s = render_scene(view)
    for item in items:
        r = item.layout_shape.rect
        assert dark(pixel(image, s, r.x + 0.2, r.cy)) and not dark(pixel(image, s, r.cx, r.cy))
    for join in joins:
        for p, q in zip(join.points, join.points[1:], strict=False):
            assert dark(pixel(image, s, (p.x + q.x) / 2, (p.y + q.y) / 2)), join
        tip = join.points[-1]  # the filled arrowhead into the other lane's symbol
        assert dark(pixel(image, s, tip.x - 0.7, tip.y - 2.5))
    start = scene.shape_items[8].layout_shape.rect  # a capsule: its corner is paper
    assert not dark(pixel(image, s, start.x + 0.3, start.y + 0.3))


def test_clicking_one_lane_selects_the_whole_step(qtbot, view, renja):
    view.show_sop(renja)
    scene = view.flowchart_scene()
    staf = scene.step_shapes[2][2]
    view.centerOn(staf)
    pos = view.mapFromScene(staf.sceneBoundingRect().center())
    with qtbot.waitSignal(view.step_selected, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [2]
    assert all(item.isSelected() for item in scene.step_shapes[2])
    assert view.selected_step() == 2
    view.select_step(5)
    assert not any(item.isSelected() for item in scene.step_shapes[2])
    view.select_step(2)
    image, s = render_scene(view)
    for item in scene.step_shapes[2]:
        r = item.layout_shape.rect
        assert pixel(image, s, r.cx, r.cy) == painting.SELECTED_FILL


def test_a_step_in_several_lanes_is_not_dragged_to_one(qtbot, view, renja):
    """Which of its lanes a drag would change is not said by the drag: the procedure table
    changes a step drawn in several lanes; its symbols stay put and nothing is reported."""
    view.show_sop(renja)
    view.zoom_out()
    item = view.flowchart_scene().step_shapes[2][1]  # Camat's symbol of step 3
    start = item.sceneBoundingRect().center()
    with qtbot.assertNotEmitted(view.step_dropped_on_lane):
        drag(qtbot, view, start, QPointF(lane_centre(view, "Sekcam"), start.y()))
    assert item.pos() == QPointF(0, 0)


def test_the_tooltip_names_every_lane(view, renja):
    view.show_sop(renja)
    tip = view.flowchart_scene().step_shapes[2][1].toolTip()
    assert "Tim, Camat, Staf" in tip
