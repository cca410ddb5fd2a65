"""The "Prosedur" tab as a table of the official columns (until the swimlane drawing)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QStackedWidget, QTableView

from kecamatan_desktop.domain.sop import Sop, Step
from kecamatan_desktop.ui import strings

_Index = QModelIndex | QPersistentModelIndex


class ProcedureTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._steps: tuple[Step, ...] = ()

    def set_sop(self, sop: Sop | None) -> None:
        self.beginResetModel()
        self._steps = sop.steps if sop else ()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(strings.PROCEDURE_HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        step = self._steps[index.row()]
        column = index.column()
        if column == 2:
            if step.decision is None:
                return step.role
            return f"{step.role}\n◇ " + strings.DECISION_MARK.format(
                yes=self._steps[step.decision.yes - 1].no, no=self._steps[step.decision.no - 1].no)
        return (step.no, step.activity, None, step.requirements, step.time, step.output,
                step.notes)[column]

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return strings.PROCEDURE_HEADERS[section]
        return None


class ProcedureView(QStackedWidget):
    """The procedure table, or an invitation when the SOP has no steps yet."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = ProcedureTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("procedureTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        widths = (36, 0, 120, 150, 70, 150, 110)
        for column, width in enumerate(widths):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.placeholder = QLabel(strings.PROCEDURE_NOT_DRAWN, self)
        self.placeholder.setObjectName("procedurePlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.addWidget(self.table)
        self.addWidget(self.placeholder)

    def show_sop(self, sop: Sop | None) -> None:
        self.model.set_sop(sop)
        self.table.resizeRowsToContents()
        self.setCurrentWidget(self.table if sop is None or sop.steps else self.placeholder)
