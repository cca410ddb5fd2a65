"""The Pelaksanaan tab: the dashboard above, the opened round below; both follow changes
made elsewhere (another PC, a second copy of the program, the command line)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
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
from kecamatan_desktop.services.session import call
from kecamatan_desktop.services.starting import start_choices
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.rounds.dashboard import Dashboard
from kecamatan_desktop.ui.rounds.dialogs import StartRoundDialog
from kecamatan_desktop.ui.rounds.round_page import RoundPage
from kecamatan_desktop.ui.stamp_poll import StampPoll, window_in_use

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database


class RoundsWorkspace(QWidget):
    round_started = Signal(int)
    refreshed = Signal()  # the rounds were read again (another desk or PC wrote)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._stamp = None
        # read off the GUI thread; `window_active` looked up each time (tests replace it)
        self.poll = StampPoll(self, self._read_stamp, lambda: self.window_active(),
                              self._apply_stamp)
        self.poll.start()
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
        self.page.changed.connect(lambda _id: self._after_own_change())

    def _read_stamp(self):
        return call(self.db, round_service.change_stamp)

    def _after_own_change(self) -> None:
        self.dashboard.refresh()
        self.poll.forget()
        self._stamp = self._read_stamp()

    def refresh_if_changed(self, *, force: bool = False) -> bool:
        """Re-read the dashboard and the open round when the rounds changed; polled while
        the window is active, and on F5 (`force`)."""
        if not force and not self.window_active():
            return False
        stamp = self.poll.read_now()
        return stamp is not None and self._apply_stamp(stamp, force=force)

    def _apply_stamp(self, stamp, *, force: bool = False) -> bool:
        """Refresh if `stamp` (read now, or by the poll's thread) differs from the last one."""
        if not force and stamp == self._stamp:
            return False
        first = self._stamp is None
        self._stamp = stamp
        if first and not force:
            return False
        self.dashboard.refresh()
        if self.page.isVisible() and self.page.detail is not None:
            self.page.show_round(self.page.detail.id)
        self.refreshed.emit()
        return True

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
        self.dashboard.reload_filters()
        self.open_round(detail.id)
        self.round_started.emit(detail.id)
        return detail.id

    def window_active(self) -> bool:
        return window_in_use(self)

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
