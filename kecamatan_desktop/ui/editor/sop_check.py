"""Sunting → Periksa SOP: runs the checks over the SOP being edited and lists what they find
in the Masalah panel; a finding can be set aside there with a reason."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from kecamatan_desktop.domain.checks import Finding
from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.services import checking
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.document import SopDocument
from kecamatan_desktop.ui.editor.problems_panel import ProblemItem, ProblemsPanel
from kecamatan_desktop.ui.message_boxes import ask_text


def finding_item(finding: Finding) -> ProblemItem:
    text = strings.CHECK_FINDING.format(severity=finding.severity,
                                        place=checking.place_text(finding.place),
                                        message=finding.message)
    return ProblemItem(text, step=finding.step, lane=finding.lane,
                       identity=finding.identity, finding=finding)


class SopCheck(QObject):
    shown = Signal()  # findings were put in the panel: the window shows the Prosedur tab

    def __init__(self, db, document: SopDocument, panel: ProblemsPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self.db = db
        self.document = document
        self.panel = panel
        self.window = parent
        self.action = QAction(strings.ACTION_CHECK_SOP, parent, objectName="checkSop")
        self.action.triggered.connect(self.run)
        panel.dismiss_requested.connect(self.dismiss)
        document.loaded.connect(lambda: panel.set_findings([]))

    def run(self) -> checking.CheckResult | None:
        if self.document.sop is None:
            return None
        try:
            result = call(self.db, checking.check_sop_value, self.document.sop)
        except StoreError as exc:  # busy, or the server away for a moment
            self.show_info(strings.CHECK_CLEAN_TITLE, str(exc))
            return None
        self.panel.set_findings([finding_item(f) for f in result.findings])
        self.shown.emit()
        if not result.findings:
            self.show_info(strings.CHECK_CLEAN_TITLE, strings.CHECK_CLEAN)
        return result

    def dismiss(self, finding: Finding) -> None:
        reason = self.ask_reason(finding_item(finding).message)
        if reason is None:
            return
        try:
            call(self.db, checking.dismiss, finding, reason)
        except (InputError, StoreError) as exc:  # e.g. set aside meanwhile on another PC
            self.show_info(strings.DISMISS_TITLE, str(exc))
        self.run()  # the findings as they stand now, the other PC's dismissal too

    # dialogs, replaced in tests --------------------------------------------------------------
    def ask_reason(self, finding: str) -> str | None:
        return ask_text(self.window, strings.DISMISS_TITLE,
                        strings.DISMISS_PROMPT.format(finding=finding), "")

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)
