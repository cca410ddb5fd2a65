"""Word wrapping with a caller's text-measuring function, so each renderer uses its own metrics."""

from __future__ import annotations

from collections.abc import Callable

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
    """Greedy word wrap to `width`; words longer than a line are broken by characters."""
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
                cut = _longest_prefix(word, width, measure, size, bold)
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return tuple(lines)


def _longest_prefix(word: str, width: float, measure: Measure, size: float, bold: bool) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(word[:mid], size, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo
