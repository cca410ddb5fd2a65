"""The procedure editor on real widgets over a real catalogue file, driven by qtbot."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QLineEdit, QTextBrowser

from kecamatan_desktop.domain.sop import Decision
from kecamatan_desktop.services import catalogue, editing
from kecamatan_desktop.ui.editor.new_sop_dialog import NewSopRequest
from kecamatan_desktop.ui.editor.sop_editing import UnsavedAnswer
from kecamatan_desktop.ui.main_window import MainWindow

RENJA = "poncokusumo-2018-renja"
KEGIATAN, PELAKSANA, WAKTU = 1, 2, 4


class Dialogs:
    """Stands in for every modal dialog: answers are set up front, questions are recorded."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.unsaved = UnsavedAnswer.CANCEL
        self.save_draft = True
        self.lane_name: str | None = None
        self.new_sop: NewSopRequest | None = None
        self.duplicate_id: str | None = None
        self.delete = True
        self.archive_instead = True

    def _ask(self, what: str, answer):
        self.asked.append(what)
        return answer

    def install(self, w: MainWindow) -> None:
        w.ask_unsaved_changes = lambda name: self._ask(f"unsaved:{name}", self.unsaved)
        w.ask_save_draft = lambda problems: self._ask(f"draft:{len(problems)}", self.save_draft)
        w.ask_lane_name = lambda title, prompt, current: self._ask("lane", self.lane_name)
        w.ask_new_sop = lambda offices, current: self._ask("new", self.new_sop)
        w.ask_duplicate = lambda name, office, suggested, offices: self._ask(
            "duplicate", self.duplicate_id and NewSopRequest(self.duplicate_id, "", office))
        w.confirm_delete = lambda name, sop_id: self._ask(f"delete:{sop_id}", self.delete)
        w.confirm_archive_instead = lambda name, sop_id, rounds: self._ask(
            f"archive-instead:{sop_id}:{rounds}", self.archive_instead)
        w.ask_replace = lambda ids: self._ask("replace", True)
        w.show_error = lambda title, text: self.errors.append(text)
        w.show_info = lambda title, text: self.infos.append(text)


@pytest.fixture
def dialogs():
    return Dialogs()


@pytest.fixture
def window(qtbot, catalogue_db, tmp_path, dialogs):
    w = MainWindow(catalogue_db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialogs.install(w)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.select_sop(RENJA)
    w.tabs.setCurrentWidget(w.procedure_view)
    return w


def stored(db, sop_id=RENJA, revision=None):
    with db.session() as session:
        return catalogue.get_sop(sop_id, session=session, revision=revision)


def click(qtbot, toolbar, action) -> None:
    qtbot.mouseClick(toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def open_cell(w: MainWindow, row: int, column: int):
    """Open the cell's editor as a double click would: (its index, the editor)."""
    table = w.procedure_view.table
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)  # the open editor of that cell
    assert isinstance(editor, QLineEdit)
    return index, editor


def edit_cell(qtbot, w: MainWindow, row: int, column: int, text: str) -> None:
    """Open the cell's editor, replace its text, press Enter."""
    table = w.procedure_view.table
    index, editor = open_cell(w, row, column)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(index) is None)  # Qt commits on the next loop


def cell(w: MainWindow, row: int, column: int) -> str:
    return w.procedure_view.model.index(row, column).data()


def problems(w: MainWindow) -> list[str]:
    return w.procedure_view.problems_panel.model.messages()


def test_models_pass_the_qt_model_tester(window):
    QAbstractItemModelTester(window.procedure_view.model)
    QAbstractItemModelTester(window.procedure_view.lanes_editor.model)
    QAbstractItemModelTester(window.procedure_view.problems_panel.model)
    QAbstractItemModelTester(window.revision_history.model)


