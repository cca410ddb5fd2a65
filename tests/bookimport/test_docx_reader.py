"""The Word reader on documents written here part by part as Word writes them (no real Word
SOP book was available): a book of two SOPs, each shape stored twice (DrawingML and its VML
fallback) and read once; and bad documents refused in one Indonesian line."""

from __future__ import annotations

import zipfile

import pytest

from kecamatan_desktop.bookimport import docx_reader, ooxml_package
from kecamatan_desktop.bookimport.docx_reader import read_docx
from kecamatan_desktop.domain.errors import InputError
from tests.bookimport.docx_build import cell, connector, paragraph, shape, table, write_docx

IDENTITY = table([
    [cell("PEMERINTAH KABUPATEN CONTOH\nKECAMATAN CONTOH", merge="restart"),
     cell("Nomor SOP"), cell("470/ /2024")],
    [cell(merge="continue"), cell("Tanggal Pembuatan"), cell("2 Januari 2024")],
    [cell(merge="continue"), cell("Tanggal Revisi"), cell("-")],
    [cell(merge="continue"), cell("Tanggal Efektif"), cell("      Januari 2024")],
    [cell(merge="continue"), cell("Disahkan oleh"),
     cell("CAMAT CONTOH\nBUDI SANTOSO, S.STP\nPembina\nNIP. 19700101 199001 1 001")],
    [cell(merge="continue"), cell("Nama SOP"), cell("Pelayanan Surat Pindah")],
    [cell("Dasar Hukum:"), cell("Kualifikasi Pelaksanaan:", span=2)],
    [cell("1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"),
     cell("Memahami administrasi kependudukan", span=2)],
    [cell("2. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"), cell(span=2)],
    [cell("Keterkaitan"), cell("Peralatan/Perlengkapan", span=2)],
    [cell("SOP Pelayanan KTP"), cell("Komputer", span=2)],
    [cell("Peringatan"), cell("Pencatatan dan Pendaftaran", span=2)],
    [cell("Bila SOP tidak dilaksanakan, surat pindah terlambat"),
     cell("Buku register surat pindah", span=2)],
], [3000, 2000, 4000])

# Lanes: Pemohon, Staf, Camat. The decision (11) leaves right to the Camat (Ya) and from
# its bottom back to the Pemohon's step 1 (Tidak); step 4 has a box in two lanes.
DIAMOND = shape(11, "flowChartDecision", cx=500000, cy=400000)
YA = shape(20, "rect", "Ya", x=560000, y=100000, cx=200000, cy=150000)
TIDAK = shape(21, "rect", "Tidak", x=320000, y=470000, cx=200000, cy=150000)
PROCEDURE = table([
    [cell("No", merge="restart"), cell("Kegiatan", merge="restart"), cell("Pelaksana", span=3),
     cell("Mutu Baku", span=3), cell("Keterangan", merge="restart")],
    [cell(merge="continue"), cell(merge="continue"), cell("Pemohon"), cell("Staf"),
     cell("Camat"), cell("Kelengkapan"), cell("Waktu"), cell("Output"),
     cell(merge="continue")],
    [cell("1"), cell("Mengajukan permohonan"),
     cell(drawings=shape(10, "flowChartTerminator", "Mulai") + connector(30, 10, 11)),
     cell(), cell(), cell("KTP"), cell("10 menit"), cell("Berkas"), cell()],
    [cell("2"), cell("Memeriksa berkas; bila lengkap diteruskan ke Camat"), cell(),
     cell(drawings=DIAMOND + YA + TIDAK + connector(31, 11, 12, 3, 0)
          + connector(32, 11, 10, 2, 1)),
     cell(), cell("Berkas"), cell("1 hari"), cell("Berkas diperiksa"), cell()],
    [cell("3"), cell("Menandatangani surat pindah"), cell(), cell(),
     cell(drawings=shape(12, "flowChartProcess") + connector(33, 12, 14)
          + connector(34, 12, 15)),
     cell("Berkas lengkap"), cell("Setiap Saat"), cell("Surat pindah"), cell()],
    [cell("4"), cell("Menerima surat pindah\ndan mengarsipkan salinannya"),
     cell(drawings=shape(14, "rect")), cell(drawings=shape(15, "rect") + connector(35, 15, 16)),
     cell(), cell("Surat pindah"), cell("2 jam", merge="restart"), cell("Arsip"),
     cell("Salinan untuk kecamatan")],
    [cell("5"), cell("Selesai"), cell(),
     cell(drawings=shape(16, "flowChartTerminator") + connector(36, None, None)), cell(),
     cell(), cell(merge="continue"), cell(), cell()],
], [500, 3000, 1500, 1500, 1500, 1500, 1000, 1500, 1000])

OLD_VML = '<w:r><w:pict><v:rect style="width:40pt;height:20pt"/></w:pict></w:r>'
SECOND = table([
    [cell("No."), cell("Aktivitas"), cell("Pelaksana", span=2), cell("Waktu")],
    [cell(), cell(), cell("Staf"), cell("Camat"), cell()],
    [cell("1"), cell("Mengarsipkan"), cell(drawings=OLD_VML), cell(), cell("5 menit")],
], [500, 3000, 1500, 1500, 1000])


