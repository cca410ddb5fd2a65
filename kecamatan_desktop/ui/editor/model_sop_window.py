"""*Tampilkan SOP contoh…*: another SOP's procedure in a window of its own, read-only, beside
the SOP being edited (which it neither closes nor asks about)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget

from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.sop_picker import SopPicker

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database


class ModelSopWindow(QWidget):
    """A non-modal window: pick any drawn SOP and revision, read its steps and flowchart."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("modelSopWindow")
        self.setWindowTitle(strings.MODEL_TITLE)
        self.picker = SopPicker(db)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(strings.CLOSE)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(buttons)
        self.picker.source_changed.connect(self._show_title)

    def _show_title(self) -> None:
        source = self.picker.source
        self.setWindowTitle(strings.MODEL_TITLE_SOP.format(
            name=source.sop.name, office=source.office, revision=source.revision)
            if source else strings.MODEL_TITLE)
