"""The ruled lines of a scanned table, found in the page's pixels, and the page with them
wiped out (Tesseract reads a cell's text better without its borders).

Runs of dark pixels are found with byte translation and regular expressions over whole rows
and columns, so a page of millions of pixels takes a fraction of a second in pure Python."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kecamatan_desktop.bookimport.ocr_engine import GreyImage

_DARK = 160  # a grey level below this is ink
_THRESHOLD = bytes(1 if value < _DARK else 0 for value in range(256))
_GAP = 1  # a pixel a scanned rule may miss (text has wider gaps between its strokes)
_DRIFT = 3  # rows (or columns) a skewed rule may move between neighbouring runs


@dataclass(frozen=True)
class Rule:
    """A ruled line: `at` is its row (horizontal) or column (vertical) in the middle, it runs
    from `start` to `end` along the other axis; `runs` are the pixel runs it is made of."""

    at: int
    start: int
    end: int
    runs: tuple[tuple[int, int, int], ...]  # (row or column, from, to)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Grid:
    horizontal: tuple[Rule, ...]
    vertical: tuple[Rule, ...]


def find_rules(image: GreyImage, min_length: int, max_thickness: int) -> Grid:
    """Horizontal and vertical rules at least `min_length` pixels long and, on average, at
    most `max_thickness` thick (thicker ink is a logo, a stamp or a line of bold text)."""
    dark = image.pixels.translate(_THRESHOLD)
    width, height = image.width, image.height
    rows = (dark[y * width:(y + 1) * width] for y in range(height))
    columns = (dark[x::width] for x in range(width))
    return Grid(_rules(rows, min_length, max_thickness),
                _rules(columns, min_length, max_thickness))


def wipe(image: GreyImage, grid: Grid) -> GreyImage:
    """The page with every rule's pixels (and one pixel either side) made white."""
    width, height = image.width, image.height
    pixels = bytearray(image.pixels)
    for rule in grid.horizontal:
        for y, x0, x1 in rule.runs:
            for row in range(max(0, y - 1), min(height, y + 2)):
                pixels[row * width + x0:row * width + x1] = b"\xff" * (x1 - x0)
    for rule in grid.vertical:
        for x, y0, y1 in rule.runs:
            for column in range(max(0, x - 1), min(width, x + 2)):
                pixels[y0 * width + column:y1 * width + column:width] = b"\xff" * (y1 - y0)
    return GreyImage(width, height, bytes(pixels))


def _rules(lines, min_length: int, max_thickness: int) -> tuple[Rule, ...]:
    # a run: ink with gaps of at most _GAP pixel, at least half a rule long (a
    # skewed rule is a staircase of such runs)
    piece = max(8, min_length // 2)
    pattern = re.compile(rb"\x01(?:\x01|\x00{1,%d}(?=\x01)){%d,}" % (_GAP, piece - 1))
    open_rules: list[list] = []  # [last line index, start, end, runs]
    finished: list[list] = []
    for index, line in enumerate(lines):
        still_open = []
        for rule in open_rules:
            (still_open if index - rule[0] <= _DRIFT else finished).append(rule)
        open_rules = still_open
        for match in pattern.finditer(line):
            start, end = match.span()
            for rule in open_rules:
                if start <= rule[2] + _GAP and end >= rule[1] - _GAP:
                    rule[0] = index
                    rule[1], rule[2] = min(rule[1], start), max(rule[2], end)
                    rule[3].append((index, start, end))
                    break
            else:
                open_rules.append([index, start, end, [(index, start, end)]])
    finished.extend(open_rules)
    rules = []
    for _last, start, end, runs in finished:
        total = sum(run_end - run_start for _, run_start, run_end in runs)
        if end - start < min_length or total > max_thickness * (end - start):
            continue
        # its middle: the run-weighted mean line, so a thick or skewed rule has one place
        at = round(sum(i * (e - s) for i, s, e in runs) / total)
        rules.append(Rule(at, start, end, tuple(runs)))
    return tuple(sorted(rules, key=lambda rule: (rule.at, rule.start)))


MAX_RULES = 1500  # a photograph or a halftone can look like thousands of short rules


def table_lines(grid: Grid, reach: int) -> Grid:
    """The rules that border cells: pieces of one rule (broken by a stamp or a faint scan)
    joined, then only those whose both ends meet a rule across them (a stamp's or a
    logo's straight bits, and an underline, meet none)."""
    horizontal = _join(_longest(grid.horizontal), reach)
    vertical = _join(_longest(grid.vertical), reach)
    return Grid(tuple(r for r in horizontal if _ends_meet(r, vertical, reach)),
                tuple(r for r in vertical if _ends_meet(r, horizontal, reach)))


def _longest(rules: tuple[Rule, ...]) -> list[Rule]:
    return sorted(rules, key=lambda r: r.length, reverse=True)[:MAX_RULES]


def _join(rules: list[Rule], reach: int) -> list[Rule]:
    joined: list[Rule] = []
    for rule in sorted(rules, key=lambda r: r.start):
        for index, other in enumerate(joined):
            if abs(other.at - rule.at) <= reach and rule.start <= other.end + 2 * reach:
                joined[index] = Rule(other.at, other.start, max(other.end, rule.end),
                                     other.runs + rule.runs)
                break
        else:
            joined.append(rule)
    return sorted(joined, key=lambda r: (r.at, r.start))


def _ends_meet(rule: Rule, across: list[Rule], reach: int) -> bool:
    def meets(end: int) -> bool:
        return any(abs(other.at - end) <= reach and other.start - reach <= rule.at
                   <= other.end + reach for other in across)

    return meets(rule.start) and meets(rule.end)
