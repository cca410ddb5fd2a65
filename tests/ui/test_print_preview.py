"""Cetak: the print preview shows the pages the PDF export makes, and the printer gets them on
F4 (A4 to choose), landscape pages landscape, only the pages and copies asked for."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from PIL import ImageChops, ImageFilter, ImageStat
from pypdf import PdfReader
from PySide6.QtGui import QPageLayout, QPageRanges, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.print_preview import A4
from tests.ui import test_printing_ui

window = test_printing_ui.window  # the same window fixture
SOP = "poncokusumo-2018-renstra"  # cover and identity sheet portrait, one flowchart landscape


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
