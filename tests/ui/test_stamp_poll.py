"""The polls for changes made elsewhere read in a worker thread: the GUI thread never waits
on the database, a failing read is tried again later, an inactive window reads nothing."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject

from kecamatan_desktop.domain.errors import StoreError
from kecamatan_desktop.ui import stamp_poll
from kecamatan_desktop.ui.stamp_poll import StampPoll


def settle(poll: StampPoll) -> None:
    """Until the read in flight has finished (its result not yet taken up)."""
    poll._future.result(timeout=10)


def test_a_slow_read_never_holds_the_gui_thread(qtbot):
    release, seen = threading.Event(), []
    owner = QObject()
    poll = StampPoll(owner, lambda: "stempel" if release.wait(10) else "terlambat",
                     lambda: True, seen.append)
    poll._tick()  # the read starts in the worker thread
    assert poll.in_flight()
    poll._tick()  # and the GUI thread goes on: had it waited, the stamp would be here
    assert seen == [] and poll.in_flight()
    release.set()
    poll.start()
    qtbot.waitUntil(lambda: seen == ["stempel"], timeout=5000)
    assert poll.isActive() and poll.interval() == 2000


def test_a_failing_read_is_tried_again_later_then_recovers(qtbot):
    reads, seen, failing = [], [], [True]

    def read():
        reads.append(1)
        if failing[0]:
            raise StoreError("Basis data sedang dipakai")
        return len(reads)

    poll = StampPoll(QObject(), read, lambda: True, seen.append)
    poll._tick()
    with pytest.raises(StoreError):
        settle(poll)
    poll._tick()  # the failure is taken up: nothing changed, and a pause begins
    poll._tick()
    assert seen == [] and len(reads) == 1 and not poll.in_flight()
    assert poll._next_read - stamp_poll.time.monotonic() > 3  # 2 × 2 s after one failure
    poll._next_read = 0  # the pause is over
    failing[0] = False
    poll._tick()
    settle(poll)
    poll._tick()
    assert seen == [2]


def test_an_inactive_window_reads_nothing(qtbot):
    reads = []
    poll = StampPoll(QObject(), lambda: reads.append(1), lambda: False, lambda _s: None)
    poll._tick()
    assert reads == [] and not poll.in_flight()


def test_a_read_begun_before_the_stamp_was_read_another_way_is_dropped(qtbot):
    """F5 or the window's own write read the stamp while a poll's read was under way: that
    older read is not news, and the next one is taken up again."""
    release, seen, stamps = threading.Event(), [], iter(["lama", "baru"])
    poll = StampPoll(QObject(), lambda: release.wait(10) and next(stamps), lambda: True,
                     seen.append)
    poll._tick()
    poll.forget()
    release.set()
    settle(poll)
    poll._tick()
    assert seen == [] and not poll.in_flight()
    poll._next_read = 0
    poll._tick()
    settle(poll)
    poll._tick()
    assert seen == ["baru"]

