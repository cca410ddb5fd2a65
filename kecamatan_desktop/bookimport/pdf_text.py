"""Words into text: normalised labels, the words inside a region, and their lines joined as
a person reads them (wrapped lines joined, a numbered item on a line of its own)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from kecamatan_desktop.bookimport.pdf_page import Word

_ITEM = re.compile(r"^(\d{1,3}[.,)]|[a-z][.)]|[•\-–▪·])$", re.IGNORECASE)


def norm(text: str) -> str:
    """Lower case, letters and digits only, single spaces: "NO." -> "no", "Ket." -> "ket"."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[^a-z0-9/ ]+", " ", text).replace("/", " ").split())


def inside(words: Iterable[Word], x0: float, y0: float, x1: float, y1: float) -> list[Word]:
    """The words whose centre lies in the region."""
    return [w for w in words if x0 <= w.box.cx <= x1 and y0 <= w.box.cy <= y1]


def lines(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into lines (centres within half a font size), top to bottom, each left
    to right."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.box.cy, w.box.x0)):
        if rows and abs(rows[-1][0].box.cy - word.box.cy) < max(rows[-1][0].size, 2.0) * 0.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w.box.x0) for row in rows]


def text(words: Iterable[Word]) -> str:
    """The words as written: wrapped lines joined with a space, a line that opens with an
    item mark ("1.", "2)", "-") starts a new line."""
    out = ""
    for row in lines(words):
        line = " ".join(w.text for w in row)
        if not out:
            out = line
        elif _ITEM.match(row[0].text):
            out += "\n" + line
        elif out.endswith("-") and not out.endswith(" -"):
            out += line
        else:
            out += " " + line
    return out.strip()


def items(words: Iterable[Word]) -> list[str]:
    """A numbered or bulleted list as its items, marks removed; unnumbered lines that follow
    an item continue it; text without marks is one item."""
    result: list[str] = []
    for line in text(words).split("\n"):
        first, _, rest = line.partition(" ")
        if _ITEM.match(first):
            result.append(rest.strip())
        elif result:
            result[-1] = f"{result[-1]} {line}".strip()
        else:
            result.append(line.strip())
    return [item for item in result if item]
