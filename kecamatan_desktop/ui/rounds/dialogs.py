"""Dialogs of the rounds pages: start a round, complete a step, the officer directory."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.ui import strings


def to_wib(edit: QDateTimeEdit) -> datetime:
    return edit.dateTime().toPython().replace(tzinfo=WIB)


def ok_cancel(ok: str = strings.OK) -> QDialogButtonBox:
    """OK/Batal buttons labelled in Indonesian (Qt ships no Indonesian translation)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(strings.CANCEL)
    return buttons


class WhenField(QWidget):
    """"Sekarang", or a date and time entered after the fact (staff often record later)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = QCheckBox(strings.START_NOW, checked=True)
        now = datetime.now(WIB)  # the office's clock, whatever zone the PC is set to
        self.at = QDateTimeEdit(QDateTime(QDate(now.year, now.month, now.day),
                                          QTime(now.hour, now.minute)))
        self.at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.at.setCalendarPopup(True)
        self.at.setEnabled(False)
        self.now.toggled.connect(lambda on: self.at.setEnabled(not on))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.now)
        layout.addWidget(self.at)

    def value(self) -> datetime | None:
        """None for now (the service takes the clock), else the time entered, in WIB."""
        return None if self.now.isChecked() else to_wib(self.at)


class StartRoundDialog(QDialog):
    """Title, who fills each lane (defaults from the directory), and when it started."""

    def __init__(self, sop: Sop, defaults: dict[str, str | None], officers: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(strings.START_TITLE)
        self.title = QLineEdit(placeholderText=strings.START_NAME_HINT)
        self.when = WhenField(self)
        self.lanes = QTableWidget(len(sop.roles), 2, self)
        self.lanes.setHorizontalHeaderLabels(strings.START_LANE_HEADERS)
        self.lanes.horizontalHeader().setStretchLastSection(True)
        self.lanes.verticalHeader().setVisible(False)
        self.combos: dict[str, QComboBox] = {}
        for row, lane in enumerate(sop.roles):
            item = QTableWidgetItem(lane)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.lanes.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(strings.NOT_ASSIGNED, None)
            for name in officers:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(defaults.get(lane))))
            self.lanes.setCellWidget(row, 1, combo)
            self.combos[lane] = combo
        self.lanes.resizeColumnToContents(0)
        form = QFormLayout()
        form.addRow(strings.START_SOP, QLabel(f"<b>{sop.name}</b>"))
        form.addRow(strings.START_NAME, self.title)
        form.addRow(strings.START_AT, self.when)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(strings.START_LANES))
        layout.addWidget(self.lanes)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def values(self) -> tuple[str, dict[str, str], datetime | None]:
        lanes = {lane: combo.currentData() for lane, combo in self.combos.items()
                 if combo.currentData()}
        return self.title.text(), lanes, self.when.value()


class CompleteStepDialog(QDialog):
    """Completing the current step: Ya/Tidak on a decision, who, when, output and note."""

    def __init__(self, sop: Sop, position: int, holder: str | None, officers: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        step = sop.steps[position - 1]
        self.setWindowTitle(strings.COMPLETE_TITLE.format(no=step.no))
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{step.no}. {step.activity}</b>", wordWrap=True))
        self.yes = self.no = None
        if step.decision is not None and step.decision.complete:
            self.yes = QRadioButton(strings.COMPLETE_YES.format(
                no=sop.steps[step.decision.yes - 1].no))
            self.no = QRadioButton(strings.COMPLETE_NO.format(
                no=sop.steps[step.decision.no - 1].no))
            group = QButtonGroup(self)
            group.addButton(self.yes)
            group.addButton(self.no)
            box = QVBoxLayout()
            box.addWidget(self.yes)
            box.addWidget(self.no)
            form.addRow(strings.COMPLETE_DECISION, box)
        self.by = QComboBox()
        for name in officers:
            self.by.addItem(name, name)
        self.by.setCurrentIndex(max(0, self.by.findData(holder)))
        self.when = WhenField(self)
        self.output = QLineEdit(step.output)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        form.addRow(strings.COMPLETE_BY, self.by)
        form.addRow(strings.COMPLETE_AT, self.when)
        form.addRow(strings.COMPLETE_OUTPUT, self.output)
        form.addRow(strings.COMPLETE_NOTE, self.note)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 320)

    def values(self) -> dict:
        decision = None
        if self.yes is not None:
            decision = "ya" if self.yes.isChecked() else "tidak" if self.no.isChecked() else None
        return dict(decision=decision, done_by=self.by.currentData(),
                    at=self.when.value(),
                    output=self.output.text(), note=self.note.toPlainText())
