"""Graphics items for one page of the flowchart: the sheet, the table, shapes, arrows, connectors.

Each item paints one layout primitive with the routines of `painting`; none computes geometry.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kecamatan_desktop.drawing import painting
from kecamatan_desktop.layout.model import Arrow, Connector, Page, Shape, TextBox

SHADOW = QColor(0, 0, 0, 70)
SHADOW_OFFSET = 4.0
SHEET_EDGE = QColor(110, 110, 110)
# Painting margin around a primitive: half the widest pen, and the arrowhead's overhang.
_PAD = 2.0


class PageItem(QGraphicsItem):
    """A white sheet of the page's size; in the window with an edge and a shadow, as on paper.

    The page's own primitives are its children, so inside it layout coordinates apply as they are.
    """

    def __init__(self, page: Page, *, decorated: bool) -> None:
        super().__init__()
        self.page = page
        self.decorated = decorated
        self.setZValue(-1)

    def sheet_rect(self) -> QRectF:
        return QRectF(0, 0, self.page.width, self.page.height)

    def boundingRect(self) -> QRectF:
        offset = SHADOW_OFFSET if self.decorated else 0.0
        return self.sheet_rect().adjusted(-1, -1, offset + 1, offset + 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        sheet = self.sheet_rect()
        if self.decorated:
            painter.fillRect(sheet.translated(SHADOW_OFFSET, SHADOW_OFFSET), SHADOW)
        painter.fillRect(sheet, painting.PAPER)
        if self.decorated:
            painter.setPen(QPen(SHEET_EDGE, 0))  # cosmetic: one pixel at any zoom
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(sheet)


class _BoundedItem(QGraphicsItem):
    """An item painted within the bounds of its primitive, padded for the pen."""

    def __init__(self, parent: QGraphicsItem, bounds: QRectF) -> None:
        super().__init__(parent)
        self._bounds = bounds.adjusted(-_PAD, -_PAD, _PAD, _PAD)

    def boundingRect(self) -> QRectF:
        return self._bounds


class TableItem(_BoundedItem):
    """All cells of a page (borders, heading fill, wrapped texts) in one item."""

    def __init__(self, page: Page, parent: QGraphicsItem) -> None:
        bounds = painting.qrect(page.table)
        for cell in page.cells:
            bounds = bounds.united(painting.qrect(cell.rect))
            if cell.text is not None:
                bounds = bounds.united(painting.text_bounds(cell.text))
        super().__init__(parent, bounds)
        self.page = page

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        exposed = option.exposedRect if option is not None else self._bounds
        for cell in self.page.cells:
            if painting.qrect(cell.rect).adjusted(-_PAD, -_PAD, _PAD, _PAD).intersects(exposed):
                painting.draw_cell(painter, cell)


class TextBoxItem(_BoundedItem):
    """A free text box, such as the page title."""

    def __init__(self, box: TextBox, parent: QGraphicsItem) -> None:
        super().__init__(parent, painting.text_bounds(box))
        self.box = box

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painting.draw_text_box(painter, self.box)


class ArrowItem(_BoundedItem):
    def __init__(self, arrow: Arrow, parent: QGraphicsItem) -> None:
        line, head = painting.arrow_parts(arrow)
        bounds = line.boundingRect().united(head.boundingRect())
        if arrow.label is not None:
            bounds = bounds.united(painting.text_bounds(arrow.label))
        super().__init__(parent, bounds)
        self.arrow = arrow
        self.setZValue(1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painting.draw_arrow(painter, self.arrow)


class ConnectorItem(_BoundedItem):
    """An off-page connector: the pentagon and its label."""

    def __init__(self, connector: Connector, parent: QGraphicsItem) -> None:
        super().__init__(parent, painting.qrect(connector.rect).united(
            painting.text_bounds(connector.text)))
        self.connector = connector
        self.setZValue(2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painting.draw_connector(painter, self.connector)


class ShapeItem(QGraphicsItem):
    """A step's symbol, as on paper; the window's scene makes it selectable and draggable."""

    def __init__(self, shape: Shape, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.layout_shape = shape
        self.step = shape.step
        self._path = painting.shape_path(shape)
        self.setZValue(2)

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().adjusted(-_PAD, -_PAD, _PAD, _PAD)

    def shape(self) -> QPainterPath:  # the hit area is the symbol itself, not its box
        return self._path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painting.draw_shape(painter, self.layout_shape)
