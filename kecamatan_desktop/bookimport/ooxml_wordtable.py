"""A Word table (`w:tbl`) as a Grid, and the DrawingML shapes anchored in its cells. Word
stores each shape twice, DrawingML in `mc:Choice` and VML in `mc:Fallback`: the Choice is
read, the Fallback never; a shape kept only as VML (old Word) is named, not read."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kecamatan_desktop.bookimport.ooxml_chart import KINDS, Arrow, Label, Shape, answer
from kecamatan_desktop.bookimport.ooxml_grid import Grid
from kecamatan_desktop.bookimport.ooxml_package import Deadline, local, q

EMU_PER_TWIP = 635
ROW_TWIPS = 720  # a row's nominal height where Word does not store one
_LINES = {"line", "straightConnector1", "bentConnector2", "bentConnector3", "bentConnector4",
          "curvedConnector3"}
_SKIP = {"drawing", "pict", "AlternateContent", "object", "txbxContent"}


def cell_text(element: ET.Element) -> str:
    """The text of a cell's paragraphs, without the text boxes of shapes drawn in it."""
    lines: list[str] = []
    for paragraph in _paragraphs(element):
        lines.append(paragraph_text(paragraph))
    return "\n".join(lines).rstrip().lstrip("\n")  # leading spaces kept: a blank on purpose


def paragraph_text(paragraph: ET.Element) -> str:
    parts: list[str] = []
    _runs(paragraph, parts)
    return "".join(parts)


def _paragraphs(element: ET.Element):
    for child in element:
        name = local(child.tag)
        if name == "p":
            yield child
        elif name in ("sdt", "sdtContent", "customXml"):
            yield from _paragraphs(child)


def _runs(element: ET.Element, parts: list[str]) -> None:
    for child in element:
        name = local(child.tag)
        if name in _SKIP:
            continue
        if name == "t":
            parts.append(child.text or "")
        elif name in ("tab",):
            parts.append(" ")
        elif name in ("br", "cr"):
            parts.append("\n")
        else:
            _runs(child, parts)


class WordTable:
    """Cells, merged ranges and shapes of one top-level table."""

    def __init__(self, table: ET.Element, deadline: Deadline) -> None:
        self.grid = Grid()
        self.shapes: list[Shape] = []
        self.arrows: list[Arrow] = []
        self.labels: list[Label] = []
        self.vml_rows: list[int] = []
        widths = [int(g.get(q("w:w"), "0") or 0) for g in table.iter(q("w:gridCol"))]
        self._lefts = [sum(widths[:i]) for i in range(len(widths) + 1)]
        top = 0
        for r, row in enumerate(table.findall(q("w:tr"))):
            deadline.check()
            height = _row_height(row)
            col = _grid_before(row)
            for cell in row.findall(q("w:tc")):
                span = _int(cell.find(f"{q('w:tcPr')}/{q('w:gridSpan')}"), 1)
                merge = cell.find(f"{q('w:tcPr')}/{q('w:vMerge')}")
                if merge is not None and merge.get(q("w:val"), "continue") == "continue":
                    self._continue_merge(r, col)
                else:
                    text = cell_text(cell)
                    if text.strip():
                        self.grid.cells[(r, col)] = text
                    if span > 1:
                        self.grid.spans[(r, col)] = (1, span)
                self._shapes_in(cell, r, col, col + span - 1, top)
                col += span
            top += height
        self.cell_count = len(self.grid.cells)

    def _continue_merge(self, r: int, col: int) -> None:
        for above in range(r - 1, -1, -1):
            origin = (above, col)
            if origin in self.grid.cells or origin in self.grid.spans:
                rows, cols = self.grid.spans.get(origin, (1, 1))
                if above + rows == r:
                    self.grid.spans[origin] = (rows + 1, cols)
                return

    def _shapes_in(self, cell: ET.Element, r: int, col: int, last: int, top: int) -> None:
        drawings = []
        for alternate in cell.iter(q("mc:AlternateContent")):
            choice = alternate.find(q("mc:Choice"))
            if choice is not None:
                drawings += list(choice.iter(q("w:drawing")))
        alternated = {id(d) for a in cell.iter(q("mc:AlternateContent")) for d in a.iter()}
        for drawing in cell.iter(q("w:drawing")):
            if id(drawing) not in alternated:
                drawings.append(drawing)  # DrawingML with no VML twin
        for pict in cell.iter(q("w:pict")):
            if id(pict) not in alternated:
                self.vml_rows.append(r)
        left = self._lefts[min(col, len(self._lefts) - 1)] * EMU_PER_TWIP
        for drawing in drawings:
            for anchor in drawing:
                self._anchor(anchor, r, col, last, left, top * EMU_PER_TWIP)

    def _anchor(self, anchor: ET.Element, r, col, last, left, top) -> None:
        doc = anchor.find(q("wp:docPr"))
        key = doc.get("id", "") if doc is not None else ""
        extent = anchor.find(q("wp:extent"))
        cx = float(extent.get("cx", "0")) if extent is not None else 0.0
        cy = float(extent.get("cy", "0")) if extent is not None else 0.0
        x = left + _offset(anchor, "wp:positionH")
        y = top + _offset(anchor, "wp:positionV")
        box = (x, y, x + cx, y + cy)
        data = anchor.find(f"{q('a:graphic')}/{q('a:graphicData')}")
        if data is None:
            return
        for item in data:
            name = local(item.tag)
            if name == "wsp":
                self._shape(item, key, r, col, last, box)
            elif name == "wgp":
                for child in item.iter(q("wps:wsp")):
                    props = child.find(q("wps:cNvPr"))
                    child_key = props.get("id", key) if props is not None else key
                    self._shape(child, child_key, r, col, last, box)
            elif name == "pic":
                self.shapes.append(Shape(key, "process", r, col, last, box, picture=True))

    def _shape(self, wsp: ET.Element, key: str, r, col, last, box) -> None:
        connector = wsp.find(q("wps:cNvCnPr"))
        geometry = wsp.find(f"{q('wps:spPr')}/{q('a:prstGeom')}")
        prst = geometry.get("prst", "") if geometry is not None else ""
        if connector is not None or prst in _LINES:
            start = wsp.find(f".//{q('a:stCxn')}")
            end = wsp.find(f".//{q('a:endCxn')}")
            site = start.get("idx") if start is not None else None
            self.arrows.append(Arrow(start.get("id") if start is not None else None,
                                     end.get("id") if end is not None else None, r,
                                     int(site) if site and site.isdigit() else None))
            return
        text = "\n".join(cell_text(t) for t in wsp.iter(q("w:txbxContent"))).strip()
        said = answer(text)
        if said is not None:
            x0, y0, x1, y1 = box
            self.labels.append(Label(said, (x0 + x1) / 2, (y0 + y1) / 2))
        elif prst in KINDS:
            self.shapes.append(Shape(key, KINDS[prst], r, col, last, box, text))


def _offset(anchor: ET.Element, axis: str) -> float:
    position = anchor.find(q(axis))
    value = position.findtext(q("wp:posOffset")) if position is not None else None
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0


def _row_height(row: ET.Element) -> int:
    height = row.find(f"{q('w:trPr')}/{q('w:trHeight')}")
    return _int(height, ROW_TWIPS) or ROW_TWIPS


def _grid_before(row: ET.Element) -> int:
    return _int(row.find(f"{q('w:trPr')}/{q('w:gridBefore')}"), 0)


def _int(element: ET.Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(q("w:val"), str(default)))
    except ValueError:
        return default
