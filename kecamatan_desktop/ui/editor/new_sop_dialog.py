"""The "SOP baru" dialog: id, name and office of an SOP that does not exist yet."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from kecamatan_desktop.ui import strings


@dataclass(frozen=True)
class NewSopRequest:
    sop_id: str
    name: str
    office: str


class NewSopDialog(QDialog):
    def __init__(self, offices: list[str], current_office: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(strings.NEW_SOP_TITLE)
        self.id_edit = QLineEdit(objectName="newSopId")
        self.id_edit.setPlaceholderText(strings.NEW_SOP_ID_HINT)
        self.name_edit = QLineEdit(objectName="newSopName")
        self.office_combo = QComboBox(objectName="newSopOffice")
        self.office_combo.addItems(offices)
        if current_office in offices:
            self.office_combo.setCurrentText(current_office)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(strings.NEW_SOP_OK)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(strings.CANCEL)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(strings.NEW_SOP_NAME, self.name_edit)
        layout.addRow(strings.NEW_SOP_ID, self.id_edit)
        layout.addRow(strings.NEW_SOP_OFFICE, self.office_combo)
        layout.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def request(self) -> NewSopRequest:
        return NewSopRequest(self.id_edit.text().strip(), self.name_edit.text().strip(),
                             self.office_combo.currentText())
