"""The flowchart drawn over a procedure table: each shape's lane (the lane column its centre
lies in) and row, the arrows between shapes (lines joined end to end, ending in a head), and
the Ya/Tidak label of each way out of a diamond."""

from __future__ import annotations

from dataclasses import dataclass, field

from kecamatan_desktop.bookimport.pdf_page import PageContent
from kecamatan_desktop.bookimport.pdf_shapes import Drawing, Segment, Shape
from kecamatan_desktop.bookimport.pdf_table import Table
from kecamatan_desktop.bookimport.pdf_text import norm

JOIN = 1.6  # line ends this close are one line
REACH = 4.0  # a line end or a head's tip this close to a shape touches it
MARGIN = 45.0  # off-page connectors may sit just above or below the table
MAX_LINES = 4000  # more candidate lines than any flowchart draws: arrows are not followed
YES = ("ya", "y", "yes")
NO = ("tidak", "t", "tdk", "no")


@dataclass
class Placed:
    shape: Shape
    lane: int | None  # index into the table's lanes
    row: int | None  # index into the table's rows
    across: bool = False  # its box reaches well into a neighbouring lane


@dataclass
class Flow:
    placed: list[Placed] = field(default_factory=list)
    edges: list[tuple[int, int, str]] = field(default_factory=list)  # (from, to, "ya"/"tidak"/"")
    loose: list[int] = field(default_factory=list)  # shapes an arrow reaches from nowhere
    unread: bool = False  # too many lines to follow
    shifted: bool = False  # shapes drawn off their rows, matched to the rows by their order
    # joined lines: their indexes, the shapes they leave and the shapes their heads reach
    groups: list[tuple[list[int], set[int], set[int]]] = field(default_factory=list)


def _place(shape: Shape, table: Table, rows: dict[int, int] | None = None) -> Placed:
    lanes = table.lanes
    lane = next((i for i, c in enumerate(lanes) if c.x0 <= shape.box.cx <= c.x1), None)
    if rows is not None:
        row = rows.get(id(shape))
    else:
        row = next((i for i, r in enumerate(table.rows) if r.y0 <= shape.box.cy <= r.y1), None)
    across = False
    if lane is not None:
        col = lanes[lane]
        over = max(col.x0 - shape.box.x0, shape.box.x1 - col.x1)
        across = over > 0.25 * shape.box.width
    return Placed(shape, lane, row, across)


def _is_cell(shape: Shape, table: Table) -> bool:
    """A rectangle as wide as its column is a cell's border, not a process."""
    return any(abs(shape.box.x0 - c.x0) < 2 and abs(shape.box.x1 - c.x1) < 2
               for c in table.columns)


def read_flow(page: PageContent, drawing: Drawing, table: Table) -> Flow:
    flow = Flow()
    lanes = table.lanes
    left, right = lanes[0].x0, lanes[-1].x1
    top, bottom = table.top - MARGIN, table.bottom + MARGIN
    shapes = [s for s in drawing.shapes if left <= s.box.cx <= right and top <= s.box.cy
              and not _is_cell(s, table)]
    rows = _rows_by_order(shapes, table) if any(
        s.box.y0 > bottom and s.kind != "connector" for s in shapes) else None
    if rows is not None:
        flow.shifted = True
        bottom = max(s.box.y1 for s in shapes) + MARGIN
    for shape in shapes:
        if shape.box.cy <= bottom:
            flow.placed.append(_place(shape, table, rows))
    bounds = [c.x0 for c in table.columns] + [table.columns[-1].x1]
    cuts = [r.y0 for r in table.rows] + [table.bottom]
    lines = [s for s in drawing.lines
             if left - 2 <= min(s.x0, s.x1) and max(s.x0, s.x1) <= right + 2
             and top <= min(s.y0, s.y1) and max(s.y0, s.y1) <= bottom
             and not _on_rule(s, bounds, cuts)]
    if len(lines) > MAX_LINES:
        flow.unread = True
        return flow
    _arrows(flow, lines, drawing)
    _labels(flow, page, lines)
    return flow


