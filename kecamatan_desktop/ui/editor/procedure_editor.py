"""The "Prosedur" tab: the step table under its toolbar, the lanes and the problems (the
drawing has a tab of its own, so a laptop's screen shows the steps at a usable height); an
invitation to start when nothing is written yet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.decision_picker import DecisionPicker
from kecamatan_desktop.ui.editor.document import SopDocument
from kecamatan_desktop.ui.editor.lanes_editor import LaneDialogs, LanesEditor
from kecamatan_desktop.ui.editor.problems_panel import ProblemsPanel
from kecamatan_desktop.ui.editor.row_clipboard import RowClipboard
from kecamatan_desktop.ui.editor.step_actions import ACTIVITY_COLUMN, StepActions
from kecamatan_desktop.ui.procedure_table import ProcedureTable


class ProcedureEditor(QStackedWidget):
    # the table's current step changed (0-based), for the flowchart to follow
    step_selected = Signal(int)

    def __init__(self, document: SopDocument, dialogs: LaneDialogs, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.dialogs = dialogs
        self.table = ProcedureTable(document)
        self.model = self.table.model_
        self.step_actions = StepActions(document, self.table, self)
        self.decision_picker = DecisionPicker(document)
        self.lanes_editor = LanesEditor(document, dialogs)
        self.problems_panel = ProblemsPanel(document)
        self.row_clipboard = RowClipboard(document, self.table, self.problems_panel, self)
        self.editor_page = self._build_editor_page()
        self.placeholder_page = self._build_placeholder_page()
        self.addWidget(self.editor_page)
        self.addWidget(self.placeholder_page)

        document.changed.connect(self.refresh)
        document.focus_step.connect(self.select_step)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.table.model().modelReset.connect(lambda: self._on_row_changed(
            self.table.currentIndex(), None))
        self.problems_panel.step_activated.connect(self.select_step)
        self.problems_panel.lane_activated.connect(self.lanes_editor.select_lane)
        self.lanes_editor.view.height_changed.connect(self._fit_bottom)
        # a lane added, the next key is for the steps (a space on Tambah reopened its dialog)
        self.lanes_editor.lane_added.connect(lambda _name: self.table.setFocus())
        self.problems_panel.height_changed.connect(self.refresh)
        self.refresh()

    def _build_editor_page(self) -> QSplitter:
        self.toolbar = QToolBar(objectName="stepToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self.step_actions.actions:
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.step_actions.decision)
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.row_clipboard.copy_action, self.row_clipboard.paste_action])
        # the Ya/Tidak pickers on the toolbar's line: the steps get the height of a line more
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 4, 0)
        header.addWidget(self.toolbar)
        header.addWidget(self.decision_picker, 1)
        steps_pane = QWidget()
        steps_layout = QVBoxLayout(steps_pane)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_layout.setSpacing(2)
        steps_layout.addLayout(header)
        steps_layout.addWidget(self.table)

        bottom = QSplitter(Qt.Orientation.Horizontal, objectName="lanesProblemsSplitter")
        bottom.addWidget(self.lanes_editor)
        bottom.addWidget(self.problems_panel)
        # a narrower window narrows both, not the problems alone down to nothing
        bottom.setStretchFactor(0, 1)
        bottom.setStretchFactor(1, 1)
        bottom.setSizes([480, 460])
        self.bottom = bottom

        splitter = QSplitter(Qt.Orientation.Vertical, objectName="procedureSplitter")
        splitter.addWidget(steps_pane)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        for pane in range(2):
            splitter.setCollapsible(pane, False)
        self.splitter = splitter
        return splitter

    def _build_placeholder_page(self) -> QWidget:
        page = QWidget(objectName="procedurePlaceholderPage")
        self.placeholder = QLabel(strings.PROCEDURE_NOT_DRAWN, objectName="procedurePlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.start_button = QPushButton(strings.START_PROCEDURE, objectName="startProcedure")
        self.start_button.clicked.connect(self.start_procedure)
        self.copy_button = QPushButton(strings.COPY_PROCEDURE_BUTTON, objectName="copyProcedure")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.placeholder)
        layout.addSpacing(12)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignHCenter)
        page.addAction(self.row_clipboard.start_paste_action)
        self.paste_button = QToolButton(objectName="pasteProcedure")
        self.paste_button.setDefaultAction(self.row_clipboard.start_paste_action)
        layout.addWidget(self.paste_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    def _fit_bottom(self) -> None:
        """Lanes and problems take the lines they need, the steps the rest."""
        wanted = max(self.lanes_editor.sizeHint().height(),
                     self.problems_panel.sizeHint().height())
        self.bottom.setMaximumHeight(wanted)
        top, bottom = self.splitter.sizes()
        if bottom != wanted and top + bottom > wanted:
            self.splitter.setSizes([top + bottom - wanted, wanted])

    def refresh(self) -> None:
        # the problems were refreshed first: their panel was connected to the document before
        # this editor
        self._fit_bottom()
        sop = self.document.sop
        empty = sop is not None and not sop.steps and not sop.roles
        self.setCurrentWidget(self.placeholder_page if empty else self.editor_page)
        self.start_button.setEnabled(not self.document.read_only)
        self.copy_button.setEnabled(not self.document.read_only)

    def _on_row_changed(self, current, _previous) -> None:
        row = current.row() if current.isValid() else -1
        self.decision_picker.set_row(row)
        if row >= 0:
            self.step_selected.emit(row)

    def commit_open_edit(self) -> None:
        """Store the text of a cell still being typed in, as an edit of its own (saving,
        closing and switching SOP ask for it; a click or shortcut elsewhere does it itself)."""
        self.table.commit_open_edit()

    def select_step(self, row: int) -> None:
        self.table.select_step(row)
        self.table.setFocus()

    def set_step_lane(self, row: int, lane: str) -> None:
        self.step_actions.set_lane(row, lane)

    def start_procedure(self) -> None:
        """Add the first step, asking for its lane when the SOP has none yet."""
        sop = self.document.sop
        if sop is None or self.document.read_only:
            return
        lane = sop.roles[0] if sop.roles else self.dialogs.ask_lane_name(
            strings.START_PROCEDURE, strings.FIRST_LANE_PROMPT, "")
        if lane is None:
            return
        try:
            after = edits.start_procedure(sop, lane.strip())
        except InputError as exc:
            self.dialogs.show_error(strings.EDIT_REFUSED_TITLE, str(exc))
            return
        self.document.apply(after, strings.UNDO_START, focus=len(after.steps) - 1)
        self.table.select_step(len(after.steps) - 1, ACTIVITY_COLUMN)
        self.table.setFocus()
