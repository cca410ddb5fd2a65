"""The main window's modal dialogs and questions, one small method each, so tests replace
them and nothing blocks (the window mixes this class in)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from kecamatan_desktop import __version__, logs
from kecamatan_desktop.ui import file_dialogs, strings
from kecamatan_desktop.ui.message_boxes import ask_choice, ask_text, ask_yes_no

if TYPE_CHECKING:
    from kecamatan_desktop.ui.editor.new_sop_dialog import NewSopRequest
    from kecamatan_desktop.ui.editor.sop_editing import UnsavedAnswer


class WindowQuestions:
    def show_about(self) -> None:
        QMessageBox.about(self, strings.ABOUT_TITLE, self.about_text())

    def about_text(self) -> str:
        return strings.ABOUT_TEXT.format(version=__version__, db=self.db.path,
                                         log=logs.log_location())

    def ask_welcome(self) -> str:
        from kecamatan_desktop.ui.help_dialog import WelcomeDialog

        dialog = WelcomeDialog(self)
        dialog.exec()
        return dialog.choice

    def ask_import_paths(self) -> list[Path]:
        return file_dialogs.ask_open_paths(self, strings.IMPORT_TITLE, strings.IMPORT_FILTER)

    def ask_export_path(self, suggested: str) -> Path | None:
        return file_dialogs.ask_save_path(self, strings.EXPORT_TITLE, suggested,
                                          strings.EXPORT_FILTER)

    def ask_replace(self, sop_ids: list[str]) -> bool:
        return ask_yes_no(self, strings.IMPORT_TITLE,
                          strings.IMPORT_EXISTS.format(ids="\n".join(sop_ids)))

    def ask_unsaved_changes(self, name: str) -> UnsavedAnswer:
        from kecamatan_desktop.ui.editor.sop_editing import UnsavedAnswer

        role = QMessageBox.ButtonRole
        return ask_choice(self, strings.UNSAVED_TITLE, strings.UNSAVED_QUESTION.format(name=name),
                          [(strings.UNSAVED_SAVE, role.AcceptRole, UnsavedAnswer.SAVE),
                           (strings.UNSAVED_DISCARD, role.DestructiveRole, UnsavedAnswer.DISCARD),
                           (strings.UNSAVED_CANCEL, role.RejectRole, UnsavedAnswer.CANCEL)],
                          UnsavedAnswer.CANCEL)

    def ask_save_draft(self, problems: list[str]) -> bool:
        shown = "\n".join(f"- {p}" for p in problems[:8]) + ("\n…" if len(problems) > 8 else "")
        return ask_yes_no(self, strings.SAVE_TITLE, strings.SAVE_DRAFT_QUESTION.format(
            count=len(problems), problems=shown))

    def ask_new_sop(self, offices: list[str], current: str | None) -> NewSopRequest | None:
        from kecamatan_desktop.ui.editor.new_sop_dialog import NewSopDialog

        dialog = NewSopDialog(offices, current, self)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_duplicate(self, name: str, office: str, suggested: str,
                      offices: list[str]) -> NewSopRequest | None:
        from kecamatan_desktop.ui.editor.new_sop_dialog import DuplicateSopDialog

        dialog = DuplicateSopDialog(name, office, suggested, offices, self)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm_delete(self, name: str, sop_id: str) -> bool:
        return ask_yes_no(self, strings.DELETE_TITLE,
                          strings.DELETE_QUESTION.format(name=name, id=sop_id))

    def confirm_archive_instead(self, name: str, sop_id: str, rounds: int) -> bool:
        return ask_yes_no(self, strings.DELETE_TITLE, strings.ARCHIVE_INSTEAD_QUESTION.format(
            name=name, id=sop_id, rounds=rounds))

    def ask_lane_name(self, title: str, prompt: str, current: str) -> str | None:
        return ask_text(self, title, prompt, current)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)
