"""The editor on an SOP as real books write it: a step put in several lanes with the lane
picker, a later start and a merged Waktu from the step's context menu, dates written as the
book writes them or not at all, an approver left empty; saved and read back whole, and
Periksa naming what a book leaves open."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from kecamatan_desktop.domain.checks import ERROR, WARNING
from kecamatan_desktop.services.editing import save_revision
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.lane_picker import LanePicker
from tests.ui.test_editor import PELAKSANA, WAKTU, cell, stored
from tests.ui.test_editor import dialogs as dialogs  # noqa: F401 - the fixture
from tests.ui.test_editor import window as window  # noqa: F401 - the fixture
from tests.ui.test_editor_keys import start_typing_lane


def ctrl_space(qtbot, picker: LanePicker) -> None:
    qtbot.keyClick(picker.typed, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)


def test_a_step_is_put_in_several_lanes_with_the_picker(qtbot, window, catalogue_db):
    table = window.procedure_view.table
    picker = start_typing_lane(qtbot, window, 0, "S")  # Camat's step: Sekcam, Staf…
    ctrl_space(qtbot, picker)  # ticks Sekcam, the best match
    picker.typed.clear()
    qtbot.keyClicks(picker.typed, "Camat")
    ctrl_space(qtbot, picker)
    assert picker.ticked() == ("Camat", "Sekcam")  # in lane order, not ticking order
    assert picker.picked.text() == strings.LANE_PICKED.format(lanes="Camat, Sekcam")
    qtbot.keyClick(picker.typed, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(table.model().index(0, PELAKSANA)) is None)
    step = window.document.sop.steps[0]
    assert step.roles == ("Camat", "Sekcam")
    assert cell(window, 0, PELAKSANA) == "Camat, Sekcam"
    assert window.document.undo_stack.undoText() == strings.UNDO_EDIT_CELL.format(
        column="Pelaksana", row=1)
    lanes = window.procedure_view.lanes_editor.model
    sekcam = window.document.sop.roles.index("Sekcam")
    assert lanes.index(sekcam).data() == "Sekcam (3)"  # its two steps and this one

    # the picker opens with the step's lanes ticked; a plain click makes it one lane again
    picker = start_typing_lane(qtbot, window, 0, "C")
    assert picker.ticked() == ("Camat", "Sekcam")
    picker.typed.clear()
    rect = picker.list.visualRect(picker.matches.index(0))
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.document.sop.steps[0].roles == ("Camat",))

    window.document.undo_stack.undo()
    window.action_save.trigger()
    assert stored(catalogue_db).sop.steps[0].roles == ("Camat", "Sekcam")


def test_start_and_merged_waktu_from_the_context_menu_saved_and_read_back(
        qtbot, window, catalogue_db):
    actions = window.procedure_view.step_actions
    menu = actions.menu()
    assert [a.text() for a in menu.actions() if a.text()][-4:] == [
        strings.STEP_DECISION, strings.STEP_START, strings.STEP_JOIN_TIME,
        strings.STEP_SPLIT_TIME]
    table = window.procedure_view.table
    table.select_step(0)
    assert not actions.start.isEnabled() and actions.start.isChecked()  # step 1 always is
    table.select_step(8)
    actions.start.trigger()
    assert window.document.sop.steps[8].start
    assert cell(window, 8, 0) == strings.STEP_START_MARK.format(no=9) == "▶ 9"

    table.select_step(2)
    assert not actions.join_time.isEnabled()  # step 4 has its own Waktu ("1 hari")
    shown = []
    actions.show_error = lambda title, text: shown.append(text)
    actions.join_time_with_next()  # as if the action were reached: said, nothing changed
    assert "Langkah 4 punya Waktu sendiri" in shown[0]
    assert window.document.sop.steps[2].time_span == 1
    table.select_step(3)
    table.model().setData(table.model().index(3, WAKTU), "")
    table.select_step(2)
    assert actions.join_time.isEnabled() and not actions.split_time.isEnabled()
    actions.join_time.trigger()
    sop = window.document.sop
    assert (sop.steps[2].time, sop.steps[2].time_span) == ("1 hari", 2)
    assert cell(window, 2, WAKTU) == "1 hari\n" + strings.TIME_SPAN_HEAD.format(first=3, last=4)
    assert cell(window, 3, WAKTU) == strings.TIME_SPAN_COVERED.format(no=3)
    covered = table.model().index(3, WAKTU)
    assert not table.model().flags(covered) & Qt.ItemFlag.ItemIsEditable
    assert not table.model().setData(covered, "2 jam")
    assert [p for p in window.procedure_view.problems_panel.model.messages()
            if p.startswith("Langkah 4")] == []

    window.action_save.trigger()
    saved = stored(catalogue_db).sop
    assert saved.steps[8].start and saved.steps[2].time_span == 2
    assert saved.steps[3].time == ""

    table.select_step(3)
    assert actions.split_time.isEnabled()
    actions.split_time.trigger()
    assert window.document.sop.steps[2].time_span == 1
    assert window.document.undo_stack.undoText() == strings.UNDO_SPLIT_TIME.format(row=4)


def test_dates_written_as_the_book_writes_them_or_not_at_all(qtbot, window, catalogue_db):
    window.tabs.setCurrentWidget(window.identity_page)
    window.identity_page.set_editing(True)
    form = window.identity_page.form
    written = form.date_texts["created"]
    written.setFocus()
    qtbot.keyClicks(written, "Oktober 2024")
    sop = window.document.sop
    assert (sop.created, sop.created_text) == (None, "Oktober 2024")
    assert not form.date_edits["created"].isEnabled()
    given = form.date_set["effective"]
    assert given.isChecked()
    form.ensureWidgetVisible(given)
    qtbot.waitUntil(given.isVisible)
    qtbot.mouseClick(given, Qt.MouseButton.LeftButton)  # not written
    assert not given.isChecked()
    assert (window.document.sop.effective, window.document.sop.effective_text) == (None, "")
    assert not form.date_edits["effective"].isEnabled()
    assert not form.date_texts["effective"].isEnabled()
    window.action_save.trigger()
    saved = stored(catalogue_db).sop
    assert (saved.created, saved.created_text, saved.effective) == (None, "Oktober 2024", None)

    # Periksa names both; the written text cleared, the whole date comes back
    result = window.sop_check.run()
    dates = {f.place: f.severity for f in result.findings if f.rule == "tanggal"}
    assert dates == {"created": WARNING, "effective": WARNING}
    written.selectAll()
    qtbot.keyClick(written, Qt.Key.Key_Backspace)
    assert window.document.sop.created == form.date_edits["created"].date().toPython()
    assert form.date_edits["created"].isEnabled()


def test_an_approver_left_empty_is_saved_and_periksa_says_fill_it_before_printing(
        qtbot, window, catalogue_db):
    window.identity_page.set_editing(True)
    nip = window.identity_page.form.line_edits["approved_by.nip"]
    nip.setFocus()
    nip.selectAll()
    qtbot.keyClick(nip, Qt.Key.Key_Backspace)
    assert window.document.sop.approved_by.nip == ""
    window.action_save.trigger()
    assert stored(catalogue_db).sop.approved_by.nip == ""
    result = window.sop_check.run()
    [finding] = [f for f in result.findings if f.rule == "pengesah"]
    assert (finding.severity, finding.place) == (ERROR, "approved_by.nip")
    assert any("isi sebelum dicetak" in m
               for m in window.procedure_view.problems_panel.model.messages())


@pytest.fixture
def book_sop(catalogue_db):
    """Renja saved with step 3 in three lanes and Waktu "3 hari kerja" over steps 3-5."""
    sop = stored(catalogue_db).sop
    steps = list(sop.steps)
    steps[2] = replace(steps[2], other_roles=("Kasubag Evapor", "Staf"), time="3 hari kerja",
                       time_span=3)
    steps[3] = replace(steps[3], time="")
    steps[4] = replace(steps[4], time="")
    with catalogue_db.session() as session:
        save_revision(replace(sop, steps=tuple(steps)), session=session)
    return stored(catalogue_db).sop


def test_a_book_sop_opens_and_a_step_deleted_under_its_merged_waktu_shrinks_it(
        qtbot, book_sop, window):  # saved before the window opens it
    assert cell(window, 2, PELAKSANA) == "Tim, Kasubag Evapor, Staf"
    table = window.procedure_view.table
    table.select_step(3)
    window.procedure_view.step_actions.delete.trigger()
    sop = window.document.sop
    assert (sop.steps[2].time, sop.steps[2].time_span) == ("3 hari kerja", 2)
    assert sop.steps[2].roles == ("Tim", "Kasubag Evapor", "Staf")
    window.document.undo_stack.undo()
    assert window.document.sop == book_sop