def test_add_a_step_and_write_it_in_place(qtbot, window):
    editor = window.procedure_view
    editor.select_step(4)  # Staf
    click(qtbot, editor.toolbar, editor.step_actions.add)
    assert editor.model.rowCount() == 13
    assert editor.table.current_row() == 12
    assert cell(window, 12, 0) == "13"  # numbering 1..n keeps counting
    assert cell(window, 12, PELAKSANA) == "Staf"
    assert problems(window) == ["Langkah 13: Kegiatan masih kosong"]
    edit_cell(qtbot, window, 12, KEGIATAN, "Mengarsipkan Dokumen Renja")
    edit_cell(qtbot, window, 12, WAKTU, "15 menit")
    assert cell(window, 12, KEGIATAN) == "Mengarsipkan Dokumen Renja"
    assert problems(window) == []
    assert window.document.sop.steps[12].time == "15 menit"
    assert window.isWindowModified() and "belum disimpan" in window.status_label.text()


def test_insert_delete_and_move_keep_decision_targets(qtbot, window):
    editor = window.procedure_view
    editor.select_step(4)
    click(qtbot, editor.toolbar, editor.step_actions.insert)
    assert window.document.sop.steps[6].decision == Decision(yes=8, no=6)
    assert "Tidak → 6" in cell(window, 6, PELAKSANA)
    click(qtbot, editor.toolbar, editor.step_actions.delete)  # the new empty step again
    assert window.document.sop.steps[5].decision == Decision(yes=7, no=5)
    editor.select_step(4)
    click(qtbot, editor.toolbar, editor.step_actions.delete)  # step 5 is Tidak of step 6
    assert window.document.sop.steps[4].decision == Decision(yes=6, no=None)
    assert any("cabang Tidak" in p for p in problems(window))
    editor.select_step(1)
    click(qtbot, editor.toolbar, editor.step_actions.down)
    assert editor.table.current_row() == 2
    assert cell(window, 2, KEGIATAN) == "Membentuk Tim, memberi pengarahan"


def test_change_a_lane_from_the_list_and_by_a_drop(qtbot, window):
    table = window.procedure_view.table
    index = table.model().index(0, PELAKSANA)
    table.setCurrentIndex(index)
    table.edit(index)
    picker = table.indexWidget(index)
    assert picker.matches.stringList() == list(window.document.sop.roles)
    qtbot.keyClick(picker.typed, Qt.Key.Key_Down)  # Camat -> Sekcam, stored on Enter
    assert cell(window, 0, PELAKSANA) == "Camat"
    qtbot.keyClick(picker.typed, Qt.Key.Key_Return)
    assert cell(window, 0, PELAKSANA) == "Sekcam"
    window._on_step_dropped_on_lane(4, "Kasubag Umum")
    assert window.document.sop.steps[4].role == "Kasubag Umum"
    assert window.procedure_view.table.current_row() == 4
    window._on_step_dropped_on_lane(4, "Lurah")  # not a lane: nothing happens
    assert window.document.sop.steps[4].role == "Kasubag Umum"
    window.action_undo.trigger()
    assert window.document.sop.steps[4].role == "Staf"


def test_flowchart_selection_selects_the_row(window):
    window._on_flowchart_step_selected(7)
    assert window.procedure_view.table.current_row() == 7


def test_make_a_decision_and_pick_its_targets(qtbot, window):
    editor = window.procedure_view
    editor.select_step(2)
    click(qtbot, editor.toolbar, editor.step_actions.decision)
    assert editor.step_actions.decision.isChecked()
    assert window.document.sop.steps[2].decision == Decision(yes=4, no=None)
    assert problems(window) == ["Langkah 3: cabang Tidak keputusan ini belum menunjuk "
                                "langkah mana pun"]
    picker = editor.decision_picker
    assert picker.yes_combo.isEnabled() and picker.yes_combo.currentText().startswith("4. ")
    assert picker.no_combo.currentText() == "(belum dipilih)"
    qtbot.keyClick(picker.no_combo, Qt.Key.Key_Down)
    qtbot.keyClick(picker.no_combo, Qt.Key.Key_Down)
    qtbot.keyClick(picker.no_combo, Qt.Key.Key_Down)  # step 3 itself is skipped
    assert window.document.sop.steps[2].decision == Decision(yes=4, no=4)
    qtbot.keyClick(picker.no_combo, Qt.Key.Key_Up)
    qtbot.keyClick(picker.no_combo, Qt.Key.Key_Up)
    assert picker.no_combo.currentText() == "1. Memerintahkan untuk penyusunan Renja"
    assert window.document.sop.steps[2].decision == Decision(yes=4, no=1)
    assert "Ya → 4, Tidak → 1" in cell(window, 2, PELAKSANA)
    assert problems(window) == []


