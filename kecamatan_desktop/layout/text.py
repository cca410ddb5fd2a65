"""Word wrapping with a caller's text-measuring function, so each renderer uses its own metrics."""

from __future__ import annotations

from collections.abc import Callable

from kecamatan_desktop.layout.hyphenation import syllable_breaks

# measure(text, font_size, bold) -> width in points
Measure = Callable[[str, float, bool], float]


def approximate_measure(text: str, size: float, bold: bool = False) -> float:
    """A metric-free stand-in (Arial-like average widths) for tests and headless use."""
    narrow = sum(1 for ch in text if ch in "iljt.,;:'|!()[] ")
    wide = sum(1 for ch in text if ch in "MWmw@%")
    other = len(text) - narrow - wide
    width = (narrow * 0.28 + wide * 0.85 + other * 0.55) * size
    return width * (1.06 if bold else 1.0)


def wrap(text: str, width: float, measure: Measure, size: float,
         bold: bool = False) -> tuple[str, ...]:
    """Greedy word wrap to `width`. A word longer than a line is broken where Indonesian
    hyphenates it (after a hyphen or slash it has, else between syllables with a hyphen
    added), only when no syllable fits between letters, still with a hyphen."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if measure(candidate, size, bold) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            while measure(word, size, bold) > width and len(word) > 1:
                head, word = _break(word, width, measure, size, bold)
                lines.append(head)
            current = word
        lines.append(current)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return tuple(lines)


def _break(word: str, width: float, measure: Measure, size: float,
           bold: bool) -> tuple[str, str]:
    """The longest head of `word` that fits `width` as printed (with its hyphen), and the
    rest: at a hyphen or slash of the word, else a syllable, else as many letters as fit."""
    for cut in reversed(_break_points(word)):
        head = word[:cut] if word[cut - 1] in "-/" else word[:cut] + "-"
        if measure(head, size, bold) <= width:
            return head, word[cut:]
    cut = _longest_prefix(word, width, measure, size, bold, "-")
    if measure(word[:cut] + "-", size, bold) <= width and word[cut - 1] not in "-/":
        return word[:cut] + "-", word[cut:]
    cut = min(_longest_prefix(word, width, measure, size, bold), len(word) - 1)
    return word[:cut], word[cut:]


def _break_points(word: str) -> list[int]:
    """Where `word` may be broken: after each hyphen or slash, and between the syllables of
    each part between them."""
    points, start = [], 0
    for i, ch in enumerate(word + "-"):
        if ch in "-/":
            points += [start + cut for cut in syllable_breaks(word[start:i])]
            if 0 < i + 1 < len(word):
                points.append(i + 1)
            start = i + 1
    return sorted(set(points))


def _longest_prefix(word: str, width: float, measure: Measure, size: float, bold: bool,
                    mark: str = "") -> int:
    """The most letters of `word`, at least one, that fit `width` followed by `mark`."""
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(word[:mid] + mark, size, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo
