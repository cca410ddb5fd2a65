"""The "Masalah" panel: what keeps the edited SOP from being complete, updated on every edit,
and below it what Periksa SOP found (kept until the next check or another SOP)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QListView, QPushButton, QVBoxLayout

from kecamatan_desktop.domain.flow import flow_problems
from kecamatan_desktop.services.editing import identity_problems, place_label
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ProblemItem:
    message: str
    step: int | None = None
    lane: str | None = None
    identity: bool = False
    finding: object | None = None  # a Periksa SOP finding (domain.checks.Finding)


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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.items[index.row()].message
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


MAX_LINES = 4  # problems shown before the list scrolls (each may wrap to two lines)


class ProblemsPanel(QGroupBox):
    """Lists the problems; activating one asks for its step, lane or the identity sheet."""

    step_activated = Signal(int)
    lane_activated = Signal(str)
    identity_activated = Signal()
    dismiss_requested = Signal(object)  # the Periksa SOP finding to set aside

    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.document = document
        self.model = ProblemListModel(self)
        self.view = QListView(objectName="problemList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setStyleSheet("QListView::item { padding: 2px; }")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.findings: list[ProblemItem] = []
        self.dismiss_button = QPushButton(strings.DISMISS_FINDING, objectName="dismissFinding")
        self.dismiss_button.clicked.connect(self._dismiss)
        layout.addWidget(self.dismiss_button)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        document.changed.connect(self.refresh)
        self.refresh()

    def set_findings(self, items: list[ProblemItem]) -> None:
        self.findings = items
        self.refresh()

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

    def refresh(self) -> None:
        self.model.set_items(problem_items(self.document) + self.findings)
        self._update_dismiss()
        count = self.model.rowCount()
        self.setTitle(strings.PROBLEMS_TITLE.format(count=count) if count
                      else strings.PROBLEMS_NONE)
        # only the lines it needs: none is the title alone, a few their lines, many scroll
        self.view.setVisible(count > 0)
        lines = min(count, MAX_LINES)
        self.view.setFixedHeight(lines * (self.view.fontMetrics().lineSpacing() * 2 + 4) + 6
                                 if lines else 0)

    def _activate(self, index: QModelIndex) -> None:
        self._update_dismiss()
        item = self.model.items[index.row()]
        if item.step is not None:
            self.step_activated.emit(item.step)
        elif item.lane is not None:
            self.lane_activated.emit(item.lane)
        elif item.identity:
            self.identity_activated.emit()
