"""The Keputusan Camat in the printed book (issue 14, 10): each office's decree read back,
and its signature never left alone on a page."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from kecamatan_desktop.export.pdf_document import write_book_pdf
from kecamatan_desktop.services import printing


def _decree_pages(catalogue_db, tmp_path, office: str, paper: str = "f4") -> list[str]:
    with catalogue_db.session() as session:
        book = printing.load_book(office, session=session)
    reader = PdfReader(write_book_pdf(book, tmp_path / f"{office}-{paper}.pdf", paper=paper))
    texts = [p.extract_text() for p in reader.pages]
    start = next(i for i, t in enumerate(texts) if "KEPUTUSAN CAMAT" in t)
    end = next(i for i, t in enumerate(texts) if "DAFTAR ISI" in t)
    return texts[start:end]


@pytest.mark.parametrize("paper", ["f4", "a4"])
@pytest.mark.parametrize("office", ["Kecamatan Poncokusumo", "Kecamatan Ngantang"])
def test_the_signature_goes_with_the_last_diktum(catalogue_db, tmp_path, office, paper):
    pages = _decree_pages(catalogue_db, tmp_path, office, paper)
    signed = next(t for t in pages if "Ditetapkan di" in t)
    assert "KEEMPAT" in signed


def test_poncokusumo_prints_its_decree_as_transcribed(catalogue_db, tmp_path):
    text = " ".join(" ".join(_decree_pages(catalogue_db, tmp_path,
                                           "Kecamatan Poncokusumo")).split())
    assert "NOMOR: 180/01.A/KEP/35.07.07/2018" in text
    assert "1. Undang-Undang Nomor 29 Tahun 2009 tentang Pelayanan Publik;" in text
    assert "Pada tanggal 04 Januari 2018" in text and "Drs. SUKARLIN, M.Si." in text
    # KEDUA lists the catalogue, not the seed's "SOP.....dan seterusnya....."
    assert "dan seterusnya" not in text and "9. SOP Penyusunan Laporan Kinerja" in text
    assert "NIP." not in text  # the book prints none under the name
    # after "Menetapkan :" the decision's own title, as decrees write it (issue 26)
    assert ("Menetapkan : KEPUTUSAN CAMAT PONCOKUSUMO KABUPATEN MALANG TENTANG STANDAR "
            "OPERASIONAL PROSEDUR") in text


def test_ngantang_numbers_its_template_decree_with_its_code(catalogue_db, tmp_path):
    text = " ".join(" ".join(_decree_pages(catalogue_db, tmp_path,
                                           "Kecamatan Ngantang")).split())
    assert "NOMOR: 180/ /KEP/35.07.27/2021" in text
    assert "KEPUTUSAN CAMAT NGANTANG KABUPATEN MALANG" in text
