"""Reuse in the editor: *Salin prosedur dari…* as one undoable edit of the open document, and
*Tampilkan SOP contoh…* beside it. Its modal questions are small methods tests replace."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from kecamatan_desktop.domain import procedure_copy
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services.procedure_copy import ProcedureSource
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.copy_procedure_dialog import CopyProcedureDialog, copy_note
from kecamatan_desktop.ui.editor.document import SopDocument
from kecamatan_desktop.ui.editor.model_sop_window import ModelSopWindow
from kecamatan_desktop.ui.message_boxes import Role, ask_choice
from kecamatan_desktop.ui.window_geometry import FRAME, screen_area

if TYPE_CHECKING:
    from kecamatan_desktop.domain.sop import Sop
    from kecamatan_desktop.services.session import Database

WANTED_SIZE = (1240, 700)  # room for the list, the steps and the flowchart side by side


def fit(window: QWidget) -> None:
    """`WANTED_SIZE`, or the screen's free area when smaller (a 1366×768 laptop)."""
    area = screen_area(window)
    window.resize(min(WANTED_SIZE[0], area.width() - FRAME[0]),
                  min(WANTED_SIZE[1], area.height() - FRAME[1]))


class ProcedureCopying(QObject):
    # before the copy replaces the document: views store what is still being typed
    about_to_copy = Signal()
    # a procedure was copied in: the window shows it
    copied = Signal()

    def __init__(self, db: Database, document: SopDocument, window: QWidget) -> None:
        super().__init__(window)
        self.db = db
        self.document = document
        self.window = window
        self.model_window: ModelSopWindow | None = None
        self.copy_action = QAction(strings.ACTION_COPY_PROCEDURE, window,
                                   objectName="copyProcedureAction")
        self.copy_action.triggered.connect(self.copy_procedure)
        self.model_action = QAction(strings.ACTION_SHOW_MODEL_SOP, window,
                                    objectName="showModelSop")
        self.model_action.triggered.connect(self.show_model_sop)
        document.changed.connect(self._update_actions)
        self._update_actions()

    def _update_actions(self) -> None:
        self.copy_action.setEnabled(not self.document.read_only)

    def copy_procedure(self) -> bool:
        """Ask for a source, ask before replacing a procedure, then copy it in as one
        undoable edit whose revision note names the source; True if copied."""
        self.about_to_copy.emit()
        doc = self.document
        if doc.read_only or doc.sop is None:
            return False
        source = self.ask_source(doc.sop)
        if source is None:
            return False
        target = doc.sop
        if procedure_copy.has_procedure(target) and not self.confirm_replace(target, source):
            return False
        try:
            after = procedure_copy.copy_procedure(target, source.sop)
        except InputError as exc:
            self.show_error(strings.EDIT_REFUSED_TITLE, str(exc))
            return False
        doc.apply(after, strings.UNDO_COPY_PROCEDURE.format(name=source.sop.name),
                  focus=0, note=copy_note(source))
        self.copied.emit()
        return True

    def show_model_sop(self) -> ModelSopWindow:
        """The model SOP's window, opened beside the editor (or brought to the front)."""
        if self.model_window is None:
            self.model_window = ModelSopWindow(self.db, self.window)
            fit(self.model_window)
        self.model_window.show()
        self.model_window.raise_()
        self.model_window.activateWindow()
        return self.model_window

    # the modal questions ---------------------------------------------------------------------
    def ask_source(self, target: Sop) -> ProcedureSource | None:
        dialog = CopyProcedureDialog(self.db, target, self.window)
        fit(dialog)
        return dialog.source() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm_replace(self, target: Sop, source: ProcedureSource) -> bool:
        return ask_choice(self.window, strings.COPY_REPLACE_TITLE,
                          strings.COPY_REPLACE_QUESTION.format(
                              name=target.name, steps=len(target.steps),
                              lanes=len(target.roles), source=source.sop.name),
                          [(strings.COPY_REPLACE, Role.AcceptRole, True),
                           (strings.CANCEL, Role.RejectRole, False)], False)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)
