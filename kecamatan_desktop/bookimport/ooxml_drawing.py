"""The shapes of an Excel sheet (`xl/drawings/drawingN.xml`, which openpyxl drops): each
anchored to the cell of its lane and step, connectors naming the shapes they join, Ya/Tidak
text boxes, and process boxes pasted as pictures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kecamatan_desktop.bookimport import ooxml_messages as msg
from kecamatan_desktop.bookimport.ooxml_chart import KINDS, Arrow, Chart, Label, Shape, answer
from kecamatan_desktop.bookimport.ooxml_package import Deadline, Package, local, q
from kecamatan_desktop.domain.errors import InputError

MAX_SHAPES = 3000
MAX_DRAWING_BYTES = 16 * 1024 * 1024
_LINES = {"line", "straightConnector1", "bentConnector2", "bentConnector3", "bentConnector4",
          "curvedConnector3"}


def sheet_chart(package: Package, sheet_part: str, sheet_name: str,
                deadline: Deadline) -> Chart:
    """The flowchart drawn on one sheet; an empty Chart where the sheet has no drawing."""
    rels = package.relationships(sheet_part)
    drawings = [t for t in rels.values() if "/drawings/" in t and t.endswith(".xml")]
    if not drawings:
        return Chart()
    shapes: list[Shape] = []
    arrows: list[Arrow] = []
    labels: list[Label] = []
    for part in drawings:
        root = package.xml(part, MAX_DRAWING_BYTES)
        anchors = list(root)
        if len(anchors) > MAX_SHAPES:
            raise InputError(msg.TOO_MANY_SHAPES.format(
                name=package.name, where=f"lembar '{sheet_name}'", count=len(anchors),
                limit=MAX_SHAPES))
        for anchor in anchors:
            deadline.check()
            cell = _anchor_cell(anchor)
            if cell is None:
                continue
            for element in anchor:
                _read(element, cell, shapes, arrows, labels, depth=0)
    return Chart(tuple(shapes), tuple(arrows), tuple(labels))


def _anchor_cell(anchor: ET.Element) -> tuple[int, int, int] | None:
    """(row, column, last column) of a two- or one-cell anchor, 0-based."""
    start = anchor.find(q("xdr:from"))
    if start is None:
        return None
    try:
        row = int(start.findtext(q("xdr:row"), "0"))
        col = int(start.findtext(q("xdr:col"), "0"))
        end = anchor.find(q("xdr:to"))
        to_col = col
        if end is not None:
            to_col = int(end.findtext(q("xdr:col"), str(col)))
            if int(end.findtext(q("xdr:colOff"), "0") or 0) <= 0:
                to_col -= 1  # ends on the border of that column, inside the one before
    except ValueError:
        return None
    return row, col, max(col, to_col)


def _read(element: ET.Element, cell, shapes, arrows, labels, depth: int) -> None:
    row, col, to_col = cell
    kind = local(element.tag)
    if kind == "grpSp" and depth < 8:
        for child in element:
            _read(child, cell, shapes, arrows, labels, depth + 1)
        return
    props = element.find(f".//{q('xdr:cNvPr')}")
    key = props.get("id", "") if props is not None else ""
    box = _box(element)
    if kind == "cxnSp":
        start, end = element.find(f".//{q('a:stCxn')}"), element.find(f".//{q('a:endCxn')}")
        site = start.get("idx") if start is not None else None
        arrows.append(Arrow(start.get("id") if start is not None else None,
                            end.get("id") if end is not None else None, row,
                            int(site) if site and site.isdigit() else None))
        return
    if kind == "pic":
        shapes.append(Shape(key, "process", row, col, to_col, box, "", picture=True))
        return
    if kind != "sp":
        return
    geometry = element.find(f"{q('xdr:spPr')}/{q('a:prstGeom')}")
    prst = geometry.get("prst", "") if geometry is not None else ""
    text = "\n".join(t.text or "" for t in element.iter(q("a:t"))).strip()
    said = answer(text)
    if said is not None and box is not None:
        x0, y0, x1, y1 = box
        labels.append(Label(said, (x0 + x1) / 2, (y0 + y1) / 2))
        return
    if prst in _LINES:
        arrows.append(Arrow(None, None, row))
        return
    text_box = element.find(f".//{q('xdr:cNvSpPr')}")
    if text_box is not None and text_box.get("txBox") == "1":
        return  # a note written beside the chart, not a step's shape
    if prst in KINDS:
        shapes.append(Shape(key, KINDS[prst], row, col, to_col, box, text))


def _box(element: ET.Element) -> tuple[float, float, float, float] | None:
    xfrm = element.find(f".//{q('a:xfrm')}")
    if xfrm is None:
        return None
    off, ext = xfrm.find(q("a:off")), xfrm.find(q("a:ext"))
    if off is None or ext is None:
        return None
    try:
        x, y = float(off.get("x", "0")), float(off.get("y", "0"))
        w, h = float(ext.get("cx", "0")), float(ext.get("cy", "0"))
    except ValueError:
        return None
    return x, y, x + w, y + h
