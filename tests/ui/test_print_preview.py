"""Cetak: the print preview opens nearly as large as the screen at page width and shows the pages
the PDF export makes, each as soon as it is drawn, with progress and Batal; the printer gets
them on F4 (A4 to choose), landscape pages landscape, only the pages and copies asked for."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import ImageChops, ImageFilter, ImageStat
from pypdf import PdfReader
from PySide6.QtGui import QAction, QPageLayout, QPageRanges, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QGraphicsView

from kecamatan_desktop.domain.errors import Cancelled
from kecamatan_desktop.layout.model import F4
from kecamatan_desktop.layout.sheet import lay_out_sheets
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.print_preview import (
    A4,
    SCREEN_MARGIN,
    TITLE_BAR,
    PageFeed,
    stream_pages,
)
from tests.ui import test_printing_ui

window = test_printing_ui.window  # the same window fixture
SOP = "poncokusumo-2018-renstra"  # cover and identity sheet portrait, one flowchart landscape
LONG_SOP = "uji-musrenbang-kecamatan"  # 40 steps: cover, identity sheet, four flowchart pages
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "sop-40-langkah.json"


@pytest.fixture
def exported(window, tmp_path, finish):
    """The SOP's PDF as Ekspor PDF writes it."""
    window.select_sop(SOP)
    window.printing.ask_pdf_path = lambda suggested: tmp_path / suggested
    return finish(window.printing.export_pdf())


@pytest.fixture
def preview(qtbot, window, finish):
    """Cetak (Ctrl+P) up to the preview, which the test shows instead of exec()."""
    shown = []
    window.printing.show_preview = shown.append
    window.select_sop(SOP)
    window.printing.print_action.trigger()
    finish(window.printing.task)
    assert len(shown) == 1
    dialog = shown[0]
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def print_to_pdf(dialog, path):
    """What the preview's Cetak button does once the print dialog is accepted."""
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(path))
    dialog.findChild(QPrintPreviewWidget).print()
    return PdfReader(path)


def sizes_mm(reader) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72
                                                             * 25.4)) for p in reader.pages]


def test_the_preview_shows_every_page_of_the_pdf(preview, exported):
    assert preview.windowTitle() == strings.PRINT_PREVIEW_TITLE
    pages = len(PdfReader(exported).pages)
    assert pages == 3
    assert preview.findChild(QPrintPreviewWidget).pageCount() == pages


def test_the_printer_starts_on_f4_portrait_and_a4_can_be_chosen(preview, tmp_path):
    layout = preview.printer.pageLayout()
    assert layout.pageSize().name() == "F4"
    assert layout.pageSize().size(QPageSize.Unit.Millimeter).toTuple() == (215, 330)
    assert layout.orientation() == QPageLayout.Orientation.Portrait
    assert preview.printer.setPageSize(A4)
    assert preview.printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert sizes_mm(print_to_pdf(preview, tmp_path / "a4.pdf")) == [(210, 297), (210, 297),
                                                                     (297, 210)]


def test_the_printed_pages_are_the_pdfs_with_landscape_kept_landscape(preview, exported,
                                                                       tmp_path):
    printed = print_to_pdf(preview, tmp_path / "printed.pdf")
    # F4 in whole points, as Qt's PDF writer rounds it
    assert sizes_mm(printed) == [(215, 330), (215, 330), (330, 215)]
    assert preview.printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    source, out = pdfium.PdfDocument(exported), pdfium.PdfDocument(tmp_path / "printed.pdf")
    for index in range(len(source)):
        # blurred: hairlines drawn as vectors and as 300 dpi pixels differ by antialiasing
        want = source[index].render(grayscale=True).to_pil().filter(ImageFilter.GaussianBlur(2))
        got = out[index].render(grayscale=True).to_pil().resize(want.size).filter(
            ImageFilter.GaussianBlur(2))
        ink = 255 - ImageStat.Stat(want).mean[0]  # how far the page is from a blank one
        difference = ImageStat.Stat(ImageChops.difference(want, got)).mean[0]
        assert ink > 1 and difference < ink / 2, f"page {index + 1}: {difference=:.2f} {ink=:.2f}"


def test_only_the_pages_and_copies_asked_for(preview, tmp_path):
    preview.printer.setPageRanges(QPageRanges.fromString("3"))
    assert sizes_mm(print_to_pdf(preview, tmp_path / "third.pdf")) == [(330, 215)]
    preview.printer.setPageRanges(QPageRanges())
    preview.printer.setCopyCount(2)
    if preview.printer.supportsMultipleCopies():
        pytest.skip("this printer makes the copies itself")
    preview.printer.setCollateCopies(True)
    assert len(print_to_pdf(preview, tmp_path / "two.pdf").pages) == 6


