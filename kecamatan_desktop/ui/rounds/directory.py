"""The officer directory dialog: list, add (NIP checked), set active or not."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.jabatan import JABATAN
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services import officers as officer_service
from kecamatan_desktop.store.database import Database, StoreError
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.rounds.rows_model import RowsModel


class OfficerDirectory(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(strings.OFFICERS_TITLE)
        self.model = RowsModel(strings.OFFICER_HEADERS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.name = QLineEdit(objectName="officerName")
        self.nip = QLineEdit(objectName="officerNip", placeholderText="19650202 198710 1 001")
        self.jabatan = QComboBox(editable=True, objectName="officerJabatan")
        self.jabatan.addItems(JABATAN)
        self.pangkat = QLineEdit(objectName="officerPangkat", placeholderText="Penata, III/c")
        self.office = QComboBox(objectName="officerOffice")
        self.message = QLabel(objectName="officerMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b71c1c;")
        add = QPushButton(strings.OFFICER_ADD)
        toggle = QPushButton(strings.OFFICER_TOGGLE)
        add.clicked.connect(self.add)
        toggle.clicked.connect(self.toggle_selected)
        form = QFormLayout()
        form.addRow(strings.OFFICER_NAME, self.name)
        form.addRow(strings.OFFICER_NIP, self.nip)
        form.addRow(strings.OFFICER_JABATAN, self.jabatan)
        form.addRow(strings.OFFICER_PANGKAT, self.pangkat)
        form.addRow("Kantor", self.office)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(toggle)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(760, 520)
        self.reload()

    def reload(self) -> None:
        with self.db.guard(), self.db.session() as session:
            self.people = officer_service.list_officers(session=session)
            offices = catalogue.list_office_names(session=session)
        self.model.set_rows([(o.name, o.nip, o.jabatan, o.pangkat, o.office or "-",
                              "ya" if o.active else "tidak") for o in self.people])
        chosen = self.office.currentText()
        self.office.clear()
        self.office.addItems(offices)
        if chosen:
            self.office.setCurrentText(chosen)

    def add(self) -> bool:
        try:
            with self.db.guard(), self.db.session() as session:
                officer_service.add_officer(
                    session=session, name=self.name.text(), nip=self.nip.text(),
                    jabatan=self.jabatan.currentText(), pangkat=self.pangkat.text(),
                    office=self.office.currentText() or None)
        except (InputError, StoreError) as exc:
            self.message.setText(str(exc))
            return False
        self.message.clear()
        for field in (self.name, self.nip, self.pangkat):
            field.clear()
        self.reload()
        return True

    def toggle_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        person = self.people[index.row()]
        try:
            with self.db.guard(), self.db.session() as session:
                officer_service.set_active(person.id, not person.active, session=session)
        except (InputError, StoreError) as exc:
            QMessageBox.warning(self, strings.OFFICERS_TITLE, str(exc))
        self.reload()
