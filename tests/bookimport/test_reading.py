"""A found SOP as an interchange document (bookimport/reading.py): every loss named as a problem,
every value the model requires but the file lacks a refusal saying why, the document checked
as `import` checks a file; and a book handed to the reader its content asks for."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest

from kecamatan_desktop.bookimport.fields import read_date, slug
from kecamatan_desktop.bookimport.found import FoundSop, FoundStep, Problem
from kecamatan_desktop.bookimport.reading import SopRefused, read_book, to_interchange
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.interchange import sop_from_dict

IDENTITY = {"government": "PEMERINTAH KABUPATEN MALANG", "office": "KECAMATAN PUJON",
            "number": "470/ /2024", "name": "Pelayanan Surat Pindah",
            "created": "2 Januari 2024", "revised": "-", "effective": "02-01-2024",
            "approver_title": "Camat Pujon", "approver_name": "Drs. Contoh",
            "approver_nip": "19650202 198710 1 001", "legal_basis": ["UU 23/2014"]}
LANES = ("Pemohon", "Kasi Pemerintahan", "Camat")


def _sop(*steps: FoundStep, problems=(), **identity) -> FoundSop:
    return FoundSop(source="buku.pdf", identity={**IDENTITY, **identity}, lanes=LANES,
                    steps=steps, problems=tuple(problems))


def _step(no: str, lanes=("Pemohon",), **fields) -> FoundStep:
    return FoundStep(no=no, activity=f"Kegiatan {no}" if no else "", lanes=lanes, **fields)


def _messages(problems) -> dict[str, str]:
    return {p.path: p.message for p in problems}


def test_a_step_in_several_lanes_keeps_all_its_lanes():
    doc, problems = to_interchange(_sop(
        _step("1", shape="start", next=(2,)),
        _step("2", lanes=("Kasi Pemerintahan", "Camat"), next=(3,)),
        _step("3", lanes=("Pemohon",), shape="end")), office=None)
    assert doc["format"] == "sop-ap/2"
    assert doc["steps"][1]["roles"] == ["Kasi Pemerintahan", "Camat"]
    sop = sop_from_dict(doc)
    assert [s.roles for s in sop.steps] == [("Pemohon",), ("Kasi Pemerintahan", "Camat"),
                                            ("Pemohon",)]
    assert sop.roles == LANES
    assert _messages(problems) == {}
    assert (sop.created, sop.revised, sop.effective) == (date(2024, 1, 2), None,
                                                         date(2024, 1, 2))
    assert sop.id == "kecamatan-pujon-pelayanan-surat-pindah"


def test_an_sop_that_needs_nothing_new_is_written_as_sop_ap1():
    doc, problems = to_interchange(_sop(_step("1", time="10 menit"), _step("2")), office=None)
    assert doc["format"] == "sop-ap/1" and problems == []


def test_connector_rows_are_dropped_and_a_decision_leads_through_them():
    found = _sop(
        _step("1", next=(2,)),
        _step("2", lanes=("Camat",), shape="decision", yes=3, no_target=1, next=(1, 3)),
        _step("", lanes=("Camat",), shape="connector", next=(4,)),
        _step("", lanes=("Pemohon",), shape="connector", next=(5,)),
        _step("3", shape="end"),
        problems=[Problem("steps[5].time", "Waktu kosong"),
                  Problem("steps[3].next", "penghubung antarhalaman tanpa pasangan")])
    doc, problems = to_interchange(found, office=None)
    assert [s["no"] for s in doc["steps"]] == ["1", "2", "3"]
    assert doc["steps"][1]["decision"] == {"yes": 3, "no": 1}
    # the reader's paths count the table's rows; the document's steps are counted instead
    assert _messages(problems) == {
        "steps[3].time": "Waktu kosong",
        "steps": "penghubung antarhalaman (baris ke-3 tabel): penghubung antarhalaman tanpa "
                 "pasangan"}


def test_a_diamond_without_both_ways_becomes_a_plain_step():
    doc, problems = to_interchange(_sop(
        _step("1", next=(2,)),
        _step("2", shape="decision", yes=3, no_target=None, next=(3,)),
        _step("3")), office=None)
    assert "decision" not in doc["steps"][1]
    assert _messages(problems)["steps[2].decision"] == (
        "keputusan di langkah 2: tujuan Tidak tidak terbaca; keputusan memerlukan tujuan Ya "
        "dan Tidak, jadi disimpan sebagai langkah biasa")


def test_what_the_model_cannot_draw_is_named():
    _, problems = to_interchange(_sop(
        _step("1", shape="start", next=(3,)),
        _step("2", shape="start", next=(3,)),
        _step("3", next=(1, 4)),
        _step("4", shape="end")), office=None)
    messages = _messages(problems)
    assert messages["steps[1].next"] == ("panah dari langkah 1 menuju langkah 3; model ini "
                                         "hanya menyimpan urutan langkah dan cabang Ya/Tidak "
                                         "keputusan")
    assert "steps[2].shape" not in messages  # a second start is kept: "start"
    assert "menuju langkah 1 dan 4" in messages["steps[3].next"]


def test_a_second_start_and_a_waktu_over_two_steps_are_kept():
    doc, _ = to_interchange(_sop(
        _step("1", shape="start", time="3 hari kerja", time_span=2, next=(3,)),
        _step("2", shape="start", next=(3,)),
        _step("3", shape="end", time="Setiap Saat")), office=None)
    sop = sop_from_dict(doc)
    assert [s.start for s in sop.steps] == [False, True, False]
    assert [s.time_span for s in sop.steps] == [2, 1, 1]


def test_waktu_is_kept_as_written_with_its_lines_joined():
    found = _sop(_step("1", time="5 \nMenit"), _step("2", time="Paling lambat 17 hari kerja"),
                 _step("3", time="Setiap Saat"),
                 problems=[Problem("steps[3].time", "Waktu 'Setiap Saat' tidak terbaca sebagai "
                                   "menit, jam atau hari; disimpan seperti tertulis")])
    doc, problems = to_interchange(found, office=None)
    assert [s["time"] for s in doc["steps"]] == ["5 Menit", "Paling lambat 17 hari kerja",
                                                "Setiap Saat"]
    assert list(_messages(problems)) == ["steps[3].time"]


def test_what_a_book_leaves_out_stays_empty_and_is_named():
    found = _sop(_step("1"), approver_nip="", approver_name="", created="      Oktober 2024",
                 effective="")
    doc, problems = to_interchange(found, office=None)
    sop = sop_from_dict(doc)
    assert (sop.created, sop.created_text) == (None, "Oktober 2024")
    assert (sop.effective, sop.effective_text) == (None, "")
    assert sop.approved_by.nip == "" and sop.approved_by.name == ""
    assert set(_messages(problems)) == {"identity.approver_nip", "identity.approver_name",
                                        "identity.created", "identity.effective"}


def test_what_the_model_requires_and_the_file_lacks_refuses_the_sop():
    found = _sop(_step("1", lanes=()), _step("2", lanes=()), _step("3"),
                 approver_nip="1965", government="")
    with pytest.raises(SopRefused) as refused:
        to_interchange(found, office=None)
    reasons = _messages(refused.value.reasons)
    assert set(reasons) == {"identity.approver_nip", "identity.government",
                            "steps[1].lanes", "steps[2].lanes"}
    assert str(refused.value) == (
        "Berkas buku.pdf: SOP 'Pelayanan Surat Pindah' tidak dapat disimpan: "
        "identity.government: Pemerintah (kop) tidak ada di berkas; SOP tanpa itu tidak dapat "
        "disimpan; identity.approver_nip: NIP '1965' harus 18 angka, bukan 4; perbaiki "
        "NIP-nya (18 angka); langkah 1–2: tanpa pelaksana (lajur); setiap langkah memerlukan "
        "sedikitnya satu lajur")
    assert refused.value.problems[-len(refused.value.reasons):] == refused.value.reasons


def test_steps_without_a_lane_are_said_once_naming_them():
    with pytest.raises(SopRefused) as refused:
        to_interchange(_sop(_step("1", lanes=()), _step("2", lanes=()), _step("3"),
                            _step("4", lanes=())), office=None)
    assert str(refused.value).endswith(
        "tidak dapat disimpan: langkah 1–2, 4: tanpa pelaksana (lajur); setiap langkah "
        "memerlukan sedikitnya satu lajur")


def test_the_office_given_replaces_the_files_and_ids_stay_unique_in_a_batch():
    found = _sop(_step("1"))
    first, _ = to_interchange(found, office="Kecamatan Ngantang")
    second, _ = to_interchange(found, office="Kecamatan Ngantang", taken={first["id"]})
    assert first["office"]["name"] == "Kecamatan Ngantang"
    assert (first["id"], second["id"]) == ("kecamatan-ngantang-pelayanan-surat-pindah",
                                           "kecamatan-ngantang-pelayanan-surat-pindah-2")


def test_control_characters_are_taken_out_and_named():
    doc, problems = to_interchange(_sop(_step("1"), legal_basis=["Undang\x02 Undang 23"]),
                                   office=None)
    assert doc["legal_basis"] == ["Undang Undang 23"]
    assert _messages(problems) == {"identity.legal_basis": "karakter kendali U+0002 dibuang "
                                                           "dari teks"}


@pytest.mark.parametrize(("written", "value", "note"), [
    ("25 Juli 2022", date(2022, 7, 25), ""),
    ("Senin, 2 Juni 2025", date(2025, 6, 2), ""),
    ("1 Pebruari 2021", date(2021, 2, 1), ""),
    ("2024-10-01", date(2024, 10, 1), ""),
    ("04/01/2018", date(2018, 1, 4), ""),
    ("3 Novermber 2024", date(2024, 11, 3), "bulan 'Novermber' dibaca sebagai November"),
    ("      Oktober 2024", None, "tertulis tanpa hari"),
    ("31 Februari 2024", None, "tidak ada di kalender"),
    ("5 In2A", None, "tidak terbaca"),
    ("-", None, ""),
])
def test_dates_as_books_write_them(written, value, note):
    read = read_date(written)
    assert read.value == value and note in read.note and bool(note) == bool(read.note)


def test_ids():
    assert slug("Kecamatan Bantur", "Pelayanan KTP-el (Rekam & Cetak)") == (
        "kecamatan-bantur-pelayanan-ktp-el-rekam-cetak")
    assert slug("", "") == "sop" and len(slug("kata " * 40)) <= 80


def test_a_book_goes_to_the_reader_its_content_asks_for(tmp_path):
    text = tmp_path / "buku.md"
    text.write_text("| | Nomor SOP | 1/2024 |\n|---|---|---|\n| | Nama SOP | Uji |\n",
                    encoding="utf-8")
    [found] = read_book(text)
    assert found.identity["name"] == "Uji"
    letter = tmp_path / "surat.docx"  # named as Word, but a workbook inside: read as one
    with zipfile.ZipFile(letter, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="surat.docx"):
        read_book(letter)
    other = tmp_path / "arsip.zip"
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("foto.jpg", b"\xff\xd8")
    with pytest.raises(InputError, match="arsip zip, tetapi bukan"):
        read_book(other)
    with pytest.raises(InputError, match=r"folder, bukan berkas"):
        read_book(tmp_path)


def test_a_field_past_its_limit_refuses_the_sop_naming_it_and_keeps_it_whole():
    """Nothing is cut: the SOP is refused naming the field, its document kept as read for the
    review to shorten."""
    long_item = "Peraturan " * 101  # 1,009 characters read: more than one item may hold
    found = _sop(_step("1"), _step("2", notes="C" * 2001), legal_basis=["UU 23/2014", long_item])
    with pytest.raises(SopRefused) as refused:
        to_interchange(found, office=None)
    reasons = _messages(refused.value.reasons)
    assert reasons == {
        "identity.legal_basis": "Dasar Hukum butir 2 terlalu panjang: 1.009 karakter, paling "
                                "banyak 1.000; pendekkan isinya",
        "steps[2].notes": "Langkah 2: Keterangan terlalu panjang: 2.001 karakter, paling "
                          "banyak 2.000; pendekkan isinya"}
    document = refused.value.document
    assert document["legal_basis"][1] == long_item.strip()
    assert document["steps"][1]["notes"] == "C" * 2001