@pytest.fixture
def long_sop(window, catalogue_db) -> str:
    with catalogue_db.session() as session:
        catalogue.import_sops(catalogue.read_sop_files([FIXTURE]), session=session)
    window.reload()
    assert window.select_sop(LONG_SOP)
    return LONG_SOP


def start_printing(window) -> list:
    """Cetak from the menu; the preview is shown as the program shows it, without exec()."""
    shown = []
    window.printing.show_preview = lambda dialog: (shown.append(dialog), dialog.show())
    window.printing.print_action.trigger()
    assert len(shown) == 1
    return shown


def test_the_preview_opens_nearly_full_screen_at_page_width(qtbot, window, finish):
    window.select_sop(SOP)
    dialog = start_printing(window)[0]
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    finish(window.printing.task)
    area = window.screen().availableGeometry()
    assert area.contains(dialog.frameGeometry())
    assert dialog.width() == area.width() - 2 * SCREEN_MARGIN
    assert dialog.height() == area.height() - 2 * SCREEN_MARGIN - TITLE_BAR
    view = dialog.findChild(QPrintPreviewWidget)
    assert view.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    assert dialog.findChild(QAction, "fitWidthAction").isChecked()
    graphics = view.findChild(QGraphicsView)
    page_on_screen = graphics.mapFromScene(graphics.sceneRect()).boundingRect().width()
    assert page_on_screen >= 0.9 * graphics.viewport().width()  # the page fills the width
    zoom = dialog.findChild(QComboBox).currentText()  # the zoom the toolbar shows: "80,7%"
    assert float(zoom.rstrip("%").replace(",", ".")) == pytest.approx(
        view.zoomFactor() * 100, abs=0.1)


def test_the_first_page_shows_while_the_others_are_still_drawn(qtbot, window, long_sop,
                                                                finish):
    seen = []  # (pages in the preview, the task over?, Cetak enabled?) at each change
    dialog = start_printing(window)[0]
    qtbot.addWidget(dialog)
    task = window.printing.task
    view = dialog.findChild(QPrintPreviewWidget)
    view.previewChanged.connect(lambda: seen.append(
        (view.pageCount(), task.done, dialog.print_action.isEnabled())))
    assert not dialog.print_action.isEnabled()  # nothing to print yet
    assert dialog.progress_row.isVisible()
    assert dialog.progress_label.text() == strings.PRINT_PREPARING
    finish(task)
    total = 2 + len(lay_out_sheets(catalogue.read_sop_files([FIXTURE])[0], F4).pages)
    assert total == 6  # the cover, the identity sheet and the sheets the window shows
    with_pages = [entry for entry in seen if entry[0] > 0]
    assert with_pages[0] == (1, False, False)  # page 1 on screen, the rest still to come
    counts = [pages for pages, _over, _enabled in with_pages]
    assert counts == sorted(counts) and counts[-1] == view.pageCount() == total
    assert dialog.pages.count == total and len(dialog.pages.images) == total
    assert dialog.print_action.isEnabled() and not dialog.progress_row.isVisible()
    assert dialog.progress_label.text() == strings.PRINT_PAGES_READY.format(done=total,
                                                                           total=total)


def test_batal_closes_the_preview_and_stops_the_drawing(qtbot, window, long_sop, finish):
    dialog = start_printing(window)[0]
    qtbot.addWidget(dialog)
    task = window.printing.task
    ended = []
    task.cancelled.connect(lambda: ended.append("cancelled"))
    task.finished.connect(lambda _result: ended.append("finished"))
    dialog.cancel_button.click()
    assert not dialog.isVisible() and task.is_cancelled
    finish(task)
    assert ended in (["cancelled"], ["finished"])  # it may have been done just before
    assert window.dialogs.errors == []


def test_the_drawing_stops_at_the_next_page_after_batal(exported):
    pages, drawn = [], []
    feed = PageFeed()
    feed.opened.connect(pages.append)
    feed.rendered.connect(lambda index, image: drawn.append((index, image.width())))
    with pytest.raises(Cancelled):
        stream_pages(exported.read_bytes(), feed, lambda done, total: done < 2)
    assert pages[0].count == 3 and [index for index, _width in drawn] == [0, 1]
    assert drawn[0][1] == round(215 / 25.4 * 150)  # an F4 page at 150 dpi
