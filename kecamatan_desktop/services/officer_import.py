"""Import the officer directory from a spreadsheet: columns Nama, NIP and Jabatan.

Reading is two steps. `read_officer_sheet` reads the file alone (no database; safe off the GUI
thread) and checks each row by itself and against the other rows; `check_against_directory`
adds the NIPs already in the directory. `import_rows` then writes, in one transaction, either
every row (refused if any is bad) or, when the user agreed to it, only the good ones.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path

from sqlmodel import Session, select

from kecamatan_desktop.domain.errors import Cancelled, InputError
from kecamatan_desktop.domain.nip import NipError, format_nip
from kecamatan_desktop.services import changes
from kecamatan_desktop.services.officers import split_acting
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.round_models import OfficerRow

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 10  # a title line or two above the header is common in office sheets
COLUMNS = ("Nama", "NIP", "Jabatan")


class SheetError(InputError):
    """The file as a whole cannot be read as an officer list; nothing was read from it."""


@dataclass(frozen=True)
class RowProblem:
    column: str  # one of COLUMNS
    message: str


@dataclass(frozen=True)
class SheetRow:
    """One data row: `line` is its row number as the spreadsheet program shows it."""

    line: int
    name: str
    nip: str  # as printed (`19780512 200212 1 003`) when well formed, else as written
    jabatan: str
    problems: tuple[RowProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int  # bad rows left out because the user chose to import the good ones only


class ImportRefused(InputError):
    """Some rows are bad and the caller did not agree to leave them out."""

    def __init__(self, rows: Sequence[SheetRow]) -> None:
        bad = [r for r in rows if not r.ok]
        super().__init__(f"{len(bad)} baris bermasalah; tidak ada yang diimpor:\n"
                         + "\n".join(describe(r) for r in bad))
        self.rows = tuple(rows)


def describe(row: SheetRow) -> str:
    """`Baris 4, kolom NIP: …` for each of the row's problems, one per line."""
    return "\n".join(f"Baris {row.line}, kolom {p.column}: {p.message}" for p in row.problems)


def _key(text: object) -> str:
    return "".join(str(text).split()).casefold()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _nip(value: object) -> tuple[str, RowProblem | None]:
    if isinstance(value, float):
        # Excel keeps 15 significant digits: an 18-digit NIP typed as a number has lost its
        # last digits, and guessing them would put a wrong NIP in the directory
        return _text(value), RowProblem("NIP", "NIP tersimpan sebagai angka sehingga angka "
                                               "terakhirnya hilang; ubah format sel menjadi "
                                               "Teks lalu ketik ulang NIP-nya")
    text = _text(value)
    try:
        return format_nip(text), None
    except NipError as exc:
        return text, RowProblem("NIP", str(exc))


def _header(rows: list[tuple]) -> tuple[int, dict[str, int]]:
    """The header's index among `rows` and where each wanted column is."""
    wanted = {_key(c): c for c in COLUMNS}
    for i, cells in enumerate(rows):
        found: dict[str, int] = {}
        for col, value in enumerate(cells):
            name = wanted.get(_key(value)) if value is not None else None
            if name and name not in found:
                found[name] = col
        if found:
            missing = [c for c in COLUMNS if c not in found]
            if missing:
                raise SheetError(f"Baris judul (baris {i + 1}) tidak punya kolom "
                                 f"{', '.join(missing)}. Kolom yang diperlukan: "
                                 f"{', '.join(COLUMNS)}.")
            return i, found
    raise SheetError(f"Tidak ada baris judul: {HEADER_SEARCH_ROWS} baris pertama tidak memuat "
                     f"kolom {', '.join(COLUMNS)}.")


def _open(path: Path):
    import openpyxl  # late: the window starts without it
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise SheetError(f"Berkas {path} tidak ada.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SheetError(f"Berkas {path.name} terlalu besar ({size / 1024 / 1024:.1f} MB); "
                         f"paling besar {MAX_BYTES // 1024 // 1024} MB.")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise SheetError(f"Berkas {path.name} bukan lembar kerja Excel (.xlsx) yang dapat "
                         "dibaca. Simpan ulang dari Excel sebagai \"Excel Workbook (.xlsx)\".") \
            from None


