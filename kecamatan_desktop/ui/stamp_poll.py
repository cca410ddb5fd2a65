"""Polling for changes made elsewhere (another PC, another copy of the program), without the
GUI thread ever waiting on the database: a change stamp is read in a worker thread every
two seconds while `active()`, and `changed(stamp)` is called on the GUI thread with what it
read. A server that does not answer (a connection can take CONNECT_TIMEOUT_SECONDS) only
delays the next read, longer after each failure; the window keeps answering meanwhile."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kecamatan_desktop.domain.errors import StoreError

log = logging.getLogger(__name__)

POLL_MS = 2000  # how often the database is asked whether anything changed
TICK_MS = 100  # how soon a finished read is taken up
MAX_BACKOFF = 16  # after failures, reads at most every 16 × POLL_MS
# one thread for every poll of the program: reads are tiny and never overlap
_reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kd-poll")


def window_in_use(widget: QWidget) -> bool:
    """Poll only while the user looks at the program (no work in the background) and has no
    dialog of it open (what the dialog shows must not change under it)."""
    return (widget.isVisible() and QApplication.activeWindow() is not None
            and QApplication.activeModalWidget() is None)


class StampPoll(QObject):
    def __init__(self, parent: QObject, read: Callable[[], object], active: Callable[[], bool],
                 changed: Callable[[object], None]) -> None:
        super().__init__(parent)
        self._read, self._active, self._changed = read, active, changed
        self._future: Future | None = None
        self._generation = 0  # a read begun before forget() hands back nothing
        self._read_generation = 0
        self._next_read = 0.0
        self._failures = 0
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)

    # as a QTimer: restore stops it while the file is replaced
    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def isActive(self) -> bool:  # noqa: N802 - QTimer's name
        return self._timer.isActive()

    def interval(self) -> int:
        return POLL_MS

    def in_flight(self) -> bool:
        return self._future is not None

    def read_now(self):
        """The stamp read here and now (F5, a first look), None when the database is busy for
        a moment; a read under way is not news any more (`forget`)."""
        self.forget()
        try:
            return self._read()
        except StoreError:
            return None

    def forget(self) -> None:
        """The stamp was just read another way (F5, the window's own write): a read begun
        before now would hand back an older one, so its result is dropped."""
        self._generation += 1

    def _tick(self) -> None:
        future = self._future
        if future is not None:
            if not future.done():
                return  # the GUI thread never waits for it
            self._future = None
            try:
                stamp = future.result()
            except Exception as exc:  # noqa: BLE001 - never into the GUI thread's loop
                self._failures += 1
                backoff = min(2 ** self._failures, MAX_BACKOFF)
                self._next_read = time.monotonic() + backoff * POLL_MS / 1000
                if isinstance(exc, StoreError):  # busy or unreachable: ask again later
                    log.info("change stamp not read (%s); next try in %d s", exc,
                             backoff * POLL_MS // 1000)
                else:
                    log.error("change stamp not read", exc_info=exc)
                return
            self._failures = 0
            if self._read_generation == self._generation:
                self._changed(stamp)
            return
        now = time.monotonic()
        if now < self._next_read or not self._active():
            return
        self._next_read = now + POLL_MS / 1000
        self._read_generation = self._generation
        self._future = _reader.submit(self._read)
