"""The flowchart of one SOP as a graphics scene: its pages stacked top to bottom."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtWidgets import QGraphicsScene

from kecamatan_desktop.domain.sop import Sop, Step
from kecamatan_desktop.drawing.qt_measure import qt_measure
from kecamatan_desktop.layout.model import F4_LANDSCAPE, SwimlaneLayout
from kecamatan_desktop.layout.swimlane import layout_sop
from kecamatan_desktop.ui.flowchart.items import (
    ArrowItem,
    ConnectorItem,
    PageItem,
    StepShapeItem,
    TableItem,
    TextBoxItem,
)
from kecamatan_desktop.ui.strings import (
    EMPTY_VALUE,
    TOOLTIP_ACTIVITY,
    TOOLTIP_NO,
    TOOLTIP_OUTPUT,
    TOOLTIP_ROLE,
    TOOLTIP_TIME,
)

PAGE_GAP = 24.0  # points between stacked pages, and around them


def lay_out(sop: Sop) -> SwimlaneLayout:
    """The layout the window and the images show: F4 landscape, wrapped with Qt's metrics."""
    return layout_sop(sop, F4_LANDSCAPE, qt_measure)


def step_tooltip(step: Step) -> str:
    rows = ((TOOLTIP_NO, step.no), (TOOLTIP_ACTIVITY, step.activity), (TOOLTIP_ROLE, step.role),
            (TOOLTIP_TIME, step.time), (TOOLTIP_OUTPUT, step.output))
    return "".join(f"<p style='margin:0'><b>{escape(label)}:</b> {escape(value or EMPTY_VALUE)}</p>"
                   for label, value in rows)


class FlowchartScene(QGraphicsScene):
    """Pages of a `SwimlaneLayout`; `decorated` adds the on-screen sheet edge and shadow."""

    step_dropped_on_lane = Signal(int, str)

    def __init__(self, layout: SwimlaneLayout, sop: Sop, *, decorated: bool = True,
                 parent=None) -> None:
        super().__init__(parent)
        self.flow_layout = layout
        self.pages: list[PageItem] = []
        self.shape_items: dict[int, StepShapeItem] = {}
        self.arrow_items: list[ArrowItem] = []
        self.connector_items: list[ConnectorItem] = []
        spec = layout.spec
        for n, page in enumerate(layout.pages):
            sheet = PageItem(page, decorated=decorated)
            sheet.setPos(0, n * (spec.height + PAGE_GAP))
            self.addItem(sheet)
            self.pages.append(sheet)
            TextBoxItem(page.title, sheet)
            TableItem(page, sheet)
            self.arrow_items += [ArrowItem(a, sheet) for a in page.arrows]
            self.connector_items += [ConnectorItem(c, sheet) for c in page.connectors]
            for shape in page.shapes:
                self.shape_items[shape.step] = StepShapeItem(
                    shape, step_tooltip(sop.steps[shape.step]), sheet)
        count = len(layout.pages)
        self.setSceneRect(-PAGE_GAP, -PAGE_GAP, spec.width + 2 * PAGE_GAP,
                          count * (spec.height + PAGE_GAP) + PAGE_GAP)

    def page_rect(self, index: int) -> QRectF:
        """The sheet of page `index` (0-based) in scene coordinates."""
        return self.pages[index].mapRectToScene(self.pages[index].sheet_rect())

    def lane_at(self, x: float) -> str | None:
        """The lane whose column holds page coordinate `x`, if any."""
        for column in self.flow_layout.columns:
            if column.key == "lane" and column.x <= x < column.x + column.width:
                return column.lane
        return None

    def lane_of(self, item: StepShapeItem) -> str | None:
        lanes = [c for c in self.flow_layout.columns if c.key == "lane"]
        return lanes[item.layout_shape.lane].lane

    def shape_dropped(self, item: StepShapeItem, scene_pos: QPointF) -> None:
        # pages are stacked at x = 0, so a scene x is a page x
        lane = self.lane_at(scene_pos.x())
        if lane is not None and lane != self.lane_of(item):
            self.step_dropped_on_lane.emit(item.step, lane)