def read_officer_sheet(path: Path, *,
                       progress: Callable[[int, int], bool] | None = None) -> list[SheetRow]:
    """The rows of the first sheet, each checked by itself and against the rows above it.

    Raises SheetError for a file that is not an officer list at all (not .xlsx, too big, no
    header, a column missing); `progress(done, total)` returning False stops with Cancelled.
    """
    book = _open(Path(path))
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise SheetError(f"Berkas {Path(path).name} tidak berisi lembar kerja.")
        cells = sheet.iter_rows(values_only=True)
        top = []
        for _ in range(HEADER_SEARCH_ROWS):
            row = next(cells, None)
            if row is None:
                break
            top.append(row)
        at, columns = _header(top)
        data = ((at + 2 + i, r) for i, r in enumerate(top[at + 1:]))
        rest = ((len(top) + 1 + i, r) for i, r in enumerate(cells))
        rows: list[SheetRow] = []
        first_line: dict[str, int] = {}
        total = max((sheet.max_row or 0) - at - 1, 0)  # the file's own count; may be missing
        for line, values in chain(data, rest):
            def cell(name: str, values=values):
                col = columns[name]
                return values[col] if col < len(values) else None
            raw_nip = cell("NIP")
            name, jabatan = _text(cell("Nama")), _text(cell("Jabatan"))
            if not name and raw_nip in (None, "") and not jabatan:
                continue  # blank rows between blocks are not mistakes
            if len(rows) >= MAX_ROWS:
                raise SheetError(f"Berkas {Path(path).name} berisi lebih dari {MAX_ROWS} baris "
                                 "pegawai; bagi menjadi beberapa berkas.")
            nip, nip_problem = _nip(raw_nip)
            problems = []
            if not name:
                problems.append(RowProblem("Nama", "Nama kosong"))
            if nip_problem:
                problems.append(nip_problem)
            elif nip in first_line:
                problems.append(RowProblem("NIP", f"NIP sama dengan baris {first_line[nip]}"))
            else:
                first_line[nip] = line
            if not split_acting(jabatan)[1]:
                problems.append(RowProblem("Jabatan", "Jabatan kosong"))
            rows.append(SheetRow(line, name, nip, jabatan, tuple(problems)))
            if progress is not None and not progress(len(rows), max(total, len(rows))):
                raise Cancelled()
        return rows
    finally:
        book.close()


def check_against_directory(rows: Sequence[SheetRow], *, session: Session) -> list[SheetRow]:
    """The rows again, with a problem added to each whose NIP is already in the directory."""
    known = {nip: name for nip, name in session.exec(select(OfficerRow.nip, OfficerRow.name))}
    checked = []
    for row in rows:
        holder = known.get(row.nip)
        if holder is not None and not any(p.column == "NIP" for p in row.problems):
            row = replace(row, problems=(*row.problems, RowProblem(
                "NIP", f"NIP sudah terdaftar atas nama {holder}")))
        checked.append(row)
    return checked


def import_rows(rows: Sequence[SheetRow], *, session: Session, skip_bad: bool = False,
                office: str | None = None) -> ImportResult:
    """Add the rows' officers in one transaction.

    `rows` are what the user saw. Any bad row refuses the whole import (ImportRefused)
    unless `skip_bad`; then the good rows are added and the bad ones left out. A row shown
    as good that the directory now refuses (someone added that NIP meanwhile) refuses
    everything: the user agreed to a list that is no longer the one that would be written.
    """
    with transaction(session, immediate=True):
        now = check_against_directory(rows, session=session)
        if any(seen.ok and not current.ok for seen, current in zip(rows, now, strict=True)):
            raise InputError("Daftar pegawai berubah sejak berkas dibaca (NIP yang sama baru "
                             "saja ditambahkan). Tidak ada yang diimpor; baca berkasnya lagi.")
        if not skip_bad and any(not r.ok for r in now):
            raise ImportRefused(now)
        good = [r for r in now if r.ok]
        changes.note(session, officers=True)
        for r in good:
            acting, jabatan = split_acting(r.jabatan)
            session.add(OfficerRow(name=r.name, nip=format_nip(r.nip), jabatan=jabatan,
                                   acting=acting, pangkat="", office=office))
    return ImportResult(added=len(good), skipped=len(now) - len(good))


def import_officers(path: Path, *, session: Session, skip_bad: bool = False,
                    office: str | None = None) -> ImportResult:
    """Read `path` and import it: all rows, or (`skip_bad`) the good ones only."""
    rows = check_against_directory(read_officer_sheet(path), session=session)
    return import_rows(rows, session=session, skip_bad=skip_bad, office=office)
