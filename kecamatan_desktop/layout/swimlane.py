"""SOP -> swimlane layout: rows, lane shapes, paginated pages and, via `routing`, the arrows."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.layout.bands import BandBox, Edge, band_height, crossing_groups
from kecamatan_desktop.layout.crossings import mark_crossings, segments
from kecamatan_desktop.layout.geometry import Point, Rect
from kecamatan_desktop.layout.labels import place_labels, rules
from kecamatan_desktop.layout.lanes import step_joins
from kecamatan_desktop.layout.model import (
    F4_LANDSCAPE,
    ArrowKind,
    Cell,
    Column,
    LayoutError,
    Page,
    PageSpec,
    RowBox,
    Shape,
    ShapeKind,
    Style,
    SwimlaneLayout,
    TextBox,
)
from kecamatan_desktop.layout.routing import (
    TOP_ENTRY_DROP,
    TOP_ENTRY_GAP,
    Router,
    top_entries_needed,
)
from kecamatan_desktop.layout.table import (
    body_cells,
    heading_cells,
    make_columns,
    row_content,
    span_heights,
    time_cell,
    time_spans,
)
from kecamatan_desktop.layout.text import Measure, approximate_measure, wrap

TITLE_PREFIX = "Prosedur "
_MAX_PAGING_ROUNDS = 50
_EXACT_ROUNDS = 8
# a table a few points too tall for its pages first gives up some of the pad above and below
# its shapes, in these steps down to this floor, when that saves a page
PAD_STEP = 0.5
MIN_SHAPE_PAD = 9.0


def shape_kind(sop: Sop, index: int) -> ShapeKind:
    """A diamond for a decision; a terminator for the first step, a later start (`start`)
    and the last step; a box otherwise."""
    step = sop.steps[index]
    if step.decision is not None:
        return ShapeKind.DECISION
    if index in (0, len(sop.steps) - 1) or step.start:
        return ShapeKind.TERMINATOR
    return ShapeKind.PROCESS


def step_lanes(sop: Sop, lane_of: dict[str | None, int]) -> list[tuple[int, ...]]:
    """The lane indexes each step is drawn in, its first lane (`role`) first, each once."""
    found = []
    for i, step in enumerate(sop.steps):
        for role in step.roles:
            if role not in lane_of:
                raise LayoutError(f"Langkah ke-{i + 1}: lajur {role!r} tidak ada")
        found.append(tuple(dict.fromkeys(lane_of[role] for role in step.roles)))
    return found


def flow_edges(sop: Sop) -> tuple[Edge, ...]:
    """Next-step edges of non-decision steps and the Ya/Tidak edges of decisions."""
    edges = []
    last = len(sop.steps) - 1
    for i, step in enumerate(sop.steps):
        if step.decision is None:
            if i < last:
                edges.append(Edge(i, i + 1, ArrowKind.NEXT))
            continue
        for kind, target in ((ArrowKind.YES, step.decision.yes), (ArrowKind.NO, step.decision.no)):
            # an editing draft may hold an incomplete decision: it simply has no arrow yet
            if isinstance(target, int) and 1 <= target <= len(sop.steps) and target - 1 != i:
                edges.append(Edge(i, target - 1, kind))
    return tuple(edges)


@dataclass(frozen=True)
class _Frame:
    """Vertical positions shared by every page."""

    title: TextBox
    table_top: float
    heading_cells: tuple[Cell, ...]
    heading_h: float
    body_top: float
    body_bottom: float


def layout_sop(sop: Sop, spec: PageSpec = F4_LANDSCAPE, measure: Measure = approximate_measure,
               style: Style = Style()) -> SwimlaneLayout:  # noqa: B008 (frozen default)
    """The whole flowchart sheet: deterministic, in points, for any page size that fits."""
    if not sop.steps:
        return SwimlaneLayout(spec=spec, columns=(), pages=())
    columns = make_columns(sop.roles, sop.steps, spec, style, measure)
    lane_of = {c.lane: i for i, c in enumerate(c for c in columns if c.key == "lane")}
    lanes_of_step = step_lanes(sop, lane_of)
    spans = time_spans(sop.steps)
    frame = _frame(sop, spec, style, measure, columns)
    contents = [row_content(step, columns, style, measure) for step in sop.steps]
    kinds = [shape_kind(sop, i) for i in range(len(sop.steps))]
    edges = flow_edges(sop)
    lanes = [c for c in columns if c.key == "lane"]
    table_x, table_w = columns[0].x, columns[-1].x + columns[-1].width - columns[0].x

    style = _fitting_pad(sop, contents, kinds, edges, frame, spec, style)

    def place(from_above: dict[int, int]):
        heights = _row_heights(sop, contents, kinds, from_above, style)
        pages_of_rows, bands = _paginate(heights, edges, frame, style, spec)
        page_boxes = []
        shapes: dict[int, tuple[Shape, ...]] = {}
        row_rects: dict[int, Rect] = {}
        for p, rows in enumerate(pages_of_rows):
            head_h, foot_h = bands[p]
            y = frame.body_top + head_h
            for i in rows:
                row_rects[i] = Rect(table_x, y, table_w, heights[i])
                shapes[i] = tuple(_shape(i, kinds[i], lanes[n], n, row_rects[i], style)
                                  for n in lanes_of_step[i])
                y += heights[i]
            page_boxes.append((frame.body_top, y + foot_h))
        page_of = {i: p for p, rows in enumerate(pages_of_rows) for i in rows}
        router = Router(columns=columns, style=style, measure=measure, shapes=shapes,
                        page_of=page_of, table=Rect(table_x, 0, table_w, 0), bands=[
                            BandBox(head_top=frame.body_top, head_h=bands[p][0],
                                    foot_top=page_boxes[p][1] - bands[p][1],
                                    foot_h=bands[p][1])
                            for p in range(len(pages_of_rows))])
        arrows, connectors = router.route(edges)
        return (pages_of_rows, bands, page_boxes, shapes, row_rects, arrows, connectors,
                step_joins(shapes, edges, router.ends, style), router.top_entries())

    # rows keep room above a shape for the arrows that enter it from above: those its sides
    # cannot take for certain, then (laid out again) those routing actually sent over the top
    from_above = top_entries_needed(edges)
    for _ in range(_PLACE_TRIES):
        placed = place(from_above)
        more = {s: n for s, n in placed[-1].items() if n > from_above.get(s, 0)}
        if not more:
            break
        from_above = {**from_above, **more}
    pages_of_rows, bands, page_boxes, shapes, row_rects, arrows, connectors, joins, _ = placed

    pages = []
    for p, rows in enumerate(pages_of_rows):
        head_h, foot_h = bands[p]
        top, bottom = page_boxes[p]
        cells = list(frame.heading_cells)
        if head_h:
            cells += _band_cells(columns, frame.body_top, head_h)
        bottoms = {i: row_rects[i].bottom for i in rows}
        for i in rows:
            cells += body_cells(i, contents[i], row_rects[i], columns, style,
                                time_cell(spans, i, rows, contents, bottoms))
        if foot_h:
            cells += _band_cells(columns, bottom - foot_h, foot_h)
        body = Rect(table_x, top, table_w, bottom - top)
        page_rows = tuple(RowBox(step=i, rect=row_rects[i]) for i in rows)
        page_connectors = tuple(c.connector for c in connectors if c.page == p)
        fixed = rules(columns, page_rows, body) + [
            seg for c in page_connectors for seg in zip(c.outline, (*c.outline[1:], c.outline[0]),
                                                        strict=True)]
        page_shapes = tuple(s for i in rows for s in shapes[i])
        page_joins = tuple(j for i in rows for j in joins.get(i, ()))
        # the joins cross the arrows as arrows do, and hop over them as arrows do
        own = tuple(a.arrow for a in arrows if a.page == p)
        marked = mark_crossings(own + page_joins)
        marked_arrows, page_joins = marked[:len(own)], marked[len(own):]
        fixed += [seg for j in page_joins for seg in segments(j)]
        page_arrows = place_labels(marked_arrows, fixed, page_shapes)
        pages.append(Page(
            number=p + 1, width=spec.width, height=spec.height, title=frame.title,
            table=Rect(table_x, frame.table_top, table_w, bottom - frame.table_top),
            heading=Rect(table_x, frame.table_top, table_w, frame.heading_h),
            body=body,
            cells=tuple(cells),
            rows=page_rows,
            shapes=page_shapes,
            arrows=page_arrows,
            connectors=page_connectors,
            joins=page_joins,
        ))
    return SwimlaneLayout(spec=spec, columns=tuple(columns), pages=tuple(pages))


def _frame(sop: Sop, spec: PageSpec, style: Style, measure: Measure,
           columns: tuple[Column, ...]) -> _Frame:
    table_w = spec.width - 2 * spec.margin
    size = style.title_size
    # some SOP names already begin with "Prosedur" (as in the seed book): never print it twice
    title_text = sop.name if sop.name.lower().startswith("prosedur") else TITLE_PREFIX + sop.name
    lines = wrap(title_text, table_w, measure, size, True)
    lh = style.line_height(size)
    title = TextBox(rect=Rect(spec.margin, spec.margin, table_w, len(lines) * lh), lines=lines,
                    size=size, bold=True, line_height=lh)
    table_top = title.rect.bottom + 4
    cells, heading_h = heading_cells(columns, table_top, style, measure)
    return _Frame(title=title, table_top=table_top, heading_cells=cells, heading_h=heading_h,
                  body_top=table_top + heading_h,
                  body_bottom=spec.height - spec.margin - spec.footer)


_PLACE_TRIES = 4  # layouts tried while routing sends arrows over the top of rows without room


def _room_above(entries: int, style: Style) -> float:
    """Extra pad above (and, the shape being centred, below) a shape that arrows enter from
    above: each runs at its own height, the highest 4 pt under the row's rule."""
    if not entries:
        return 0.0
    highest = TOP_ENTRY_DROP + TOP_ENTRY_GAP * (entries - 1) + 4.0
    return max(0.0, highest - style.shape_pad)


