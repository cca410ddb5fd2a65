"""F1: the Indonesian guide shipped in resources/help, and the first start's welcome."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.resource_paths import resource
from kecamatan_desktop.ui import strings

HELP_PAGE = "bantuan.html"
WELCOMED_KEY = "welcome/shown"


class HelpDialog(QDialog):
    """The guide in a browser of its own (links within the page, pictures beside it)."""

    def __init__(self, parent: QWidget | None = None, anchor: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(strings.HELP_TITLE)
        self.browser = QTextBrowser(objectName="helpBrowser")
        self.browser.setOpenExternalLinks(False)
        folder = resource("help")
        self.browser.setSearchPaths([str(folder)])
        url = QUrl.fromLocalFile(str(folder / HELP_PAGE))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)
        buttons = QDialogButtonBox()
        close = buttons.addButton(strings.CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 620)


class WelcomeDialog(QDialog):
    """Shown once, at the first start: what the program is for, where the help is, and the
    office profile to fill in (or skip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(strings.WELCOME_TITLE)
        self.choice = "skip"
        text = QLabel(strings.WELCOME_TEXT, objectName="welcomeText")
        text.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.profile_button = QPushButton(strings.WELCOME_PROFILE, objectName="welcomeProfile")
        self.help_button = QPushButton(strings.WELCOME_HELP, objectName="welcomeHelp")
        self.skip_button = QPushButton(strings.WELCOME_SKIP, objectName="welcomeSkip")
        for button, role, choice in (
                (self.profile_button, QDialogButtonBox.ButtonRole.AcceptRole, "profile"),
                (self.help_button, QDialogButtonBox.ButtonRole.HelpRole, "help"),
                (self.skip_button, QDialogButtonBox.ButtonRole.RejectRole, "skip")):
            buttons.addButton(button, role)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def first_welcome(settings: QSettings) -> bool:
    """True the very first time it is asked (and noted then, whatever the answer)."""
    if settings.value(WELCOMED_KEY, False, type=bool):
        return False
    settings.setValue(WELCOMED_KEY, True)
    settings.sync()
    return True
