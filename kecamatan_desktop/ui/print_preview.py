"""Cetak: the pages of a PDF in Qt's print preview, each shown as soon as a worker has drawn
it, then on the printer the user chooses; F4 paper by default, A4 to choose, landscape pages
kept landscape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pypdfium2 as pdfium
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from kecamatan_desktop.domain.errors import Cancelled
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
SCREEN_MARGIN = 24  # px of the program's window left showing around the preview
TITLE_BAR = 32  # px: the window's frame adds it above the size set here
REFRESH_MS = 30  # pages that arrive meanwhile are shown together


@dataclass
class PdfPages:
    """A PDF to print: its bytes, each page's size in points, and the preview's images of the
    pages rendered so far (the GUI thread appends them as they come)."""

    data: bytes
    sizes: tuple[tuple[float, float], ...]
    images: list[QImage] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.sizes)


class PageFeed(QObject):
    """The worker's pages, on their way to the GUI thread: `opened` the document (every page's
    size, no image yet), then `rendered(index, image)` for each page in turn."""

    opened = Signal(object)
    rendered = Signal(int, object)


def _render(page: pdfium.PdfPage, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGBX8888)
    return image.copy()  # the bitmap's memory is pdfium's and goes with it


def _size(pdf: pdfium.PdfDocument, index: int) -> tuple[float, float]:
    page = pdf[index]
    try:
        return tuple(page.get_size())
    finally:
        page.close()


def stream_pages(data: bytes, feed: PageFeed, progress: Progress) -> int:
    """Render each page of the PDF `data` for the preview, handing each to `feed` as soon as
    it is drawn; in a worker thread. False from `progress(done, total)` stops (Cancelled).
    Returns the number of pages."""
    pdf = pdfium.PdfDocument(data)
    try:
        count = len(pdf)
        feed.opened.emit(PdfPages(data, tuple(_size(pdf, i) for i in range(count))))
        if not progress(0, count):
            raise Cancelled()
        for index in range(count):
            page = pdf[index]
            image = _render(page, PREVIEW_DPI)
            page.close()
            feed.rendered.emit(index, image)
            if not progress(index + 1, count):
                raise Cancelled()
        return count
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
    # the preview shows the pages rendered so far; a printer gets every page from the PDF
    wanted = _wanted(printer, len(pages.images) if preview else pages.count)
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
    """Qt's preview, nearly as large as the screen at page width, showing each page as soon as
    the worker has drawn it (`show_pages_from`), with the progress and Batal below; its Cetak
    button (enabled once every page is there) opens the system's print dialog."""

    def __init__(self, paper: str, title: str = "", parent: QWidget | None = None) -> None:
        self.printer = make_printer(paper, title)  # kept here: the dialog does not own it
        super().__init__(self.printer, parent)
        self.pages: PdfPages | None = None
        self.task = None
        self.setWindowTitle(strings.PRINT_PREVIEW_TITLE)
        self.view = self.findChild(QPrintPreviewWidget)
        self.print_action = self._qt_action("Print")
        self.print_action.setEnabled(False)
        self.progress_label = QLabel(strings.PRINT_PREPARING, objectName="previewProgressLabel")
        self.progress_bar = QProgressBar(objectName="previewProgress")
        self.progress_bar.setRange(0, 0)  # the PDF is being built: how long is not known
        self.cancel_button = QPushButton(strings.TASK_CANCEL, objectName="previewCancel")
        self.cancel_button.clicked.connect(self.reject)
        self.progress_row = QWidget()
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(8, 0, 8, 4)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        self.layout().addWidget(self.progress_row)
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh.timeout.connect(self._update_preview)
        self.paintRequested.connect(self._paint)
        self.finished.connect(self._stop)
        self.findChild(QAction, "fitWidthAction").trigger()  # the toolbar shows it chosen
        self.fill_screen()

    def _qt_action(self, text: str) -> QAction:
        wanted = QCoreApplication.translate("QPrintPreviewDialog", text)
        return next(a for a in self.findChildren(QAction) if a.text() == wanted)

    def fill_screen(self) -> None:
        """The screen's free area (the taskbar left out) less a margin, the title bar too."""
        holder = self.parentWidget() or self
        area = holder.screen().availableGeometry()
        self.resize(area.width() - 2 * SCREEN_MARGIN,
                    area.height() - 2 * SCREEN_MARGIN - TITLE_BAR)
        self.move(area.x() + SCREEN_MARGIN, area.y() + SCREEN_MARGIN)

    def show_pages_from(self, feed: PageFeed) -> None:
        """Take the pages `feed` brings; connect before the worker starts, so none is lost."""
        feed.opened.connect(self._opened)
        feed.rendered.connect(self._rendered)

    def follow(self, task) -> None:
        """`task` (ui/worker.Task) makes the pages: its end ends the progress row; closing the
        preview, or Batal, stops it."""
        self.task = task
        task.finished.connect(self._complete)

    @Slot(object)
    def _opened(self, pages: PdfPages) -> None:
        self.pages = pages
        self.progress_bar.setRange(0, pages.count)
        self.progress_bar.setValue(0)

    @Slot(int, object)
    def _rendered(self, index: int, image: QImage) -> None:
        if self.pages is None or index != len(self.pages.images):
            return
        self.pages.images.append(image)
        self.progress_bar.setValue(index + 1)
        self.progress_label.setText(strings.PRINT_PAGES_READY.format(
            done=index + 1, total=self.pages.count))
        if index == 0:
            self.view.updatePreview()  # the first page at once
        elif not self._refresh.isActive():
            self._refresh.start()  # the next ones together: each update redraws them all

    def _update_preview(self) -> None:
        self._refresh.stop()
        if self.view.pageCount() != len(self.pages.images):
            self.view.updatePreview()

    @Slot(object)
    def _complete(self, _result: object) -> None:
        self._update_preview()
        self.progress_row.hide()
        self.print_action.setEnabled(True)

    def _paint(self, printer: QPrinter) -> None:
        if self.pages is not None:
            paint_pages(self.pages, printer)

    @Slot(int)
    def _stop(self, _result: int) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
