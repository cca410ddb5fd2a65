"""The review of a book read: the original page beside the fields, problems that lead to their
field, a refused SOP completed by hand (a lane typed for each step), the book's lanes matched
to the office's jabatan, and Simpan adding revision 1 with the file's SHA-256 (a second Simpan
of the book refused)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kecamatan_desktop.bookimport.batch import read_batch
from kecamatan_desktop.bookimport.reading import file_sha256
from kecamatan_desktop.services import catalogue, editing, officers
from kecamatan_desktop.services.book_import import source_note
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.bookimport.places import place_of
from kecamatan_desktop.ui.bookimport.review_dialog import ReviewDialog
from tests.pg import contents
from tests.ui.book_import_fixtures import (
    ARSIP,
    BRS,
    DISTRIBUSI,
    GOOD_NIP,
    OFFICE,
    SCAN,
    XLSX,
    Messages,
    needs_samples,
)

pytestmark = needs_samples


@pytest.fixture(scope="module")
def books():
    """Each sample read once for the module (reading writes nothing)."""
    return {path: read_batch([path]) for path in (ARSIP, BRS, DISTRIBUSI, XLSX)}


def review(qtbot, db, entries, messages=None) -> ReviewDialog:
    dialog = ReviewDialog(db, entries, OFFICE)
    (messages or Messages()).install(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_bps_pdf_is_shown_with_its_page_its_fields_its_steps_and_flowchart(
        qtbot, catalogue_db, books):
    dialog = review(qtbot, catalogue_db, books[ARSIP])
    item = dialog.items[0]
    pane = dialog.page_pane
    assert pane.page_label.text() == s.PAGE_LABEL.format(page=1, pages=2)
    qtbot.waitUntil(lambda: pane.image.pixmap().width() >= 300)
    assert dialog.identity.fields["name"].text() == "PEMUSNAHAN ARSIP"
    assert dialog.identity.fields["approver_name"].text() == item.doc["approved_by"]["name"]
    steps = dialog.steps.model
    assert steps.rowCount() == len(item.doc["steps"]) == 9
    assert steps.index(0, 1).data() == item.doc["steps"][0]["activity"]
    assert dialog.flowchart.currentWidget() is dialog.flowchart.view
    assert dialog.flowchart.view.flowchart_scene() is not None
    pane.next_button.click()
    assert pane.page == 2 and not pane.next_button.isEnabled()
    assert item.checked and dialog.list_model.index(0, 0).data(
        Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_a_workbook_shows_the_rows_as_read_and_says_it_has_no_page_image(
        qtbot, catalogue_db, books):
    dialog = review(qtbot, catalogue_db, books[XLSX])
    pane = dialog.page_pane
    assert pane.stack.currentIndex() == 1
    assert pane.read_label.text() == s.NO_PAGE_IMAGE.format(kind="Excel")
    found = dialog.items[0].entry.found
    assert pane.read_model.rowCount() == len(found.steps) > 0
    assert pane.read_model.index(0, 1).data() == found.steps[0].activity


def test_clicking_a_problem_goes_to_its_field(qtbot, catalogue_db, books):
    dialog = review(qtbot, catalogue_db, books[BRS])
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    paths = [p.path for p in dialog.problem_model.items()]
    assert "identity.approver_nip" in paths

    def click(path: str) -> None:
        row = paths.index(path)
        view = dialog.problems
        rect = view.visualRect(dialog.problem_model.index(row, 0))
        view.scrollTo(dialog.problem_model.index(row, 0))
        rect = view.visualRect(dialog.problem_model.index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    click("identity.approver_nip")
    assert dialog.tabs.currentWidget() is dialog.identity
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.identity.fields["approver_nip"])

    # sop-ap/2 reads this book's Waktu; its step problem is an arrow that starts nowhere
    assert "steps[5].next" in paths
    click("steps[5].next")
    assert dialog.tabs.currentWidget() is dialog.steps
    current = dialog.steps.table.currentIndex()
    assert (current.row(), current.column()) == (4, 0)  # the step's No, where its shape is
    assert dialog.go_to("page 2") and dialog.page_pane.page == 2


def test_typing_what_is_missing_makes_a_refused_sop_importable(qtbot, catalogue_db, books):
    dialog = review(qtbot, catalogue_db, books[DISTRIBUSI])
    item = dialog.items[0]
    assert item.entry.document is None  # refused as read: its flowchart is a picture
    assert item.sop is None and not item.checked
    flags = dialog.list_model.flags(dialog.list_model.index(0, 0))
    assert not flags & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.flowchart.currentWidget() is dialog.flowchart.message
    assert "Langkah 1 · Pelaksana" in dialog.flowchart.message.text()

    model = dialog.steps.model
    rows = model.rowCount()
    assert rows == 17
    for row in range(rows - 1):  # every Pelaksana but the last: still refused
        assert model.setData(model.index(row, 2), "Pengelola BMN")
    dialog._flush()
    assert item.sop is None
    lanes = {place_of(p.path).number for p in dialog.problem_model.items()
             if place_of(p.path).key == "role"}
    assert lanes == {rows}  # only the last step still has none
    assert model.setData(model.index(rows - 1, 2), "Pengelola BMN; Kepala Subbagian Umum")
    qtbot.waitUntil(lambda: item.sop is not None)
    assert item.sop.steps[-1].roles == ("Pengelola BMN", "Kepala Subbagian Umum")
    assert item.checked
    assert dialog.list_model.index(0, 0).data(
        Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.list_model.flags(dialog.list_model.index(0, 0)) & (
        Qt.ItemFlag.ItemIsUserCheckable)
    assert not any(place_of(p.path).key == "role" for p in dialog.problem_model.items())
    assert dialog.flowchart.currentWidget() is dialog.flowchart.view
    # a NIP the book does not print no longer refuses it: it stays a problem to fix
    assert any(p.path == "identity.approver_nip" for p in dialog.problem_model.items())
    nip = dialog.identity.fields["approver_nip"]
    qtbot.keyClicks(nip, "1980")  # not a NIP yet: refused for it now
    dialog._flush()
    assert item.sop is None
    nip.clear()
    qtbot.keyClicks(nip, GOOD_NIP)
    qtbot.waitUntil(lambda: item.sop is not None)
    assert all(p.path != "identity.approver_nip" for p in dialog.problem_model.items())


def test_the_book_lanes_are_matched_to_the_office_jabatan(qtbot, catalogue_db, books):
    call(catalogue_db, officers.add_officer, name="Rina Wati", nip="19870505 201101 2 005",
         jabatan="arsiparis", office=OFFICE)
    dialog = review(qtbot, catalogue_db, books[ARSIP])
    item = dialog.items[0]
    lanes = dialog.lanes
    assert "Arsiparis" in lanes.lanes
    # the same name, case aside, is matched at once
    assert lanes.combos["Arsiparis"].currentData() == "arsiparis"
    assert "arsiparis" in item.sop.roles and "Arsiparis" not in item.sop.roles
    lanes.choose("Pimpinan Unit Kearsipan II", "Camat")
    assert item.sop.roles[0] == "Camat"
    assert "Pimpinan Unit Kearsipan II" not in item.sop.roles
    assert item.sop.steps[2].role == "Camat"  # its first of three lanes (sop-ap/2)
    assert item.sop.steps[2].roles[1:] == ("Penanggungjawab Unit Pengolah", "arsiparis")
    assert dialog.steps.model.index(2, 2).data().split("; ")[0] == "Camat"
    assert item.doc["steps"][2]["role"] == "Pimpinan Unit Kearsipan II"  # as read, kept
    lanes.choose("Arsiparis", "")  # (tetap seperti tertulis)
    assert "Arsiparis" in item.sop.roles


def test_simpan_adds_revision_1_noting_the_file_and_a_second_simpan_is_refused(
        qtbot, catalogue_db, db_path, books):
    messages = Messages()
    dialog = review(qtbot, catalogue_db, [*books[ARSIP], *books[XLSX]], messages)
    added = dialog.save()
    assert messages.errors == []
    assert messages.infos == [s.SAVE_DONE.format(count=2, office=OFFICE)]
    assert added == ["kecamatan-poncokusumo-pemusnahan-arsip",
                     "kecamatan-poncokusumo-penerimaan-berita-pada-emergency-call-115"]
    for sop_id, path in zip(added, (ARSIP, XLSX), strict=True):
        revisions = call(catalogue_db, editing.list_revisions, sop_id)
        assert [(r.revision, r.is_draft) for r in revisions] == [(1, False)]
        assert revisions[0].note == source_note(path.name, file_sha256(path))
        stored = call(catalogue_db, catalogue.get_sop, sop_id)
        assert stored.sop.office.name == OFFICE
    assert all(item.imported and not item.checked for item in dialog.items)
    assert dialog.unsaved() == []

    before = contents(db_path)
    again = Messages()
    second = review(qtbot, catalogue_db, [*books[ARSIP], *books[XLSX]], again)
    assert second.save() is None
    assert again.infos == [] and len(again.errors) == 1
    assert "sudah ada di katalog" in again.errors[0] and ARSIP.name in again.errors[0]
    assert contents(db_path) == before
    assert not any(item.imported for item in second.items)


def test_closing_with_edits_asks_first(qtbot, catalogue_db, books):
    messages = Messages(discard=False)
    dialog = review(qtbot, catalogue_db, books[ARSIP], messages)
    number = dialog.identity.fields["number"]
    qtbot.keyClick(number, Qt.Key.Key_End)
    qtbot.keyClicks(number, " (salinan)")
    dialog.reject()
    assert messages.asked == [1] and dialog.isVisible()
    assert dialog.items[0].doc["number"].endswith("(salinan)")
    messages.discard = True
    dialog.reject()
    assert not dialog.isVisible()


def test_a_scan_without_an_ocr_engine_is_the_page_beside_empty_fields(
        qtbot, catalogue_db, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on this computer
    entries = read_batch([SCAN])
    dialog = review(qtbot, catalogue_db, entries)
    item = dialog.items[0]
    assert item.doc is not None and item.sop is None
    assert dialog.page_pane.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: dialog.page_pane.image.pixmap().width() >= 300)
    assert all(dialog.identity.fields[key].text() == "" for key in ("name", "number"))
    assert dialog.steps.model.rowCount() == 0
    dialog.steps.add_button.click()
    assert dialog.steps.model.rowCount() == 1
    model = dialog.steps.model
    assert model.setData(model.index(0, 1), "Menerima permohonan keberatan")
    assert model.setData(model.index(0, 2), "Camat; Sekcam")
    assert item.doc["steps"][0]["role"] == "Camat"
    assert item.doc["roles"] == ["Camat", "Sekcam"]
