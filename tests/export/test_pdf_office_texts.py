"""Each office as it writes itself (issue 14, 6-9), read back from the printed PDFs."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from kecamatan_desktop.export.pdf_document import write_book_pdf, write_sop_pdf
from kecamatan_desktop.export.pdf_fonts import REGULAR, register_fonts
from kecamatan_desktop.services import offices, printing
from tests.export.test_pdf import _png

MM = 72 / 25.4


def _print(catalogue_db, tmp_path, sop_id: str) -> PdfReader:
    with catalogue_db.session() as session:
        p = printing.load_printable(sop_id, session=session)
    return PdfReader(write_sop_pdf(p.sop, tmp_path / f"{sop_id}.pdf", profile=p.profile,
                                   cover_title=p.cover_title))


def test_ngantang_names_itself_as_its_book_does(catalogue_db, tmp_path):
    reader = _print(catalogue_db, tmp_path, "ngantang-2021-iku")
    cover, identity = (p.extract_text() for p in reader.pages)
    assert "KECAMATAN NGANTANG" in identity and "KANTOR" not in identity
    # its book has no "STANDART OPERATING PROCEDURE (SOP)" line; the title as written
    assert "STANDART" not in cover and "(SOP)" not in cover
    assert "Penyusunan Indikator Kinerja Utama (IKU)" in cover


def test_poncokusumo_sheets_and_covers_as_its_book_prints_them(catalogue_db, tmp_path):
    reader = _print(catalogue_db, tmp_path, "poncokusumo-2018-data-kinerja-musrenbangcam")
    cover, identity = (p.extract_text() for p in reader.pages[:2])
    assert "KANTOR KECAMATAN PONCOKUSUMO" in identity
    lines = [line.strip() for line in cover.splitlines()]
    assert lines[:4] == ["STANDART OPERATING PROCEDURE", "(SOP)", "PENGUMPULAN DATA KINERJA",
                         "( Indikator Partisipasi Delegasi Musrenbang Kecamatan )"]


def test_dates_as_each_office_writes_them(catalogue_db, tmp_path):
    ngantang = _print(catalogue_db, tmp_path, "ngantang-2021-iku").pages[1].extract_text()
    assert ngantang.count("1 Pebruari 2021") == 3 and "Februari" not in ngantang
    assert "01 " not in ngantang
    poncokusumo = _print(catalogue_db, tmp_path, "poncokusumo-2018-renja").pages[1]
    text = poncokusumo.extract_text()
    assert "04 Januari 2018" in text and "11 Januari 2018" in text


def test_a_new_date_style_prints_on_that_office_only(catalogue_db, tmp_path):
    with catalogue_db.session() as session:
        offices.update_office_profile("Kecamatan Poncokusumo", session=session,
                                      date_zero_pad=False)
    text = _print(catalogue_db, tmp_path, "poncokusumo-2018-renja").pages[1].extract_text()
    assert "4 Januari 2018" in text and "04 Januari" not in text
    other = _print(catalogue_db, tmp_path, "ngantang-2021-iku").pages[1].extract_text()
    assert "1 Pebruari 2021" in other


def test_an_undrawn_procedure_says_so_on_its_identity_sheet(catalogue_db, tmp_path):
    undrawn = _print(catalogue_db, tmp_path, "ngantang-2021-iku")
    assert len(undrawn.pages) == 2
    text = re.sub(r"\s+", " ", undrawn.pages[1].extract_text())
    assert "Prosedur SOP ini belum digambar" in text
    drawn = _print(catalogue_db, tmp_path, "poncokusumo-2018-renja")
    assert "belum digambar" not in drawn.pages[1].extract_text()


def _footer_heights(page) -> list[float]:
    found: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.startswith("Halaman"):
            found.append(tm[5])
    page.extract_text(visitor_text=visit)
    return found


def test_covers_have_no_page_number_and_footers_keep_10_mm(catalogue_db, tmp_path):
    reader = _print(catalogue_db, tmp_path, "poncokusumo-2018-renstra")
    assert "Halaman" not in reader.pages[0].extract_text()
    for number, page in enumerate(reader.pages[1:], 2):
        assert f"Halaman {number}" in page.extract_text()
        (y,) = _footer_heights(page)
        assert y >= 10.5 * MM  # the baseline; the descender stays above 10 mm


def _fonts(reader: PdfReader) -> dict[str, dict]:
    fonts = {}
    for page in reader.pages:
        for key, ref in (page["/Resources"].get("/Font") or {}).items():
            fonts[key] = ref.get_object()
    return fonts


def _used_font_keys(reader: PdfReader) -> set[str]:
    used = set()
    for page in reader.pages:
        data = page.get_contents().get_data().decode("latin-1")
        used |= set(re.findall(r"(/[^\s/]+)\s+[\d.]+\s+Tf", data))
    return used


@pytest.fixture
def book_with_logo(catalogue_db, tmp_path) -> PdfReader:
    with catalogue_db.session() as session:
        offices.set_office_logo("Kecamatan Poncokusumo", _png(), session=session)
        book = printing.load_book("Kecamatan Poncokusumo", session=session)
    return PdfReader(write_book_pdf(book, tmp_path / "buku.pdf"))


def test_every_font_in_the_book_is_embedded_and_used(book_with_logo):
    fonts = _fonts(book_with_logo)
    assert fonts
    for key, font in fonts.items():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
            else font
        descriptor = descendant.get("/FontDescriptor")
        assert descriptor is not None and "/FontFile2" in descriptor.get_object(), \
            (key, font["/BaseFont"])
    assert set(fonts) == _used_font_keys(book_with_logo)


def test_the_logo_is_on_the_covers_and_the_decree(book_with_logo):
    texts = [p.extract_text() for p in book_with_logo.pages]
    decree = next(i for i, t in enumerate(texts) if "KEPUTUSAN CAMAT PONCOKUSUMO" in t)
    covers = [i for i, t in enumerate(texts) if "Nomor SOP" not in t
              and "Jl. Raya Wonorejo Nomor 04 Poncokusumo" in t]
    assert 0 in covers and len(covers) == 1 + 9
    for i in [*covers, decree]:
        assert len(book_with_logo.pages[i].images) == 1, i
        assert "Halaman" not in texts[i] or i == decree


def test_liberation_sans_lacks_the_check_mark():
    """Why the evaluation form draws ✓ in DejaVu Sans (tests/export/test_round_reports)."""
    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face
    assert ord("✓") not in face.charToGlyph
