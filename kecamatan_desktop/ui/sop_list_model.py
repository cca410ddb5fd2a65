"""The catalogue list as a Qt table model, with a proxy that filters by search text and office."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kecamatan_desktop.services.listing import SopSummary
from kecamatan_desktop.ui import strings

SopIdRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2
OfficeRole = Qt.ItemDataRole.UserRole + 3
ARCHIVED_TEXT = "#808080"  # archived rows read as set aside

_Index = QModelIndex | QPersistentModelIndex


class SopListModel(QAbstractTableModel):
    COLUMNS = ("name", "office", "number", "steps", "revision")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[SopSummary] = []

    def set_summaries(self, rows: list[SopSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> SopSummary:
        return self._rows[row]

    def row_of(self, sop_id: str) -> int:
        for i, s in enumerate(self._rows):
            if s.id == sop_id:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getattr(s, column)
            if role == Qt.ItemDataRole.DisplayRole:
                if column == "steps" and value == 0:
                    return "—"
                if column == "office":
                    return value.removeprefix("Kecamatan ")
                if column == "name":
                    marks = [m for m, on in ((strings.DRAFT_MARK, s.is_draft),
                                             (strings.ARCHIVED_MARK, s.archived)) if on]
                    return " ".join([value, *marks])
            return value if role == Qt.ItemDataRole.DisplayRole else f"{s.name}\n{s.number}"
        if role == Qt.ItemDataRole.ForegroundRole and s.archived:
            return QBrush(QColor(ARCHIVED_TEXT))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("steps", "revision"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SopIdRole:
            return s.id
        if role == SearchRole:
            return s.search_text
        if role == OfficeRole:
            return s.office
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return strings.LIST_HEADERS[section]
        return None


class SopFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose name, number or step text holds every typed word, in the chosen office."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._office: str | None = None

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_office(self, office: str | None) -> None:
        self.beginFilterChange()
        self._office = office or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._office and index.data(OfficeRole) != self._office:
            return False
        haystack = index.data(SearchRole).casefold()
        return all(word in haystack for word in self._words)
