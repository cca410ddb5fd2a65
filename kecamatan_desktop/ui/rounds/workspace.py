"""The Pelaksanaan tab: the dashboard above, the opened round below; both follow the
window's change hub (its own writes, and those of another PC, a second copy of the program
or the command line), each for what it shows; a hidden tab catches up when shown."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QInputDialog,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services import rounds as round_service
from kecamatan_desktop.services.changes import NOTHING, Changes
from kecamatan_desktop.services.session import call
from kecamatan_desktop.services.starting import start_choices
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.events import ChangeHub
from kecamatan_desktop.ui.rounds.dashboard import Dashboard
from kecamatan_desktop.ui.rounds.dialogs import StartRoundDialog
from kecamatan_desktop.ui.rounds.round_page import RoundPage

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

log = logging.getLogger(__name__)


class RoundsWorkspace(QWidget):
    def __init__(self, db: Database, hub: ChangeHub | None = None,
                 parent: QWidget | None = None) -> None:
        """On the window's `hub`; without one (the tab on its own), a hub of its own."""
        super().__init__(parent)
        self.db = db
        self.hub = hub or ChangeHub(db, self)
        self._shown = False
        self._missed = NOTHING  # changes while the tab was hidden
        self._page_due: int | None = None  # the open round changed: shown again unless
        self.dashboard = Dashboard(db)
        self.page = RoundPage(db)
        self.page.setVisible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.dashboard)
        self.splitter.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.dashboard.round_opened.connect(self.open_round)
        self.dashboard.start_requested.connect(lambda: self.start_round(None))
        # the page shows itself after its own write, then says so: no second reading
        self.page.changed.connect(lambda _id: setattr(self, "_page_due", None))
        self.hub.follow(self._follow)
        self.hub.checked.connect(self._page_catch_up)  # one put off by a busy database

    def _follow(self, changes: Changes) -> None:
        if not self.isVisible():
            if self._shown:  # before the first look the dashboard reads everything anyway
                self._missed |= changes
            return
        if changes.officers or changes.touches_sops:  # the filters name them
            self.dashboard.reload_filters()  # and reads the rounds again
        elif changes.touches_rounds or changes.calendar or changes.office:
            self.dashboard.refresh()
        d = self.page.detail
        if d is not None and (changes.touches_round(d.id) or changes.officers
                              or changes.calendar or changes.office):
            # after the write that told it: the page may be showing it itself
            self._page_due = d.id
            QTimer.singleShot(0, self._page_catch_up)

    def _page_catch_up(self) -> None:
        due, self._page_due = self._page_due, None
        if due is None or self.page.detail is None or self.page.detail.id != due:
            return
        try:
            self.page.show_round(due)
        except StoreError as exc:  # busy for a moment: again after the next poll
            log.info("round %s not read again: %s", due, exc)
            self._page_due = due

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._shown = True
        missed, self._missed = self._missed, NOTHING
        if missed:
            self._follow(missed)

    def open_round(self, round_id: int) -> None:
        self.page.show_round(round_id)
        if not self.page.isVisible():
            self.page.setVisible(True)
            total = max(self.splitter.height(), 600)
            self.splitter.setSizes([total // 3, total - total // 3])
        self.dashboard.select_round(round_id)

    def start_round(self, sop_id: str | None) -> int | None:
        """Ask which SOP (if not given), the title, lanes and time; start; open it."""
        drawn = [(s.name, s.id) for s in call(self.db, catalogue.list_sops) if s.steps]
        if sop_id is None:
            sop_id = self.dashboard.sop_filter.currentData() or self.ask_sop(drawn)
            if sop_id is None:
                return None
        offer = call(self.db, start_choices, sop_id)
        values = None
        while True:  # a refusal asks again with everything typed still there
            values = self.ask_start(offer.sop, offer.defaults, offer.officers, offer.tz, values)
            if values is None:
                return None
            title, lanes, at = values
            try:
                detail = call(self.db, round_service.start_round, sop_id, title=title,
                              lanes=lanes, at=at)
                break
            except (InputError, StoreError) as exc:
                self.show_error(strings.ERROR_TITLE, str(exc))
        self.open_round(detail.id)  # the dashboard lists it already (the hub)
        return detail.id

    # dialogs: small methods that tests replace ------------------------------------------------
    def ask_sop(self, sops: list[tuple[str, str]]) -> str | None:
        names = [name for name, _ in sops]
        name, ok = QInputDialog.getItem(self, strings.START_TITLE, strings.START_SOP, names, 0,
                                        False)
        return dict(sops).get(name) if ok else None

    def ask_start(self, sop, defaults, officers, tz, previous=None):
        dialog = StartRoundDialog(sop, defaults, officers, self, tz=tz, previous=previous)
        return dialog.values() if dialog.exec() else None

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)
