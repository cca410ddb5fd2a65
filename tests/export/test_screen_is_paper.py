"""Screen = paper (issue 26, 2): the window's layout, the PNG export and the PDF paginate
every seed SOP alike on F4 and A4, from one sheet of the paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from kecamatan_desktop.drawing.scene import lay_out
from kecamatan_desktop.export.image import ensure_application, write_images
from kecamatan_desktop.export.pdf_document import flowchart_spec, write_sop_pdf
from kecamatan_desktop.export.pdf_fonts import measure
from kecamatan_desktop.layout.model import A4, F4
from kecamatan_desktop.layout.swimlane import layout_sop
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
    printed = _steps_per_page(layout_sop(sop, flowchart_spec(PAPERS[paper]), measure))
    assert screen == printed
    images = write_images(sop, tmp_path / "sop.png", paper=PAPERS[paper])
    assert len(images) == len(screen)
    reader = PdfReader(write_sop_pdf(sop, tmp_path / "sop.pdf", paper=paper))
    sheets = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(sheets) == len(screen)


def test_lkj_a_point_too_tall_for_f4_gives_up_pad_and_prints_on_one_page(tmp_path):
    sop = seed_sop("poncokusumo-2018-lkj")
    layout = layout_sop(sop, flowchart_spec(F4), measure)
    assert _steps_per_page(layout) == [list(range(12))]
    assert Path(write_sop_pdf(sop, tmp_path / "lkj.pdf")).exists()
