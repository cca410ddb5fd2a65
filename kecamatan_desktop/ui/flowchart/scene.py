"""The window's flowchart scene: the drawn pages, with step symbols to select and drag."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from kecamatan_desktop.domain.sop import Sop, Step
from kecamatan_desktop.drawing import painting
from kecamatan_desktop.drawing.items import ShapeItem
from kecamatan_desktop.drawing.scene import PagesScene
from kecamatan_desktop.layout.model import Shape, SwimlaneLayout
from kecamatan_desktop.ui.strings import (
    EMPTY_VALUE,
    TOOLTIP_ACTIVITY,
    TOOLTIP_NO,
    TOOLTIP_OUTPUT,
    TOOLTIP_ROLE,
    TOOLTIP_TIME,
)


def step_tooltip(step: Step) -> str:
    rows = ((TOOLTIP_NO, step.no), (TOOLTIP_ACTIVITY, step.activity),
            (TOOLTIP_ROLE, ", ".join(step.roles)),
            (TOOLTIP_TIME, step.time), (TOOLTIP_OUTPUT, step.output))
    return "".join(f"<p style='margin:0'><b>{escape(label)}:</b> {escape(value or EMPTY_VALUE)}</p>"
                   for label, value in rows)


class StepShapeItem(ShapeItem):
    """A step's symbol: selectable, highlighted on hover, dragged sideways to another lane.

    A drag only moves the symbol for show; on release the scene reports the lane under the
    pointer and the symbol returns to its place (the editor changes the data and redraws).
    A step drawn in several lanes is not dragged (`draggable` False): a drag moves one
    lane, and which of its lanes should change is said in the procedure table.
    """

    def __init__(self, shape: Shape, tooltip: str, parent: QGraphicsItem,
                 draggable: bool = True) -> None:
        super().__init__(shape, parent)
        self._hovered = False
        self._dragging = False
        self.draggable = draggable
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        if draggable:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(tooltip)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.isSelected():
            painting.draw_shape(painter, self.layout_shape, fill=painting.SELECTED_FILL,
                                ink=painting.SELECTED_INK, width=painting.SELECTED_LINE)
        elif self._hovered or self._dragging:
            painting.draw_shape(painter, self.layout_shape, fill=painting.HOVER_FILL)
        else:
            painting.draw_shape(painter, self.layout_shape)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)  # selects the symbol
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not event.buttons() & Qt.MouseButton.LeftButton or not self.draggable:
            return
        moved = event.scenePos() - event.buttonDownScenePos(Qt.MouseButton.LeftButton)
        if not self._dragging:
            on_screen = event.screenPos() - event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
            if on_screen.manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.setPos(QPointF(moved.x(), 0))  # sideways only: a step keeps its row

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            self.setPos(QPointF(0, 0))
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            scene: FlowchartScene = self.scene()
            scene.shape_dropped(self, event.scenePos())


class FlowchartScene(PagesScene):
    """The pages of `sop`'s layout; reports a step symbol dropped on another lane."""

    step_dropped_on_lane = Signal(int, str)
    shape_items: dict[int, StepShapeItem]
    step_shapes: dict[int, list[StepShapeItem]]

    def __init__(self, layout: SwimlaneLayout, sop: Sop, *, decorated: bool = True,
                 parent: QObject | None = None) -> None:
        def step_item(shape: Shape, sheet: QGraphicsItem) -> StepShapeItem:
            step = sop.steps[shape.step]
            return StepShapeItem(shape, step_tooltip(step), sheet,
                                 draggable=len(set(step.roles)) == 1)

        super().__init__(layout, decorated=decorated, shape_item=step_item, parent=parent)

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
