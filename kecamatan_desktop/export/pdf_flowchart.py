"""Draws a laid-out flowchart page on a ReportLab canvas: the geometry comes from layout/."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from kecamatan_desktop.export.pdf_fonts import BOLD, REGULAR
from kecamatan_desktop.layout.crossings import arrow_path
from kecamatan_desktop.layout.geometry import Point
from kecamatan_desktop.layout.model import Page, ShapeKind, TextBox

HEADING_FILL = colors.Color(0.91, 0.93, 0.96)
LINE = colors.black
ARROW_HEAD = 4.5


class _Flip:
    """Layout points are y-down from the page top; ReportLab's are y-up from the bottom."""

    def __init__(self, height: float) -> None:
        self.height = height

    def y(self, y: float) -> float:
        return self.height - y


def draw_text(c: Canvas, box: TextBox, flip: _Flip) -> None:
    c.setFont(BOLD if box.bold else REGULAR, box.size)
    for i, line in enumerate(box.lines):
        baseline = flip.y(box.baseline(i))
        if box.align == "center":
            c.drawCentredString(box.rect.cx, baseline, line)
        else:
            c.drawString(box.rect.x, baseline, line)


def _polygon(c: Canvas, points: tuple[Point, ...], flip: _Flip, fill: bool = False) -> None:
    path = c.beginPath()
    path.moveTo(points[0].x, flip.y(points[0].y))
    for p in points[1:]:
        path.lineTo(p.x, flip.y(p.y))
    path.close()
    c.drawPath(path, stroke=1, fill=1 if fill else 0)


def draw_page(c: Canvas, page: Page) -> None:
    """Everything of one layout page: cells, texts, shapes, arrows and the lines joining a
    step's shapes, labels, connectors."""
    flip = _Flip(page.height)
    c.setLineWidth(0.5)
    c.setStrokeColor(LINE)
    draw_text(c, page.title, flip)
    for cell in page.cells:
        r = cell.rect
        if cell.heading:
            c.setFillColor(HEADING_FILL)
            c.rect(r.x, flip.y(r.bottom), r.w, r.h, stroke=1, fill=1)
        else:
            c.rect(r.x, flip.y(r.bottom), r.w, r.h, stroke=1, fill=0)
    c.setFillColor(colors.black)
    for cell in page.cells:
        if cell.text is not None:
            draw_text(c, cell.text, flip)
    c.setLineWidth(0.8)
    c.setFillColor(colors.white)
    for shape in page.shapes:
        r = shape.rect
        if shape.kind is ShapeKind.TERMINATOR:
            c.roundRect(r.x, flip.y(r.bottom), r.w, r.h, r.h / 2, stroke=1, fill=1)
        elif shape.kind is ShapeKind.DECISION:
            _polygon(c, shape.outline, flip, fill=True)
        else:
            c.rect(r.x, flip.y(r.bottom), r.w, r.h, stroke=1, fill=1)
    c.setFillColor(colors.black)
    c.setLineWidth(0.6)
    for arrow in (*page.arrows, *page.joins):
        pts = arrow.points
        path = c.beginPath()
        for op, at in arrow_path(arrow):
            if op == "M":
                path.moveTo(at[0].x, flip.y(at[0].y))
            elif op == "L":
                path.lineTo(at[0].x, flip.y(at[0].y))
            else:
                path.curveTo(*(v for p in at for v in (p.x, flip.y(p.y))))
        c.drawPath(path, stroke=1, fill=0)
        _arrow_head(c, pts[-2], pts[-1], flip)
        if arrow.label is not None:
            draw_text(c, arrow.label, flip)
    c.setLineWidth(0.8)
    for connector in page.connectors:
        c.setFillColor(colors.white)
        _polygon(c, connector.outline, flip, fill=True)
        c.setFillColor(colors.black)
        draw_text(c, connector.text, flip)


def _arrow_head(c: Canvas, before: Point, tip: Point, flip: _Flip) -> None:
    dx, dy = tip.x - before.x, tip.y - before.y
    length = max(abs(dx), abs(dy)) or 1.0
    ux, uy = dx / length, dy / length  # axis-parallel unit vector
    back = Point(tip.x - ux * ARROW_HEAD, tip.y - uy * ARROW_HEAD)
    half = ARROW_HEAD * 0.45
    left = Point(back.x - uy * half, back.y + ux * half)
    right = Point(back.x + uy * half, back.y - ux * half)
    _polygon(c, (tip, left, right), flip, fill=True)
