"""The dashboard's table model: open rounds, where the file is, for how long, late or not."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kecamatan_desktop.domain.rounds import STATUS_LABELS, Status
from kecamatan_desktop.domain.tanggal import format_waktu
from kecamatan_desktop.domain.zones import WIB
from kecamatan_desktop.services.rounds import RoundSummary
from kecamatan_desktop.ui import strings

RoundIdRole = Qt.ItemDataRole.UserRole + 1
LATE_BACKGROUND = QColor("#f8d7d3")
_Index = QModelIndex | QPersistentModelIndex


def hours_text(minutes: int | None) -> str:
    if minutes is None:
        return "-"
    h, m = divmod(minutes, 60)
    return f"{h} j {m:02d} m" if h else f"{m} m"


def when_text(t, tz=WIB) -> str:
    """A time on the office's clock, as the tables show it (the zone is in the header)."""
    return format_waktu(t, tz, zone=False)


class DashboardModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RoundSummary] = []

    def set_rounds(self, rows: list[RoundSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> RoundSummary:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(strings.DASHBOARD_HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == RoundIdRole:
            return r.id
        if role == Qt.ItemDataRole.BackgroundRole and r.late:
            return QBrush(LATE_BACKGROUND)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return r.title
        if column == 1:
            return r.sop_name
        if column == 2:
            return r.step_no or "-"
        if column == 3:
            return r.lane or "-"
        if column == 4:
            return r.holder or (strings.NOT_ASSIGNED if r.current_step else "-")
        if column == 5:  # offices may keep different zones
            if r.ended_at is not None:  # a finished round: since it ended
                return strings.ENDED_AT.format(when=format_waktu(r.ended_at, r.tz or WIB))
            return format_waktu(r.since, r.tz or WIB)
        if column == 6:
            if r.ended_at is not None and r.total_minutes is not None:
                return strings.TOTAL_TIME.format(
                    worked=hours_text(r.total_minutes), standard=hours_text(r.total_standard))
            if r.working_minutes is None:
                return "-"
            text = f"{hours_text(r.working_minutes)} / {hours_text(r.standard_minutes)}"
            return f"{text} ({strings.LATE_MARK})" if r.late else text
        return STATUS_LABELS[Status(r.status)]

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return strings.DASHBOARD_HEADERS[section]
        return None
