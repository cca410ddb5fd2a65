"""Another PC's SOP edits shown by themselves: while the window is in use, the database is
asked every two seconds, off the GUI thread, whether the catalogue changed
(services.catalogue.change_stamp); the list is then read again and the open SOP reopened at
its new revision, unless it holds unsaved edits (kept: saving them is refused as stale, and
says so) or a field of it is being typed in (reopened once the typing stops)."""

from __future__ import annotations

import logging
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

from kecamatan_desktop.domain.errors import StoreError
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.stamp_poll import StampPoll, window_in_use

if TYPE_CHECKING:
    from kecamatan_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
TYPING = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


class CatalogueWatch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._sop_pending = False  # the open SOP waits for its reopening (typing)
        self.poll = StampPoll(self, self._read, lambda: self.window_active(), self._apply)
        self._stamp = self.poll.read_now()
        self.poll.start()
        # the window's own writes are shown by its own events; the next poll re-reads the list
        # once more (it may hold another PC's change too) without telling of "another PC"
        self._own_write = False
        window.events.sops_changed.connect(lambda _ids: self._after_own_write())

    def _read(self):
        return call(self.window.db, catalogue.change_stamp)


    def _after_own_write(self) -> None:
        self._own_write = True
        self.poll.forget()  # a read begun before it: not the news it would seem

    def window_active(self) -> bool:
        return window_in_use(self.window)

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

    def refresh_if_changed(self, *, force: bool = False) -> bool:
        """Show what another PC changed in the catalogue (F5: `force`, read at once); True
        when something was re-read."""
        if not force and not self.window_active():
            return False
        stamp = self.poll.read_now()
        return stamp is not None and self._apply(stamp, force=force)

    def _apply(self, stamp, *, force: bool = False) -> bool:
        window = self.window
        changed = stamp != self._stamp
        own, self._own_write = self._own_write, False  # the first stamp since it is in hand
        if not changed and not force:
            if self._sop_pending and not self.user_typing():
                self._reopen_sop()
            return False
        try:
            keep, listed = window.reread_catalogue()
        except StoreError as exc:  # the stamp stays: the next poll tries again
            log.info("catalogue not re-read: %s", exc)
            return False
        self._stamp = stamp
        if window.document.is_modified or self.user_typing():
            # the user's edits stay, whatever happened elsewhere; typing may become one
            if changed and not own:
                window.statusBar().showMessage(strings.CHANGED_ELSEWHERE, 20000)
            self._sop_pending = not window.document.is_modified
        elif not listed:
            window.sop_editing.open_sop(None)  # deleted or archived on the other PC
        elif keep:
            self._reopen_sop()
        return True

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
