"""The steps of the SOP under review as an editable table (with a step added or removed),
and its flowchart as our layout draws it, or why it cannot be drawn yet."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.bookimport.models import StepsModel
from kecamatan_desktop.ui.bookimport.review_item import STEP_KEYS, ReviewItem
from kecamatan_desktop.ui.flowchart.view import FlowchartView

SHOWN_REASONS = 6
# wider than the pane together: the table scrolls, and Kegiatan stays readable
_WIDTHS = {"no": 36, "activity": 230, "role": 150, "requirements": 120, "time": 90,
           "output": 110, "notes": 100}


class StepsPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = StepsModel(self)
        self.table = QTableView(objectName="importSteps")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().setVisible(False)  # the No column numbers them
        header = self.table.horizontalHeader()
        for column, key in enumerate(STEP_KEYS):
            header.resizeSection(column, _WIDTHS[key])
        header.sectionResized.connect(lambda *_: self._fit_rows())
        self.add_button = QPushButton(s.STEP_ADD, objectName="importStepAdd")
        self.remove_button = QPushButton(s.STEP_REMOVE, objectName="importStepRemove")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.model.modelReset.connect(self._fit_rows)
        self.model.dataChanged.connect(lambda *_: self._fit_rows())

    def set_item(self, item: ReviewItem | None) -> None:
        self.model.set_item(item)
        editable = self.model.item is not None and not self.model.item.imported
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)

    def focus(self, row: int, key: str) -> bool:
        """Cell (row, key) selected and in view; False for a row the table lacks."""
        if not 0 <= row < self.model.rowCount():
            return False
        column = STEP_KEYS.index(key) if key in STEP_KEYS else 0
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()

    def _add(self) -> None:
        current = self.table.currentIndex()
        row = current.row() + 1 if current.isValid() else self.model.rowCount()
        self.model.insert_step(row)
        self.focus(row, "activity")

    def _remove(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.model.remove_step(current.row())


class FlowchartPane(QStackedWidget):
    """The flowchart of the SOP as it would be imported, or the reasons it cannot be built."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = FlowchartView(self)
        self.message = QLabel(objectName="flowchartNotYet", wordWrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setMargin(12)
        self.addWidget(self.view)
        self.addWidget(self.message)

    def show_item(self, item: ReviewItem | None, reasons: list[str]) -> None:
        if item is not None and item.sop is not None:
            first = self.view.sop() is None or self.view.sop().id != item.sop.id
            self.view.show_sop(item.sop)
            self.setCurrentWidget(self.view)
            if first:  # the pane is narrow: the whole width of the lanes at a glance
                self.view.fit_width()
            return
        self.view.show_sop(None)
        shown = "\n".join(f"• {line}" for line in reasons[:SHOWN_REASONS])
        if len(reasons) > SHOWN_REASONS:
            shown += "\n" + s.FLOWCHART_MORE.format(count=len(reasons) - SHOWN_REASONS)
        self.message.setText(s.FLOWCHART_NOT_YET.format(reasons=shown))
        self.setCurrentWidget(self.message)
