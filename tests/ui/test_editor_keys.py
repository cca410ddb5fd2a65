"""The step table as a clerk types in it: nothing typed is lost to any action, lanes chosen by
typing part of their name, Enter goes down, Ctrl+Enter adds a step, a dragged row moves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from kecamatan_desktop.domain.sop import Decision
from kecamatan_desktop.ui.editor.sop_editing import UnsavedAnswer
from kecamatan_desktop.ui.lane_picker import LanePicker
from tests.ui import test_editor as base
from tests.ui.test_editor import KEGIATAN, PELAKSANA, RENJA, cell, click, open_cell, stored

window, dialogs = base.window, base.dialogs  # the fixtures of the editor's tests

KELENGKAPAN = 3
TYPED = "Surat tugas Tim Renja"


def type_in_cell(qtbot, w, row: int, column: int = KELENGKAPAN, text: str = TYPED):
    """Double-click a cell, type in it, and leave it open, the focus in it (no Enter)."""
    index, editor = open_cell(w, row, column)
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    return index, editor


def undo_texts(w) -> list[str]:
    stack = w.document.undo_stack
    return [stack.text(i) for i in range(stack.index())]


def press(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# every action, with step 2's Kelengkapan typed in and open: (the action, where step 2's text
# is found afterwards, the undo step the action itself adds)
def _toolbar(name):
    return lambda qtbot, w: click(qtbot, w.procedure_view.toolbar,
                                  getattr(w.procedure_view.step_actions, name))


def _key(key, modifier=Qt.KeyboardModifier.NoModifier):
    return lambda qtbot, w: qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _lane_button(key, answer=None):
    def act(qtbot, w):
        w.ask_lane_name = lambda title, prompt, current: answer
        w.procedure_view.lanes_editor.select_lane("Tim")
        press(qtbot, w.procedure_view.lanes_editor.buttons[key])
    return act


def _decision_list(qtbot, w):
    picker = w.procedure_view.decision_picker
    press(qtbot, picker.no_combo)  # opens its list: the cell is stored first
    picker.no_combo.hidePopup()
    qtbot.keyClick(picker.no_combo, Qt.Key.Key_Down)


def _tab(qtbot, w):
    bar = w.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(w.tabs.indexOf(w.flowchart)).center())


def _menu(qtbot, w):
    bar = w.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(w.file_menu.menuAction()).center())
    qtbot.waitUntil(w.file_menu.isVisible)
    w.file_menu.hide()


def _export_json(qtbot, w):
    w.ask_export_path = lambda suggested: None  # the file dialog, cancelled
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _main_toolbar(name):
    return lambda qtbot, w: press(qtbot, w.toolbar.widgetForAction(getattr(w, name)))


ACTIONS = {
    "Tambah langkah": (_toolbar("add"), 1, "tambah langkah"),
    "Sisipkan": (_toolbar("insert"), 2, "sisipkan langkah"),
    "Hapus": (_toolbar("delete"), None, "hapus langkah 2"),
    "Naik": (_toolbar("up"), 0, "pindahkan langkah 2"),
    "Turun": (_toolbar("down"), 2, "pindahkan langkah 2"),
    "Jadikan keputusan": (_toolbar("decision"), 1, "jadikan langkah 2 keputusan"),
    "Ctrl+Enter": (_key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier), 1,
                   "tambah langkah"),
    "Alt+Up": (_key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier), 0,
               "pindahkan langkah 2"),
    "Alt+Down": (_key(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier), 2,
                 "pindahkan langkah 2"),
    "lajur Tambah": (_lane_button("add", "Lurah"), 1, "tambah lajur Lurah"),
    "lajur Ganti nama": (_lane_button("rename", "Tim Perencana"), 1,
                         "ganti nama lajur Tim menjadi Tim Perencana"),
    "lajur Ke kanan": (_lane_button("down"), 1, "pindahkan lajur Tim"),
    "lajur Hapus (ditolak)": (_lane_button("remove"), 1, None),
    "tab Diagram alir": (_tab, 1, None),
    "menu Berkas": (_menu, 1, None),
    "Ctrl+Shift+S (ekspor)": (_export_json, 1, None),
    "Simpan langkah lain (klik baris 5)": (
        lambda qtbot, w: qtbot.mouseClick(
            w.procedure_view.table.viewport(), Qt.MouseButton.LeftButton,
            pos=w.procedure_view.table.visualRect(
                w.procedure_view.model.index(4, KEGIATAN)).center()), 1, None),
}


@pytest.mark.parametrize("name", list(ACTIONS))
def test_every_action_first_stores_the_cell_being_typed_in(qtbot, window, name):
    act, row_after, action_text = ACTIONS[name]
    before = undo_texts(window)
    type_in_cell(qtbot, window, 1)
    act(qtbot, window)
    table = window.procedure_view.table
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    typed_step = "ubah Kelengkapan langkah 2"
    expected = [*before, typed_step] + ([action_text] if action_text else [])
    assert undo_texts(window) == expected
    if row_after is not None:
        assert window.document.sop.steps[row_after].requirements == TYPED
    if action_text:  # undoing the action keeps the text; one more undo takes the text away
        window.document.undo_stack.undo()
        assert window.document.sop.steps[1].requirements == TYPED
    window.document.undo_stack.undo()
    assert window.document.sop.steps[1].requirements == (
        "Disposisi pada surat masuk, struktur organisasi")


def test_the_decision_lists_store_the_cell_first(qtbot, window):
    type_in_cell(qtbot, window, 5)  # step 6 decides: Ya → 7, Tidak → 5
    _decision_list(qtbot, window)
    assert window.document.sop.steps[5].requirements == TYPED
    assert window.document.sop.steps[5].decision == Decision(yes=7, no=7)  # 6 is itself
    assert undo_texts(window)[-2:] == ["ubah Kelengkapan langkah 6",
                                       "ubah cabang Tidak langkah 6"]


def test_undo_with_a_cell_open_takes_back_the_typing_and_redo_brings_it(qtbot, window):
    type_in_cell(qtbot, window, 1)
    _main_toolbar("action_undo")(qtbot, window)
    assert window.document.sop.steps[1].requirements != TYPED
    press(qtbot, window.toolbar.widgetForAction(window.action_redo))
    assert window.document.sop.steps[1].requirements == TYPED


def test_saving_closing_and_switching_take_the_cell(qtbot, window, dialogs, catalogue_db):
    type_in_cell(qtbot, window, 1)
    _main_toolbar("action_save")(qtbot, window)
    assert stored(catalogue_db).sop.steps[1].requirements == TYPED

    type_in_cell(qtbot, window, 2, text="Bahan Renja")
    dialogs.unsaved = UnsavedAnswer.CANCEL
    window.select_sop("poncokusumo-2018-lkj")  # asks; Batal keeps the SOP and the text
    assert dialogs.asked[-1].startswith("unsaved:")
    assert window.document.sop.steps[2].requirements == "Bahan Renja"

    type_in_cell(qtbot, window, 3, text="Pedoman Renja")
    dialogs.unsaved = UnsavedAnswer.SAVE
    assert window.close()
    saved = stored(catalogue_db).sop
    assert (saved.steps[2].requirements, saved.steps[3].requirements) == (
        "Bahan Renja", "Pedoman Renja")


# lanes by keyboard ---------------------------------------------------------------------------
def start_typing_lane(qtbot, w, row: int, first: str) -> LanePicker:
    """On the Pelaksana cell of `row`, the first letter opens the list (typed into it)."""
    table = w.procedure_view.table
    table.setFocus()
    table.select_step(row, PELAKSANA)
    qtbot.keyClicks(table, first)
    picker = table.indexWidget(table.model().index(row, PELAKSANA))
    assert isinstance(picker, LanePicker)
    return picker


def matches(picker: LanePicker) -> list[str]:
    return picker.matches.stringList()


@pytest.mark.parametrize(("row", "typed", "lane"), [
    (4, "Se", "Sekcam"),  # Staf's step: "Se" gave Staf
    (0, "Kasubag U", "Kasubag Umum"),  # gave Kasubag Evapor
    (0, "umum", "Kasubag Umum"),  # anywhere in the name, any case
    (1, "ST", "Staf"),
])
def test_a_lane_is_chosen_by_typing_part_of_its_name_and_enter(qtbot, window, row, typed,
                                                                lane):
    table = window.procedure_view.table
    before = window.document.sop
    picker = start_typing_lane(qtbot, window, row, typed[0])
    assert window.document.sop == before  # nothing on the first letter
    qtbot.keyClicks(picker.typed, typed[1:])
    assert window.document.sop == before
    assert picker.highlighted() == lane
    qtbot.keyClick(picker.typed, Qt.Key.Key_Return)
    assert window.document.sop.steps[row].role == lane
    assert undo_texts(window)[-1] == f"ubah Pelaksana langkah {row + 1}"
    assert table.indexWidget(table.model().index(row, PELAKSANA)) is None
    assert table.currentIndex() == table.model().index(row + 1, PELAKSANA)  # Enter goes down


def test_typing_s_lists_every_lane_holding_it_prefix_first_and_changes_nothing(qtbot, window):
    before = window.document.sop
    picker = start_typing_lane(qtbot, window, 1, "S")
    assert matches(picker) == ["Sekcam", "Staf", "Kasubag Evapor", "Kasubag Umum"]
    qtbot.keyClicks(picker.typed, "SS")  # the S pressed again stays in the list
    assert picker.typed.text() == "SSS" and matches(picker) == []
    assert picker.nothing.isVisibleTo(picker)
    assert "Tidak ada lajur yang memuat 'SSS'" in picker.nothing.text()
    qtbot.keyClick(picker.typed, Qt.Key.Key_Return)  # nothing to choose: nothing happens
    assert window.document.sop == before and picker.isVisible()
    qtbot.keyClick(picker.typed, Qt.Key.Key_Escape)
    table = window.procedure_view.table
    qtbot.waitUntil(lambda: table.indexWidget(table.model().index(1, PELAKSANA)) is None)
    assert window.document.sop == before and table.current_row() == 1


def test_arrows_tab_and_a_click_choose_a_lane(qtbot, window):
    table = window.procedure_view.table
    picker = start_typing_lane(qtbot, window, 0, "k")
    assert matches(picker) == ["Kasubag Evapor", "Kasubag Umum", "Sekcam"]
    qtbot.keyClick(picker.typed, Qt.Key.Key_Down)
    qtbot.keyClick(picker.typed, Qt.Key.Key_Tab)  # fills the cell, on to Kelengkapan
    assert window.document.sop.steps[0].role == "Kasubag Umum"
    qtbot.waitUntil(lambda: isinstance(table.indexWidget(table.model().index(0, KELENGKAPAN)),
                                       QLineEdit))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    table.edit(table.model().index(2, PELAKSANA))  # a double click opens the whole list
    picker = table.indexWidget(table.model().index(2, PELAKSANA))
    assert matches(picker) == list(window.document.sop.roles)
    assert picker.highlighted() == "Tim"  # step 3's lane
    rect = picker.list.visualRect(picker.matches.index(1))
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.sop.steps[2].role == "Sekcam"


def test_the_lane_list_shows_every_lane_over_the_rows_below(qtbot, window):
    picker = start_typing_lane(qtbot, window, 0, "a")
    table = window.procedure_view.table
    cell_rect = table.visualRect(table.model().index(0, PELAKSANA))
    assert picker.geometry().top() == cell_rect.top()
    assert picker.height() > 6 * picker.list.sizeHintForRow(0)
    qtbot.keyClick(picker.typed, Qt.Key.Key_Backspace)
    assert matches(picker) == list(window.document.sop.roles)
    assert not picker.list.verticalScrollBar().isVisible()


# Enter, Ctrl+Enter, dragging rows ------------------------------------------------------------
def test_enter_stores_the_cell_and_goes_down_the_same_column(qtbot, window):
    table = window.procedure_view.table
    type_in_cell(qtbot, window, 10, column=KELENGKAPAN, text="Dokumen Renja")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert cell(window, 10, KELENGKAPAN) == "Dokumen Renja"
    assert table.currentIndex() == table.model().index(11, KELENGKAPAN)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # on the last row: it stays, nothing is added
    assert table.currentIndex() == table.model().index(11, KELENGKAPAN)
    assert table.model().rowCount() == 12
    table.select_step(3)
    qtbot.keyClick(table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert table.current_row() == 4


def test_ctrl_enter_adds_a_step_below_ready_for_its_kegiatan(qtbot, window):
    table = window.procedure_view.table
    table.setFocus()
    table.select_step(3, KELENGKAPAN)
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert table.model().rowCount() == 13
    assert table.currentIndex() == table.model().index(4, KEGIATAN)
    assert window.document.sop.steps[4].role == "Kasubag Evapor"  # the lane of the step above
    assert window.document.sop.steps[6].decision == Decision(yes=8, no=6)  # targets follow
    qtbot.keyClicks(table, "M")  # typing goes straight into the new Kegiatan
    qtbot.keyClicks(QApplication.focusWidget(), "emeriksa")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert cell(window, 4, KEGIATAN) == "Memeriksa"


def test_ctrl_enter_and_alt_arrows_do_not_reach_beyond_the_table(qtbot, window):
    steps = window.document.sop.steps
    window.search_box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_box)
    for key, modifier in ((Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)):
        qtbot.keyClick(window.search_box, key, modifier)
    assert window.document.sop.steps == steps


def drop_row(table, source: int, target_row: int, below: bool = False) -> bool:
    """Drag step `source` over the table and drop it on the upper (or lower) edge of row
    `target_row`, as the mouse does: whether the table took it."""
    data = table.model().mimeData([table.model().index(source, KEGIATAN)])
    rect = table.visualRect(table.model().index(target_row, KEGIATAN))
    point = QPoint(rect.center().x(), rect.bottom() - 1 if below else rect.top() + 1)
    args = (Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    for event in (QDragEnterEvent(point, *args), QDragMoveEvent(point, *args),
                  drop := QDropEvent(QPointF(point), *args)):
        QApplication.sendEvent(table.viewport(), event)
    return drop.isAccepted()


def test_dragging_a_row_moves_its_step_and_the_decisions_follow(qtbot, window):
    table = window.procedure_view.table
    sop = window.document.sop
    assert drop_row(table, 1, 4)  # step 2 dropped above step 5: it becomes step 4
    after = window.document.sop
    assert [s.activity for s in after.steps[:4]] == [
        sop.steps[0].activity, sop.steps[2].activity, sop.steps[3].activity,
        sop.steps[1].activity]
    assert [s.no for s in after.steps] == [str(i) for i in range(1, 13)]
    assert after.steps[5].decision == sop.steps[5].decision  # 7 and 5 did not move
    assert table.current_row() == 3
    assert undo_texts(window)[-1] == "pindahkan langkah 2"
    window.action_undo.trigger()
    assert window.document.sop == sop
    assert drop_row(table, 6, 2, below=True)  # step 7 (Ya → 8, Tidak → 4) to below step 3
    moved = window.document.sop
    assert moved.steps[3].activity == sop.steps[6].activity
    assert moved.steps[3].decision == Decision(yes=8, no=5)
    assert moved.steps[6].decision == Decision(yes=4, no=6)  # step 6 (now 7) follows both


def test_a_drop_from_another_sop_or_onto_itself_changes_nothing(qtbot, window):
    table = window.procedure_view.table
    sop = window.document.sop
    other = QMimeData()
    other.setData("application/x-kecamatan-langkah", b"poncokusumo-2018-lkj\n1")
    assert not table.model().dropMimeData(other, Qt.DropAction.MoveAction, 4, 0,
                                          QModelIndex())
    assert not drop_row(table, 3, 3)  # onto itself
    assert window.document.sop == sop
    assert window.document.undo_stack.count() == 0
    assert sop.id == RENJA


# room on a laptop's screen -------------------------------------------------------------------
def test_nine_lanes_are_all_in_view_and_a_lane_added_hands_the_keys_to_the_steps(
        qtbot, window, dialogs):
    window.resize(1366, 740)  # a laptop's screen, whatever size earlier tests left windows at
    qtbot.waitUntil(lambda: window.width() == 1366)
    editor = window.procedure_view
    lanes = editor.lanes_editor
    for name in ("Kasi Pemerintahan", "Kasi Ekbang", "Kasi Trantib"):
        dialogs.lane_name = name
        press(qtbot, lanes.buttons["add"])
        qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.table)
    assert len(window.document.sop.roles) == 9
    view = lanes.view
    for row in range(9):
        assert view.viewport().rect().contains(view.visualRect(lanes.model.index(row)))
    # the band under the steps as tall as its lanes (or problems) need, the steps the rest
    assert editor.bottom.height() == max(lanes.sizeHint().height(),
                                         editor.problems_panel.sizeHint().height())
    dialogs.lane_name = "Kasi Trantib"  # refused (there already): the focus stays for a retry
    editor.table.setFocus()
    press(qtbot, lanes.buttons["add"])
    assert "sudah ada" in dialogs.errors[-1]