def test_undo_and_redo_with_the_keyboard(qtbot, window):
    original = window.document.sop
    edit_cell(qtbot, window, 0, KEGIATAN, "Menerima surat masuk")
    window.procedure_view.select_step(3)
    click(qtbot, window.procedure_view.toolbar, window.procedure_view.step_actions.up)
    changed = window.document.sop
    assert window.action_undo.text() == "&Urungkan pindahkan langkah 4"
    qtbot.keyClick(window.procedure_view.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.procedure_view.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.document.sop == original
    assert cell(window, 0, KEGIATAN) == "Memerintahkan untuk penyusunan Renja"
    assert not window.isWindowModified()
    qtbot.keyClick(window.procedure_view.table, Qt.Key.Key_Y,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.procedure_view.table, Qt.Key.Key_Y,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.document.sop == changed
    assert cell(window, 0, KEGIATAN) == "Menerima surat masuk"


def test_problems_panel_follows_typing_and_selects_the_row(qtbot, window):
    edit_cell(qtbot, window, 8, KEGIATAN, "")
    edit_cell(qtbot, window, 3, WAKTU, "2 menit kali")  # "sehari" reads as books write it
    found = problems(window)
    assert found[0].startswith("Langkah 4: waktu '2 menit kali' tidak terbaca sebagai lama kerja")
    assert found[1] == "Langkah 9: Kegiatan masih kosong"
    assert window.procedure_view.problems_panel.title() == "Masalah (2)"
    view = window.procedure_view.problems_panel.view
    view.scrollTo(view.model().index(1, 0))  # below the long Waktu message
    rect = view.visualRect(view.model().index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.procedure_view.table.current_row() == 8
    edit_cell(qtbot, window, 8, KEGIATAN, "Menandatangani Dokumen Renja")
    edit_cell(qtbot, window, 3, WAKTU, "1 hari")
    assert problems(window) == []
    assert window.procedure_view.problems_panel.title() == "Masalah: tidak ada"


def test_save_makes_a_revision_and_the_old_one_opens_read_only(qtbot, window, catalogue_db):
    edit_cell(qtbot, window, 0, WAKTU, "15 menit")
    qtbot.keyClick(window.procedure_view.table, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert stored(catalogue_db).revision == 2
    assert stored(catalogue_db).sop.steps[0].time == "15 menit"
    assert stored(catalogue_db).sop.revised is not None  # Tanggal Revisi stamped today
    assert not window.isWindowModified() and window.status_label.text() == "Revisi ke-2"
    assert window.list_model.summary(window.list_model.row_of(RENJA)).revision == 2

    history = window.revision_history
    assert [r.revision for r in history.model.revisions] == [2, 1]
    window.tabs.setCurrentWidget(history)
    history.select_revision(1)
    qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    assert window.document.read_only
    assert window.document.sop.steps[0].time == "10 menit"
    assert "hanya baca (revisi terkini: 2)" in window.status_label.text()
    assert "Revisi ke-1" in window.identity_view.toPlainText()
    editor = window.procedure_view
    assert not editor.model.flags(editor.model.index(0, KEGIATAN)) & Qt.ItemFlag.ItemIsEditable
    assert not any(a.isEnabled() for a in editor.step_actions.actions)
    assert not editor.lanes_editor.buttons["add"].isEnabled()
    assert not window.identity_page.edit_button.isEnabled()
    window._on_step_dropped_on_lane(0, "Sekcam")
    assert window.document.sop.steps[0].role == "Camat"

    qtbot.mouseClick(history.back_button, Qt.MouseButton.LeftButton)
    assert not window.document.read_only and window.document.revision == 2


def test_saving_leaves_no_undo_step_of_its_own(qtbot, window, catalogue_db):
    """The save stamps Tanggal Revisi; that is no edit of the user's to undo."""
    edit_cell(qtbot, window, 0, WAKTU, "15 menit")
    window.action_save.trigger()
    assert stored(catalogue_db).sop.revised is not None  # Tanggal Revisi stamped
    assert window.document.sop == stored(catalogue_db).sop
    assert window.action_undo.text() == "&Urungkan ubah Waktu langkah 1"
    assert not window.isWindowModified()
    window.action_undo.trigger()
    assert window.document.sop.steps[0].time == "10 menit" and window.isWindowModified()
    window.action_redo.trigger()  # back to what was saved, stamp and all
    assert window.document.sop == stored(catalogue_db).sop
    assert not window.isWindowModified()


def test_save_takes_the_text_still_being_typed_in_a_cell(qtbot, window, catalogue_db):
    _index, editor = open_cell(window, 1, KEGIATAN)
    editor.selectAll()
    qtbot.keyClicks(editor, "Membentuk Tim Renja")  # no Enter
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(catalogue_db).revision == 2
    assert stored(catalogue_db).sop.steps[1].activity == "Membentuk Tim Renja"


def test_saving_without_changes_says_so_and_writes_nothing(window, dialogs, catalogue_db):
    window.action_save.trigger()
    assert dialogs.infos == ["Tidak ada perubahan yang perlu disimpan."]
    assert stored(catalogue_db).revision == 1


def test_saving_with_problems_asks_for_a_draft(qtbot, window, dialogs, catalogue_db):
    edit_cell(qtbot, window, 2, KEGIATAN, "")
    dialogs.save_draft = False
    window.action_save.trigger()
    assert dialogs.asked == ["draft:1"]
    assert stored(catalogue_db).revision == 1 and window.isWindowModified()
    dialogs.save_draft = True
    window.action_save.trigger()
    saved = stored(catalogue_db)
    assert (saved.revision, saved.is_draft) == (2, True)
    assert saved.sop.steps[2].activity == ""
    name = window.list_model.index(window.list_model.row_of(RENJA), 0).data()
    assert name == "Penyusunan Rencana Kerja (Renja) (draf)"
    assert "draf" in window.status_label.text()


def test_closing_with_unsaved_edits_asks(qtbot, window, dialogs, catalogue_db):
    edit_cell(qtbot, window, 0, KEGIATAN, "Menerima surat")
    dialogs.unsaved = UnsavedAnswer.CANCEL
    assert not window.close()
    assert window.isVisible() and window.isWindowModified()
    assert dialogs.asked == ["unsaved:Penyusunan Rencana Kerja (Renja)"]
    dialogs.unsaved = UnsavedAnswer.SAVE
    assert window.close()
    assert stored(catalogue_db).sop.steps[0].activity == "Menerima surat"


def test_opening_another_database_asks_about_unsaved_edits_first(qtbot, window, dialogs,
                                                                 catalogue_db, tmp_path):
    """Berkas → Basis data… → Buka sekarang closes this window first: with unsaved edits the
    user is asked, and Batal keeps the window, its edits and its database."""
    edit_cell(qtbot, window, 0, KEGIATAN, "Menerima surat")
    dialogs.unsaved = UnsavedAnswer.CANCEL
    assert not window.switch_database(tmp_path / "lain.db")
    assert window.switch_to is None and window.isVisible() and window.isWindowModified()
    assert window.db is catalogue_db
    dialogs.unsaved = UnsavedAnswer.SAVE
    assert window.switch_database(tmp_path / "lain.db")
    assert window.switch_to == tmp_path / "lain.db" and not window.isVisible()
    assert stored(catalogue_db).sop.steps[0].activity == "Menerima surat"


def test_closing_and_discarding_writes_nothing(qtbot, window, dialogs, catalogue_db):
    edit_cell(qtbot, window, 0, KEGIATAN, "Menerima surat")
    dialogs.unsaved = UnsavedAnswer.DISCARD
    assert window.close()
    assert stored(catalogue_db).revision == 1


def test_switching_sop_with_unsaved_edits_asks(qtbot, window, dialogs):
    edit_cell(qtbot, window, 0, KEGIATAN, "Menerima surat")
    dialogs.unsaved = UnsavedAnswer.CANCEL
    window.select_sop("poncokusumo-2018-lkj")
    assert window.selected_sop_id() == RENJA
    assert window.document.sop.steps[0].activity == "Menerima surat"
    dialogs.unsaved = UnsavedAnswer.DISCARD
    window.select_sop("poncokusumo-2018-lkj")
    assert window.document.sop.id == "poncokusumo-2018-lkj"
    assert not window.isWindowModified()


def test_lanes_add_rename_reorder_and_removal_refused_while_used(qtbot, window, dialogs):
    lanes = window.procedure_view.lanes_editor
    lanes.select_lane("Staf")
    qtbot.mouseClick(lanes.buttons["remove"], Qt.MouseButton.LeftButton)
    assert len(dialogs.errors) == 1
    assert dialogs.errors[0].startswith("Lajur 'Staf' masih dipakai oleh langkah 5. Pengetikan")
    assert "langkah 12." in dialogs.errors[0]
    assert "Staf" in window.document.sop.roles

    dialogs.lane_name = "Pelaksana Teknis"
    qtbot.mouseClick(lanes.buttons["rename"], Qt.MouseButton.LeftButton)
    assert window.document.sop.roles[4] == "Pelaksana Teknis"
    assert cell(window, 4, PELAKSANA) == "Pelaksana Teknis"

    dialogs.lane_name = "Lurah"
    qtbot.mouseClick(lanes.buttons["add"], Qt.MouseButton.LeftButton)
    assert window.document.sop.roles[-1] == "Lurah"
    assert problems(window) == ["Lajur 'Lurah' tidak punya langkah"]
    qtbot.mouseClick(lanes.buttons["up"], Qt.MouseButton.LeftButton)
    assert window.document.sop.roles[-2:] == ("Lurah", "Kasubag Umum")
    dialogs.lane_name = "Camat"
    qtbot.mouseClick(lanes.buttons["add"], Qt.MouseButton.LeftButton)
    assert "sudah ada" in dialogs.errors[-1]
    lanes.select_lane("Lurah")
    qtbot.mouseClick(lanes.buttons["remove"], Qt.MouseButton.LeftButton)
    assert "Lurah" not in window.document.sop.roles and problems(window) == []


def test_identity_form_edits_are_undoable_and_refused_when_invalid(qtbot, window, dialogs,
                                                                   catalogue_db):
    window.tabs.setCurrentWidget(window.identity_page)
    qtbot.mouseClick(window.identity_page.edit_button, Qt.MouseButton.LeftButton)
    form = window.identity_page.form
    assert window.identity_page.stack.currentWidget() is form
    nip = form.line_edits["approved_by.nip"]
    nip.selectAll()
    qtbot.keyClicks(nip, "1965 0202")
    assert window.document.sop.approved_by.nip == "1965 0202"
    assert any(p.startswith("Identitas — Disahkan oleh: NIP") for p in problems(window))
    window.action_save.trigger()
    assert dialogs.errors and "harus 18 angka" in dialogs.errors[0]
    assert stored(catalogue_db).revision == 1
    window.action_undo.trigger()  # the typing was one step
    assert window.document.sop.approved_by.nip == "19650202 198710 1 001"

    records = form.list_edits["records"]
    records.setFocus()
    records.moveCursor(records.textCursor().MoveOperation.End)
    qtbot.keyClick(records, Qt.Key.Key_Return)
    qtbot.keyClicks(records, "Arsip digital")
    assert window.document.sop.records == ("Dokumen Renja", "Arsip digital")
    qtbot.keyClick(form.date_edits["effective"], Qt.Key.Key_Up)  # the day goes up by one
    assert window.document.sop.effective.isoformat() == "2018-01-12"
    assert "12 Januari 2018" in window.identity_view.toPlainText()
    window.action_save.trigger()
    saved = stored(catalogue_db)
    assert saved.revision == 2 and saved.sop.records == ("Dokumen Renja", "Arsip digital")


def test_start_writing_an_empty_procedure(qtbot, window, dialogs):
    assert window.select_sop("ngantang-2021-iku")
    editor = window.procedure_view
    assert editor.currentWidget() is editor.placeholder_page
    dialogs.lane_name = "Camat"
    qtbot.mouseClick(editor.start_button, Qt.MouseButton.LeftButton)
    assert editor.currentWidget() is editor.editor_page
    assert window.document.sop.roles == ("Camat",)
    assert (cell(window, 0, 0), cell(window, 0, PELAKSANA)) == ("1", "Camat")
    assert problems(window) == ["Langkah 1: Kegiatan masih kosong"]
    window.action_undo.trigger()
    assert editor.currentWidget() is editor.placeholder_page


def test_new_duplicate_and_delete_sop(qtbot, window, dialogs, catalogue_db):
    dialogs.new_sop = NewSopRequest("Bukan Id", "SOP Baru", "Kecamatan Ngantang")
    window.action_new.trigger()
    assert "tidak sah" in dialogs.errors[-1]
    assert window.list_model.rowCount() == 21

    dialogs.new_sop = NewSopRequest("ngantang-2026-arsip", "Pengelolaan Arsip",
                                    "Kecamatan Ngantang")
    window.action_new.trigger()
    assert window.list_model.rowCount() == 22
    assert window.selected_sop_id() == "ngantang-2026-arsip"
    assert window.title_label.text() == "Pengelolaan Arsip"

    window.select_sop(RENJA)
    dialogs.duplicate_id = "poncokusumo-2026-renja"
    window.action_duplicate.trigger()
    assert window.selected_sop_id() == "poncokusumo-2026-renja"
    assert window.document.sop.steps == stored(catalogue_db).sop.steps

    dialogs.delete = False
    window.action_delete.trigger()
    assert window.list_model.rowCount() == 23
    dialogs.delete = True
    window.action_delete.trigger()
    assert dialogs.asked[-1] == "delete:poncokusumo-2026-renja"
    assert window.list_model.row_of("poncokusumo-2026-renja") == -1
    with catalogue_db.session() as session:
        assert "poncokusumo-2026-renja" not in [s.id for s in catalogue.list_sops(
            session=session)]


def test_list_revisions_matches_the_history_tab(qtbot, window, catalogue_db):
    edit_cell(qtbot, window, 0, WAKTU, "20 menit")
    window.action_save.trigger()
    with catalogue_db.session() as session:
        revisions = editing.list_revisions(RENJA, session=session)
    assert window.revision_history.model.revisions == revisions
    assert window.revision_history.model.index(0, 4).data() == "terkini"


def test_a_last_step_deciding_back_forever_is_a_problem(qtbot, window, dialogs, catalogue_db):
    editor = window.procedure_view
    editor.select_step(11)
    click(qtbot, editor.toolbar, editor.step_actions.decision)
    picker = editor.decision_picker
    qtbot.keyClicks(picker.yes_combo, "6")
    qtbot.keyClicks(picker.no_combo, "5")
    assert window.document.sop.steps[11].decision == Decision(yes=6, no=5)
    assert problems(window) == [
        "Langkah 12: tidak ada jalan keluar dari langkah 4–12: alurnya berputar terus dan tidak "
        "pernah sampai ke akhir prosedur, jadi putarannya tidak dapat selesai; langkah terakhir "
        "tidak boleh berupa keputusan, karena prosedur selesai sesudah langkah terakhir"]
    panel = window.procedure_view.problems_panel
    editor.select_step(0)
    panel.view.clicked.emit(panel.model.index(0, 0))
    assert editor.table.current_row() == 11
    window.action_save.trigger()  # only as a draft, once the user agrees
    assert dialogs.asked[-1] == "draft:1"
    assert stored(catalogue_db).is_draft


# another PC's SOP edits: shown by themselves (polling), never at the cost of unsaved edits
def revise_elsewhere(db, activity: str) -> None:
    """The other PC saves a new revision of Renja with its first step's activity changed."""
    with db.session() as session:
        sop = catalogue.get_sop(RENJA, session=session).sop
        steps = (replace(sop.steps[0], activity=activity), *sop.steps[1:])
        catalogue.import_sops([replace(sop, steps=steps)], session=session, replace=True)


def test_a_revision_saved_on_another_pc_is_shown_by_itself(window, catalogue_db):
    hub = window.hub
    hub.window_active = lambda: True
    assert hub.refresh_if_changed() is False  # nothing changed
    revise_elsewhere(catalogue_db, "Menerima surat dari PC lain")
    hub.window_active = lambda: False
    assert hub.refresh_if_changed() is False  # not while the program is in the background
    hub.window_active = lambda: True
    assert hub.refresh_if_changed()
    assert window.document.current_revision == 2
    assert window.document.sop.steps[0].activity == "Menerima surat dari PC lain"
    assert window.selected_sop_id() == RENJA
    assert hub.refresh_if_changed() is False  # seen now


def test_unsaved_edits_are_kept_and_their_save_is_refused_as_stale(qtbot, window, dialogs,
                                                                  catalogue_db):
    hub = window.hub
    hub.window_active = lambda: True
    edit_cell(qtbot, window, 0, KEGIATAN, "Suntingan di PC ini")
    revise_elsewhere(catalogue_db, "Suntingan di PC lain")
    assert hub.refresh_if_changed()
    assert window.document.is_modified and window.document.current_revision == 1
    assert window.document.sop.steps[0].activity == "Suntingan di PC ini"
    assert "PC lain" in window.statusBar().currentMessage()
    assert window.selected_sop_id() == RENJA and dialogs.asked == []
    assert not window.save()  # stale: refused, told, and the edits are still there
    assert dialogs.errors and window.document.is_modified
    assert stored(catalogue_db).sop.steps[0].activity == "Suntingan di PC lain"
    dialogs.unsaved = UnsavedAnswer.DISCARD  # the user lets them go: the new revision opens
    assert window.sop_editing.resolve_unsaved()
    assert window.document.sop.steps[0].activity == "Suntingan di PC lain"


def test_an_sop_archived_on_another_pc_leaves_the_list(window, catalogue_db):
    hub = window.hub
    hub.window_active = lambda: True
    with catalogue_db.session() as session:
        catalogue.archive_sop(RENJA, session=session)
    assert hub.refresh_if_changed()
    assert window.list_model.row_of(RENJA) < 0 and window.document.sop is None
    with catalogue_db.session() as session:  # brought back there: listed here again
        catalogue.unarchive_sop(RENJA, session=session)
    assert hub.refresh_if_changed() and window.list_model.row_of(RENJA) >= 0


def typing_in_a_cell(qtbot, window, row: int = 0):
    """The window's hub polling as in use, and a cell's editor open with the focus."""
    window.hub.window_active = lambda: True
    index, editor = open_cell(window, row, KEGIATAN)
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    return window.hub, index, editor


def test_a_cell_being_typed_in_is_not_lost_to_another_pcs_revision(qtbot, window,
                                                                  catalogue_db):
    hub, index, editor = typing_in_a_cell(qtbot, window)
    table = window.procedure_view.table
    editor.selectAll()
    qtbot.keyClicks(editor, "Sedang diketik")
    revise_elsewhere(catalogue_db, "Diubah di PC lain")
    assert hub.refresh_if_changed()
    assert table.indexWidget(index) is editor and editor.text() == "Sedang diketik"
    assert window.document.current_revision == 1
    assert "PC lain" in window.statusBar().currentMessage()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # typing given up: the new revision follows
    qtbot.waitUntil(lambda: table.indexWidget(index) is None)
    assert not window.document.is_modified
    assert hub.refresh_if_changed() is False  # nothing new to list; the SOP is reopened
    assert window.document.current_revision == 2
    assert cell(window, 0, KEGIATAN) == "Diubah di PC lain"


def test_an_sop_deleted_elsewhere_while_typing_closes_once_the_typing_stops(qtbot, window,
                                                                           catalogue_db):
    hub, index, editor = typing_in_a_cell(qtbot, window)
    table = window.procedure_view.table
    with catalogue_db.session() as session:  # the other PC deletes it (it has no rounds)
        editing.delete_sop(RENJA, session=session)
    assert hub.refresh_if_changed() and window.document.sop is not None  # still typing
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.indexWidget(index) is None)
    assert hub.refresh_if_changed() is False and window.document.sop is None


def test_reading_the_identity_sheet_is_not_typing(qtbot, window):
    window.tabs.setCurrentWidget(window.identity_page)
    reader = window.identity_page.findChild(QTextBrowser)
    reader.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reader)
    assert not window.catalogue_watch.user_typing()
    typing_in_a_cell(qtbot, window)
    assert window.catalogue_watch.user_typing()

