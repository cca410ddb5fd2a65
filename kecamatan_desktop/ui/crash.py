"""Unexpected exceptions in the window: logged with their traceback, told once, and the
program goes on."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMessageBox, QWidget

from kecamatan_desktop import logs
from kecamatan_desktop.ui import strings

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CrashReporter(QObject):
    """sys.excepthook (and threading.excepthook) while the window runs.

    PySide calls sys.excepthook for an exception that leaves a slot or an event handler and
    then carries on, so the hook only records and tells. It may run off the GUI thread, so
    the dialog is shown through a queued signal, and only one at a time: an exception that
    repeats on every paint is logged each time but shown once.
    """

    reported = Signal(str)

    def __init__(self, app: QApplication, window: QWidget | None = None) -> None:
        super().__init__(app)
        self.window = window
        self.last_action = ""  # the text of the last menu item, shortcut or button used
        self._showing = False
        self._previous = None
        self.reported.connect(self._tell, Qt.ConnectionType.QueuedConnection)
        app.installEventFilter(self)

    def install(self) -> None:
        self._previous = sys.excepthook, threading.excepthook
        sys.excepthook = self.hook
        threading.excepthook = lambda args: self.hook(args.exc_type, args.exc_value,
                                                       args.exc_traceback)

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        QApplication.instance().removeEventFilter(self)

    def hook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        doing = (strings.CRASH_DOING_ACTION.format(action=self.last_action) if self.last_action
                 else strings.CRASH_DOING_UNKNOWN)
        logs.log_unexpected(f"{doing} (window)", (exc_type, exc, tb))
        self.reported.emit(strings.CRASH_TEXT.format(doing=doing, log=logs.log_location()))

    def _tell(self, text: str) -> None:
        if self._showing:
            return
        self._showing = True
        try:
            self.show_crash(text)
        finally:
            self._showing = False

    def show_crash(self, text: str) -> None:
        """The one dialog; tests replace it."""
        QMessageBox.critical(self.window, strings.CRASH_TITLE, text)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonRelease:
            if isinstance(obj, QMenu):
                self._note(obj.activeAction())
            elif isinstance(obj, QAbstractButton):
                self._note_text(obj.text() or obj.toolTip())
        elif kind == QEvent.Type.KeyPress and isinstance(obj, QMenu):
            if event.key() in _ENTER_KEYS:
                self._note(obj.activeAction())
        elif kind == QEvent.Type.Shortcut and isinstance(obj, QAction):
            self._note(obj)
        return False

    def _note(self, action: QAction | None) -> None:
        if action is not None:
            self._note_text(action.text())

    def _note_text(self, text: str) -> None:
        text = text.replace("&", "").strip()
        if text:
            self.last_action = text
