"""The window's printing: one SOP to PDF or through the print preview to a printer, the whole
SOP book; each runs as a Task off the GUI thread. An SOP with edits not yet saved is never
printed silently as its old version: the user saves first or prints the edits as a draft."""

from __future__ import annotations

import shutil
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.services import printing
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import file_dialogs, strings
from kecamatan_desktop.ui.message_boxes import ask_choice, ask_yes_no
from kecamatan_desktop.ui.worker import NEVER_BY_ITSELF, Task, run_task

if TYPE_CHECKING:
    from kecamatan_desktop.domain.sop import Sop
    from kecamatan_desktop.export.pdf_document import NotPrintable
    from kecamatan_desktop.services.printing import PrintableSop
    from kecamatan_desktop.services.session import Database
    from kecamatan_desktop.ui.editor.sop_editing import SopEditing


class PrintChoice(StrEnum):
    """What to print of an SOP with unsaved edits."""

    SAVE_FIRST = "save"  # save them, then print the new revision
    DRAFT = "draft"  # print them as they are on screen, every page marked as a draft
    CANCEL = "cancel"


class PrintingActions(QObject):
    """Menu actions; `window` gives the selected SOP and shows messages, `editing` the edits
    on screen not yet saved."""

    def __init__(self, db: Database, window: QWidget, editing: SopEditing) -> None:
        super().__init__(window)
        self.db = db
        self.window = window
        self.editing = editing
        self.task: Task | None = None  # the last one started; tests wait on it
        self.preview: QDialog | None = None  # the last print preview shown
        self.export_pdf_action = QAction(strings.ACTION_EXPORT_PDF, window)
        self.print_action = QAction(strings.ACTION_PRINT, window, shortcut="Ctrl+P")
        self.print_book_action = QAction(strings.ACTION_PRINT_BOOK, window)
        self.export_pdf_action.triggered.connect(self.export_pdf)
        self.print_action.triggered.connect(self.print_sop)
        self.print_book_action.triggered.connect(self.print_book)
        self.paper_group = QActionGroup(window)
        self.paper_actions = {}
        for key, text in (("f4", strings.PAPER_F4), ("a4", strings.PAPER_A4)):
            action = QAction(text, window, checkable=True, checked=key == "f4")
            self.paper_group.addAction(action)
            self.paper_actions[key] = action

    @property
    def paper(self) -> str:
        return "a4" if self.paper_actions["a4"].isChecked() else "f4"

    def _start(self, work, title: str, label, done, failed_title: str) -> Task:
        self.task = run_task(self.window, work, title=title, label=label, done=done,
                             failed=lambda text: self.window.show_error(failed_title, text))
        return self.task

    def _sop_writer(self, sop_id: str, path: Path, printable: PrintableSop | None = None):
        paper = self.paper  # read here: the menu is the GUI thread's

        def work(progress) -> Path:
            from kecamatan_desktop.export.pdf_document import write_sop_pdf  # ReportLab: late
            nonlocal printable
            if printable is None:
                printable = call(self.db, printing.load_printable, sop_id)
            return write_sop_pdf(printable.sop, path, profile=printable.profile, paper=paper,
                                 cover_title=printable.cover_title, mark=printable.mark)
        return work

    def _edits_to_print(self, sop_id: str) -> tuple[bool, PrintableSop | None]:
        """(whether to go on, the draft to print): with unsaved edits of `sop_id` on screen the
        user chooses to save them first (then the saved revision is printed: no draft) or to
        print them marked as a draft; Batal, or a save that did not happen, stops."""
        edited = self.editing.unsaved_edits() if self.editing.sop_id == sop_id else None
        if edited is None:
            return True, None
        answer = self.ask_unsaved_print(edited.name)
        if answer == PrintChoice.DRAFT:
            return True, call(self.db, printing.draft_printable, edited)
        return answer == PrintChoice.SAVE_FIRST and self.editing.save(), None

    def export_pdf(self) -> Task | None:
        sop_id = self.window.selected_sop_id()
        if sop_id is None:
            self.window.show_info(strings.PDF_TITLE, strings.PRINT_NOTHING)
            return None
        try:
            go_on, printable = self._edits_to_print(sop_id)
            if not go_on:
                return None
            if printable is None:  # its name names the file
                printable = call(self.db, printing.load_printable, sop_id)
        except (InputError, StoreError) as exc:
            self.window.show_error(strings.PDF_FAILED, str(exc))
            return None
        name = printable.sop.name + (strings.DRAFT_SUFFIX if printable.mark else "")
        path = self.ask_pdf_path(file_dialogs.file_name(name, suffix=".pdf"))
        if path is None:
            return None
        return self._start(self._sop_writer(sop_id, path, printable), strings.PDF_TITLE,
                           strings.PDF_WRITING, lambda written: self.window.show_info(
                               strings.PDF_TITLE, strings.PDF_DONE.format(path=written)),
                           strings.PDF_FAILED)

    def print_sop(self) -> Task | None:
        """Show the preview at once and fill it as a worker makes the SOP's PDF and draws its
        pages, each shown as soon as it is drawn; the preview's Cetak button opens the
        system's print dialog. Closing the preview, or its Batal, stops the worker."""
        sop_id = self.window.selected_sop_id()
        if sop_id is None:
            self.window.show_info(strings.PDF_TITLE, strings.PRINT_NOTHING)
            return None
        from kecamatan_desktop.ui.print_preview import PageFeed, PrintPreview, stream_pages

        try:
            go_on, draft = self._edits_to_print(sop_id)
        except (InputError, StoreError) as exc:
            self.window.show_error(strings.PDF_FAILED, str(exc))
            return None
        if not go_on:
            return None
        write = self._sop_writer(sop_id, Path(tempfile.mkdtemp(prefix="kecamatan-")) / "cetak.pdf",
                                 draft)  # the saved revision is read by the worker
        feed = PageFeed()  # no parent: the worker's closure keeps it while it emits

        def work(progress) -> int:
            path = write(progress)
            try:
                data = path.read_bytes()
            finally:
                shutil.rmtree(path.parent, ignore_errors=True)
            return stream_pages(data, feed, progress)

        job = sop_id + (strings.DRAFT_SUFFIX if draft else "")
        preview = self.preview = PrintPreview(self.paper, job, self.window)
        preview.show_pages_from(feed)

        def failed(text: str) -> None:
            if task.is_cancelled:
                return  # the preview was closed: the user has given up on it
            preview.reject()
            self.window.show_error(strings.PDF_FAILED, text)

        # the preview shows the progress and Batal: the task's own dialog never appears
        task = self.task = run_task(self.window, work, title=strings.PRINT_PREVIEW_TITLE,
                                    label=strings.PRINT_PREPARING, done=lambda _pages: None,
                                    failed=failed, show_after_ms=NEVER_BY_ITSELF)
        preview.follow(task)
        self.show_preview(preview)
        return task

    def print_book(self) -> Task | None:
        offices = call(self.db, printing.book_offices)
        office = offices[0] if len(offices) == 1 else self.ask_office(offices)
        if office is None:
            return None
        path = self.ask_pdf_path(file_dialogs.file_name(f"Buku SOP {office}", suffix=".pdf"))
        if path is None:
            return None
        return self._write_book(office, path, self.paper)

    def _write_book(self, office: str, path: Path, paper: str,
                    skipped: tuple[NotPrintable, ...] = ()) -> Task:
        """The book without the SOPs `skipped`; when others cannot be printed, nothing is
        written and the user is asked whether to print the rest."""
        skip = {bad.sop_id for bad in skipped}

        def work(progress):
            from kecamatan_desktop.export.pdf_document import (  # ReportLab: late
                UnprintableSops,
                write_book_pdf,
            )
            book = call(self.db, printing.load_book, office)
            try:
                return write_book_pdf(book, path, paper=paper, progress=progress, skip=skip)
            except UnprintableSops as exc:
                return exc  # a question for the GUI thread, not a failure

        def done(result) -> None:
            if not isinstance(result, Path):
                if self.ask_print_rest("\n".join(str(bad) for bad in result.sops)):
                    self._write_book(office, path, paper, skipped + tuple(result.sops))
                return
            text = (strings.BOOK_DONE_SKIPPED.format(
                        path=result, count=len(skipped),
                        sops="\n".join(str(bad) for bad in skipped))
                    if skipped else strings.PDF_DONE.format(path=result))
            self.window.show_info(strings.BOOK_TITLE, text)

        return self._start(work, strings.BOOK_TITLE, strings.BOOK_PROGRESS.format(office=office),
                           done, strings.PDF_FAILED)

    def flowchart_to_save(self, shown: Sop) -> tuple[Sop, str | None] | None:
        """Simpan gambar…: the flowchart to write and its draft mark (None: the saved SOP's),
        asked like a PDF when `shown` has unsaved edits; None when the user stops."""
        edited = self.editing.unsaved_edits() if self.editing.sop_id == shown.id else None
        if edited is None:
            return shown, None
        answer = self.ask_unsaved_print(edited.name)
        if answer == PrintChoice.DRAFT:
            return edited, printing.DRAFT_MARK
        if answer == PrintChoice.SAVE_FIRST and self.editing.save():
            return self.editing.document.sop, None
        return None

    # dialogs: small methods that tests replace ------------------------------------------------
    def ask_unsaved_print(self, name: str) -> PrintChoice:
        role = QMessageBox.ButtonRole
        return ask_choice(self.window, strings.PRINT_UNSAVED_TITLE,
                          strings.PRINT_UNSAVED_QUESTION.format(
                              name=name, mark=printing.DRAFT_MARK),
                          [(strings.PRINT_SAVE_FIRST, role.AcceptRole, PrintChoice.SAVE_FIRST),
                           (strings.PRINT_DRAFT, role.ActionRole, PrintChoice.DRAFT),
                           (strings.UNSAVED_CANCEL, role.RejectRole, PrintChoice.CANCEL)],
                          PrintChoice.CANCEL)

    def ask_pdf_path(self, suggested: str) -> Path | None:
        return file_dialogs.ask_save_path(self.window, strings.PDF_TITLE, suggested,
                                          strings.PDF_FILTER)

    def ask_print_rest(self, sops: str) -> bool:
        return ask_yes_no(self.window, strings.BOOK_TITLE,
                          strings.BOOK_SKIP_QUESTION.format(sops=sops))

    def ask_office(self, offices: list[str]) -> str | None:
        name, ok = QInputDialog.getItem(self.window, strings.BOOK_TITLE, strings.BOOK_OFFICE,
                                        offices, 0, False)
        return name if ok else None

    def show_preview(self, preview: QDialog) -> None:
        preview.finished.connect(preview.deleteLater)
        preview.open()  # modal to the window, without blocking: the pages are still coming
