"""The official table: column widths that fit the page, the two heading rows, row contents."""

from __future__ import annotations

from dataclasses import dataclass

from kecamatan_desktop.domain.sop import STEP_LABELS, Step
from kecamatan_desktop.layout.geometry import Rect
from kecamatan_desktop.layout.model import Cell, Column, LayoutError, PageSpec, Style, TextBox
from kecamatan_desktop.layout.text import Measure, wrap

TITLES = {key: label for key, label in STEP_LABELS.items() if key != "role"}
PELAKSANA = "Pelaksana"
MUTU_BAKU = "Mutu Baku"
TEXT_KEYS = ("no", "activity", "requirements", "time", "output", "notes")
# Share of the width left after No, Waktu and the lanes.
WEIGHTS = {"activity": 3.0, "requirements": 2.0, "output": 2.0, "notes": 1.5}
MIN_TEXT_COLUMN = 40.0
MIN_SHAPE_WIDTH = 34.0
MAX_LANE = 96.0
MIN_HEADING_SIZE = 6.0  # pt: a lane's name is set down to this size before a word of it breaks
HEADING_SIZE_STEP = 0.25


def make_columns(roles: tuple[str, ...], steps: tuple[Step, ...], spec: PageSpec,
                 style: Style, measure: Measure) -> tuple[Column, ...]:
    """Widths for No | Kegiatan | lanes | Kelengkapan | Waktu | Output | Keterangan."""
    table_w = spec.width - 2 * spec.margin
    pad2 = 2 * style.cell_pad
    size = style.font_size

    def widest(texts, bold=False):
        return max((measure(t, size, bold) for t in texts if t), default=0.0)

    no_w = max(18.0, widest([TITLES["no"]], True) + pad2, widest([s.no for s in steps]) + pad2)
    time_w = min(64.0, max(widest([TITLES["time"]], True),
                           widest([s.time for s in steps])) + pad2)
    lanes = max(1, len(roles))
    min_lane = MIN_SHAPE_WIDTH + 2 * style.lane_margin
    room = table_w - no_w - time_w - MIN_TEXT_COLUMN * len(WEIGHTS)
    if room < lanes * min_lane:
        raise LayoutError(
            f"{len(roles)} lajur terlalu banyak untuk lebar halaman "
            f"({table_w:.0f} pt); kurangi lajur atau pakai kertas yang lebih lebar"
        )
    lane_w = min(MAX_LANE, max(min_lane, table_w * 0.55 / lanes), room / lanes)
    rest = table_w - no_w - time_w - lanes * lane_w
    total_weight = sum(WEIGHTS.values())
    widths = {key: rest * weight / total_weight for key, weight in WEIGHTS.items()}

    columns: list[Column] = []
    x = spec.margin

    def add(key: str, width: float, lane: str | None = None) -> None:
        nonlocal x
        columns.append(Column(key=key, x=x, width=width, lane=lane))
        x += width

    add("no", no_w)
    add("activity", widths["activity"])
    for role in roles or ("",):
        add("lane", lane_w, role)
    add("requirements", widths["requirements"])
    add("time", time_w)
    add("output", widths["output"])
    add("notes", widths["notes"])
    return tuple(columns)


def _text(rect: Rect, text: str, style: Style, measure: Measure, *, size: float,
          bold: bool = False, align: str = "left") -> TextBox:
    inner = rect.w - 2 * style.cell_pad
    lines = wrap(text, inner, measure, size, bold)
    lh = style.line_height(size)
    return TextBox(rect=Rect(rect.x + style.cell_pad, rect.y + style.cell_pad, inner,
                             len(lines) * lh), lines=lines, size=size, bold=bold, align=align,
                   line_height=lh)


def _lines_height(text: str, width: float, style: Style, measure: Measure, size: float,
                  bold: bool) -> float:
    lines = wrap(text, width - 2 * style.cell_pad, measure, size, bold)
    return len(lines) * style.line_height(size) + 2 * style.cell_pad


def heading_size(text: str, width: float, style: Style, measure: Measure) -> float:
    """The size a heading is set at in a column `width` wide: the heading size, or smaller
    (down to MIN_HEADING_SIZE) until its longest word fits the column whole; only past
    that floor is a word hyphenated."""
    inner = width - 2 * style.cell_pad
    size = style.heading_size
    while size - HEADING_SIZE_STEP >= MIN_HEADING_SIZE - 1e-9 and any(
            measure(word, size, True) > inner for word in text.split()):
        size -= HEADING_SIZE_STEP
    return size


