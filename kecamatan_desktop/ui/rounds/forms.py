"""The monitoring form (pre-filled from rounds, editable) and the evaluation form dialogs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.domain.tanggal import format_tanggal
from kecamatan_desktop.export.pdf_rounds import write_evaluation_form, write_monitoring_form
from kecamatan_desktop.services import monitoring
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import field_marks, file_dialogs, strings
from kecamatan_desktop.ui.message_boxes import ask_yes_no
from kecamatan_desktop.ui.worker import run_task

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

NOT_REACHED_TEXT = "#808080"  # rows of steps no round came to: nothing to judge


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class _FormDialog(QDialog):
    """A form typed into and printed: *Tutup*, a question before typed answers are thrown
    away, and word of where the PDF went."""

    title = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False  # typed into since it was last printed
        self.task = None

    def touched(self, *_args) -> None:
        self.dirty = True

    def _losing(self) -> bool:
        """Closing would throw away typed answers the user can see (a hidden form has
        been closed already)."""
        return self.dirty and self.isVisible()

    def close_button(self) -> QPushButton:
        button = QPushButton(strings.CLOSE, objectName="closeForm")
        button.clicked.connect(self.reject)
        return button

    def reject(self) -> None:  # Tutup, Esc and the window's close button all come here
        if self._losing() and not self.ask_discard():
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self._losing() and not self.ask_discard():
            event.ignore()
            return
        self.dirty = False  # asked once: reject() that follows must not ask again
        super().closeEvent(event)

    def print_form(self, suggested: str, write) -> object:
        path = self.ask_save_path(suggested)
        if path is None:
            return None

        def done(written) -> None:
            self.dirty = False
            self.show_info(strings.FORM_SAVED.format(path=written))

        self.task = run_task(self, lambda progress: write(path), title=self.title,
                             label=strings.TASK_WRITING, done=done, failed=self.show_error)
        return self.task

    # dialogs: tests replace these
    def ask_save_path(self, suggested: str) -> Path | None:
        return file_dialogs.ask_save_path(self, strings.FORM_SAVE_TITLE.format(
            form=self.title), suggested, strings.PDF_FILTER)

    def ask_discard(self) -> bool:
        return ask_yes_no(self, self.title, strings.FORM_DISCARD)

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, self.title, text)

    def show_info(self, text: str) -> None:
        QMessageBox.information(self, self.title, text)


class MonitoringDialog(_FormDialog):
    """Pick a period, fill from the rounds, edit any cell, print."""

    title = strings.MONITORING_TITLE

    def __init__(self, db: Database, sop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.sop_id = db, sop_id
        self.form: monitoring.MonitoringForm | None = None
        self.setWindowTitle(strings.MONITORING_TITLE)
        today = date.today()
        half = date(today.year, 1 if today.month <= 6 else 7, 1)
        self.start = _date_edit(half)
        self.end = _date_edit(today)
        fill = QPushButton(strings.MONITORING_FILL)
        fill.clicked.connect(self.fill)
        self.table = QTableWidget(0, len(strings.MONITORING_HEADERS))
        self.table.setHorizontalHeaderLabels(strings.MONITORING_HEADERS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.assessor = QLineEdit()
        self.assessor.textEdited.connect(self.touched)
        print_button = QPushButton(strings.PRINT)
        print_button.clicked.connect(self.print_pdf)
        self.period_message = field_marks.message_label("periodMessage")
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: field_marks.clear(self.end,
                                                                  self.period_message))
        top = QHBoxLayout()
        for label, widget in ((strings.MONITORING_FROM, self.start),
                              (strings.MONITORING_TO, self.end)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(fill)
        top.addWidget(self.period_message, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(strings.ASSESSOR))
        bottom.addWidget(self.assessor, 1)
        bottom.addWidget(print_button)
        bottom.addWidget(self.close_button())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(980, 560)
        self.table.itemChanged.connect(self.touched)
        self.fill()

    def fill(self) -> bool:
        """The table from the rounds of the period (what was typed in it is replaced,
        after asking)."""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            field_marks.mark(self.end, self.period_message, strings.PERIOD_BACKWARDS.format(
                start=format_tanggal(start)))
            return False
        if self.dirty and not self.ask_discard():
            return False
        try:
            self.form = call(self.db, monitoring.monitoring_form, self.sop_id, start, end)
        except (InputError, StoreError) as exc:
            self.show_error(str(exc))
            return False
        self.table.blockSignals(True)  # filled, not typed: nothing to lose yet
        self.table.setRowCount(len(self.form.rows))
        for r, row in enumerate(self.form.rows):
            for c, value in enumerate((row.no, row.procedure, row.assessment, row.notes,
                                       row.action, row.initials)):
                item = QTableWidgetItem(value)
                if not row.reached:  # no round came to this step: nothing to judge
                    item.setForeground(QBrush(QColor(NOT_REACHED_TEXT)))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, 280)
        self.table.setColumnWidth(3, 240)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self.dirty = False
        return True

    def edited_form(self) -> monitoring.MonitoringForm:
        """The form with whatever the user typed into the table."""
        for r, row in enumerate(self.form.rows):
            row.no, row.procedure, row.assessment, row.notes, row.action, row.initials = (
                self.table.item(r, c).text() if self.table.item(r, c) else ""
                for c in range(6))
        self.form.assessor = self.assessor.text()
        return self.form

    def print_pdf(self):
        form = self.edited_form()
        return self.print_form("monitoring-sop.pdf",
                               lambda path: write_monitoring_form(form, path))


class EvaluationDialog(_FormDialog):
    """The seven criteria answered Ya or Tidak with a note, then printed."""

    title = strings.EVALUATION_TITLE

    def __init__(self, db: Database, sop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(strings.EVALUATION_TITLE)
        self.form = call(db, monitoring.evaluation_form, sop_id, date.today())
        grid = QGridLayout()
        for c, text in enumerate(strings.EVALUATION_HEADERS):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, c)
        self.answers: list[tuple[QRadioButton, QRadioButton, QLineEdit]] = []
        for i, answer in enumerate(self.form.answers, 1):
            yes, no, note = QRadioButton(), QRadioButton(), QLineEdit()
            group = QButtonGroup(self)
            group.addButton(yes)
            group.addButton(no)
            group.buttonClicked.connect(self.touched)
            yes.toggled.connect(self.touched)
            note.textChanged.connect(self.touched)
            grid.addWidget(QLabel(str(i)), i, 0)
            grid.addWidget(QLabel(answer.criterion, wordWrap=True), i, 1)
            grid.addWidget(yes, i, 2)
            grid.addWidget(no, i, 3)
            grid.addWidget(note, i, 4)
            self.answers.append((yes, no, note))
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(4, 2)
        self.assessor = QLineEdit()
        self.assessor.textChanged.connect(self.touched)
        print_button = QPushButton(strings.PRINT)
        print_button.clicked.connect(self.print_pdf)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(strings.ASSESSOR))
        bottom.addWidget(self.assessor, 1)
        bottom.addWidget(print_button)
        bottom.addWidget(self.close_button())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{self.form.sop_name}</b>"))
        layout.addLayout(grid)
        layout.addLayout(bottom)
        self.resize(860, 420)

    def filled_form(self) -> monitoring.EvaluationForm:
        for answer, (yes, no, note) in zip(self.form.answers, self.answers, strict=True):
            answer.answer = True if yes.isChecked() else False if no.isChecked() else None
            answer.note = note.text()
        self.form.assessor = self.assessor.text()
        return self.form

    def print_pdf(self):
        form = self.filled_form()
        return self.print_form("evaluasi-sop.pdf",
                               lambda path: write_evaluation_form(form, path))
