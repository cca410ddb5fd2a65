"""The procedure as an editable table of the official columns, over the edited document."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.sop import Sop, Step
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument

_Index = QModelIndex | QPersistentModelIndex

# column -> Step field; the Pelaksana column edits `role`
FIELDS = ("no", "activity", "role", "requirements", "time", "output", "notes")
ROLE_COLUMN = 2


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
        if role == Qt.ItemDataRole.EditRole:
            return getattr(step, field)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.column() == ROLE_COLUMN and step.decision is not None:
            return f"{step.role}\n◇ " + strings.DECISION_MARK.format(
                yes=self._target_no(step.decision.yes), no=self._target_no(step.decision.no))
        return getattr(step, field)

    def _target_no(self, target: int | None) -> str:
        if target is None or not 1 <= target <= len(self.steps):
            return strings.DECISION_UNSET
        return self.steps[target - 1].no or str(target)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and not self.document.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._sop is None:
            return False
        field = FIELDS[index.column()]
        text = str(value)
        if field != "activity" and field != "notes":
            text = text.strip()
        if text == getattr(self.steps[index.row()], field):
            return False
        after = edits.update_step(self._sop, index.row(), **{field: text})
        self.document.apply(after, strings.UNDO_EDIT_CELL.format(
            column=strings.PROCEDURE_HEADERS[index.column()], row=index.row() + 1),
            focus=index.row())
        return True

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return strings.PROCEDURE_HEADERS[section]
        return None


class LaneDelegate(QStyledItemDelegate):
    """The Pelaksana cell is edited by picking one of the SOP's lanes from a list."""

    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document

    def createEditor(self, parent: QWidget, option, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("laneCombo")
        combo.addItems(list(self.document.sop.roles) if self.document.sop else [])
        # commit as soon as a lane is picked, not only when the editor loses focus
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findText(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentIndex() >= 0:
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class ProcedureTable(QTableView):
    """The step table: official column widths, rows that grow with their text."""

    WIDTHS = (40, 0, 130, 150, 70, 150, 110)

    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("procedureTable")
        self.model_ = ProcedureTableModel(document, self)
        self.setModel(self.model_)
        self.lane_delegate = LaneDelegate(document, self)
        self.setItemDelegateForColumn(ROLE_COLUMN, self.lane_delegate)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several rows for Ctrl+C; the current row stays the one edits act on
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
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

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_step(self, row: int, column: int | None = None) -> None:
        if not 0 <= row < self.model_.rowCount():
            return
        column = self.currentIndex().column() if column is None else column
        self.setCurrentIndex(self.model_.index(row, max(column, 0)))
        self.scrollTo(self.currentIndex())
