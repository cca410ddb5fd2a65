"""The scan reader on the real scanned SOP (Diskominfo Kalimantan Barat) and on bad input.

What the two pages show, read by a person:
page 1, identity: "PEMERINTAH PROVISI KALIMANTAN BARAT" / "DINAS KOMUNIKASI DAN
INFORMATIKA"; Nomor Urut SOP "69/ DISKOMINFO/ 2024" (handwritten), Tanggal Pembuatan
"5 JANUARI 2024" (handwritten), Tanggal Revisi empty, Tanggal Efektif a handwritten date in
January 2024 under the stamp, Disahkan Oleh "Kepala Dinas Komunikasi dan Informatika
Provinsi Kalimantan Barat", SAMUEL, SE, Msi, Pembina Utama Madya, NIP. 19660408 199303 1 009
(stamp and signature over it), Nama SOP "Fasilitasi Keberatan Informasi Publik"; Dasar Hukum
9 items, Kualifikasi Pelaksana 4, Keterkaitan empty, Peralatan / perlengkapan 4, Peringatan
3, Pencatatan dan Pendaftaran empty.
page 2, procedure: lanes Pemohon Informasi | Atasan PPID | Petugas PPID; Mutu Baku
Kelengkapan | Waktu | Output, then Keterangan ("-" in every row). Step 1 (Pemohon
Informasi, process) "Mengajukan keberatan atau pemberian informasi …", step 2 (Atasan PPID,
a decision: Ya down to step 3, Tidak back to step 1) "Menerima langsung pengadaan keberatan
…", step 3 (Petugas PPID, process) "Mencatat dan mendokumentasikan keberatan …"; every step
"Aplikasi SIP PPID, Formulir keberatan", Waktu "30 Hari".
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from pypdf import PdfWriter

from kecamatan_desktop.bookimport.found import IDENTITY_KEYS
from kecamatan_desktop.bookimport.ocr_reader import MAX_MB, MAX_PAGES, read_scan
from kecamatan_desktop.bookimport.ocr_text import norm
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.waktu import standard_minutes

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "import"
SCAN = SAMPLES / "scan" / "SOP FASILITASI KEBERATAN INFORMASI PUBLIK.pdf"
needs_sample = pytest.mark.skipif(not SCAN.exists(),
                                  reason=f"the real scanned SOP is not at {SCAN}")
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="tesseract is not installed (apt-get install "
                                            "tesseract-ocr tesseract-ocr-ind)")


def near(read: str, shown: str, at_least: float = 0.85) -> bool:
    """OCR is fuzzy: the texts compared in lower case without punctuation, and nearly equal."""
    return difflib.SequenceMatcher(None, norm(read), norm(shown)).ratio() >= at_least


@pytest.fixture(scope="module")
def scanned():
    if not SCAN.exists() or shutil.which("tesseract") is None:
        pytest.skip("needs the sample scan and tesseract")
    return read_scan(SCAN)


@needs_sample
@needs_tesseract
def test_the_scan_is_one_sop_over_both_pages_all_of_it_marked_as_ocr(scanned):
    [sop] = scanned
    assert sop.source == SCAN.name
    assert sop.pages == (1, 2)
    assert sop.ocr is True
    assert {p.path for p in sop.problems if p.message.startswith("teks dibaca dengan OCR")} \
        == {"page 1", "page 2"}


@needs_sample
@needs_tesseract
def test_identity_fields_read_as_the_page_shows_them(scanned):
    identity = scanned[0].identity
    assert set(identity) == set(IDENTITY_KEYS)
    assert near(identity["name"], "Fasilitasi Keberatan Informasi Publik")
    assert near(identity["government"], "PEMERINTAH PROVISI KALIMANTAN BARAT")
    assert near(identity["office"], "DINAS KOMUNIKASI DAN INFORMATIKA")
    # handwritten: only roughly read (Tesseract reads print), but found in its cell
    assert near(identity["number"], "69/ DISKOMINFO/ 2024", at_least=0.6)
    assert "199303" in identity["approver_nip"]  # the printed NIP, partly under the stamp
    assert near(identity["approver_nip"], "19660408 199303 1 009", at_least=0.7)
    assert len(identity["legal_basis"]) == 9
    assert near(identity["legal_basis"][0],
                "Undang - Undang No. 14 Tahun 2008 tentang Keterbukaan informasi Publik")
    assert near(identity["legal_basis"][8],
                "Keputusan Gubernur Kalbar No 7/DISKOMINFO/2020 tentang Pembentukan Pengelola "
                "Layanan Informasi dan Dokumentasi di Lingkungan Pemerintah Provinsi "
                "Kalimantan Barat")
    shown_qualifications = ["Minimal SMA/Sederajat", "Menguasai Komputer dan Tata Pembukuan",
                            "Memiliki pengetahuan mengenai Pelayanan Prima",
                            "Memiliki Tata Krama"]
    assert len(identity["qualifications"]) == 4
    assert all(near(r, s) for r, s in zip(identity["qualifications"], shown_qualifications,
                                          strict=True))
    assert len(identity["equipment"]) == 4
    assert near(identity["equipment"][1],
                "Formulir Keberatan Atas Pemberian Informasi Oleh Pemohon Informasi")
    assert len(identity["warnings"]) == 3
    # empty on the page: empty here, and named as not read
    assert identity["revised"] == "" and identity["related"] == [] and identity["records"] == []
    missing = {p.path for p in scanned[0].problems if "tidak terbaca dari pindaian" in p.message}
    assert {"identity.revised", "identity.related", "identity.records",
            "identity.address"} <= missing
    assert "identity.name" not in missing


@needs_sample
@needs_tesseract
def test_procedure_rows_and_lanes_read_and_the_flowchart_left_to_a_person(scanned):
    sop = scanned[0]
    shown_lanes = ("Pemohon Informasi", "Atasan PPID", "Petugas PPID")
    assert len(sop.lanes) == 3
    assert all(near(r, s) for r, s in zip(sop.lanes, shown_lanes, strict=True))
    assert [step.no for step in sop.steps] == ["1", "2", "3"]
    shown = ["Mengajukan keberatan atau pemberian informasi yang dapat dilakukan secara "
             "offline dengan mengisi formulir yang ada di meja layanan maupun secara online "
             "melalui aplikasi SIP PPID",
             "Menerima langsung pengadaan keberatan atas pemberian informasi oleh pemhohon "
             "informasi",
             "Mencatat dan mendokumentasikan keberatan atas pemberian informasi oleh pemohon "
             "ini sebegai dokumen PPID"]
    for step, activity in zip(sop.steps, shown, strict=True):
        assert near(step.activity, activity)
        assert near(step.requirements, "Aplikasi SIP PPID, Formulir keberatan", at_least=0.8)
        assert norm(step.time) == "30 hari"
        assert step.page == 2
        # not rebuilt from the picture: no lanes, no decision invented
        assert step.lanes == () and step.shape == "process" and step.yes is None
    assert near(sop.steps[1].output, "Dokumen keberatan dari pemohon")
    paths = {p.path: p.message for p in sop.problems}
    assert any(p.path == "page 2" and p.message.startswith(
        "diagram alir pada halaman 2 tidak terbaca dari pindaian") for p in sop.problems)
    assert {f"steps[{i}].lanes" for i in (1, 2, 3)} <= set(paths)
    # the Ya/Tidak labels beside step 2's diamond are read: a decision to check there only
    assert "steps[2].shape" in paths
    assert "steps[1].shape" not in paths and "steps[3].shape" not in paths


@needs_sample
def test_without_an_engine_the_pages_come_back_with_empty_fields_to_type_in():
    [sop] = read_scan(SCAN, engine=None)
    assert sop.pages == (1, 2)
    assert sop.ocr is False
    assert sop.steps == () and sop.lanes == ()
    assert all(value in ("", []) for value in sop.identity.values())
    messages = [p.message for p in sop.problems]
    assert any("mesin OCR (Tesseract) tidak tersedia" in m for m in messages)
    assert "identity.name" in {p.path for p in sop.problems}


@needs_sample
def test_an_engine_not_installed_is_the_same_as_none():
    [sop] = read_scan(SCAN, engine="tesseract-not-installed-here")
    assert sop.ocr is False
    assert any("tidak tersedia" in p.message for p in sop.problems)


@needs_sample
@needs_tesseract
def test_a_page_tesseract_cannot_finish_in_its_time_refuses_the_file():
    with pytest.raises(InputError, match=r"halaman 1 tidak terbaca: Tesseract tidak selesai"):
        read_scan(SCAN, page_seconds=0.01)


def _blank_pdf(path: Path, pages: int = 1, size: tuple[float, float] = (595, 842),
               password: str | None = None) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=size[0], height=size[1])
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    with path.open("wb") as out:
        writer.write(out)
    return path


def test_bad_files_are_refused_with_one_line_naming_the_file(tmp_path):
    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"^kosong\.pdf: berkas kosong$"):
        read_scan(empty)
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not a PDF at all\n")
    with pytest.raises(InputError, match=r"^rusak\.pdf: berkas rusak atau bukan PDF"):
        read_scan(broken)
    with pytest.raises(InputError, match=r"^hilang\.pdf: berkas tidak ditemukan"):
        read_scan(tmp_path / "hilang.pdf")
    locked = _blank_pdf(tmp_path / "terkunci.pdf", password="rahasia")
    with pytest.raises(InputError, match=r"^terkunci\.pdf: PDF dilindungi kata sandi"):
        read_scan(locked)


def test_limits_are_checked_before_any_page_is_read(tmp_path):
    huge = tmp_path / "besar.pdf"
    with huge.open("wb") as out:  # sparse: the size is checked, nothing is read
        out.truncate((MAX_MB + 1) * 1024 * 1024)
    with pytest.raises(InputError, match=rf"^besar\.pdf: berkas terlalu besar .*{MAX_MB} MB"):
        read_scan(huge)
    many = _blank_pdf(tmp_path / "tebal.pdf", pages=MAX_PAGES + 1)
    with pytest.raises(InputError, match=rf"terlalu banyak halaman \({MAX_PAGES + 1}; "):
        read_scan(many)
    poster = _blank_pdf(tmp_path / "poster.pdf", size=(4000, 500))
    with pytest.raises(InputError, match=r"^poster\.pdf: halaman 1 terlalu besar \(141 × 18"):
        read_scan(poster)


@needs_tesseract
def test_a_scan_with_no_sop_in_it_is_refused(tmp_path):
    blank = _blank_pdf(tmp_path / "kosong-halaman.pdf", pages=2)
    with pytest.raises(InputError, match=r"^kosong-halaman\.pdf: tidak ada SOP yang terbaca"):
        read_scan(blank)


BPS = SAMPLES / "bps" / "019. SOP Kearsipan - Penyusutan signed.pdf"


@pytest.mark.skipif(not BPS.exists() or shutil.which("tesseract") is None,
                    reason="needs the BPS sample and tesseract")
def test_a_printed_book_read_as_a_scan_other_layout_numbered_header_row():
    """BPS 019 read from its pictures alone (as if it were scanned). Page 1: Nomor SOP
    "SOP-019/17000/2025", Nama SOP "PEMUSNAHAN ARSIP", Tanggal Pembuatan and Efektif
    "2 Juni 2025", Disahkan oleh Kepala BPS Provinsi Bengkulu, Ir. Win Rizal, M.E., NIP
    196608251988021001 (no rank line). Page 2: lanes Pimpinan Unit Kearsipan II |
    Penanggungjawab Unit Pengolah | Arsiparis; Mutu Baku Kelengkapan | Waktu | Output, then
    "Ket."; a header row numbering the columns 1…9; steps 1-9, Waktu "2 menit/berkas",
    "2 menit/berkas", "3 menit/berkas", "5 menit", "5 menit", "10 menit", "1 menit/berkas",
    "5 menit", "4 jam"."""
    [sop] = read_scan(BPS)
    assert sop.pages == (1, 2)
    identity = sop.identity
    assert near(identity["number"], "SOP-019/17000/2025")
    assert near(identity["name"], "PEMUSNAHAN ARSIP")
    assert near(identity["created"], "2 Juni 2025") and near(identity["effective"], "2 Juni 2025")
    assert near(identity["approver_title"], "Kepala BPS Provinsi Bengkulu")
    assert near(identity["approver_name"], "Ir. Win Rizal, M.E.")
    assert identity["approver_rank"] == ""  # the page has none; nothing shifted into it
    assert identity["approver_nip"].replace(" ", "") == "196608251988021001"
    shown = ("Pimpinan Unit Kearsipan II", "Penanggungjawab Unit Pengolah", "Arsiparis")
    assert all(near(r, s, at_least=0.8) for r, s in zip(sop.lanes, shown, strict=True))
    assert [s.no for s in sop.steps] == [str(n) for n in range(1, 10)]  # not the 1…9 row
    times = ["2 menit/berkas", "2 menit/berkas", "3 menit/berkas", "5 menit", "5 menit",
             "10 menit", "1 menit/berkas", "5 menit", "4 jam"]
    assert sum(near(s.time, t) for s, t in zip(sop.steps, times, strict=True)) >= 8
    assert near(sop.steps[8].activity, "Menyusun Laporan Pemusnahan/Pemindahan")
    assert near(sop.steps[0].notes, "Tim Arsiparis")
    # a Waktu the program cannot read ("2 menit/berkas" today) is kept as written and
    # named; one it reads ("5 menit") is not
    unread = {p.path for p in sop.problems if "disimpan seperti tertulis" in p.message}
    for index, step in enumerate(sop.steps, start=1):
        assert (f"steps[{index}].time" in unread) == (standard_minutes(step.time) is None)
    assert "steps[4].time" not in unread
