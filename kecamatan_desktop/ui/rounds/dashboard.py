"""The Pelaksanaan page: every round, where its file is, since when, late ones marked."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services import officers as officer_service
from kecamatan_desktop.services import rounds as round_service
from kecamatan_desktop.store.database import Database
from kecamatan_desktop.ui.rounds import strings
from kecamatan_desktop.ui.rounds.dashboard_model import DashboardModel, RoundIdRole


class Dashboard(QWidget):
    round_opened = Signal(int)
    start_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = DashboardModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.sop_filter = QComboBox(objectName="roundSopFilter")
        self.officer_filter = QComboBox(objectName="roundOfficerFilter")
        self.status_filter = QComboBox(objectName="roundStatusFilter")
        for label, value in strings.STATUS_FILTER:
            self.status_filter.addItem(label, value)
        self.start_button = QPushButton(strings.START_ROUND)
        self.open_button = QPushButton(strings.OPEN_ROUND)
        refresh = QPushButton(strings.REFRESH)
        self.directory_button = QPushButton(strings.DIRECTORY)
        self.directory_button.clicked.connect(self.open_directory)
        top = QHBoxLayout()
        for widget in (self.sop_filter, self.officer_filter, self.status_filter):
            top.addWidget(widget, 1)
        top.addWidget(refresh)
        top.addWidget(self.directory_button)
        top.addWidget(self.open_button)
        top.addWidget(self.start_button)
        self.table = QTableView(objectName="roundTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel(objectName="roundCount")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        for combo in (self.sop_filter, self.officer_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.refresh)
        refresh.clicked.connect(self.refresh)
        self.start_button.clicked.connect(self.start_requested)
        self.open_button.clicked.connect(self._open_selected)
        self.table.doubleClicked.connect(lambda index: self.round_opened.emit(
            index.data(RoundIdRole)))
        self.reload_filters()

    def reload_filters(self) -> None:
        with self.db.guard(), self.db.session() as session:
            sops = [(s.name, s.id) for s in catalogue.list_sops(session=session) if s.steps]
            people = [o.name for o in officer_service.list_officers(session=session)]
        for combo, first, items in ((self.sop_filter, strings.ALL_SOPS, sops),
                                    (self.officer_filter, strings.ALL_OFFICERS,
                                     [(n, n) for n in people])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        status = self.status_filter.currentData()
        with self.db.guard(), self.db.session() as session:
            rows = round_service.list_rounds(
                session=session, active_only=status == "open",
                status=None if status in ("open", "all") else status,
                sop_id=self.sop_filter.currentData(), officer=self.officer_filter.currentData())
        self.model.set_rounds(rows)
        self.count.setText(strings.COUNT.format(shown=len(rows),
                                                late=sum(r.late for r in rows)))

    def select_round(self, round_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(RoundIdRole) == round_id:
                self.table.selectRow(row)
                return True
        return False

    def open_directory(self) -> None:
        from kecamatan_desktop.ui.rounds.directory import OfficerDirectory

        OfficerDirectory(self.db, self).exec()
        self.reload_filters()

    def _open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.round_opened.emit(index.data(RoundIdRole))