def heading_cells(columns: tuple[Column, ...], top: float, style: Style,
                  measure: Measure) -> tuple[tuple[Cell, ...], float]:
    """The two heading rows ("Pelaksana" over the lanes, "Mutu Baku" over its three); a
    heading too long for its column (a lane's name, Keterangan on 9 lanes) is set smaller
    before any word of it is broken."""
    lanes = [c for c in columns if c.key == "lane"]
    mutu = [c for c in columns if c.key in ("requirements", "time", "output")]
    lanes_w, mutu_w = sum(c.width for c in lanes), sum(c.width for c in mutu)
    first = [(PELAKSANA, lanes[0].x, lanes_w), (MUTU_BAKU, mutu[0].x, mutu_w)]
    second = [(c.lane or "", c.x, c.width) for c in lanes]
    second += [(TITLES[c.key], c.x, c.width) for c in mutu]
    whole = [(TITLES[c.key], c.x, c.width) for c in columns if c.key in ("no", "activity",
                                                                          "notes")]
    sizes = {(text, x, w): heading_size(text, w, style, measure)
             for text, x, w in first + second + whole}

    def need(text: str, x: float, width: float) -> float:
        return _lines_height(text, width, style, measure, sizes[text, x, width], True)

    h1 = need(*first[0])
    h2 = max(need(*cell) for cell in second)
    for cell in whole:
        h2 = max(h2, need(*cell) - h1)
    height = h1 + h2

    def centred(text: str, x: float, width: float, y: float, h: float) -> Cell:
        rect = Rect(x, y, width, h)
        box = _text(rect, text, style, measure, size=sizes[text, x, width], bold=True,
                    align="center")
        offset = max(0.0, (rect.h - 2 * style.cell_pad - box.rect.h) / 2)
        box = TextBox(rect=Rect(box.rect.x, box.rect.y + offset, box.rect.w, box.rect.h),
                      lines=box.lines, size=box.size, bold=True, align="center",
                      line_height=box.line_height)
        return Cell(rect=rect, text=box, heading=True)

    cells = [centred(*cell, top, height) for cell in whole]
    cells += [centred(*cell, top, h1) for cell in first]
    cells += [centred(*cell, top + h1, h2) for cell in second]
    return tuple(cells), height


@dataclass(frozen=True)
class RowContent:
    """A step's wrapped cell texts and the height its row needs."""

    lines: dict[str, tuple[str, ...]]
    text_height: float


def row_content(step: Step, columns: tuple[Column, ...], style: Style,
                measure: Measure) -> RowContent:
    """The row's wrapped texts; a Waktu merged over later rows (`time_span`) does not set
    this row's height (`span_heights` shares it out over the rows it covers)."""
    size = style.font_size
    lines = {}
    for c in columns:
        if c.key in TEXT_KEYS:
            lines[c.key] = wrap(getattr(step, c.key), c.width - 2 * style.cell_pad, measure,
                                size)
    tallest = max(len(v) for k, v in lines.items() if k != "time" or step.time_span <= 1)
    return RowContent(lines=lines,
                      text_height=tallest * style.line_height(size) + 2 * style.cell_pad)


def time_spans(steps: tuple[Step, ...]) -> list[tuple[int, int]]:
    """The first and last row of the Waktu cell each step's row lies in. A cell merged over
    several steps (`time_span`) ends early at a step that has a Waktu of its own, so no
    written Waktu is ever hidden under another's cell."""
    spans = [(i, i) for i in range(len(steps))]
    i = 0
    while i < len(steps):
        last = i
        while (last + 1 < len(steps) and last + 1 < i + steps[i].time_span
               and not steps[last + 1].time.strip()):
            last += 1
        for j in range(i, last + 1):
            spans[j] = (i, last)
        i = last + 1
    return spans


def span_heights(steps: tuple[Step, ...], contents: list[RowContent], heights: list[float],
                 style: Style) -> list[float]:
    """Row heights grown, evenly, where a merged Waktu needs more than its rows give."""
    out = list(heights)
    for first, last in sorted(set(time_spans(steps))):
        if steps[first].time_span <= 1:
            continue
        lines = len(contents[first].lines["time"])
        need = lines * style.line_height(style.font_size) + 2 * style.cell_pad
        short = need - sum(out[first:last + 1])
        if short > 0:
            for j in range(first, last + 1):
                out[j] += short / (last + 1 - first)
    return out


@dataclass(frozen=True)
class TimeCell:
    """A row's Waktu cell when Waktu is merged over several rows: `bottom` the foot of the
    cell (the last of its rows on this page), or None when an earlier row's cell on this
    page covers this row; `lines` what it writes (repeated on a page that continues it)."""

    bottom: float | None
    lines: tuple[str, ...] = ()


def time_cell(spans: list[tuple[int, int]], step: int, rows: list[int],
              contents: list[RowContent], bottoms: dict[int, float]) -> TimeCell | None:
    """How step `step`'s row on a page of `rows` draws its Waktu; None: in its own cell."""
    first, last = spans[step]
    if first == last:
        return None
    top = max(first, rows[0])
    if step != top:
        return TimeCell(bottom=None)
    return TimeCell(bottom=bottoms[min(last, rows[-1])], lines=contents[first].lines["time"])


def body_cells(step_index: int, content: RowContent, rect: Rect, columns: tuple[Column, ...],
               style: Style, time: TimeCell | None = None) -> tuple[Cell, ...]:
    """One row's cells; the lane cells are empty (the shape is drawn over them). A Waktu
    merged over several rows is one cell, drawn by the first of its rows on the page."""
    size = style.font_size
    lh = style.line_height(size)
    cells = []
    for c in columns:
        cell_rect = Rect(c.x, rect.y, c.width, rect.h)
        text = None
        if c.key == "time" and time is not None:
            if time.bottom is None:
                continue
            cell_rect = Rect(c.x, rect.y, c.width, time.bottom - rect.y)
        if c.key in TEXT_KEYS:
            lines = content.lines[c.key]
            if c.key == "time" and time is not None:
                lines = time.lines
            text = TextBox(rect=Rect(c.x + style.cell_pad, rect.y + style.cell_pad,
                                     c.width - 2 * style.cell_pad, len(lines) * lh),
                           lines=lines, size=size,
                           align="center" if c.key in ("no", "time") else "left",
                           line_height=lh)
        cells.append(Cell(rect=cell_rect, text=text, step=step_index))
    return tuple(cells)
