"""What an officer spreadsheet holds, row by row, with the bad rows marked: the user's last
look before the import, and the place to say yes or cancel."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.services.officer_import import SheetRow
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.rounds.rows_model import RowsModel

BAD = QColor("#ffcdd2")


def _remark(row: SheetRow) -> str:
    if row.ok:
        return strings.OFFICER_IMPORT_READY
    return "; ".join(f"{p.column}: {p.message}" for p in row.problems)


class OfficerImportPreview(QDialog):
    """Accepted means: import the good rows (all rows, when none is bad)."""

    def __init__(self, rows: Sequence[SheetRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        self.good = sum(r.ok for r in self.rows)
        self.bad = len(self.rows) - self.good
        self.setWindowTitle(strings.OFFICER_IMPORT_TITLE)
        if not self.bad:
            text = strings.OFFICER_IMPORT_ALL_GOOD
        elif self.good:
            text = strings.OFFICER_IMPORT_SOME_BAD
        else:
            text = strings.OFFICER_IMPORT_NONE_GOOD
        self.summary = QLabel(text.format(good=self.good, bad=self.bad), wordWrap=True)
        self.model = RowsModel(strings.OFFICER_IMPORT_HEADERS, self)
        self.model.set_rows([(r.line, r.name, r.nip, r.jabatan, _remark(r)) for r in self.rows],
                            [None if r.ok else BAD for r in self.rows])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Interactive,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Interactive,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(1, 200)
        header.resizeSection(3, 200)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(strings.OFFICER_IMPORT_DO.format(good=self.good),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(self.good > 0)
        buttons.addButton(strings.OFFICER_IMPORT_CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1100, 560)
