"""Loading, saving and revising SOPs for the editor: services and dialogs, no widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.domain.flow import flow_problems
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.tanggal import format_tanggal
from kecamatan_desktop.services import catalogue, editing, printing
from kecamatan_desktop.services.catalogue import StoredSop
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument
from kecamatan_desktop.ui.editor.lanes_editor import LaneDialogs
from kecamatan_desktop.ui.editor.new_sop_dialog import NewSopRequest

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

T = TypeVar("T")


class UnsavedAnswer(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class EditorDialogs(LaneDialogs, Protocol):
    """The modal questions the editor asks; the main window answers them (tests replace it)."""

    def ask_unsaved_changes(self, name: str) -> UnsavedAnswer: ...
    def ask_save_draft(self, problems: list[str]) -> bool: ...
    def ask_new_sop(self, offices: list[str], current: str | None) -> NewSopRequest | None: ...
    def ask_duplicate(self, name: str, office: str, suggested: str,
                      offices: list[str]) -> NewSopRequest | None: ...
    def confirm_delete(self, name: str, sop_id: str) -> bool: ...
    def confirm_archive_instead(self, name: str, sop_id: str, rounds: int) -> bool: ...
    def show_info(self, title: str, text: str) -> None: ...


class SopEditing(QObject):
    """Keeps the document in step with the catalogue: open, save, discard, create, delete."""

    # the revisions of the SOP on screen and which one is shown
    history_changed = Signal(list, int)
    # before deciding whether there is anything to save: views commit what is still typed
    about_to_check = Signal()
    # after a save: what was saved, and what became of Tanggal Revisi (for the status bar)
    saved = Signal(str)

    def __init__(self, db: Database, document: SopDocument, dialogs: EditorDialogs,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.document = document
        self.dialogs = dialogs

    @property
    def sop_id(self) -> str | None:
        return self.document.sop.id if self.document.sop else None

    # opening ---------------------------------------------------------------------------------
    def open_sop(self, sop_id: str | None, revision: int | None = None) -> None:
        """Show `sop_id` (its current revision, or `revision` read-only); None shows nothing."""
        stored, history = None, []
        if sop_id is not None:
            try:
                opened = call(self.db, editing.open_sop, sop_id, revision=revision)
                stored, history = opened.stored, opened.history
            except (InputError, StoreError) as exc:
                self.dialogs.show_error(strings.DB_ERROR_TITLE, str(exc))
        self.document.load(stored)
        self.history_changed.emit(history, stored.revision if stored else 0)

    def open_revision(self, revision: int) -> None:
        if self.sop_id is not None and self.resolve_unsaved():
            self.open_sop(self.sop_id, revision)

    def back_to_current(self) -> None:
        if self.sop_id is not None:
            self.open_sop(self.sop_id)

    def refresh_if_stale(self, sop_id: str) -> bool:
        """Reopen `sop_id` if it got a revision, or was archived or brought back, elsewhere
        (an import, another PC); show nothing when it is gone. False when the database could
        not be asked (busy for a moment): the SOP stays as shown, to be asked again."""
        if sop_id != self.sop_id:
            return True
        try:
            stored = call(self.db, catalogue.get_sop, sop_id)
        except StoreError:
            return False
        except InputError:  # deleted
            self.open_sop(None)
            return True
        if (stored.current_revision, stored.archived) != (self.document.current_revision,
                                                          self.document.archived):
            self.open_sop(sop_id)
        return True

    # saving ----------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the edits as a new revision (a draft if the user accepts one); True if done."""
        self.about_to_check.emit()
        doc = self.document
        if doc.sop is None or doc.read_only:
            return True
        if not doc.is_modified:
            self.dialogs.show_info(strings.SAVE_TITLE, strings.SAVE_UNCHANGED)
            return True
        problems = [p.message for p in flow_problems(doc.sop)]
        if problems and not self.dialogs.ask_save_draft(problems):
            return False
        try:
            opened = call(self.db, editing.save_and_open, doc.sop, draft=bool(problems),
                          base_revision=doc.current_revision, note=doc.save_note)
        except (InputError, StoreError) as exc:
            self.dialogs.show_error(strings.SAVE_FAILED, str(exc))
            return False
        revised = (doc.saved.revised if doc.saved else None, doc.sop.revised)
        doc.mark_saved(opened.stored)
        self.history_changed.emit(opened.history, opened.stored.revision)
        self.saved.emit(self._saved_text(opened.stored, *revised))
        return True

    def _saved_text(self, stored: StoredSop, before: date | None, edited: date | None) -> str:
        """What the save did, Tanggal Revisi in the office's own way of writing dates."""
        try:
            profile = call(self.db, printing.office_profile, stored.sop.office.name)
        except StoreError:
            profile = None
        revised = (profile.tanggal if profile else format_tanggal)(stored.sop.revised)
        if stored.is_draft:
            text = strings.SAVED_DRAFT if edited == before else strings.SAVED_DRAFT_DATED
        elif stored.sop.revised != edited:
            text = strings.SAVED_REVISED_TODAY
        else:
            text = strings.SAVED_REVISION
        return text.format(revision=stored.revision, revised=revised)

    def unsaved_edits(self) -> Sop | None:
        """The SOP as edited on screen when it differs from its saved revision (what is still
        typed in a cell counted), else None."""
        self.about_to_check.emit()
        doc = self.document
        return doc.sop if doc.is_modified and not doc.read_only else None

    def resolve_unsaved(self) -> bool:
        """Ask Simpan / Buang / Batal when there are unsaved edits; False means stay."""
        self.about_to_check.emit()
        doc = self.document
        if not doc.is_modified or doc.read_only:
            return True
        assert doc.sop is not None
        answer = self.dialogs.ask_unsaved_changes(doc.sop.name)
        if answer == UnsavedAnswer.SAVE:
            return self.save()
        if answer == UnsavedAnswer.DISCARD:
            self.open_sop(doc.sop.id)
            return True
        return False

    # the catalogue ---------------------------------------------------------------------------
    def new_sop(self, offices: list[str]) -> str | None:
        """Ask for id, name and office, create the SOP; its id, or None if nothing was made."""
        if not self.resolve_unsaved():
            return None
        office = self.document.sop.office.name if self.document.sop else None
        request = self.dialogs.ask_new_sop(offices, office)
        if request is None:
            return None
        made = self._write(editing.create_sop, request.sop_id, request.name, request.office)
        return made.id if made else None

    def duplicate_sop(self, offices: list[str]) -> str | None:
        """Ask for the copy's name, id and office (the source's by default) and make it from
        the current revision; its id, or None if nothing was made."""
        if self.document.sop is None or not self.resolve_unsaved():
            return None
        source = self.document.sop
        request = self.dialogs.ask_duplicate(source.name, source.office.name,
                                             f"{source.id}-salinan", offices)
        if request is None or not request.sop_id:
            return None
        note = strings.DUPLICATE_NOTE.format(name=source.name, office=source.office.name,
                                             revision=self.document.current_revision)
        made = self._write(editing.duplicate_sop, source.id, request.sop_id,
                           office_name=request.office, name=request.name, note=note)
        return made.id if made else None

    def delete_sop(self) -> bool:
        """Delete the SOP on screen; one that rounds ran on is offered the archive instead."""
        sop = self.document.sop
        if sop is None:
            return False
        rounds = self._write(catalogue.rounds_of, sop.id)
        if rounds is None:
            return False
        if rounds and self.document.archived:
            self.dialogs.show_error(strings.DELETE_TITLE, strings.DELETE_REFUSED_ARCHIVED.format(
                name=sop.name, id=sop.id, rounds=len(rounds)))
            return False
        if rounds:
            return (self.dialogs.confirm_archive_instead(sop.name, sop.id, len(rounds))
                    and self.archive_sop())
        if not self.dialogs.confirm_delete(sop.name, sop.id):
            return False
        if self._write(editing.delete_sop, sop.id) is None:
            return False
        self.open_sop(None)
        return True

    def archive_sop(self) -> bool:
        """Archive the SOP on screen: out of the list, every revision and round kept."""
        sop = self.document.sop
        if sop is None or not self.resolve_unsaved():
            return False
        # the window's change hub closes it, or shows it archived when the archive is listed
        change = self._write(catalogue.archive_sop, sop.id)
        if change is None:
            return False
        self.dialogs.show_info(strings.ARCHIVE_TITLE, strings.ARCHIVE_DONE.format(
            name=sop.name, revisions=change.revisions, rounds=change.rounds))
        return True

    def unarchive_sop(self) -> bool:
        """Bring the archived SOP on screen back into the catalogue."""
        sop = self.document.sop
        if sop is None:
            return False
        return self._write(catalogue.unarchive_sop, sop.id) is not None

    def _write(self, service: Callable[..., T], *args, **kwargs) -> T | None:
        """Run one service write; a refusal or database error is shown, giving None."""
        try:
            return call(self.db, service, *args, **kwargs)
        except (InputError, StoreError) as exc:
            self.dialogs.show_error(strings.SAVE_FAILED, str(exc))
            return None
