"""Rows pasted into the step table: cells (from Excel, Word or any table) read as steps,
columns matched by their headings or their order, with every doubt noted by row and column.

Nothing here changes an SOP; `step_block.place_block` puts the steps in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.interchange import MAX_STEPS
from kecamatan_desktop.domain.pasted_cells import Grid, read_html_tables, read_tsv
from kecamatan_desktop.domain.sop import STEP_LABELS, Step
from kecamatan_desktop.domain.waktu import WaktuKind, read_waktu, unreadable_waktu_message

FIELDS = tuple(STEP_LABELS)  # no, activity, role, requirements, time, output, notes
MAX_LANE_CHARS = 100
MAX_PASTE_CHARS = 5 * 1024 * 1024  # as a file: far above any real table

# Headings the books use, after `_heading` (lower case, no punctuation but '/').
_HEADINGS: tuple[tuple[str, str], ...] = (
    ("no", r"no|nomor|no urut|nomor urut"),
    ("activity", r"kegiatan|uraian|aktivitas|prosedur|uraian (kegiatan|aktivitas|prosedur)"),
    ("role", r"pelaksana|pelaku|lajur|pelaksana kegiatan"),
    ("requirements", r"kelengkapan|persyaratan|perlengkapan|persyaratan/perlengkapan"
                     r"|kelengkapan/persyaratan|persyaratan/kelengkapan|sumber data|bahan"),
    ("time", r"waktu|durasi|lama|waktu (menit|jam|hari)"),
    ("output", r"output|keluaran|hasil|output/keluaran"),
    ("notes", r"keterangan|ket|catatan"),
    ("group", r"mutu baku"),  # spans Kelengkapan, Waktu and Output in a two-row heading
)
_NUMBER = re.compile(r"\d{1,3}[.)]?[a-z]?")
_COLUMN_NUMBER = re.compile(r"\(?\d{1,2}\)?")
_BULLET = re.compile(r"^(?:[-•·▪●◦*]|\d{1,2}[.)]|[a-z][.)])\s+")


class PasteRefused(InputError):
    """Nothing can be pasted; the message (one Indonesian line) says why."""


@dataclass(frozen=True)
class PasteNote:
    """One doubt about a pasted row: `row` counts the pasted steps from 1 (None: the whole
    block), `column` is the table's heading (Kegiatan, Waktu…) or the source's."""

    row: int | None
    column: str | None
    message: str


@dataclass(frozen=True)
class StepBlock:
    """Steps to paste. Roles are lane names as the source wrote them (empty: none given);
    decision targets count within the block from 1."""

    steps: tuple[Step, ...]
    lanes: tuple[str, ...]  # the block's lanes in the source's order
    notes: tuple[PasteNote, ...] = ()


@dataclass
class _Columns:
    """Which column holds which field, the lane columns of a swimlane heading, notes."""

    fields: dict[str, int]
    lanes: dict[int, str] = field(default_factory=dict)
    body_start: int = 0
    time_unit: str = ""
    notes: list[PasteNote] = field(default_factory=list)


def block_from_clipboard(text: str | None, html: str | None) -> StepBlock:
    """Steps from the clipboard's text and HTML: Word's HTML table when there is one (its
    text splits a cell's paragraphs into rows), else the text. Excel's HTML is passed over
    for its text, which holds each cell exactly as shown."""
    if len(text or "") + len(html or "") > MAX_PASTE_CHARS:
        raise PasteRefused("Teks yang ditempel terlalu besar (lebih dari 5 MB); salin lebih "
                           "sedikit baris.")
    grid = None
    if html and "Excel.Sheet" not in html[:4000]:
        grid = read_html_tables(html)
    if grid is None:
        grid = read_tsv(text or "")
    return block_from_grid(grid)


def block_from_grid(grid: Grid) -> StepBlock:
    if not grid:
        raise PasteRefused("Tidak ada yang dapat ditempel: papan klip kosong atau tidak "
                           "berisi teks.")
    columns = _match_columns(grid)
    body = [row for row in grid[columns.body_start:] if not _is_heading_again(row, columns)]
    if len(body) > MAX_STEPS:
        raise PasteRefused(f"Yang ditempel berisi {len(body)} baris; satu SOP paling banyak "
                           f"{MAX_STEPS} langkah.")
    if not body:
        raise PasteRefused("Yang ditempel hanya berisi baris judul kolom, tanpa langkah.")
    notes = list(columns.notes)
    steps = [_step(row, number, columns, notes) for number, row in enumerate(body, 1)]
    lanes: list[str] = []
    for number, step in enumerate(steps, 1):
        for lane in step.roles:
            if len(lane) > MAX_LANE_CHARS:
                raise PasteRefused(
                    f"Baris {number}, kolom Pelaksana: nama lajur "
                    f"{len(lane)} karakter; paling panjang {MAX_LANE_CHARS} karakter. Tidak "
                    "ada yang ditempel.")
            if lane and lane not in lanes:
                lanes.append(lane)
    order = [lane for lane in columns.lanes.values() if lane in lanes]
    return StepBlock(tuple(steps), tuple(order + [x for x in lanes if x not in order]),
                     tuple(notes))


# columns -----------------------------------------------------------------------------------
def _heading(text: str) -> str:
    text = re.sub(r"[.:()\[\]*]", " ", text.lower())
    text = re.sub(r"\s*/\s*", "/", text)
    return " ".join(text.split())


def heading_field(text: str) -> str | None:
    """The field a column heading names (`Uraian Kegiatan` -> activity), or None."""
    name = _heading(text)
    for key, pattern in _HEADINGS:
        if re.fullmatch(pattern, name):
            return key
    return None


def _is_heading_row(row: list[str]) -> bool:
    found = {heading_field(cell) for cell in row} - {None, "group"}
    return "activity" in found or len(found) >= 2


def _is_numbering_row(row: list[str]) -> bool:
    """A row of column numbers under the headings, `(1) (2) (3)…`, as the books print."""
    cells = [cell.strip() for cell in row if cell.strip()]
    return len(cells) >= 3 and all(_COLUMN_NUMBER.fullmatch(cell) for cell in cells)


def _is_heading_again(row: list[str], columns: _Columns) -> bool:
    """The headings repeated where a table goes on over a page, or its column numbers."""
    return (columns.body_start > 0 and _is_heading_row(row)) or _is_numbering_row(row)


def _match_columns(grid: Grid) -> _Columns:
    if _is_heading_row(grid[0]):
        return _by_headings(grid)
    return _by_order(grid)


def _by_order(grid: Grid) -> _Columns:
    width = len(grid[0])
    if width < 2:
        raise PasteRefused(
            "Teks yang ditempel tidak berkolom, jadi tidak dapat dibaca sebagai langkah: "
            "salin baris tabel dari Excel atau Word (No, Kegiatan, Pelaksana, Kelengkapan, "
            "Waktu, Output, Keterangan), atau beri baris judul kolom.")
    firsts = [row[0].strip() for row in grid if row[0].strip()]
    numbered = bool(firsts) and all(_NUMBER.fullmatch(cell) for cell in firsts)
    order = FIELDS if numbered else FIELDS[1:]
    columns = _Columns({name: i for i, name in enumerate(order[:width])})
    if width > len(order):
        columns.notes.append(PasteNote(None, None, (
            f"kolom ke-{len(order) + 1} sampai ke-{width} tidak dikenal (tanpa baris judul "
            f"kolom, urutannya dibaca {', '.join(STEP_LABELS[f] for f in order)}); isinya "
            "tidak ditempel")))
    return columns


def _by_headings(grid: Grid) -> _Columns:
    top = grid[0]
    second = (grid[1] + [""] * len(top))[:len(top)] if len(grid) > 1 else [""] * len(top)
    lanes = _lane_columns(top, second)
    columns = _Columns({}, lanes=lanes, body_start=2 if lanes else 1)
    unknown: dict[int, str] = {}
    for i, cell in enumerate(top):
        if i in lanes:
            continue
        name = heading_field(cell)
        below = heading_field(second[i]) if second[i].strip() else None
        if below not in (None, "group") and (not cell.strip() or name == "group"):
            # the second row of a two-row heading: Mutu Baku over Kelengkapan, Waktu, Output
            name, cell, columns.body_start = below, second[i], 2
        if name == "group" or not cell.strip():
            continue
        if name is None:
            unknown[i] = cell.strip()
        elif name in columns.fields:
            columns.notes.append(PasteNote(None, cell.strip(), (
                f"kolom {STEP_LABELS[name]} sudah ada di kiri; kolom ini tidak ditempel")))
        else:
            columns.fields[name] = i
            if name == "time":
                columns.time_unit = next((u for u in ("menit", "jam", "hari")
                                          if u in _heading(cell).split()), "")
    if "activity" not in columns.fields:
        raise PasteRefused("Baris judul kolom yang ditempel tidak punya kolom Kegiatan "
                           "(atau Uraian/Aktivitas), jadi tidak ada yang dapat dibaca "
                           "sebagai langkah.")
    if "role" not in columns.fields and not lanes and unknown:
        # a swimlane heading of one row: each lane its own column, named in the heading
        columns.lanes = unknown
    else:
        columns.notes += [PasteNote(None, name, "kolom ini tidak dikenal; isinya tidak "
                                                "ditempel") for name in unknown.values()]
    return columns


def _lane_columns(top: list[str], second: list[str]) -> dict[int, str]:
    """The lanes of a swimlane heading: Pelaksana over a cell spanning the lane columns,
    each lane named in the row below (the step's lane is the column with a mark)."""
    for i, cell in enumerate(top):
        if heading_field(cell) != "role" or i + 1 >= len(top):
            continue
        if top[i + 1].strip() or not second[i + 1].strip():
            return {}
        lanes = {}
        for j in range(i, len(top)):
            if (j > i and top[j].strip()) or not second[j].strip() or heading_field(second[j]):
                break
            lanes[j] = " ".join(second[j].split())
        return lanes
    return {}


# rows --------------------------------------------------------------------------------------
def _step(row: list[str], number: int, columns: _Columns, notes: list[PasteNote]) -> Step:
    def value(name: str) -> str:
        at = columns.fields.get(name)
        return _cell_text(row[at], name) if at is not None and at < len(row) else ""

    # a step in several lanes: marks in several lane columns, or "Camat; Sekcam" in one cell
    lanes = [lane.strip() for lane in value("role").split(";") if lane.strip()]
    if columns.lanes:
        lanes = [lane for i, lane in columns.lanes.items() if i < len(row) and row[i].strip()]
    lanes = list(dict.fromkeys(lanes))
    time = value("time")
    if columns.time_unit and re.fullmatch(r"\d{1,6}", time):
        time = f"{time} {columns.time_unit}"
    if read_waktu(time).kind == WaktuKind.UNREADABLE:
        notes.append(PasteNote(number, "Waktu",
                               f"{unreadable_waktu_message(time)}; ditempel seperti tertulis"))
    if not value("activity"):
        notes.append(PasteNote(number, "Kegiatan", "kosong"))
    return Step(no=value("no"), activity=value("activity"), role=lanes[0] if lanes else "",
                other_roles=tuple(lanes[1:]), requirements=value("requirements"), time=time,
                output=value("output"), notes=value("notes"))


def _cell_text(text: str, name: str) -> str:
    """A cell's lines as one line (a step's text holds no line breaks). In Kelengkapan and
    Output, lists of documents, a new line is a new item (a comma) unless it goes on the
    line before; elsewhere a line break only wrapped a sentence (a space)."""
    text = re.sub(r"[\x00-\x08\x0c\x0e-\x1f\x7f-\x9f]", "", text.replace("\x0b", "\n"))
    lines = [" ".join(line.split()) for line in re.split(r"\r\n|\r|\n", text)]
    lines = [line for line in lines if line]
    if len(lines) > 1 and name != "no":
        lines = [_BULLET.sub("", line) or line for line in lines]
    listed = name in ("requirements", "output")
    out = ""
    for line in lines:
        if not out:
            out = line
        elif not listed or out[-1] in ",;:-(/" or line[0].islower() or line[0] in "(,;":
            out = f"{out} {line}"
        else:
            out = f"{out}, {line}"
    return out
