"""The Pelaksanaan tab: the dashboard above, the opened round below."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QSplitter, QVBoxLayout, QWidget

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services import officers as officer_service
from kecamatan_desktop.services import rounds as round_service
from kecamatan_desktop.store.database import Database, StoreError
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.rounds.dashboard import Dashboard
from kecamatan_desktop.ui.rounds.dialogs import StartRoundDialog
from kecamatan_desktop.ui.rounds.round_page import RoundPage


class RoundsWorkspace(QWidget):
    round_started = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
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
        self.page.changed.connect(lambda _id: self.dashboard.refresh())

    def open_round(self, round_id: int) -> None:
        self.page.show_round(round_id)
        if not self.page.isVisible():
            self.page.setVisible(True)
            total = max(self.splitter.height(), 600)
            self.splitter.setSizes([total // 3, total - total // 3])
        self.dashboard.select_round(round_id)

    def start_round(self, sop_id: str | None) -> int | None:
        """Ask which SOP (if not given), the title, lanes and time; start; open it."""
        with self.db.guard(), self.db.session() as session:
            drawn = [(s.name, s.id) for s in catalogue.list_sops(session=session) if s.steps]
        if sop_id is None:
            sop_id = self.dashboard.sop_filter.currentData() or self.ask_sop(drawn)
            if sop_id is None:
                return None
        with self.db.guard(), self.db.session() as session:
            sop = catalogue.get_sop(sop_id, session=session).sop
            defaults = {}
            for lane in sop.roles:
                officer = officer_service.default_for_lane(lane, sop.office.name,
                                                           session=session)
                defaults[lane] = officer.name if officer else None
            names = [o.name for o in officer_service.list_officers(session=session,
                                                                   active_only=True)]
        values = self.ask_start(sop, defaults, names)
        if values is None:
            return None
        title, lanes, at = values
        try:
            with self.db.guard(), self.db.session() as session:
                detail = round_service.start_round(sop_id, session=session, title=title,
                                                   lanes=lanes, at=at)
        except (InputError, StoreError) as exc:
            self.show_error(strings.ERROR_TITLE, str(exc))
            return None
        self.dashboard.reload_filters()
        self.open_round(detail.id)
        self.round_started.emit(detail.id)
        return detail.id

    # dialogs: small methods that tests replace ------------------------------------------------
    def ask_sop(self, sops: list[tuple[str, str]]) -> str | None:
        names = [name for name, _ in sops]
        name, ok = QInputDialog.getItem(self, strings.START_TITLE, strings.START_SOP, names, 0,
                                        False)
        return dict(sops).get(name) if ok else None

    def ask_start(self, sop, defaults, officers):
        dialog = StartRoundDialog(sop, defaults, officers, self)
        return dialog.values() if dialog.exec() else None

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)
