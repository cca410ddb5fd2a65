"""The identity sheet of an SOP read from label/value cells: "Nomor SOP" and its value to
the right, "Dasar Hukum" and its items below, the approver's block, and the kop lines
(government, office) left of the labels. Labels are matched by meaning, misspellings
included ("Kualifikasi Pelaksanaan", "Pencatatan dan Pendaftaran")."""

from __future__ import annotations

import html
import re

from kecamatan_desktop.bookimport import ooxml_messages as msg
from kecamatan_desktop.bookimport.found import Problem
from kecamatan_desktop.bookimport.ooxml_grid import Grid, clean, norm, one_line

SINGLE = {
    "number": ("nomor sop", "no sop", "nomor standar"),
    "created": ("tanggal pembuatan", "tgl pembuatan"),
    "revised": ("tanggal revisi", "tgl revisi"),
    "effective": ("tanggal efektif", "tgl efektif", "tanggal pengesahan", "tanggal berlaku"),
    "approver": ("disahkan oleh", "disahkan"),
    "name": ("nama sop", "judul sop"),
}
LISTS = {
    "legal_basis": ("dasar hukum",),
    "qualifications": ("kualifikasi",),
    "related": ("keterkaitan",),
    "equipment": ("peralatan", "perlengkapan", "sarana"),
    "warnings": ("peringatan",),
    "records": ("pencatatan",),
}
_LABEL_WORDS = 6
_STEMS = ("sop", "standar", "tanggal", "tgl", "disahkan", "dasar", "kualifikasi",
          "keterkaitan", "peralatan", "perlengkapan", "sarana", "peringatan", "pencatatan")
_NIP = re.compile(r"NIP\.?\s*:?\s*([0-9][0-9 .]{6,})", re.IGNORECASE)
_UNDERLINED = re.compile(r"<u>(.*?)</u>", re.IGNORECASE | re.DOTALL)
_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s*")
_INLINE_NUMBER = re.compile(r"(?:^|\s)(\d{1,2})\.\s+(?=[A-Z])")


def label_of(text: str) -> str | None:
    """The identity key a cell names, or None. A label is short; what follows a colon in
    the same cell is its value (see `_inline_value`)."""
    lowered = text[:400].lower()
    if not any(stem in lowered for stem in _STEMS):
        return None  # most cells: told cheaply, a book has thousands
    head = norm(text.split(":", 1)[0])
    if not head or len(head.split()) > _LABEL_WORDS:
        return None
    for key, starts in (*SINGLE.items(), *LISTS.items()):
        if head.startswith(starts):
            return key
    return None


def _inline_value(text: str) -> str:
    parts = clean(text).split(":", 1)
    return parts[1].strip() if len(parts) == 2 else ""


def has_identity(grid: Grid, start: int, stop: int) -> bool:
    keys = {label_of(t) for r in range(start, min(stop, grid.rows))
            for t in grid.row(r).values()}
    return "number" in keys or ("name" in keys and len(keys - {None}) >= 3)


def read_identity(grid: Grid, start: int, stop: int) -> tuple[dict, list[Problem]]:
    """Identity fields from rows [start, stop), each kept as written (HTML and numbering
    dropped); every field not found is named in the problems."""
    cells = {(r, c): t for r in range(start, min(stop, grid.rows))
             for c, t in grid.row(r).items()}
    labels = {k: label_of(v) for k, v in cells.items()}
    labels = {k: v for k, v in labels.items() if v}
    used: set[tuple[int, int]] = set(labels)
    found: dict = {}
    label_rows = {r for r, _ in labels}
    for (r, c), key in sorted(labels.items()):
        if key in found:
            continue  # a sub-heading of a field already read ("Peralatan :" under it)
        if key in SINGLE:
            value, taken = _single(grid, cells, labels, r, c, key, label_rows, stop)
        else:
            value, taken = _list(grid, cells, labels, r, c, key, label_rows, stop)
        used |= taken
        found[key] = value
    identity, problems = _fields(found)
    _kop(cells, labels, used, identity, problems)
    for key in ("government", "office", "address", "number", "name", "created", "revised",
                "effective", "approver_title", "approver_name", "approver_rank",
                "approver_nip", "legal_basis", "qualifications", "related", "equipment",
                "warnings", "records"):
        if key in identity and identity[key] in ("", []) and key not in LISTS:
            problems.append(Problem(f"identity.{key}", msg.IDENTITY_EMPTY.format(
                label=msg.LABELS[key])))
        elif key not in identity:
            problems.append(Problem(f"identity.{key}", msg.IDENTITY_MISSING.format(
                label=msg.LABELS[key])))
    return identity, problems


def _single(grid, cells, labels, r, c, key, label_rows, stop):
    """A value right of its label; the approver's block goes on down its column until the
    next label row."""
    inline = _inline_value(cells[(r, c)])
    if inline and key != "approver":
        return inline, set()
    right = sorted((r, k) for k in grid.row(r) if k > c and (r, k) not in labels)
    if not right:
        return inline, set()
    first = right[0]
    if key != "approver":
        return cells[first], {first}
    parts, taken = [cells[first]], {first}
    for row in range(r + 1, stop):
        if row in label_rows:
            break
        cell = (row, first[1])
        if cell in cells:
            parts.append(cells[cell])
            taken.add(cell)
    return "\n".join(parts), taken


