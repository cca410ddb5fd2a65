"""The flowchart drawn over a procedure table, as the Excel and Word readers find it:
shapes anchored in a (row, column) cell, arrows naming the shapes they join, and Ya/Tidak
text boxes near a decision's exits."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kecamatan_desktop.bookimport.ooxml_grid import norm

# DrawingML preset geometries → what the SOP AP form means by them.
KINDS = {
    "flowChartTerminator": "terminator", "roundRect": "terminator", "ellipse": "terminator",
    "flowChartAlternateProcess": "terminator",
    "rect": "process", "flowChartProcess": "process",
    "flowChartPredefinedProcess": "process", "flowChartDocument": "process",
    "diamond": "decision", "flowChartDecision": "decision",
    "homePlate": "connector", "flowChartOffpageConnector": "connector",
    "flowChartConnector": "connector", "pentagon": "connector",
}
YES_TEXTS = ("ya", "y", "yes", "setuju", "lengkap", "sesuai")
NO_TEXTS = ("tidak", "t", "no", "tdk", "tidak setuju", "tidak lengkap", "tidak sesuai")


@dataclass(frozen=True)
class Shape:
    key: str  # the drawing's shape id
    kind: str  # terminator, process, decision, connector (see KINDS)
    row: int  # the anchor cell, 0-based
    col: int
    to_col: int  # the last column the shape reaches
    box: tuple[float, float, float, float] | None = None  # x0, y0, x1, y1 (drawing units)
    text: str = ""
    picture: bool = False  # a pasted picture standing for a process box


@dataclass(frozen=True)
class Arrow:
    start: str | None  # shape ids; None where the connector names no shape
    end: str | None
    row: int  # its anchor row, to say where a loose arrow is
    start_site: int | None = None  # the connection site it leaves from (0 top, 1 left,
    # 2 bottom, 3 right on every preset the form uses)


@dataclass(frozen=True)
class Label:
    yes: bool  # Ya (True) or Tidak (False)
    x: float
    y: float


@dataclass(frozen=True)
class Chart:
    shapes: tuple[Shape, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    labels: tuple[Label, ...] = ()
    vml_rows: tuple[int, ...] = ()  # rows holding old VML shapes that were not read


def answer(text: str) -> bool | None:
    """True for a Ya label, False for a Tidak label, None for any other text."""
    t = norm(text)
    if t in YES_TEXTS:
        return True
    if t in NO_TEXTS:
        return False
    return None


def exit_point(shape: Shape, site: int | None) -> tuple[float, float] | None:
    if shape.box is None:
        return None
    x0, y0, x1, y1 = shape.box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return {0: (cx, y0), 1: (x0, cy), 2: (cx, y1), 3: (x1, cy)}.get(site, (cx, cy))


def label_arrows(chart: Chart, decisions: dict[str, Shape]) -> dict[int, bool]:
    """Which arrows (by index in `chart.arrows`) a Ya or Tidak label stands at: each label
    goes to the nearest exit of a decision's leaving arrow, when it is within one and a
    half times the diamond's size of it."""
    exits = []
    for i, arrow in enumerate(chart.arrows):
        shape = decisions.get(arrow.start or "")
        point = exit_point(shape, arrow.start_site) if shape else None
        if shape is not None and point is not None:
            x0, y0, x1, y1 = shape.box  # type: ignore[misc]
            exits.append((i, point, 1.5 * max(x1 - x0, y1 - y0)))
    found: dict[int, tuple[float, bool]] = {}
    for label in chart.labels:
        best = min(((math.dist((label.x, label.y), p), i, reach) for i, p, reach in exits),
                   default=None)
        if best is None or best[0] > best[2]:
            continue
        distance, i, _ = best
        if i not in found or distance < found[i][0]:
            found[i] = (distance, label.yes)
    return {i: yes for i, (_, yes) in found.items()}
