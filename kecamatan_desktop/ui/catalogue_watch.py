"""Another PC's SOP edits shown by themselves: while the window is in use, the database is
asked every two seconds whether the catalogue changed (services.catalogue.change_stamp);
the list is then read again and the open SOP reopened at its new revision, unless it holds
unsaved edits, which are kept (saving them is refused as stale, and says so)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from kecamatan_desktop.domain.errors import StoreError
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings

if TYPE_CHECKING:
    from kecamatan_desktop.ui.main_window import MainWindow

POLL_MS = 2000  # as the rounds' view (ui/rounds/workspace.py)


class CatalogueWatch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._stamp = self._read()
        self.poll = QTimer(self, interval=POLL_MS)
        self.poll.timeout.connect(self.refresh_if_changed)
        self.poll.start()
        # the window's own writes are shown by its own events: only the stamp moves on
        window.events.sops_changed.connect(lambda _ids: self._remember())

    def _read(self):
        try:
            return call(self.window.db, catalogue.change_stamp)
        except StoreError:
            return None  # locked for a moment by another writer: ask again next time

    def _remember(self) -> None:
        self._stamp = self._read() or self._stamp

    def window_active(self) -> bool:
        """Poll only while the user looks at the program (no work in the background)."""
        return self.window.isVisible() and QApplication.activeWindow() is not None

    def refresh_if_changed(self, *, force: bool = False) -> bool:
        """Show what another PC changed in the catalogue; True when something was re-read."""
        window = self.window
        if not force and not self.window_active():
            return False
        stamp = self._read()
        if stamp is None or (stamp == self._stamp and not force):
            return False
        self._stamp = stamp
        keep = window.edit_session.sop_id or window.selected_sop_id()
        window.reload()
        window.rounds.dashboard.catalogue_changed()
        listed = window.select_sop(keep) if keep else True
        if window.document.is_modified:  # the user's edits stay, whatever happened elsewhere
            window.statusBar().showMessage(strings.CHANGED_ELSEWHERE, 20000)
        elif not listed:
            window.edit_session.open_sop(None)  # deleted or archived on the other PC
        elif keep:
            window.edit_session.refresh_if_stale(keep)
        return True
