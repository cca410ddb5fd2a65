"""Words read by OCR placed on the page: lines of text, the ruled cell a point lies in,
labels matched by meaning while forgiving OCR's small misreadings."""

from __future__ import annotations

import difflib
import re
import statistics
from dataclasses import dataclass

from kecamatan_desktop.bookimport.ocr_engine import Word
from kecamatan_desktop.bookimport.ocr_grid import Grid

_MIN_CONF = 20  # below this Tesseract is guessing at a smudge, a stamp or a signature
_TOUCH = 12  # pixels a rule may stop short of the point it should pass
_PUNCT = re.compile(r"[^\w]+", re.UNICODE)


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def holds(self, word: Word) -> bool:
        return self.left <= word.cx < self.right and self.top <= word.cy < self.bottom


def clean(words: list[Word]) -> list[Word]:
    """The words worth reading: some letter or digit in them, and not a wild guess."""
    return [w for w in words if w.conf >= _MIN_CONF and any(c.isalnum() for c in w.text)]


def norm(text: str) -> str:
    """Lower case, punctuation gone, spaces single: how labels are compared."""
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def like(word: str, wanted: str) -> bool:
    """`word` reads as `wanted`: equal, or (five letters or more) nearly equal, as OCR
    misreads "Pemohon" as "Pernohon"."""
    word = norm(word)
    if word == wanted:
        return True
    return len(wanted) >= 5 and difflib.SequenceMatcher(None, word, wanted).ratio() >= 0.8


def label_length(line: list[Word], phrase: str) -> int:
    """How many of the line's first words read as `phrase` (0: the line does not start
    with it); OCR may join or split the label's words, so letters are compared."""
    text = ""
    for count, word in enumerate(line[:len(phrase.split()) + 2], start=1):
        text = norm(f"{text} {word.text}")
        if len(text) + 2 >= len(phrase):
            prefix = len(phrase) >= 5 and like(text[:len(phrase)], phrase)
            return count if like(text, phrase) or prefix else 0
    return 0


def lines_of(words: list[Word]) -> list[list[Word]]:
    """Words in reading order, grouped into lines: a word joins a line when its middle lies
    within the line's height."""
    if not words:
        return []
    height = statistics.median(w.height for w in words)
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.cy):
        if lines and abs(word.cy - statistics.fmean(w.cy for w in lines[-1])) < height * 0.6:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.left) for line in lines]


def text_of(words: list[Word], separator: str = " ") -> str:
    """The words as text: each line's words with spaces, lines joined by `separator`."""
    return separator.join(" ".join(w.text for w in line) for line in lines_of(words))


def confidence(words: list[Word]) -> float:
    return statistics.fmean(w.conf for w in words) if words else 0.0


def cell_at(grid: Grid, x: float, y: float) -> Box | None:
    """The ruled cell around the point: the nearest rules on each side that pass it; None
    when a side has no rule (text outside a table)."""
    left = [r.at for r in grid.vertical
            if r.at <= x and r.start - _TOUCH <= y <= r.end + _TOUCH]
    right = [r.at for r in grid.vertical
             if r.at > x and r.start - _TOUCH <= y <= r.end + _TOUCH]
    above = [r.at for r in grid.horizontal
             if r.at <= y and r.start - _TOUCH <= x <= r.end + _TOUCH]
    below = [r.at for r in grid.horizontal
             if r.at > y and r.start - _TOUCH <= x <= r.end + _TOUCH]
    if not (left and right and above and below):
        return None
    return Box(max(left), max(above), min(right), min(below))


def inside(words: list[Word], box: Box) -> list[Word]:
    return [w for w in words if box.holds(w)]


_ITEM = re.compile(r"^\s*(?:\d{1,2}|[a-z])\s*[.,)]\s*", re.IGNORECASE)


def items_of(words: list[Word]) -> list[str]:
    """A numbered list ("1. …", "2, …", OCR reading the dot as a comma) as its items, a
    line without a number continuing the item above; text with no numbers is one item."""
    items: list[str] = []
    for line in lines_of(words):
        text = " ".join(w.text for w in line)
        match = _ITEM.match(text)
        if match or not items:
            items.append(text[match.end():] if match else text)
        else:
            items[-1] += " " + text
    return [item.strip() for item in items if item.strip()]
