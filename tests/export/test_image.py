"""Flowchart images, read back: PNG pixel size at 300 dpi, SVG size and text, one file per page."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kecamatan_desktop.domain.errors import Cancelled, InputError
from kecamatan_desktop.domain.interchange import loads
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.drawing.scene import lay_out
from kecamatan_desktop.export.image import write_images
from tests.conftest import SEED_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
F4_LANDSCAPE_PT = (935.43, 609.45)
SVG = "{http://www.w3.org/2000/svg}"


def seed(sop_id: str) -> Sop:
    return loads((SEED_DIR / "sops" / f"{sop_id}.json").read_text(encoding="utf-8"))


def forty_steps() -> Sop:
    return loads((FIXTURES / "sop-40-langkah.json").read_text(encoding="utf-8"))


def dark_share(image: QImage, x0: int, y0: int, x1: int, y1: int) -> float:
    """Share of dark pixels in a region: text and lines are black on white paper."""
    total = dark = 0
    for y in range(y0, y1, 2):
        for x in range(x0, x1, 2):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 128
    return dark / total


def test_png_is_an_f4_landscape_page_at_300_dpi(qapp, tmp_path):
    target = tmp_path / "renstra.png"
    assert write_images(seed("poncokusumo-2018-renstra"), target) == [target]
    image = QImage(str(target))
    assert image.width() == pytest.approx(F4_LANDSCAPE_PT[0] * 300 / 72, abs=1)  # 3898 px
    assert image.height() == pytest.approx(F4_LANDSCAPE_PT[1] * 300 / 72, abs=1)  # 2539 px
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    px = 300 / 72
    page = lay_out(seed("poncokusumo-2018-renstra")).pages[0]
    title = page.title.rect
    assert dark_share(image, int(title.x * px), int(title.y * px), int(title.right * px),
                      int(title.bottom * px)) > 0.02
    # the margin around the table is blank paper: no sheet edge or shadow in a file
    assert image.pixelColor(5, 5).lightness() == 255
    assert image.pixelColor(image.width() - 5, image.height() - 5).lightness() == 255


def test_svg_is_readable_and_sized_in_points(qapp, tmp_path):
    target = tmp_path / "renstra.svg"
    assert write_images(seed("poncokusumo-2018-renstra"), target) == [target]
    renderer = QSvgRenderer(str(target))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    assert (box.width(), box.height()) == pytest.approx(F4_LANDSCAPE_PT, abs=0.01)
    root = ET.parse(target).getroot()
    assert root.get("width") == "329.988mm" and root.get("height") == "214.983mm"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for expected in ("Prosedur Penyusunan Renstra", "Kegiatan", "Pelaksana", "Kasubag Evapor",
                     "Menyusun konsep Renstra", "Ya", "Tidak"):
        assert expected in texts
    image = QImage(935, 609, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 935, 609))
    painter.end()
    assert dark_share(image, 28, 28, 907, 581) > 0.02


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_a_long_procedure_writes_one_numbered_file_per_page(qapp, tmp_path, suffix):
    sop = forty_steps()
    pages = len(lay_out(sop).pages)
    assert pages >= 3
    written = write_images(sop, tmp_path / f"musrenbang{suffix}")
    assert written == [tmp_path / f"musrenbang-{n}{suffix}" for n in range(1, pages + 1)]
    assert all(p.stat().st_size > 1000 for p in written)
    assert not (tmp_path / f"musrenbang{suffix}").exists()


def test_suffix_is_case_insensitive(qapp, tmp_path):
    target = tmp_path / "RENSTRA.PNG"
    assert write_images(seed("poncokusumo-2018-renstra"), target) == [target]
    assert not QImage(str(target)).isNull()


@pytest.mark.parametrize("name", ["renstra.jpg", "renstra.pdf", "renstra"])
def test_other_file_kinds_are_refused(qapp, tmp_path, name):
    with pytest.raises(InputError, match=r"\.png atau \.svg"):
        write_images(seed("poncokusumo-2018-renstra"), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_a_procedure_not_drawn_yet_is_refused(qapp, tmp_path):
    with pytest.raises(InputError, match="belum punya langkah prosedur"):
        write_images(seed("ngantang-2021-renja"), tmp_path / "renja.png")
    assert list(tmp_path.iterdir()) == []


def test_a_procedure_that_cannot_be_laid_out_is_refused(qapp, tmp_path):
    sop = seed("poncokusumo-2018-renstra")
    roles = tuple(f"Lajur {i}" for i in range(30))
    crowded = replace(sop, roles=roles, steps=tuple(replace(s, role=roles[0]) for s in sop.steps))
    with pytest.raises(InputError, match="lajur terlalu banyak"):
        write_images(crowded, tmp_path / "renstra.png")


def test_an_unwritable_place_is_bad_input(qapp, tmp_path):
    for name in ("renstra.png", "renstra.svg"):
        with pytest.raises(InputError, match="tidak dapat ditulis"):
            write_images(seed("poncokusumo-2018-renstra"), tmp_path / "tidak-ada" / name)


def test_stopped_after_the_first_page_leaves_no_file(qapp, tmp_path):
    seen = []
    with pytest.raises(Cancelled):
        write_images(forty_steps(), tmp_path / "musrenbang.png",
                     progress=lambda done, total: seen.append((done, total)) or False)
    assert seen == [(1, len(lay_out(forty_steps()).pages))]
    assert list(tmp_path.iterdir()) == []