def _shape_height(kind: ShapeKind, style: Style) -> float:
    return {ShapeKind.PROCESS: style.process_height, ShapeKind.TERMINATOR: style.terminator_height,
            ShapeKind.DECISION: style.decision_height}[kind]


def _shape(step: int, kind: ShapeKind, lane: Column, lane_index: int, row: Rect,
           style: Style) -> Shape:
    inner = lane.width - 2 * style.lane_margin
    width = min(inner, {ShapeKind.PROCESS: 72.0, ShapeKind.TERMINATOR: 60.0,
                        ShapeKind.DECISION: 32.0}[kind])
    height = _shape_height(kind, style)
    rect = Rect(lane.x + (lane.width - width) / 2, row.y + (row.h - height) / 2, width, height)
    if kind is ShapeKind.DECISION:
        outline = (Point(rect.cx, rect.y), Point(rect.right, rect.cy),
                   Point(rect.cx, rect.bottom), Point(rect.x, rect.cy))
    else:
        outline = (Point(rect.x, rect.y), Point(rect.right, rect.y),
                   Point(rect.right, rect.bottom), Point(rect.x, rect.bottom))
    return Shape(step=step, kind=kind, rect=rect, lane=lane_index, outline=outline)


def _band_cells(columns: tuple[Column, ...], top: float, height: float) -> list[Cell]:
    return [Cell(rect=Rect(c.x, top, c.width, height), text=None) for c in columns]


