"""The lanes (Pelaksana columns) of the edited SOP: add, rename, reorder, remove."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QListView, QPushButton

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument

_Index = QModelIndex | QPersistentModelIndex
LaneNameRole = Qt.ItemDataRole.UserRole + 1
LIST_LINES = 4


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
        if role == Qt.ItemDataRole.DisplayRole:
            return strings.LANE_STEPS.format(name=name,
                                             count=len(edits.steps_in_lane(self._sop, name)))
        if role == LaneNameRole:
            return name
        return None


class LanesEditor(QGroupBox):
    def __init__(self, document: SopDocument, dialogs: LaneDialogs, parent=None) -> None:
        super().__init__(strings.LANES_TITLE, parent)
        self.setObjectName("lanesEditor")
        self.document = document
        self.dialogs = dialogs
        self.model = LaneListModel(self)
        self.view = QListView(objectName="laneList")
        self.view.setModel(self.model)
        self.buttons = {}
        # the list beside its buttons: the lanes take five lines of the tab, not nine
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setVerticalSpacing(2)
        self.view.setMaximumHeight(LIST_LINES * self.view.fontMetrics().lineSpacing() + 8)
        layout.addWidget(self.view, 0, 0, 2, 1)
        layout.setColumnStretch(0, 1)
        self.view.setMinimumWidth(190)
        for i, (key, text, slot) in enumerate((
            ("add", strings.LANE_ADD, self.add_lane),
            ("rename", strings.LANE_RENAME, self.rename_lane),
            ("remove", strings.LANE_REMOVE, self.remove_lane),
            ("up", strings.LANE_UP, lambda: self.move_lane(-1)),
            ("down", strings.LANE_DOWN, lambda: self.move_lane(1)),
        )):
            button = QPushButton(text, objectName=f"lane_{key}")
            button.clicked.connect(slot)
            layout.addWidget(button, i // 3, 1 + i % 3)
            self.buttons[key] = button
        self.view.doubleClicked.connect(lambda _i: self.rename_lane())
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected_lane()
        self.model.set_sop(self.document.sop)
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
        if name is not None:
            self._apply(lambda sop: edits.add_lane(sop, name),
                        strings.UNDO_ADD_LANE.format(lane=name.strip()), select=name.strip())

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
               refused_title: str = strings.EDIT_REFUSED_TITLE) -> None:
        sop = self.document.sop
        if sop is None or self.document.read_only:
            return
        try:
            after = edit(sop)
        except InputError as exc:
            self.dialogs.show_error(refused_title, str(exc))
            return
        self.document.apply(after, text)
        if select:
            self.select_lane(select)
