"""The "Masalah" panel: what keeps the edited SOP from being complete, updated on every edit,
below it what Periksa SOP found (kept until the next check or another SOP), and above both
what the last paste found (kept until the next edit)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
)

from kecamatan_desktop.domain.flow import flow_problems
from kecamatan_desktop.services.editing import identity_problems, place_label
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument

_Index = QModelIndex | QPersistentModelIndex
PASTE_BACKGROUND = QColor("#fff4cc")  # the paste's lines stand apart from the SOP's own


@dataclass(frozen=True)
class ProblemItem:
    message: str
    step: int | None = None
    lane: str | None = None
    identity: bool = False
    finding: object | None = None  # a Periksa SOP finding (domain.checks.Finding)
    paste: bool = False  # told by the last paste of rows


class ProblemListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[ProblemItem] = []

    def set_items(self, items: list[ProblemItem]) -> None:
        if items == self.items:
            return
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return item.message
        if role == Qt.ItemDataRole.BackgroundRole and item.paste:
            return PASTE_BACKGROUND
        return None

    def messages(self) -> list[str]:
        return [item.message for item in self.items]


def problem_items(document: SopDocument) -> list[ProblemItem]:
    """The identity sheet's problems first, then the procedure's, step by step."""
    sop = document.sop
    if sop is None:
        return []
    items = [ProblemItem(strings.PROBLEM_IDENTITY.format(place=place_label(p.place),
                                                         message=p.message), identity=True)
             for p in identity_problems(sop)]
    items += [ProblemItem(p.message, step=p.step, lane=p.lane) for p in flow_problems(sop)]
    return items


MAX_LINES = 10  # lines of text shown before the list scrolls
MAX_SHARE = 0.3  # of the window's height, on a small screen


class ProblemsPanel(QGroupBox):
    """Lists the problems; activating one asks for its step, lane or the identity sheet."""

    step_activated = Signal(int)
    lane_activated = Signal(str)
    identity_activated = Signal()
    dismiss_requested = Signal(object)  # the Periksa SOP finding to set aside
    # the lines it wants changed (a paste told something with no edit): the editor re-fits
    height_changed = Signal()

    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.document = document
        self.model = ProblemListModel(self)
        self.view = QListView(objectName="problemList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # lines wrap to the panel's width: never a sideways scroll bar
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setStyleSheet("QListView::item { padding: 2px; }")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.findings: list[ProblemItem] = []
        self.pasted: list[ProblemItem] = []
        self._pasted_at = -1  # the undo stack's index when the paste was told
        self.dismiss_button = QPushButton(strings.DISMISS_FINDING, objectName="dismissFinding")
        self.dismiss_button.clicked.connect(self._dismiss)
        self.clear_paste_button = QPushButton(strings.PASTE_CLEAR, objectName="clearPaste",
                                              toolTip=strings.PASTE_CLEAR_TIP)
        self.clear_paste_button.clicked.connect(self.clear_paste_report)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.clear_paste_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        document.changed.connect(self.refresh)
        document.loaded.connect(self.clear_paste_report)
        # an edit, undo or redo moves the undo stack (after the document changed)
        document.undo_stack.indexChanged.connect(self._on_undo_moved)
        self.refresh()

    def set_findings(self, items: list[ProblemItem]) -> None:
        self.findings = items
        self.refresh()

    def show_paste_report(self, items: list[ProblemItem]) -> None:
        """What a paste did or why it did nothing, above the SOP's problems until the next
        edit, undo or SOP (a paste that changed nothing leaves the undo stack as it was)."""
        self.pasted = items
        self._pasted_at = self.document.undo_stack.index()
        self.refresh()
        self.view.scrollToTop()

    def clear_paste_report(self) -> None:
        if self.pasted:
            self.pasted = []
            self.refresh()

    def _on_undo_moved(self, index: int) -> None:
        if index != self._pasted_at:
            self.clear_paste_report()

    def _current_finding(self):
        index = self.view.currentIndex()
        return self.model.items[index.row()].finding if index.isValid() else None

    def _dismiss(self) -> None:
        finding = self._current_finding()
        if finding is not None:
            self.dismiss_requested.emit(finding)

    def _update_dismiss(self) -> None:
        self.dismiss_button.setVisible(bool(self.findings))
        self.dismiss_button.setEnabled(self._current_finding() is not None)
        self.clear_paste_button.setVisible(bool(self.pasted))

    def refresh(self) -> None:
        own = problem_items(self.document) + self.findings
        self.model.set_items(self.pasted + own)
        self._update_dismiss()
        count = len(own)
        if self.pasted:
            self.setTitle(strings.PROBLEMS_TITLE_PASTE.format(count=count))
        else:
            self.setTitle(strings.PROBLEMS_TITLE.format(count=count) if count
                          else strings.PROBLEMS_NONE)
        self.view.setVisible(self.model.rowCount() > 0)
        self._fit()

    def _fit(self) -> None:
        """Only the lines it needs: none is the title alone, a few their lines, and past
        MAX_LINES (or a share of a small window) the list scrolls by whole rows."""
        rows = self.model.rowCount()
        if not rows:
            self.view.setFixedHeight(0)
            self.height_changed.emit()
            return
        line = self.view.fontMetrics().lineSpacing()
        limit = MAX_LINES * line
        window = self.window()
        if window is not self and window.height() > 0:
            limit = min(limit, max(int(window.height() * MAX_SHARE), 3 * line))
        wanted = 0
        for row in range(rows):  # whole rows: the last one shown is never cut in half
            row_height = self._row_height(row)
            if wanted and wanted + row_height > limit:
                break
            wanted += row_height
        height = min(wanted, limit) + 2 * self.view.frameWidth()
        if height != self.view.height() or self.view.maximumHeight() != height:
            self.view.setFixedHeight(height)
            self.height_changed.emit()

    def _row_height(self, row: int) -> int:
        """The row's height wrapped to the list's width (its lines, plus the item padding)."""
        width = max(self.view.viewport().width(), self.width() - 30, 200) - 8
        text = self.model.items[row].message
        rect = self.view.fontMetrics().boundingRect(0, 0, width, 10_000,
                                                    Qt.TextFlag.TextWordWrap, text)
        return rect.height() + 6

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()

    def _activate(self, index: QModelIndex) -> None:
        self._update_dismiss()
        item = self.model.items[index.row()]
        if item.step is not None:
            self.step_activated.emit(item.step)
        elif item.lane is not None:
            self.lane_activated.emit(item.lane)
        elif item.identity:
            self.identity_activated.emit()
