"""Headings go over with what they head (issue 26, 4): the decree's M E M U T U S K A N with
Menetapkan and the first diktum, read back from the printed book on F4 and A4."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from kecamatan_desktop.export.pdf_document import write_book_pdf, write_sop_pdf
from kecamatan_desktop.services import printing
from tests.export.sample_sops import seed_sop


@pytest.mark.parametrize("paper", ["f4", "a4"])
@pytest.mark.parametrize("office", ["Kecamatan Poncokusumo", "Kecamatan Ngantang"])
def test_memutuskan_goes_with_menetapkan_and_the_first_diktum(catalogue_db, tmp_path,
                                                              office, paper):
    with catalogue_db.session() as session:
        book = printing.load_book(office, session=session)
    reader = PdfReader(write_book_pdf(book, tmp_path / "book.pdf", paper=paper))
    texts = [page.extract_text() for page in reader.pages]
    page = next(t for t in texts if "M E M U T U S K A N" in t)
    after = page.split("M E M U T U S K A N", 1)[1]
    assert "Menetapkan" in after
    assert book.decree.decides[0].label in after


def test_trying_a_part_on_the_paper_writes_no_stray_file(tmp_path, monkeypatch):
    # sop_story lays the cover and the identity sheet out in memory first; a BytesIO once
    # went to ReportLab as its str() and a file "<_io.BytesIO object at …>" was left behind
    monkeypatch.chdir(tmp_path)
    write_sop_pdf(seed_sop("poncokusumo-2018-lkj"), tmp_path / "lkj.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lkj.pdf"]
