"""The officer directory dialog: list (sorted by any column, searched by name, NIP or jabatan),
add and edit (NIP checked, Plt./Plh. and the dates the jabatan is held), deactivate, delete
only those no record names, and import a list from a spreadsheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.domain.jabatan import JABATAN
from kecamatan_desktop.services import catalogue, officer_import
from kecamatan_desktop.services import officers as officer_service
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import file_dialogs, strings
from kecamatan_desktop.ui.rounds.officer_import_dialog import OfficerImportPreview
from kecamatan_desktop.ui.rounds.rows_model import RowsModel
from kecamatan_desktop.ui.worker import Task, run_task

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database


class OptionalDate(QWidget):
    """A date that may be left unknown (unchecked)."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(label)
        self.edit = QDateEdit(QDate.currentDate(), calendarPopup=True, enabled=False)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.known.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.known.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


NAME, NIP, TITLE, OFFICE, STATUS = range(5)
INACTIVE = QColor("#eeeeee")


class OfficerFilter(QSortFilterProxyModel):
    """Rows whose name, NIP (with or without its spaces) or jabatan contain the search text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = " ".join(text.split()).casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.needle:
            return True
        name, nip, jabatan, *_ = self.sourceModel().row(row)
        hay = (name.casefold(), nip, nip.replace(" ", ""), jabatan.casefold())
        return any(self.needle in text for text in hay)


class OfficerDirectory(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.people: list = []
        self.setWindowTitle(strings.OFFICERS_TITLE)
        self.task: Task | None = None
        self.model = RowsModel(strings.OFFICER_HEADERS, self)
        self.proxy = OfficerFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(objectName="officerTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # name and jabatan share what the fixed-width NIP, office and status leave
        for column, mode in ((NAME, QHeaderView.ResizeMode.Stretch),
                             (NIP, QHeaderView.ResizeMode.ResizeToContents),
                             (TITLE, QHeaderView.ResizeMode.Stretch),
                             (OFFICE, QHeaderView.ResizeMode.ResizeToContents),
                             (STATUS, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.table.selectionModel().currentRowChanged.connect(self._fill_from_selection)
        self.search = QLineEdit(objectName="officerSearch", clearButtonEnabled=True,
                                placeholderText=strings.OFFICER_SEARCH)
        self.search.textChanged.connect(self._search)
        self.shown = QLabel(objectName="officerShown")
        self.import_button = QPushButton(strings.OFFICER_IMPORT)
        self.import_button.clicked.connect(self.import_sheet)
        self.name = QLineEdit(objectName="officerName")
        self.nip = QLineEdit(objectName="officerNip", placeholderText=strings.OFFICER_NIP_HINT)
        self.jabatan = QComboBox(editable=True, objectName="officerJabatan")
        self.jabatan.addItems(JABATAN)
        self.acting = QComboBox(objectName="officerActing")
        for label, value in strings.OFFICER_ACTING_CHOICES:
            self.acting.addItem(label, value)
        self.pangkat = QLineEdit(objectName="officerPangkat", placeholderText="Penata, III/c")
        self.office = QComboBox(objectName="officerOffice")
        self.holds_from = OptionalDate(strings.OFFICER_FROM)
        self.holds_to = OptionalDate(strings.OFFICER_TO)
        self.message = QLabel(objectName="officerMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.add_button = QPushButton(strings.OFFICER_ADD)
        self.save_button = QPushButton(strings.OFFICER_SAVE)
        clear = QPushButton(strings.OFFICER_NEW)
        toggle = QPushButton(strings.OFFICER_TOGGLE)
        self.delete_button = QPushButton(strings.OFFICER_DELETE)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save_selected)
        clear.clicked.connect(self.clear_form)
        toggle.clicked.connect(self.toggle_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        # two form columns side by side keep the table tall on a 768-pixel screen
        left, right = QFormLayout(), QFormLayout()
        left.addRow(strings.OFFICER_NAME, self.name)
        left.addRow(strings.OFFICER_NIP, self.nip)
        left.addRow(strings.OFFICER_JABATAN, self.jabatan)
        right.addRow(strings.OFFICER_ACTING, self.acting)
        right.addRow(strings.OFFICER_PANGKAT, self.pangkat)
        right.addRow(strings.OFFICER_OFFICE, self.office)
        dates = QHBoxLayout()
        dates.addWidget(self.holds_from)
        dates.addWidget(self.holds_to)
        dates.addStretch(1)
        left.addRow(strings.OFFICER_PERIOD, dates)
        form = QHBoxLayout()
        form.addLayout(left, 1)
        form.addSpacing(24)
        form.addLayout(right, 1)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.shown)
        top.addSpacing(24)
        top.addWidget(self.import_button)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, clear, toggle, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(strings.CLOSE, objectName="closeDirectory")
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1240, 680)  # inside a 1366×768 screen with the taskbar
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self.people = call(self.db, officer_service.list_officers)
        offices = call(self.db, catalogue.list_office_names)
        self.model.set_rows(
            [(o.name, o.nip, o.title, o.office or "-",
              strings.OFFICER_ACTIVE if o.active else strings.OFFICER_INACTIVE)
             for o in self.people],
            [None if o.active else INACTIVE for o in self.people])
        self._count()
        chosen = self.office.currentText()
        self.office.clear()
        self.office.addItems(offices)
        if chosen:
            self.office.setCurrentText(chosen)
        if select_id is not None:
            self.select_officer(select_id)

    def select_officer(self, officer_id: int) -> bool:
        """Select the officer's row, if the search shows it."""
        rows = [i for i, o in enumerate(self.people) if o.id == officer_id]
        shown = self.proxy.mapFromSource(self.model.index(rows[0], 0)) if rows else None
        if shown is None or not shown.isValid():
            return False
        self.table.selectRow(shown.row())
        return True

    def _search(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._count()

    def _count(self) -> None:
        self.shown.setText(strings.OFFICER_SHOWN.format(shown=self.proxy.rowCount(),
                                                        total=self.model.rowCount()))

    def selected(self):
        index = self.proxy.mapToSource(self.table.currentIndex())
        return self.people[index.row()] if index.isValid() else None

    def _fill_from_selection(self, current, _previous=None) -> None:
        source = self.proxy.mapToSource(current)
        if not source.isValid():
            return
        o = self.people[source.row()]
        self.name.setText(o.name)
        self.nip.setText(o.nip)
        self.jabatan.setCurrentText(o.jabatan)
        self.acting.setCurrentIndex(max(0, self.acting.findData(o.acting)))
        self.pangkat.setText(o.pangkat)
        self.office.setCurrentText(o.office or "")
        self.holds_from.set_value(o.holds_from)
        self.holds_to.set_value(o.holds_to)
        self.message.clear()

    def clear_form(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        for field in (self.name, self.nip, self.pangkat):
            field.clear()
        self.acting.setCurrentIndex(0)
        self.holds_from.set_value(None)
        self.holds_to.set_value(None)
        self.message.clear()

    def _values(self) -> dict:
        return dict(name=self.name.text(), nip=self.nip.text(),
                    jabatan=self.jabatan.currentText(), pangkat=self.pangkat.text(),
                    office=self.office.currentText() or None,
                    acting=self.acting.currentData() or "",
                    holds_from=self.holds_from.value(), holds_to=self.holds_to.value())

    def _run(self, write, *args, **values) -> tuple[bool, object]:
        """One service write: (True, what it returned), or (False, None) with the refusal
        shown under the form."""
        try:
            return True, call(self.db, write, *args, **values)
        except (InputError, StoreError) as exc:
            self.message.setText(str(exc))
            return False, None

    def add(self) -> bool:
        added, _ = self._run(officer_service.add_officer, **self._values())
        if not added:
            return False
        self.clear_form()
        self.reload()
        return True

    def save_selected(self) -> bool:
        """Save the form over the selected officer, as it was when selected."""
        seen = self.selected()
        if seen is None:
            self.message.setText(strings.OFFICER_PICK)
            return False
        ok, saved = self._run(officer_service.update_officer, seen.id, seen=seen,
                              **self._values())
        if not ok:
            self.reload(seen.id)
            return False
        self.reload(saved.id)
        self.message.setText(strings.OFFICER_SAVED.format(name=saved.name))
        return True

    def toggle_selected(self) -> None:
        person = self.selected()
        if person is None:
            return
        self._run(officer_service.set_active, person.id, not person.active)
        self.reload(person.id)

    def delete_selected(self) -> bool:
        person = self.selected()
        if person is None or not self.confirm(strings.OFFICER_DELETE_CONFIRM.format(
                name=person.name)):
            return False
        deleted, _ = self._run(officer_service.delete_officer, person.id)
        if not deleted:
            return False
        self.clear_form()
        self.reload()
        return True

    def import_sheet(self) -> Task | None:
        """Read a spreadsheet off the GUI thread, show its rows, import what the user accepts."""
        path = self.ask_import_path()
        if path is None:
            return None
        self.message.clear()
        self.task = run_task(
            self, lambda progress: officer_import.read_officer_sheet(path, progress=progress),
            title=strings.OFFICER_IMPORT_TITLE, label=strings.OFFICER_IMPORT_READING,
            done=self._review_import, failed=self.message.setText)
        return self.task

    def _review_import(self, rows: list) -> None:
        checked, rows = self._run(officer_import.check_against_directory, rows)
        if not checked:
            return
        if not self.confirm_import(OfficerImportPreview(rows, self)):
            self.message.setText(strings.OFFICER_IMPORT_CANCELLED)
            return
        # the preview was the confirmation: it listed the bad rows that stay out
        done, result = self._run(officer_import.import_rows, rows, skip_bad=True)
        if not done:
            return
        self.reload()
        text = strings.OFFICER_IMPORT_DONE_SKIPPED if result.skipped else \
            strings.OFFICER_IMPORT_DONE
        self.message.setText(text.format(added=result.added, skipped=result.skipped))

    # dialogs: small methods that tests replace ------------------------------------------------
    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, strings.OFFICERS_TITLE, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_import_path(self) -> Path | None:
        return file_dialogs.ask_open_path(self, strings.OFFICER_IMPORT_PICK,
                                          strings.OFFICER_IMPORT_FILTER)

    def confirm_import(self, preview: OfficerImportPreview) -> bool:
        return preview.exec() == QDialog.DialogCode.Accepted
