"""The Pelaksanaan page: every round, where its file is, since when, late ones marked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.services import catalogue, history, workbook
from kecamatan_desktop.services import officers as officer_service
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.rounds.dashboard_model import (
    RoundIdRole,
    dashboard_columns,
    dashboard_model,
)
from kecamatan_desktop.ui.table_model import SortRole
from kecamatan_desktop.ui.worker import run_task

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database


class Dashboard(QWidget):
    round_opened = Signal(int)
    start_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = dashboard_model(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.sop_filter = QComboBox(objectName="roundSopFilter")
        self.officer_filter = QComboBox(objectName="roundOfficerFilter")
        self.status_filter = QComboBox(objectName="roundStatusFilter")
        for label, value in strings.STATUS_FILTER:
            self.status_filter.addItem(label, value)
        for combo in (self.sop_filter, self.officer_filter, self.status_filter):
            # long SOP names must not make the whole window wide
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        tools = QToolBar(objectName="dashboardActions")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        refresh = tools.addAction(strings.REFRESH)
        directory = tools.addAction(strings.DIRECTORY)
        calendar = tools.addAction(strings.CALENDAR)
        export = tools.addAction(strings.ROUNDS_XLSX)
        calendar.triggered.connect(self.open_calendar)
        export.triggered.connect(self.export_listed)
        open_round = tools.addAction(strings.OPEN_ROUND)
        start = tools.addAction(strings.START_ROUND)
        directory.triggered.connect(self.open_directory)
        top = QHBoxLayout()
        for widget in (self.sop_filter, self.officer_filter, self.status_filter):
            top.addWidget(widget, 1)
        top.addWidget(tools)
        self.table = QTableView(objectName="roundTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # size columns from the first rows only: measuring thousands of rows is slow
        header.setResizeContentsPrecision(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # no column at first: the rounds in the service's order, the longest waiting first
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.count = QLabel(objectName="roundCount")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        for combo in (self.sop_filter, self.officer_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.refresh)
        refresh.triggered.connect(self.refresh)
        start.triggered.connect(self.start_requested)
        open_round.triggered.connect(self._open_selected)
        self.table.doubleClicked.connect(lambda index: self.round_opened.emit(
            index.data(RoundIdRole)))
        self._loaded = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:  # the window starts faster when the tab is filled on first view
            self.reload_filters()

    def catalogue_changed(self) -> None:
        """SOPs were added, revised or removed: refresh the filters if the page was filled."""
        if self._loaded:
            self.reload_filters()

    def reload_filters(self) -> None:
        sops = [(s.name, s.id) for s in call(self.db, catalogue.list_sops) if s.steps]
        people = [o.name for o in call(self.db, officer_service.list_officers)]
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
        self._loaded = True
        shown = call(self.db, history.dashboard, view=self.status_filter.currentData(),
                     sop_id=self.sop_filter.currentData(),
                     officer=self.officer_filter.currentData())
        self.model.set_items(shown.rows, dashboard_columns(shown.day_minutes))
        text = strings.COUNT if shown.total <= len(shown.rows) else strings.COUNT_NEWEST
        self.count.setText(text.format(shown=len(shown.rows), total=shown.total,
                                       late=shown.late))

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

    def open_calendar(self) -> None:
        from kecamatan_desktop.ui.rounds.calendar_dialog import CalendarDialog

        CalendarDialog(self.db, self).exec()
        self.refresh()

    def export_listed(self):
        """The rounds now listed (filters applied), every pass and event, to one workbook."""
        ids = [r.id for r in self.model.items()]
        path = self.ask_save_path("putaran.xlsx")
        if path is None:
            return None
        self.task = run_task(
            self, lambda progress: call(self.db, workbook.with_rounds_workbook,
                                        _workbook_writer(path, progress), round_ids=ids),
            title=strings.ROUNDS_XLSX_TITLE,
            label=lambda done, total: strings.TASK_ROWS.format(done=done, total=total),
            done=lambda written: self.show_info(
                strings.ROUNDS_XLSX_DONE.format(count=len(ids), path=written)),
            failed=lambda text: QMessageBox.warning(self, strings.WRITE_FAILED_TITLE, text))
        return self.task

    def ask_save_path(self, suggested: str):
        path, _ = QFileDialog.getSaveFileName(self, strings.SAVE_ROUNDS_XLSX, suggested,
                                              strings.XLSX_FILTER)
        return Path(path) if path else None

    def show_info(self, text: str) -> None:
        QMessageBox.information(self, strings.ROUNDS_XLSX_TITLE, text)

    def _open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.round_opened.emit(index.data(RoundIdRole))


def _workbook_writer(path: Path, progress):
    def write(book) -> Path:
        from kecamatan_desktop.export.spreadsheet import write_workbook  # openpyxl: late

        return write_workbook(book, path, progress=progress)
    return write
