"""The procedure table of a scanned SOP page: its header found by meaning (No, Kegiatan, the
Pelaksana lanes, the Mutu Baku columns in any order), its columns and rows by the ruled
lines, each cell's text by the words whose middle lies in it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kecamatan_desktop.bookimport.ocr_engine import Word
from kecamatan_desktop.bookimport.ocr_grid import Grid, Rule
from kecamatan_desktop.bookimport.ocr_text import confidence, like, norm, text_of

ACTIVITY = ("kegiatan", "uraian", "aktivitas")
ROLES = (  # a column's meaning by its header's first words
    ("no", ("no", "nomor", "no urut")),
    ("activity", ("kegiatan", "uraian kegiatan", "uraian", "aktivitas", "uraian prosedur")),
    ("requirements", ("kelengkapan", "persyaratan", "perlengkapan", "sumber data")),
    ("time", ("waktu",)),
    ("output", ("output", "keluaran", "hasil")),
    ("notes", ("keterangan", "ket")),
)
_MUTU = ("requirements", "time", "output", "notes")
_FULL = 0.8  # a row rule runs across this share of the widest rule (a sub-header less)
_SAME = 15  # pixels between two rules that are one column border
_NUMBERED = re.compile(r"^\(?\d{1,2}\)?$")  # a header row numbering the columns (1)…(11)


@dataclass(frozen=True)
class Row:
    no: str
    activity: str
    requirements: str
    time: str
    output: str
    notes: str
    conf: float  # mean OCR confidence of the row's text
    branch_labels: bool  # "Ya" or "Tidak" read among the lanes: a decision, probably


@dataclass(frozen=True)
class Table:
    lanes: tuple[str, ...]  # as read from the header, "" where a lane's name was not
    rows: tuple[Row, ...]
    ruled: bool  # False: the header was read but not the table's lines (no rows then)
    title: str  # the text above the table ("SOP Fasilitasi …"), "" when none


def read_table(words: list[Word], grid: Grid) -> Table | None:
    """The procedure table on the page, or None when no header names Kegiatan and at least
    one Mutu Baku or Pelaksana column."""
    heads = [w for w in words if any(like(w.text, k) for k in ACTIVITY)]
    others = [w for w in words if any(like(w.text, k) for k in
                                      ("kelengkapan", "waktu", "output", "pelaksana"))]
    head = next((h for h in sorted(heads, key=lambda w: w.top)
                 if any(abs(o.cy - h.cy) < 6 * h.height for o in others)), None)
    if head is None:
        return None
    widest = max((r.length for r in grid.horizontal), default=0)
    full = [r for r in grid.horizontal if r.length >= _FULL * widest]
    top = max((r.at for r in full if r.at < head.top), default=None)
    bottoms = [r.at for r in full if r.at > head.bottom]
    if top is None or not bottoms:
        return Table((), (), False, "")
    header_bottom, table_bottom = min(bottoms), max(bottoms)
    title = text_of([w for w in words if w.bottom < top and w.cy > top - 8 * w.height])
    borders = _borders(grid.vertical, head.cy, header_bottom, table_bottom)
    if len(borders) < 3:
        return Table((), (), False, title)
    columns = list(zip(borders, borders[1:], strict=False))
    heads_text = [_header_text(words, grid, left, right, top, header_bottom)
                  for left, right in columns]
    roles = _roles(heads_text)
    lanes = tuple(text for text, role in zip(heads_text, roles, strict=True)
                  if role == "lane")
    rules = sorted({r.at for r in full if r.at >= header_bottom})
    rows = []
    for upper, lower in zip(rules, rules[1:], strict=False):
        band = [w for w in words if upper < w.cy < lower]
        row = _row(band, columns, roles)
        if row is not None:
            rows.append(row)
    return Table(lanes, tuple(rows), True, title)


def _borders(vertical: tuple[Rule, ...], head_y: float, header_bottom: float,
             table_bottom: float) -> list[int]:
    """Column borders: rules that start in the header (a flowchart's lines start below it)
    and run down through most of the table."""
    down_to = header_bottom + (table_bottom - header_bottom) / 2
    found: list[int] = []
    for rule in sorted(vertical, key=lambda r: r.at):
        if rule.start <= max(head_y, header_bottom - _SAME) and rule.end >= down_to:
            if found and rule.at - found[-1] < _SAME:
                continue
            found.append(rule.at)
    return found


def _header_text(words: list[Word], grid: Grid, left: int, right: int, top: int,
                 bottom: int) -> str:
    """A column's own header: below the lowest rule over the column inside the header, so
    a group title ("Pelaksana", "Mutu Baku") above its columns is not part of it."""
    middle = (left + right) / 2
    over = [r.at for r in grid.horizontal
            if top + _SAME < r.at < bottom - _SAME and r.start <= middle <= r.end]
    upper = max(over, default=top)
    return text_of([w for w in words if left <= w.cx < right and upper < w.cy < bottom])


def _roles(heads: list[str]) -> list[str]:
    """Each column's meaning; the columns between Kegiatan and the first Mutu Baku column
    are the lanes; anything else is left out ("")."""
    roles = [_role(text) for text in heads]
    if "activity" in roles:
        start = roles.index("activity") + 1
        end = next((i for i in range(start, len(roles)) if roles[i] in _MUTU), len(roles))
        for i in range(start, end):
            if roles[i] == "":
                roles[i] = "lane"
    return roles


def _role(text: str) -> str:
    words = norm(text)
    for role, phrases in ROLES:
        for phrase in phrases:
            if (words == phrase or words.startswith(phrase + " ")
                    or (len(phrase) >= 5 and like(words[:len(phrase)], phrase))):
                return role
    return ""


def _row(band: list[Word], columns: list[tuple[int, int]], roles: list[str]) -> Row | None:
    cells: dict[str, list[Word]] = {}
    lane_words: list[Word] = []
    for (left, right), role in zip(columns, roles, strict=True):
        inside = [w for w in band if left <= w.cx < right]
        if role == "lane":
            lane_words += inside
        elif role:
            cells.setdefault(role, []).extend(inside)
    text_words = [w for ws in cells.values() for w in ws]
    if not text_words:
        return None
    if len(text_words) >= 3 and all(_NUMBERED.match(w.text) for w in text_words):
        return None
    values = {role: text_of(cells.get(role, [])) for role in ("no", "activity", *_MUTU)}
    labels = any(norm(w.text) in ("ya", "tidak") for w in lane_words)
    return Row(**values, conf=confidence(text_words), branch_labels=labels)
