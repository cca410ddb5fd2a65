"""The head and foot bands of a flowchart page: where a line crossing a page break leaves
by one connector and comes in by its partner, one pair per page break it crosses. Which
lines cross which break (`crossing_groups`), how tall a band of them is, and where its
connectors sit (`place_band`), clear of every column rule."""

from __future__ import annotations

from dataclasses import dataclass

from kecamatan_desktop.layout.geometry import Rect
from kecamatan_desktop.layout.model import ArrowKind, LayoutError, Style

CONNECTOR_RULE_GAP = 3.0  # from a connector's side to a column rule (over 1 mm)


@dataclass(frozen=True)
class Edge:
    source: int
    target: int
    kind: ArrowKind


def crossing_groups(edges: tuple[Edge, ...] | list[Edge],
                    page_of: dict[int, int]) -> dict[tuple[int, int, int], list[Edge]]:
    """Edges crossing page breaks, grouped by (page, next page, target step): one group
    for each page break an edge crosses, so an edge from page 1 to page 3 is in (0, 1, t)
    and (1, 2, t) and the reader follows it page by page, never skipping one.

    Every group gets one connector pair: arrows from one page to one step merge into one
    connector, so a band holds at most one connector per step a page sends work to, and a
    procedure whose checks all send work back to one step still fits.
    """
    groups: dict[tuple[int, int, int], list[Edge]] = {}
    for e in edges:
        ps, pt = page_of[e.source], page_of[e.target]
        step = 1 if pt > ps else -1
        for page in range(ps, pt, step):
            groups.setdefault((page, page + step, e.target), []).append(e)
    return groups


def next_group(key: tuple[int, int, int], target_page: int) -> tuple[int, int, int] | None:
    """The group the line continues in after crossing `key`'s page break, or None when it
    has reached its target's page."""
    _, pt, target = key
    if pt == target_page:
        return None
    return (pt, pt + (1 if target_page > pt else -1), target)


@dataclass(frozen=True)
class BandBox:
    head_top: float
    head_h: float
    foot_top: float
    foot_h: float


@dataclass
class BandSlot:
    """One crossing edge's place in a band: its connector and its horizontal track."""

    edge: Edge
    desired_x: float
    x: float = 0.0
    row: int = 0
    track: int = 0


def spacing(style: Style) -> float:
    """Centre distance of neighbouring connectors in one row."""
    return style.connector_size + 6


def pitch(style: Style) -> float:
    """Centre distance in a two-row band: an arrow to a connector in one row then passes
    beside, never through, the connectors of the other row."""
    return style.connector_size / 2 + 2


def connectors_per_row(style: Style, table_w: float) -> int:
    return max(1, int((table_w - 6) // spacing(style)))


def band_rows(count: int, style: Style, table_w: float) -> int:
    if count <= connectors_per_row(style, table_w):
        return 1
    if count > (table_w - 6 - style.connector_size) // pitch(style) + 1:
        raise LayoutError(
            f"{count} panah melewati satu batas halaman; terlalu banyak untuk ditandai "
            "penghubung antarhalaman. Sederhanakan percabangan prosedur ini."
        )
    return 2


def band_height(count: int, style: Style, table_w: float) -> float:
    """Height of a head or foot band holding `count` connectors and their arrow tracks."""
    if count == 0:
        return 0.0
    rows = band_rows(count, style, table_w)
    return 8 + rows * (style.connector_size + 4) + count * style.track_gap


def connector_label(n: int) -> str:
    """A, B, …, Z, AA, AB, …"""
    label = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        label = chr(ord("A") + rem) + label
    return label


def place_band(band: list[BandSlot], style: Style, table: Rect,
               rule_xs: list[float]) -> None:
    """Give each connector of a band its x (in order of where its line wants it, one
    connector apart, within the table) and its row, and each line its track."""
    for track, slot in enumerate(band):
        slot.track = track
    half = style.connector_size / 2
    rows = band_rows(len(band), style, table.w)
    step = spacing(style) if rows == 1 else pitch(style)
    ordered = sorted(band, key=lambda s: (s.desired_x, s.edge.source, s.edge.target))
    lo, hi = table.x + 3 + half, table.right - 3 - half
    xs: list[float] = []
    for s in ordered:
        xs.append(_off_rules(max(s.desired_x, lo, xs[-1] + step if xs else lo), half, 1,
                             rule_xs))
    for k in range(len(xs) - 1, -1, -1):
        limit = hi if k == len(xs) - 1 else xs[k + 1] - step
        if xs[k] > limit:
            xs[k] = _off_rules(limit, half, -1, rule_xs)
    for k, (s, x) in enumerate(zip(ordered, xs, strict=True)):
        s.x, s.row = x, k % rows


def _off_rules(x: float, half: float, direction: int, rule_xs: list[float]) -> float:
    """`x`, or the nearest x in `direction` where a connector `half` wide keeps
    CONNECTOR_RULE_GAP from every rule of the table (a column's edge)."""
    room = half + CONNECTOR_RULE_GAP
    for _ in range(len(rule_xs)):
        hit = next((r for r in rule_xs if abs(x - r) < room), None)
        if hit is None:
            return x
        x = hit + direction * room
    return x
