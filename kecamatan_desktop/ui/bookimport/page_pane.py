"""The original beside the fields: a PDF's page rendered (any page of the file, opening at the
SOP's first), or for a workbook, Word or text file the rows as they were read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.bookimport.found import FoundStep
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.bookimport.page_render import page_count, render_page
from kecamatan_desktop.ui.bookimport.review_item import ReviewItem
from kecamatan_desktop.ui.table_model import Column, TableModel

ZOOMS = (1.0, 1.5, 2.0, 3.0)
_READ_WIDTHS = (36, 220, 140, 110, 80, 100, 90)
_READ_COLUMNS = [
    Column(s.READ_HEADERS[0], lambda r: r.no),
    Column(s.READ_HEADERS[1], lambda r: r.activity),
    Column(s.READ_HEADERS[2], lambda r: ", ".join(r.lanes)),
    Column(s.READ_HEADERS[3], lambda r: r.requirements),
    Column(s.READ_HEADERS[4], lambda r: r.time),
    Column(s.READ_HEADERS[5], lambda r: r.output),
    Column(s.READ_HEADERS[6], lambda r: r.notes),
]


def is_pdf(path: str) -> bool:
    try:
        with Path(path).open("rb") as handle:
            return b"%PDF-" in handle.read(1024)
    except OSError:
        return False


class PagePane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: str | None = None
        self.page = 0
        self.pages = 0
        self.zoom = 0
        self.previous_button = QPushButton(s.PAGE_PREVIOUS, objectName="pagePrevious")
        self.next_button = QPushButton(s.PAGE_NEXT, objectName="pageNext")
        self.page_label = QLabel(objectName="pageLabel")
        self.zoom_out = QToolButton(text="−")
        self.zoom_in = QToolButton(text="+")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_in)
        self.image = QLabel(objectName="pageImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; }")
        pdf_page = QWidget()
        pdf_layout = QVBoxLayout(pdf_page)
        pdf_layout.setContentsMargins(0, 0, 0, 0)
        pdf_layout.addLayout(bar)
        pdf_layout.addWidget(self.scroll, 1)

        self.read_label = QLabel(objectName="noPageImage", wordWrap=True)
        self.read_model: TableModel[FoundStep] = TableModel(_READ_COLUMNS, self)
        self.read_table = QTableView(objectName="readRows")
        self.read_table.setModel(self.read_model)
        self.read_table.setWordWrap(True)
        self.read_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.read_table.verticalHeader().setVisible(False)
        header = self.read_table.horizontalHeader()
        for column, width in enumerate(_READ_WIDTHS):  # wider than the pane: it scrolls
            header.resizeSection(column, width)
        header.sectionResized.connect(lambda *_: self.read_table.resizeRowsToContents())
        read_page = QWidget()
        read_layout = QVBoxLayout(read_page)
        read_layout.setContentsMargins(0, 0, 0, 0)
        read_layout.addWidget(self.read_label)
        read_layout.addWidget(self.read_table, 1)

        self.refusal = QLabel(objectName="fileRefusal", wordWrap=True)
        self.refusal.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget()
        for widget in (pdf_page, read_page, self.refusal):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.zoom_in.clicked.connect(lambda: self._zoom(+1))
        self.zoom_out.clicked.connect(lambda: self._zoom(-1))
        self._redraw = QTimer(self, singleShot=True, interval=80)
        self._redraw.timeout.connect(self._render)

    def set_item(self, item: ReviewItem | None) -> None:
        self.path = None
        self.image.clear()
        if item is None:
            return
        entry = item.entry
        if item.doc is None:
            self.refusal.setText(s.FILE_REFUSED.format(refusal=entry.refusal))
            self.stack.setCurrentWidget(self.refusal)
            return
        if is_pdf(entry.file):
            self.stack.setCurrentIndex(0)
            self.path = entry.file
            try:
                self.pages = page_count(entry.file)
            except InputError as exc:
                self.pages = 0
                self.image.setText(s.PAGE_FAILED.format(page=1, reason=exc))
                return
            first = entry.found.pages[0] if entry.found and entry.found.pages else 1
            self.show_page(first)
            return
        kind = s.KIND_NAMES.get(Path(entry.file).suffix.lower(), s.KIND_OTHER)
        self.read_label.setText(s.NO_PAGE_IMAGE.format(kind=kind))
        self.read_model.set_items(list(entry.found.steps) if entry.found else [])
        self.read_table.resizeRowsToContents()
        self.stack.setCurrentIndex(1)

    def show_page(self, page: int) -> bool:
        """Page `page` (1-based) of the PDF shown; False where there is none."""
        if self.path is None or not 1 <= page <= self.pages:
            return False
        self.page = page
        self.page_label.setText(s.PAGE_LABEL.format(page=page, pages=self.pages))
        self.previous_button.setEnabled(page > 1)
        self.next_button.setEnabled(page < self.pages)
        self._render()
        return True

    def _zoom(self, step: int) -> None:
        self.zoom = max(0, min(len(ZOOMS) - 1, self.zoom + step))
        self.zoom_out.setEnabled(self.zoom > 0)
        self.zoom_in.setEnabled(self.zoom < len(ZOOMS) - 1)
        self._render()

    def _render(self) -> None:
        if self.path is None or not self.page:
            return
        width = int((self.scroll.viewport().width() - 4) * ZOOMS[self.zoom])
        try:
            bitmap = render_page(self.path, self.page, max(width, 200))
        except InputError as exc:
            self.image.setText(s.PAGE_FAILED.format(page=self.page, reason=exc))
            return
        image = QImage(bitmap.rgb, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888).copy()  # the bytes go with the bitmap
        self.image.setPixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.path is not None:
            self._redraw.start()
