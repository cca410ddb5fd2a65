"""Importing the officer directory from a spreadsheet: rows checked one by one, malformed files
refused whole, and the import all-or-nothing unless the user agreed to leave bad rows out."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlmodel import func, select

from kecamatan_desktop.domain.errors import Cancelled, InputError
from kecamatan_desktop.services import officers
from kecamatan_desktop.services.officer_import import (
    ImportRefused,
    SheetError,
    check_against_directory,
    import_officers,
    import_rows,
    read_officer_sheet,
)
from kecamatan_desktop.store.round_models import OfficerRow
from tests.pg import contents
from tests.services.test_rounds import STAFF


def sheet(path: Path, rows: list[tuple], *, title: list[tuple] | None = None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    for row in (title or []) + rows:
        ws.append(row)
    book.save(path)
    return path


GOOD = [("Nama", "NIP", "Jabatan"),
        ("Hendra Wijaya", "19780512 200212 1 003", "Kasi Pemerintahan"),
        ("Lina Marlina", "198205142006042002", "Plt. Sekretaris Camat")]


def count(session) -> int:
    return session.exec(select(func.count()).select_from(OfficerRow)).one()


def test_a_good_file_is_read_and_imported(session, tmp_path):
    path = sheet(tmp_path / "pegawai.xlsx", GOOD)
    rows = read_officer_sheet(path)
    assert [(r.line, r.name, r.nip, r.ok) for r in rows] == [
        (2, "Hendra Wijaya", "19780512 200212 1 003", True),
        (3, "Lina Marlina", "19820514 200604 2 002", True)]
    before = count(session)
    result = import_officers(path, session=session)
    assert (result.added, result.skipped) == (2, 0) and count(session) == before + 2
    lina = officers.find_officer("Lina Marlina", session=session)
    assert (lina.acting, lina.jabatan, lina.nip) == ("Plt.", "Sekretaris Camat",
                                                      "19820514 200604 2 002")


def test_header_matching_ignores_case_spaces_order_and_extra_columns(tmp_path):
    path = sheet(tmp_path / "p.xlsx", [
        ("No", " JABATAN ", "Alamat", "n i p", "nama"),
        (1, "Staf", "Jl. Mawar", "19780512 200212 1 003", "  Hendra   Wijaya "),
        (None, None, None, None, None),
        (2, "Staf", "Jl. Melati", "197805122002121004", "Rudi")],
        title=[("DAFTAR PEGAWAI KECAMATAN PONCOKUSUMO",), ()])
    rows = read_officer_sheet(path)
    assert [(r.line, r.name, r.nip, r.jabatan) for r in rows] == [
        (4, "Hendra Wijaya", "19780512 200212 1 003", "Staf"),
        (6, "Rudi", "19780512 200212 1 004", "Staf")]


def test_each_kind_of_bad_row_is_named_with_its_line_and_column(session, tmp_path):
    path = sheet(tmp_path / "p.xlsx", [
        *GOOD,
        ("", "19790101 200501 1 001", "Staf"),                  # 4: no name
        ("Tono", "19790101 200501 1 00", "Staf"),               # 5: 17 digits
        ("Tini", "19790101 200513 2 001", "Staf"),              # 6: month 13
        ("Tina", 1.97901012005012e17, "Staf"),                  # 7: NIP typed as a number
        ("Budi Kedua", "19780512 200212 1 003", "Staf"),        # 8: same NIP as line 2
        ("Siti Lagi", STAFF[0][1], "Staf"),                     # 9: already in the directory
        ("Tanpa Jabatan", "19790101 200501 1 009", ""),         # 10: no jabatan
    ])
    rows = check_against_directory(read_officer_sheet(path), session=session)
    problems = {r.line: [(p.column, p.message) for p in r.problems] for r in rows}
    assert problems[2] == problems[3] == []
    assert problems[4] == [("Nama", "Nama kosong")]
    assert problems[5][0][0] == "NIP" and "harus 18 angka, bukan 17" in problems[5][0][1]
    assert "tahun dan bulan pengangkatan" in problems[6][0][1]
    assert "ubah format sel menjadi Teks" in problems[7][0][1]
    assert problems[8] == [("NIP", "NIP sama dengan baris 2")]
    assert problems[9] == [("NIP", "NIP sudah terdaftar atas nama Siti Aminah")]
    assert problems[10] == [("Jabatan", "Jabatan kosong")]


def test_a_bad_row_refuses_everything_unless_the_good_rows_are_wanted(session, tmp_path,
                                                                       db_path):
    path = sheet(tmp_path / "p.xlsx", [*GOOD, ("Tono", "123", "Staf")])
    before, before_bytes = count(session), contents(db_path)
    with pytest.raises(ImportRefused) as refused:
        import_officers(path, session=session)
    assert "Baris 4, kolom NIP: NIP '123' harus 18 angka" in str(refused.value)
    assert count(session) == before and contents(db_path) == before_bytes
    result = import_officers(path, session=session, skip_bad=True)
    assert (result.added, result.skipped) == (2, 1) and count(session) == before + 2
    # the same file again: every good row is now a duplicate, so nothing is left to add
    again = check_against_directory(read_officer_sheet(path), session=session)
    assert not any(r.ok for r in again)


def test_rows_seen_good_are_refused_when_the_directory_changed_meanwhile(session, tmp_path):
    rows = check_against_directory(read_officer_sheet(sheet(tmp_path / "p.xlsx", GOOD)),
                                   session=session)
    officers.add_officer(session=session, name="Orang Lain", nip=GOOD[1][1], jabatan="Staf")
    before = count(session)
    with pytest.raises(InputError, match="berubah sejak berkas dibaca"):
        import_rows(rows, session=session, skip_bad=True)
    assert count(session) == before


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_text("Nama,NIP,Jabatan\nA,1,Staf\n"), "bukan lembar kerja Excel"),
    (lambda p: sheet(p, [("Nomor", "Alamat"), ("1", "Jl. Mawar")]), "Tidak ada baris judul"),
    (lambda p: sheet(p, [("Nama", "Jabatan"), ("A", "Staf")]), "tidak punya kolom NIP"),
    (lambda p: sheet(p, [("NIP", "Jabatan")]), "tidak punya kolom Nama"),
    (lambda p: sheet(p, []), "Tidak ada baris judul"),
])
def test_malformed_files_are_refused_whole(session, tmp_path, db_path, make, message):
    path = tmp_path / "p.xlsx"
    make(path)
    session.rollback()
    before = contents(db_path)
    with pytest.raises(SheetError, match=message):
        import_officers(path, session=session)
    assert contents(db_path) == before


def test_too_big_files_are_refused(tmp_path, monkeypatch):
    from kecamatan_desktop.services import officer_import

    rows = [("Nama", "NIP", "Jabatan")] + [
        (f"Pegawai {i}", f"19800101 200501 1 {i:03d}", "Staf") for i in range(1, 13)]
    path = sheet(tmp_path / "p.xlsx", rows)
    monkeypatch.setattr(officer_import, "MAX_ROWS", 11)
    with pytest.raises(SheetError, match="lebih dari 11 baris"):
        read_officer_sheet(path)
    monkeypatch.setattr(officer_import, "MAX_ROWS", 12)
    assert len(read_officer_sheet(path)) == 12
    monkeypatch.setattr(officer_import, "MAX_BYTES", path.stat().st_size - 1)
    with pytest.raises(SheetError, match="terlalu besar"):
        read_officer_sheet(path)
    with pytest.raises(SheetError, match="tidak ada"):
        read_officer_sheet(tmp_path / "hilang.xlsx")


def test_reading_stops_when_told(tmp_path):
    path = sheet(tmp_path / "p.xlsx", GOOD)
    with pytest.raises(Cancelled):
        read_officer_sheet(path, progress=lambda done, total: False)
