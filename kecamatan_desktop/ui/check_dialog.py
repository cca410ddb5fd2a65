"""*Bantuan → Periksa basis data*: the check runs off the GUI thread, with progress and Batal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from kecamatan_desktop.services import integrity
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.worker import Task, run_task

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

MAX_LINES = 30  # a message box longer than this is not read; the CLI lists them all


class DatabaseCheck:
    """Runs the check as a Task and tells the result; `result` and `task` stay for tests."""

    def __init__(self, db: Database, parent: QWidget) -> None:
        self.db = db
        self.parent = parent
        self.result: object = None
        self.task: Task | None = None

    def start(self) -> Task:
        self.task = run_task(
            self.parent, lambda progress: call(self.db, integrity.check_database,
                                               progress=progress),
            title=strings.CHECK_TITLE,
            label=lambda done, total: strings.CHECK_PROGRESS.format(done=done, total=total),
            done=self._finished, failed=self._finished,
            cancelled=lambda: self._finished(None))
        return self.task

    def _finished(self, result) -> None:
        self.result = result
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
