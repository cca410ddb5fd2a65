"""One round: its SOP's flowchart with the round drawn on it, the passes, the event log, the
SOP's step statistics, and the actions (complete, reassign, hold, cancel, note, print)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.domain.round_log import LogLine, describe_target
from kecamatan_desktop.domain.round_spans import NO_STANDARD, standard_text, worked_text
from kecamatan_desktop.domain.rounds import STATUS_LABELS, StaleRoundError, Status
from kecamatan_desktop.domain.tanggal import format_lama
from kecamatan_desktop.services import history
from kecamatan_desktop.services import rounds as round_service
from kecamatan_desktop.services.handoffs import HandoffOffer, handoff_offer
from kecamatan_desktop.services.rounds import RoundDetail
from kecamatan_desktop.services.session import call
from kecamatan_desktop.services.starting import officer_choices
from kecamatan_desktop.ui import file_dialogs, strings
from kecamatan_desktop.ui.flowchart.view import FlowchartView
from kecamatan_desktop.ui.rounds.dashboard_model import when_text
from kecamatan_desktop.ui.rounds.dialogs import Choices, CorrectEventDialog
from kecamatan_desktop.ui.rounds.handoff_dialog import HandoffDialog
from kecamatan_desktop.ui.rounds.log_view import LogModel, log_table
from kecamatan_desktop.ui.rounds.overlay import LATE, LOOP, draw_round
from kecamatan_desktop.ui.rounds.rows_model import RowsModel
from kecamatan_desktop.ui.worker import run_task

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

LATE_ROW = QColor("#f8d7d3")


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class RoundPage(QWidget):
    changed = Signal(int)  # round id, after any recorded action

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.detail: RoundDetail | None = None
        self.header = QLabel(wordWrap=True)
        self.status = QLabel(wordWrap=True, objectName="roundStatus")
        self.warning = QLabel(wordWrap=True, objectName="chainWarning")
        self.warning.setStyleSheet("background: #fdecea; color: #8a1c1c; padding: 6px;")
        self.warning.setVisible(False)
        self.buttons: dict[str, QToolButton] = {}
        self.actions: dict[str, QAction] = {}
        actions = QToolBar(objectName="roundActions")
        actions.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key, text, slot in (
                ("complete", strings.ACTION_COMPLETE, self.complete_step),
                ("reassign", strings.ACTION_REASSIGN, self.reassign),
                ("hold", strings.ACTION_HOLD, self.hold_or_resume),
                ("cancel", strings.ACTION_CANCEL, self.cancel),
                ("note", strings.ACTION_NOTE, self.add_note),
                ("undo", strings.ACTION_UNDO_HANDOFF, self.undo_handoff),
                ("correct", strings.ACTION_CORRECT, self.correct_event),
                ("report", strings.ACTION_REPORT, self.print_report),
                ("xlsx", strings.ACTION_XLSX, self.export_xlsx),
                ("monitoring", strings.ACTION_MONITORING, self.open_monitoring),
                ("evaluation", strings.ACTION_EVALUATION, self.open_evaluation)):
            action = actions.addAction(text)
            action.triggered.connect(slot)
            self.actions[key] = action
            self.buttons[key] = actions.widgetForAction(action)
        self.flowchart = FlowchartView()
        self.steps_model = RowsModel(strings.STEPS_HEADERS, self)
        self.log_model = LogModel(self)
        self.stats_model = RowsModel(strings.STATS_HEADERS, self)
        self.stats_title = QLabel()
        stats = QWidget()
        stats_layout = QVBoxLayout(stats)
        stats_layout.addWidget(self.stats_title)
        stats_layout.addWidget(_table(self.stats_model))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.flowchart, strings.TAB_FLOW)
        self.tabs.addTab(_table(self.steps_model), strings.TAB_STEPS)
        self.events_view = log_table(self.log_model)
        self.tabs.addTab(self.events_view, strings.TAB_EVENTS)
        self.tabs.addTab(stats, strings.TAB_STATS)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        layout.addWidget(self.warning)
        layout.addWidget(actions)
        layout.addWidget(self.tabs, 1)

    # showing -----------------------------------------------------------------------------------
    def show_round(self, round_id: int) -> None:
        page = call(self.db, history.round_page, round_id)
        self.detail = d = page.detail
        stats = page.stats.steps
        tz, day = d.tz, d.day_minutes
        self.header.setText(strings.ROUND_HEADER.format(title=d.title, sop=d.sop_name,
                                                        revision=d.sop_revision))
        step = d.sop.steps[d.current_step - 1].no if d.current_step else "-"
        self.status.setText(strings.ROUND_STATUS.format(
            status=STATUS_LABELS[Status(d.status)], step=step,
            holder=d.holder or strings.NOT_ASSIGNED if d.current_step else "-",
            since=when_text(d.since, tz), loops=d.loops,
            worked=format_lama(d.total_working_minutes, day),
            std=format_lama(d.total_standard_minutes, day), zone=d.zone))
        self.warning.setText(strings.CHAIN_WARNING.format(problem=d.chain_problem)
                             if d.chain_problem else "")
        self.warning.setVisible(bool(d.chain_problem))
        open_ = d.status in ("active", "on_hold")
        for key in ("complete", "reassign", "hold", "cancel"):
            self.actions[key].setEnabled(open_)
        self.actions["complete"].setEnabled(d.status == "active")
        self.actions["undo"].setEnabled(d.status != "cancelled" and any(
            line.kind in ("handoff", "finish") and line.voided_by is None for line in d.log))
        self.actions["hold"].setText(strings.ACTION_RESUME if d.status == "on_hold"
                                     else strings.ACTION_HOLD)
        def days(minutes: int) -> str:
            return format_lama(minutes, day)

        self.steps_model.set_rows(
            [(s.no, s.role, s.officer or strings.NOT_ASSIGNED, s.done_by or "-",
              when_text(s.received_at, tz),
              when_text(s.handed_at, tz), standard_text(d.sop, s.position, s, days),
              worked_text(s, days), (s.decision or "").capitalize(),
              " / ".join(p for p in (s.output, s.note, "dikoreksi" if s.corrected else "")
                         if p))
             for s in d.steps],
            [LATE_ROW if s.late else None for s in d.steps])
        self.log_model.set_lines(d.log, tz, day)
        self.stats_title.setText(strings.STATS_TITLE.format(rounds=page.stats.rounds))
        self.stats_model.set_rows(
            [(s.no, s.activity, s.role, str(s.passes), _minutes(s.average_minutes, day),
              _minutes(s.median_minutes, day), _stats_standard(d.sop, s, days),
              str(s.late_passes), "" if s.span_total else str(s.sent_back))
             for s in stats],
            [LATE if s.late_passes else (LOOP if s.sent_back else None) for s in stats])
        self.flowchart.show_sop(d.sop)
        scene = self.flowchart.flowchart_scene()
        self.overlay_items = draw_round(scene, d) if scene is not None else []
        if d.current_step:
            self.flowchart.select_step(d.current_step - 1)

    # actions -------------------------------------------------------------------------------------
    def _record(self, write, *args, keep_open: bool = False, **values) -> bool | None:
        """Run a write naming the version this page shows; if the round changed meanwhile,
        say what happened and show the round as it is now (None with `keep_open`, so the
        caller does not ask again); another refusal is False."""
        try:
            call(self.db, write, self.detail.id, *args, expected_version=self.detail.version,
                 **values)
        except StaleRoundError as exc:
            self.show_error(strings.STALE_TITLE, str(exc))
            self.show_round(self.detail.id)
            self.changed.emit(self.detail.id)
            return None if keep_open else False
        except (InputError, StoreError) as exc:
            self.show_error(strings.ERROR_TITLE, str(exc))
            return False
        self.show_round(self.detail.id)
        self.changed.emit(self.detail.id)
        return True

    def _officer_choices(self) -> Choices:
        return call(self.db, officer_choices)

    def complete_step(self) -> bool:
        """*Selesaikan langkah*: the dialog offers the next step's receiver; a refusal (a NIP
        already in the directory, say) asks again with everything chosen still there."""
        d = self.detail
        try:
            offer = call(self.db, handoff_offer, d.id)
        except (InputError, StoreError) as exc:
            self.show_error(strings.ERROR_TITLE, str(exc))
            return False
        values = None
        while True:
            values = self.ask_handoff(d, offer, values)
            if values is None:
                return False
            refused = self._record(round_service.complete_step, keep_open=True, **values)
            if refused is not True:
                if refused is None:  # stale: the page shows the round as it is now
                    return False
                continue
            return True

    def undo_handoff(self) -> bool:
        """*Batalkan serah terima*: the last handoff (the selected row must be it), with a
        reason."""
        d = self.detail
        handoffs = [line for line in d.log
                    if line.kind in ("handoff", "finish") and line.voided_by is None]
        if not handoffs:
            self.show_error(strings.UNDO_TITLE, strings.UNDO_NONE)
            return False
        last = handoffs[-1]
        chosen = self.selected_line()
        if chosen is not None and chosen.seq != last.seq and chosen.kind in ("handoff",
                                                                              "finish"):
            self.show_error(strings.UNDO_TITLE,
                            strings.UNDO_NOT_LAST.format(last=describe_target(last)))
            return False
        before = next((s for s in reversed(d.steps) if s.handed_at is not None
                       and s.no == last.step), None)
        reason = self.ask_text(strings.UNDO_TITLE, strings.UNDO_PROMPT.format(
            what=describe_target(last), no=last.step,
            holder=(before.officer if before else None) or strings.NOT_ASSIGNED))
        if reason is None:
            return False
        return self._record(round_service.undo_handoff, reason=reason, seq=last.seq) is True

    def selected_line(self) -> LogLine | None:
        index = self.events_view.currentIndex()
        return self.log_model.line(index.row()) if index.isValid() else None

    def reassign(self) -> bool:
        """*Alihkan*: the current step's file to another officer; on a step drawn in
        several lanes, in the lane the clerk picks."""
        d = self.detail
        step = d.sop.steps[d.current_step - 1]
        lane = step.role
        if step.other_roles:
            lane = self.ask_choice(strings.ACTION_REASSIGN, strings.REASSIGN_LANE_PROMPT.format(
                no=step.no), list(step.roles))
            if not lane:
                return False
        choices = self._officer_choices()
        label = self.ask_choice(strings.ACTION_REASSIGN, strings.REASSIGN_PROMPT.format(
            no=step.no, lane=lane), [label for label, _ in choices])
        if not label:
            return False
        officer_id = dict(choices)[label]
        return self._record(round_service.reassign_round, officer_id, lane=lane)

    def hold_or_resume(self) -> bool:
        d = self.detail
        if d.status == "on_hold":
            return self._record(round_service.resume_round)
        note = self.ask_text(strings.ACTION_HOLD, strings.HOLD_PROMPT)
        if note is None:
            return False
        return self._record(round_service.hold_round, note=note)

    def cancel(self) -> bool:
        reason = self.ask_text(strings.ACTION_CANCEL, strings.CANCEL_PROMPT)
        if reason is None:
            return False
        return self._record(round_service.cancel_round, reason)

    def add_note(self) -> bool:
        text = self.ask_text(strings.ACTION_NOTE, strings.NOTE_PROMPT)
        if text is None:
            return False
        return self._record(round_service.add_round_note, text)

    def correct_event(self) -> bool:
        """*Koreksi* on the line selected in the Riwayat tab, else on one the user picks."""
        d = self.detail
        line = self.selected_line()
        if line is None or not line.correctable:
            choices = [ln for ln in d.log if ln.correctable]
            self.tabs.setCurrentWidget(self.events_view)
            label = self.ask_choice(strings.ACTION_CORRECT, strings.CORRECT_CHOOSE,
                                    [describe_target(ln) for ln in reversed(choices)])
            if not label:
                return False
            line = next(ln for ln in choices if describe_target(ln) == label)
        event = next(e for e in d.events if e.seq == line.seq)
        values = self.ask_correction(event, self._officer_choices(), line)
        if values is None:
            return False
        return self._record(round_service.correct_event, event.seq, **values) is True

    def print_report(self) -> Path | None:
        path = self.ask_save_path(strings.SAVE_ROUND_REPORT, file_dialogs.file_name(
            self.detail.title, strings.FILE_ROUND_REPORT, suffix=".pdf"), strings.PDF_FILTER)
        if path is None:
            return None
        detail = self.detail

        def work(progress) -> Path:
            from kecamatan_desktop.export.pdf_rounds import write_round_report  # ReportLab

            return write_round_report(detail, path)
        return self._start(work, strings.ROUND_REPORT_TITLE)

    def export_xlsx(self) -> Path | None:
        path = self.ask_save_path(strings.SAVE_ROUND_XLSX, file_dialogs.file_name(
            self.detail.title, strings.FILE_ROUND_LOG, suffix=".xlsx"), strings.XLSX_FILTER)
        if path is None:
            return None
        detail = self.detail

        def work(progress) -> Path:
            from kecamatan_desktop.export.spreadsheet import write_rounds_xlsx

            return write_rounds_xlsx([detail], path, progress=progress)
        return self._start(work, strings.ROUND_XLSX_TITLE)

    def _start(self, work, title: str):
        """A file written off the GUI thread; its task is kept in `self.task`."""
        self.task = run_task(
            self, work, title=title, label=strings.TASK_WRITING,
            done=lambda path: self.show_info(title, strings.DONE_SAVED.format(path=path)),
            failed=lambda text: self.show_error(strings.WRITE_FAILED_TITLE, text))
        return self.task

    def open_monitoring(self) -> None:
        from kecamatan_desktop.ui.rounds.forms import MonitoringDialog

        MonitoringDialog(self.db, self.detail.sop_id, self).exec()

    def open_evaluation(self) -> None:
        from kecamatan_desktop.ui.rounds.forms import EvaluationDialog

        EvaluationDialog(self.db, self.detail.sop_id, self).exec()

    # dialogs: small methods that tests replace ------------------------------------------------
    def ask_handoff(self, detail: RoundDetail, offer: HandoffOffer,
                    previous: dict | None = None) -> dict | None:
        dialog = HandoffDialog(detail.sop, offer, self, tz=detail.tz, previous=previous)
        return dialog.values() if dialog.exec() else None

    def ask_correction(self, event, officers: Choices, line: LogLine | None = None
                       ) -> dict | None:
        dialog = CorrectEventDialog(event, officers, self, tz=self.detail.tz, line=line)
        return dialog.values() if dialog.exec() else None

    def ask_text(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt)
        return text if ok else None

    def ask_choice(self, title: str, prompt: str, items: list[str]) -> str | None:
        item, ok = QInputDialog.getItem(self, title, prompt, items, 0, False)
        return item if ok else None

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        return file_dialogs.ask_save_path(self, title, suggested, file_filter)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)


def _stats_standard(sop, s, days) -> str:
    """The Baku of a statistics line: a step's own, a span's on its own line, and `dalam
    Langkah 3–4` for the steps under it."""
    if s.span_total:
        return days(s.standard_minutes) if s.standard_minutes is not None else NO_STANDARD
    if s.span:
        return f"dalam Langkah {s.span}"
    return standard_text(sop, s.position, s, days)


def _minutes(value: float | None, day: int) -> str:
    return format_lama(round(value), day) if value is not None else "-"
