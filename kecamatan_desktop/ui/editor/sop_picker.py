"""Choosing a model SOP: every office's drawn SOPs filtered as you type, one revision of the
chosen one, and its procedure previewed beside the list. Reads only, through the services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.services import procedure_copy
from kecamatan_desktop.services.listing import SopSummary
from kecamatan_desktop.services.procedure_copy import ProcedureSource
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.procedure_preview import ProcedurePreview
from kecamatan_desktop.ui.table_model import Column, KeyRole, SortRole, TableModel

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

_Index = QModelIndex | QPersistentModelIndex


class _WordsFilter(QSortFilterProxyModel):
    """Keeps the SOPs whose name, office or id holds every typed word, in any order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SortRole)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        s: SopSummary = self.sourceModel().item(source_row)
        haystack = f"{s.name} {s.office} {s.id}".casefold()
        return all(word in haystack for word in self._words)


def _columns() -> list[Column[SopSummary]]:
    name, office, revision, steps = strings.COPY_HEADERS
    right = Qt.AlignmentFlag.AlignRight
    return [Column(name, lambda s: s.name), Column(office, lambda s: s.office),
            Column(revision, lambda s: str(s.revision), sort=lambda s: s.revision,
                   alignment=right),
            Column(steps, lambda s: str(s.steps), sort=lambda s: s.steps, alignment=right)]


class SopPicker(QWidget):
    """The list, the revision and the preview; `source` is what is chosen (or None)."""

    source_changed = Signal()

    def __init__(self, db: Database, *, exclude: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.source: ProcedureSource | None = None
        self.search = QLineEdit(objectName="pickerSearch", clearButtonEnabled=True)
        self.search.setPlaceholderText(strings.COPY_SEARCH)
        self.model: TableModel[SopSummary] = TableModel(_columns(), self, key=lambda s: s.id)
        self.proxy = _WordsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QTableView(objectName="pickerList")
        self.list.setModel(self.proxy)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(strings.COPY_HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # names wrap to the column's width: rows measured again (once, on the next turn of
        # the loop) when it changes and when a search brings rows back
        self._row_heights = QTimer(self, singleShot=True, interval=0)
        self._row_heights.timeout.connect(self.list.resizeRowsToContents)
        for changed in (header.sectionResized, self.proxy.layoutChanged,
                        self.proxy.rowsInserted, self.proxy.modelReset):
            changed.connect(lambda *_: self._row_heights.start())
        self.count_label = QLabel(objectName="pickerCount")
        self.revision_combo = QComboBox(objectName="pickerRevision")
        self.preview = ProcedurePreview()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.list, self.count_label):
            left_layout.addWidget(widget)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        revision_row = QHBoxLayout()
        revision_row.addWidget(QLabel(strings.COPY_REVISION))
        revision_row.addWidget(self.revision_combo)
        revision_row.addStretch(1)
        right_layout.addLayout(revision_row)
        right_layout.addWidget(self.preview, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="pickerSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.search.textChanged.connect(self._on_search)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._on_sop_chosen())
        self.revision_combo.activated.connect(lambda _i: self._read(
            self._chosen_id(), self.revision_combo.currentData()))
        self._load(exclude)

    # reading -----------------------------------------------------------------------------------
    def _load(self, exclude: str | None) -> None:
        try:
            sources = call(self.db, procedure_copy.copy_sources, exclude=exclude)
        except (InputError, StoreError) as exc:
            sources = []
            self.preview.show_sop(None, strings.COPY_READ_FAILED.format(reason=exc))
        self.model.set_items(sources)
        self._update_count()

    def _read(self, sop_id: str | None, revision: int | None) -> None:
        """Read `sop_id` at `revision` (None: its current one) and show it."""
        self.source = None
        if sop_id is not None:
            try:
                self.source = call(self.db, procedure_copy.read_source, sop_id,
                                   revision=revision)
            except (InputError, StoreError) as exc:
                self.preview.show_sop(None, strings.COPY_READ_FAILED.format(reason=exc))
        if self.source is not None or sop_id is None:
            self.preview.show_sop(self.source.sop if self.source else None)
        self._fill_revisions()
        self.source_changed.emit()

    def _fill_revisions(self) -> None:
        self.revision_combo.clear()
        source = self.source
        if source is None:
            self.revision_combo.setEnabled(False)
            return
        for r in source.revisions:
            text = (strings.COPY_REVISION_CURRENT if r.is_current
                    else strings.COPY_REVISION_ITEM).format(revision=r.revision)
            if r.is_draft:
                text += f" {strings.DRAFT_MARK}"
            self.revision_combo.addItem(text, r.revision)
        self.revision_combo.setCurrentIndex(self.revision_combo.findData(source.revision))
        self.revision_combo.setEnabled(len(source.revisions) > 1)

    # choosing ----------------------------------------------------------------------------------
    def _chosen_id(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(KeyRole) if index.isValid() else None

    def _on_sop_chosen(self) -> None:
        self._read(self._chosen_id(), None)

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()
        if self.proxy.rowCount() and not self.list.currentIndex().isValid():
            self.list.selectRow(0)  # the first match is previewed while typing

    def _update_count(self) -> None:
        self.count_label.setText(strings.COPY_COUNT.format(shown=self.proxy.rowCount(),
                                                           total=self.model.rowCount()))

    def choose(self, sop_id: str, revision: int | None = None) -> bool:
        """Select `sop_id` (at `revision`) as a click would; False when it is not listed."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(KeyRole) == sop_id:
                self.list.selectRow(row)
                if revision is not None and self.source and revision != self.source.revision:
                    self._read(sop_id, revision)
                return True
        return False
