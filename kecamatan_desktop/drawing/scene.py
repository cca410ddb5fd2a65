"""A layout's pages as a graphics scene, stacked top to bottom; `lay_out` makes the layout."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.drawing.items import (
    ArrowItem,
    ConnectorItem,
    PageItem,
    ShapeItem,
    TableItem,
    TextBoxItem,
)
from kecamatan_desktop.layout.model import F4, Shape, SwimlaneLayout
from kecamatan_desktop.layout.sheet import lay_out_sheets

PAGE_GAP = 24.0  # points between stacked pages, and around them


def lay_out(sop: Sop, paper: tuple[float, float] = F4) -> SwimlaneLayout:
    """The layout the window and the images show: the PDF's sheets of `paper` (F4 unless
    asked), laid out by the same function as the PDF, so they paginate as it does."""
    return lay_out_sheets(sop, paper)


class PagesScene(QGraphicsScene):
    """Pages of a `SwimlaneLayout`; `decorated` adds the on-screen sheet edge and shadow.

    `shape_item` makes each step's symbol on its page's sheet: plain `ShapeItem`s unless the
    window asks for ones it can select and drag. A step drawn in several lanes has a symbol
    in each (`step_shapes`); `shape_items` holds its first lane's.
    """

    def __init__(self, layout: SwimlaneLayout, *, decorated: bool = False,
                 shape_item: Callable[[Shape, QGraphicsItem], ShapeItem] = ShapeItem,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow_layout = layout
        self.pages: list[PageItem] = []
        self.shape_items: dict[int, ShapeItem] = {}
        self.step_shapes: dict[int, list[ShapeItem]] = {}
        self.arrow_items: list[ArrowItem] = []
        self.join_items: list[ArrowItem] = []
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
            self.join_items += [ArrowItem(j, sheet) for j in page.joins]
            self.connector_items += [ConnectorItem(c, sheet) for c in page.connectors]
            for shape in page.shapes:
                item = shape_item(shape, sheet)
                self.shape_items.setdefault(shape.step, item)
                self.step_shapes.setdefault(shape.step, []).append(item)
        count = len(layout.pages)
        self.setSceneRect(-PAGE_GAP, -PAGE_GAP, spec.width + 2 * PAGE_GAP,
                          count * (spec.height + PAGE_GAP) + PAGE_GAP)

    def page_rect(self, index: int) -> QRectF:
        """The sheet of page `index` (0-based) in scene coordinates."""
        return self.pages[index].mapRectToScene(self.pages[index].sheet_rect())
