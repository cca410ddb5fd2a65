"""Questions the window asks, with Indonesian buttons: yes or no, one of several answers, a
line of text."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from kecamatan_desktop.ui import strings

T = TypeVar("T")
Role = QMessageBox.ButtonRole


def ask_choice(parent: QWidget | None, title: str, text: str,
               answers: list[tuple[str, Role, T]], default: T) -> T:
    """The answer whose button was pressed; `default` when the box was closed."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    buttons = {box.addButton(label, role): answer for label, role, answer in answers}
    box.exec()
    return buttons.get(box.clickedButton(), default)


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    return ask_choice(parent, title, text, [(strings.YES, Role.YesRole, True),
                                            (strings.NO, Role.NoRole, False)], False)


def ask_text(parent: QWidget | None, title: str, prompt: str, text: str) -> str | None:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(prompt)
    dialog.setTextValue(text)
    dialog.setOkButtonText(strings.OK)
    dialog.setCancelButtonText(strings.CANCEL)
    return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None
