"""The printed PDFs, read back: page sizes, texts, lanes, connectors, fonts, contents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from kecamatan_desktop.domain.errors import Cancelled
from kecamatan_desktop.export.pdf_document import (
    F4,
    write_book_pdf,
    write_sop_pdf,
)
from kecamatan_desktop.export.pdf_fonts import measure
from kecamatan_desktop.layout.model import A4_LANDSCAPE
from kecamatan_desktop.layout.sheet import lay_out_sheets
from kecamatan_desktop.layout.swimlane import layout_sop
from kecamatan_desktop.services import printing
from tests.export.sample_sops import long_sop, seed_sop

F4_LAND = (935.43, 609.45)
F4_PORT = (609.45, 935.43)
A4_LAND = (841.89, 595.28)


def size(page) -> tuple[float, float]:
    return round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def flowchart_pages(reader: PdfReader) -> list:
    return [p for p in reader.pages if float(p.mediabox.width) > float(p.mediabox.height)]


@pytest.fixture
def renstra_pdf(tmp_path, catalogue_db) -> PdfReader:
    """The Renstra as the program prints it: with its office's profile and cover title."""
    with catalogue_db.session() as session:
        printable = printing.load_printable("poncokusumo-2018-renstra", session=session)
    path = write_sop_pdf(printable.sop, tmp_path / "renstra.pdf", profile=printable.profile,
                         cover_title=printable.cover_title)
    return PdfReader(path)


def test_renstra_pages_and_sizes(renstra_pdf):
    sizes = [size(p) for p in renstra_pdf.pages]
    assert sizes == [F4_PORT, F4_PORT, F4_LAND]


def test_cover_and_identity_sheet_texts(renstra_pdf):
    cover = renstra_pdf.pages[0].extract_text()
    assert "STANDART OPERATING PROCEDURE" in cover
    assert "PENYUSUNAN RENCANA STRATEGIS (RENSTRA)" in cover
    assert "Tahun 2018" in cover
    identity = renstra_pdf.pages[1].extract_text()
    for text in ("PEMERINTAH KABUPATEN MALANG", "Nomor SOP", "065/ /35.07.07/2018",
                 "04 Januari 2018", "11 Januari 2018", "Tanggal Revisi", "CAMAT PONCOKUSUMO",
                 "Drs. SUKARLIN, M.Si.", "Pembina Tk. I", "NIP. 19650202 198710 1 001",
                 "Dasar Hukum", "Kualifikasi Pelaksana", "Pencatatan dan Pendataan",
                 "1. RPJMD Kabupaten Malang"):
        assert text in identity, text


def test_every_step_and_its_mutu_baku_is_printed(renstra_pdf):
    sop = seed_sop("poncokusumo-2018-renstra")
    text = squash("".join(p.extract_text() for p in flowchart_pages(renstra_pdf)))
    for step in sop.steps:
        for field in (step.activity, step.requirements, step.time, step.output, step.notes):
            assert squash(field) in text, field


def test_lane_names_on_every_flowchart_page(tmp_path):
    sop = long_sop(60)
    reader = PdfReader(write_sop_pdf(sop, tmp_path / "long.pdf"))
    pages = flowchart_pages(reader)
    assert len(pages) >= 3
    for page in pages:
        assert size(page) == F4_LAND
        text = page.extract_text()
        for heading in ("Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output",
                        "Keterangan", *sop.roles):
            assert heading in text, heading


def test_connector_labels_come_in_pairs(tmp_path):
    sop = long_sop(60)
    layout = lay_out_sheets(sop, F4)  # as the PDF lays it out
    labels = {c.label for page in layout.pages for c in page.connectors}
    assert labels, "a 60-step procedure crosses page breaks"
    reader = PdfReader(write_sop_pdf(sop, tmp_path / "long.pdf"))
    pages = flowchart_pages(reader)
    for label in labels:
        holding = [n for n, page in enumerate(pages)
                   if label in page.extract_text().split("\n")]
        assert len(holding) == 2, (label, holding)


def test_font_is_embedded(renstra_pdf):
    for page in renstra_pdf.pages:
        used = set(re.findall(rb"(/F[\w+]+) [\d.]+ Tf", page.get_contents().get_data()))
        assert used
        fonts = page["/Resources"]["/Font"]
        for name in used:
            font = fonts[name.decode()].get_object()
            assert "LiberationSans" in str(font["/BaseFont"])
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_a4_on_request(tmp_path):
    sop = seed_sop("poncokusumo-2018-renstra")
    reader = PdfReader(write_sop_pdf(sop, tmp_path / "a4.pdf", paper="a4"))
    assert size(reader.pages[0]) == (595.28, 841.89)
    assert size(flowchart_pages(reader)[0]) == A4_LAND
    assert layout_sop(sop, A4_LANDSCAPE, measure).pages


def test_sop_without_steps_has_no_flowchart_page(tmp_path):
    reader = PdfReader(write_sop_pdf(seed_sop("ngantang-2021-iku"), tmp_path / "iku.pdf"))
    assert [size(p) for p in reader.pages] == [F4_PORT, F4_PORT]
    assert squash("Penyusunan Indikator Kinerja Utama (IKU)") in squash(
        reader.pages[1].extract_text())


