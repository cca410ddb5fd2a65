"""The text reader on Markdown pipe tables, and its refusals: one Indonesian line naming the
file, nothing returned."""

from __future__ import annotations

import pytest

from kecamatan_desktop.bookimport import text_reader
from kecamatan_desktop.bookimport.text_reader import read_text
from kecamatan_desktop.domain.errors import InputError

MARKDOWN = """\
# SOP Pelayanan Surat Keterangan

| PEMERINTAH KABUPATEN CONTOH | Nomor SOP | 470/ /2024 |
|---|---|---|
| KECAMATAN CONTOH | Nama SOP | Pelayanan Surat Keterangan |
| | Tanggal Efektif | 2 Januari 2024 |

| Uraian | No | Aktivitas | Pelaksana | | Persyaratan/Perlengkapan | Waktu | Output | Ket |
|---|---|---|---|---|---|---|---|---|
| | | | Pemohon | Kasi Pelayanan | | | | |
| (1) | (2) | (3) | (4) | (5) | (6) | (7) | (8) | (9) |
| | 1 | Mengajukan permohonan | | | KTP | Setiap Saat | Berkas | |
| | 2 | Memeriksa berkas | | | Berkas | 3 hari kerja | Surat | |
"""


def test_markdown_pipe_tables(tmp_path):
    path = tmp_path / "buku.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    [sop] = read_text(path)
    assert sop.identity["number"] == "470/ /2024"
    assert sop.identity["name"] == "Pelayanan Surat Keterangan"
    assert sop.identity["government"] == "PEMERINTAH KABUPATEN CONTOH"
    assert sop.identity["office"] == "KECAMATAN CONTOH"
    assert sop.lanes == ("Pemohon", "Kasi Pelayanan")
    assert [(s.no, s.activity, s.requirements, s.time) for s in sop.steps] == [
        ("1", "Mengajukan permohonan", "KTP", "Setiap Saat"),
        ("2", "Memeriksa berkas", "Berkas", "3 hari kerja"),
    ]
    messages = {p.path: p.message for p in sop.problems}
    # Waktu is kept as written; one that gives no length ("Setiap Saat": no standard) is
    # named, "3 hari kerja" (3 working days) is read and not named.
    assert "Setiap Saat" in messages["steps[1].time"]
    assert "steps[2].time" not in messages
    assert "identity.created" in messages


@pytest.mark.parametrize(("content", "words"), [
    (b"", "berkas kosong"),
    (b"   \n\n", "berkas kosong"),
    (b"PK\x03\x04\x00\x00binary\x00\x00", "bukan berkas teks"),
    ("Nomor SOP\t1".encode("utf-16"), "bukan berkas teks"),
    (b"Surat biasa tanpa tabel.\nTidak ada SOP di sini.\n", "tidak ada SOP"),
])
def test_bad_text_is_refused_naming_the_file(tmp_path, content, words):
    path = tmp_path / "buku.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as refused:
        read_text(path)
    assert str(refused.value).startswith("buku.txt: ")
    assert words in str(refused.value)
    assert "\n" not in str(refused.value)


def test_huge_text_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(text_reader, "MAX_TEXT_BYTES", 1024)
    path = tmp_path / "besar.txt"
    path.write_text(MARKDOWN * 20, encoding="utf-8")
    with pytest.raises(InputError, match="besar.txt: berkas terlalu besar"):
        read_text(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="hilang.txt: berkas tidak ditemukan"):
        read_text(tmp_path / "hilang.txt")
