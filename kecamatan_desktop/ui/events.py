"""The application-wide change hub: what the window's own writes changed (told by every
`services.session.call` on its database) and what the poll finds changed elsewhere (another
PC, the command line, a second copy of the program) come out as one `changed(Changes)`
signal; each view refreshes only what it shows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QWidget

from kecamatan_desktop.domain.errors import StoreError
from kecamatan_desktop.services.changes import EVERYTHING, NOTHING, Changes
from kecamatan_desktop.services.session import call, listen
from kecamatan_desktop.ui.stamp_poll import StampPoll, window_in_use

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

log = logging.getLogger(__name__)


class ChangeHub(QObject):
    changed = Signal(object)  # Changes
    checked = Signal()  # the stamps were read, changed or not: work put off may go on now
    _arrived = Signal(object)  # a write made in a worker thread, delivered on the hub's

    def __init__(self, db: Database, widget: QWidget) -> None:
        """The hub of `widget` (the window), polling while it is in use."""
        super().__init__(widget)
        self.db = db
        self._widget = widget
        self._again: list[tuple[Callable[[Changes], None], Changes]] = []
        self.poll = StampPoll(self, self._read, lambda: self.window_active(), self._found)
        self._stamps = self.poll.read_now()
        self.poll.start()
        self._arrived.connect(self._own, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(listen(db, self._written))  # stops listening with the hub

    def _read(self):
        from kecamatan_desktop.services.stamps import read_stamps

        return call(self.db, read_stamps)

    def window_active(self) -> bool:
        return window_in_use(self._widget)

    def follow(self, view: Callable[[Changes], None]) -> None:
        """`view(changes)` at every change; a database busy for a moment while it reads is
        logged, and the view gets the same changes again after the next poll."""
        def deliver(changes: Changes) -> None:
            try:
                view(changes)
            except StoreError as exc:
                log.info("a view did not follow a change (%s); again after the next poll", exc)
                self._again.append((view, changes))
        self.changed.connect(deliver)

    # the window's own writes ------------------------------------------------------------------
    def _written(self, changes: Changes) -> None:
        """From `call`, in whatever thread wrote: the views follow at once on the GUI thread."""
        if QThread.currentThread() == self.thread():
            self._own(changes)
        else:
            self._arrived.emit(changes)

    def _own(self, changes: Changes) -> None:
        self.changed.emit(changes)
        # the stamps as they are now, so the poll does not tell this write again; what moved
        # besides its own kinds was written elsewhere meanwhile
        before, after = self._stamps, self.poll.read_now()
        if after is None:
            return
        self._stamps = after
        if before is not None:
            found = after.changes_since(before)
            besides = Changes(all_sops=found.all_sops and not changes.touches_sops,
                              all_rounds=found.all_rounds and not changes.touches_rounds,
                              officers=found.officers and not changes.officers,
                              calendar=found.calendar and not changes.calendar,
                              office=found.office and not changes.office, elsewhere=True)
            if besides:
                self.changed.emit(besides)

    # writes made elsewhere --------------------------------------------------------------------
    def refresh_if_changed(self, *, force: bool = False) -> bool:
        """Read the stamps now and tell what moved (F5: `force`, even in the background, and
        everything read again when nothing moved); True when something was told."""
        if not force and not self.window_active():
            return False
        stamps = self.poll.read_now()
        if stamps is None:
            return False
        return self._found(stamps, force=force)

    def _found(self, stamps, *, force: bool = False) -> bool:
        found = NOTHING if self._stamps is None else stamps.changes_since(self._stamps)
        self._stamps = stamps
        if force and not found:
            found = EVERYTHING
        again, self._again = self._again, []
        for view, changes in again:
            try:
                view(changes)
            except StoreError:
                self._again.append((view, changes))
        if found:
            self.changed.emit(found)
        self.checked.emit()
        return bool(found)
