"""The officer directory dialog: list, add and edit (NIP checked, Plt./Plh. and the dates the
jabatan is held), deactivate, and delete only those no record names."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
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
from kecamatan_desktop.domain.tanggal import format_tanggal
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services import officers as officer_service
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.rounds.rows_model import RowsModel

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


def _period(o) -> str:
    if not o.holds_from and not o.holds_to:
        return "-"
    return f"{format_tanggal(o.holds_from, '…')} – {format_tanggal(o.holds_to, '…')}"


class OfficerDirectory(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.people: list = []
        self.setWindowTitle(strings.OFFICERS_TITLE)
        self.model = RowsModel(strings.OFFICER_HEADERS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._fill_from_selection)
        self.name = QLineEdit(objectName="officerName")
        self.nip = QLineEdit(objectName="officerNip", placeholderText="19650202 198710 1 001")
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
        form = QFormLayout()
        form.addRow(strings.OFFICER_NAME, self.name)
        form.addRow(strings.OFFICER_NIP, self.nip)
        form.addRow(strings.OFFICER_JABATAN, self.jabatan)
        form.addRow(strings.OFFICER_ACTING, self.acting)
        form.addRow(strings.OFFICER_PANGKAT, self.pangkat)
        form.addRow("Kantor", self.office)
        dates = QHBoxLayout()
        dates.addWidget(self.holds_from)
        dates.addWidget(self.holds_to)
        form.addRow("Masa jabatan", dates)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, clear, toggle, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(900, 600)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self.people = call(self.db, officer_service.list_officers)
        offices = call(self.db, catalogue.list_office_names)
        self.model.set_rows([(o.name, o.nip, o.title, o.pangkat, o.office or "-", _period(o),
                              "ya" if o.active else "tidak") for o in self.people])
        chosen = self.office.currentText()
        self.office.clear()
        self.office.addItems(offices)
        if chosen:
            self.office.setCurrentText(chosen)
        rows = [i for i, o in enumerate(self.people) if o.id == select_id]
        if rows:
            self.table.selectRow(rows[0])

    def selected(self):
        index = self.table.currentIndex()
        return self.people[index.row()] if index.isValid() else None

    def _fill_from_selection(self, current, _previous=None) -> None:
        if not current.isValid():
            return
        o = self.people[current.row()]
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
        self.table.setCurrentIndex(self.model.index(-1, -1))
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

    # dialogs: small methods that tests replace ------------------------------------------------
    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, strings.OFFICERS_TITLE, text)
        return answer == QMessageBox.StandardButton.Yes