def _book(tmp_path):
    body = (paragraph("KEPUTUSAN CAMAT CONTOH") + paragraph("Menetapkan: SOP kecamatan")
            + IDENTITY + paragraph() + paragraph("Prosedur") + PROCEDURE
            + paragraph("PENGARSIPAN SURAT") + SECOND)
    return write_docx(tmp_path / "buku sop.docx", body)


def test_a_book_of_two_sops(tmp_path):
    first, second = read_docx(_book(tmp_path))
    assert first.source == "buku sop.docx"
    identity = first.identity
    assert identity["number"] == "470/ /2024"
    assert identity["name"] == "Pelayanan Surat Pindah"
    assert identity["effective"] == "      Januari 2024"
    assert identity["government"] == "PEMERINTAH KABUPATEN CONTOH"
    assert identity["office"] == "KECAMATAN CONTOH"
    assert (identity["approver_title"], identity["approver_name"], identity["approver_rank"],
            identity["approver_nip"]) == ("CAMAT CONTOH", "BUDI SANTOSO, S.STP", "Pembina",
                                          "19700101 199001 1 001")
    assert identity["legal_basis"] == [
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"]
    assert identity["qualifications"] == ["Memahami administrasi kependudukan"]
    assert identity["related"] == ["SOP Pelayanan KTP"]
    assert identity["equipment"] == ["Komputer"]
    assert identity["records"] == ["Buku register surat pindah"]
    assert first.lanes == ("Pemohon", "Staf", "Camat")
    # Each shape is in the file twice (DrawingML and VML): read once.
    assert [(s.no, s.shape, s.lanes, s.next, s.yes, s.no_target) for s in first.steps] == [
        ("1", "start", ("Pemohon",), (2,), None, None),
        ("2", "decision", ("Staf",), (3, 1), 3, 1),
        ("3", "process", ("Camat",), (4,), None, None),
        ("4", "process", ("Pemohon", "Staf"), (5,), None, None),
        ("5", "end", ("Staf",), (), None, None),
    ]
    assert first.steps[3].activity == "Menerima surat pindah\ndan mengarsipkan salinannya"
    assert [(s.time, s.time_span) for s in first.steps] == [
        ("10 menit", 1), ("1 hari", 1), ("Setiap Saat", 1), ("2 jam", 2), ("", 1)]
    assert first.steps[3].notes == "Salinan untuk kecamatan"
    problems = {p.path: p.message for p in first.problems}
    assert "Setiap Saat" in problems["steps[3].time"]
    assert "tidak menyebut bentuk" in problems["steps[5].next"]
    assert "steps[5].time" not in problems  # under the merged Waktu
    assert "identity.address" in problems
    assert not any("VML" in m for m in problems.values())

    assert second.identity["name"] == "PENGARSIPAN SURAT"  # the heading above its table
    assert second.lanes == ("Staf", "Camat")
    assert [(s.no, s.activity, s.lanes, s.time) for s in second.steps] == [
        ("1", "Mengarsipkan", (), "5 menit")]
    problems = {p.path: p.message for p in second.problems}
    assert "identity" in problems
    assert "VML" in problems["steps"]
    assert "steps[1].lanes" in problems


def test_a_decision_without_labels_keeps_no_targets(tmp_path):
    unlabelled = PROCEDURE.replace(YA, "").replace(TIDAK, "")
    [sop] = read_docx(write_docx(tmp_path / "tanpa label.docx", IDENTITY + unlabelled))
    decision = sop.steps[1]
    assert decision.shape == "decision"
    assert (decision.yes, decision.no_target) == (None, None)
    assert decision.next == (3, 1)  # the arrows are read; which is Ya is not
    assert "Ya/Tidak" in {p.path: p.message for p in sop.problems}["steps[2].shape"]


def _refused(path) -> str:
    with pytest.raises(InputError) as refused:
        read_docx(path)
    text = str(refused.value)
    assert text.startswith(f"{path.name}: ") and "\n" not in text
    return text


def test_bad_documents(tmp_path, monkeypatch):
    empty = tmp_path / "kosong.docx"
    empty.write_bytes(b"")
    assert "berkas kosong" in _refused(empty)
    corrupt = tmp_path / "rusak.docx"
    corrupt.write_bytes(b"PK\x03\x04not a zip at all" * 10)
    assert "rusak atau bukan dokumen Word" in _refused(corrupt)
    workbook = tmp_path / "buku kerja.docx"
    with zipfile.ZipFile(workbook, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    assert "bukan dokumen Word" in _refused(workbook)
    letter = write_docx(tmp_path / "surat.docx", paragraph("Dengan hormat,"))
    assert "tidak ada SOP" in _refused(letter)
    broken = write_docx(tmp_path / "xml rusak.docx", "<w:p><w:r></w:p>")
    assert "rusak" in _refused(broken)
    old = tmp_path / "lama.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    assert "Word 97-2003" in _refused(old)

    book = _book(tmp_path)
    monkeypatch.setattr(docx_reader, "MAX_SHAPES", 5)
    assert "terlalu banyak bentuk" in _refused(book)
    monkeypatch.setattr(ooxml_package, "MAX_PART_BYTES", 2000)
    assert "terlalu besar" in _refused(book)


def test_a_document_type_declaration_is_refused(tmp_path):
    bomb = ('<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            'main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "entitas.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", bomb)
    assert "DOCTYPE" in _refused(path)
