"""One SOP's procedure shown read-only: its lanes on a line, its steps in a table and its
flowchart (drawn when its tab is first shown), for choosing or following a model SOP."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.sop import Decision, Sop, Step
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.flowchart.view import FlowchartView
from kecamatan_desktop.ui.table_model import Column, TableModel

STEP_WIDE = 1  # Kegiatan takes the width left


def _decision_text(decision: Decision | None) -> str:
    if decision is None:
        return ""
    return strings.DECISION_MARK.format(yes=decision.yes or strings.DECISION_UNSET,
                                        no=decision.no or strings.DECISION_UNSET)


def _step_columns() -> list[Column[Step]]:
    no, activity, role, time, output, decision = strings.COPY_STEP_HEADERS
    return [Column(no, lambda s: s.no), Column(activity, lambda s: s.activity),
            Column(role, lambda s: strings.STEP_LANES_SEPARATOR.join(s.roles)),
            Column(time, lambda s: s.time),
            Column(output, lambda s: s.output),
            Column(decision, lambda s: _decision_text(s.decision))]


class ProcedurePreview(QWidget):
    """Shows `show_sop`'s lanes, steps and flowchart; nothing in it can be changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lanes_label = QLabel(strings.COPY_PICK, objectName="previewLanes", wordWrap=True)
        self.steps_model: TableModel[Step] = TableModel(_step_columns(), self)
        self.steps_table = QTableView(objectName="previewSteps")
        self.steps_table.setModel(self.steps_model)
        self.steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps_table.verticalHeader().setVisible(False)
        self.steps_table.setWordWrap(True)
        header = self.steps_table.horizontalHeader()
        for column in range(len(strings.COPY_STEP_HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STEP_WIDE, QHeaderView.ResizeMode.Stretch)
        self.flowchart = FlowchartView()
        self.flowchart.setObjectName("previewFlowchart")
        self.tabs = QTabWidget(objectName="previewTabs")
        self.tabs.addTab(self.steps_table, strings.COPY_TAB_STEPS.format(count=0))
        self.tabs.addTab(self.flowchart, strings.COPY_TAB_FLOWCHART)
        self.tabs.currentChanged.connect(lambda _i: self._draw_if_shown())
        # a symbol clicked in the drawing shows its row, and a row its symbol
        self.flowchart.step_selected.connect(self.steps_table.selectRow)
        self.steps_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.flowchart.select_step(current.row())
            if self.flowchart.sop() is self._sop and current.isValid() else None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lanes_label)
        layout.addWidget(self.tabs, 1)
        self._sop: Sop | None = None

    def sop(self) -> Sop | None:
        return self._sop

    def show_sop(self, sop: Sop | None, message: str = strings.COPY_PICK) -> None:
        """Show `sop`; None shows `message` instead (nothing chosen, or why it cannot be read)."""
        self._sop = sop
        if sop is None:
            self.lanes_label.setText(message)
            self.steps_model.set_items([])
        else:
            self.lanes_label.setText(strings.COPY_LANES.format(
                count=len(sop.roles), lanes=" · ".join(sop.roles)))
            self.steps_model.set_items(sop.steps)
            self.steps_table.resizeRowsToContents()
        self.tabs.setTabText(0, strings.COPY_TAB_STEPS.format(
            count=len(sop.steps) if sop else 0))
        self._draw_if_shown()

    def _draw_if_shown(self) -> None:
        # laying out a flowchart costs more than the table: only when someone looks at it
        if self.tabs.currentWidget() is self.flowchart and self.flowchart.sop() is not self._sop:
            self.flowchart.show_sop(self._sop)
