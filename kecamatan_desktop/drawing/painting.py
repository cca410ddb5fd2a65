"""QPainter routines for the layout's primitives, shared by the window's scene and the images.

Everything is drawn where the layout put it, in points (one scene unit is one point).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from kecamatan_desktop.drawing.qt_measure import EM, em_font, qt_measure
from kecamatan_desktop.layout.crossings import arrow_path
from kecamatan_desktop.layout.geometry import Point, Rect
from kecamatan_desktop.layout.model import Arrow, Cell, Connector, Shape, ShapeKind, TextBox

INK = QColor(0, 0, 0)
PAPER = QColor(255, 255, 255)
HEADING_FILL = QColor(232, 237, 245)  # as the PDF's
SELECTED_FILL = QColor(198, 222, 255)
SELECTED_INK = QColor(0, 84, 180)
HOVER_FILL = QColor(232, 241, 255)

CELL_LINE = 0.5
SHAPE_LINE = 0.8
SELECTED_LINE = 1.6
ARROW_LINE = 0.6
HEAD_LENGTH = 4.5
HEAD_HALF_WIDTH = 0.45 * HEAD_LENGTH


def qrect(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


def qpoint(p: Point) -> QPointF:
    return QPointF(p.x, p.y)


def text_bounds(box: TextBox) -> QRectF:
    """The box's rect, widened if a line is wider (a word longer than the column)."""
    widest = max((qt_measure(line, box.size, box.bold) for line in box.lines), default=0.0)
    rect = qrect(box.rect)
    if widest > rect.width():
        extra = widest - rect.width()
        rect.adjust(-extra / 2 if box.align == "center" else 0, 0,
                    extra / 2 if box.align == "center" else extra, 0)
    return rect


def draw_text_box(painter: QPainter, box: TextBox, ink: QColor = INK) -> None:
    """Each line from the top of the box, one line height apart, its glyphs centred in it."""
    if not box.lines:
        return
    scale = box.size / EM
    painter.save()
    painter.setFont(em_font(box.bold))
    painter.setPen(QPen(ink))
    painter.translate(box.rect.x, box.rect.y)
    painter.scale(scale, scale)
    for i, line in enumerate(box.lines):
        if not line:
            continue
        x = 0.0
        if box.align == "center":
            x = (box.rect.w - qt_measure(line, box.size, box.bold)) / 2
        painter.drawText(QPointF(x / scale, (box.baseline(i) - box.rect.y) / scale), line)
    painter.restore()


def draw_cell(painter: QPainter, cell: Cell) -> None:
    rect = qrect(cell.rect)
    if cell.heading:
        painter.fillRect(rect, HEADING_FILL)
    painter.setPen(QPen(INK, CELL_LINE))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    if cell.text is not None:
        draw_text_box(painter, cell.text)


def shape_path(shape: Shape) -> QPainterPath:
    """Capsule for a terminator, rectangle for a process, the outline polygon for a decision."""
    path = QPainterPath()
    rect = qrect(shape.rect)
    if shape.kind is ShapeKind.TERMINATOR:
        radius = rect.height() / 2
        path.addRoundedRect(rect, radius, radius)
    elif shape.kind is ShapeKind.DECISION:
        path.addPolygon(QPolygonF([qpoint(p) for p in shape.outline]))
        path.closeSubpath()
    else:
        path.addRect(rect)
    return path


def draw_shape(painter: QPainter, shape: Shape, *, fill: QColor = PAPER, ink: QColor = INK,
               width: float = SHAPE_LINE) -> None:
    painter.setPen(QPen(ink, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                        Qt.PenJoinStyle.MiterJoin))
    painter.setBrush(QBrush(fill))
    painter.drawPath(shape_path(shape))


def arrow_parts(arrow: Arrow) -> tuple[QPainterPath, QPolygonF]:
    """The polyline, stopped where the head begins, and the head along the last segment."""
    points = [qpoint(p) for p in arrow.points]
    tip, before = points[-1], points[-2]
    dx, dy = tip.x() - before.x(), tip.y() - before.y()
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    head = min(HEAD_LENGTH, length)
    base = QPointF(tip.x() - ux * head, tip.y() - uy * head)
    side = QPointF(-uy * HEAD_HALF_WIDTH, ux * HEAD_HALF_WIDTH)
    line = QPainterPath()
    for op, at in arrow_path(arrow, stop_short=head):
        if op == "M":
            line.moveTo(qpoint(at[0]))
        elif op == "L":
            line.lineTo(qpoint(at[0]))
        else:
            line.cubicTo(*(qpoint(p) for p in at))
    return line, QPolygonF([tip, base + side, base - side])


def draw_arrow(painter: QPainter, arrow: Arrow) -> None:
    line, head = arrow_parts(arrow)
    painter.setPen(QPen(INK, ARROW_LINE, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap,
                        Qt.PenJoinStyle.MiterJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(line)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(INK))
    painter.drawPolygon(head)
    if arrow.label is not None:
        draw_text_box(painter, arrow.label)


def draw_connector(painter: QPainter, connector: Connector) -> None:
    painter.setPen(QPen(INK, SHAPE_LINE, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                        Qt.PenJoinStyle.MiterJoin))
    painter.setBrush(QBrush(PAPER))
    painter.drawPolygon(QPolygonF([qpoint(p) for p in connector.outline]))
    draw_text_box(painter, connector.text)
