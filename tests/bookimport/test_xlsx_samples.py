"""The Excel reader on the two BASARNAS workbooks of ../shared/samples/import/excel, as
they are. What each test expects was read by a person from the sheets and their drawing
(and, for the BCC workbook, from the PDF printed from it, where each box stands about half
a row lower than the cell it is anchored to)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kecamatan_desktop.bookimport.xlsx_reader import read_xlsx
from kecamatan_desktop.domain.errors import InputError

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "import"
EXCEL = SAMPLES / "excel"
BCC = EXCEL / "SOP PENANGANAN INFORMASI POTENSI BENCANA KECELAKAAN DI BCC (1).xlsx"
OPR_115 = EXCEL / "SOP-0008.xlsx"
pytestmark = pytest.mark.skipif(not EXCEL.is_dir(), reason=f"no sample workbooks at {EXCEL}")

BCC_LANES_1 = ("Instansi lain/ Sosial Media", "Petugas Komunikasi", "Kagahar",
               "Asisten Kagahar", "Kakansar", "BSG", "Pengawas", "Direktur Kesiapsiagaan",
               "Direktur Operasi", "Deops", "Kabasarnas")


def _paths(sop) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in sop.problems:
        found.setdefault(problem.path, []).append(problem.message)
    return found


def test_opr_115_cover_and_procedure():
    """COVER is the identity sheet; the procedure sheet has a Kagahar decision whose Ya way
    leaves through two off-page connectors to step 5 and whose Tidak way goes back to 3."""
    [sop] = read_xlsx(OPR_115)
    assert sop.source == "SOP-0008.xlsx"
    assert sop.pages == (1, 2)
    identity = sop.identity
    assert identity["name"] == "PENERIMAAN BERITA PADA EMERGENCY CALL 115"
    assert identity["number"] == "…   Tahun 2024"  # the register number left blank
    assert identity["created"] == "      Oktober 2024"  # the day left blank
    assert identity["revised"] == "-"
    assert identity["effective"] == "      Novermber 2024"  # misspelt, as written
    assert identity["approver_title"] == "DIREKTUR KESIAPSIAGAAN"
    assert identity["approver_name"] == "Noer Isrodin Muchlisin, S.Pd., M.M."
    assert identity["approver_nip"] == "197212241998031002"
    assert identity["government"] == "BADAN NASIONAL PENCARIAN DAN PERTOLONGAN"
    assert identity["office"] == "DIREKTORAT KESIAPSIAGAAN"
    assert len(identity["legal_basis"]) == 7
    assert identity["legal_basis"][1] == "UU Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara"
    assert identity["related"] == ["SOP Verifikasi Berita Pencarian dan Pertolongan di BCC",
                                   "SOP Penanganan Berita Pencarian dan Pertolongan di BCC"]
    assert len(identity["equipment"]) == 2
    assert identity["records"] == ["Jurnal Emergency Call 115"]  # "PENCATATAN DAN PENDAFTARAN"
    assert sop.lanes == ("Pelapor", "Petugas Call Center 115", "Operator Komunikasi",
                         "Kagahar")
    rows = [(s.no, s.shape, s.lanes, s.next, s.yes, s.no_target, s.time, s.page)
            for s in sop.steps]
    assert rows == [
        ("1", "start", ("Pelapor",), (2,), None, None, "5 Menit", 6),
        ("2", "process", ("Petugas Call Center 115",), (3,), None, None, "5 Menit", 7),
        ("3", "process", ("Operator Komunikasi",), (4,), None, None, "5 Menit", 8),
        ("4", "decision", ("Kagahar",), (3, 7), 7, 3, "1 Menit", 9),
        ("", "connector", ("Kagahar",), (6,), None, None, "", 10),
        ("", "connector", ("Kagahar",), (7,), None, None, "", 11),
        ("5", "end", ("Operator Komunikasi",), (), None, None, "2 Menit", 12),
    ]
    assert sop.steps[0].activity == "Melaporkan kejadian"
    assert sop.steps[3].notes == ""
    assert sop.steps[2].notes == "jika berita tidak lanjut dicatat di jurnal Emergency call 115"
    problems = _paths(sop)
    assert set(problems) == {"identity.office", "identity.address", "identity.approver_rank"}
    assert "DEPUTI BIDANG OPERASI" in problems["identity.office"][0]


def test_bcc_two_procedure_sheets_without_identity():
    first, full = read_xlsx(BCC)
    assert (first.pages, full.pages) == ((1,), (2,))
    assert first.identity["name"] == ("SOP PENANGANAN INFORMASI POTENSI BENCANA/KECELAKAAN DI "
                                      "BASARNAS COMMAND CENTER (BCC)")
    assert first.lanes == BCC_LANES_1
    assert [(s.no, s.shape, s.lanes, s.next) for s in first.steps] == [
        ("1", "start", ("Instansi lain/ Sosial Media",), (2,)),
        ("2", "process", ("Petugas Komunikasi", "Kakansar"), (3,)),
        ("3", "process", ("Kagahar",), (4, 5)),
        ("4", "process", ("Petugas Komunikasi", "Asisten Kagahar", "BSG"), ()),
        ("5", "process", ("Pengawas",), (6,)),
        ("6", "end", ("Direktur Kesiapsiagaan", "Direktur Operasi", "Deops", "Kabasarnas"),
         ()),
    ]
    assert [s.time for s in first.steps] == ["5 menit", "5 menit", "2 menit", "30 menit",
                                             "2 menit", "2 menit"]
    assert first.steps[3].notes == "Dilaksanakan secara simultan"
    problems = _paths(first)
    assert "identity" in problems and "identity.number" in problems  # no COVER sheet
    assert "judul lembar" in problems["identity.name"][0]
    assert "steps[2].next" in problems  # a connector joining nothing, below step 2's box
    assert "gambar" in problems["steps[5].lanes"][0]  # Pengawas's box is a pasted picture
    assert "steps[6].shape" in problems  # three pictures and the Selesai terminator

    assert len(full.lanes) == 15 and full.lanes[-2:] == ("Deops", "Kabasarnas")
    assert [s.no for s in full.steps] == ["1", "2", "3", "4", "5", "6", "8", "9", "10",
                                          "11", "12", "13", "14"]
    assert [s.lanes for s in full.steps[5:]] == [
        ("Direktur Kesiapsiagaan", "Direktur Operasi", "Deops", "Kabasarnas"),
        ("Deops",), ("Direktur Operasi",), ("Direktur Bina Potensi",),
        ("Direktur Sarana Prasarana",), ("Direktur Sistem Komunikasi",),
        ("Karo Humas dan Umum",), ("Direktur Operasi",)]
    assert full.steps[5].next == (7, 9, 10, 11, 12, 13)
    assert full.steps[6].next == (8,)
    assert full.steps[-1].shape == "end" and full.steps[-1].time == ""
    problems = _paths(full)
    assert "steps[7].no" in problems  # 6 then 8: no step 7
    assert "steps[13].time" in problems
    # One Keterangan cell merged over steps 10 to 13.
    assert full.steps[8].notes == "Dilaksanakan secara simultan"
    assert full.steps[9].notes == ""
    assert "10 sampai 13" in problems["steps[9].notes"][0]


def test_too_many_shapes_refused(monkeypatch):
    from kecamatan_desktop.bookimport import ooxml_drawing

    monkeypatch.setattr(ooxml_drawing, "MAX_SHAPES", 10)
    with pytest.raises(InputError, match=r"SOP-0008.xlsx: lembar .* terlalu banyak bentuk"):
        read_xlsx(OPR_115)


def test_a_sheet_past_its_time_is_refused(monkeypatch):
    from kecamatan_desktop.bookimport import ooxml_package

    monkeypatch.setattr(ooxml_package, "SECONDS_PER_PART", -1.0)
    with pytest.raises(InputError, match=r"SOP-0008.xlsx: lembar .* tidak selesai dibaca"):
        read_xlsx(OPR_115)
