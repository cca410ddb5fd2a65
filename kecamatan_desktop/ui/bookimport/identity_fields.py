"""The identity of the SOP under review as plain editable fields: each edit goes into the
document at once (nothing typed is lost) and is told, for the window to check it again."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.bookimport.fields import read_date
from kecamatan_desktop.domain.interchange import LIST_KEYS
from kecamatan_desktop.domain.tanggal import format_tanggal
from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.bookimport.review_item import ReviewItem

DATE_KEYS = ("created", "revised", "effective")
LIST_LINES = 3


class IdentityFields(QScrollArea):
    edited = Signal(str)  # the identity key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.item: ReviewItem | None = None
        self._filling = False
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        inner = QWidget()
        form = QFormLayout()
        for key in s.IDENTITY_KEYS:
            line = QLineEdit(objectName=f"import_{key}")
            if key in DATE_KEYS:
                line.setPlaceholderText(s.DATE_PLACEHOLDER)
            line.textEdited.connect(lambda _text, k=key: self._edited(k))
            self.fields[key] = line
            form.addRow(s.IDENTITY_FIELD_LABELS[key], line)
        lists = QFormLayout()
        for key in LIST_KEYS:
            box = QPlainTextEdit(objectName=f"import_{key}")
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * LIST_LINES + 12)
            box.textChanged.connect(lambda k=key: self._edited(k))
            self.fields[key] = box
            lists.addRow(s.IDENTITY_FIELD_LABELS[key], box)
        layout = QVBoxLayout(inner)
        layout.addLayout(form)
        layout.addWidget(QLabel(f"<b>{s.LISTS_HEAD}</b>"))
        layout.addLayout(lists)
        layout.addStretch(1)
        self.setWidget(inner)

    def set_item(self, item: ReviewItem | None) -> None:
        self.item = item if item is not None and item.doc is not None else None
        self._filling = True
        try:
            for key, widget in self.fields.items():
                value = self.item.identity(key) if self.item is not None else ""
                if isinstance(widget, QPlainTextEdit):
                    widget.setPlainText("\n".join(value or []))
                else:
                    widget.setText(_shown_date(value) if key in DATE_KEYS else str(value or ""))
                    widget.setCursorPosition(0)  # a long name shown from its start
                widget.setReadOnly(self.item is None or self.item.imported)
        finally:
            self._filling = False

    def focus(self, key: str) -> bool:
        widget = self.fields.get(key)
        if widget is None:
            return False
        self.ensureWidgetVisible(widget)
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        return True

    def _edited(self, key: str) -> None:
        if self._filling or self.item is None:
            return
        widget = self.fields[key]
        if isinstance(widget, QPlainTextEdit):
            value = [line.strip() for line in widget.toPlainText().splitlines() if line.strip()]
        elif key in DATE_KEYS:
            value = _stored_date(widget.text())
        else:
            value = widget.text().strip()
        self.item.set_identity(key, value)
        self.edited.emit(key)


def _shown_date(value) -> str:
    """An ISO date as the office writes it; any other text as it is."""
    if not value:
        return ""
    try:
        return format_tanggal(date.fromisoformat(value), empty="")
    except ValueError:
        return str(value)


def _stored_date(text: str):
    """A typed date as the document holds it: ISO when it is a whole date, None when empty,
    else the text as typed (the check then says what is wrong with it)."""
    if not text.strip():
        return None
    read = read_date(text)
    return read.value.isoformat() if read.value is not None and not read.note else text.strip()
