"""FlowchartView: an SOP's swimlane flowchart as paper pages on a grey desk, zoomable."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QResizeEvent, QTextOption, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsTextItem, QGraphicsView, QWidget

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.drawing.scene import lay_out
from kecamatan_desktop.layout.model import LayoutError, Style
from kecamatan_desktop.ui.flowchart.scene import FlowchartScene
from kecamatan_desktop.ui.strings import LAYOUT_FAILED

NOT_DRAWN = ("Prosedur SOP ini belum digambar. Tambahkan langkah pertama di tabel prosedur; "
             "diagram alirnya akan tergambar di sini.")

DESK = QColor(128, 128, 128)
ZOOM_STEP = 1.25
READABLE_PT = 9.0  # the smallest body text on screen a flowchart opens with, in points
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
MESSAGE_WIDTH = 380.0


class FlowchartView(QGraphicsView):
    """Shows `show_sop`'s flowchart; reports clicked symbols and symbols dragged to a lane.

    `select_step` is the program selecting: it highlights without emitting `step_selected`,
    so a table and this view can follow each other without echoing.
    """

    step_selected = Signal(int)
    step_dropped_on_lane = Signal(int, str)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self._sop: Sop | None = None
        self._flow: FlowchartScene | None = None
        # "readable": opened at a readable size, or wider to fill the window; "fit": as wide
        # as the window (on request); "manual": the user's own zoom. The first two follow
        # the window's size.
        self._mode = "readable"
        self._selecting = False
        self._show_scene(QGraphicsScene(self), flow=None)

    # what is shown -----------------------------------------------------------------------------
    def sop(self) -> Sop | None:
        return self._sop

    def flowchart_scene(self) -> FlowchartScene | None:
        """The scene of the drawn flowchart, or None while a message (or nothing) is shown."""
        return self._flow

    def show_sop(self, sop: Sop | None) -> None:
        """Lay out and draw `sop`; the same SOP again keeps the zoom, scroll and selection."""
        same = (sop is not None and self._sop is not None and sop.id == self._sop.id
                and self._flow is not None)
        selected = self.selected_step() if same else None
        scroll = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        self._sop = sop
        if sop is None:
            self._show_scene(QGraphicsScene(self), flow=None)
            return
        if not sop.steps:
            self._show_message(NOT_DRAWN)
            return
        try:
            layout = lay_out(sop)
        except LayoutError as exc:
            self._show_message(LAYOUT_FAILED.format(reason=exc))
            return
        flow = FlowchartScene(layout, sop, decorated=True, parent=self)
        flow.selectionChanged.connect(self._on_selection_changed)
        flow.step_dropped_on_lane.connect(self.step_dropped_on_lane)
        self._show_scene(flow, flow=flow)
        if same:
            self.horizontalScrollBar().setValue(scroll[0])
            self.verticalScrollBar().setValue(scroll[1])
            if selected is not None and selected in flow.shape_items:
                self._set_selection(selected, scroll_to=False)
        else:
            self._mode = "readable"
            self._follow_size()
            self._scroll_top_to(flow.sceneRect().top())
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())

    def _show_scene(self, scene: QGraphicsScene, *, flow: FlowchartScene | None) -> None:
        old = self.scene()
        self._flow = flow
        if flow is None:
            self.resetTransform()
            self.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setBackgroundBrush(self.palette().window())
        else:
            self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.setBackgroundBrush(DESK)
        self.setScene(scene)
        if old is not None and old.parent() is self:
            old.deleteLater()

    def _show_message(self, text: str) -> None:
        scene = QGraphicsScene(self)
        item = QGraphicsTextItem()
        item.setPlainText(text)
        item.setTextWidth(MESSAGE_WIDTH)
        item.setDefaultTextColor(self.palette().placeholderText().color())
        option = item.document().defaultTextOption()
        option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        item.document().setDefaultTextOption(option)
        scene.addItem(item)
        scene.setSceneRect(item.boundingRect())
        self._show_scene(scene, flow=None)

    def message_text(self) -> str | None:
        """The message shown instead of a flowchart, if any."""
        if self._flow is not None:
            return None
        texts = [i.toPlainText() for i in self.scene().items() if isinstance(i, QGraphicsTextItem)]
        return texts[0] if texts else None

    # selection ---------------------------------------------------------------------------------
    def select_step(self, index: int | None) -> None:
        """Highlight step `index` (0-based) and scroll to it; None clears the highlight."""
        self._set_selection(index, scroll_to=True)

    def selected_step(self) -> int | None:
        if self._flow is None:
            return None
        chosen = [s for s, items in self._flow.step_shapes.items()
                  if any(item.isSelected() for item in items)]
        return chosen[0] if chosen else None

    def _set_selection(self, index: int | None, *, scroll_to: bool) -> None:
        if self._flow is None:
            return
        self._selecting = True
        try:
            self._flow.clearSelection()
            item = self._flow.shape_items.get(index) if index is not None else None
            if item is not None:
                for shape in self._flow.step_shapes[index]:  # each lane of the step
                    shape.setSelected(True)
                if scroll_to and not self.visible_scene_rect().contains(item.sceneBoundingRect()):
                    self.centerOn(item)
        finally:
            self._selecting = False

    def _on_selection_changed(self) -> None:
        if self._selecting or self._flow is None:
            return
        index = self.selected_step()
        if index is not None:
            self._set_selection(index, scroll_to=False)  # a click on one lane marks them all
            self.step_selected.emit(index)

    # zoom --------------------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        """Screen pixels per point."""
        return self.transform().m11()

    def zoom_in(self) -> None:
        self._mode = "manual"
        self._set_zoom(self.zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._mode = "manual"
        self._set_zoom(self.zoom_factor() / ZOOM_STEP)

    def fit_width(self) -> None:
        """Pages as wide as the window; stays so when the window is resized, until a zoom."""
        self._mode = "fit"
        self._follow_size()

    def readable_zoom(self) -> float:
        """Screen pixels per point at which the flowchart's body text shows at READABLE_PT."""
        return READABLE_PT / Style().font_size * self.logicalDpiY() / 72

    def _fitted_zoom(self) -> float | None:
        # the width as if the vertical scroll bar were always there: fitted to the width
        # without it, a page that then fits the height hides the bar, widens the viewport,
        # zooms in, needs the bar again... thousands of relayouts a second, for ever
        bar = self.verticalScrollBar()
        shown = bar.width() if bar.isVisible() else 0
        available = self.viewport().width() + shown - bar.sizeHint().width() - 2
        if available <= 0 or self._flow is None:
            return None
        return available / self._flow.sceneRect().width()

    def _follow_size(self) -> None:
        fitted = self._fitted_zoom()
        if fitted is None:
            return
        top = self.visible_scene_rect().top()
        self._set_zoom(fitted if self._mode == "fit" else max(fitted, self.readable_zoom()))
        self._scroll_top_to(top)  # what was at the top stays there

    def _scroll_top_to(self, y: float) -> None:
        visible = self.visible_scene_rect()
        self.centerOn(visible.center().x(), y + visible.height() / 2)

    def _set_zoom(self, factor: float) -> None:
        if self._flow is None:
            return
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        if abs(factor - self.zoom_factor()) < 1e-9:
            return
        self.setTransform(QTransform.fromScale(factor, factor))
        self.zoom_changed.emit(factor)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._mode != "manual":
            self._follow_size()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier or self._flow is None:
            super().wheelEvent(event)
            return
        self._mode = "manual"
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._set_zoom(self.zoom_factor() * ZOOM_STEP ** (event.angleDelta().y() / 120))
        self.setTransformationAnchor(anchor)
        event.accept()

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()
