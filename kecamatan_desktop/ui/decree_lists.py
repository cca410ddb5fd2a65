"""The decree's lists (Menimbang, Mengingat, the diktum): a numbered list with the selected
item's text edited below it, and the picker of rules from the table of rules in force."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.decree import citation_text
from kecamatan_desktop.domain.legal import LegalRule, RuleRef
from kecamatan_desktop.ui import strings_decree as decree_strings
from kecamatan_desktop.ui.rounds.dialogs import ok_cancel

TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
RULE_ROLE = Qt.ItemDataRole.UserRole + 2  # the RuleRef of an item picked from the table
CITED_ROLE = Qt.ItemDataRole.UserRole + 3  # its text as picked: edited away, it is free text

Item = tuple[str, RuleRef | None]


def lettered(row: int) -> str:
    """Menimbang's mark: a., b., …"""
    return f"{chr(ord('a') + row)}." if row < 26 else f"{row + 1}."


class ItemListModel(QStandardItemModel):
    """Items shown with their mark in front ("a. bahwa …", "KEDUA: …"), kept without it."""

    def __init__(self, mark: Callable[[int], str], parent=None) -> None:
        super().__init__(parent)
        self.mark = mark

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return f"{self.mark(index.row())}  {super().data(index, TEXT_ROLE)}"
        return super().data(index, role)


class ItemListEditor(QWidget):
    """A list of texts: add, remove, move; the selected one is edited in the box below."""

    changed = Signal()

    def __init__(self, name: str, mark: Callable[[int], str], new_text: str,
                 cites_rules: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.new_text = new_text
        self.model = ItemListModel(mark, self)
        self.view = QListView(objectName=f"{name}List", wordWrap=True)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMinimumHeight(90)
        self.view.selectionModel().currentChanged.connect(self._show_current)
        self.editor = QPlainTextEdit(objectName=f"{name}Text")
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 4 + 12)
        self.editor.textChanged.connect(self._edited)
        self.note = QLabel(objectName=f"{name}Note", wordWrap=True)
        self.buttons = QHBoxLayout()
        for label, slot in ((decree_strings.DECREE_ADD, lambda: self.add_item(self.new_text)),
                            (decree_strings.DECREE_REMOVE, self.remove_current),
                            (decree_strings.DECREE_UP, lambda: self.move_current(-1)),
                            (decree_strings.DECREE_DOWN, lambda: self.move_current(1))):
            button = QPushButton(label)
            button.clicked.connect(slot)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(self.buttons)
        layout.addWidget(QLabel(decree_strings.DECREE_ITEM_EDIT))
        layout.addWidget(self.editor)
        layout.addWidget(self.note)
        self.note.setVisible(cites_rules)  # which items are the table's rules: Mengingat only
        self._show_current()

    # the list ---------------------------------------------------------------------------------
    def set_items(self, items: list[Item]) -> None:
        self.model.clear()
        for text, rule in items:
            self.model.appendRow(self._item(text, rule))
        if items:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._show_current()

    def items(self) -> list[Item]:
        return [(self.model.item(row).data(TEXT_ROLE), self.model.item(row).data(RULE_ROLE))
                for row in range(self.model.rowCount())]

    def texts(self) -> tuple[str, ...]:
        return tuple(text for text, _ in self.items())

    def add_item(self, text: str, rule: RuleRef | None = None) -> None:
        row = self.view.currentIndex().row() + 1 if self.view.currentIndex().isValid() \
            else self.model.rowCount()
        self.model.insertRow(row, self._item(text, rule))
        self.view.setCurrentIndex(self.model.index(row, 0))
        self.changed.emit()
        if rule is None:  # a new free item: type its text straight away
            self.editor.setFocus()
            self.editor.selectAll()

    def remove_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.removeRow(index.row())
            self._show_current()
            self.changed.emit()

    def move_current(self, step: int) -> None:
        index = self.view.currentIndex()
        target = index.row() + step
        if not index.isValid() or not 0 <= target < self.model.rowCount():
            return
        self.model.insertRow(target, self.model.takeRow(index.row()))
        self.view.setCurrentIndex(self.model.index(target, 0))
        self.changed.emit()

    def select(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    @staticmethod
    def _item(text: str, rule: RuleRef | None) -> QStandardItem:
        item = QStandardItem()
        item.setData(text, TEXT_ROLE)
        item.setData(rule, RULE_ROLE)
        item.setData(text if rule else None, CITED_ROLE)
        return item

    # the selected item's text -----------------------------------------------------------------
    def _show_current(self, *_) -> None:
        item = self.model.itemFromIndex(self.view.currentIndex())
        self.editor.blockSignals(True)
        self.editor.setPlainText(item.data(TEXT_ROLE) if item else "")
        self.editor.blockSignals(False)
        self.editor.setEnabled(item is not None)
        self._show_note(item)

    def _show_note(self, item: QStandardItem | None) -> None:
        rule = item.data(RULE_ROLE) if item else None
        self.note.setText(decree_strings.DECREE_RULE_FROM_TABLE.format(rule=rule.label()) if rule
                          else decree_strings.DECREE_RULE_FREE if item else "")

    def _edited(self) -> None:
        item = self.model.itemFromIndex(self.view.currentIndex())
        if item is None:
            return
        text = self.editor.toPlainText()
        item.setData(text, TEXT_ROLE)
        if item.data(RULE_ROLE) is not None and text != item.data(CITED_ROLE):
            item.setData(None, RULE_ROLE)  # reworded: no longer the rule as the table has it
        self._show_note(item)
        self.changed.emit()


class RulePicker(QDialog):
    """The rules in force, searchable; the one chosen is added to Mengingat."""

    def __init__(self, rules: tuple[LegalRule, ...], as_of: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(decree_strings.DECREE_PICK_TITLE)
        self.rules = rules
        model = QStandardItemModel(self)
        for i, rule in enumerate(rules):
            item = QStandardItem(citation_text(rule))
            item.setData(i, TEXT_ROLE)
            model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(objectName="rulePickerFilter",
                                placeholderText=decree_strings.DECREE_PICK_FILTER)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView(objectName="rulePickerList", wordWrap=True)
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(self.accept)
        buttons = ok_cancel(decree_strings.DECREE_PICK_ADD)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(QLabel(decree_strings.DECREE_PICK_AS_OF.format(as_of=as_of)))
        layout.addWidget(buttons)
        self.resize(640, 420)

    def chosen(self) -> LegalRule | None:
        index = self.view.currentIndex()
        return self.rules[index.data(TEXT_ROLE)] if index.isValid() else None