def _rows_by_order(shapes: list[Shape], table: Table) -> dict[int, int] | None:
    """Shapes drawn below the table, off the rows they belong to (a workbook printed with
    rows shorter than it was drawn on: the shapes keep the workbook's heights). The shapes
    still lie in bands, one per step, in the steps' order: the k-th band is the k-th
    numbered row's, when there are exactly as many bands as numbered rows (else None)."""
    bands: list[list[Shape]] = []
    for shape in sorted((s for s in shapes if s.kind != "connector"), key=lambda s: s.box.cy):
        if bands and shape.box.cy <= min(s.box.y1 for s in bands[-1]):
            bands[-1].append(shape)
        else:
            bands.append([shape])
    numbered = [i for i, r in enumerate(table.rows) if r.no]
    if len(bands) != len(numbered):
        return None
    rows = {id(s): numbered[k] for k, band in enumerate(bands) for s in band}
    for shape in shapes:  # a connector goes with the band it stands beside
        if shape.kind == "connector":
            near = [k for k, band in enumerate(bands)
                    if min(s.box.y0 for s in band) <= shape.box.cy <= max(s.box.y1 for s in band)]
            if near:
                rows[id(shape)] = numbered[near[0]]
    return rows


def _on_rule(s: Segment, bounds: list[float], cuts: list[float]) -> bool:
    if s.vertical:
        return any(abs(s.x0 - x) < 1.0 for x in bounds)
    if s.horizontal:
        return any(abs(s.y0 - y) < 1.0 for y in cuts) and s.length > 20
    return False


def _groups(lines: list[Segment]) -> list[list[int]]:
    """Lines joined end to end or end to body (a T), as index groups."""
    parent = list(range(len(lines)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(lines):
        for j in range(i + 1, len(lines)):
            b = lines[j]
            if (min(a.distance(b.x0, b.y0), a.distance(b.x1, b.y1)) < JOIN
                    or min(b.distance(a.x0, a.y0), b.distance(a.x1, a.y1)) < JOIN):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(lines)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _nearest(flow: Flow, x: float, y: float, reach: float = REACH) -> int | None:
    best = None
    for i, p in enumerate(flow.placed):
        d = p.shape.distance(x, y)
        if d <= reach and (best is None or d < best[0]):
            best = (d, i)
    return None if best is None else best[1]


def _arrows(flow: Flow, lines: list[Segment], drawing: Drawing) -> None:
    groups = _groups(lines)
    flow.groups = [(g, set(), set()) for g in groups]
    for head in drawing.heads:
        target = _nearest(flow, *head.tip)
        # the line a head belongs to passes nearest its base (its tip touches the target)
        owner, best = None, 3.0
        for k, group in enumerate(groups):
            reach = min(min(lines[i].distance(*head.base), lines[i].distance(*head.tip) + 1.0)
                        for i in group)
            if reach < best:
                owner, best = k, reach
        if owner is None or target is None:
            continue
        flow.groups[owner][2].add(target)
    for group, sources, targets in flow.groups:
        if not targets:
            continue  # a line joining two shapes of one step, or a rule
        for i in group:
            for x, y in ((lines[i].x0, lines[i].y0), (lines[i].x1, lines[i].y1)):
                shape = _nearest(flow, x, y)
                if shape is not None and shape not in targets:
                    sources.add(shape)
        if not sources:
            flow.loose.extend(sorted(targets))
        for s in sorted(sources):
            for t in sorted(targets):
                flow.edges.append((s, t, ""))


def _labels(flow: Flow, page: PageContent, lines: list[Segment]) -> None:
    """Each Ya/Tidak word names the way out of a diamond whose line passes nearest to it."""
    words = [w for w in page.words if norm(w.text) in YES + NO]
    labelled: dict[tuple[int, int], str] = {}
    for word in words:
        best = None
        for group, sources, targets in flow.groups:
            decisions = [s for s in sources if flow.placed[s].shape.kind == "decision"]
            if not decisions or not targets:
                continue
            d = min(lines[i].distance(word.box.cx, word.box.cy) for i in group)
            if d < 30 and (best is None or d < best[0]):
                best = (d, decisions, targets)
        if best is not None:
            label = "ya" if norm(word.text) in YES else "tidak"
            for s in best[1]:
                for t in best[2]:
                    labelled[(s, t)] = label
    flow.edges = [(s, t, labelled.get((s, t), "")) for s, t, _ in flow.edges]
