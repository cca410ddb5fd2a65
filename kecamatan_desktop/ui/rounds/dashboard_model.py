"""The dashboard's columns: a round, where its file is, since when, for how long, late or not.

Each column sorts by its value (times by time, desk time by working minutes, steps by
number); time on the desk is written in working days of the office's calendar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from kecamatan_desktop.domain.round_spans import NO_STANDARD
from kecamatan_desktop.domain.rounds import STATUS_LABELS, Status
from kecamatan_desktop.domain.tanggal import format_lama, format_waktu
from kecamatan_desktop.domain.waktu import WORKING_DAY_MINUTES, WaktuKind, read_waktu
from kecamatan_desktop.domain.zones import WIB
from kecamatan_desktop.services.rounds import RoundSummary
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.table_model import Column, KeyRole, TableModel, natural_key

RoundIdRole = KeyRole
LATE_BACKGROUND = QColor("#f8d7d3")
_LIFECYCLE = tuple(Status)


def hours_text(minutes: int | None) -> str:
    if minutes is None:
        return "-"
    h, m = divmod(minutes, 60)
    return f"{h} j {m:02d} m" if h else f"{m} m"


def when_text(t, tz=WIB) -> str:
    """A time on the office's clock, as the tables show it (the zone is in the header)."""
    return format_waktu(t, tz, zone=False)


def _since_text(r: RoundSummary) -> str:
    if r.ended_at is not None:  # a finished round: since it ended
        return strings.ENDED_AT.format(when=format_waktu(r.ended_at, r.tz or WIB))
    return format_waktu(r.since, r.tz or WIB)  # offices may keep different zones


def _desk_text(day_minutes: int):
    def text(r: RoundSummary) -> str:
        if r.ended_at is not None and r.total_minutes is not None:
            return strings.TOTAL_TIME.format(worked=format_lama(r.total_minutes, day_minutes),
                                             standard=format_lama(r.total_standard,
                                                                  day_minutes))
        if r.working_minutes is None:
            return "-"
        shown = strings.DESK_TIME.format(
            worked=format_lama(r.working_minutes, day_minutes),
            standard=format_lama(r.standard_minutes, day_minutes, empty=NO_STANDARD
                                 if read_waktu(r.waktu).kind == WaktuKind.NONE else "-"))
        if r.late and r.standard_minutes is not None:
            over = format_lama(r.working_minutes - r.standard_minutes, day_minutes)
            return strings.DESK_TIME_LATE.format(time=shown, over=over)
        return shown
    return text


def _desk_minutes(r: RoundSummary) -> int | None:
    return r.total_minutes if r.ended_at is not None else r.working_minutes


def _holder_text(r: RoundSummary) -> str:
    return r.holder or (strings.NOT_ASSIGNED if r.current_step else "-")


def _late(r: RoundSummary) -> QColor | None:
    return LATE_BACKGROUND if r.late else None


def _natural(text: str | None) -> tuple | None:
    return natural_key(text) if text else None


def dashboard_columns(day_minutes: int) -> tuple[Column[RoundSummary], ...]:
    """The dashboard's columns, its desk times in days of `day_minutes` working minutes."""
    h = strings.DASHBOARD_HEADERS
    day = strings.DESK_TIME_TIP.format(day=format_lama(day_minutes, 0))
    return (
        Column(h[0], lambda r: r.title, tooltip=lambda r: r.title, background=_late),
        Column(h[1], lambda r: r.sop_name, tooltip=lambda r: r.sop_name, background=_late),
        Column(h[2], lambda r: r.step_no or "-", lambda r: _natural(r.step_no),
               background=_late, alignment=Qt.AlignmentFlag.AlignRight),
        Column(h[3], lambda r: r.lane or "-", lambda r: _natural(r.lane), background=_late),
        Column(h[4], _holder_text, lambda r: _natural(r.holder), background=_late),
        Column(h[5], _since_text, lambda r: r.ended_at or r.since, background=_late),
        Column(h[6], _desk_text(day_minutes), _desk_minutes, tooltip=lambda r: day,
               background=_late),
        Column(h[7], lambda r: STATUS_LABELS[Status(r.status)],
               lambda r: _LIFECYCLE.index(Status(r.status)), background=_late),
    )


def dashboard_model(parent=None, day_minutes: int = WORKING_DAY_MINUTES
                    ) -> TableModel[RoundSummary]:
    """The dashboard's rounds; `set_items` with new columns when the calendar's day changes."""
    return TableModel(dashboard_columns(day_minutes), parent, key=lambda r: r.id)
