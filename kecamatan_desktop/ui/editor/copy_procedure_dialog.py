"""*Salin prosedur dari…*: the dialog that picks the SOP (any office, any revision) whose
procedure is to fill the one being edited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.services.procedure_copy import ProcedureSource
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.sop_picker import SopPicker

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database


def copy_note(source: ProcedureSource) -> str:
    """The revision note the copy gives the next save: where the procedure came from."""
    return strings.COPY_NOTE.format(name=source.sop.name, office=source.office,
                                    revision=source.revision)


class CopyProcedureDialog(QDialog):
    def __init__(self, db: Database, target: Sop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(strings.COPY_TITLE)
        intro = QLabel(strings.COPY_INTO.format(name=target.name, office=target.office.name),
                       objectName="copyIntro", wordWrap=True)
        self.picker = SopPicker(db, exclude=target.id)
        self.note_label = QLabel(objectName="copyNote", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(strings.COPY_OK)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(strings.CANCEL)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.buttons)
        self.picker.source_changed.connect(self._on_source_changed)
        self._on_source_changed()
        self.picker.search.setFocus()

    def _on_source_changed(self) -> None:
        source = self.picker.source
        self.ok_button.setEnabled(source is not None and bool(source.sop.steps))
        self.note_label.setText(strings.COPY_NOTE_SHOWN.format(note=copy_note(source))
                                if source else "")

    def source(self) -> ProcedureSource | None:
        return self.picker.source
