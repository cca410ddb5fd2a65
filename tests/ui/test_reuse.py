"""Reuse in the editor, on real widgets over a real catalogue: Poncokusumo's Renja procedure
copied into Ngantang's empty Renja through the real dialog, as one undoable edit whose save
names the source; Gandakan SOP into another office; a model SOP shown beside the editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from kecamatan_desktop.domain import edits
from kecamatan_desktop.services import catalogue, editing
from kecamatan_desktop.ui.editor.copy_procedure_dialog import CopyProcedureDialog
from kecamatan_desktop.ui.editor.new_sop_dialog import DuplicateSopDialog, NewSopRequest
from kecamatan_desktop.ui.main_window import MainWindow
from tests.ui.test_editor import Dialogs, cell, edit_cell

RENJA = "poncokusumo-2018-renja"
NGANTANG_RENJA = "ngantang-2021-renja"
RENJA_NAME = "Penyusunan Rencana Kerja (Renja)"
LANES = ("Camat", "Sekcam", "Tim", "Kasubag Evapor", "Staf", "Kasubag Umum")
NOTE = f"Prosedur disalin dari {RENJA_NAME} (Kecamatan Poncokusumo), revisi {{revision}}"


@pytest.fixture
def dialogs():
    return Dialogs()


@pytest.fixture
def window(qtbot, catalogue_db, tmp_path, dialogs):
    w = MainWindow(catalogue_db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialogs.install(w)
    w.procedure_copying.show_error = lambda title, text: dialogs.errors.append(text)
    w.procedure_copying.confirm_replace = lambda target, source: dialogs._ask(
        f"replace:{target.id}:{len(target.steps)}", dialogs.replace)
    dialogs.replace = True
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


class Picking:
    """Answers *Salin prosedur dari…* through the real dialog: types the search, picks a
    revision, reads what the dialog shows, and presses Salin prosedur (or Batal)."""

    def __init__(self, qtbot, window: MainWindow, search: str, revision: int | None = None):
        self.qtbot, self.window, self.search, self.revision = qtbot, window, search, revision
        self.seen: dict = {}
        window.procedure_copying.ask_source = self.answer

    def answer(self, target):
        dialog = CopyProcedureDialog(self.window.db, target, self.window)
        self.qtbot.addWidget(dialog)
        picker = dialog.picker
        assert not dialog.ok_button.isEnabled()  # nothing chosen yet
        self.qtbot.keyClicks(picker.search, self.search)
        if self.revision is not None:
            combo = picker.revision_combo
            combo.setCurrentIndex(combo.findData(self.revision))
            combo.activated.emit(combo.currentIndex())
        preview = picker.preview
        self.seen = {
            "listed": [picker.proxy.index(r, 0).data() for r in range(picker.proxy.rowCount())],
            "offices": {picker.proxy.index(r, 1).data() for r in range(picker.proxy.rowCount())},
            "lanes": preview.lanes_label.text(),
            "steps": [preview.steps_model.index(r, 1).data()
                      for r in range(preview.steps_model.rowCount())],
            "decisions": [preview.steps_model.index(r, 5).data()
                          for r in range(preview.steps_model.rowCount())],
            "revisions": [picker.revision_combo.itemText(i)
                          for i in range(picker.revision_combo.count())],
            "note": dialog.note_label.text(),
            "ok": dialog.ok_button.isEnabled(),
        }
        preview.tabs.setCurrentWidget(preview.flowchart)  # drawn when looked at
        self.seen["drawn"] = preview.flowchart.flowchart_scene() is not None
        self.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.source() if dialog.result() else None


def stored(db, sop_id):
    with db.session() as session:
        return catalogue.get_sop(sop_id, session=session)


def history(db, sop_id):
    with db.session() as session:
        return editing.list_revisions(sop_id, session=session)


def test_copy_poncokusumos_renja_into_ngantangs(qtbot, window, dialogs, catalogue_db):
    assert window.select_sop(NGANTANG_RENJA)
    editor = window.procedure_view
    window.tabs.setCurrentWidget(window.identity_page)
    assert editor.currentWidget() is editor.placeholder_page
    picking = Picking(qtbot, window, "renja")
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)  # the empty page's button

    seen = picking.seen
    assert seen["listed"] == [RENJA_NAME] and seen["offices"] == {"Kecamatan Poncokusumo"}
    assert seen["lanes"] == "Lajur (6): " + " · ".join(LANES)
    assert len(seen["steps"]) == 12 and seen["drawn"] and seen["ok"]
    assert [d for d in seen["decisions"] if d] == ["Ya → 7, Tidak → 5", "Ya → 8, Tidak → 4"]
    assert seen["revisions"] == ["Revisi 1 (terkini)"]
    assert seen["note"] == "Catatan revisi saat disimpan: " + NOTE.format(revision=1)
    assert dialogs.asked == []  # an empty procedure is filled without asking

    source = stored(catalogue_db, RENJA).sop
    doc = window.document
    assert window.tabs.currentWidget() is editor and editor.currentWidget() is editor.editor_page
    assert doc.sop.id == NGANTANG_RENJA and doc.sop.office.name == "Kecamatan Ngantang"
    assert doc.sop.roles == LANES and doc.sop.steps == source.steps
    assert cell(window, 5, 5) == source.steps[5].output
    assert cell(window, 6, 2) == "Tim\n◇ Ya → 8, Tidak → 4"  # a decision, in the table too
    assert doc.is_modified and stored(catalogue_db, NGANTANG_RENJA).sop.steps == ()
    assert window.action_undo.text() == f"&Urungkan salin prosedur dari {RENJA_NAME}"

    window.action_undo.trigger()  # one undo takes the whole copy back
    assert doc.sop.steps == () and doc.sop.roles == () and not doc.is_modified
    assert editor.currentWidget() is editor.placeholder_page and doc.save_note is None
    window.action_redo.trigger()
    assert doc.sop.steps == source.steps

    edit_cell(qtbot, window, 0, 4, "1 hari")  # further edits go into the same save
    window.action_save.trigger()
    saved = stored(catalogue_db, NGANTANG_RENJA)
    assert saved.revision == 2 and not saved.is_draft
    assert saved.sop.roles == LANES and saved.sop.steps[1:] == source.steps[1:]
    assert saved.sop.steps[0].time == "1 hari"
    assert saved.sop.office.name == "Kecamatan Ngantang"
    assert [r.note for r in history(catalogue_db, NGANTANG_RENJA)] == [
        NOTE.format(revision=1), None]
    shown = window.revision_history.model.index(0, 4).data()
    assert shown == "terkini, " + NOTE.format(revision=1)
    assert stored(catalogue_db, RENJA).revision == 1  # the model is untouched

    edit_cell(qtbot, window, 1, 4, "2 hari")  # the note went with that save, not the next
    window.action_save.trigger()
    assert [r.note for r in history(catalogue_db, NGANTANG_RENJA)][0] is None


def test_an_earlier_revision_is_copied_and_named(qtbot, window, catalogue_db):
    first = stored(catalogue_db, RENJA).sop
    with catalogue_db.session() as session:
        editing.save_revision(edits.delete_step(first, 11), session=session)
    assert window.select_sop(NGANTANG_RENJA)
    picking = Picking(qtbot, window, "ponco renja", revision=1)
    window.procedure_copying.copy_action.trigger()
    assert picking.seen["revisions"] == ["Revisi 2 (terkini)", "Revisi 1"]
    assert len(picking.seen["steps"]) == 12
    assert window.document.sop.steps == first.steps
    assert window.document.save_note == NOTE.format(revision=1)


def test_a_procedure_already_written_is_replaced_only_when_confirmed(qtbot, window, dialogs):
    assert window.select_sop("poncokusumo-2018-lkj")
    doc = window.document
    before = doc.sop
    Picking(qtbot, window, "renja")
    dialogs.replace = False
    window.procedure_copying.copy_action.trigger()
    assert dialogs.asked == [f"replace:poncokusumo-2018-lkj:{len(before.steps)}"]
    assert doc.sop == before and not doc.undo_stack.canUndo()

    dialogs.replace = True
    window.procedure_copying.copy_action.trigger()
    assert doc.sop.roles == LANES and len(doc.sop.steps) == 12
    assert doc.sop.name == before.name  # the identity sheet is the LKJ's still
    window.action_undo.trigger()
    assert doc.sop == before and not doc.is_modified


def test_cancel_and_a_read_only_revision_change_nothing(qtbot, window, dialogs, catalogue_db):
    assert window.select_sop(NGANTANG_RENJA)
    window.procedure_copying.ask_source = lambda target: None  # Batal
    assert not window.procedure_copying.copy_procedure()
    assert window.document.sop.steps == () and not window.document.undo_stack.canUndo()
    with catalogue_db.session() as session:
        sop = stored(catalogue_db, RENJA).sop
        editing.save_revision(edits.update_step(sop, 0, time="1 jam"), session=session)
    assert window.select_sop(RENJA)
    window.sop_editing.open_revision(1)
    assert window.document.read_only
    assert not window.procedure_copying.copy_action.isEnabled()
    assert not window.procedure_copying.copy_procedure()


def test_duplicate_asks_for_the_office_and_copies_into_it(qtbot, window, dialogs,
                                                          catalogue_db):
    assert window.select_sop(RENJA)
    dialog = DuplicateSopDialog(RENJA_NAME, "Kecamatan Poncokusumo", f"{RENJA}-salinan",
                                window.offices, window)
    qtbot.addWidget(dialog)
    assert dialog.request() == NewSopRequest(f"{RENJA}-salinan", f"{RENJA_NAME} (salinan)",
                                             "Kecamatan Poncokusumo")
    dialog.office_combo.setCurrentText("Kecamatan Ngantang")
    dialog.id_edit.setText("ngantang-2026-renja")
    asked = []
    window.ask_duplicate = lambda name, office, suggested, offices: (
        asked.append((name, office, suggested, offices)) or dialog.request())
    window.action_duplicate.trigger()
    assert asked == [(RENJA_NAME, "Kecamatan Poncokusumo", f"{RENJA}-salinan",
                      ["Kecamatan Poncokusumo", "Kecamatan Ngantang"])]
    assert window.selected_sop_id() == "ngantang-2026-renja"
    copy = window.document.sop
    ngantang = stored(catalogue_db, "ngantang-2021-sakip").sop
    assert copy.office == ngantang.office and copy.approved_by == ngantang.approved_by
    assert copy.steps == stored(catalogue_db, RENJA).sop.steps and copy.number == ""
    row = window.list_model.row_of("ngantang-2026-renja")
    assert window.list_model.summary(row).office == "Kecamatan Ngantang"
    assert [r.note for r in history(catalogue_db, "ngantang-2026-renja")] == [
        f"Digandakan dari {RENJA_NAME} (Kecamatan Poncokusumo), revisi 1"]

    window.ask_duplicate = lambda *a: NewSopRequest("ngantang-2026-renja", "", "Kecamatan "
                                                    "Ngantang")
    window.action_duplicate.trigger()  # the id is taken now: one message, nothing made
    assert "sudah dipakai" in dialogs.errors[-1]
    assert window.list_model.rowCount() == 22


def test_the_model_sop_opens_beside_the_edit_and_asks_nothing(qtbot, window, dialogs):
    assert window.select_sop(NGANTANG_RENJA)
    Picking(qtbot, window, "renja")
    window.procedure_copying.copy_action.trigger()
    edit_cell(qtbot, window, 0, 4, "1 hari")
    doc = window.document
    edited, undo_count = doc.sop, doc.undo_stack.count()

    model = window.procedure_copying.show_model_sop()
    qtbot.waitExposed(model)
    assert model.isVisible() and not model.isModal() and model.isWindow()
    assert model.picker.choose(RENJA)
    preview = model.picker.preview
    assert preview.steps_model.rowCount() == 12
    assert not preview.steps_table.editTriggers()  # read only
    preview.tabs.setCurrentWidget(preview.flowchart)
    assert preview.flowchart.flowchart_scene() is not None
    assert model.windowTitle() == (f"SOP contoh: {RENJA_NAME} (Kecamatan Poncokusumo), "
                                   "revisi 1 — hanya baca")
    assert dialogs.asked == [] and dialogs.errors == []
    assert doc.sop == edited and doc.is_modified and doc.undo_stack.count() == undo_count
    assert window.sop_editing.sop_id == NGANTANG_RENJA

    edit_cell(qtbot, window, 1, 4, "2 hari")  # the editor goes on while the model is open
    assert doc.sop.steps[1].time == "2 hari" and model.isVisible()
    assert window.procedure_copying.show_model_sop() is model  # one window, brought forward
