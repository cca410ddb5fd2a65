"""The book's lanes matched to the jabatan of the office the SOPs go to: one row per lane, a
choice of jabatan or the lane kept as written; a lane named as a jabatan is matched at once."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.bookimport.review_item import matching_jabatan
from kecamatan_desktop.ui.table_model import Column, TableModel


class LanesPane(QWidget):
    changed = Signal()

    def __init__(self, lanes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lanes = list(lanes)
        self.model: TableModel[str] = TableModel(
            [Column(s.LANES_HEADERS[0], lambda lane: lane), Column(s.LANES_HEADERS[1],
                                                                   lambda lane: "")], self)
        self.model.set_items(self.lanes)
        self.table = QTableView(objectName="bookLanes")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # a lane's name wraps to its column's width, measured once the columns have it
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.combos: dict[str, QComboBox] = {}
        for row, lane in enumerate(self.lanes):
            combo = QComboBox(objectName=f"laneChoice{row}")
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.combos[lane] = combo
            self.table.setIndexWidget(self.model.index(row, 1), combo)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(s.LANES_HEAD, wordWrap=True))
        layout.addWidget(self.table, 1)

    def set_jabatan(self, jabatan: Sequence[str]) -> None:
        """The office's jabatan to choose from; a choice still offered is kept, else a
        lane named as one of them (case aside) is matched to it."""
        for lane, combo in self.combos.items():
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(s.LANE_AS_WRITTEN, "")
            for name in jabatan:
                combo.addItem(name, name)
            chosen = kept if kept and kept in jabatan else matching_jabatan(lane, jabatan)
            combo.setCurrentIndex(max(0, combo.findData(chosen or "")))
            combo.blockSignals(False)
        self.table.resizeRowsToContents()
        self.changed.emit()

    def mapping(self) -> dict[str, str]:
        """Book lane → jabatan, for the lanes matched to one."""
        return {lane: combo.currentData() for lane, combo in self.combos.items()
                if combo.currentData()}

    def choose(self, lane: str, jabatan: str) -> None:
        combo = self.combos[lane]
        combo.setCurrentIndex(combo.findData(jabatan if jabatan else ""))

    def focus(self) -> None:
        if self.lanes:
            self.table.setFocus()
            self.combos[self.lanes[0]].setFocus()
