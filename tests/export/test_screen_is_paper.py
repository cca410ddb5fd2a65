"""Screen = paper (issue 26, 2): the window's layout, the PNG export and the PDF paginate
every seed SOP alike on F4 and A4, from one sheet of the paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from kecamatan_desktop.drawing.qt_measure import qt_measure
from kecamatan_desktop.drawing.scene import lay_out
from kecamatan_desktop.export.image import ensure_application, write_images
from kecamatan_desktop.export.pdf_document import write_sop_pdf
from kecamatan_desktop.export.pdf_fonts import measure
from kecamatan_desktop.layout.font_metrics import font_measure
from kecamatan_desktop.layout.model import A4, F4
from kecamatan_desktop.layout.sheet import lay_out_sheets
from tests.conftest import SEED_DIR
from tests.export.sample_sops import seed_sop

SEEDS = sorted(p.stem for p in (SEED_DIR / "sops").glob("*.json") if seed_sop(p.stem).steps)
PAPERS = {"f4": F4, "a4": A4}


def _steps_per_page(layout) -> list[list[int]]:
    return [[row.step for row in page.rows] for page in layout.pages]


@pytest.mark.parametrize("paper", ["f4", "a4"])
@pytest.mark.parametrize("sop_id", SEEDS)
def test_window_image_and_pdf_show_the_same_pages(sop_id, paper, tmp_path):
    sop = seed_sop(sop_id)
    ensure_application()
    screen = _steps_per_page(lay_out(sop, PAPERS[paper]))
    printed = _steps_per_page(lay_out_sheets(sop, PAPERS[paper]))
    assert screen == printed
    images = write_images(sop, tmp_path / "sop.png", paper=PAPERS[paper])
    assert len(images) == len(screen)
    reader = PdfReader(write_sop_pdf(sop, tmp_path / "sop.pdf", paper=paper))
    sheets = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(sheets) == len(screen)
    # each printed sheet holds the rows the window shows on that page, as wrapped there
    layout = lay_out(sop, PAPERS[paper])
    for page, sheet in zip(layout.pages, sheets, strict=True):
        printed_text = " ".join(sheet.extract_text().split())
        for row in page.rows:
            first_line = _activity_lines(layout, page, row.step)[0]
            assert " ".join(first_line.split()) in printed_text, (row.step, first_line)


def _activity_lines(layout, page, step: int) -> tuple[str, ...]:
    column = next(c for c in layout.columns if c.key == "activity")
    (cell,) = [c for c in page.cells if c.step == step and c.rect.x == column.x]
    return cell.text.lines


def test_one_measure_for_window_image_and_pdf():
    """The layout's widths are the embedded font's: ReportLab's to the last digit, Qt's
    (kerning and hinting off) within a hundred-thousandth."""
    ensure_application()
    texts = [t for sop_id in SEEDS for step in seed_sop(sop_id).steps
             for t in (step.activity, step.requirements, step.output, step.role)]
    texts += ["Musrenbangcam – “Renja” é ±"]
    for text in texts:
        for bold in (False, True):
            ours = font_measure(text, 9.5, bold)
            assert ours == pytest.approx(measure(text, 9.5, bold), rel=1e-12, abs=1e-9)
            assert ours == pytest.approx(qt_measure(text, 9.5, bold), rel=1e-4)


def test_lkj_a_point_too_tall_for_f4_gives_up_pad_and_prints_on_one_page(tmp_path):
    sop = seed_sop("poncokusumo-2018-lkj")
    layout = lay_out_sheets(sop, F4)
    assert _steps_per_page(layout) == [list(range(12))]
    assert Path(write_sop_pdf(sop, tmp_path / "lkj.pdf")).exists()
