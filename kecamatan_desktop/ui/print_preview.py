"""Cetak: the pages of a PDF in Qt's print preview, then on the printer the user chooses; F4
paper by default, A4 to choose, landscape pages kept landscape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from kecamatan_desktop.ui import strings

# ExactMatch: the fuzzy default would take F4 for US "German Legal" (8.5 x 13 in, 215.9 mm)
F4 = QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4",
               QPageSize.SizeMatchPolicy.ExactMatch)
A4 = QPageSize(QPageSize.PageSizeId.A4)
PAPERS = {"f4": F4, "a4": A4}
# The preview keeps every page as an image (Qt records them); 150 dpi is sharp on screen and
# about 10 MB an F4 page. The printer gets each page again at its own resolution, one at a time.
PREVIEW_DPI = 150
MAX_PRINT_DPI = 300  # 40 MB an F4 page; more only slows the spooler, toner shows no difference
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class PdfPages:
    """A PDF to print: its bytes, each page's size in points, and the preview's images."""

    data: bytes
    sizes: tuple[tuple[float, float], ...]
    images: tuple[QImage, ...]

    @property
    def count(self) -> int:
        return len(self.sizes)


def _render(page: pdfium.PdfPage, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGBX8888)
    return image.copy()  # the bitmap's memory is pdfium's and goes with it


def read_pages(data: bytes, progress: Progress | None = None) -> PdfPages:
    """Each page of the PDF `data` as a preview image; safe in a worker thread."""
    pdf = pdfium.PdfDocument(data)
    try:
        sizes, images = [], []
        for index in range(len(pdf)):
            page = pdf[index]
            sizes.append(tuple(page.get_size()))
            images.append(_render(page, PREVIEW_DPI))
            page.close()
            if progress is not None:
                progress(index + 1, len(pdf))
        return PdfPages(data, tuple(sizes), tuple(images))
    finally:
        pdf.close()


def make_printer(paper: str = "f4", title: str = "") -> QPrinter:
    """A printer on F4 or A4, portrait, the whole sheet ours: the PDF has its own margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(PAPERS[paper])
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(title or strings.PRINT_PREVIEW_TITLE)  # the print queue shows it
    return printer


def _is_landscape(size: tuple[float, float]) -> bool:
    return size[0] > size[1]


def _wanted(printer: QPrinter, count: int) -> list[int]:
    """The pages (0-based) the print dialog asked for, in order, copies made by hand where the
    printer cannot make them itself."""
    ranges = printer.pageRanges()
    pages = [i for i in range(count) if ranges.isEmpty() or ranges.contains(i + 1)]
    copies = 1 if printer.supportsMultipleCopies() else printer.copyCount()
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def paint_pages(pages: PdfPages, printer: QPrinter) -> None:
    """Draw the pages on `printer`: the preview's (Qt records drawings) or a real one."""
    preview = printer.paintEngine().type() == QPaintEngine.Type.Picture
    wanted = _wanted(printer, pages.count)
    if not wanted:
        return
    sheet_orientation = printer.pageLayout().orientation()
    sheet_landscape = sheet_orientation == QPageLayout.Orientation.Landscape
    pdf = None if preview else pdfium.PdfDocument(pages.data)
    painter = None
    try:
        for n, index in enumerate(wanted):
            # Qt's preview shows every page at one size, so there a page of the other
            # orientation lies turned on the sheet, as it leaves the printer; for a real
            # printer the page's own orientation is set and the driver turns it.
            turn = _is_landscape(pages.sizes[index]) != sheet_landscape
            if not preview:
                wanted_orientation = (QPageLayout.Orientation.Landscape if turn
                                      else QPageLayout.Orientation.Portrait)
                if (printer.pageLayout().orientation() == wanted_orientation
                        or printer.setPageOrientation(wanted_orientation)):
                    turn = False
            if n == 0:
                painter = QPainter()
                if not painter.begin(printer):
                    return  # the printer refused (off line, no paper): Qt has said why
            else:
                printer.newPage()
            if preview:
                image = pages.images[index]
            else:
                page = pdf[index]
                image = _render(page, min(printer.resolution(), MAX_PRINT_DPI))
                page.close()
            _draw(painter, printer, image, turn)
    finally:
        if painter is not None and painter.isActive():
            painter.end()
        if pdf is not None:
            pdf.close()
            printer.setPageOrientation(sheet_orientation)  # the next preview as before


def _draw(painter: QPainter, printer: QPrinter, image: QImage, turn: bool) -> None:
    sheet = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.translate(sheet.center())
    if turn:
        painter.rotate(-90)  # the page's top along the sheet's left edge, as drivers turn it
        sheet = QRectF(0, 0, sheet.height(), sheet.width())
    size = QSizeF(image.size()).scaled(sheet.size(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.drawImage(QRectF(QPointF(-size.width() / 2, -size.height() / 2), size), image)
    painter.restore()


class PrintPreview(QPrintPreviewDialog):
    """Qt's preview of `pages`; its Cetak button opens the system's print dialog."""

    def __init__(self, pages: PdfPages, paper: str, title: str = "",
                 parent: QWidget | None = None) -> None:
        self.printer = make_printer(paper, title)  # kept here: the dialog does not own it
        super().__init__(self.printer, parent)
        self.pages = pages
        self.setWindowTitle(strings.PRINT_PREVIEW_TITLE)
        self.paintRequested.connect(lambda printer: paint_pages(self.pages, printer))