def _row_heights(sop: Sop, contents: list, kinds: list[ShapeKind], from_above: dict[int, int],
                 style: Style) -> list[float]:
    return span_heights(sop.steps, contents, [
        max(c.text_height, _shape_height(k, style) + 2 * style.shape_pad
            + (style.label_room if k is ShapeKind.DECISION else 0.0)
            + 2 * _room_above(from_above.get(i, 0), style))
        for i, (c, k) in enumerate(zip(contents, kinds, strict=True))], style)


def _fitting_pad(sop: Sop, contents: list, kinds: list[ShapeKind], edges: tuple[Edge, ...],
                 frame: _Frame, spec: PageSpec, style: Style) -> Style:
    """`style`, or with less pad around the shapes (down to MIN_SHAPE_PAD) when that lays
    the rows out on fewer pages: LKj's 12 steps need 574.4 pt where F4 has 573.1, and are
    one page with 9.5 pt of pad, not 6 steps and 6 with the loop split over two pages. The
    most pad that gives the fewest pages; decided once, so screen, image and paper agree."""
    from_above = top_entries_needed(edges)

    def pages(candidate: Style) -> float:
        heights = _row_heights(sop, contents, kinds, from_above, candidate)
        try:
            return len(_paginate(heights, edges, frame, candidate, spec)[0])
        except LayoutError:
            return float("inf")

    best, fewest = style, pages(style)
    pad = style.shape_pad - PAD_STEP
    while fewest > 1 and pad >= MIN_SHAPE_PAD - 1e-9:
        candidate = replace(style, shape_pad=pad)
        count = pages(candidate)
        if count < fewest:
            best, fewest = candidate, count
        pad -= PAD_STEP
    return best


