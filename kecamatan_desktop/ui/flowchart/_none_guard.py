"""A guard against PySide6 6.12's lost references to None on Python 3.11.

PySide6 6.12.0 returns None from every void method (QPainter.drawRect, QWidget.setToolTip, …)
without taking a reference, as if None were immortal, which it is only from Python 3.12 on.
On 3.11 each call lowers None's reference count by one, and painting a flowchart makes
thousands of such calls: the process aborts with "deallocating None". PySide6 6.11 is not
affected. Until the dependency is pinned, None is given references enough for any session.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_RESERVE = 1 << 48


def affected() -> bool:
    return sys.version_info < (3, 12) and tuple(PySide6.__version_info__[:2]) >= (6, 12)


def keep_none_alive() -> None:
    """Once per process, on an affected Python and PySide6 only."""
    if not affected():
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _RESERVE:
        refcount.value += _RESERVE
