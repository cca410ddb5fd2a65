"""The status bar's standing facts: the database, the office shown, SOPs, open and late
rounds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow

from kecamatan_desktop.network_path import is_network_path
from kecamatan_desktop.services.changes import Changes
from kecamatan_desktop.ui import strings

NETWORK_WARNING_MS = 60_000


class StatusLine:
    def __init__(self, window: QMainWindow) -> None:
        self.bar = bar = window.statusBar()
        self.database = QLabel(objectName="statusDatabase")
        self.office = QLabel(objectName="statusOffice")
        self.sops = QLabel(objectName="statusSops")
        self.rounds = QLabel(objectName="statusRounds")
        for label in (self.database, self.office, self.sops, self.rounds):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    def show_database(self, path: Path) -> None:
        """The database's name; a file in a network folder is marked, and the warning shown
        in the status bar for a minute (never a box the user must click away)."""
        if isinstance(path, Path) and is_network_path(path):
            warning = strings.NETWORK_DB_WARNING.format(path=path)
            self.database.setText(strings.STATUS_DATABASE_NETWORK.format(name=path.name))
            self.database.setStyleSheet("color: #b00020; font-weight: bold;")
            self.database.setToolTip(warning)
            self.bar.showMessage(warning, NETWORK_WARNING_MS)
            return
        self.database.setText(strings.STATUS_DATABASE.format(name=path.name))
        self.database.setToolTip(str(path))

    def show_catalogue(self, office: str | None, shown: int) -> None:
        self.office.setText(office or strings.ALL_OFFICES_STATUS)
        self.sops.setText(strings.STATUS_SOPS.format(count=shown))

    @staticmethod
    def counts_follow(changes: Changes) -> bool:
        """Whether `changes` can move the round counts: the rounds, and the calendar and the
        office's clock that lateness is counted on."""
        return changes.touches_rounds or changes.calendar or changes.office

    def show_rounds(self, open_rounds: int, late: int) -> None:
        self.rounds.setText(strings.STATUS_ROUNDS.format(open=open_rounds, late=late))
