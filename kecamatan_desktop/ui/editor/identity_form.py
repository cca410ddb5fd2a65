"""The identity sheet as a form laid out like the printed one; every change is undoable.

A date is a whole date (the date field), or written as the book writes it when it is not one
("Oktober 2024", the "tertulis" field), or not written at all ("Diisi" unticked)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.interchange import LIST_KEYS
from kecamatan_desktop.domain.limits import limit_of
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.tanggal import STANDARD, TanggalStyle
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument

L = strings.IDENTITY_LABELS
OFFICE_FIELDS = [(f"office.{k}", v) for k, v in strings.OFFICE_LABELS.items()]
APPROVER_FIELDS = [(f"approved_by.{k}", v) for k, v in strings.APPROVER_LABELS.items()]
DATE_KEYS = ("created", "revised", "effective")
LIST_PAIRS = (("legal_basis", "qualifications"), ("related", "equipment"),
              ("warnings", "records"))
INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
QT_FEBRUARY = INDONESIAN.monthName(2)  # "Februari"


class OfficeDateEdit(QDateEdit):
    """A date as the office writes it on its sheets (`1 Pebruari 2021` or `01 Februari
    2021`), so the form says what the printed sheet will; typed and stepped as Qt's own."""

    style_: TanggalStyle = STANDARD  # a class default: Qt asks for the text while building it

    def __init__(self, **kwargs) -> None:
        super().__init__(calendarPopup=True, **kwargs)
        self.setLocale(INDONESIAN)
        self.setDisplayFormat(strings.DATE_FORMAT)

    def set_style(self, style: TanggalStyle) -> None:
        if style == self.style_:
            return
        self.style_ = style
        value = self.date()
        self.setDisplayFormat(strings.DATE_FORMAT if style.zero_pad
                              else strings.DATE_FORMAT_UNPADDED)
        self.setDate(value)

    def _office(self, text: str) -> str:  # Qt's month name -> the office's
        return text.replace(QT_FEBRUARY, self.style_.february)

    def _qt(self, text: str) -> str:  # the office's month name -> Qt's
        return text.replace(self.style_.february, QT_FEBRUARY)

    def textFromDateTime(self, value) -> str:
        return self._office(super().textFromDateTime(value))

    def dateTimeFromText(self, text: str):
        return super().dateTimeFromText(self._qt(text))

    def validate(self, text: str, pos: int):
        state, text, pos = super().validate(self._qt(text), pos)
        return state, self._office(text), pos


def field_value(sop: Sop, path: str) -> Any:
    """`approved_by.nip` -> sop.approved_by.nip"""
    value: Any = sop
    for part in path.split("."):
        value = getattr(value, part)
    return value


def with_field(obj: Any, path: str, value: Any) -> Any:
    """A copy of the frozen `obj` with the (dotted) field `path` set to `value`."""
    head, _, rest = path.partition(".")
    inner = with_field(getattr(obj, head), rest, value) if rest else value
    return replace(obj, **{head: inner})


def list_value(text: str) -> tuple[str, ...]:
    """One item per non-empty line."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _cap(edit: QLineEdit, path: str, shown: str) -> None:
    """Typing stops at the field's limit; a longer text saved before the limit is shown
    whole (Qt would cut it) for Simpan to name, never shortened behind the user's back."""
    edit.setMaxLength(max(limit_of(path), len(shown)))


