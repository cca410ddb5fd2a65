"""The Excel reader on workbooks made here: headers in other words and order, one Waktu
merged over two steps; and every kind of bad workbook refused in one Indonesian line."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from kecamatan_desktop.bookimport import ooxml_package, xlsx_reader
from kecamatan_desktop.bookimport.xlsx_reader import read_xlsx
from kecamatan_desktop.domain.errors import InputError


def _procedure_book(path, merge_time=True):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PROSEDUR"
    sheet["A1"] = "PELAYANAN SURAT PINDAH"
    header = ["No", "Uraian Kegiatan", "Pelaksana", None, "Mutu Baku", None, None, "Ket"]
    sub = [None, None, "Pemohon", "Kasi Pemerintahan", "Sumber Data", "Output", "Waktu"]
    for col, value in enumerate(header, 1):
        sheet.cell(3, col, value)
    for col, value in enumerate(sub, 1):
        sheet.cell(4, col, value)
    for col in range(1, 9):
        sheet.cell(5, col, f"({col})")
    steps = [("1", "Mengisi formulir", "KTP", "Formulir", "Paling lambat 17 hari kerja"),
             ("2", "Memeriksa formulir", "Formulir", "Formulir diperiksa", None),
             ("3", "Menandatangani surat", "Formulir diperiksa", "Surat", "10 menit")]
    for row, values in enumerate(steps, 6):
        for col, value in zip((1, 2, 5, 6, 7), values, strict=True):
            sheet.cell(row, col, value)
    sheet.merge_cells("C3:D3")
    sheet.merge_cells("E3:G3")
    sheet.merge_cells("H3:H4")
    if merge_time:
        sheet.merge_cells("G6:G7")
    book.save(path)


def test_header_by_meaning_and_merged_waktu(tmp_path):
    path = tmp_path / "surat pindah.xlsx"
    _procedure_book(path)
    [sop] = read_xlsx(path)
    assert sop.lanes == ("Pemohon", "Kasi Pemerintahan")
    assert sop.identity["name"] == "PELAYANAN SURAT PINDAH"
    steps = sop.steps
    assert [(s.no, s.activity, s.requirements, s.output) for s in steps] == [
        ("1", "Mengisi formulir", "KTP", "Formulir"),
        ("2", "Memeriksa formulir", "Formulir", "Formulir diperiksa"),
        ("3", "Menandatangani surat", "Formulir diperiksa", "Surat")]
    assert [(s.time, s.time_span) for s in steps] == [
        ("Paling lambat 17 hari kerja", 2), ("", 1), ("10 menit", 1)]
    problems = {p.path: p.message for p in sop.problems}
    assert "steps[1].time" not in problems  # 17 working days: read
    assert "steps[2].time" not in problems  # under the merged cell: not missing
    assert "steps[3].time" not in problems
    # No drawing: the lanes of each step are not known, and that is said.
    assert all(s.lanes == () for s in steps)
    assert {"steps[1].lanes", "steps[2].lanes", "steps[3].lanes"} <= set(problems)


def test_unmerged_empty_waktu_is_named(tmp_path):
    path = tmp_path / "b.xlsx"
    _procedure_book(path, merge_time=False)
    [sop] = read_xlsx(path)
    assert sop.steps[0].time_span == 1
    assert "Waktu kosong" in {p.path: p.message for p in sop.problems}["steps[2].time"]


def _refused(path) -> str:
    with pytest.raises(InputError) as refused:
        read_xlsx(path)
    text = str(refused.value)
    assert text.startswith(f"{path.name}: ") and "\n" not in text
    return text


def test_empty_file(tmp_path):
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(b"")
    assert "berkas kosong" in _refused(path)


def test_corrupt_zip(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    assert "rusak atau bukan buku kerja Excel" in _refused(path)


def test_truncated_workbook(tmp_path):
    good = tmp_path / "utuh.xlsx"
    _procedure_book(good)
    path = tmp_path / "terpotong.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "rusak" in _refused(path)


def test_a_zip_that_is_no_workbook(tmp_path):
    path = tmp_path / "dokumen.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<document/>")
    assert "bukan buku kerja Excel" in _refused(path)
    assert "xl/workbook.xml" in _refused(path)


def test_old_xls_and_encrypted_workbooks(tmp_path):
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    old = tmp_path / "lama.xls"
    old.write_bytes(cfb + b"Workbook".ljust(512, b"\x00"))
    assert "format lama" in _refused(old)
    locked = tmp_path / "terkunci.xlsx"
    locked.write_bytes(cfb + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100)
    assert "kata sandi" in _refused(locked)


def test_no_procedure_sheet(tmp_path):
    path = tmp_path / "daftar.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Daftar pegawai"
    book.active["A2"] = "Nama"
    book.save(path)
    assert "tidak ada lembar prosedur" in _refused(path)


def test_huge_part_refused_from_the_zip_directory(tmp_path, monkeypatch):
    path = tmp_path / "besar.xlsx"
    _procedure_book(path)
    monkeypatch.setattr(ooxml_package, "MAX_PART_BYTES", 1000)
    assert "terlalu besar" in _refused(path)


def test_too_many_cells_refused_before_reading_them(tmp_path, monkeypatch):
    path = tmp_path / "sel.xlsx"
    _procedure_book(path)
    monkeypatch.setattr(xlsx_reader, "MAX_CELLS", 20)
    assert "terlalu besar" in _refused(path) and "sel;" in _refused(path)


def test_zip_bomb_refused(tmp_path):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.xml", b" " * (8 * 1024 * 1024))
    assert "tidak wajar" in _refused(path)
