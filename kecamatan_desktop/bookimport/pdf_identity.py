"""The identity page of an SOP: each label found by meaning (tolerant of misspellings such as
"Kualifikasi Pelaksanaan", "Pencatatan dan Pendaftaran") and the value written beside or
under it, kept as written ("      Oktober 2024" too)."""

from __future__ import annotations

from difflib import SequenceMatcher

from kecamatan_desktop.bookimport.pdf_page import Box, PageContent, Word
from kecamatan_desktop.bookimport.pdf_shapes import Segment
from kecamatan_desktop.bookimport.pdf_table import horizontals_at
from kecamatan_desktop.bookimport.pdf_text import items, lines, norm, text

FIELDS = {  # label as written on the page -> identity key
    "number": ("nomor sop", "no sop"),
    "created": ("tanggal pembuatan", "tgl pembuatan"),
    "revised": ("tanggal revisi", "tgl revisi"),
    "effective": ("tanggal efektif", "tgl efektif"),
    "approver": ("disahkan oleh",),
    "name": ("nama sop", "judul sop"),
}
BLOCKS = {
    "legal_basis": ("dasar hukum",),
    "qualifications": ("kualifikasi pelaksana", "kualifikasi pelaksanaan"),
    "related": ("keterkaitan",),
    "equipment": ("peralatan perlengkapan",),
    "warnings": ("peringatan",),
    "records": ("pencatatan dan pendataan", "pencatatan dan pendaftaran"),
}
CORE = ("number", "name", "created", "effective", "approver")


def _runs(words: tuple[Word, ...]) -> list[list[Word]]:
    """Lines split where a gap is wider than three letters: the pieces of one printed line
    that stand in different cells."""
    out = []
    for line in lines(words):
        run = [line[0]]
        for word in line[1:]:
            if word.box.x0 - run[-1].box.x1 > 2.5 * max(word.size, 3.0):
                out.append(run)
                run = []
            run.append(word)
        out.append(run)
    return out


def _match(run: list[Word], names: tuple[str, ...]) -> int:
    """How many leading words of the run spell one of the names (0: none)."""
    for name in names:
        count = len(name.split())
        for n in (count, count + 1, count - 1):
            if n < 1 or n > len(run):
                continue
            head = norm(" ".join(w.text for w in run[:n]))
            if head and SequenceMatcher(None, head, name).ratio() >= 0.86:
                return n
    return 0


def _labels(page: PageContent) -> dict[str, tuple[Box, list[Word]]]:
    """Each label's box and the words that follow it on its run."""
    found: dict[str, tuple[Box, list[Word]]] = {}
    for run in _runs(page.words):
        for key, names in (FIELDS | BLOCKS).items():
            n = _match(run, names)
            if n and key not in found:
                label = run[:n]
                box = Box(label[0].box.x0, min(w.box.y0 for w in label), label[-1].box.x1,
                          max(w.box.y1 for w in label))
                found[key] = (box, run[n:])
                break
    return found


def is_identity_page(page: PageContent) -> bool:
    return sum(key in _labels(page) for key in CORE) >= 3


def _vertical_rules(segments: tuple[Segment, ...], y: float) -> list[float]:
    return sorted(s.x0 for s in segments if s.vertical and min(s.y0, s.y1) - 1 <= y
                  <= max(s.y0, s.y1) + 1)


