"""A field with an error: outlined in red, its message beside it, until it is corrected."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOUR = "#c62828"
_OUTLINE = f"border: 2px solid {ERROR_COLOUR};"


def message_label(name: str) -> QLabel:
    """The (empty, hidden) label that shows a field's error beside it."""
    label = QLabel(objectName=name, wordWrap=True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def mark(field: QWidget, label: QLabel, text: str) -> None:
    """Outline `field`, show `text` in `label` and put the cursor there."""
    if field.property("fieldError") is None:
        field.setProperty("plainStyle", field.styleSheet())
    field.setProperty("fieldError", text)
    field.setStyleSheet(_OUTLINE)
    label.setText(text)
    label.show()
    field.setFocus()


def clear(field: QWidget, label: QLabel) -> None:
    if field.property("fieldError") is not None:
        field.setStyleSheet(field.property("plainStyle") or "")
        field.setProperty("fieldError", None)
    label.clear()
    label.hide()


def is_marked(field: QWidget) -> bool:
    return bool(field.property("fieldError"))
