"""Long work off the GUI thread: a Task runs in the thread pool with progress and Batal, and
its result or its error comes back on the GUI thread."""

from __future__ import annotations

import errno
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from kecamatan_desktop import logs
from kecamatan_desktop.domain.errors import Cancelled, InputError, StoreError
from kecamatan_desktop.ui import strings

Progress = Callable[[int, int], bool]
Work = Callable[[Progress], Any]
SHOW_AFTER_MS = 200  # shorter work finishes before a dialog would only flash
NEVER_BY_ITSELF = 2**30  # ms
# While a worker runs Python, the GUI thread waits up to the switch interval (5 ms) for the GIL
# at every call from Qt into Python (each item's paint, each slot): a repaint of the flowchart
# then stalls for half a second. A short interval while tasks run keeps the window answering.
BUSY_SWITCH_INTERVAL = 0.0005
REPORT_EVERY_S = 0.05
_running = 0
_idle_switch_interval = sys.getswitchinterval()


def _task_started() -> None:
    global _running, _idle_switch_interval
    if _running == 0:
        _idle_switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(BUSY_SWITCH_INTERVAL)
    _running += 1


def _task_ended() -> None:
    global _running
    _running -= 1
    if _running == 0:
        sys.setswitchinterval(_idle_switch_interval)

_OS_REASONS = {errno.EACCES: strings.TASK_OS_DENIED, errno.EPERM: strings.TASK_OS_DENIED,
               errno.ENOENT: strings.TASK_OS_MISSING, errno.ENOSPC: strings.TASK_OS_FULL,
               errno.EROFS: strings.TASK_OS_DENIED}


def os_error_text(exc: OSError) -> str:
    """An OSError in Indonesian: what failed and on which file (its own text is English)."""
    reason = _OS_REASONS.get(exc.errno, strings.TASK_OS_OTHER.format(code=exc.errno or "-"))
    return strings.TASK_OS_FAILED.format(path=exc.filename or "-", reason=reason)


class _Run(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task._run_in_worker()


class Task(QObject):
    """`work(progress)` in a pool thread; `progress(done, total)` returns False after Batal.

    Exactly one of `finished(result)`, `failed(message)`, `cancelled()` follows, on the GUI
    thread; then `ended`. `done`, `result` and `error` stay for tests to wait on and read."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()
    _reported = Signal(int, int)  # from the worker; queued to the GUI thread
    _over = Signal(str, object)

    def __init__(self, parent: QWidget, work: Work, *, title: str,
                 label: str | Callable[[int, int], str], show_after_ms: int = SHOW_AFTER_MS
                 ) -> None:
        super().__init__(parent)
        self.work, self.title, self.label = work, title, label
        self.done = False
        self.result: Any = None
        self.error: str | None = None
        self._cancel = threading.Event()
        self._last_report = 0.0
        self._runnable = _Run(self)
        self._runnable.setAutoDelete(False)  # Python owns it; the pool must not free it
        self.dialog = self.make_dialog(parent, show_after_ms)
        self._reported.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._over.connect(self._end, Qt.ConnectionType.QueuedConnection)

    def start(self) -> Task:
        _task_started()
        QThreadPool.globalInstance().start(self._runnable)
        return self

    def cancel(self) -> None:
        self._cancel.set()
        self.dialog.setLabelText(strings.TASK_STOPPING)

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def make_dialog(self, parent: QWidget, show_after_ms: int) -> QProgressDialog:
        dialog = QProgressDialog(self._label(0, 0), strings.TASK_CANCEL, 0, 0, parent.window())
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)  # book pages are estimated: "all done" may come early
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        dialog.setMinimumDuration(NEVER_BY_ITSELF)  # shown by our timer, not by guessing
        dialog.canceled.connect(self.cancel)
        dialog.reset()  # the constructor's own show timer would otherwise pop it up
        QTimer.singleShot(show_after_ms, self, self._show_dialog)
        return dialog

    def _label(self, done: int, total: int) -> str:
        return self.label(done, total) if callable(self.label) else self.label

    @Slot()
    def _show_dialog(self) -> None:
        if not self.done and not self.dialog.isVisible():
            self.dialog.show()

    # the worker thread ------------------------------------------------------------------------
    def _progress(self, done: int, total: int) -> bool:
        now = time.monotonic()
        if now - self._last_report >= REPORT_EVERY_S or done >= total:
            self._last_report = now  # a signal per page would only keep the GUI thread busy
            self._reported.emit(done, total)
        return not self._cancel.is_set()

    def _run_in_worker(self) -> None:
        try:
            result = self.work(self._progress)
        except Cancelled:
            self._over.emit("cancelled", None)
            return
        except (InputError, StoreError) as exc:
            self._over.emit("failed", str(exc))
            return
        except OSError as exc:
            self._over.emit("failed", os_error_text(exc))
            return
        except Exception:  # noqa: BLE001 - told as a plain message, the detail goes to the log
            logs.log_unexpected(self.title, sys.exc_info())
            self._over.emit("failed", strings.CRASH_TEXT.format(
                doing=strings.CRASH_DOING_ACTION.format(action=self.title),
                log=logs.log_location()))
            return
        # work that cannot stop halfway finishes, and Batal then throws its result away
        self._over.emit("cancelled" if self._cancel.is_set() else "finished", result)

    # back on the GUI thread -------------------------------------------------------------------
    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if self.done:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total))
        if not self._cancel.is_set():
            self.dialog.setLabelText(self._label(done, total))
        self.progressed.emit(done, total)

    @Slot(str, object)
    def _end(self, how: str, value: object) -> None:
        self.done = True
        _task_ended()
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        if how == "finished":
            self.result = value
            self.finished.emit(value)
        elif how == "failed":
            self.error = str(value)
            self.failed.emit(self.error)
        else:
            self.cancelled.emit()
        self.ended.emit()


def run_task(parent: QWidget, work: Work, *, title: str,
             label: str | Callable[[int, int], str],
             done: Callable[[Any], None], failed: Callable[[str], None],
             cancelled: Callable[[], None] | None = None,
             show_after_ms: int = SHOW_AFTER_MS) -> Task:
    """Start `work` with its dialog; `done(result)` or `failed(message)` follows."""
    task = Task(parent, work, title=title, label=label, show_after_ms=show_after_ms)
    task.finished.connect(done)
    task.failed.connect(failed)
    if cancelled is not None:
        task.cancelled.connect(cancelled)
    return task.start()
