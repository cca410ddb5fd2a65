"""The Pelaksana cell's editor: a list of the SOP's lanes that narrows as the user types and
fills the cell only on Enter, Tab or a click on a lane (Esc leaves it as it was). A step drawn
in several lanes: Ctrl+Space or Ctrl+click ticks each, and Enter fills the cell with the
lanes ticked, in lane order."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain import edits
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.cell_editing import CellDelegate
from kecamatan_desktop.ui.editor.document import SopDocument

# every lane of a step (a tuple), as the step table gives it to the picker
LanesRole = Qt.ItemDataRole.UserRole + 1
MIN_WIDTH = 220
MAX_LINES = 10
_MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5,
          Qt.Key.Key_PageUp: -5}


class TickedLanes(QStringListModel):
    """The lanes matching, each with a tick when it is among `ticked`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ticked: set[str] = set()

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid():
            return (Qt.CheckState.Checked if index.data() in self.ticked
                    else Qt.CheckState.Unchecked)
        return super().data(index, role)

    def toggle(self, lane: str) -> None:
        self.ticked ^= {lane}
        if lane in self.stringList():
            row = self.stringList().index(lane)
            self.dataChanged.emit(self.index(row), self.index(row),
                                  [Qt.ItemDataRole.CheckStateRole])