def _list(grid, cells, labels, r, c, key, label_rows, stop):
    """Items below a list label, in its columns (up to the next label on its row), until
    the next row holding a label of another field."""
    right_labels = sorted(k[1] for k in labels if k[0] == r and k[1] > c)
    end = right_labels[0] if right_labels else None
    items: list[str] = []
    taken: set = set()
    inline = _inline_value(cells[(r, c)])
    if inline:
        items += _items(inline)
    for row in range(r + 1, stop):
        row_labels = [labels[(row, k)] for k in grid.row(row)
                      if (row, k) in labels and k >= c and (end is None or k < end)]
        if row_labels and any(v != key for v in row_labels):
            break
        if not grid.row(row):
            break  # an empty row ends the list (a text book's blank line)
        for cell in sorted((row, k) for k in grid.row(row) if k >= c
                           and (end is None or k < end)):
            text = cells[cell]
            taken.add(cell)
            if re.fullmatch(r"\s*\d{1,2}[.)]?\s*", text):
                continue  # the item's number in a column of its own
            items += _items(text)
    return items, taken


def _items(raw: str) -> list[str]:
    """A cell's list items: one per <li>, per inline "1. … 2. …" number, else the cell."""
    if re.search(r"<li\b", raw, re.IGNORECASE):
        parts = re.split(r"<li\b[^>]{0,200}>", raw, flags=re.IGNORECASE)[1:]
        return [one_line(clean(p)) for p in parts if one_line(clean(p))]
    text = one_line(clean(raw))
    numbers = list(_INLINE_NUMBER.finditer(text))
    if len(numbers) >= 2 and numbers[0].start() == 0:
        bounds = [m.start() for m in numbers] + [len(text)]
        parts = [text[bounds[i]:bounds[i + 1]] for i in range(len(numbers))]
        return [_ITEM_NUMBER.sub("", p).strip() for p in parts if p.strip()]
    text = _ITEM_NUMBER.sub("", text).strip()
    return [text] if text else []


def _fields(found: dict) -> tuple[dict, list[Problem]]:
    identity: dict = {}
    for key in ("number", "created", "revised", "effective", "name"):
        if key in found:
            identity[key] = _as_written(found[key])
    for key in LISTS:
        if key in found:
            identity[key] = found[key]
    if "approver" in found:
        identity.update(_approver(found["approver"]))
    return identity, []


def _as_written(raw: str) -> str:
    """A one-line value with its spaces kept: a book leaves the register number and the day
    blank on purpose ("…   Tahun 2024", "      Oktober 2024")."""
    text = html.unescape(re.sub(r"<[^>]{0,400}>", "", raw)).replace("\xa0", " ")
    text = text.replace("**", "")
    return " ".join(line.rstrip() for line in text.splitlines() if line.strip()).rstrip()


def _approver(raw: str) -> dict:
    """Title, name, rank and NIP from the approver's block: the name is the underlined text
    where there is one, else the line before the NIP; the rank what stands between them."""
    result = {}
    underlined = _UNDERLINED.search(raw)
    flat = one_line(clean(raw.replace("<u>", "\n<u>").replace("</u>", "</u>\n")))
    nip = _NIP.search(flat)
    if nip:
        result["approver_nip"] = one_line(nip.group(1)).strip(" .")
    lines = clean(raw.replace("<u>", "\n").replace("</u>", "\n")).splitlines()
    lines = [_NIP.sub("", line).strip() for line in lines]
    lines = [line for line in lines if line and not re.fullmatch(r"NIP\.?:?", line)]
    if underlined:
        name = one_line(clean(underlined.group(1)))
        if name in lines:
            at = lines.index(name)
            result["approver_title"] = " ".join(lines[:at])
            result["approver_name"] = name
            rank = " ".join(lines[at + 1:])
            if rank:
                result["approver_rank"] = rank
            return result
    if lines:
        result["approver_title"] = lines[0]
    if len(lines) >= 2:
        result["approver_name"] = lines[-1] if len(lines) == 2 else lines[1]
    if len(lines) >= 3:
        result["approver_rank"] = " ".join(lines[2:])
    return result


def _kop(cells, labels, used, identity: dict, problems: list[Problem]) -> None:
    """The kop: unlabelled cells left of the single-value labels, above the first list
    label: the government first, the office last."""
    singles = [k for k, v in labels.items() if v in SINGLE]
    lists = [k for k, v in labels.items() if v in LISTS]
    if not singles:
        return
    columns = [c for _, c in singles]
    left = max(set(columns), key=columns.count)  # where most labels stand
    bottom = min((r for r, _ in lists), default=max(r for r, _ in singles) + 1)
    lines: list[str] = []
    for cell in sorted(cells):
        if cell in used or cell[1] >= left or cell[0] >= bottom:
            continue
        lines += clean(cells[cell]).splitlines()
    if not lines:
        return
    identity["government"] = lines[0]
    if len(lines) > 1:
        identity["office"] = lines[-1]
    if len(lines) > 2:
        problems.append(Problem("identity.office", msg.KOP_EXTRA.format(
            lines="; ".join(lines[1:-1]))))
