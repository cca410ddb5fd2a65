"""Opening the database at start; one that will not open gets a dialog with the ways out."""

from __future__ import annotations

import logging
from enum import Enum, auto
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from kecamatan_desktop.domain.errors import DatabaseUnusable, InputError, StoreError
from kecamatan_desktop.paths import ServerDatabase, as_location
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.ui import file_dialogs, strings

if TYPE_CHECKING:
    from kecamatan_desktop.services.backups import WaysOut
    from kecamatan_desktop.services.session import Database

log = logging.getLogger(__name__)


class WayOut(Enum):
    RESTORE = auto()
    READ_ONLY = auto()
    RETRY = auto()
    CHOOSE_OTHER = auto()
    QUIT = auto()


class DatabaseOpener:
    """Tries to open, asks what to do when that fails, and tries again until it works or
    the user quits. Never makes a new database in place of one that is missing or broken."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        self.path = as_location(path)
        self.parent = parent

    def open(self, *, read_only: bool = False) -> Database | None:
        from kecamatan_desktop.services import backups  # the SQL side: only when opening

        path = self.path
        while True:
            try:
                db = open_catalogue(path, read_only=read_only)
                self.path = path
                return db
            except DatabaseUnusable as exc:
                log.warning("database refused at start: %s", exc)
                message, ways = str(exc), backups.ways_out(exc)
            except StoreError as exc:  # e.g. a migration that refused the data
                log.warning("database failed at start: %s", exc)
                # a server may be back in a moment (switched on, the network restored)
                message, ways = str(exc), backups.WaysOut(
                    None, False, retry=isinstance(path, ServerDatabase))
            choice = self.ask_way_out(message, ways)
            if choice is WayOut.RESTORE and ways.latest_backup is not None:
                try:
                    backups.restore_over(path, ways.latest_backup.path)
                except (InputError, StoreError) as exc:
                    self.show_error(str(exc))
            elif choice is WayOut.READ_ONLY:
                read_only = True
            elif choice is WayOut.CHOOSE_OTHER:
                other = self.ask_other_file()
                if other is not None:
                    path, read_only = other, False
            elif choice is WayOut.QUIT:
                return None

    # dialogs: small methods that tests replace ------------------------------------------------
    def ask_way_out(self, message: str, ways: WaysOut) -> WayOut:
        box = QMessageBox(QMessageBox.Icon.Critical, strings.DB_ERROR_TITLE, message,
                          parent=self.parent)
        box.setInformativeText(strings.DB_WAY_OUT_QUESTION)
        buttons = {}
        if ways.latest_backup is not None:
            when = f"{ways.latest_backup.made_at:%d-%m-%Y %H.%M}"
            buttons[box.addButton(strings.DB_WAY_RESTORE.format(when=when),
                                  QMessageBox.ButtonRole.AcceptRole)] = WayOut.RESTORE
        if ways.read_only:
            buttons[box.addButton(strings.DB_WAY_READ_ONLY,
                                  QMessageBox.ButtonRole.AcceptRole)] = WayOut.READ_ONLY
        if ways.retry:
            buttons[box.addButton(strings.DB_WAY_RETRY,
                                  QMessageBox.ButtonRole.AcceptRole)] = WayOut.RETRY
        buttons[box.addButton(strings.DB_WAY_OTHER,
                              QMessageBox.ButtonRole.ActionRole)] = WayOut.CHOOSE_OTHER
        buttons[box.addButton(strings.DB_WAY_QUIT,
                              QMessageBox.ButtonRole.RejectRole)] = WayOut.QUIT
        box.exec()
        return buttons.get(box.clickedButton(), WayOut.QUIT)

    def ask_other_file(self) -> Path | None:
        folder = self.path.parent if isinstance(self.path, Path) else None
        return file_dialogs.ask_open_path(self.parent, strings.DB_OPEN_OTHER,
                                          strings.BACKUP_FILTER, kind=file_dialogs.DATABASES,
                                          first=folder)

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self.parent, strings.RESTORE_FAILED, text)


class BackgroundOpen(QThread):
    """Start-up beside the first paint: imports the modules the whole window needs and opens
    the database (migration, daily backup) off the GUI thread. `done` carries the Database,
    or the StoreError to take through DatabaseOpener's ways out on the GUI thread."""

    done = Signal(object)

    def __init__(self, path: Path, *, read_only: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.path, self.read_only = as_location(path), read_only
        self.result: object = None  # also kept here: the window may close before `done` lands

    def run(self) -> None:
        try:
            _load_window_modules()
            self.result = open_catalogue(self.path, read_only=self.read_only)
        except StoreError as exc:
            self.result = exc
        except Exception as exc:  # noqa: BLE001 - told through the opener's dialog, logged
            log.exception("opening the database at start failed")
            self.result = StoreError(f"Basis data {self.path} tidak dapat dibuka: {exc}")
        self.done.emit(self.result)


def _load_window_modules() -> None:
    """Import what MainWindow.attach builds from: SQLAlchemy, the services, the editor, the rounds.
    Safe off the GUI thread (imports only), so start-up runs it beside the first paint."""
    from kecamatan_desktop.services import catalogue  # noqa: F401
    from kecamatan_desktop.ui import (  # noqa: F401
        backup_actions,
        interchange_actions,
        office_profile,
        printing_actions,
    )
    from kecamatan_desktop.ui.editor import (  # noqa: F401
        identity_page,
        procedure_editor,
        revision_history,
        sop_editing,
    )
    from kecamatan_desktop.ui.flowchart import panel  # noqa: F401
    from kecamatan_desktop.ui.rounds import workspace  # noqa: F401
