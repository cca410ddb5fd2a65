"""A cell of the step table being typed in: Enter stores it and goes down, and anything the
user does elsewhere stores it first, so nothing typed is lost to a button or a shortcut."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QMenu,
    QStyledItemDelegate,
    QWidget,
)


class EditingTable(Protocol):
    def holds(self, widget: QWidget) -> bool: ...
    def commit_open_edit(self) -> None: ...


class CellDelegate(QStyledItemDelegate):
    """Text cells: Enter stores the cell and goes down a row, as in a spreadsheet."""

    # a cell's editor was made: the table watches it until it closes
    editor_opened = Signal(QWidget)
    # Enter stored the cell: the table moves to the row below
    entered = Signal()

    def createEditor(self, parent: QWidget, option, index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        self.editor_opened.emit(editor)
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.entered.emit()
            return True
        return super().eventFilter(editor, event)


class OpenEditGuard(QObject):
    """While a cell's editor is open, whatever the user does elsewhere in the program first
    stores the cell as an edit of its own: a press anywhere outside it (a toolbar or lane
    button, a menu, a tab, a decision list, the SOP list), a shortcut (Ctrl+S, Ctrl+P,
    Ctrl+Enter, Alt+↑), a menu opening. Watching only while an editor is open."""

    PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)

    def __init__(self, table: EditingTable) -> None:
        super().__init__(table)
        self.table = table
        self.watching = False

    def watch(self, on: bool) -> None:
        app = QApplication.instance()
        if on and not self.watching:
            app.installEventFilter(self)
        elif self.watching and not on:
            app.removeEventFilter(self)
        self.watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Shortcut:
            leaving = True
        elif kind in self.PRESSES and isinstance(watched, QWidget):
            # a press in an open popup (the cell's own context menu) belongs to that popup
            leaving = QApplication.activePopupWidget() is None and not self.table.holds(watched)
        else:
            leaving = (kind == QEvent.Type.Show and isinstance(watched, QMenu)
                       and not self.table.holds(watched))
        if leaving:
            self.table.commit_open_edit()
        return False
