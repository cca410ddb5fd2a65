"""The step toolbar's actions: add, insert, delete, move, and make a step a decision; with
the table's keys Ctrl+Enter (a step below this one) and Alt+↑/↓. The step's context menu
has them too, with what real books draw: a later start, a Waktu merged with the next
step's and split again."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.waktu_span import span_of
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument
from kecamatan_desktop.ui.procedure_table import ProcedureTable

ACTIVITY_COLUMN = 1


class StepActions(QObject):
    """Each action turns the current document into the next one through `domain.edits`."""

    def __init__(self, document: SopDocument, table: ProcedureTable, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.table = table
        self.add = self._action("actionAddStep", strings.STEP_ADD, strings.STEP_ADD_TIP,
                                self.add_step)
        self.add_below = self._action("actionAddStepBelow", strings.STEP_ADD_BELOW,
                                      strings.STEP_ADD_BELOW_TIP, self.add_step_below)
        self.insert = self._action("actionInsertStep", strings.STEP_INSERT,
                                   strings.STEP_INSERT_TIP, self.insert_step)
        self.delete = self._action("actionDeleteStep", strings.STEP_DELETE,
                                   strings.STEP_DELETE_TIP, self.delete_step)
        self.up = self._action("actionStepUp", strings.STEP_UP, strings.STEP_UP_TIP,
                               lambda: self.move_step(-1))
        self.down = self._action("actionStepDown", strings.STEP_DOWN, strings.STEP_DOWN_TIP,
                                 lambda: self.move_step(1))
        self.decision = self._action("actionDecision", strings.STEP_DECISION,
                                     strings.STEP_DECISION_TIP, self.toggle_decision)
        self.decision.setCheckable(True)
        self.start = self._action("actionStepStart", strings.STEP_START,
                                  strings.STEP_START_TIP, self.toggle_start)
        self.start.setCheckable(True)
        self.join_time = self._action("actionJoinTime", strings.STEP_JOIN_TIME,
                                      strings.STEP_JOIN_TIME_TIP, self.join_time_with_next)
        self.split_time = self._action("actionSplitTime", strings.STEP_SPLIT_TIME,
                                       strings.STEP_SPLIT_TIME_TIP, self.split_merged_time)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_menu)
        # shortcuts only while the table or a cell's editor has focus, so they never steal
        # keys from a text field elsewhere (the cell is stored first: see OpenEditGuard)
        self.add_below.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.up.setShortcut(QKeySequence("Alt+Up"))
        self.down.setShortcut(QKeySequence("Alt+Down"))
        for action in (self.add_below, self.up, self.down):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            table.addAction(action)
        document.changed.connect(self.refresh)
        table.selectionModel().currentRowChanged.connect(lambda *_: self.refresh())
        table.model().modelReset.connect(self.refresh)

    def _action(self, name: str, text: str, tip: str, slot) -> QAction:
        action = QAction(text, self, objectName=name, toolTip=tip, statusTip=tip)
        action.triggered.connect(slot)
        return action

    @property
    def actions(self) -> list[QAction]:
        return [self.add, self.insert, self.delete, self.up, self.down]

    def refresh(self) -> None:
        sop = self.document.sop
        row = self.table.current_row()
        count = len(sop.steps) if sop else 0
        editable = not self.document.read_only
        has_row = editable and 0 <= row < count
        self.add.setEnabled(editable)
        self.add_below.setEnabled(editable)
        self.insert.setEnabled(editable)
        self.delete.setEnabled(has_row)
        self.up.setEnabled(has_row and row > 0)
        self.down.setEnabled(has_row and row < count - 1)
        self.decision.setEnabled(has_row)
        self.decision.setChecked(bool(sop and has_row and sop.steps[row].decision))
        self.start.setEnabled(has_row and row > 0)
        self.start.setChecked(bool(sop and has_row and (row == 0 or sop.steps[row].start)))
        span = span_of(sop.steps, row) if sop and has_row else range(0)
        self.join_time.setEnabled(has_row and span.stop < count
                                  and not sop.steps[span.stop].time.strip())
        self.split_time.setEnabled(len(span) > 1)

    def menu(self) -> QMenu:
        """The step's context menu: the toolbar's edits and the marks real books draw."""
        menu = QMenu(self.table)
        menu.addActions([self.add_below, self.insert, self.delete, self.up, self.down])
        menu.addSeparator()
        menu.addActions([self.decision, self.start])
        menu.addSeparator()
        menu.addActions([self.join_time, self.split_time])
        return menu

    def _show_menu(self, at: QPoint) -> None:
        index = self.table.indexAt(at)
        if index.isValid():
            self.table.select_step(index.row(), index.column())
        self.menu().exec(self.table.viewport().mapToGlobal(at))

    # the edits -------------------------------------------------------------------------------
    def add_step(self) -> None:
        sop = self.document.sop
        if sop is None:
            return
        self._insert_at(len(sop.steps), strings.UNDO_ADD_STEP)

    def add_step_below(self) -> None:
        """Ctrl+Enter: a new step under the current one, its Kegiatan ready to be typed."""
        sop = self.document.sop
        if sop is None:
            return
        row = self.table.current_row()
        self._insert_at(row + 1 if row >= 0 else len(sop.steps), strings.UNDO_ADD_STEP)
        self.table.setFocus()

    def insert_step(self) -> None:
        sop = self.document.sop
        if sop is None:
            return
        row = self.table.current_row()
        self._insert_at(row if row >= 0 else len(sop.steps), strings.UNDO_INSERT_STEP)

    def _insert_at(self, row: int, text: str) -> None:
        sop = self.document.sop
        assert sop is not None
        current = self.table.current_row()
        # a new step goes to the lane of the step the user is looking at
        role = sop.steps[current].role if 0 <= current < len(sop.steps) else None
        self.document.apply(edits.insert_step(sop, row, role), text, focus=row)
        self.table.select_step(row, ACTIVITY_COLUMN)

    def delete_step(self) -> None:
        sop, row = self.document.sop, self.table.current_row()
        if sop is None or not 0 <= row < len(sop.steps):
            return
        focus = min(row, len(sop.steps) - 2)
        self.document.apply(edits.delete_step(sop, row),
                            strings.UNDO_DELETE_STEP.format(row=row + 1),
                            focus=focus if focus >= 0 else None)

    def move_step(self, delta: int) -> None:
        sop, row = self.document.sop, self.table.current_row()
        if sop is None or not 0 <= row + delta < len(sop.steps) or row < 0:
            return
        self.document.apply(edits.move_step(sop, row, delta),
                            strings.UNDO_MOVE_STEP.format(row=row + 1), focus=row + delta)
        self.table.select_step(row + delta)

    def toggle_decision(self) -> None:
        sop, row = self.document.sop, self.table.current_row()
        if sop is None or not 0 <= row < len(sop.steps):
            return
        if sop.steps[row].decision is None:
            after, text = edits.make_decision(sop, row), strings.UNDO_MAKE_DECISION
        else:
            after, text = edits.clear_decision(sop, row), strings.UNDO_CLEAR_DECISION
        self.document.apply(after, text.format(row=row + 1), focus=row)

    def set_lane(self, row: int, lane: str) -> None:
        """Move step `row` to `lane` (from the flowchart, where a step is dropped on a lane)."""
        sop = self.document.sop
        if sop is None or not 0 <= row < len(sop.steps) or lane not in sop.roles:
            return
        self.document.apply(edits.move_step_lane(sop, row, lane),
                            strings.UNDO_STEP_LANE.format(row=row + 1, lane=lane), focus=row)

    def toggle_start(self) -> None:
        sop, row = self.document.sop, self.table.current_row()
        if sop is None or not 0 < row < len(sop.steps):
            return
        start = not sop.steps[row].start
        text = strings.UNDO_START_MARK if start else strings.UNDO_START_CLEAR
        self.document.apply(edits.set_start(sop, row, start), text.format(row=row + 1),
                            focus=row)

    def join_time_with_next(self) -> None:
        self._time_edit(edits.join_time, strings.UNDO_JOIN_TIME)

    def split_merged_time(self) -> None:
        self._time_edit(edits.split_time, strings.UNDO_SPLIT_TIME)

    def _time_edit(self, edit, text: str) -> None:
        sop, row = self.document.sop, self.table.current_row()
        if sop is None or self.document.read_only or not 0 <= row < len(sop.steps):
            return
        try:
            after = edit(sop, row)
        except InputError as exc:  # the actions are disabled then; said should one slip by
            self.show_error(strings.EDIT_REFUSED_TITLE, str(exc))
            return
        self.document.apply(after, text.format(row=row + 1), focus=row)

    def show_error(self, title: str, text: str) -> None:
        """A modal message; tests replace it."""
        QMessageBox.warning(self.table.window(), title, text)
