"""Identity sheets of any length, read back from the PDF: the lists run on over pages, a
heading never ends a page without its first item, the signature block stays whole, and an
SOP that still cannot be laid out is named in one line (the book prints the rest if asked)."""

from __future__ import annotations

import re
import time
from dataclasses import replace

import pytest
from pypdf import PdfReader

from kecamatan_desktop.domain.sop import IDENTITY_LABELS
from kecamatan_desktop.export.pdf_document import (
    NotPrintable,
    UnprintableSops,
    unprintable_sops,
    write_book_pdf,
    write_sop_pdf,
)
from kecamatan_desktop.export.pdf_lists import ListPair
from kecamatan_desktop.export.pdf_sheets import CENTER_BOLD, HEADING_FILL, numbered, para
from kecamatan_desktop.services import printing
from kecamatan_desktop.services.catalogue import StoredSop
from tests.export.sample_sops import seed_sop

LAW = ("Peraturan Menteri Dalam Negeri Republik Indonesia Nomor {} Tahun 2019 tentang "
       "Pedoman Penyusunan SOP Administrasi Pemerintahan di Kecamatan")  # ~125 characters


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def laws(count: int) -> tuple[str, ...]:
    return tuple(LAW.format(i) for i in range(1, count + 1))


def long_sheet(count: int):
    return replace(seed_sop("poncokusumo-2018-renstra"), legal_basis=laws(count))


def portrait_texts(reader: PdfReader) -> list[str]:
    return [squash(p.extract_text()) for p in reader.pages
            if float(p.mediabox.width) < float(p.mediabox.height)]


def pages_with(texts: list[str], text: str) -> list[int]:
    return [i for i, page in enumerate(texts) if squash(text) in page]


def assert_sheet_reads_whole(reader: PdfReader, sop) -> None:
    texts = portrait_texts(reader)
    sheet = texts[1:]  # after the cover
    signature = [sop.approved_by.title.upper(), sop.approved_by.name, sop.approved_by.rank,
                 "NIP.19650202198710", "Disahkanoleh"]
    assert len({pages_with(sheet, part)[0] for part in signature}) == 1
    for left, right in printing.GRID:
        pair = [f"{i}. {item[:40]}" for key in (left, right)
                for i, item in enumerate(getattr(sop, key), 1)]
        heading = IDENTITY_LABELS[left]
        for page in pages_with(sheet, heading):  # a heading, repeated or not, has items under
            assert pair and any(squash(item) in sheet[page] for item in pair), (heading, page)
    for key in ("legal_basis", "qualifications", "related", "records"):
        items, heading = getattr(sop, key), IDENTITY_LABELS[key]
        first = pages_with(sheet, heading)[0]
        assert squash(f"1. {items[0][:40]}") in sheet[first], heading
        for i, item in enumerate(items, 1):  # every item printed, in order
            assert pages_with(sheet, f"{i}. {item[:40]}"), (heading, i)


@pytest.mark.parametrize(("count", "sheet_pages"), [(20, 2), (25, 2), (120, 6)])
def test_a_long_dasar_hukum_runs_on_over_pages(tmp_path, count, sheet_pages):
    sop = long_sheet(count)
    reader = PdfReader(write_sop_pdf(sop, tmp_path / "panjang.pdf"))
    texts = portrait_texts(reader)
    assert len(texts) == 1 + sheet_pages
    assert len(reader.pages) == len(texts) + 1  # and its one flowchart sheet
    assert_sheet_reads_whole(reader, sop)


def test_twenty_laws_keep_their_heading_with_them(tmp_path):
    """The issue's case: the heading stood alone at the foot of the table's page."""
    reader = PdfReader(write_sop_pdf(long_sheet(20), tmp_path / "dua-puluh.pdf"))
    identity = portrait_texts(reader)[1]
    assert squash("Dasar Hukum") in identity and squash(f"1. {LAW.format(1)}") in identity
    assert "Nomor SOP" in reader.pages[1].extract_text()


