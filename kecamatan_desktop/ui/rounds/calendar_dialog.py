"""The office calendar dialog: working hours per weekday, and a year's days off
(national holidays and cuti bersama loaded from the holidays package, editable)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.calendar import WorkingHours
from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.domain.tanggal import format_tanggal
from kecamatan_desktop.services import calendar as calendar_service
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.rounds.dashboard_model import hours_text
from kecamatan_desktop.ui.rounds.rows_model import RowsModel

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

_INTERVAL = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})\s*$")


def format_day(intervals) -> str:
    return ", ".join(f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}"
                     for a, b in intervals)


def parse_day(text: str, weekday: str) -> tuple[tuple[int, int], ...]:
    """`07:30-12:00, 13:00-16:00` to minutes after midnight; refuses anything else."""
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        m = _INTERVAL.match(part)
        if m is None:
            raise InputError(f"{weekday}: {part!r} bukan rentang jam (tulis 07:30-12:00)")
        h1, m1, h2, m2 = map(int, m.groups())
        out.append((h1 * 60 + m1, h2 * 60 + m2))
    return tuple(out)


class CalendarDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(strings.CALENDAR_TITLE)
        self.year = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.year.valueChanged.connect(self.reload)
        self.model = RowsModel(strings.CALENDAR_DAYS_HEADERS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        today = date.today()
        self.new_date = QDateEdit(QDate(today.year, today.month, today.day), calendarPopup=True)
        self.new_date.setDisplayFormat("dd/MM/yyyy")
        self.new_name = QLineEdit()
        self.new_kind = QComboBox()
        for label, value in strings.CALENDAR_KIND:
            self.new_kind.addItem(label, value)
        add = QPushButton(strings.CALENDAR_ADD)
        remove = QPushButton(strings.CALENDAR_REMOVE)
        add.clicked.connect(self.add_day)
        remove.clicked.connect(self.remove_selected)
        self.hours: list[QLineEdit] = []
        hours_form = QFormLayout()
        current = call(db, calendar_service.working_hours)
        for name, day in zip(strings.WEEKDAYS, current.days, strict=True):
            edit = QLineEdit(format_day(day))
            self.hours.append(edit)
            hours_form.addRow(name, edit)
        self.week = QLabel()
        save_hours = QPushButton(strings.CALENDAR_SAVE_HOURS)
        save_hours.clicked.connect(self.save_hours)
        self.message = QLabel(objectName="calendarMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b71c1c;")

        top = QHBoxLayout()
        top.addWidget(QLabel(strings.CALENDAR_YEAR))
        top.addWidget(self.year)
        top.addStretch(1)
        add_row = QHBoxLayout()
        for widget in (self.new_date, self.new_name, self.new_kind, add, remove):
            add_row.addWidget(widget)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addLayout(add_row)
        right = QVBoxLayout()
        right.addWidget(QLabel(strings.CALENDAR_HOURS, wordWrap=True))
        right.addLayout(hours_form)
        right.addWidget(self.week)
        right.addWidget(save_hours)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.message)
        self.resize(980, 560)
        self._show_week(current)
        self.reload()

    def reload(self) -> None:
        try:
            self.days = call(self.db, calendar_service.days_off, self.year.value())
        except (InputError, StoreError) as exc:
            self.message.setText(str(exc))
            return
        kinds = dict((v, k) for k, v in strings.CALENDAR_KIND)
        self.model.set_rows([(format_tanggal(d.day), strings.WEEKDAYS[d.day.weekday()], d.name,
                              kinds.get(d.kind, d.kind)) for d in self.days])
        self.table.resizeColumnsToContents()

    def add_day(self) -> bool:
        day = self.new_date.date().toPython()
        try:
            call(self.db, calendar_service.add_day_off, day, self.new_name.text(),
                 self.new_kind.currentData())
        except (InputError, StoreError) as exc:
            self.message.setText(str(exc))
            return False
        self.message.clear()
        self.new_name.clear()
        self.year.setValue(day.year)
        self.reload()
        return True

    def remove_selected(self) -> bool:
        index = self.table.currentIndex()
        if not index.isValid():
            return False
        try:
            call(self.db, calendar_service.remove_day_off, self.days[index.row()].day)
        except (InputError, StoreError) as exc:
            self.message.setText(str(exc))
            return False
        self.reload()
        return True

    def save_hours(self) -> bool:
        try:
            hours = WorkingHours(days=tuple(parse_day(edit.text(), name) for name, edit
                                            in zip(strings.WEEKDAYS, self.hours, strict=True)))
            call(self.db, calendar_service.set_working_hours, hours)
        except (InputError, StoreError) as exc:
            self.message.setText(str(exc))
            return False
        self.message.clear()
        self._show_week(hours)
        return True

    def _show_week(self, hours: WorkingHours) -> None:
        self.week.setText(strings.CALENDAR_WEEK.format(hours=hours_text(hours.weekly_minutes)))