def _paginate(heights: list[float], edges: tuple[Edge, ...], frame: _Frame, style: Style,
              spec: PageSpec) -> tuple[list[list[int]], list[tuple[float, float]]]:
    """Rows to pages, reserving head and foot bands for the off-page connectors they need.

    Bands depend on where the breaks fall and the breaks on the bands. The first rounds
    reserve just what the last breaks needed (a reservation left over from other breaks
    would unbalance the pages); if that does not settle, the reservation only grows until
    every page's needs fit, which settles in a few rounds.
    """
    available = frame.body_bottom - frame.body_top
    table_w = spec.width - 2 * spec.margin
    reserved: dict[int, tuple[float, float]] = {}
    for round_ in range(_MAX_PAGING_ROUNDS):
        pages = _balanced_fill(heights, available, reserved)
        needed = _band_needs(pages, edges, style, table_w)
        if all(needed[p][0] <= reserved.get(p, (0, 0))[0]
               and needed[p][1] <= reserved.get(p, (0, 0))[1] for p in range(len(pages))):
            return pages, [reserved.get(p, (0.0, 0.0)) for p in range(len(pages))]
        if round_ < _EXACT_ROUNDS:
            reserved = dict(enumerate(needed))
            continue
        for p, (head, foot) in enumerate(needed):
            old = reserved.get(p, (0.0, 0.0))
            reserved[p] = (max(old[0], head), max(old[1], foot))
    raise LayoutError("Pembagian halaman tidak menemukan susunan yang pas")


def _balanced_fill(heights: list[float], available: float,
                   reserved: dict[int, tuple[float, float]]) -> list[list[int]]:
    """As few pages as filling each to the foot needs, with the rows shared out evenly
    (least sum of squared page contents): 6 steps and 6, never 11 and 1."""
    count = len(_fill(heights, available, reserved))
    rows = len(heights)
    before = [0.0]
    for h in heights:
        before.append(before[-1] + h)
    # cost[k][j]: the best split of the first j rows over k pages, and where page k starts
    cost: list[dict[int, tuple[float, int]]] = [{0: (0.0, 0)}]
    for k in range(count):
        head, foot = reserved.get(k, (0.0, 0.0))
        room = available - head - foot + 1e-6
        best: dict[int, tuple[float, int]] = {}
        for i, (c, _) in cost[k].items():
            for j in range(i + 1, rows + 1):
                content = before[j] - before[i]
                if content > room:
                    break
                total = c + content * content
                if j not in best or total < best[j][0]:
                    best[j] = (total, i)
        cost.append(best)
    if rows not in cost[count]:  # cannot happen: the greedy fill is one such split
        return _fill(heights, available, reserved)
    pages, j = [], rows
    for k in range(count, 0, -1):
        i = cost[k][j][1]
        pages.append(list(range(i, j)))
        j = i
    return pages[::-1]


def _fill(heights: list[float], available: float,
          reserved: dict[int, tuple[float, float]]) -> list[list[int]]:
    pages: list[list[int]] = [[]]
    used = 0.0
    for i, h in enumerate(heights):
        head, foot = reserved.get(len(pages) - 1, (0.0, 0.0))
        if pages[-1] and used + h > available - head - foot + 1e-6:
            pages.append([])
            used = 0.0
            head, foot = reserved.get(len(pages) - 1, (0.0, 0.0))
        if h > available - head - foot + 1e-6:
            raise LayoutError(
                f"Langkah ke-{i + 1} terlalu panjang untuk satu halaman; "
                "pendekkan teksnya atau bagi menjadi beberapa langkah"
            )
        pages[-1].append(i)
        used += h
    return pages


def _band_needs(pages: list[list[int]], edges: tuple[Edge, ...], style: Style,
                table_w: float) -> list[tuple[float, float]]:
    page_of = {i: p for p, rows in enumerate(pages) for i in rows}
    head = [0] * len(pages)
    foot = [0] * len(pages)
    for ps, pt, _ in crossing_groups(edges, page_of):
        if pt > ps:
            foot[ps] += 1
            head[pt] += 1
        else:
            head[ps] += 1
            foot[pt] += 1
    return [(band_height(head[p], style, table_w), band_height(foot[p], style, table_w))
            for p in range(len(pages))]