class IdentityForm(QScrollArea):
    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("identityForm")
        self.setWidgetResizable(True)
        self.document = document
        self._updating = False
        self.line_edits: dict[str, QLineEdit] = {}
        self.date_edits: dict[str, OfficeDateEdit] = {}
        self.date_set: dict[str, QCheckBox] = {}
        self.date_texts: dict[str, QLineEdit] = {}
        self.list_edits: dict[str, QPlainTextEdit] = {}
        self.labels: dict[str, str] = {}

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._build_header())
        layout.addWidget(self._build_lists(), 1)
        self.setWidget(body)
        self.revised_set, self.revised_edit = self.date_set["revised"], self.date_edits["revised"]
        document.changed.connect(self.refresh)
        self.refresh()

    # construction ----------------------------------------------------------------------------
    def _build_header(self) -> QGroupBox:
        box = QGroupBox(strings.IDENTITY_FORM_HEAD)
        grid = QHBoxLayout(box)
        office = QFormLayout()
        for path, label in OFFICE_FIELDS:
            office.addRow(label, self._line(path, label))
        sheet = QFormLayout()
        sheet.addRow(L["number"], self._line("number", L["number"]))
        sheet.addRow(L["name"], self._line("name", L["name"]))
        for key in DATE_KEYS:
            sheet.addRow(L[key], self._date_row(key))
        for path, label in APPROVER_FIELDS:
            sheet.addRow(label, self._line(path, label))
        grid.addLayout(office, 2)
        grid.addSpacing(16)
        grid.addLayout(sheet, 3)
        return box

    def _build_lists(self) -> QGroupBox:
        box = QGroupBox(strings.IDENTITY_FORM_LISTS)
        grid = QGridLayout(box)
        for row, pair in enumerate(LIST_PAIRS):
            for column, key in enumerate(pair):
                head = QLabel(f"<b>{L[key]}</b>")
                edit = QPlainTextEdit(objectName=f"identity_{key}")
                edit.setTabChangesFocus(True)
                # no soft wrap: each line on screen is exactly one item of the list
                edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
                edit.setMinimumHeight(70)
                edit.textChanged.connect(lambda k=key, e=edit: self._edit(
                    k, list_value(e.toPlainText())))
                self.list_edits[key] = edit
                self.labels[key] = L[key]
                grid.addWidget(head, row * 2, column)
                grid.addWidget(edit, row * 2 + 1, column)
        assert set(self.list_edits) == set(LIST_KEYS)
        return box

    def _line(self, path: str, label: str) -> QLineEdit:
        edit = QLineEdit(objectName=f"identity_{path.replace('.', '_')}")
        edit.textEdited.connect(lambda text, p=path: self._edit(p, text))
        edit.setMaxLength(limit_of(path))
        self.line_edits[path] = edit
        self.labels[path] = label
        return edit

    def _date_row(self, key: str) -> QWidget:
        """Diisi, the date, and the date as written when it is not a whole one."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        given = QCheckBox(strings.REVISED_SET, objectName=f"identity_{key}_set")
        given.setToolTip(strings.REVISED_SET_TIP if key == "revised" else strings.DATE_SET_TIP)
        edit = OfficeDateEdit(objectName=f"identity_{key}")
        written = QLineEdit(objectName=f"identity_{key}_text",
                            placeholderText=strings.DATE_WRITTEN_PLACEHOLDER,
                            toolTip=strings.DATE_WRITTEN_TIP, maxLength=limit_of(key))
        given.toggled.connect(lambda _on, k=key: self._date_edited(k))
        edit.dateChanged.connect(lambda _d, k=key: self._date_edited(k))
        written.textEdited.connect(lambda _t, k=key: self._date_edited(k))
        self.date_set[key], self.date_edits[key], self.date_texts[key] = given, edit, written
        self.labels[key] = L[key]
        layout.addWidget(given)
        layout.addWidget(edit, 2)
        layout.addWidget(written, 2)
        return row

    # document -> widgets ---------------------------------------------------------------------
    def set_date_style(self, style: TanggalStyle) -> None:
        """Dates as the office of the SOP shown writes them (its profile's style)."""
        for edit in self.date_edits.values():
            edit.set_style(style)

    def refresh(self) -> None:
        sop = self.document.sop
        self._updating = True
        try:
            self.setEnabled(sop is not None and not self.document.read_only)
            if sop is None:
                return
            for path, edit in self.line_edits.items():
                if edit.text() != field_value(sop, path):
                    _cap(edit, path, field_value(sop, path))
                    edit.setText(field_value(sop, path))
                    edit.setCursorPosition(0)  # show the start of a long text, not its end
            for key, edit in self.list_edits.items():
                if list_value(edit.toPlainText()) != getattr(sop, key):
                    edit.setPlainText("\n".join(getattr(sop, key)))
            for key in DATE_KEYS:
                self._show_date(sop, key)
        finally:
            self._updating = False

    def _show_date(self, sop: Sop, key: str) -> None:
        day, text = getattr(sop, key), sop.date_text(key)
        edit, written = self.date_edits[key], self.date_texts[key]
        if day is not None and edit.date().toPython() != day:
            edit.setDate(QDate(day))
        elif day is None:
            edit.setDate(QDate.currentDate())  # what ticking "Diisi" gives
        if written.text() != text:
            _cap(written, key, text)
            written.setText(text)
            written.setCursorPosition(0)
        given = day is not None or bool(text.strip())
        self.date_set[key].setChecked(given)
        edit.setEnabled(given and not text.strip())
        written.setEnabled(given)

    # widgets -> document ---------------------------------------------------------------------
    def _date_edited(self, key: str) -> None:
        """The date as the row's fields now say: not written, a whole date, or as written."""
        sop = self.document.sop
        if self._updating or sop is None:
            return
        text = self.date_texts[key].text()
        if not self.date_set[key].isChecked():
            day, text = None, ""
        elif text.strip():
            day = None
        else:
            day, text = self.date_edits[key].date().toPython(), ""
        self.date_edits[key].setEnabled(day is not None)
        self.date_texts[key].setEnabled(self.date_set[key].isChecked())
        self._edit(key, day, **{f"{key}_text": text})

    def _edit(self, path: str, value: Any, **also: Any) -> None:
        sop = self.document.sop
        if self._updating or sop is None:
            return
        after = with_field(sop, path, value)
        if also:
            after = replace(after, **also)
        self.document.apply(after, strings.UNDO_IDENTITY.format(field=self.labels[path]),
                            merge_key=f"identity.{path}")

