"""The office profile dialog: letterhead details and the logo printed on identity sheets (Umum),
and the Keputusan Camat that opens the office's book (Keputusan)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.domain.tanggal import FEBRUARY_SPELLINGS
from kecamatan_desktop.domain.zones import ZONE_LABELS
from kecamatan_desktop.services import offices, printing
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import file_dialogs, strings
from kecamatan_desktop.ui import strings_decree as decree_strings
from kecamatan_desktop.ui.decree_page import DecreePage
from kecamatan_desktop.ui.message_boxes import ask_yes_no
from kecamatan_desktop.ui.rounds.dialogs import ok_cancel

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database


class OfficeProfileDialog(QDialog):
    def __init__(self, db: Database, office: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.office = db, office
        self.setWindowTitle(f"{strings.OFFICE_TITLE} — {office}")
        profile = call(db, printing.office_profile, office)
        self.logo: bytes | None = profile.logo
        self.fields: dict[str, QLineEdit] = {}
        general = QWidget()
        form = QFormLayout(general)
        for key, label in strings.OFFICE_FIELDS:
            edit = QLineEdit(getattr(profile, key) or "")
            self.fields[key] = edit
            form.addRow(label, edit)
        self.time_zone = QComboBox(objectName="officeTimeZone")
        for code, label in ZONE_LABELS.items():
            self.time_zone.addItem(label, code)
        self.time_zone.setCurrentIndex(max(0, self.time_zone.findData(profile.time_zone)))
        form.addRow(strings.OFFICE_TIME_ZONE, self.time_zone)
        self._office_texts(form, profile)
        self.preview = QLabel(objectName="logoPreview")
        self.preview.setMinimumSize(90, 90)
        choose = QPushButton(strings.OFFICE_LOGO_CHOOSE)
        remove = QPushButton(strings.OFFICE_LOGO_REMOVE)
        choose.clicked.connect(self.choose_logo)
        remove.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.preview)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        logo_row.addStretch(1)
        form.addRow(strings.OFFICE_LOGO, logo_row)
        self.decree_page = DecreePage(db, office, profile.time_zone)
        self.tabs = QTabWidget(objectName="officeTabs")
        self.tabs.addTab(general, decree_strings.OFFICE_TAB_GENERAL)
        self.tabs.addTab(self.decree_page, decree_strings.OFFICE_TAB_DECREE)
        self.message = QLabel(objectName="officeMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b71c1c;")
        buttons = ok_cancel(strings.SAVE)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._set_logo(self.logo)
        self.resize(720, 640)

    def _office_texts(self, form: QFormLayout, profile: printing.OfficeProfile) -> None:
        """The office's own words on its sheets: its name there, the cover heading, dates."""
        self.sheet_name = QLineEdit(profile.sheet_name or "", objectName="officeSheetName",
                                    placeholderText=strings.OFFICE_SHEET_NAME_HINT)
        form.addRow(strings.OFFICE_SHEET_NAME, self.sheet_name)
        self.cover_heading = QPlainTextEdit("\n".join(profile.cover_heading),
                                            objectName="officeCoverHeading",
                                            placeholderText=strings.OFFICE_COVER_HEADING_HINT)
        self.cover_heading.setFixedHeight(self.cover_heading.fontMetrics().lineSpacing() * 4)
        form.addRow(strings.OFFICE_COVER_HEADING, self.cover_heading)
        self.date_zero_pad = QCheckBox(strings.OFFICE_DATE_ZERO_PAD,
                                       objectName="officeDateZeroPad")
        self.date_zero_pad.setChecked(profile.date_style.zero_pad)
        form.addRow(strings.OFFICE_DATE_STYLE, self.date_zero_pad)
        self.date_february = QComboBox(objectName="officeDateFebruary")
        self.date_february.addItems(FEBRUARY_SPELLINGS)
        self.date_february.setCurrentText(profile.date_style.february)
        form.addRow(strings.OFFICE_DATE_FEBRUARY, self.date_february)

    def _set_logo(self, data: bytes | None) -> None:
        self.logo = data
        if data:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.preview.setPixmap(pixmap.scaled(80, 80))
        else:
            self.preview.clear()
            self.preview.setText(strings.OFFICE_LOGO_NONE)

    def choose_logo(self) -> bool:
        path = self.ask_logo_path()
        if path is None:
            return False
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.message.setText(f"{path}: {exc.strerror}")
            return False
        if offices.logo_kind(data) is None:
            self.message.setText(f"{path.name} bukan gambar PNG atau JPG; logo tidak diubah")
            return False
        self.message.clear()
        self._set_logo(data)
        return True

    def save(self) -> bool:
        """Save the profile, and the decree if it was changed; stay open on a refusal."""
        if self.decree_page.dirty and not self.decree_page.save():
            self.tabs.setCurrentWidget(self.decree_page)
            return False
        try:
            call(self.db, offices.update_office_profile, self.office, logo=self.logo,
                 time_zone=self.time_zone.currentData(),
                 date_zero_pad=self.date_zero_pad.isChecked(),
                 date_february=self.date_february.currentText(),
                 sheet_name=self.sheet_name.text(),
                 cover_heading=self.cover_heading.toPlainText(),
                 **{key: edit.text() for key, edit in self.fields.items()})
        except (InputError, StoreError) as exc:
            self.message.setText(str(exc))
            return False
        self.accept()
        return True

    def reject(self) -> None:
        """Batal, Esc or the window's close: a changed, unsaved decree is not lost unasked."""
        if self.decree_page.dirty and not self.ask_discard():
            self.tabs.setCurrentWidget(self.decree_page)
            return
        super().reject()

    def ask_discard(self) -> bool:
        return ask_yes_no(self, strings.OFFICE_TITLE, decree_strings.DECREE_DISCARD)

    def ask_logo_path(self) -> Path | None:
        return file_dialogs.ask_open_path(self, strings.OFFICE_LOGO_TITLE,
                                          strings.OFFICE_LOGO_FILTER)
