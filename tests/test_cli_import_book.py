"""`import-book`: an office's own SOP book read into sop-ap/1 SOPs; a dry run shows them with
their problems and writes nothing; an import adds them to the office in one transaction (all
or nothing unless --skip-bad), each revision naming the file and its SHA-256; a bad file is
one Indonesian line naming it, exit 2, nothing written."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import openpyxl
import pypdf
import pytest
from reportlab.pdfgen import canvas

from kecamatan_desktop.bookimport.pdf_reader import MAX_BYTES
from kecamatan_desktop.domain.interchange import sop_from_dict
from kecamatan_desktop.services import catalogue, editing
from kecamatan_desktop.services.session import open_catalogue
from tests.pg import contents
from tests.test_cli import run

SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "samples" / "import"
PDF = SAMPLES / "bps" / "019. SOP Kearsipan - Penyusutan signed.pdf"
XLSX = SAMPLES / "excel" / "SOP-0008.xlsx"
needs_samples = pytest.mark.skipif(not (PDF.is_file() and XLSX.is_file()),
                                   reason=f"the sample books are not at {SAMPLES}")
PDF_ID = "kecamatan-contoh-pemusnahan-arsip"
XLSX_ID = "kecamatan-contoh-penerimaan-berita-pada-emergency-call-115"
PYTHON_WORDS = ("Traceback", "Error", "Exception", "errno")


def _seeded(capsys, db_path):
    assert run(capsys, "--db", db_path, "list")[0] == 0
    return contents(db_path)


@needs_samples
def test_dry_run_json_shows_every_sop_as_a_valid_document_and_writes_nothing(capsys, db_path):
    before = _seeded(capsys, db_path)
    code, out, err = run(capsys, "--db", db_path, "import-book", PDF, XLSX, "--dry-run",
                         "--json")
    assert (code, err) == (0, "")
    entries = json.loads(out)
    assert [(Path(e["file"]).name, e["sop"]["id"]) for e in entries] == [
        (PDF.name, "tim-bagian-umum-pemusnahan-arsip"),
        (XLSX.name, "direktorat-kesiapsiagaan-penerimaan-berita-pada-emergency-call-115")]
    sops = [sop_from_dict(e["sop"], e["file"]) for e in entries]  # checked as `import` does
    arsip, berita = sops
    problems = [{p["path"]: p["message"] for p in e["problems"]} for e in entries]
    assert (arsip.number, arsip.name, len(arsip.steps)) == ("SOP-019/17000/2025",
                                                            "PEMUSNAHAN ARSIP", 9)
    assert arsip.approved_by.nip == "196608251988021001"
    assert arsip.steps[2].roles == ("Pimpinan Unit Kearsipan II",  # one step, three lanes
                                    "Penanggungjawab Unit Pengolah", "Arsiparis")
    assert "steps[3].lanes" not in problems[0]
    # Waktu kept as written; a rate per file is no length of a step, and is named
    assert arsip.steps[0].time == "2 menit/berkas" and "steps[1].time" in problems[0]
    # the workbook's two off-page connector rows are gone; the decision's Ya leads through
    # them to the last step, its Tidak back to step 3
    assert [s.no for s in berita.steps] == ["1", "2", "3", "4", "5"]
    assert (berita.steps[3].decision.yes, berita.steps[3].decision.no) == (5, 3)
    # "      Oktober 2024": no day written, kept as written, not made the 1st
    assert (berita.created, berita.created_text) == (None, "Oktober 2024")
    assert "tanpa hari" in problems[1]["identity.created"]
    assert berita.effective_text == "Novermber 2024"
    assert contents(db_path) == before


@needs_samples
def test_dry_run_plain_one_line_per_sop_then_its_problems(capsys, tmp_path):
    code, out, _ = run(capsys, "--db", tmp_path / "nothing.db", "import-book", XLSX,
                       "--dry-run")
    first, *rest = out.splitlines()
    assert code == 0 and first == (
        "Terbaca: direktorat-kesiapsiagaan-penerimaan-berita-pada-emergency-call-115  "
        "PENERIMAAN BERITA PADA EMERGENCY CALL 115: 5 langkah, 4 lajur, 5 masalah "
        "(SOP-0008.xlsx)")
    assert len(rest) == 5 and all(line.startswith("    identity.") for line in rest)
    assert not (tmp_path / "nothing.db").exists()  # a dry run does not even open it


@needs_samples
def test_import_adds_both_to_a_new_office_with_the_book_in_the_revision_note(capsys,
                                                                              db_path):
    code, out, err = run(capsys, "--db", db_path, "import-book", PDF, XLSX,
                         "--office", "Kecamatan Contoh")
    assert (code, err) == (0, "")
    assert [line.split()[1] for line in out.splitlines() if line.startswith("Ditambahkan:")
            ] == [PDF_ID, XLSX_ID]
    code, out, _ = run(capsys, "--db", db_path, "list", "--json")
    listed = {row["id"]: row for row in json.loads(out)}
    assert listed[PDF_ID]["office"] == listed[XLSX_ID]["office"] == "Kecamatan Contoh"
    assert (listed[PDF_ID]["steps"], listed[XLSX_ID]["steps"]) == (9, 5)
    db = open_catalogue(db_path)
    try:
        with db.session() as session:
            for sop_id, book in ((PDF_ID, PDF), (XLSX_ID, XLSX)):
                [revision] = editing.list_revisions(sop_id, session=session)
                digest = hashlib.sha256(book.read_bytes()).hexdigest()
                assert revision.note == f"Diimpor dari buku {book.name} (SHA-256 {digest})"
            stored = catalogue.get_sop(XLSX_ID, session=session).sop
            assert stored.office.government == "BADAN NASIONAL PENCARIAN DAN PERTOLONGAN"
            assert stored.steps[3].decision.yes == 5
    finally:
        db.close()


def _empty_pdf(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@needs_samples
def test_one_bad_file_and_nothing_is_imported(capsys, db_path, tmp_path):
    before = _seeded(capsys, db_path)
    bad = _empty_pdf(tmp_path / "kosong.pdf")
    code, out, err = run(capsys, "--db", db_path, "import-book", PDF, bad,
                         "--office", "Kecamatan Contoh")
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "Berkas kosong.pdf kosong (0 bita).",
        "Impor dibatalkan, tidak ada SOP yang diimpor (1 SOP lainnya dapat diimpor); perbaiki "
        "berkasnya, atau pakai --skip-bad untuk mengimpor yang benar saja."]
    assert contents(db_path) == before


@needs_samples
def test_skip_bad_adds_the_good_ones_and_lists_the_bad(capsys, db_path, tmp_path):
    bad = _empty_pdf(tmp_path / "kosong.pdf")
    code, out, err = run(capsys, "--db", db_path, "import-book", bad, PDF,
                         "--office", "Kecamatan Contoh", "--skip-bad")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith(f"Ditambahkan: {PDF_ID}  PEMUSNAHAN ARSIP: 9 langkah")
    assert "Dilewati: Berkas kosong.pdf kosong (0 bita)." in out.splitlines()
    code, out, _ = run(capsys, "--db", db_path, "list", "--json")
    assert PDF_ID in {row["id"] for row in json.loads(out)}
    # the same book again: its SOP is in the catalogue already, so nothing is added
    before = contents(db_path)
    code, out, err = run(capsys, "--db", db_path, "import-book", PDF, "--office",
                         "Kecamatan Contoh")
    assert code == 2 and f"id '{PDF_ID}' sudah ada di katalog" in err
    assert contents(db_path) == before


def test_an_sop_the_model_cannot_hold_is_refused_saying_why(capsys, tmp_path):
    book = tmp_path / "buku.md"
    book.write_text(
        "| PEMERINTAH KABUPATEN CONTOH | Nomor SOP | 470/ /2024 |\n|---|---|---|\n"
        "| KECAMATAN CONTOH | Nama SOP | Pelayanan Surat |\n"
        "| | Tanggal Pembuatan | 2 Januari 2024 |\n| | Tanggal Efektif | 2 Januari 2024 |\n\n"
        "| No | Kegiatan | Pelaksana | | Waktu |\n|---|---|---|---|---|\n"
        "| | | Pemohon | Kasi | |\n"
        "| 1 | Mengajukan | | | 5 menit |\n| 2 | Memeriksa | | | 1 jam |\n",
        encoding="utf-8")
    code, out, err = run(capsys, "--db", tmp_path / "k.db", "import-book", book, "--dry-run",
                         "--json")
    assert code == 2
    [entry] = json.loads(out)
    assert entry["sop"] is None
    assert {p["path"] for p in entry["problems"]} >= {
        "identity.approver_nip", "identity.approver_title", "steps[1].lanes", "steps[2].lanes"}
    [line] = err.splitlines()
    # what a book may lack (the approver) is a problem; a step without a lane refuses
    assert line == ("Berkas buku.md: SOP 'Pelayanan Surat' tidak dapat disimpan: langkah 1–2: "
                    "tanpa pelaksana (lajur); setiap langkah memerlukan sedikitnya satu lajur")


def _pdf_with_text(path: Path) -> Path:
    page = canvas.Canvas(str(path))
    for n in range(6):
        page.drawString(72, 700 - 20 * n, f"Surat edaran nomor {n} tentang jam kerja kantor")
    page.showPage()
    page.save()
    return path


def _encrypted_pdf(path: Path) -> Path:
    writer = pypdf.PdfWriter(clone_from=str(_pdf_with_text(path.with_name("polos.pdf"))))
    writer.encrypt(user_password="rahasia", owner_password="pemilik")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _huge_pdf(path: Path) -> Path:
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    return path


def _corrupt_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    return path


def _corrupt_workbook(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    return path


def _staff_list(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active["A1"], book.active["A2"] = "Daftar pegawai", "Nama"
    book.save(path)
    return path


def _picture(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return path


@pytest.mark.parametrize(("name", "make", "words"), [
    ("kosong.xlsx", _empty_pdf, "kosong"),
    ("rusak.pdf", _corrupt_pdf, "rusak"),
    ("terkunci.pdf", _encrypted_pdf, "kata sandi"),
    ("besar.pdf", _huge_pdf, "terlalu besar"),
    ("surat.pdf", _pdf_with_text, "tidak berisi tabel prosedur"),
    ("rusak.xlsx", _corrupt_workbook, "rusak"),
    ("pegawai.xlsx", _staff_list, "tidak ada lembar prosedur"),
    ("logo.png", _picture, "bukan buku SOP"),
    ("hilang.pdf", lambda path: path, "tidak ditemukan"),
])
def test_a_bad_file_is_one_line_naming_it_and_nothing_is_written(capsys, tmp_path, name, make,
                                                                 words):
    path = make(tmp_path / name)
    db = tmp_path / "k.db"
    code, out, err = run(capsys, "--db", db, "import-book", path, "--office", "Kecamatan Contoh")
    [line] = err.splitlines()
    assert code == 2 and out == "" and name in line and words in line, line
    assert not any(word in line for word in PYTHON_WORDS), line
    assert not db.exists()  # refused before the database is opened


def test_an_empty_office_name_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, "--db", tmp_path / "k.db", "import-book", tmp_path / "a.pdf",
                       "--office", " ")
    assert code == 2 and err.strip() == "Nama kantor --office kosong; sebutkan nama kantornya."
