"""The identity sheet's dates: a draft save leaves Tanggal Revisi alone and the save says what
became of it; the form writes dates as the office's printed sheet does; the cover's year
follows the SOP's latest date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDateEdit

from kecamatan_desktop.domain.tanggal import TanggalStyle, format_tanggal
from kecamatan_desktop.export.pdf_document import write_sop_pdf
from kecamatan_desktop.services import editing, printing
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.main_window import MainWindow
from tests.ui.test_editor import KEGIATAN, RENJA, Dialogs, edit_cell, stored

NGANTANG = "ngantang-2021-renja"
NGANTANG_STYLE = TanggalStyle(zero_pad=False, february="Pebruari")
TODAY = date(2026, 12, 7)


@pytest.fixture
def window(qtbot, catalogue_db, tmp_path):
    w = MainWindow(catalogue_db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    w.dialogs = Dialogs()
    w.dialogs.install(w)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_draft_save_keeps_tanggal_revisi_and_the_final_save_fills_it(catalogue_db):
    ngantang = stored(catalogue_db, NGANTANG).sop
    assert ngantang.revised == date(2021, 2, 1)
    unfinished = replace(ngantang, roles=("Camat",), steps=(
        replace(stored(catalogue_db).sop.steps[0], role="Camat", activity=""),))
    with catalogue_db.session() as session:
        editing.save_revision(unfinished, session=session, draft=True, today=TODAY)
    draft = stored(catalogue_db, NGANTANG)
    assert draft.is_draft and draft.sop.revised == date(2021, 2, 1)  # not silently today
    finished = replace(draft.sop, steps=(replace(draft.sop.steps[0], activity="Memulai"),))
    with catalogue_db.session() as session:
        editing.save_revision(finished, session=session, today=TODAY)
    final = stored(catalogue_db, NGANTANG)
    assert not final.is_draft and final.sop.revised == TODAY


def test_the_save_says_what_became_of_tanggal_revisi(qtbot, window, catalogue_db):
    assert window.select_sop(RENJA)
    window.tabs.setCurrentWidget(window.procedure_view)
    edit_cell(qtbot, window, 2, KEGIATAN, "")  # a problem: saved as a draft
    window.action_save.trigger()
    assert stored(catalogue_db).is_draft and stored(catalogue_db).sop.revised is None
    assert window.statusBar().currentMessage() == strings.SAVED_DRAFT.format(
        revision=2, revised="-")
    edit_cell(qtbot, window, 2, KEGIATAN, "Menyusun konsep Renja")
    window.action_save.trigger()
    saved = stored(catalogue_db)
    assert not saved.is_draft and saved.sop.revised == date.today()
    assert window.statusBar().currentMessage() == strings.SAVED_REVISED_TODAY.format(
        revision=3, revised=format_tanggal(date.today()))


def test_the_save_message_writes_the_date_as_the_office_does(qtbot, window, catalogue_db):
    assert window.select_sop(NGANTANG)
    window.identity_page.set_editing(True)
    number = window.identity_page.form.line_edits["number"]
    number.setFocus()
    qtbot.keyClicks(number, "A")
    window.action_save.trigger()
    assert stored(catalogue_db, NGANTANG).revision == 2
    assert window.statusBar().currentMessage() == strings.SAVED_REVISED_TODAY.format(
        revision=2, revised=format_tanggal(date.today(), style=NGANTANG_STYLE))


def test_the_form_writes_dates_as_the_printed_sheet(qtbot, window, catalogue_db, tmp_path):
    assert window.select_sop(NGANTANG)
    window.identity_page.set_editing(True)
    dates = window.identity_page.form.date_edits
    assert {key: edit.text() for key, edit in dates.items()} == {
        "created": "1 Pebruari 2021", "revised": "1 Pebruari 2021",
        "effective": "1 Pebruari 2021"}
    with catalogue_db.session() as session:
        printable = printing.load_printable(NGANTANG, session=session)
    sheet = write_sop_pdf(printable.sop, tmp_path / "n.pdf", profile=printable.profile)
    assert "1 Pebruari 2021" in PdfReader(sheet).pages[1].extract_text()

    # stepped with the keyboard, the date still reads as the office writes it, and is edited
    effective = dates["effective"]
    effective.setFocus()
    effective.setCurrentSection(QDateEdit.Section.DaySection)
    qtbot.keyClick(effective, Qt.Key.Key_Up)
    assert effective.text() == "2 Pebruari 2021"
    assert window.document.sop.effective == date(2021, 2, 2)
    assert window.identity_page.view.toPlainText().count("2 Pebruari 2021") == 1

    # another office, another style: Poncokusumo writes 04 Januari 2018, and "Februari"
    window.document.undo_stack.undo()
    assert not window.isWindowModified() and window.select_sop(RENJA)
    window.identity_page.set_editing(True)
    assert dates["created"].text() == "04 Januari 2018"
    dates["created"].setDate(QDate(2018, 2, 4))
    assert dates["created"].text() == "04 Februari 2018"


def test_the_cover_year_follows_the_sheets_latest_date(catalogue_db):
    with catalogue_db.session() as session:
        printable = printing.load_printable(NGANTANG, session=session)
    assert printing.sop_cover(printable.sop, printable.profile).office_lines[-1] == (
        "Tahun 2021")
    revised = replace(printable.sop, revised=date(2026, 12, 7))
    assert printing.sop_cover(revised, printable.profile).office_lines[-1] == "Tahun 2026"
    effective_later = replace(revised, effective=date(2027, 1, 2))
    assert printing.cover_year(effective_later) == 2027
    with catalogue_db.session() as session:
        editing.save_revision(revised, session=session)
        book = printing.load_book("Kecamatan Ngantang", session=session)
    assert book.profile.book_year == 2021
    assert "Tahun 2026" in book.cover().office_lines  # the book holds an SOP of 2026


def test_the_printed_cover_of_a_revised_sop_says_its_year(catalogue_db, tmp_path):
    with catalogue_db.session() as session:
        sop = stored(catalogue_db, NGANTANG).sop
        editing.save_revision(replace(sop, number=sop.number + "A"), session=session,
                              today=TODAY)
        printable = printing.load_printable(NGANTANG, session=session)
    path = write_sop_pdf(printable.sop, tmp_path / "renja.pdf", profile=printable.profile,
                         cover_title=printable.cover_title)
    cover = PdfReader(path).pages[0].extract_text()
    assert "Tahun 2026" in cover and "Tahun 2021" not in cover


def test_the_revision_history_writes_dates_as_the_office_does(catalogue_db):
    from kecamatan_desktop.services.editing import list_revisions
    from kecamatan_desktop.ui.editor.revision_history import RevisionListModel

    with catalogue_db.session() as s:
        lines = list_revisions("ngantang-2021-renja", session=s)
    model = RevisionListModel()
    model.set_revisions([replace(line, revised=date(2021, 2, 1)) for line in lines], 1)
    assert model.index(0, 2).data() == "1 Pebruari 2021"  # as Ngantang's sheets print it
