"""The review window's item models: the SOPs found (with their Impor checkbox and mark), and
the steps of the SOP under review as an editable table."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.bookimport.review_item import (
    LANE_SEPARATOR,
    STEP_KEYS,
    ReviewItem,
    apply_lanes,
)

_Index = QModelIndex | QPersistentModelIndex
_REFUSED = QColor("#b3261e")
_NOTES = QColor("#8a5a00")
_READY = QColor("#1b6e20")
_GREY = QColor("#666666")
Role = Qt.ItemDataRole


class SopListModel(QAbstractTableModel):
    """One row per SOP found (or file refused): Impor (checkable once the SOP is valid),
    the SOP's name, its file and a mark saying whether it is ready."""

    check_changed = Signal(int)  # row

    def __init__(self, items: list[ReviewItem], parent=None) -> None:
        super().__init__(parent)
        self.items = items

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation, role: int = Role.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return s.LIST_HEADERS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.items[index.row()].importable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Role.DisplayRole):
        if not index.isValid():
            return None
        item, column = self.items[index.row()], index.column()
        if column == 0:
            if role == Role.CheckStateRole:
                return Qt.CheckState.Checked if item.checked else Qt.CheckState.Unchecked
            if role == Role.DisplayRole:
                return mark(item)
            if role == Role.ForegroundRole:
                return QBrush(colour(item))
            if role == Role.ToolTipRole and not item.importable and not item.imported:
                return s.CHECK_TIP_REFUSED
            return None
        if role == Role.DisplayRole:
            return f"{item.name}\n{item.entry.source}"
        if role == Role.ToolTipRole:
            return f"{item.name}\n{item.entry.file}"
        return None

    def setData(self, index: _Index, value, role: int = Role.EditRole) -> bool:
        if index.column() != 0 or role != Role.CheckStateRole:
            return False
        item = self.items[index.row()]
        if not item.importable:
            return False
        item.checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index)
        self.check_changed.emit(index.row())
        return True

    def refresh(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, 1))


def mark(item: ReviewItem) -> str:
    if item.imported:
        return s.MARK_IMPORTED
    if item.doc is None:
        return s.MARK_FILE
    if item.sop is None:
        return s.MARK_REFUSED.format(count=len(item.problems))
    return s.MARK_NOTES.format(count=len(item.problems)) if item.problems else s.MARK_READY


def colour(item: ReviewItem) -> QColor:
    if item.imported:
        return _GREY
    if item.sop is None:
        return _REFUSED
    return _NOTES if item.problems else _READY


class StepsModel(QAbstractTableModel):
    """The steps of one SOP: No, Kegiatan, Pelaksana, Kelengkapan, Waktu, Output,
    Keterangan, each cell editable; Pelaksana shown with the book's lanes matched."""

    edited = Signal(int, str)  # row, key

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.item: ReviewItem | None = None
        self.lanes: Callable[[], Mapping[str, str]] = dict

    def set_item(self, item: ReviewItem | None) -> None:
        self.beginResetModel()
        self.item = item if item is not None and item.doc is not None else None
        self.endResetModel()

    def steps(self) -> list[dict]:
        return self.item.doc["steps"] if self.item is not None else []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.steps())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(STEP_KEYS)

    def headerData(self, section: int, orientation, role: int = Role.DisplayRole):
        if role != Role.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return s.STEP_HEADERS[section]
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.item is not None and not self.item.imported:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Role.DisplayRole):
        if not index.isValid():
            return None
        step, key = self.steps()[index.row()], STEP_KEYS[index.column()]
        if key == "role":
            if role == Role.DisplayRole:
                shown = apply_lanes({"roles": [], "steps": [step]}, self.lanes())["steps"][0]
                return LANE_SEPARATOR.join(shown.get("roles") or [shown.get("role", "")])
            if role == Role.EditRole:
                return LANE_SEPARATOR.join(step.get("roles") or [step.get("role", "")])
            if role == Role.ToolTipRole:
                return s.STEP_ROLE_TIP
            return None
        if role in (Role.DisplayRole, Role.EditRole):
            return str(step.get(key, ""))
        return None

    def setData(self, index: _Index, value, role: int = Role.EditRole) -> bool:
        if role != Role.EditRole or self.item is None or self.item.imported:
            return False
        key = STEP_KEYS[index.column()]
        if str(value) == self.data(index, Role.EditRole):
            return False
        self.item.set_step(index.row(), key, str(value))
        self.dataChanged.emit(index, index)
        self.edited.emit(index.row(), key)
        return True

    def insert_step(self, row: int) -> None:
        assert self.item is not None
        self.beginInsertRows(QModelIndex(), row, row)
        self.item.insert_step(row)
        self.endInsertRows()
        self.edited.emit(row, "")

    def remove_step(self, row: int) -> None:
        assert self.item is not None
        self.beginRemoveRows(QModelIndex(), row, row)
        self.item.remove_step(row)
        self.endRemoveRows()
        self.edited.emit(row, "")
