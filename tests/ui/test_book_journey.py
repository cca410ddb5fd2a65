"""A real book's whole way in, as an office brings it: Berkas → Impor buku SOP… on a BPS PDF
(a step drawn in three lanes, Waktu per file) and the BASARNAS workbook (dates written
without their day), read in the worker, reviewed, saved; then each SOP opened from the list,
checked with Periksa, and exported as PDF and read back."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings

from kecamatan_desktop.bookimport.reading import file_sha256
from kecamatan_desktop.services import editing
from kecamatan_desktop.services.book_import import source_note
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.main_window import MainWindow
from tests.ui.book_import_fixtures import ARSIP, OFFICE, XLSX, needs_samples
from tests.ui.test_main_window import Dialogs

pytestmark = needs_samples
ARSIP_ID = "kecamatan-poncokusumo-pemusnahan-arsip"
BERITA_ID = "kecamatan-poncokusumo-penerimaan-berita-pada-emergency-call-115"


@pytest.fixture
def window(qtbot, catalogue_db, tmp_path):
    w = MainWindow(catalogue_db, QSettings(str(tmp_path / "s.ini"),
                                           QSettings.Format.IniFormat))
    dialogs = Dialogs()
    dialogs.install(w)
    w.dialogs = dialogs
    w.errors = []
    w.show_error = lambda title, text: w.errors.append(text)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_real_book_imported_reviewed_checked_and_printed(qtbot, window, catalogue_db,
                                                           tmp_path, finish):
    window.book_import.ask_paths = lambda: [ARSIP, XLSX]
    window.book_import.action.trigger()
    finish(window.book_import.task, timeout=120000)
    assert window.errors == []
    review = window.book_import.review
    infos = []
    review.show_info = lambda title, text: infos.append(text)
    review.show_error = lambda title, text: window.errors.append(text)
    assert [item.entry.source for item in review.items] == [ARSIP.name, XLSX.name]
    assert all(item.checked for item in review.items)  # both importable as read
    arsip = review.items[0].sop
    assert arsip.steps[2].roles == ("Pimpinan Unit Kearsipan II",
                                    "Penanggungjawab Unit Pengolah", "Arsiparis")
    review.office.setCurrentText(OFFICE)
    assert review.save() == [ARSIP_ID, BERITA_ID]
    assert window.errors == [] and infos == [s.SAVE_DONE.format(count=2, office=OFFICE)]
    review.ask_discard = lambda count: True
    review.reject()

    # the list shows them at once (the change hub), and each opens as the book has it
    assert window.select_sop(ARSIP_ID)
    shown = window.document.sop
    assert shown.steps[2].roles == arsip.steps[2].roles
    assert shown.steps[0].time == "2 menit/berkas"  # as written: a length per file
    revisions = call(catalogue_db, editing.list_revisions, ARSIP_ID)
    assert revisions[0].note == source_note(ARSIP.name, file_sha256(ARSIP))

    # Periksa: what the book lacks or cannot give is named, nothing crashes
    window.sop_check.action.trigger()
    panel = window.procedure_view.problems_panel
    rows = [panel.model.index(r).data() for r in range(panel.model.rowCount())]
    assert any("tanpa waktu baku" in row for row in rows), rows

    # printed as PDF and read back: the three lanes of step 3, the Waktu as written
    window.printing.ask_pdf_path = lambda suggested: tmp_path / "arsip.pdf"
    finish(window.printing.export_pdf())
    text = _pdf_text(tmp_path / "arsip.pdf")
    for words in ("PEMUSNAHAN ARSIP", "Penanggungjawab Unit", "2 menit/berkas"):
        assert words in text, words

    # the workbook's SOP: dates kept as the book writes them, printed so
    assert window.select_sop(BERITA_ID)
    berita = window.document.sop
    assert (berita.created, berita.created_text) == (None, "Oktober 2024")
    window.sop_check.action.trigger()
    rows = [panel.model.index(r).data() for r in range(panel.model.rowCount())]
    assert any("Oktober 2024" in row for row in rows), rows  # a date that is not whole
    window.printing.ask_pdf_path = lambda suggested: tmp_path / "berita.pdf"
    finish(window.printing.export_pdf())
    assert window.dialogs.errors == [], window.dialogs.errors
    text = _pdf_text(tmp_path / "berita.pdf")
    assert "Oktober 2024" in text and "PENERIMAAN BERITA" in text
    assert window.errors == []
