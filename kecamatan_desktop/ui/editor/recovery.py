"""Autosave: while the SOP on screen has unsaved edits, they are written every minute to a
recovery file in the user's data folder, which goes when the edits are saved or discarded or
the window closes normally. A file still there at the next start was left by a program that
stopped without closing (a crash, a power cut): its edits are offered back."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from kecamatan_desktop.domain.recovery_file import Recovery, RecoveryFileError, decode, encode
from kecamatan_desktop.domain.tanggal import format_waktu
from kecamatan_desktop.domain.zones import WIB
from kecamatan_desktop.export.atomic import replacing_one
from kecamatan_desktop.paths import data_folder
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument
from kecamatan_desktop.ui.message_boxes import ask_choice

INTERVAL_MS = 60_000  # a crash loses at most the last minute's edits
log = logging.getLogger(__name__)


def recovery_folder() -> Path:
    """The user's data folder (on Windows %LOCALAPPDATA%\\KecamatanDesktop)."""
    return data_folder()


def recovery_path(database: str, folder: Path | None = None) -> Path:
    """One file per database: two windows on two databases never share one."""
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:12]
    return (folder or recovery_folder()) / f"pemulihan-{digest}.json"


class RecoveryDialogs(Protocol):
    def show_error(self, title: str, text: str) -> None: ...
    def show_info(self, title: str, text: str) -> None: ...


class Autosave(QObject):
    """Writes the document's unsaved edits to `path` every INTERVAL_MS; offers a file left
    behind back (`offer`) through `open_sop` (shows an SOP as the list selecting it would)."""

    def __init__(self, document: SopDocument, database: str, path: Path,
                 dialogs: RecoveryDialogs, open_sop: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.database = database
        self.path = path
        self.dialogs = dialogs
        self.open_sop = open_sop
        self.parent_widget = parent
        self.written: Recovery | None = None  # the last edits written, not written again
        self.timer = QTimer(self, interval=INTERVAL_MS, objectName="autosaveTimer")
        self.timer.timeout.connect(self.write_now)
        document.changed.connect(self._follow)

    def _unsaved(self) -> bool:
        doc = self.document
        return doc.sop is not None and doc.is_modified and not doc.read_only

    def _follow(self) -> None:
        if self._unsaved():
            if not self.timer.isActive():  # a minute after the first unsaved edit
                self.timer.start()
        elif self.timer.isActive():  # saved, discarded, undone, another SOP opened
            # (only then: a file a crash left stays until `offer` has asked about it)
            self.timer.stop()
            self.remove()

    def write_now(self) -> bool:
        """Write the unsaved edits (True), or remove the file when there are none."""
        if not self._unsaved():
            self.remove()
            return False
        doc = self.document
        assert doc.sop is not None
        based_on = doc.saved.id if doc.saved is not None else doc.sop.id
        if (self.written is not None and self.written.sop == doc.sop
                and self.path.exists()):
            return True
        recovery = Recovery(sop=doc.sop, sop_id=based_on, base_revision=doc.current_revision,
                            database=self.database, written_at=datetime.now(UTC))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with replacing_one(self.path) as temp:
                temp.write_text(encode(recovery), encoding="utf-8")
        except OSError as exc:  # a full or read-only disk: the edits are still on screen
            log.warning("recovery file %s not written: %s", self.path, exc)
            return False
        self.written = recovery
        return True

    def remove(self) -> None:
        self.written = None
        try:
            os.remove(self.path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("recovery file %s not removed: %s", self.path, exc)

    def stop(self) -> None:
        """The window closes normally: nothing is left to recover."""
        self.timer.stop()
        self.remove()

    # at the start ------------------------------------------------------------------------------
    def offer(self) -> bool:
        """Edits left by a program that stopped without closing: restore them as unsaved
        edits of their SOP (True), or discard them as the user chooses. A file that cannot be
        read is told in one line and removed."""
        if not self.path.exists():
            return False
        try:
            recovery = decode(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, RecoveryFileError) as exc:
            log.warning("recovery file %s unreadable: %s", self.path, exc)
            self.remove()
            self.dialogs.show_error(strings.RECOVERY_TITLE, strings.RECOVERY_UNREADABLE)
            return False
        if not self.ask_restore(recovery):
            self.remove()
            return False
        return self._restore(recovery)

    def _restore(self, recovery: Recovery) -> bool:
        self.open_sop(recovery.sop_id)
        doc = self.document
        if doc.sop is None or doc.saved is None or doc.saved.id != recovery.sop_id \
                or doc.read_only:
            self.remove()
            self.dialogs.show_error(strings.RECOVERY_TITLE, strings.RECOVERY_GONE.format(
                name=recovery.sop.name, id=recovery.sop_id))
            return False
        doc.apply(recovery.sop, strings.UNDO_RECOVERED)
        self.write_now()  # the file now holds what is on screen, as any autosave
        if doc.current_revision != recovery.base_revision:
            self.dialogs.show_info(strings.RECOVERY_TITLE, strings.RECOVERY_NEWER.format(
                name=recovery.sop.name, base=recovery.base_revision,
                current=doc.current_revision))
        return True

    # dialogs: small methods that tests replace ------------------------------------------------
    def ask_restore(self, recovery: Recovery) -> bool:
        role = QMessageBox.ButtonRole
        text = strings.RECOVERY_QUESTION.format(
            name=recovery.sop.name, revision=recovery.base_revision,
            at=format_waktu(recovery.written_at, WIB))
        return ask_choice(self.parent_widget, strings.RECOVERY_TITLE, text,
                          [(strings.RECOVERY_RESTORE, role.AcceptRole, True),
                           (strings.RECOVERY_DISCARD, role.DestructiveRole, False)], True)