def test_book_contents_name_the_real_start_pages(catalogue_db, tmp_path):
    with catalogue_db.session() as session:
        book = printing.load_book("Kecamatan Poncokusumo", session=session)
    seen = []
    path = write_book_pdf(book, tmp_path / "buku.pdf", progress=lambda i, n: seen.append((i, n)))
    # one step per SOP drawn, then every page of ReportLab's two passes; never backwards
    assert seen[-1][0] == seen[-1][1] > 9 + 2 * 25
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    reader = PdfReader(path)
    texts = [p.extract_text() for p in reader.pages]
    toc_page = next(i for i, t in enumerate(texts) if "DAFTAR ISI" in t)
    toc = texts[toc_page]
    for stored in book.sops:
        name = stored.sop.name
        # pypdf reads each entry's leader dots and page number before its title
        match = re.search(r"(\d+)\n" + re.escape(name) + r"\n", toc)
        assert match, name
        page_no = int(match.group(1))
        start = texts[page_no - 1]
        assert "STANDART OPERATING PROCEDURE" in start
        assert squash(stored.cover_title) in squash(start)  # as the book's cover prints it
        assert texts[page_no].count("Nomor SOP") == 1  # the identity sheet follows
    decree = next(i for i, t in enumerate(texts) if "KEPUTUSAN CAMAT PONCOKUSUMO" in t)
    assert decree < toc_page
    diktum = texts[decree] + texts[decree + 1]
    assert "SOP Pemantauan Kinerja;" in diktum and "MEMUTUSKAN" in squash(diktum)
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert all(s.sop.name in outline for s in book.sops)


def test_unknown_office_is_named(catalogue_db):
    from kecamatan_desktop.domain.errors import InputError

    with catalogue_db.session() as session, pytest.raises(InputError, match="Kecamatan Tumpang"):
        printing.load_book("Kecamatan Tumpang", session=session)


def test_identity_sheet_data_is_pure():
    sheet = printing.identity_sheet(seed_sop("poncokusumo-2018-renja"))
    # without a profile the office is named as the SOP names it: no "Kantor" is added
    assert sheet.letterhead == ("PEMERINTAH KABUPATEN MALANG", "KECAMATAN PONCOKUSUMO")
    profile = printing.OfficeProfile(name="Kecamatan Poncokusumo", government="-",
                                     sheet_name="Kantor Kecamatan Poncokusumo")
    assert printing.identity_sheet(seed_sop("poncokusumo-2018-renja"), profile).letterhead[1] \
        == "KANTOR KECAMATAN PONCOKUSUMO"
    assert sheet.rows[2] == ("Tanggal Revisi", "-")
    assert sheet.approver.nip == "NIP. 19650202 198710 1 001"
    assert sheet.grid[2] == ("Peringatan", (), "Pencatatan dan Pendataan", ("Dokumen Renja",))


def test_book_cover_lists_office_and_year(catalogue_db):
    with catalogue_db.session() as session:
        book = printing.load_book(None, session=session)
    cover = book.cover()
    assert cover.title == "KECAMATAN PONCOKUSUMO"
    assert "Tahun 2018" in cover.office_lines


def test_letterhead_lines_from_profile(catalogue_db):
    with catalogue_db.session() as session:
        profile = printing.office_profile("Kecamatan Poncokusumo", session=session)
    lines = profile.letterhead_lines()
    assert lines[0] == "Jl. Raya Wonorejo No. 04 Telp. (0341) 787666"
    assert "poncokusumo@malangkab.go.id" in lines[1]
    assert lines[2] == "PONCOKUSUMO 65157"


def test_writing_to_a_missing_folder_fails_cleanly(tmp_path):
    with pytest.raises(OSError):
        write_sop_pdf(seed_sop("poncokusumo-2018-renja"), tmp_path / "tidak" / "ada.pdf")
    assert not (tmp_path / "tidak").exists()


def test_pdf_is_written_only_as_a_whole(tmp_path):
    target = tmp_path / "renja.pdf"
    write_sop_pdf(seed_sop("poncokusumo-2018-renja"), target)
    assert Path(target).read_bytes().startswith(b"%PDF")


def _png(width: int = 40, height: int = 40) -> bytes:
    import struct
    import zlib

    raw = b"".join(b"\x00" + bytes([200, 30, 30]) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                               0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_office_logo_is_printed_on_the_identity_sheet(catalogue_db, tmp_path):
    from kecamatan_desktop.domain.errors import InputError
    from kecamatan_desktop.services import offices

    with catalogue_db.session() as session:
        with pytest.raises(InputError, match="bukan gambar PNG atau JPG"):
            offices.set_office_logo("Kecamatan Poncokusumo", b"GIF89a...", session=session)
        offices.set_office_logo("Kecamatan Poncokusumo", _png(), session=session)
        profile = printing.office_profile("Kecamatan Poncokusumo", session=session)
    assert profile.logo is not None
    reader = PdfReader(write_sop_pdf(seed_sop("poncokusumo-2018-renja"), tmp_path / "l.pdf",
                                     profile=profile))
    images = reader.pages[1].images
    assert len(images) == 1
    plain = PdfReader(write_sop_pdf(seed_sop("poncokusumo-2018-renja"), tmp_path / "p.pdf"))
    assert len(plain.pages[1].images) == 0


def test_book_stopped_by_progress_leaves_no_file(catalogue_db, tmp_path):
    with catalogue_db.session() as session:
        book = printing.load_book("Kecamatan Poncokusumo", session=session)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        write_book_pdf(book, out / "buku.pdf", progress=lambda done, total: done < 20)
    assert list(out.iterdir()) == []
