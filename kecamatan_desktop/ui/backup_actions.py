"""*Berkas → Cadangkan…* and *Pulihkan…*: the backups listed newest first, one restored."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction
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

from kecamatan_desktop.paths import ServerDatabase
from kecamatan_desktop.services import backups
from kecamatan_desktop.services.backups import BackupFile
from kecamatan_desktop.ui import file_dialogs, strings
from kecamatan_desktop.ui.message_boxes import ask_yes_no
from kecamatan_desktop.ui.worker import run_task

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database


def _when(made_at: datetime) -> str:
    return f"{made_at:%d-%m-%Y %H.%M.%S}"


class BackupListModel(QAbstractTableModel):
    def __init__(self, items: list[BackupFile], parent=None) -> None:
        super().__init__(parent)
        self.items = items

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(strings.RESTORE_HEADERS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(item.path)
        return (_when(item.made_at), strings.RESTORE_KINDS.get(item.kind, item.kind),
                f"{item.size / 1024:,.0f} KB".replace(",", "."))[index.column()]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return strings.RESTORE_HEADERS[section]
        return None


class RestoreDialog(QDialog):
    """Lists the backups; `chosen` is the one picked, or another file the user browsed to."""

    def __init__(self, items: list[BackupFile], folder: Path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(strings.RESTORE_TITLE)
        self.folder = folder
        self.chosen: Path | None = None
        self.model = BackupListModel(items, self)
        self.table = QTableView(objectName="backupList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        intro = strings.RESTORE_INTRO if items else strings.RESTORE_NONE.format(folder=folder)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(strings.RESTORE_CHOSEN,
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = buttons.addButton(strings.RESTORE_OTHER,
                                              QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(strings.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setEnabled(bool(items))
        self.restore_button.clicked.connect(self._take_selected)
        self.other_button.clicked.connect(self._take_other)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(intro, wordWrap=True))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        if items:
            self.table.selectRow(0)
        self.resize(560, 360)

    def _take_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen = self.model.items[rows[0].row()].path
            self.accept()

    def _take_other(self) -> None:
        path = self.ask_other_file()
        if path is not None:
            self.chosen = path
            self.accept()

    def ask_other_file(self) -> Path | None:
        return file_dialogs.ask_open_path(self, strings.RESTORE_TITLE, strings.BACKUP_FILTER,
                                          kind=file_dialogs.BACKUPS, first=self.folder)


class BackupActions(QObject):
    """The two menu actions; `window` is the main window (unsaved edits, refresh, messages)."""

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self.db = db
        self.window = window
        self.backup_action = QAction(strings.ACTION_BACKUP, window, objectName="actionBackup")
        self.restore_action = QAction(strings.ACTION_RESTORE, window,
                                      objectName="actionRestore")
        self.backup_action.triggered.connect(self.backup)
        self.restore_action.triggered.connect(self.restore)
        # a server database in use is never overwritten: its copies load into a new one
        self.restore_action.setEnabled(not db.read_only
                                       and not isinstance(db.path, ServerDatabase))
        self.task = None  # the last backup started; tests wait on it

    def backup(self):
        """Copy the database to the chosen file off the GUI thread (a large file takes a
        while); returns the running task (`self.task`)."""
        suggested = backups.backup_name(self.db.path, "manual")
        try:
            suggested.parent.mkdir(parents=isinstance(self.db.path, ServerDatabase),
                                   exist_ok=True)
        except OSError:
            if isinstance(self.db.path, Path):
                suggested = self.db.path.parent / suggested.name
        target = self.ask_backup_path(suggested)
        if target is None:
            return None
        self.task = run_task(
            self.window, lambda progress: backups.backup_to(self.db.path, target,
                                                            progress=progress),
            title=strings.BACKUP_TITLE, label=strings.BACKUP_WRITING.format(path=target),
            done=lambda path: self.window.show_info(strings.BACKUP_TITLE,
                                                    strings.BACKUP_DONE.format(path=path)),
            failed=lambda text: self.window.show_error(strings.BACKUP_FAILED, text))
        return self.task

    def restore(self):
        """Restore the chosen backup over the open database, off the GUI thread (checking
        and copying a large file takes a while); returns the running task (`self.task`).
        The window's polling stops meanwhile: the file is being replaced under it."""
        if not self.window.sop_editing.resolve_unsaved():
            return None
        items = backups.list_backups(self.db.path)
        source = self.choose_backup(items)
        if source is None:
            return None
        item = next((b for b in items if b.path == source), None)
        when = _when(item.made_at) if item else source.name
        if not self.confirm_restore(source, when):
            return None
        poll = self.window.hub.poll
        poll.stop()

        def done(restored) -> None:  # the views have read everything again (the hub)
            self.window.sop_editing.open_sop(self.window.selected_sop_id())
            previous = restored.previous.path if restored.previous else "-"
            told = strings.RESTORE_DONE.format(path=source, previous=previous)
            # code the backup carried (a trigger, a view), named by the store, not restored
            told = "\n".join((told, *restored.left_behind))
            self.window.show_info(strings.RESTORE_TITLE, told)

        self.task = run_task(
            self.window, lambda progress: backups.restore_into(self.db, source),
            title=strings.RESTORE_TITLE, label=strings.RESTORE_RUNNING.format(path=source),
            done=done, failed=lambda text: self.window.show_error(strings.RESTORE_FAILED, text))
        self.task.ended.connect(poll.start)
        return self.task

    # dialogs: small methods that tests replace ------------------------------------------------
    def ask_backup_path(self, suggested: Path) -> Path | None:
        return file_dialogs.ask_save_path(self.window, strings.BACKUP_TITLE, suggested.name,
                                          strings.BACKUP_FILTER, kind=file_dialogs.BACKUPS,
                                          first=suggested.parent)

    def choose_backup(self, items: list[BackupFile]) -> Path | None:
        dialog = RestoreDialog(items, backups.backups_dir(self.db.path), self.window)
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm_restore(self, source: Path, when: str) -> bool:
        return ask_yes_no(self.window, strings.RESTORE_TITLE,
                          strings.RESTORE_CONFIRM.format(when=when, path=source))
