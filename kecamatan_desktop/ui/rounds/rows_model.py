"""A read-only table model of text rows, with an optional colour per row."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

_Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.headers = headers
        self._rows: list[tuple[str, ...]] = []
        self._colours: list[QColor | None] = []

    def set_rows(self, rows: list[tuple[str, ...]],
                 colours: list[QColor | None] | None = None) -> None:
        self.beginResetModel()
        self._rows = [tuple(str(v) for v in r) for r in rows]
        self._colours = list(colours) if colours else [None] * len(rows)
        self.endResetModel()

    def row(self, index: int) -> tuple[str, ...]:
        return self._rows[index]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and self._colours[index.row()] is not None:
            return QBrush(self._colours[index.row()])
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
