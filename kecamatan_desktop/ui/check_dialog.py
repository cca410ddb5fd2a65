"""*Bantuan → Periksa basis data*: the check runs off the GUI thread, with progress and Batal."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.services import integrity
from kecamatan_desktop.services.session import Database, call
from kecamatan_desktop.ui import strings

MAX_LINES = 30  # a message box longer than this is not read; the CLI lists them all


class CheckWorker(QThread):
    progressed = Signal(int, int)
    finished_with = Signal(object)  # list[Problem], or an error text, or None when cancelled

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        def progress(done: int, total: int) -> bool:
            self.progressed.emit(done, total)
            return not self._cancel.is_set()

        try:
            problems = call(self.db, integrity.check_database, progress=progress)
        except (InputError, StoreError) as exc:
            self.finished_with.emit(str(exc))
            return
        self.finished_with.emit(None if self._cancel.is_set() else problems)


class DatabaseCheck:
    """Starts the worker, shows its progress, tells the result; `result` keeps it for tests."""

    def __init__(self, db: Database, parent: QWidget) -> None:
        self.parent = parent
        self.result: object = None
        self.worker = CheckWorker(db, parent)
        self.dialog = QProgressDialog(strings.CHECK_TITLE, strings.BOOK_CANCEL, 0, 0, parent)
        self.dialog.setWindowTitle(strings.CHECK_TITLE)
        self.dialog.setMinimumDuration(200)
        self.dialog.canceled.connect(self.worker.cancel)
        self.worker.progressed.connect(self._progress)
        self.worker.finished_with.connect(self._finished)

    def start(self) -> None:
        self.worker.start()

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(strings.CHECK_PROGRESS.format(done=done, total=total))

    def _finished(self, result) -> None:
        self.result = result
        self.dialog.reset()
        if result is None:
            text = strings.CHECK_CANCELLED
        elif isinstance(result, str):
            text = result
        elif not result:
            text = strings.CHECK_OK
        else:
            lines = "\n".join(f"• {p.text}" for p in result[:MAX_LINES])
            if len(result) > MAX_LINES:
                lines += f"\n… dan {len(result) - MAX_LINES} lagi (kecamatan-desktop check)"
            text = strings.CHECK_PROBLEMS.format(count=len(result), lines=lines)
        self.show_result(text, ok=result == [])

    def show_result(self, text: str, *, ok: bool) -> None:
        box = QMessageBox.information if ok else QMessageBox.warning
        box(self.parent, strings.CHECK_TITLE, text)
