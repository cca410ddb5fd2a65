"""The procedure as an editable table of the official columns, over the edited document."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.sop import Sop, Step
from kecamatan_desktop.domain.waktu_span import covering
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.cell_editing import CellDelegate, OpenEditGuard
from kecamatan_desktop.ui.editor.document import SopDocument
from kecamatan_desktop.ui.lane_picker import LaneDelegate, LanePicker, LanesRole

_Index = QModelIndex | QPersistentModelIndex

# what a dragged row carries: the SOP's id and the row, so a drop elsewhere is refused
STEP_ROW_MIME = "application/x-kecamatan-langkah"
# column -> Step field; the Pelaksana column edits `role` and a step's other lanes
FIELDS = ("no", "activity", "role", "requirements", "time", "output", "notes")
NO_COLUMN = 0
ROLE_COLUMN = 2
TIME_COLUMN = 4


class ProcedureTableModel(QAbstractTableModel):
    """Rows are steps; every cell but the decision mark is editable unless read-only."""

    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._sop: Sop | None = None
        document.changed.connect(self._on_changed)
        self._on_changed()

    @property
    def steps(self) -> tuple[Step, ...]:
        return self._sop.steps if self._sop else ()

    def _on_changed(self) -> None:
        sop = self.document.sop
        if sop is not None and self._sop is not None and len(sop.steps) == len(self.steps):
            self._sop = sop
            if sop.steps:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(sop.steps) - 1, len(FIELDS) - 1))
            return
        self.beginResetModel()
        self._sop = sop
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        step = self.steps[index.row()]
        field = FIELDS[index.column()]
        if role == LanesRole:
            return step.roles
        if role == Qt.ItemDataRole.EditRole:
            return getattr(step, field)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.column() == ROLE_COLUMN:
            text = strings.STEP_LANES_SEPARATOR.join(step.roles)
            if step.decision is not None:
                text += "\n◇ " + strings.DECISION_MARK.format(
                    yes=self._target_no(step.decision.yes),
                    no=self._target_no(step.decision.no))
            return text
        tip = role == Qt.ItemDataRole.ToolTipRole
        if index.column() == TIME_COLUMN:
            return self._time_text(index.row(), tip)
        if index.column() == NO_COLUMN and step.start and index.row() > 0:
            return (strings.STEP_START_MARK_TIP if tip else strings.STEP_START_MARK).format(
                no=step.no)
        return getattr(step, field)

    def _time_text(self, row: int, tip: bool) -> str:
        """A Waktu merged over several steps: written once, each step saying where it is."""
        head = covering(self.steps)[row]
        if head is None:
            return self.steps[row].time
        last = head + self.steps[head].time_span
        if head == row:
            return self.steps[row].time + "\n" + strings.TIME_SPAN_HEAD.format(
                first=self._no(head), last=self._no(last - 1))
        covered = strings.TIME_SPAN_COVERED_TIP if tip else strings.TIME_SPAN_COVERED
        return covered.format(no=self._no(head))

    def _no(self, index: int) -> str:
        return self.steps[index].no.strip() or str(index + 1)

    def _target_no(self, target: int | None) -> str:
        if target is None or not 1 <= target <= len(self.steps):
            return strings.DECISION_UNSET
        return self.steps[target - 1].no or str(target)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.document.read_only:
            return base
        if index.isValid():
            if index.column() == TIME_COLUMN and covering(self.steps)[index.row()] not in (
                    None, index.row()):
                # under a merged Waktu: it is written in the span's first step
                return base | Qt.ItemFlag.ItemIsDragEnabled
            return base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled  # rows are dropped between rows only

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._sop is None:
            return False
        field = FIELDS[index.column()]
        step, row = self.steps[index.row()], index.row()
        try:
            if field == "role":
                # the lanes chosen in the picker (one lane: the step is in that one alone)
                lanes = tuple(value) if isinstance(value, (list, tuple)) else (
                    str(value).strip(),)
                if lanes == step.roles:
                    return False
                after = (edits.set_step_lanes(self._sop, row, lanes)
                         if all(lane in self._sop.roles for lane in lanes)
                         else edits.update_step(self._sop, row, role=lanes[0]))
            else:
                text = str(value)
                if field != "activity" and field != "notes":
                    text = text.strip()
                if text == getattr(step, field):
                    return False
                after = edits.update_step(self._sop, row, **{field: text})
        except InputError:
            return False  # no cell offers such a value (a covered Waktu is not editable)
        self.document.apply(after, strings.UNDO_EDIT_CELL.format(
            column=strings.PROCEDURE_HEADERS[index.column()], row=index.row() + 1),
            focus=index.row())
        return True

    # a row dragged to another place -------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [STEP_ROW_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = {index.row() for index in indexes if index.isValid()}
        if self._sop is not None and len(rows) == 1:
            data.setData(STEP_ROW_MIME, f"{self._sop.id}\n{rows.pop()}".encode())
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def _dragged_row(self, data: QMimeData) -> int | None:
        """The row a drag of this table carries; None for anything else (another SOP's)."""
        if self._sop is None or self.document.read_only or not data.hasFormat(STEP_ROW_MIME):
            return None
        sop_id, _, row = bytes(data.data(STEP_ROW_MIME)).decode().partition("\n")
        if sop_id != self._sop.id or not row.isdigit() or int(row) >= len(self.steps):
            return None
        return int(row)

    def canDropMimeData(self, data: QMimeData, action, row: int, column: int,
                        parent: _Index) -> bool:
        return self._dragged_row(data) is not None

    def dropMimeData(self, data: QMimeData, action, row: int, column: int,
                     parent: _Index) -> bool:
        """Move the dragged step to the gap it was dropped in, as one undoable move."""
        source = self._dragged_row(data)
        if source is None or self._sop is None:
            return False
        gap = row if row >= 0 else parent.row() if parent.isValid() else len(self.steps)
        target = gap if gap <= source else gap - 1
        if target == source:
            return False
        self.document.apply(edits.move_step(self._sop, source, target - source),
                            strings.UNDO_MOVE_STEP.format(row=source + 1), focus=target)
        # True: the view then asks to remove the dragged rows, which this model (whose rows
        # are the document's steps) refuses; the move above is the whole of it
        return True

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return strings.PROCEDURE_HEADERS[section]
        return None


class ProcedureTable(QTableView):
    """The step table: official column widths, rows that grow with their text; Enter goes
    down a row, a row dragged to another place moves its step."""

    WIDTHS = (40, 0, 130, 150, 70, 150, 110)

    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("procedureTable")
        self.model_ = ProcedureTableModel(document, self)
        self.setModel(self.model_)
        self.cell_delegate = CellDelegate(self)
        self.lane_delegate = LaneDelegate(document, self)
        self.setItemDelegate(self.cell_delegate)
        self.setItemDelegateForColumn(ROLE_COLUMN, self.lane_delegate)
        self._editor: QWidget | None = None  # the cell's editor now open
        self._opened = 0
        self.guard = OpenEditGuard(self)
        for delegate in (self.cell_delegate, self.lane_delegate):
            delegate.editor_opened.connect(self._watch)
            delegate.entered.connect(self.move_down)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several rows for Ctrl+C; the current row stays the one edits act on
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)  # a row goes between two others, not onto one
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        header = self.horizontalHeader()
        for column, width in enumerate(self.WIDTHS):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # rows measured once per burst of changes, and again when the table is shown or
        # resized: measured while hidden in a tab (a narrow default width) they stayed tall
        self._row_heights = QTimer(self, singleShot=True, interval=0)
        self._row_heights.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._row_heights.start())
        self.model_.modelReset.connect(self.resizeRowsToContents)
        self.model_.dataChanged.connect(lambda *_: self.resizeRowsToContents())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._row_heights.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._row_heights.start()

    # the open cell -----------------------------------------------------------------------------
    def _watch(self, editor: QWidget) -> None:
        self._opened += 1
        token = self._opened
        self._editor = editor
        # an editor closed without closeEditor (the rows were replaced) is let go when deleted
        editor.destroyed.connect(lambda *_: self._forget(token))
        self.guard.watch(True)

    def _forget(self, token: int) -> None:
        if token == self._opened:
            self._editor = None
            self.guard.watch(False)

    def closeEditor(self, editor: QWidget, hint) -> None:
        if editor is self._editor:
            self._forget(self._opened)
        if isinstance(editor, LanePicker):
            editor.settle()  # the focus it loses now is no Esc
        super().closeEditor(editor, hint)

    def holds(self, widget: QWidget) -> bool:
        """`widget` is the open editor or part of it (its context menu too)."""
        while widget is not None:
            if widget is self._editor:
                return True
            widget = widget.parentWidget()
        return False

    def commit_open_edit(self) -> None:
        """Store the cell being typed in as an edit of its own and close its editor, before
        anything else is done."""
        editor = self._editor
        if editor is not None:
            self._forget(self._opened)
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # moving about ----------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and self.state() != QAbstractItemView.State.EditingState):
            self.move_down()
            return
        super().keyPressEvent(event)

    def move_down(self) -> None:
        """To the same column of the next row; the last row stays where it is."""
        row = self.current_row()
        if 0 <= row < self.model_.rowCount() - 1:
            self.select_step(row + 1)
        self.setFocus()

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_step(self, row: int, column: int | None = None) -> None:
        if not 0 <= row < self.model_.rowCount():
            return
        column = self.currentIndex().column() if column is None else column
        self.setCurrentIndex(self.model_.index(row, max(column, 0)))
        self.scrollTo(self.currentIndex())
