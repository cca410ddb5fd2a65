"""Bad PDFs: one Indonesian line naming the file and what is wrong, before any parsing where
a limit is passed; a scan without text is told apart for OCR; a page whose text layer is
broken glyph by glyph is named and skipped."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from kecamatan_desktop.bookimport import pdf_reader
from kecamatan_desktop.bookimport.pdf_reader import MAX_BYTES, NoTextLayer, read_pdf
from kecamatan_desktop.domain.errors import InputError

SAMPLE = (Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "import" / "bps"
          / "019. SOP Kearsipan - Penyusutan signed.pdf")
PYTHON_WORDS = ("Traceback", "Errno", "PdfiumError", "Failed to load", "Exception")


def refusal(path: Path, kind: type[InputError] = InputError) -> str:
    with pytest.raises(kind) as info:
        read_pdf(path)
    message = str(info.value)
    assert path.name in message
    assert "\n" not in message
    assert not any(word in message for word in PYTHON_WORDS), message
    return message


def plain_page(path: Path, draw) -> Path:
    page = canvas.Canvas(str(path), pagesize=landscape(A4))
    draw(page)
    page.showPage()
    page.save()
    return path


def test_an_empty_file(tmp_path):
    path = tmp_path / "kosong.pdf"
    path.write_bytes(b"")
    assert "kosong" in refusal(path)


def test_corrupt_bytes(tmp_path):
    path = tmp_path / "rusak.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert "rusak" in refusal(path)


def test_not_a_pdf_at_all(tmp_path):
    path = tmp_path / "surat.pdf"
    path.write_text("Bukan PDF, hanya teks.", encoding="utf-8")
    assert "bukan PDF" in refusal(path)


def test_an_encrypted_pdf(tmp_path):
    source = plain_page(tmp_path / "polos.pdf", lambda c: c.drawString(72, 500, "Rahasia"))
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="rahasia", owner_password="pemilik")
    path = tmp_path / "terkunci.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert "kata sandi" in refusal(path)


def test_a_huge_file_is_refused_by_its_size_before_it_is_opened(tmp_path, monkeypatch):
    path = tmp_path / "besar.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk

    def never(*_args, **_kwargs):
        raise AssertionError("opened a file over the size limit")

    monkeypatch.setattr(pdf_reader.pdfium, "PdfDocument", never)
    assert "terlalu besar" in refusal(path)


def test_a_pdf_without_a_procedure_table(tmp_path):
    def letter(page):
        page.setFont("Helvetica", 11)
        for i, line in enumerate(["Kepada Yth. Camat", "Dengan hormat,",
                                  "Bersama ini kami sampaikan laporan kegiatan bulan ini.",
                                  "Demikian untuk menjadi perhatian."]):
            page.drawString(72, 520 - 16 * i, line)

    path = plain_page(tmp_path / "surat.pdf", letter)
    assert "tabel prosedur" in refusal(path)


def test_a_scan_without_any_text_is_handed_to_ocr(tmp_path):
    path = plain_page(tmp_path / "pindaian.pdf", lambda c: c.rect(50, 50, 700, 480, fill=1))
    message = refusal(path, NoTextLayer)
    assert "OCR" in message


@pytest.mark.skipif(not SAMPLE.is_file(), reason=f"no sample {SAMPLE}")
def test_a_page_with_a_text_layer_broken_glyph_by_glyph_is_named(tmp_path):
    def broken(page):
        page.setFont("Helvetica", 10)
        for i in range(12):  # every letter set apart: one character per word
            line = page.beginText(60, 540 - 14 * i)
            line.setCharSpace(6)
            line.textLine("Melaksanakan pemeriksaan berkas")
            page.drawText(line)

    extra = plain_page(tmp_path / "rusak.pdf", broken)
    writer = pypdf.PdfWriter(clone_from=str(SAMPLE))
    writer.append(str(extra))
    path = tmp_path / "buku dengan halaman rusak.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    (sop,) = read_pdf(path)
    assert len(sop.steps) == 9  # the SOP's own pages still read whole
    assert any(p.path == "page 3" and "rusak" in p.message for p in sop.problems)


def test_a_page_that_takes_too_long_is_named_and_skipped(monkeypatch):
    if not SAMPLE.is_file():
        pytest.skip(f"no sample {SAMPLE}")
    monkeypatch.setattr(pdf_reader, "PAGE_SECONDS", 0.0)
    with pytest.raises(InputError) as info:  # every page over its limit: nothing left to read
        read_pdf(SAMPLE)
    assert SAMPLE.name in str(info.value)
    assert "terlalu lama" in str(info.value)
