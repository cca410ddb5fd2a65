"""Flowchart pages to PNG (300 dpi) or SVG files, painted by the same items as the window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from kecamatan_desktop.domain.errors import Cancelled, InputError
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.drawing.scene import PagesScene, lay_out
from kecamatan_desktop.export.atomic import replacing
from kecamatan_desktop.layout.model import F4, LayoutError

# Messages of the bad-input errors raised here (Bahasa Indonesia).
BAD_SUFFIX = ("Jenis berkas gambar {suffix!r} tidak dikenal: pakai nama berkas yang berakhiran "
              ".png atau .svg")
NOT_DRAWN = ("SOP {name!r} belum punya langkah prosedur, jadi belum ada diagram alir yang "
             "dapat disimpan sebagai gambar")
CANNOT_WRITE = "Berkas gambar {path} tidak dapat ditulis"
SVG_DESCRIPTION = "Diagram alir SOP {name}, halaman {page} dari {pages}"

SUFFIXES = (".png", ".svg")
PNG_DPI = 300
_SVG_UNITS_PER_POINT = 10  # the SVG's size is whole units: tenths of a point keep F4 exact
_INCH_PER_METRE = 1 / 0.0254
MARK_TOP = 28.35  # pt: a draft's mark is centred in the page's 10 mm top margin

_app: QApplication | None = None


def ensure_application() -> None:
    """Qt paints only inside an application: make one (offscreen, no window) if none exists."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QApplication([sys.argv[0] if sys.argv else "kecamatan-desktop",
                             "-platform", "offscreen"])


def image_paths(path: Path, pages: int) -> list[Path]:
    """`path` for one page; FILE-1.png, FILE-2.png, … beside it for several."""
    if pages == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(1, pages + 1)]


def write_images(sop: Sop, path: Path, *,
                 progress: Callable[[int, int], bool | None] | None = None,
                 mark: str | None = None, paper: tuple[float, float] = F4) -> list[Path]:
    """Write the flowchart of `sop` to `path` (.png or .svg), one file per page, all or none;
    `progress(pages done, pages)` returning False stops it (Cancelled). `mark` (a draft's
    "DRAF — belum disimpan") is written across the top of every page. The pages are the
    PDF's sheets of `paper`: as many, with the same steps on each."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(BAD_SUFFIX.format(suffix=path.suffix or path.name))
    if not sop.steps:
        raise InputError(NOT_DRAWN.format(name=sop.name))
    ensure_application()
    try:
        layout = lay_out(sop, paper)
    except LayoutError as exc:
        raise InputError(str(exc)) from exc
    scene = PagesScene(layout)  # plain sheets, no parent: freed on return
    paths = image_paths(path, len(layout.pages))
    if not path.parent.is_dir():
        raise InputError(CANNOT_WRITE.format(path=path))
    with replacing(paths) as temps:
        for n, (target, temp) in enumerate(zip(paths, temps, strict=True)):
            if suffix == ".png":
                _write_png(scene, n, temp, target, mark)
            else:
                _write_svg(scene, n, temp, target, SVG_DESCRIPTION.format(
                    name=sop.name, page=n + 1, pages=len(paths)), mark)
            if progress is not None and progress(n + 1, len(paths)) is False:
                raise Cancelled
    return paths


def _render(scene: PagesScene, page: int, painter: QPainter, target: QRectF,
            mark: str | None) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing)
    sheet = scene.page_rect(page)
    scene.render(painter, target, sheet, Qt.AspectRatioMode.IgnoreAspectRatio)
    if mark:  # in the page's top margin (10 mm), as on the PDF's pages
        scale = target.width() / sheet.width()
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(1, round(10 * scale)))  # 10 pt of the sheet, on any device
        painter.setFont(font)
        painter.setPen(QColor(191, 0, 0))
        painter.drawText(QRectF(target.left(), target.top(), target.width(), MARK_TOP * scale),
                         Qt.AlignmentFlag.AlignCenter, mark)


def _write_png(scene: PagesScene, page: int, temp: Path, target: Path,
               mark: str | None = None) -> None:
    sheet = scene.page_rect(page)
    scale = PNG_DPI / 72
    image = QImage(round(sheet.width() * scale), round(sheet.height() * scale),
                   QImage.Format.Format_RGB32)
    dots_per_metre = round(PNG_DPI * _INCH_PER_METRE)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        _render(scene, page, painter, QRectF(0, 0, image.width(), image.height()), mark)
    finally:
        painter.end()
    if not image.save(str(temp), "PNG"):
        raise InputError(CANNOT_WRITE.format(path=target))


def _write_svg(scene: PagesScene, page: int, temp: Path, target: Path,
               description: str, mark: str | None = None) -> None:
    sheet = scene.page_rect(page)
    generator = QSvgGenerator()
    generator.setFileName(str(temp))
    # width and height in real units (the generator writes millimetres); drawing in points
    generator.setResolution(72 * _SVG_UNITS_PER_POINT)
    generator.setSize(QSize(round(sheet.width() * _SVG_UNITS_PER_POINT),
                            round(sheet.height() * _SVG_UNITS_PER_POINT)))
    generator.setViewBox(QRectF(0, 0, sheet.width(), sheet.height()))
    generator.setTitle(description)
    generator.setDescription(description)
    painter = QPainter()
    if not painter.begin(generator):
        raise InputError(CANNOT_WRITE.format(path=target))
    try:
        _render(scene, page, painter, QRectF(0, 0, sheet.width(), sheet.height()), mark)
    finally:
        painter.end()
