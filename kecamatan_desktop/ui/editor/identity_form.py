"""The identity sheet as a form laid out like the printed one; every change is undoable."""

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
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.tanggal import STANDARD, TanggalStyle
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument

L = strings.IDENTITY_LABELS
OFFICE_FIELDS = [(f"office.{k}", v) for k, v in strings.OFFICE_LABELS.items()]
APPROVER_FIELDS = [(f"approved_by.{k}", v) for k, v in strings.APPROVER_LABELS.items()]
DATE_FIELDS = [("created", L["created"]), ("effective", L["effective"])]
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


class IdentityForm(QScrollArea):
    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("identityForm")
        self.setWidgetResizable(True)
        self.document = document
        self._updating = False
        self.line_edits: dict[str, QLineEdit] = {}
        self.date_edits: dict[str, OfficeDateEdit] = {}
        self.list_edits: dict[str, QPlainTextEdit] = {}
        self.labels: dict[str, str] = {}

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._build_header())
        layout.addWidget(self._build_lists(), 1)
        self.setWidget(body)
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
        for path, label in DATE_FIELDS[:1]:
            sheet.addRow(label, self._date(path, label))
        sheet.addRow(L["revised"], self._revised_row())
        for path, label in DATE_FIELDS[1:]:
            sheet.addRow(label, self._date(path, label))
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
        self.line_edits[path] = edit
        self.labels[path] = label
        return edit

    def _date(self, path: str, label: str) -> OfficeDateEdit:
        edit = OfficeDateEdit(objectName=f"identity_{path}")
        edit.dateChanged.connect(lambda d, p=path: self._edit(p, d.toPython()))
        self.date_edits[path] = edit
        self.labels[path] = label
        return edit

    def _revised_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.revised_set = QCheckBox(strings.REVISED_SET, objectName="identity_revised_set")
        self.revised_set.setToolTip(strings.REVISED_SET_TIP)
        self.revised_edit = self._date("revised", L["revised"])
        self.revised_set.toggled.connect(self._on_revised_toggled)
        layout.addWidget(self.revised_set)
        layout.addWidget(self.revised_edit, 1)
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
                    edit.setText(field_value(sop, path))
                    edit.setCursorPosition(0)  # show the start of a long text, not its end
            for key, edit in self.list_edits.items():
                if list_value(edit.toPlainText()) != getattr(sop, key):
                    edit.setPlainText("\n".join(getattr(sop, key)))
            for path, edit in self.date_edits.items():
                value = field_value(sop, path)
                if value is not None and edit.date().toPython() != value:
                    edit.setDate(QDate(value))
            if sop.revised is None:
                self.revised_edit.setDate(QDate.currentDate())  # what ticking "Diisi" gives
            self.revised_set.setChecked(sop.revised is not None)
            self.revised_edit.setEnabled(sop.revised is not None)
        finally:
            self._updating = False

    # widgets -> document ---------------------------------------------------------------------
    def _on_revised_toggled(self, checked: bool) -> None:
        self.revised_edit.setEnabled(checked)
        if not self._updating:
            self._edit("revised", self.revised_edit.date().toPython() if checked else None)

    def _edit(self, path: str, value: Any) -> None:
        sop = self.document.sop
        if self._updating or sop is None:
            return
        if path == "revised" and not self.revised_set.isChecked() and value is not None:
            return
        self.document.apply(with_field(sop, path, value),
                            strings.UNDO_IDENTITY.format(field=self.labels[path]),
                            merge_key=f"identity.{path}")

