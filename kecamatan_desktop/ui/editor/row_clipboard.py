"""Ctrl+C and Ctrl+V on the step table: rows out as a spreadsheet's text and as steps with
their lanes and decisions, rows in from Excel, Word or another SOP as one undoable edit."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from kecamatan_desktop.domain.pasted_rows import (
    PasteNote,
    PasteRefused,
    StepBlock,
    block_from_clipboard,
)
from kecamatan_desktop.domain.step_block import (
    MIME_TYPE,
    BlockUnreadable,
    block_from_json,
    check_fits,
    copied_rows_json,
    copied_rows_tsv,
    place_block,
    unknown_lanes,
)
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument
from kecamatan_desktop.ui.editor.problems_panel import ProblemItem, ProblemsPanel
from kecamatan_desktop.ui.message_boxes import ask_yes_no
from kecamatan_desktop.ui.procedure_table import ProcedureTable


class RowClipboard(QObject):
    """The copy and paste actions of the step table; what a paste found goes to Masalah."""

    def __init__(self, document: SopDocument, table: ProcedureTable, problems: ProblemsPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.table = table
        self.problems = problems
        self.copy_action = self._action("actionCopyRows", strings.ROWS_COPY,
                                        strings.ROWS_COPY_TIP, QKeySequence.StandardKey.Copy,
                                        self.copy_rows)
        self.paste_action = self._action("actionPasteRows", strings.ROWS_PASTE,
                                         strings.ROWS_PASTE_TIP, QKeySequence.StandardKey.Paste,
                                         self.paste_rows)
        # keys only while the table has focus: a cell being typed in keeps its own Ctrl+C/V
        for action in (self.copy_action, self.paste_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            table.addAction(action)
        # an SOP with nothing written shows an invitation instead of the table: Ctrl+V there
        self.start_paste_action = self._action(
            "actionPasteProcedure", strings.ROWS_PASTE_START, strings.ROWS_PASTE_TIP,
            QKeySequence.StandardKey.Paste, self.paste_rows)
        self.start_paste_action.setShortcutContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        document.changed.connect(self.refresh)
        table.selectionModel().selectionChanged.connect(lambda *_: self.refresh())
        table.model().modelReset.connect(self.refresh)
        self.refresh()

    def _action(self, name: str, text: str, tip: str, keys, slot) -> QAction:
        action = QAction(text, self, objectName=name, toolTip=tip, statusTip=tip)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def refresh(self) -> None:
        self.copy_action.setEnabled(bool(self.selected_rows()))
        self.paste_action.setEnabled(not self.document.read_only)
        self.start_paste_action.setEnabled(not self.document.read_only)

    def selected_rows(self) -> list[int]:
        sop = self.document.sop
        count = len(sop.steps) if sop else 0
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and 0 <= self.table.current_row() < count:
            rows = [self.table.current_row()]
        return [row for row in rows if row < count]

    # copying ---------------------------------------------------------------------------------
    def copy_rows(self) -> None:
        rows, sop = self.selected_rows(), self.document.sop
        if not rows or sop is None:
            return
        mime = QMimeData()
        mime.setText(copied_rows_tsv(sop, rows))
        mime.setData(MIME_TYPE, QByteArray(copied_rows_json(sop, rows).encode("utf-8")))
        QGuiApplication.clipboard().setMimeData(mime)

    # pasting ---------------------------------------------------------------------------------
    def paste_rows(self) -> None:
        self.paste_mime(QGuiApplication.clipboard().mimeData())

    def paste_mime(self, mime: QMimeData | None) -> None:
        """Insert the rows `mime` holds after the current step (or at the end)."""
        sop = self.document.sop
        if sop is None or self.document.read_only:
            return
        current = self.table.current_row()
        index = current + 1 if 0 <= current < len(sop.steps) else len(sop.steps)
        try:
            block = self._read(mime)
            check_fits(sop, block)
            missing = unknown_lanes(sop, block)
            add = bool(missing) and self.ask_add_lanes(missing, sop.roles[0] if sop.roles
                                                       else None)
            after, placed = place_block(sop, block, index, add_lanes=add)
        except PasteRefused as exc:
            self.problems.show_paste_report([ProblemItem(
                strings.PASTE_REFUSED.format(reason=str(exc)), paste=True)])
            return
        count = len(block.steps)
        self.document.apply(after, strings.UNDO_PASTE.format(count=count), focus=index)
        self._select(index, count)
        added = [lane for lane in after.roles if lane not in sop.roles]
        self.problems.show_paste_report(
            [ProblemItem(self._summary(index, count, added), step=index, paste=True)]
            + [self._note_item(note, index) for note in (*block.notes, *placed)])

    def _read(self, mime: QMimeData | None) -> StepBlock:
        if mime is None:
            return block_from_clipboard(None, None)
        if mime.hasFormat(MIME_TYPE):
            try:
                return block_from_json(bytes(mime.data(MIME_TYPE).data()).decode(
                    "utf-8", errors="replace"))
            except BlockUnreadable:
                block = self._read_text(mime)
                note = PasteNote(None, None, strings.PASTE_OWN_UNREADABLE)
                return StepBlock(block.steps, block.lanes, (note, *block.notes))
        return self._read_text(mime)

    @staticmethod
    def _read_text(mime: QMimeData) -> StepBlock:
        return block_from_clipboard(mime.text() if mime.hasText() else None,
                                    mime.html() if mime.hasHtml() else None)

    def ask_add_lanes(self, lanes: list[str], first: str | None) -> bool:
        """Whether to add the pasted steps' lanes the SOP has not (one question for all)."""
        listed = "\n".join(f"• {lane}" for lane in lanes)
        text = (strings.PASTE_LANES_QUESTION.format(lanes=listed, first=first) if first
                else strings.PASTE_LANES_QUESTION_NONE.format(lanes=listed))
        return ask_yes_no(self.table.window(), strings.PASTE_LANES_TITLE, text)

    def _select(self, index: int, count: int) -> None:
        model = self.table.model()
        selection = QItemSelection(model.index(index, 0),
                                   model.index(index + count - 1, model.columnCount() - 1))
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    @staticmethod
    def _summary(index: int, count: int, added: list[str]) -> str:
        lanes = strings.PASTE_LANES_ADDED.format(lanes=", ".join(added)) if added else ""
        if count == 1:
            return strings.PASTE_DONE_ONE.format(first=index + 1, lanes=lanes)
        return strings.PASTE_DONE.format(count=count, first=index + 1, last=index + count,
                                         lanes=lanes)

    @staticmethod
    def _note_item(note: PasteNote, index: int) -> ProblemItem:
        if note.row is not None:
            step = index + note.row - 1
            return ProblemItem(strings.PASTE_NOTE_ROW.format(
                row=note.row, step=step + 1, column=note.column, message=note.message),
                step=step, paste=True)
        if note.column is not None:
            return ProblemItem(strings.PASTE_NOTE_COLUMN.format(column=note.column,
                                                                message=note.message),
                               paste=True)
        return ProblemItem(strings.PASTE_NOTE.format(message=note.message), paste=True)
