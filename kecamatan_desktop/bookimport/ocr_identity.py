"""The identity table of a scanned SOP page: each label found by meaning in its ruled cell,
its value in the cell to its right (a field) or below it (a list)."""

from __future__ import annotations

import re

from kecamatan_desktop.bookimport.ocr_engine import Word
from kecamatan_desktop.bookimport.ocr_grid import Grid
from kecamatan_desktop.bookimport.ocr_text import (
    Box,
    cell_at,
    confidence,
    inside,
    items_of,
    label_length,
    lines_of,
    norm,
    text_of,
)

# label phrases as books spell them, misspellings included
FIELDS = (
    ("number", ("nomor urut sop", "nomor sop", "no sop")),
    ("created", ("tanggal pembuatan", "tgl pembuatan")),
    ("revised", ("tanggal revisi", "tgl revisi")),
    ("effective", ("tanggal efektif", "tgl efektif", "tanggal pengesahan")),
    ("approver", ("disahkan oleh",)),
    ("name", ("nama sop", "judul sop")),
)
LISTS = (
    ("legal_basis", ("dasar hukum",)),
    ("qualifications", ("kualifikasi pelaksana", "kualifikasi pelaksanaan")),
    ("related", ("keterkaitan",)),
    ("equipment", ("peralatan perlengkapan", "peralatan", "perlengkapan")),
    ("warnings", ("peringatan",)),
    ("records", ("pencatatan dan pendataan", "pencatatan dan pendaftaran", "pencatatan")),
)
_STEP = 15  # pixels past a rule: a point in the neighbouring cell
_NIP_DIGITS = 14  # a line with this many digits is the NIP line (18 when read whole)
_RANK = re.compile(r"\b(pembina|penata|pengatur|juru|[IV]{1,3}\s*/\s*[a-e])\b", re.I)
_CLEAR = 50  # mean confidence under which a line is a stamp or a signature, not text


def read_identity(words: list[Word], grid: Grid) -> tuple[dict, int]:
    """The identity fields found on the page (only those found) and how many field labels
    (Nomor, Nama, dates, Disahkan Oleh) were seen: two or more make an identity page."""
    found: dict = {}
    labels = 0
    for box, cell in _cells(words, grid):
        first = lines_of(cell)[0]
        key, length = _label(first, FIELDS + LISTS)
        if key is None:
            continue
        labels += key in dict(FIELDS)  # list headings also head a procedure table's cells
        label_cy = sum(w.cy for w in first[:length]) / length
        if key in dict(FIELDS):
            # the value's own cell; outside a table, the rest of the label's line
            value = _right_of(words, grid, box, label_cy)
            if cell_at(grid, box.right + _STEP, label_cy) is None:
                value = first[length:]
            if key == "approver":
                found.update(_approver(value))
            elif value:
                found[key] = text_of(value)
        else:
            below = [w for w in cell if w.top > max(x.bottom for x in first)] + first[length:]
            below = below or _under(words, grid, box, first[0].cx)
            if below:
                found[key] = items_of(below)
    found.update(_letterhead(words, grid))
    return found, labels


def _cells(words: list[Word], grid: Grid) -> list[tuple[Box, list[Word]]]:
    cells: dict[Box, list[Word]] = {}
    for word in words:
        box = cell_at(grid, word.cx, word.cy)
        if box is not None:
            cells.setdefault(box, []).append(word)
    return list(cells.items())


def _label(line: list[Word], table) -> tuple[str | None, int]:
    for key, phrases in table:
        for phrase in phrases:
            length = label_length(line, phrase)
            if length:
                return key, length
    return None, 0


def _right_of(words: list[Word], grid: Grid, box: Box, y: float) -> list[Word]:
    right = cell_at(grid, box.right + _STEP, y)
    return [] if right is None else inside(words, right)


def _under(words: list[Word], grid: Grid, box: Box, x: float) -> list[Word]:
    """The cell under a label alone in its cell, unless that cell is labelled itself."""
    below = cell_at(grid, x, box.bottom + _STEP)
    if below is None:
        return []
    cell = inside(words, below)
    if not cell or _label(lines_of(cell)[0], FIELDS + LISTS)[0] is not None:
        return []
    return cell


def _approver(words: list[Word]) -> dict:
    """Title, name, rank and NIP from the signature block: the NIP line by its digits, the
    rank above it, the name above that; smudged lines (stamp, signature) left out."""
    lines = [line for line in lines_of(words)
             if confidence(line) >= _CLEAR and any(len(w.text) >= 3 for w in line)]
    texts = [" ".join(w.text for w in line) for line in lines]
    found: dict = {}
    nip_at = next((i for i, text in enumerate(texts)
                   if sum(c.isdigit() for c in text) >= _NIP_DIGITS), None)
    if nip_at is not None:
        found["approver_nip"] = " ".join(re.findall(r"\d+", texts[nip_at]))
        texts = texts[:nip_at]
        if texts and _RANK.search(texts[-1]):
            found["approver_rank"] = texts.pop()
    if texts:
        found["approver_name"] = texts.pop()
    if texts:
        found["approver_title"] = " ".join(texts)
    return found


def _letterhead(words: list[Word], grid: Grid) -> dict:
    """"PEMERINTAH …" and the office's name on the line under it, read in their cell (or,
    outside a table, as far as the words run on without a wide gap)."""
    for word in words:
        if norm(word.text) != "pemerintah":
            continue
        box = cell_at(grid, word.cx, word.cy)
        lines = lines_of(inside(words, box) if box is not None else words)
        index = next(i for i, line in enumerate(lines) if word in line)
        line = lines[index]
        at = line.index(word)
        if at and word.left - line[at - 1].right <= 3 * word.height:
            continue  # "Peraturan Pemerintah …": a sentence, not a letterhead
        head = _run_from(line, word)
        found = {"government": " ".join(w.text for w in head)}
        if index + 1 < len(lines):
            under = [w for w in lines[index + 1] if w.right > head[0].left - 4 * w.height
                     and w.left < head[-1].right + 4 * w.height]
            if under:
                found["office"] = " ".join(w.text for w in under)
        return found
    return {}


def _run_from(line: list[Word], first: Word) -> list[Word]:
    """The words of `line` from `first` on, up to the first gap wider than three letters."""
    run = [first]
    for word in line[line.index(first) + 1:]:
        if word.left - run[-1].right > 3 * word.height:
            break
        run.append(word)
    return run
