"""The review of a book read: each SOP found beside its original page, its fields, steps,
flowchart and problems; the book's lanes matched to the office's jabatan; *Simpan* adds the
SOPs ticked as revision 1, all in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.bookimport.batch import BookEntry
from kecamatan_desktop.bookimport.found import Problem
from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.services.book_import import add_book_sops
from kecamatan_desktop.services.book_review import review_choices
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.bookimport.identity_fields import IdentityFields
from kecamatan_desktop.ui.bookimport.lanes_pane import LanesPane
from kecamatan_desktop.ui.bookimport.models import SopListModel
from kecamatan_desktop.ui.bookimport.page_pane import PagePane
from kecamatan_desktop.ui.bookimport.places import place_of, place_words
from kecamatan_desktop.ui.bookimport.review_item import ReviewItem, assign_ids, book_lanes
from kecamatan_desktop.ui.bookimport.sop_panes import FlowchartPane, StepsPane
from kecamatan_desktop.ui.message_boxes import ask_yes_no
from kecamatan_desktop.ui.table_model import Column, TableModel
from kecamatan_desktop.ui.window_geometry import fit_screen

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

CHECK_AFTER_MS = 250


class ReviewDialog(QDialog):
    saved = Signal(list)  # the ids added

    def __init__(self, db: Database, entries: list[BookEntry], office: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.items = [ReviewItem.of(entry) for entry in entries]
        self.current: ReviewItem | None = None
        files = sorted({entry.source for entry in entries})
        self.setWindowTitle(s.REVIEW_TITLE.format(files=", ".join(files)))
        fit_screen(self)
        choices = call(db, review_choices, office)
        self.office = QComboBox(objectName="importOffice", editable=True)
        self.office.addItems(list(choices.offices))
        self.office.setCurrentText(office or (choices.offices[0] if choices.offices else ""))
        self.office.setToolTip(s.OFFICE_TIP)
        self.office.setMinimumWidth(260)
        self.summary = QLabel(objectName="importSummary")

        self.list_model = SopListModel(self.items, self)
        self.sop_list = QTableView(objectName="importSops")
        self.sop_list.setModel(self.list_model)
        self.sop_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sop_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sop_list.verticalHeader().setVisible(False)
        self.sop_list.setWordWrap(True)
        header = self.sop_list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.sop_list.resizeRowsToContents())
        self.problem_model: TableModel[Problem] = TableModel(
            [Column("", lambda p: s.PROBLEM_LINE.format(where=place_words(p.path),
                                                        message=p.message))], self)
        self.problems = QListView(objectName="importProblems", wordWrap=True)
        self.problems.setModel(self.problem_model)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.clicked.connect(lambda index: self.go_to(
            self.problem_model.item(index.row()).path))
        self.problems.activated.connect(lambda index: self.go_to(
            self.problem_model.item(index.row()).path))

        self.page_pane = PagePane()
        self.identity = IdentityFields()
        self.steps = StepsPane()
        self.steps.model.lanes = lambda: self.lanes.mapping()
        self.flowchart = FlowchartPane()
        self.lanes = LanesPane(book_lanes(self.items))
        self.tabs = QTabWidget(objectName="importTabs")
        for widget, title in ((self.identity, s.TAB_IDENTITY), (self.steps, s.TAB_STEPS),
                              (self.flowchart, s.TAB_FLOWCHART), (self.lanes, s.TAB_LANES)):
            self.tabs.addTab(widget, title)
        self._lay_out()

        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_AFTER_MS)
        self._check_timer.timeout.connect(self.recheck)
        self.identity.edited.connect(lambda _key: self._edited())
        self.steps.model.edited.connect(lambda _row, _key: self._edited())
        self.lanes.changed.connect(self.recheck_all)
        self.office.currentTextChanged.connect(self._office_changed)
        self.list_model.check_changed.connect(lambda _row: self._show_summary())
        self.sop_list.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.select(current.row()))
        # an SOP ticks itself once, when it first becomes valid; those valid as read are
        self._auto_ticked = {id(item) for item in self.items if item.checked}
        self.lanes.set_jabatan(choices.jabatan)  # checks every SOP
        if self.items:
            self.sop_list.selectRow(0)

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sop_list, 3)
        left_layout.addWidget(QLabel(s.PROBLEMS, wordWrap=True))
        left_layout.addWidget(self.problems, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="importSplitter")
        for widget in (left, self.page_pane, self.tabs):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([260, 540, 540])
        self.save_button = QPushButton(s.SAVE, objectName="importSave", default=True)
        self.close_button = QPushButton(s.CLOSE, objectName="importClose")
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(s.OFFICE_LABEL))
        bottom.addWidget(self.office)
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

    # the SOP shown ---------------------------------------------------------------------------
    def select(self, row: int) -> None:
        self._flush()
        self.current = self.items[row] if 0 <= row < len(self.items) else None
        self.page_pane.set_item(self.current)
        self.identity.set_item(self.current)
        self.steps.set_item(self.current)
        self._show_current()

    def _show_current(self) -> None:
        item = self.current
        self.problem_model.set_items(item.problems if item is not None else [])
        reasons = [s.PROBLEM_LINE.format(where=place_words(p.path), message=p.message)
                   for p in (item.problems if item is not None else [])]
        self.flowchart.show_item(item, reasons)

    def go_to(self, path: str) -> bool:
        """The field, step, page or lane table a problem names, in view with the focus."""
        place = place_of(path)
        if place.kind == "identity":
            self.tabs.setCurrentWidget(self.identity)
            return self.identity.focus(place.key)
        if place.kind == "step":
            self.tabs.setCurrentWidget(self.steps)
            return self.steps.focus(place.number - 1, place.key)
        if place.kind == "page":
            return self.page_pane.show_page(place.number)
        if place.kind == "steps":
            self.tabs.setCurrentWidget(self.steps)
            self.steps.table.setFocus()
            return True
        if place.kind == "lanes":
            self.tabs.setCurrentWidget(self.lanes)
            self.lanes.focus()
            return True
        return False

    # checking --------------------------------------------------------------------------------
    def _edited(self) -> None:
        self._check_timer.start()
        if self.current is not None:
            self.list_model.refresh(self.items.index(self.current))

    def _flush(self) -> None:
        """A check still waiting is done now (before another SOP is shown, or saved)."""
        if self._check_timer.isActive():
            self._check_timer.stop()
            self.recheck()

    def _office_changed(self, _text: str) -> None:
        choices = call(self.db, review_choices, self.office_name() or None)
        self.lanes.set_jabatan(choices.jabatan)

    def office_name(self) -> str:
        return " ".join(self.office.currentText().split())

    def recheck(self) -> None:
        """The SOP shown checked again (its id with every other's)."""
        self._check(only=self.current)

    def recheck_all(self) -> None:
        self._check(only=None)

    def _check(self, only: ReviewItem | None) -> None:
        office, lanes = self.office_name(), self.lanes.mapping()
        for item, sop_id in zip(self.items, assign_ids(self.items, office), strict=True):
            if only is not None and item is not only or item.imported:
                continue
            was_valid = item.sop is not None
            item.check(lanes, office, sop_id)
            if item.sop is not None and not was_valid and id(item) not in self._auto_ticked:
                item.checked = True  # the clerk completed it to import it: ticked once
                self._auto_ticked.add(id(item))
            self.list_model.refresh(self.items.index(item))
        self.steps.model.layoutChanged.emit()  # Pelaksana follows the lanes matched
        self._show_current()
        self._show_summary()

    def _show_summary(self) -> None:
        found = [item for item in self.items if item.doc is not None]
        ready = sum(item.checked and item.importable for item in found)
        refused = sum(item.sop is None for item in found)
        self.summary.setText(s.SUMMARY.format(found=len(found), ready=ready, refused=refused))

    # saving and closing ----------------------------------------------------------------------
    def save(self) -> list[str] | None:
        """The SOPs ticked added in one transaction; the ids added, None when nothing was."""
        self._flush()
        office = self.office_name()
        if not office:
            self.show_error(s.SAVE_FAILED, s.OFFICE_EMPTY)
            return None
        self.recheck_all()
        chosen = [item for item in self.items if item.checked and item.importable]
        if not chosen:
            self.show_info(s.TITLE, s.SAVE_NOTHING)
            return None
        try:
            result = call(self.db, add_book_sops, [item.book_sop() for item in chosen])
        except (InputError, StoreError) as exc:
            self.show_error(s.SAVE_FAILED, str(exc))
            return None
        for item in chosen:
            item.imported, item.checked = True, False
            self.list_model.refresh(self.items.index(item))
        self.select(self.items.index(self.current) if self.current in self.items else -1)
        self._show_summary()
        self.show_info(s.TITLE, s.SAVE_DONE.format(count=len(result.added), office=office))
        self.saved.emit(list(result.added))
        return list(result.added)

    def unsaved(self) -> list[ReviewItem]:
        return [item for item in self.items if item.edited and not item.imported]

    def reject(self) -> None:
        self._flush()
        unsaved = self.unsaved()
        if unsaved and not self.ask_discard(len(unsaved)):
            return
        super().reject()

    def select_row(self, row: int) -> None:
        self.sop_list.selectionModel().setCurrentIndex(
            self.list_model.index(row, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    # dialogs: tests replace these ------------------------------------------------------------
    def ask_discard(self, count: int) -> bool:
        return ask_yes_no(self, s.TITLE, s.DISCARD_QUESTION.format(count=count))

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)
