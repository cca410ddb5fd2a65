"""The "SOP baru" and "Gandakan SOP" dialogs: id, name and office of an SOP that does not
exist yet (a copy's office may be another than its source's)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
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
                 parent: QWidget | None = None, *, title: str = strings.NEW_SOP_TITLE,
                 ok_text: str = strings.NEW_SOP_OK) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.id_edit = QLineEdit(objectName="newSopId")
        self.id_edit.setPlaceholderText(strings.NEW_SOP_ID_HINT)
        self.name_edit = QLineEdit(objectName="newSopName")
        self.office_combo = QComboBox(objectName="newSopOffice")
        self.office_combo.addItems(offices)
        if current_office in offices:
            self.office_combo.setCurrentText(current_office)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(strings.CANCEL)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form = layout = QFormLayout(self)
        layout.addRow(strings.NEW_SOP_NAME, self.name_edit)
        layout.addRow(strings.NEW_SOP_ID, self.id_edit)
        layout.addRow(strings.NEW_SOP_OFFICE, self.office_combo)
        layout.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def request(self) -> NewSopRequest:
        return NewSopRequest(self.id_edit.text().strip(), self.name_edit.text().strip(),
                             self.office_combo.currentText())


class DuplicateSopDialog(NewSopDialog):
    """Gandakan SOP: the copy's name, id and office, offered as the source's own office."""

    def __init__(self, source_name: str, source_office: str, suggested_id: str,
                 offices: list[str], parent: QWidget | None = None) -> None:
        super().__init__(offices, source_office, parent, title=strings.DUPLICATE_TITLE,
                         ok_text=strings.DUPLICATE_OK)
        about = QLabel(strings.DUPLICATE_SOURCE.format(name=source_name, office=source_office),
                       objectName="duplicateSource", wordWrap=True)
        self.form.insertRow(0, about)
        self.name_edit.setText(strings.DUPLICATE_NAME.format(name=source_name))
        self.id_edit.setText(suggested_id)
        self.id_edit.setFocus()
        self.id_edit.selectAll()
