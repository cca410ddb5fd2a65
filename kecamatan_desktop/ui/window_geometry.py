"""The main window's size on screen: the first start fits the screen's free area, and a
size remembered from a larger monitor is cut down to this one's."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FIRST_SIZE = (1360, 860)  # what the work wants on a screen that has room
FRAME = (16, 40)  # a window's borders and title bar, outside its geometry (Windows 10/11)


def screen_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_screen(window: QWidget) -> None:
    """As large as the work wants but never larger than the screen's free area (a 1366×768
    laptop less its taskbar), centred on it."""
    area = screen_area(window)
    width = min(FIRST_SIZE[0], area.width() - FRAME[0])
    height = min(FIRST_SIZE[1], area.height() - FRAME[1])
    window.resize(width, height)
    window.move(area.center().x() - (width + FRAME[0]) // 2,
                area.center().y() - (height + FRAME[1]) // 2)


def keep_on_screen(window: QWidget) -> None:
    area = screen_area(window)
    if not window.isMaximized() and (window.width() > area.width()
                                     or window.height() > area.height()):
        fit_screen(window)
