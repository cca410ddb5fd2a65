"""Pages printed from one sheet too wide for the paper, joined back into the sheet: a
spreadsheet prints its table band of columns by band of columns (and, when it is also too
long, tier of rows by tier of rows), each band's page repeating the rows at the same heights.
The bands are laid side by side where their grids meet, the tiers one under the other, and
what each page also holds outside its print area (a title, arrows, shapes, clipped away when
printed) is kept once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice

from kecamatan_desktop.bookimport.pdf_page import Box, PageContent, Subpath, Word
from kecamatan_desktop.bookimport.pdf_shapes import Drawing, Segment

MAX_PAGES = 40  # one sheet's pages; far more than any SOP's printout
SAME = 1.5  # a rule or a repeated word this close is the same one


@dataclass(frozen=True)
class Grid:
    """A page's table grid: the left and right edge of its rows, and the rules that start at
    its left edge (row borders)."""

    x0: float
    x1: float
    ys: tuple[float, ...]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]


def grid(segments: tuple[Segment, ...]) -> Grid | None:
    """The table's grid: the left edge most horizontal rules start at, and the right edge
    most of those end at (a merged cell's rule stops short)."""
    rules = [s for s in segments if s.horizontal and s.length > 30]
    lefts = Counter(round(min(s.x0, s.x1)) for s in rules)
    if not lefts:
        return None
    x0 = max(lefts, key=lambda x: (sum(lefts.get(x + d, 0) for d in (-1, 0, 1)), -x))
    mine = [s for s in rules if abs(min(s.x0, s.x1) - x0) <= 2]
    rights = Counter(round(max(s.x0, s.x1)) for s in mine)
    x1 = max(rights, key=lambda x: (sum(rights.get(x + d, 0) for d in (-1, 0, 1)), x))
    width = x1 - x0
    ys: list[float] = []
    for y in sorted(s.y0 for s in mine if s.length >= 0.6 * width):
        if not ys or y - ys[-1] > SAME:
            ys.append(y)
    if len(ys) < 3:
        return None
    verticals = [s for s in segments if s.vertical and s.length > 10]
    return Grid(_snap(x0, verticals), _snap(x1, verticals), tuple(ys))


def _snap(x: float, verticals: list[Segment]) -> float:
    """A grid edge on the table's border drawn there (a horizontal rule ends half a line
    width past it; an arrow may run close by, shorter than the border)."""
    lengths: Counter[float] = Counter()
    for v in verticals:
        if abs(v.x0 - x) <= 2:
            lengths[round(v.x0, 1)] += v.length
    return max(lengths, key=lengths.__getitem__) if lengths else x


def same_rows(a: Grid, b: Grid) -> bool:
    """Two pages print the same rows: (nearly) every row border of one is on the other; a
    merged cell may hide a few."""
    matched = sum(any(abs(y - z) <= SAME for z in b.ys) for y in a.ys)
    return matched >= 3 and matched >= 0.8 * min(len(a.ys), len(b.ys))


Part = tuple[PageContent, Drawing]


def sheet_pages(first: Part, rest: Iterable[Part | None],
                opens_table: Callable[[PageContent], bool],
                is_identity: Callable[[PageContent], bool],
                ) -> list[list[tuple[PageContent, Grid]]] | None:
    """The tiers (each its bands left to right) of the sheet whose first page is `first`,
    taken from the pages that follow it in order, or None when no page continues it to the
    right. `opens_table(page)` and `is_identity(page)` tell the pages that start something
    else; None in `rest` is a page that could not be read."""
    head = grid(first[1].segments)
    if head is None:
        return None
    tiers: list[list[tuple[PageContent, Grid]]] = [[(first[0], head)]]
    for part in islice(rest, MAX_PAGES - 1):
        if part is None or opens_table(part[0]) or is_identity(part[0]):
            break
        found = grid(part[1].segments)
        if found is None:
            break
        tier = next((t for t in tiers if same_rows(t[0][1], found)), None)
        if tier is None:  # the next tier's first band ("down, then over") or the next
            tiers.append([(part[0], found)])  # tier after all bands ("over, then down")
        else:
            tier.append((part[0], found))
    bands = len(tiers[0])
    while len(tiers) > 1 and len(tiers[-1]) != bands:
        tiers.pop()  # a page after the sheet that happened to look like its next tier
    if bands < 2 or any(len(t) != bands for t in tiers):
        return None
    return tiers


def join(tiers: list[list[tuple[PageContent, Grid]]]) -> PageContent:
    """One page holding every band and tier at its place in the sheet."""
    words: dict[str, list[Word]] = {}
    paths: dict[tuple[int, int, int], list[Subpath]] = {}
    starts: list[tuple[float, int]] = []
    width = height = 0.0
    dy = 0.0
    for t, tier in enumerate(tiers):
        if t:
            dy += tiers[t - 1][0][1].bottom - tier[0][1].top
        starts.append((0.0 if not t else dy + tier[0][1].top, tier[0][0].number))
        dx = 0.0
        for b, (page, found) in enumerate(tier):
            if b:
                dx += tier[b - 1][1].x1 - found.x0
            width, height = max(width, dx + page.width), max(height, dy + page.height)
            for word in page.words:
                _add_word(words, _moved_word(word, dx, dy))
            for sub in page.subpaths:
                _add_path(paths, _moved_path(sub, dx, dy))
    pages = [page for tier in tiers for page, _ in tier]
    return PageContent(
        number=pages[0].number, width=width, height=height,
        words=tuple(w for group in words.values() for w in group),
        subpaths=tuple(p for group in paths.values() for p in group),
        chars=sum(p.chars for p in pages), bad_chars=sum(p.bad_chars for p in pages),
        image_area=max(p.image_area for p in pages),
        pages=tuple(sorted(p.number for p in pages)), tiers=tuple(starts))


def _moved_word(word: Word, dx: float, dy: float) -> Word:
    b = word.box
    return Word(word.text, Box(b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy), word.size)


def _moved_path(sub: Subpath, dx: float, dy: float) -> Subpath:
    return Subpath(tuple((x + dx, y + dy) for x, y in sub.points), sub.closed, sub.curved,
                   sub.filled, sub.stroked, sub.fill)


def _add_word(words: dict[str, list[Word]], word: Word) -> None:
    same = words.setdefault(word.text, [])
    if not any(abs(w.box.x0 - word.box.x0) <= SAME and abs(w.box.y0 - word.box.y0) <= SAME
               for w in same):
        same.append(word)


def _add_path(paths: dict[tuple[int, int, int], list[Subpath]], sub: Subpath) -> None:
    """A subpath every page repeats (clipped outside its print area) is kept once."""
    x, y = sub.points[0]
    key = (len(sub.points), round(x / 4), round(y / 4))
    for a in (-1, 0, 1):
        for b in (-1, 0, 1):
            for other in paths.get((key[0], key[1] + a, key[2] + b), ()):
                if other.filled == sub.filled and other.stroked == sub.stroked and all(
                        abs(p[0] - q[0]) <= SAME and abs(p[1] - q[1]) <= SAME
                        for p, q in zip(other.points, sub.points, strict=True)):
                    return
    paths.setdefault(key, []).append(sub)