def test_a_book_with_a_long_identity_sheet_prints(catalogue_db, tmp_path):
    with catalogue_db.session() as session:
        book = printing.load_book("Kecamatan Poncokusumo", session=session)
    long_one = StoredSop(long_sheet(25), revision=1, current_revision=1)
    book = replace(book, sops=(book.sops[0], long_one))
    texts = [squash(p.extract_text()) for p in PdfReader(
        write_book_pdf(book, tmp_path / "buku.pdf")).pages]
    assert pages_with(texts, f"25. {LAW.format(25)}")


def _items(count: int, width: float):
    return ListPair((para("Dasar Hukum", CENTER_BOLD), para("Kualifikasi", CENTER_BOLD)),
                    (numbered(laws(count)), numbered(("Mampu",))), width, HEADING_FILL)


def test_the_heading_does_not_go_without_the_first_item():
    pair = _items(3, 480)
    _, whole = pair.wrap(480, 10_000)
    head = pair.head_height()
    assert pair.split(480, head + 20) == []  # room for the heading and a line: wait
    here, later = pair.split(480, whole - 5)
    assert here.columns[0][:2] == pair.columns[0][:2] and here.columns[1] == pair.columns[1]
    assert later.columns[1] == [] and len(later.columns[0]) == 1  # the rest of the third


class _Top:
    _atTop = True


def test_at_the_head_of_a_page_even_the_first_item_is_cut_between_lines():
    pair = _items(1, 480)
    pair._frame = _Top()
    parts = pair.split(480, pair.head_height() + 30)  # two lines of its three
    assert len(parts) == 2 and parts[0].columns[0] and parts[1].columns[0]


TALL = ("Pembina Utama Madya pada Pemerintah Kabupaten Malang " * 6)[:300]


def tall_header(sop_id: str = "uji-kepala-tinggi"):
    """Within every limit, but its table of number, dates and signature outgrows a page."""
    sop = seed_sop("poncokusumo-2018-renja")
    return replace(sop, id=sop_id, name=TALL, number=TALL, created=None, created_text=TALL,
                   effective=None, effective_text=TALL, revised=None, revised_text=TALL,
                   approved_by=replace(sop.approved_by, title=TALL, name=TALL, rank=TALL))


def test_an_sop_that_cannot_be_laid_out_is_named_in_one_line(tmp_path):
    target = tmp_path / "tinggi.pdf"
    with pytest.raises(NotPrintable) as refused:
        write_sop_pdf(tall_header(), target)
    message = str(refused.value)
    assert "\n" not in message and "(uji-kepala-tinggi) tidak dapat dicetak" in message
    assert "lebih tinggi dari satu halaman F4" in message
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_a_field_over_its_limit_is_named_before_any_layout(tmp_path):
    sop = replace(seed_sop("poncokusumo-2018-renja"), name="N" * 4_900_000)
    started = time.process_time()
    with pytest.raises(NotPrintable, match="Nama SOP terlalu panjang: 4.900.000 karakter"):
        write_sop_pdf(sop, tmp_path / "nama.pdf")
    assert time.process_time() - started < 5


def test_a_book_names_every_sop_it_cannot_print_and_prints_the_rest_if_asked(
        catalogue_db, tmp_path):
    with catalogue_db.session() as session:
        book = printing.load_book("Kecamatan Poncokusumo", session=session)
    bad = [StoredSop(tall_header(f"uji-tinggi-{i}"), revision=1, current_revision=1)
           for i in (1, 2)]
    book = replace(book, sops=(book.sops[0], bad[0], book.sops[1], bad[1]))
    target = tmp_path / "buku.pdf"
    with pytest.raises(UnprintableSops) as refused:
        write_book_pdf(book, target)
    assert [s.sop_id for s in refused.value.sops] == ["uji-tinggi-1", "uji-tinggi-2"]
    assert len(str(refused.value).splitlines()) == 2 and not target.exists()
    assert [s.sop_id for s in unprintable_sops(book, "f4")] == ["uji-tinggi-1", "uji-tinggi-2"]
    write_book_pdf(book, target, skip={"uji-tinggi-1", "uji-tinggi-2"})
    text = squash("".join(p.extract_text() for p in PdfReader(target).pages))
    assert squash(book.sops[0].sop.name) in text and squash(book.sops[2].sop.name) in text
    assert squash(TALL[:40]) not in text