class LanePicker(QFrame):
    """A filter line over the matching lanes, the best match highlighted."""

    # the user chose `choice`: "enter", "next" (Tab), "previous" (Shift+Tab) or "click"
    chosen = Signal(str)
    # Esc, or the focus went elsewhere: the cell keeps its lane
    cancelled = Signal()

    def __init__(self, roles: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lanePicker")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)  # it lies over the rows below its cell
        self.roles = roles
        # one lane, or the lanes ticked in lane order (a step drawn in several)
        self.choice: str | tuple[str, ...] | None = None
        self._done = False  # chosen or cancelled: once only, however the editor then closes
        self._current = ""
        self.typed = QLineEdit(objectName="laneFilter", placeholderText=
                               strings.LANE_FILTER_PLACEHOLDER, toolTip=strings.LANE_FILTER_TIP)
        self.matches = TickedLanes(self)
        self.list = QListView(objectName="laneMatches")
        self.list.setModel(self.matches)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the filter line
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nothing = QLabel(objectName="laneNoMatch", wordWrap=True)
        self.nothing.hide()
        self.picked = QLabel(objectName="lanesTicked", wordWrap=True)
        self.picked.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(1)
        for widget in (self.typed, self.list, self.nothing, self.picked):
            layout.addWidget(widget)
        self.setFocusProxy(self.typed)
        self.typed.installEventFilter(self)
        self.typed.textChanged.connect(self._narrow)
        self.list.clicked.connect(self._clicked)
        self._click_x, self._click_ctrl = 1 << 20, False  # where the last click was let go
        self.list.viewport().installEventFilter(self)
        self._narrow("")

    # what is shown ---------------------------------------------------------------------------
    def set_current(self, lanes: str | tuple[str, ...]) -> None:
        """The cell's lane, highlighted while nothing is typed; a step's several lanes are
        ticked."""
        lanes = (lanes,) if isinstance(lanes, str) else tuple(lanes)
        self._current = lanes[0] if lanes else ""
        self.matches.ticked = set(lanes) if len(lanes) > 1 else set()
        self._narrow(self.typed.text())
        self._show_ticked()

    def ticked(self) -> tuple[str, ...]:
        """The lanes ticked, in lane order."""
        return tuple(lane for lane in self.roles if lane in self.matches.ticked)

    def toggle(self, lane: str | None) -> None:
        """Tick the lane, or take its tick away."""
        if lane is not None and not self._done:
            self.matches.toggle(lane)
            self._show_ticked()

    def _show_ticked(self) -> None:
        ticked = self.ticked()
        self.picked.setVisible(bool(ticked))
        self.picked.setText(strings.LANE_PICKED.format(
            lanes=strings.STEP_LANES_SEPARATOR.join(ticked)))

    def _clicked(self, index) -> None:
        """A click on a lane fills the cell with it alone; on its tick box or with Ctrl, it
        ticks it."""
        rect = self.list.visualRect(index)
        box = self.list.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6
        if self._click_ctrl or self._click_x < rect.left() + box:
            self.toggle(index.data())
        else:
            self._choose(index.data(), "click")

    def highlighted(self) -> str | None:
        index = self.list.currentIndex()
        return index.data() if index.isValid() else None

    def _narrow(self, typed: str) -> None:
        found = edits.lanes_matching(self.roles, typed)
        self.matches.setStringList(found)
        self.list.setVisible(bool(found))
        self.nothing.setVisible(not found)
        self.nothing.setText(strings.LANE_NO_MATCH.format(typed=typed.strip()))
        if found:
            row = found.index(self._current) if not typed.strip() and self._current in found else 0
            self.list.setCurrentIndex(self.matches.index(row))

    def place(self, cell: QRect, area: QRect) -> None:
        """Over its cell and below it (above when the rows below are too few), as wide as a
        lane's name needs, every lane in view when the table has the height."""
        lines = max(1, min(len(self.roles), MAX_LINES))
        height = (self.typed.sizeHint().height() + lines * max(self.list.sizeHintForRow(0), 18)
                  + 2 * self.list.frameWidth() + 4)
        height = min(height, area.height())
        width = min(max(cell.width(), MIN_WIDTH), area.width())
        x = min(cell.left(), area.right() + 1 - width)
        y = min(cell.top(), area.bottom() + 1 - height)
        self.setGeometry(max(x, area.left()), max(y, area.top()), width, height)

    # keys ------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            self._click_x = int(event.position().x())
            self._click_ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if watched is self.typed and event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        if watched is self.typed and event.type() == QEvent.Type.FocusOut:
            # looked at once the event is over: the table takes the focus when it closes
            # this editor itself, and that is no cancelling
            QTimer.singleShot(0, self, self._focus_left)
        return super().eventFilter(watched, event)

    def _focus_left(self) -> None:
        """The focus taken elsewhere in the window (not by another window): Esc, in effect."""
        focus = QApplication.focusWidget()
        if self.isVisible() and self.isActiveWindow() and (
                focus is None or not self.isAncestorOf(focus)):
            self._cancel()

    def settle(self) -> None:
        """Closed by the table (its cell stored or left): nothing more to say."""
        self._done = True

    def _cancel(self) -> None:
        if not self._done:
            self._done = True
            self.cancelled.emit()

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _MOVES:
            count = self.matches.rowCount()
            if count:
                row = self.list.currentIndex().row() + _MOVES[key]
                self.list.setCurrentIndex(self.matches.index(max(0, min(row, count - 1))))
            return True
        if key == Qt.Key.Key_Space and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.toggle(self.highlighted())
            return True
        # the lanes ticked, if any; else the lane highlighted
        chosen = self.ticked() or self.highlighted()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(chosen, "enter")
            return True
        if key == Qt.Key.Key_Tab:
            self._choose(chosen, "next")
            return True
        if key == Qt.Key.Key_Backtab:
            self._choose(chosen, "previous")
            return True
        if key == Qt.Key.Key_Escape:
            self._cancel()
            return True
        return False

    def _choose(self, lane: str | tuple[str, ...] | None, how: str) -> None:
        # with nothing matching, Enter and Tab do nothing: the message under the line says why
        if lane is not None and not self._done:
            self._done = True
            self.choice = lane[0] if isinstance(lane, tuple) and len(lane) == 1 else lane
            self.chosen.emit(how)


class LaneDelegate(CellDelegate):
    """The Pelaksana cell is filled from the SOP's lanes, narrowed by what is typed."""

    HINTS = {"next": QAbstractItemDelegate.EndEditHint.EditNextItem,
             "previous": QAbstractItemDelegate.EndEditHint.EditPreviousItem}

    def __init__(self, document: SopDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document

    def createEditor(self, parent: QWidget, option, index) -> QWidget:
        picker = LanePicker(self.document.sop.roles if self.document.sop else (), parent)
        picker.chosen.connect(lambda how, p=picker: self._chosen(p, how))
        picker.cancelled.connect(lambda p=picker: self.closeEditor.emit(
            p, QAbstractItemDelegate.EndEditHint.RevertModelCache))
        self.editor_opened.emit(picker)
        return picker

    def _chosen(self, picker: LanePicker, how: str) -> None:
        self.commitData.emit(picker)
        self.closeEditor.emit(picker, self.HINTS.get(
            how, QAbstractItemDelegate.EndEditHint.NoHint))
        if how == "enter":
            self.entered.emit()

    def setEditorData(self, editor: QWidget, index) -> None:
        assert isinstance(editor, LanePicker)
        editor.set_current(index.data(LanesRole) or index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model, index) -> None:
        assert isinstance(editor, LanePicker)
        if editor.choice is not None:  # only a lane the user chose; a filter half typed is not
            model.setData(index, editor.choice, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option, index) -> None:
        assert isinstance(editor, LanePicker)
        editor.place(option.rect, editor.parentWidget().rect())
