"""F1: the Indonesian guide shipped in resources/help, its pictures as wide as the window and
enlarged on a click, and the first start's welcome."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.resource_paths import resource
from kecamatan_desktop.ui import strings

HELP_PAGE = "bantuan.html"
WELCOMED_KEY = "welcome/shown"
SCREEN_MARGIN = 24  # px of the program's window left showing around the help
TITLE_BAR = 32  # px: the window's frame adds it above the size set here
HELP_WIDTH = 960  # px: a 900 px picture at its own size fills the page; lines stay readable


class HelpBrowser(QTextBrowser):
    """The guide; each picture as wide as the page (never past its own size), and
    `picture_clicked(path)` when one is clicked."""

    picture_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="helpBrowser")
        self.setOpenExternalLinks(False)
        self.setMouseTracking(True)
        self.text_cursor_shape = self.viewport().cursor().shape()
        self.sourceChanged.connect(lambda _url: self.fit_pictures())

    def picture_width(self) -> int:
        """The width a picture may take: the page's, less the document's margins."""
        margin = self.document().documentMargin()
        return max(1, int(self.viewport().width() - 2 * margin - 2))

    def picture_path(self, name: str) -> str:
        return self.source().resolved(QUrl(name)).toLocalFile()

    def fit_pictures(self) -> None:
        """Every picture at the page's width, or at its own size when that is smaller."""
        if not self.source().isLocalFile():
            return  # nothing loaded yet
        width = self.picture_width()
        cursor = QTextCursor(self.document())
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                image_format = fragment.charFormat().toImageFormat()
                if image_format.isValid():
                    size = QImage(self.picture_path(image_format.name())).size()
                    shown = min(width, size.width()) if size.width() > 0 else width
                    if size.width() > 0 and image_format.width() != shown:
                        image_format.setWidth(shown)
                        image_format.setHeight(shown * size.height() / size.width())
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(),
                                           QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image_format)
                it += 1
            block = block.next()

    def picture_at(self, point) -> str:
        """The name of the picture under `point` (in the viewport), "" if none."""
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        return self.document().documentLayout().imageAt(QPointF(point) + offset)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_pictures()

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        if self.picture_at(event.position()):
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        elif not self.anchorAt(event.position().toPoint()):
            self.viewport().setCursor(self.text_cursor_shape)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        name = self.picture_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and name:
            self.picture_clicked.emit(self.picture_path(name))


class PictureDialog(QDialog):
    """One picture of the guide at its own size, scrolled when larger than the screen."""

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpPicture")
        self.setWindowTitle(strings.HELP_PICTURE_TITLE)
        self.picture = QLabel(objectName="helpPictureImage")
        self.picture.setPixmap(QPixmap(path))
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.picture)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox()
        close = buttons.addButton(strings.CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(buttons)
        # the picture whole when the screen has room for it, else as much as fits
        picture, margins = self.picture.pixmap().size(), layout.contentsMargins()
        frame = 2 * self.scroll.frameWidth()
        area = (parent or self).screen().availableGeometry()
        self.resize(min(picture.width() + frame + margins.left() + margins.right(),
                        area.width() - 2 * SCREEN_MARGIN),
                    min(picture.height() + frame + margins.top() + margins.bottom()
                        + layout.spacing() + buttons.sizeHint().height(),
                        area.height() - 2 * SCREEN_MARGIN - TITLE_BAR))


class HelpDialog(QDialog):
    """The guide in a browser of its own (links within the page, pictures beside it), as tall
    as the screen; a click on a picture shows it at its own size."""

    def __init__(self, parent: QWidget | None = None, anchor: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(strings.HELP_TITLE)
        self.picture: PictureDialog | None = None  # the last picture enlarged
        self.browser = HelpBrowser()
        folder = resource("help")
        self.browser.setSearchPaths([str(folder)])
        url = QUrl.fromLocalFile(str(folder / HELP_PAGE))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)
        self.browser.picture_clicked.connect(self.enlarge)
        buttons = QDialogButtonBox()
        close = buttons.addButton(strings.CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        area = (parent or self).screen().availableGeometry()
        self.resize(min(HELP_WIDTH, area.width() - 2 * SCREEN_MARGIN),
                    area.height() - 2 * SCREEN_MARGIN - TITLE_BAR)

    def enlarge(self, path: str) -> None:
        self.picture = PictureDialog(path, self)
        self.picture.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.picture.show()


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
