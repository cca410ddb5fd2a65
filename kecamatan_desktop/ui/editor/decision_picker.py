"""The Ya/Tidak target pickers of a decision step: steps listed as "No. + start of activity"."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument

_Index = QModelIndex | QPersistentModelIndex
TargetRole = Qt.ItemDataRole.UserRole + 1


class StepChoiceModel(QAbstractListModel):
    """Row 0 is "not chosen", then one row per step; the deciding step itself is disabled."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sop: Sop | None = None
        self._own = -1

    def set_sop(self, sop: Sop | None, own: int) -> None:
        self.beginResetModel()
        self._sop, self._own = sop, own
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._sop is None else len(self._sop.steps) + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._sop is None:
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return strings.BRANCH_NONE if row == 0 else edits.step_caption(self._sop, row - 1)
        if role == TargetRole:
            return None if row == 0 else row
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.row() == self._own + 1:
            return flags & ~Qt.ItemFlag.ItemIsEnabled
        return flags


class DecisionPicker(QWidget):
    """"Ya →" and "Tidak →" lists for the current step; enabled when it is a decision."""

    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.row = -1
        self.choices = StepChoiceModel(self)
        self.yes_combo = self._combo("yesTarget")
        self.no_combo = self._combo("noTarget")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, combo in ((strings.BRANCH_YES, self.yes_combo),
                            (strings.BRANCH_NO, self.no_combo)):
            layout.addSpacing(8)
            layout.addWidget(QLabel(text))
            layout.addWidget(combo, 1)
        self.yes_combo.activated.connect(lambda i: self._pick("yes", i))
        self.no_combo.activated.connect(lambda i: self._pick("no", i))
        document.changed.connect(self.refresh)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setModel(self.choices)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)  # beside the toolbar, which keeps its every button
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def set_row(self, row: int) -> None:
        self.row = row
        self.refresh()

    def refresh(self) -> None:
        sop = self.document.sop
        step = sop.steps[self.row] if sop and 0 <= self.row < len(sop.steps) else None
        self.choices.set_sop(sop, self.row)
        decision = step.decision if step else None
        enabled = decision is not None and not self.document.read_only
        # what the lists are for, on the lists: beside the toolbar there is no room to say it
        if step is None:
            caption = strings.DECISION_CAPTION_NONE
        else:
            caption = (strings.DECISION_CAPTION if decision
                       else strings.DECISION_CAPTION_PLAIN).format(row=self.row + 1)
        self.setToolTip(caption)
        for combo, target in ((self.yes_combo, decision.yes if decision else None),
                              (self.no_combo, decision.no if decision else None)):
            combo.setEnabled(enabled)
            combo.setCurrentIndex(target if decision and target is not None else 0)

    def _pick(self, answer: str, combo_row: int) -> None:
        sop = self.document.sop
        if sop is None or not 0 <= self.row < len(sop.steps):
            return
        target = self.choices.index(combo_row).data(TargetRole)
        after = edits.set_branch(sop, self.row, answer, target)
        self.document.apply(after, strings.UNDO_BRANCH.format(
            answer=strings.YES if answer == "yes" else strings.NO, row=self.row + 1),
            focus=self.row)

