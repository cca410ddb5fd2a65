"""One read-only table model for every list: rows of plain objects, columns given as specs.

A column says how a row is written and by what it sorts. The sort role gives each cell its
rank among the column's values, an int a `QSortFilterProxyModel` compares as it should
(`setSortRole(SortRole)`), so times sort by time, durations by minutes and step numbers
naturally ("2" < "10" < "10a"), whatever Python value the column sorts by.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex

SortRole = Qt.ItemDataRole.UserRole  # the cell's rank in its column (an int)
KeyRole = Qt.ItemDataRole.UserRole + 1  # the row's key (e.g. a round's id), any column

_PARTS = re.compile(r"(\d+)")


def natural_key(text: str | None) -> tuple:
    """Text that sorts as a person reads it: numbers by value ("Langkah 2" before
    "Langkah 10", "3" before "3a"), letters regardless of case; nothing sorts last."""
    if text is None:
        return ((2, ""),)
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in _PARTS.split(text) if part)


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, the text of a row, and optionally what it sorts by (the
    text, read naturally, when not given), a tooltip, a background and an alignment."""

    header: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None  # None values sort after every other
    tooltip: Callable[[T], str | None] | None = None
    background: Callable[[T], QColor | None] | None = None
    alignment: Qt.AlignmentFlag | None = None

    def sort_value(self, row: T) -> Any:
        if self.sort is None:
            return natural_key(self.text(row))
        return self.sort(row)


def _none_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value)


class TableModel(QAbstractTableModel, Generic[T]):
    """Rows of `T` under `columns`; `key` gives each row's KeyRole (e.g. its id)."""

    def __init__(self, columns: Sequence[Column[T]], parent=None,
                 key: Callable[[T], Any] | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._key = key
        self._rows: list[T] = []
        self._ranks: dict[int, list[int]] = {}

    def set_items(self, rows: Sequence[T], columns: Sequence[Column[T]] | None = None) -> None:
        """Show `rows` (and new `columns`, e.g. when a format depends on the data read)."""
        self.beginResetModel()
        self._rows = list(rows)
        if columns is not None:
            self._columns = tuple(columns)
        self._ranks = {}
        self.endResetModel()

    def item(self, row: int) -> T:
        return self._rows[row]

    def items(self) -> list[T]:
        return list(self._rows)

    def column(self, section: int) -> Column[T]:
        return self._columns[section]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, spec = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(row)
        if role == SortRole:
            return self._rank(index.column())[index.row()]
        if role == KeyRole:
            return None if self._key is None else self._key(row)
        if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip is not None:
            return spec.tooltip(row)
        if role == Qt.ItemDataRole.BackgroundRole and spec.background is not None:
            colour = spec.background(row)
            return None if colour is None else QBrush(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.alignment is not None:
            return int(spec.alignment | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
        return None

    def _rank(self, column: int) -> list[int]:
        """Each row's rank by the column's sort value, equal values sharing one; worked out
        once per column after the rows change (a proxy asks for it O(n log n) times)."""
        ranks = self._ranks.get(column)
        if ranks is None:
            spec = self._columns[column]
            values = [_none_last(spec.sort_value(r)) for r in self._rows]
            ranks = [0] * len(values)
            rank, previous = -1, object()
            for i in sorted(range(len(values)), key=values.__getitem__):
                if values[i] != previous:
                    rank, previous = rank + 1, values[i]
                ranks[i] = rank
            self._ranks[column] = ranks
        return ranks
