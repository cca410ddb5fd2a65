"""The window's printing: one SOP to PDF or to the viewer, the whole SOP book with progress."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QProgressDialog, QWidget

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.services import printing
from kecamatan_desktop.services.session import Database, call
from kecamatan_desktop.ui import strings


class PrintingActions(QObject):
    """Menu actions; `window` gives the selected SOP and shows messages."""

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self.db = db
        self.window = window
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

    def _write_sop(self, sop_id: str, path: Path) -> Path:
        from kecamatan_desktop.export.pdf_document import write_sop_pdf  # ReportLab: late
        printable = call(self.db, printing.load_printable, sop_id)
        return write_sop_pdf(printable.sop, path, profile=printable.profile, paper=self.paper)

    def export_pdf(self) -> Path | None:
        sop_id = self.window.selected_sop_id()
        if sop_id is None:
            self.window.show_info(strings.PDF_TITLE, strings.PRINT_NOTHING)
            return None
        path = self.ask_pdf_path(f"{sop_id}.pdf")
        if path is None:
            return None
        try:
            self._write_sop(sop_id, path)
        except (InputError, StoreError, OSError) as exc:
            self.window.show_error(strings.PDF_FAILED, str(exc))
            return None
        self.window.show_info(strings.PDF_TITLE, strings.PDF_DONE.format(path=path))
        return path

    def print_sop(self) -> Path | None:
        """Write the PDF to a temporary file and open it in the system's viewer to print."""
        sop_id = self.window.selected_sop_id()
        if sop_id is None:
            self.window.show_info(strings.PDF_TITLE, strings.PRINT_NOTHING)
            return None
        path = Path(tempfile.mkdtemp(prefix="kecamatan-")) / f"{sop_id}.pdf"
        try:
            self._write_sop(sop_id, path)
        except (InputError, StoreError, OSError) as exc:
            self.window.show_error(strings.PDF_FAILED, str(exc))
            return None
        if not self.open_in_viewer(path):
            self.window.show_info(strings.PDF_TITLE, strings.VIEWER_FAILED.format(path=path))
        return path

    def print_book(self) -> Path | None:
        offices = call(self.db, printing.book_offices)
        office = offices[0] if len(offices) == 1 else self.ask_office(offices)
        if office is None:
            return None
        path = self.ask_pdf_path(f"Buku SOP {office}.pdf")
        if path is None:
            return None
        progress = self.make_progress()
        try:
            book = call(self.db, printing.load_book, office)

            def step(done: int, total: int) -> None:
                progress.setMaximum(total)
                progress.setValue(done)
                progress.setLabelText(strings.BOOK_PROGRESS.format(done=done, total=total))
                QApplication.processEvents()

            from kecamatan_desktop.export.pdf_document import write_book_pdf

            write_book_pdf(book, path, paper=self.paper, progress=step)
        except (InputError, StoreError, OSError) as exc:
            self.window.show_error(strings.PDF_FAILED, str(exc))
            return None
        finally:
            progress.close()
        self.window.show_info(strings.BOOK_TITLE, strings.PDF_DONE.format(path=path))
        return path

    # dialogs: small methods that tests replace ------------------------------------------------
    def ask_pdf_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.window, strings.PDF_TITLE, suggested,
                                              strings.PDF_FILTER)
        return Path(path) if path else None

    def ask_office(self, offices: list[str]) -> str | None:
        name, ok = QInputDialog.getItem(self.window, strings.BOOK_TITLE, strings.BOOK_OFFICE,
                                        offices, 0, False)
        return name if ok else None

    def open_in_viewer(self, path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def make_progress(self) -> QProgressDialog:
        dialog = QProgressDialog(strings.BOOK_PROGRESS.format(done=0, total="…"),
                                 strings.BOOK_CANCEL, 0, 0, self.window)
        dialog.setWindowTitle(strings.BOOK_TITLE)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setCancelButton(None)  # the book is one ReportLab build; it cannot stop halfway
        return dialog
