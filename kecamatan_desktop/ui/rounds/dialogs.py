"""Dialogs of the rounds pages: start a round, complete a step, the officer directory."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.tanggal import format_waktu
from kecamatan_desktop.domain.zones import WIB, zone_name
from kecamatan_desktop.ui import field_marks, strings

Choices = list[tuple[str, int]]  # an officer picker's items: label and officer id


def office_time(edit: QDateTimeEdit, tz: tzinfo) -> datetime:
    """The date and time in `edit`, read on the office's clock."""
    return edit.dateTime().toPython().replace(tzinfo=tz)


def set_office_time(edit: QDateTimeEdit, at: datetime, tz: tzinfo) -> None:
    local = at.astimezone(tz)
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                               QTime(local.hour, local.minute)))


def officer_combo(choices: Choices, current: int | None, empty: str) -> QComboBox:
    """A picker of active officers; `empty` first (data None) when nobody is chosen."""
    combo = QComboBox()
    combo.addItem(empty, None)
    for label, officer_id in choices:
        combo.addItem(label, officer_id)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
    return combo


def ok_cancel(ok: str = strings.OK) -> QDialogButtonBox:
    """OK/Batal buttons labelled in Indonesian (Qt ships no Indonesian translation)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(strings.CANCEL)
    return buttons


def with_message(field: QWidget, label: QLabel) -> QWidget:
    """`field` with its error message right under it (field_marks shows and hides it)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(label)
    return box


class WhenField(QWidget):
    """"Sekarang", or a date and time entered after the fact (staff often record later)."""

    def __init__(self, parent: QWidget | None = None, tz: tzinfo = WIB) -> None:
        super().__init__(parent)
        self.tz = tz
        self.now = QCheckBox(strings.START_NOW, checked=True)
        self.at = QDateTimeEdit()
        set_office_time(self.at, datetime.now(tz), tz)  # the office's clock, not the PC's
        self.at.setDisplayFormat(f"dd/MM/yyyy HH:mm '{zone_name(tz)}'")
        self.at.setCalendarPopup(True)
        self.at.setEnabled(False)
        self.now.toggled.connect(lambda on: self.at.setEnabled(not on))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.now)
        layout.addWidget(self.at)

    def value(self) -> datetime | None:
        """None for now (the service takes the clock), else the time entered, on the
        office's clock."""
        return None if self.now.isChecked() else office_time(self.at, self.tz)

    def set_value(self, at: datetime | None) -> None:
        self.now.setChecked(at is None)
        if at is not None:
            set_office_time(self.at, at, self.tz)


class StartRoundDialog(QDialog):
    """Title, who fills each lane (defaults from the directory), and when it started."""

    def __init__(self, sop: Sop, defaults: dict[str, int | None], officers: Choices,
                 parent: QWidget | None = None, tz: tzinfo = WIB,
                 previous: tuple | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(strings.START_TITLE)
        self.title = QLineEdit(placeholderText=strings.START_NAME_HINT)
        self.when = WhenField(self, tz)
        self.lanes = QTableWidget(len(sop.roles), 2, self)
        self.lanes.setHorizontalHeaderLabels(strings.START_LANE_HEADERS)
        self.lanes.horizontalHeader().setStretchLastSection(True)
        self.lanes.verticalHeader().setVisible(False)
        self.combos: dict[str, QComboBox] = {}
        for row, lane in enumerate(sop.roles):
            item = QTableWidgetItem(lane)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.lanes.setItem(row, 0, item)
            combo = officer_combo(officers, defaults.get(lane), strings.NOT_ASSIGNED)
            self.lanes.setCellWidget(row, 1, combo)
            self.combos[lane] = combo
        self.lanes.resizeColumnToContents(0)
        self.title_message = field_marks.message_label("titleMessage")
        self.title.textEdited.connect(lambda _t: field_marks.clear(self.title,
                                                                   self.title_message))
        form = QFormLayout()
        form.addRow(strings.START_SOP, QLabel(f"<b>{sop.name}</b>"))
        form.addRow(strings.START_NAME, with_message(self.title, self.title_message))
        form.addRow(strings.START_AT, self.when)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(strings.START_LANES))
        layout.addWidget(self.lanes)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)
        if previous is not None:  # asked again after a refusal: nothing typed is lost
            title, lanes, at = previous
            self.title.setText(title)
            for lane, officer_id in lanes.items():
                if lane in self.combos:
                    combo = self.combos[lane]
                    combo.setCurrentIndex(max(0, combo.findData(officer_id)))
            self.when.set_value(at)

    def accept(self) -> None:
        if not self.title.text().strip():
            field_marks.mark(self.title, self.title_message, strings.START_TITLE_MISSING)
            return
        super().accept()

    def values(self) -> tuple[str, dict[str, int | None], datetime | None]:
        """Every lane, the ones left "(belum ditentukan)" as None."""
        lanes = {lane: combo.currentData() for lane, combo in self.combos.items()}
        return self.title.text(), lanes, self.when.value()


