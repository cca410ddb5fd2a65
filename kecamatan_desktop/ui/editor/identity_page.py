"""The "Identitas" tab: the sheet as printed, and the form behind "Ubah identitas"."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kecamatan_desktop.domain.tanggal import STANDARD
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument
from kecamatan_desktop.ui.editor.identity_form import IdentityForm
from kecamatan_desktop.ui.identity_view import IdentityView


class IdentityPage(QWidget):
    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.view = IdentityView()
        self.form = IdentityForm(document)
        self.edit_button = QPushButton(strings.EDIT_IDENTITY, objectName="editIdentity")
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self.set_editing)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.form)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        # the office's profile (its name on the sheets, its date style), read through the
        # window's services once per office; forget_profiles() after the profile is edited
        self.profile_for = None
        self._profiles: dict = {}
        document.changed.connect(self.refresh)
        document.loaded.connect(lambda: self.edit_button.setChecked(False))
        self.refresh()

    def forget_profiles(self) -> None:
        self._profiles.clear()
        self.refresh()

    def _profile(self, office: str):
        if self.profile_for is None:
            return None
        if office not in self._profiles:
            self._profiles[office] = self.profile_for(office)
        return self._profiles[office]

    def set_editing(self, editing: bool) -> None:
        self.edit_button.setChecked(editing)
        self.edit_button.setText(strings.SHOW_SHEET if editing else strings.EDIT_IDENTITY)
        self.stack.setCurrentWidget(self.form if editing else self.view)

    def refresh(self) -> None:
        doc = self.document
        profile = self._profile(doc.sop.office.name) if doc.sop else None
        self.form.set_date_style(profile.date_style if profile else STANDARD)
        self.view.show_sop(doc.sop, doc.revision or 1, doc.is_draft and not doc.is_modified,
                           profile)
        self.edit_button.setEnabled(not doc.read_only)
        if doc.read_only:
            self.set_editing(False)
