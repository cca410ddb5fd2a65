"""The Pelaksanaan page: every round, where its file is, since when, late ones marked;
filtered by SOP, holder and status (late, nobody's), each column sorted by its value."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.services import catalogue, history, workbook
from kecamatan_desktop.services import officers as officer_service
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import file_dialogs, strings
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
        self.status_filter.setToolTip(strings.STATUS_FILTER_TIP)
        self.late_first = QCheckBox(strings.LATE_FIRST, objectName="roundLateFirst")
        self.late_first.setToolTip(strings.LATE_FIRST_TIP)
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
        top.addWidget(self.late_first)
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
        header.sortIndicatorChanged.connect(self._sorted_by_column)
        self.count = QLabel(objectName="roundCount")
        self.stack = QStackedWidget(objectName="dashboardStack")
        self.stack.addWidget(self.table)
        self.stack.addWidget(self._message_page())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count)
        for combo in (self.sop_filter, self.officer_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        self.late_first.toggled.connect(self._late_first_toggled)
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

    def _message_page(self) -> QWidget:
        """What shows instead of an empty grid: how to start a round, or that the filters
        leave nothing and how to clear them."""
        page = QWidget(objectName="dashboardEmpty")
        self.message = QLabel(objectName="dashboardMessage", wordWrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton(strings.START_ROUND, objectName="dashboardStart")
        self.clear_button = QPushButton(strings.CLEAR_FILTERS,
                                        objectName="dashboardClearFilters")
        self.start_button.clicked.connect(self.start_requested)
        self.clear_button.clicked.connect(self.clear_filters)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        # a wrapped label given an alignment in its layout loses its height: centre by stretch
        line = QHBoxLayout()
        line.addStretch(1)
        line.addWidget(self.message, 4)
        line.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addLayout(line)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return page

    def refresh(self) -> None:
        self._loaded = True
        officer = self.officer_filter.currentData() if self.officer_filter.isEnabled() else None
        shown = call(self.db, history.dashboard, view=self.status_filter.currentData(),
                     sop_id=self.sop_filter.currentData(), officer=officer,
                     late_first=self.late_first.isChecked())
        self.model.set_items(shown.rows, dashboard_columns(shown.day_minutes))
        text = strings.COUNT if shown.total <= len(shown.rows) else strings.COUNT_NEWEST
        self.count.setText(text.format(shown=len(shown.rows), total=shown.total,
                                       late=shown.late))
        self._show_rows_or_message()

    def _filters(self) -> list[str]:
        """The filters that narrow the list, as the clerk chose them."""
        return [combo.currentText() for combo in (self.sop_filter, self.officer_filter)
                if combo.currentData() is not None and combo.isEnabled()] + (
            [self.status_filter.currentText()]
            if self.status_filter.currentData() not in ("aktif", "semua") else [])

    def _show_rows_or_message(self) -> None:
        if self.model.rowCount():
            self.stack.setCurrentIndex(0)
            return
        narrowed = self._filters()
        named = ", ".join(strings.FILTER_NAME.format(name=name) for name in narrowed)
        self.message.setText(strings.DASHBOARD_NO_MATCH.format(filters=named)
                             if narrowed else strings.DASHBOARD_EMPTY)
        self.start_button.setVisible(not narrowed)
        self.clear_button.setVisible(bool(narrowed))
        self.stack.setCurrentIndex(1)

    def clear_filters(self) -> None:
        """Every SOP, every holder, the open rounds: one refresh."""
        for combo in (self.sop_filter, self.officer_filter, self.status_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.officer_filter.setEnabled(True)
        self.refresh()

    def _status_changed(self) -> None:
        # nobody holds the rounds of that view: a holder chosen as well would hide them all
        nobody = self.status_filter.currentData() == "tanpa-pemegang"
        if nobody and self.officer_filter.currentIndex() != 0:
            self.officer_filter.blockSignals(True)
            self.officer_filter.setCurrentIndex(0)
            self.officer_filter.blockSignals(False)
        self.officer_filter.setEnabled(not nobody)
        self.officer_filter.setToolTip(strings.OFFICER_FILTER_OFF if nobody else "")
        self.refresh()

    def _late_first_toggled(self, on: bool) -> None:
        if on:  # the service's order, late ones first: no column's
            self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.refresh()

    def _sorted_by_column(self, section: int, _order) -> None:
        if section >= 0 and self.late_first.isChecked():
            self.late_first.setChecked(False)  # a column's order replaces it

    def select_round(self, round_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(RoundIdRole) == round_id:
                self.table.selectRow(row)
                return True
        return False

    def open_directory(self) -> None:
        from kecamatan_desktop.ui.rounds.directory import OfficerDirectory

        OfficerDirectory(self.db, self).exec()  # its writes reach the window's change hub

    def open_calendar(self) -> None:
        from kecamatan_desktop.ui.rounds.calendar_dialog import CalendarDialog

        CalendarDialog(self.db, self).exec()  # its writes reach the window's change hub

    def export_listed(self):
        """The rounds now listed (filters applied), every pass and event, to one workbook."""
        ids = [r.id for r in self.model.items()]
        path = self.ask_save_path(file_dialogs.file_name(strings.FILE_ROUNDS_LIST,
                                                         suffix=".xlsx"))
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

    def ask_save_path(self, suggested: str) -> Path | None:
        return file_dialogs.ask_save_path(self, strings.SAVE_ROUNDS_XLSX, suggested,
                                          strings.XLSX_FILTER)

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
