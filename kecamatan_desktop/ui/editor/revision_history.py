"""The "Riwayat revisi" tab: every stored revision of the SOP; an old one opens read-only."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.tanggal import format_tanggal, format_waktu
from kecamatan_desktop.services.editing import RevisionInfo
from kecamatan_desktop.ui import strings

_Index = QModelIndex | QPersistentModelIndex
RevisionRole = Qt.ItemDataRole.UserRole + 1


class RevisionListModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.revisions: list[RevisionInfo] = []
        self.shown = 0  # the revision on screen, drawn bold

    def set_revisions(self, revisions: list[RevisionInfo], shown: int) -> None:
        self.beginResetModel()
        self.revisions, self.shown = list(revisions), shown
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.revisions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(strings.HISTORY_HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.revisions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            notes = [strings.HISTORY_CURRENT] if r.is_current else []
            notes += [strings.HISTORY_DRAFT] if r.is_draft else []
            notes += [r.note] if r.note else []
            return (str(r.revision), format_waktu(r.saved_at, r.tz),
                    format_tanggal(r.revised, style=r.style), r.name,
                    ", ".join(notes))[index.column()]
        if role == Qt.ItemDataRole.FontRole and r.revision == self.shown:
            font = QFont()
            font.setBold(True)
            return font
        if role == RevisionRole:
            return r.revision
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return strings.HISTORY_HEADERS[section]
        return None


class RevisionHistory(QWidget):
    """Asks for a revision to be opened (`open_requested`) or for the current one back."""

    open_requested = Signal(int)
    back_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = RevisionListModel(self)
        self.table = QTableView(objectName="revisionList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(len(strings.HISTORY_HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.open_button = QPushButton(strings.HISTORY_OPEN, objectName="openRevision")
        self.back_button = QPushButton(strings.HISTORY_BACK, objectName="backToCurrent")
        self.open_button.clicked.connect(self._open_selected)
        self.back_button.clicked.connect(self.back_requested)
        self.table.doubleClicked.connect(lambda _i: self._open_selected())
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def set_revisions(self, revisions: list[RevisionInfo], shown: int) -> None:
        self.model.set_revisions(revisions, shown)
        self._update_buttons()

    def select_revision(self, revision: int) -> None:
        for row, r in enumerate(self.model.revisions):
            if r.revision == revision:
                self.table.selectRow(row)

    def _selected(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(RevisionRole) if index.isValid() else None

    def _open_selected(self) -> None:
        revision = self._selected()
        if revision is not None:
            self.open_requested.emit(revision)

    def _update_buttons(self) -> None:
        current = next((r.revision for r in self.model.revisions if r.is_current), None)
        selected = self._selected()
        self.open_button.setEnabled(selected is not None and selected != self.model.shown)
        self.back_button.setEnabled(current is not None and self.model.shown != current)
