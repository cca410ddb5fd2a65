"""*Berkas → Impor buku SOP…*: the files chosen, read off the GUI thread with progress per
file and page and *Batal* (nothing is written by reading), then the review window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from kecamatan_desktop.ui import file_dialogs
from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.worker import Task, run_task

if TYPE_CHECKING:
    from kecamatan_desktop.bookimport.batch import ReadingAt
    from kecamatan_desktop.services.session import Database
    from kecamatan_desktop.ui.bookimport.review_dialog import ReviewDialog


class BookImportActions(QObject):
    """`window` gives the office shown, the messages, and the selection of an SOP added."""

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self.db = db
        self.window = window
        self.task: Task | None = None  # the last reading started; tests wait on it
        self.review: ReviewDialog | None = None
        self.at: ReadingAt | None = None  # where the reading is, for the progress label
        self.action = QAction(s.ACTION_IMPORT_BOOK, window, objectName="importBook")
        self.action.triggered.connect(self.import_book)

    def import_book(self) -> Task | None:
        paths = self.ask_paths()
        if not paths:
            return None
        from kecamatan_desktop.bookimport.batch import read_batch

        self.at = None

        def read(progress):
            def told(at: ReadingAt) -> bool:
                self.at = at
                return progress(at.done, at.total)
            return read_batch(paths, progress=told)

        self.task = run_task(self.window, read, title=s.TITLE, label=self._label,
                             done=self._review, failed=self._failed,
                             cancelled=self._cancelled)
        return self.task

    def _label(self, _done: int, _total: int) -> str:
        at = self.at
        if at is None:
            return s.READING.format(count=1)
        if at.pages:
            return s.READING_PAGE.format(number=at.file_number, files=at.files, name=at.file,
                                         page=at.page, pages=at.pages)
        return s.READING_FILE.format(number=at.file_number, files=at.files, name=at.file)

    def _review(self, entries) -> None:
        from kecamatan_desktop.ui.bookimport.review_dialog import ReviewDialog

        self.review = ReviewDialog(self.db, entries, self.current_office(), self.window)
        self.review.saved.connect(self._saved)
        self.review.open()

    def _saved(self, ids: list[str]) -> None:
        if ids and hasattr(self.window, "select_sop"):
            self.window.select_sop(ids[0])

    def _failed(self, text: str) -> None:
        self.window.show_error(s.READ_FAILED, text)

    def _cancelled(self) -> None:
        self.window.statusBar().showMessage(s.READ_CANCELLED, 20000)

    def current_office(self) -> str | None:
        """The office the catalogue shows: the one filtered to, else the open SOP's."""
        window = self.window
        chosen = window.office_filter.currentData()
        if chosen:
            return chosen
        sop = window.document.sop
        if sop is not None:
            return sop.office.name
        return window.offices[0] if window.offices else None

    # the file dialog: tests replace it -------------------------------------------------------
    def ask_paths(self) -> list[Path]:
        return file_dialogs.ask_open_paths(self.window, s.PICK_TITLE, s.FILTER)
