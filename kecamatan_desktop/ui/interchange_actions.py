"""*Berkas → Impor…* and *Ekspor…*: SOPs in and out as sop-ap/1 files. An import reads and
checks the files off the GUI thread, asks before replacing, then stores them in a second
task; `window` gives the dialogs, the messages and the selection."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.worker import Task, run_task

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database


class InterchangeActions(QObject):
    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self.db = db
        self.window = window
        self.task: Task | None = None  # the last one started; tests wait on it
        self.import_action = QAction(strings.ACTION_IMPORT, window, shortcut=QKeySequence.Open)
        self.export_action = QAction(strings.ACTION_EXPORT, window,
                                     shortcut=QKeySequence.SaveAs)
        self.import_action.triggered.connect(self.import_files)
        self.export_action.triggered.connect(self.export_current)

    def import_files(self) -> Task | None:
        window = self.window
        if not window.sop_editing.resolve_unsaved():
            return None
        paths = window.ask_import_paths()
        if not paths:
            return None

        def read(progress):
            sops = catalogue.read_sop_files(paths)
            existing = {s.id for s in call(self.db, catalogue.list_sops, include_archived=True)}
            return sops, sorted(existing & {sop.id for sop in sops})

        def checked(found) -> None:
            sops, clash = found
            if clash and not window.ask_replace(clash):
                return
            # an SOP another PC added meanwhile is refused by the import as a clash
            self.task = run_task(
                window, lambda progress: call(self.db, catalogue.import_sops, sops,
                                              replace=bool(clash)),
                title=strings.IMPORT_TITLE, label=strings.IMPORT_STORING.format(count=len(sops)),
                done=self._imported, failed=failed)

        def failed(text: str) -> None:
            window.show_error(strings.IMPORT_FAILED, text)

        self.task = run_task(window, read, title=strings.IMPORT_TITLE,
                             label=strings.IMPORT_READING.format(count=len(paths)),
                             done=checked, failed=failed)
        return self.task

    def _imported(self, result) -> None:
        if result.added or result.revised:
            self.window.select_sop((result.added or result.revised)[0])
        self.window.show_info(strings.IMPORT_TITLE, strings.IMPORT_DONE.format(
            added=len(result.added), revised=len(result.revised)))

    def export_current(self) -> None:
        window = self.window
        sop_id = window.selected_sop_id()
        if sop_id is None:
            window.show_info(strings.EXPORT_TITLE, strings.EXPORT_NOTHING)
            return
        path = window.ask_export_path(f"{sop_id}.json")
        if not path:
            return
        try:
            text = call(self.db, catalogue.export_sop, sop_id)
            Path(path).write_text(text, encoding="utf-8")
        except (InputError, StoreError, OSError) as exc:
            window.show_error(strings.EXPORT_FAILED, str(exc))
            return
        window.show_info(strings.EXPORT_TITLE, strings.EXPORT_DONE.format(id=sop_id, path=path))
