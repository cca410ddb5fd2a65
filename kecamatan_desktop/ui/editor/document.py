"""The SOP being edited: an immutable `Sop` value swapped whole by undoable commands."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.services.catalogue import StoredSop


class SwapSop(QUndoCommand):
    """Replace the whole document; undo puts the previous value back.

    Commands with the same `merge_key` (typing in one identity field) merge into one step.
    A command with a `note` makes it the next save's revision note; undo takes it back.
    """

    def __init__(self, document: SopDocument, before: Sop, after: Sop, text: str, *,
                 merge_key: str | None = None, focus: int | None = None,
                 note: str | None = None) -> None:
        super().__init__(text)
        self.document = document
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self.focus_before = focus if focus is not None and focus < len(before.steps) else None
        self.focus_after = focus
        self.note = note
        self.note_before = document.save_note

    def redo(self) -> None:
        if self.note is not None:
            self.document.save_note = self.note
        self.document._set(self.after, self.focus_after)

    def undo(self) -> None:
        if self.note is not None:
            self.document.save_note = self.note_before
        self.document._set(self.before, self.focus_before)

    def id(self) -> int:
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SwapSop) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True


class SopDocument(QObject):
    """Holds the SOP on screen: the saved value, the edited value and their undo stack."""

    # the edited value changed (edit, undo, redo or load)
    changed = Signal()
    # another SOP or revision was loaded (or none)
    loaded = Signal()
    # an edit or undo wants this step row shown (0-based)
    focus_step = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.sop: Sop | None = None
        self.saved: Sop | None = None
        self.revision = 0
        self.current_revision = 0
        self.is_draft = False
        self.archived = False
        # the note the next save keeps with its revision (e.g. where the procedure was copied
        # from); set and taken back by the edit that gives it
        self.save_note: str | None = None

    @property
    def read_only(self) -> bool:
        """An earlier revision, or an archived SOP, is shown: it can be read, not changed."""
        return self.sop is None or self.revision != self.current_revision or self.archived

    @property
    def is_modified(self) -> bool:
        return self.sop is not None and self.sop != self.saved

    def load(self, stored: StoredSop | None) -> None:
        self.undo_stack.clear()
        self.save_note = None
        self.sop = self.saved = stored.sop if stored else None
        self.revision = stored.revision if stored else 0
        self.current_revision = stored.current_revision if stored else 0
        self.is_draft = stored.is_draft if stored else False
        self.archived = stored.archived if stored else False
        self.loaded.emit()
        self.changed.emit()

    def apply(self, after: Sop, text: str, *, merge_key: str | None = None,
              focus: int | None = None, note: str | None = None) -> None:
        """Make `after` the document as one undoable step named `text` (`note`: the next
        save's revision note while this step is not undone)."""
        if self.read_only or self.sop is None or after == self.sop:
            return
        self.undo_stack.push(SwapSop(self, self.sop, after, text, merge_key=merge_key,
                                     focus=focus, note=note))

    def mark_saved(self, stored: StoredSop) -> None:
        """After a save: the stored value becomes the saved one and the one on screen.

        The save may have stamped Tanggal Revisi. That is part of saving, not an edit of the
        user's: the stamped value takes the place of the edited one in the undo history too
        (where the step before it led and where the step after it leaves from), so undo and
        redo pass through the saved value and no step the user did not make is listed."""
        self.revision = self.current_revision = stored.revision
        self.is_draft = stored.is_draft
        self.saved = stored.sop
        self.save_note = None  # it went with that revision
        if self.sop != stored.sop:
            stack = self.undo_stack
            for index, side in ((stack.index() - 1, "after"), (stack.index(), "before")):
                command = stack.command(index)
                if isinstance(command, SwapSop):
                    setattr(command, side, stored.sop)
            self.sop = stored.sop
        self.changed.emit()

    def _set(self, sop: Sop, focus: int | None) -> None:
        self.sop = sop
        self.changed.emit()
        if focus is not None and 0 <= focus < len(sop.steps):
            self.focus_step.emit(focus)
