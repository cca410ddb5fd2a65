"""The catalogue side of the window follows every change of SOPs, its own writes and those
found elsewhere (ui/events.py): the list is read again and the open SOP reopened at its new
revision, unless it holds unsaved edits (kept: saving them is refused as stale, and says so)
or a field of it is being typed in (reopened once the typing stops)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from kecamatan_desktop.services.changes import Changes
from kecamatan_desktop.ui import strings

if TYPE_CHECKING:
    from kecamatan_desktop.ui.main_window import MainWindow

TYPING = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


class CatalogueWatch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._sop_pending = False  # the open SOP waits for its reopening (typing)
        window.hub.follow(self._follow)
        window.hub.checked.connect(self._catch_up)

    def user_typing(self) -> bool:
        """A field of the window being typed in (a table cell's editor, a form field), not
        yet part of the document: reopening the SOP now would lose it."""
        if QApplication.activePopupWidget() is not None:  # a cell's list or calendar open
            return True
        focus = QApplication.focusWidget()
        if focus is None or focus is self.window.search_box:
            return False
        if isinstance(focus, QComboBox):
            editable = focus.isEditable()
        else:  # a read-only field (the identity sheet, an archived SOP) is only being read
            editable = isinstance(focus, TYPING) and not focus.isReadOnly()
        return editable and self.window.isAncestorOf(focus)

    def _follow(self, changes: Changes) -> None:
        if not changes.touches_sops:
            return
        window = self.window
        keep, listed = window.reread_catalogue()
        if window.document.is_modified or self.user_typing():
            # the user's edits stay, whatever happened elsewhere; typing may become one
            if changes.elsewhere:
                window.statusBar().showMessage(strings.CHANGED_ELSEWHERE, 20000)
            self._sop_pending = not window.document.is_modified
        elif not listed:
            window.sop_editing.open_sop(None)  # deleted, or archived with the archive hidden
        elif keep and changes.touches_sop(keep):
            self._reopen_sop()

    def _catch_up(self) -> None:
        """The SOP put off while a field was typed in, reopened once the typing stopped."""
        if self._sop_pending and not self.user_typing():
            self._reopen_sop()

    def _reopen_sop(self) -> None:
        """The open SOP at its revision and archive state of now; none when the list no
        longer holds it (deleted, or archived with the archive hidden)."""
        self._sop_pending = False
        editing = self.window.sop_editing
        if editing.sop_id is None or self.window.document.is_modified:
            return
        if self.window.list_model.row_of(editing.sop_id) < 0:
            editing.open_sop(None)
            return
        self._sop_pending = not editing.refresh_if_stale(editing.sop_id)  # busy: next poll
