"""The window's sign-in: the dialog it opens on (the last user's NIP filled in), the first
administrator's on a database with no account yet, and *Berkas → Ganti pengguna…*.

Who is signed in is held by services/identity.py for the whole process; every write the
window makes is checked and signed there. The dialog is shown through `ask`, which tests
replace, and a script signs in without it (`--user NIP` with KECAMATAN_PASSWORD).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services import accounts, identity
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings_signin as strings
from kecamatan_desktop.ui.strings import CANCEL

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

LAST_USER = "signin/last_nip"


class SignInDialog(QDialog):
    """NIP and password; on a database with no account (`first`), the first administrator's
    NIP and password twice. A refusal is shown in the dialog, which stays open."""

    def __init__(self, db: Database, parent: QWidget | None, *, last_nip: str = "",
                 first: bool = False) -> None:
        super().__init__(parent)
        self.db, self.first = db, first
        self.signed: identity.SignedIn | None = None
        self.setWindowTitle(strings.FIRST_ADMIN_TITLE if first else strings.SIGN_IN_TITLE)
        self.setMinimumWidth(420)
        intro = QLabel(strings.FIRST_ADMIN_INTRO if first else strings.SIGN_IN_INTRO)
        intro.setWordWrap(True)
        self.nip = QLineEdit(last_nip, objectName="nip")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="repeat", echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(strings.FIELD_NIP, self.nip)
        form.addRow(strings.FIELD_PASSWORD, self.password)
        if first:
            form.addRow(strings.FIELD_REPEAT, self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(strings.BUTTON_SIGN_IN)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(CANCEL)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, form, self.error, buttons):
            if isinstance(widget, QFormLayout):
                layout.addLayout(widget)
            else:
                layout.addWidget(widget)
        (self.password if last_nip else self.nip).setFocus()

    def try_accept(self) -> None:
        nip, password = self.nip.text().strip(), self.password.text()
        self.error.clear()
        try:
            if self.first:
                if password != self.repeat.text():
                    raise InputError(strings.PASSWORDS_DIFFER)
                call(self.db, accounts.add_user, nip, "admin", password)
            self.signed = call(self.db, accounts.sign_in, nip, password)
        except InputError as exc:
            self.error.setText(str(exc))
            self.password.clear()
            self.repeat.clear()
            return
        self.accept()


class WindowSignIn(QObject):
    """Signs the window's user in at start and on *Ganti pengguna…*; shows who in a label
    for the status bar."""

    def __init__(self, db: Database, window: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        self.db, self.window, self.settings = db, window, settings
        self.action = QAction(strings.ACTION_CHANGE_USER, window, objectName="changeUser")
        self.action.triggered.connect(self.change)
        self.action.setEnabled(not db.read_only)
        self.label = QLabel(objectName="signedIn")
        self.show_who()

    def at_start(self, *, user: str | None = None, password: str | None = None,
                 first_start: bool = False) -> None:
        """A script's user (`--user` with its password) signs in without the dialog; else
        the dialog, on a database with accounts or (at the very first start) none yet.
        Whoever was signed in to another database is not any more."""
        identity.set_current(None)
        self.show_who()
        if self.db.read_only:  # nothing to write, nothing to sign
            return
        if user is not None and password is not None:
            try:
                self._signed(call(self.db, accounts.sign_in, user, password))
            except InputError as exc:
                self.tell(str(exc))
            return
        if first_start or call(self.db, accounts.has_accounts):
            self.change()

    def change(self) -> None:
        """The dialog; cancelled, whoever was signed in stays."""
        first = not call(self.db, accounts.has_accounts)
        dialog = SignInDialog(self.db, self.window, first=first,
                              last_nip=str(self.settings.value(LAST_USER, "") or ""))
        if self.ask(dialog) and dialog.signed is not None:
            self._signed(dialog.signed)
        dialog.deleteLater()

    def _signed(self, signed: identity.SignedIn) -> None:
        identity.set_current(signed)
        self.settings.setValue(LAST_USER, signed.nip)
        self.show_who()

    def show_who(self) -> None:
        signed = identity.current()
        if signed is not None:
            self.label.setText(strings.STATUS_SIGNED_IN.format(
                name=signed.name, role=identity.ROLE_LABELS[signed.role]))
        elif call(self.db, accounts.has_accounts):
            self.label.setText(strings.STATUS_NOBODY)
        else:
            self.label.setText(strings.STATUS_NO_ACCOUNTS)

    # the dialogs, replaced in tests
    def ask(self, dialog: SignInDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def tell(self, text: str) -> None:
        QMessageBox.warning(self.window, strings.SIGN_IN_FAILED_TITLE, text)