class CorrectEventDialog(QDialog):
    """*Koreksi*: the right time, person, output or note of one event, and why."""

    def __init__(self, event, officers: Choices, parent: QWidget | None = None,
                 tz: tzinfo = WIB, line=None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.target = event  # not `self.event`: that would hide QWidget.event()
        # the values as they stand now (an earlier correction counts), not as first written
        self.now_at = line.at if line is not None else event.occurred_at
        self.now_output = line.output.now if line is not None else event.output
        self.now_note = line.note.now if line is not None else event.note
        self.setWindowTitle(strings.CORRECT_TITLE.format(seq=event.seq, label=event.label))
        form = QFormLayout(self)
        form.addRow(QLabel(strings.CORRECT_INTRO.format(when=format_waktu(self.now_at, tz)),
                           wordWrap=True))
        self.change_time = QCheckBox(strings.CORRECT_CHANGE_TIME)
        self.at = QDateTimeEdit()
        self.at.setDisplayFormat(f"dd/MM/yyyy HH:mm '{zone_name(tz)}'")
        self.at.setCalendarPopup(True)
        set_office_time(self.at, self.now_at, tz)
        self.at.setEnabled(False)
        self.change_time.toggled.connect(self.at.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.change_time)
        row.addWidget(self.at)
        form.addRow(strings.CORRECT_TIME, row)
        self.officer = officer_combo(officers, None, strings.CORRECT_KEEP_OFFICER)
        self.officer.setEnabled(event.officer is not None or event.kind in (
            "started", "step_completed", "handed_off", "reassigned"))
        form.addRow(strings.CORRECT_OFFICER, self.officer)
        self.receiver = None
        if line is not None and line.kind == "handoff":  # its handoff names the receiver
            self.receiver = officer_combo(officers, None, strings.CORRECT_KEEP_OFFICER)
            self.receiver.setObjectName("correctReceiver")
            form.addRow(strings.CORRECT_RECEIVER.format(
                now=line.handed_to.now or strings.NOT_ASSIGNED), self.receiver)
        self.output = QLineEdit(self.now_output)
        self.note = QLineEdit(self.now_note)
        self.reason = QLineEdit(objectName="correctReason")
        form.addRow(strings.CORRECT_OUTPUT, self.output)
        form.addRow(strings.CORRECT_NOTE, self.note)
        form.addRow(strings.CORRECT_REASON, self.reason)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 300)

    def values(self) -> dict:
        """Only what the user changed; the service refuses a correction that changes nothing."""
        values: dict = {"reason": self.reason.text()}
        if self.change_time.isChecked():
            values["occurred_at"] = office_time(self.at, self.tz)
        if self.officer.currentData() is not None:
            values["officer"] = self.officer.currentData()
        if self.receiver is not None and self.receiver.currentData() is not None:
            values["receiver"] = self.receiver.currentData()
        if self.output.text() != self.now_output:
            values["output"] = self.output.text()
        if self.note.text() != self.now_note:
            values["note"] = self.note.text()
        return values
