"""The lanes (Pelaksana columns) of the edited SOP: add, rename, reorder, remove. The lanes
are shown side by side, wrapped, every one of them in view (nine in three lines)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument

_Index = QModelIndex | QPersistentModelIndex
LaneNameRole = Qt.ItemDataRole.UserRole + 1


class LaneDialogs(Protocol):
    def ask_lane_name(self, title: str, prompt: str, current: str) -> str | None: ...
    def show_error(self, title: str, text: str) -> None: ...


class LaneListModel(QAbstractListModel):
    """One row per lane, in order, with how many steps it holds."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sop: Sop | None = None

    def set_sop(self, sop: Sop | None) -> None:
        self.beginResetModel()
        self._sop = sop
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._sop is None else len(self._sop.roles)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._sop is None:
            return None
        name = self._sop.roles[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = (strings.LANE_STEPS if role == Qt.ItemDataRole.DisplayRole
                    else strings.LANE_STEPS_TIP)
            return text.format(name=name, count=len(edits.steps_in_lane(self._sop, name)))
        if role == LaneNameRole:
            return name
        return None


class LaneChips(QListView):
    """The lanes side by side, wrapped to the width: as tall as its lines, never scrolled."""

    # the lines it needs changed (lanes added or removed, the width changed)
    height_changed = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="laneList")
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._wanted = 0

    def wanted_height(self) -> int:
        """The height that shows every lane at the list's width, laid out as the view does."""
        model, gap = self.model(), 2 * self.spacing()
        width, lines, x = max(self.viewport().width(), 1), 1, 0
        for row in range(model.rowCount() if model else 0):
            item = self.sizeHintForIndex(model.index(row, 0)).width() + gap
            if x and x + item > width:
                lines, x = lines + 1, 0
            x += item
        line = max(self.sizeHintForRow(0), self.fontMetrics().height()) + gap
        return lines * line + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.wanted_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.wanted_height())

    def refit(self) -> None:
        wanted = self.wanted_height()
        if wanted != self._wanted:
            self._wanted = wanted
            self.setFixedHeight(wanted)
            self.height_changed.emit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.refit()


class LanesEditor(QWidget):
    # a lane was added: the user goes on with the steps (the window moves the focus there)
    lane_added = Signal(str)

    def __init__(self, document: SopDocument, dialogs: LaneDialogs, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("lanesEditor")
        self.document = document
        self.dialogs = dialogs
        self.model = LaneListModel(self)
        self.view = LaneChips()
        self.view.setModel(self.model)
        self.buttons = {}
        # the title and the buttons on one line, the lanes under them across the whole width
        header = QHBoxLayout()
        header.setSpacing(2)
        title = QLabel(strings.LANES_TITLE, objectName="lanesTitle")
        title.setStyleSheet("font-weight: bold;")
        # in a narrow window the title gives way, never the buttons or the problems beside
        title.setMinimumWidth(1)
        header.addWidget(title)
        header.addStretch(1)
        for key, text, tip, slot in (
            ("add", strings.LANE_ADD, strings.LANE_ADD_TITLE, self.add_lane),
            ("rename", strings.LANE_RENAME, strings.LANE_RENAME_TITLE, self.rename_lane),
            ("remove", strings.LANE_REMOVE, strings.LANE_REMOVE_TIP, self.remove_lane),
            ("up", strings.LANE_UP, strings.LANE_UP_TIP, lambda: self.move_lane(-1)),
            ("down", strings.LANE_DOWN, strings.LANE_DOWN_TIP, lambda: self.move_lane(1)),
        ):
            button = QToolButton(objectName=f"lane_{key}", text=text, toolTip=tip)
            button.clicked.connect(slot)
            header.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.view)
        layout.addStretch(1)  # beside a tall Masalah, the lanes stay under their title
        self.view.doubleClicked.connect(lambda _i: self.rename_lane())
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected_lane()
        self.model.set_sop(self.document.sop)
        self.view.refit()
        if keep is not None:
            self.select_lane(keep)
        editable = not self.document.read_only
        for button in self.buttons.values():
            button.setEnabled(editable)

    def selected_lane(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(LaneNameRole) if index.isValid() else None

    def select_lane(self, name: str) -> None:
        sop = self.document.sop
        if sop is not None and name in sop.roles:
            self.view.setCurrentIndex(self.model.index(sop.roles.index(name)))

    # the edits -------------------------------------------------------------------------------
    def add_lane(self) -> None:
        name = self.dialogs.ask_lane_name(strings.LANE_ADD_TITLE, strings.LANE_NAME_PROMPT, "")
        if name is not None and self._apply(lambda sop: edits.add_lane(sop, name),
                                            strings.UNDO_ADD_LANE.format(lane=name.strip()),
                                            select=name.strip()):
            self.lane_added.emit(name.strip())

    def rename_lane(self) -> None:
        old = self.selected_lane()
        if old is None or self.document.read_only:
            return
        new = self.dialogs.ask_lane_name(strings.LANE_RENAME_TITLE, strings.LANE_NAME_PROMPT,
                                           old)
        if new is not None:
            self._apply(lambda sop: edits.rename_lane(sop, old, new),
                        strings.UNDO_RENAME_LANE.format(old=old, new=new.strip()),
                        select=new.strip())

    def move_lane(self, delta: int) -> None:
        name, sop = self.selected_lane(), self.document.sop
        if name is None or sop is None:
            return
        self._apply(lambda s: edits.move_lane(s, s.roles.index(name), delta),
                    strings.UNDO_MOVE_LANE.format(lane=name), select=name)

    def remove_lane(self) -> None:
        name = self.selected_lane()
        if name is not None:
            self._apply(lambda sop: edits.remove_lane(sop, name),
                        strings.UNDO_REMOVE_LANE.format(lane=name), select=None,
                        refused_title=strings.LANE_REMOVE_TITLE)

    def _apply(self, edit, text: str, *, select: str | None,
               refused_title: str = strings.EDIT_REFUSED_TITLE) -> bool:
        """Apply one lane edit; False when there was nothing to edit or it was refused."""
        sop = self.document.sop
        if sop is None or self.document.read_only:
            return False
        try:
            after = edit(sop)
        except InputError as exc:
            self.dialogs.show_error(refused_title, str(exc))
            return False
        self.document.apply(after, text)
        if select:
            self.select_lane(select)
        return True