def read_identity(page: PageContent, segments: tuple[Segment, ...],
                  limit: float) -> dict[str, str | list[str]]:
    """The identity fields found on the page above `limit` (where a procedure table starts);
    a field not found is absent."""
    labels = {k: v for k, v in _labels(page).items() if v[0].y0 < limit}
    tops = sorted((box.y0, box.x0, box.x1) for box, _ in labels.values())
    identity: dict[str, str | list[str]] = {}
    for key, (box, _) in labels.items():
        rules = _vertical_rules(segments, box.cy)
        left = max((x for x in rules if x <= box.x0 + 1), default=0.0)
        right = min((x for x in rules if x >= box.x1 + 3), default=page.width)
        below = [y for y, x0, x1 in tops if y > box.y1 - 1 and x0 < right and x1 > left]
        if key in FIELDS:
            value_right = min((x for x in rules if x > right + 3), default=page.width)
            if not [w for w in page.words if right < w.box.cx < value_right
                    and box.y0 - 2 < w.box.cy < box.y1 + 2]:
                value_right, right = right, box.x1  # label and value share one cell
            centre = (right + value_right) / 2
            cell_rules = horizontals_at(segments, centre, box.cy, limit)
            bottom = min(below + cell_rules + [limit])
            # a value of two lines may start above its label, which sits in the cell's middle
            over = horizontals_at(segments, centre, box.y0 - 40, box.cy)
            top = over[-1] if over and box.y0 - over[-1] < 25 else box.y0 - 2
            top = max([top] + [y1 for b, _ in labels.values() for y1 in [b.y1]
                               if y1 <= box.y0 + 1 and b.x0 < box.x1 and b.x1 > box.x0])
            words = [w for w in page.words if right < w.box.cx < value_right
                     and top < w.box.cy < bottom]
            _field(identity, key, words)
        else:
            words = [w for w in page.words if left < w.box.cx < right
                     and box.y1 < w.box.cy < min(below + [limit])]
            first = min((w.box.y1 for w in words), default=limit)
            rules = horizontals_at(segments, (left + right) / 2, first, limit)
            end = min(below + rules + [limit])
            value = items([w for w in words if w.box.cy < end and w.text.strip(":") != ""])
            if value:
                identity[key] = value
    identity.update(_office(page, labels, segments))
    return identity


def _field(identity: dict, key: str, words: list[Word]) -> None:
    words = [w for w in words if w.text != ":"]
    if words and words[0].text.startswith(":"):
        words[0] = Word(words[0].text[1:], words[0].box, words[0].size)
    rows = [" ".join(w.text for w in row if w.text) for row in lines(words)]
    rows = [r.strip() for r in rows if r.strip()]
    if not rows:
        return
    if key == "approver":
        # the title on top, the name at the foot of the signature space, a NIP under it
        identity["approver_title"] = rows[0]
        if len(rows) > 1 and norm(rows[-1]).startswith("nip"):
            identity["approver_nip"] = rows[-1][3:].strip(" .:")
            rows = rows[:-1]
        if len(rows) > 1:
            identity["approver_name"] = rows[-1]
        return
    identity[key] = text([w for w in words if w.text])


def _office(page: PageContent, labels: dict, segments: tuple[Segment, ...]) -> dict[str, str]:
    """The agency block left of the identity fields: its last line is the office (a team, a
    section), the lines above it the government."""
    if "number" not in labels or "legal_basis" not in labels:
        return {}
    number_box = labels["number"][0]
    rules = _vertical_rules(segments, number_box.cy)
    right = max((x for x in rules if x <= number_box.x0 + 1), default=number_box.x0 - 2)
    bottom = labels["legal_basis"][0].y0
    words = [w for w in page.words if w.box.cx < right and number_box.y0 - 15 < w.box.cy < bottom]
    rows = [" ".join(w.text for w in row) for row in lines(words)]
    if len(rows) < 2:
        return {"office": rows[0]} if rows else {}
    return {"government": " ".join(rows[:-1]), "office": rows[-1]}


def title_above(page: PageContent, top: float) -> str:
    """The SOP's title printed over its procedure table (a workbook's sheet has no identity
    page): the lines just above the table that name an SOP, or ""."""
    rows = [row for row in lines(w for w in page.words if top - 90 < w.box.cy < top)]
    group: list[list[Word]] = []
    for row in reversed(rows):  # upwards from the table, while the lines stay together
        if group and group[0][0].box.y0 - row[0].box.y1 > 1.2 * row[0].size:
            break
        group.insert(0, row)
    title = " ".join(" ".join(w.text for w in row) for row in group)
    words = norm(title)
    return title if words.startswith(("sop ", "standar operasional prosedur ")) else ""
