"""Real books printed and read back: BPS 019 (a step in three lanes) as imported from its PDF,
the BASARNAS workbook's dates as written ("Oktober 2024"), a book that names no date or NIP,
and a Waktu merged over several steps printed once."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from pypdf import PdfReader

from kecamatan_desktop.bookimport.reading import read_book, to_interchange
from kecamatan_desktop.domain.interchange import sop_from_dict
from kecamatan_desktop.domain.sop import Approver
from kecamatan_desktop.export.pdf_document import F4, write_sop_pdf
from kecamatan_desktop.layout.sheet import lay_out_sheets
from kecamatan_desktop.services import printing
from kecamatan_desktop.services.printing import Book, OfficeProfile
from kecamatan_desktop.ui.identity_view import identity_html
from tests.export.sample_sops import seed_sop

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "import"
BPS_019 = SAMPLES / "bps" / "019. SOP Kearsipan - Penyusutan signed.pdf"
BASARNAS = SAMPLES / "excel" / "SOP-0008.xlsx"
pytestmark = pytest.mark.skipif(not BPS_019.exists() or not BASARNAS.exists(),
                                reason="the sample books are beside the project")


def imported(path: Path):
    """The first SOP of a book file as `import-book` makes it: read, mapped, checked."""
    found = read_book(path)
    doc, _ = to_interchange(found[0], office=None)
    return sop_from_dict(doc)


@pytest.fixture(scope="module")
def penyusutan():
    return imported(BPS_019)


@pytest.fixture(scope="module")
def emergency_call():
    return imported(BASARNAS)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_bps_019_prints_step_3_in_its_three_lanes(penyusutan, tmp_path):
    sop = penyusutan
    assert sop.steps[2].roles == ("Pimpinan Unit Kearsipan II",
                                  "Penanggungjawab Unit Pengolah", "Arsiparis")
    path = write_sop_pdf(sop, tmp_path / "penyusutan.pdf")
    reader = PdfReader(path)
    assert len(reader.pages) == 3  # cover, identity sheet, one flowchart sheet
    sheet = reader.pages[2].extract_text()
    for lane in sop.roles:
        assert squash(lane) in squash(sheet)
    for step in sop.steps:
        assert squash(step.activity) in squash(sheet)
    # the shapes as drawn on the sheet: path objects exactly where the layout put each of
    # step 3's and step 8's shapes, one in each of their three lanes, in one row
    layout = lay_out_sheets(sop, F4)
    height = layout.pages[0].height
    pdf = pdfium.PdfDocument(str(path))
    try:
        bounds = [o.get_bounds() for o in pdf[2].get_objects()
                  if o.type == pdfium_raw.FPDF_PAGEOBJ_PATH]
    finally:
        pdf.close()

    def drawn(rect) -> bool:  # the path's bounds are the shape's, widened by half its pen
        return any(abs(left - rect.x) < 1 and abs(right - rect.right) < 1
                   and abs(top - (height - rect.y)) < 1
                   and abs(bottom - (height - rect.bottom)) < 1
                   for left, bottom, right, top in bounds)

    for step in (2, 7):
        shapes = layout.shapes_of_step(step)
        assert len(shapes) == 3 and len({s.rect.y for s in shapes}) == 1
        assert all(drawn(s.rect) for s in shapes), step
    assert len(layout.shapes_of_step(5)) == 2  # step 6: Pimpinan and Arsiparis
    # the join of step 3 starts where step 2's arrow ends: the fork of the book
    page = layout.pages[0]
    (into,) = [a for a in page.arrows if a.target == 2]
    assert {j.points[0] for j in page.joins if j.source == 2} == {into.points[-1]}
    assert into.points[0].x == into.points[-1].x  # step 2 is Arsiparis': straight down


def test_bps_019_identity_sheet_prints_as_the_book(penyusutan, tmp_path):
    path = write_sop_pdf(penyusutan, tmp_path / "penyusutan.pdf")
    text = PdfReader(path).pages[1].extract_text()
    assert "02 Juni 2025" in text and "NIP. 19660825 198802 1 001" in text
    assert "None" not in text


def test_dates_as_the_workbook_writes_them(emergency_call, tmp_path):
    sop = emergency_call
    assert sop.created is None and sop.created_text == "Oktober 2024"
    sheet = printing.identity_sheet(sop)
    assert dict(sheet.rows) == {"Nomor SOP": sop.number, "Tanggal Pembuatan": "Oktober 2024",
                                "Tanggal Revisi": "-", "Tanggal Efektif": "Novermber 2024"}
    assert printing.cover_year(sop) == 2024
    assert printing.sop_cover(sop, None).office_lines[-1] == "Tahun 2024"
    path = write_sop_pdf(sop, tmp_path / "sop-0008.pdf")
    reader = PdfReader(path)
    identity = reader.pages[1].extract_text()
    assert "Oktober 2024" in identity and "Novermber 2024" in identity
    assert "None" not in "".join(p.extract_text() for p in reader.pages)
    html = identity_html(sop, 1)
    assert "Oktober 2024" in html and "None" not in html


def _nothing_written():
    """A book that writes no date at all and names no approver: all of it stays empty."""
    sop = seed_sop("poncokusumo-2018-renja")
    return replace(sop, created=None, revised=None, effective=None,
                   approved_by=Approver(title="", name="", rank="", nip=""))


def test_a_sheet_without_dates_or_nip_prints_them_empty(tmp_path):
    sop = _nothing_written()
    sheet = printing.identity_sheet(sop)
    assert [value for _, value in sheet.rows[1:]] == ["", "-", ""]
    assert sheet.approver.nip == "" and sheet.approver.title == ""
    assert printing.cover_year(sop) is None
    assert not any(line.startswith("Tahun") for line in printing.sop_cover(sop, None).office_lines)
    reader = PdfReader(write_sop_pdf(sop, tmp_path / "kosong.pdf"))
    cover, identity = (reader.pages[i].extract_text() for i in (0, 1))
    assert "Tahun" not in cover
    assert "None" not in cover + identity and "NIP" not in identity
    assert "Tanggal Pembuatan" in identity
    html = identity_html(sop, 1)
    assert "None" not in html and "NIP" not in html


def test_a_book_whose_sops_name_no_year_has_the_profile_s():
    sop = _nothing_written()
    stored = SimpleNamespace(sop=sop, cover_title=None)
    profile = OfficeProfile(name="Kecamatan Uji", government="Pemerintah Kabupaten Uji",
                            book_year=2025)
    assert Book(profile=profile, decree=None, sops=(stored,)).cover().office_lines[-1] == \
        "Tahun 2025"
    dated = replace(sop, effective_text="Desember 2026")
    later = SimpleNamespace(sop=dated, cover_title=None)
    assert Book(profile=profile, decree=None, sops=(stored, later)).cover().office_lines[-1] \
        == "Tahun 2026"


def test_a_merged_waktu_is_printed_once(tmp_path):
    sop = seed_sop("poncokusumo-2018-renja")
    steps = list(sop.steps)
    steps[2] = replace(steps[2], time="Paling lambat 17 hari kerja", time_span=3)
    steps[3] = replace(steps[3], time="")
    steps[4] = replace(steps[4], time="")
    sop = replace(sop, steps=tuple(steps), revised=date(2026, 1, 5))
    reader = PdfReader(write_sop_pdf(sop, tmp_path / "renja.pdf"))
    sheet = "".join(p.extract_text() for p in reader.pages[2:])
    assert squash(sheet).count("Palinglambat17harikerja") == 1
