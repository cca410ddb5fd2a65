"""The office calendar as stored: working hours and days off, holidays from `holidays`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from sqlmodel import Session, select

from kecamatan_desktop.domain.calendar import DayOff, OfficeCalendar, WorkingHours
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.tanggal import format_tanggal, format_waktu
from kecamatan_desktop.domain.zones import WIB
from kecamatan_desktop.services import changes, identity
from kecamatan_desktop.store.database import insert_ignore, transaction
from kecamatan_desktop.store.round_models import (
    CalendarChangeRow,
    CalendarYearRow,
    DayOffRow,
    WorkingHoursRow,
)

KINDS = {"libur": "Libur nasional", "cuti_bersama": "Cuti bersama"}


def working_hours(*, session: Session) -> WorkingHours:
    rows = session.exec(select(WorkingHoursRow).order_by(WorkingHoursRow.weekday,
                                                         WorkingHoursRow.start_minute)).all()
    if not rows:
        return WorkingHours.default()
    days: list[list[tuple[int, int]]] = [[] for _ in range(7)]
    for r in rows:
        days[r.weekday].append((r.start_minute, r.end_minute))
    return WorkingHours(days=tuple(tuple(d) for d in days))


@dataclass(frozen=True)
class CalendarChange:
    changed_at: datetime
    changed_by: str
    what: str


def _operator() -> str:
    return identity.entered_by()


def _record_change(session: Session, what: str, by: str | None) -> None:
    """Append to the calendar's change log, in the caller's transaction."""
    changes.note(session, calendar=True)
    session.add(CalendarChangeRow(changed_at=datetime.now(UTC), changed_by=by or _operator(),
                                  what=what))


def calendar_changes(*, session: Session) -> list[CalendarChange]:
    rows = session.exec(select(CalendarChangeRow).order_by(CalendarChangeRow.id)).all()
    return [CalendarChange(r.changed_at, r.changed_by, r.what) for r in rows]


def _hours_text(hours: WorkingHours) -> str:
    return f"{hours.weekly_minutes / 60:g}".replace(".", ",") + " jam kerja seminggu"


def describe_calendar(calendar: OfficeCalendar, *, session: Session) -> str:
    """Which calendar a figure was counted on: hours, days off, and its last change."""
    last = session.exec(select(CalendarChangeRow).order_by(CalendarChangeRow.id.desc())).first()
    changed = (f"diubah terakhir {format_waktu(last.changed_at, calendar.tz)} oleh "
               f"{last.changed_by} ({last.what})" if last else "bawaan, belum pernah diubah")
    return (f"Kalender kantor: {_hours_text(calendar.hours)}, {len(calendar.days_off)} hari "
            f"libur nasional dan cuti bersama (paket holidays, Indonesia); {changed}")


def set_working_hours(hours: WorkingHours, *, session: Session, by: str | None = None) -> None:
    if hours.weekly_minutes == 0:
        raise InputError("Seminggu tanpa jam kerja: isi jam kerja sekurangnya satu hari")
    for weekday, day in enumerate(hours.days):
        last = 0
        for start, end in day:
            if not (0 <= start < end <= 24 * 60) or start < last:
                raise InputError(f"Jam kerja hari ke-{weekday + 1} tidak urut atau tidak sah")
            last = end
    with transaction(session):
        for row in session.exec(select(WorkingHoursRow)):
            session.delete(row)
        for weekday, day in enumerate(hours.days):
            for start, end in day:
                session.add(WorkingHoursRow(weekday=weekday, start_minute=start, end_minute=end))
        _record_change(session, f"jam kerja diubah menjadi {_hours_text(hours)}", by)
        _recount(session, None)


@lru_cache(maxsize=64)
def _package_days(year: int) -> tuple[tuple[date, str, str], ...]:
    """National holidays and cuti bersama of `year` from the holidays package (country ID)."""
    import holidays  # imported late: only needed the first time a year is used

    out: dict[date, tuple[date, str, str]] = {}
    for category, kind in (("public", "libur"), ("government", "cuti_bersama")):
        days = holidays.country_holidays("ID", years=year, categories=(category,),
                                         language="id")
        for day, name in sorted(days.items()):
            out.setdefault(day, (day, name, kind))
    return tuple(sorted(out.values()))


def ensure_years(years: Iterable[int], *, session: Session) -> None:
    """Store the days off of years not stored yet, so the calendar a record was counted on
    stays fixed. A write, in the caller's transaction; idempotent, so two processes loading
    the same year at once both succeed."""
    years = sorted(set(years))
    if not years:
        return
    loaded = set(session.exec(select(CalendarYearRow.year)
                              .where(CalendarYearRow.year.in_(years))))
    missing = [y for y in years if y not in loaded]
    if not missing:
        return
    with transaction(session):
        for year in missing:
            insert_ignore(session, DayOffRow, [dict(day=d, name=n, kind=k, source="holidays",
                                                    removed=False)
                                               for d, n, k in _package_days(year)])
        insert_ignore(session, CalendarYearRow, [dict(year=y) for y in missing])


def _days_off_rows(years: Iterable[int], session: Session) -> dict[date, DayOff | None]:
    """Read only: every day off of `years` (None for a listed day the office removed);
    years not stored yet come from the package in memory, nothing is written."""
    years = sorted(set(years))
    loaded = set(session.exec(select(CalendarYearRow.year)
                              .where(CalendarYearRow.year.in_(years)))) if years else set()
    out: dict[date, DayOff | None] = {}
    for year in years:
        if year not in loaded:
            for d, n, k in _package_days(year):
                out[d] = DayOff(d, n, k)
    query = select(DayOffRow)
    if years:
        query = query.where(DayOffRow.day >= date(years[0], 1, 1),
                            DayOffRow.day < date(years[-1] + 1, 1, 1))
    for r in session.exec(query):  # stored rows win: the office's own changes
        out[r.day] = None if r.removed else DayOff(r.day, r.name, r.kind)
    return out


def days_off(year: int, *, session: Session) -> list[DayOff]:
    days = _days_off_rows([year], session)
    return [d for day, d in sorted(days.items()) if d is not None and day.year == year]


def add_day_off(day: date, name: str, kind: str, *, session: Session,
                by: str | None = None) -> None:
    if kind not in KINDS:
        raise InputError(f"Jenis hari libur {kind!r} tidak dikenal: pilih libur atau "
                         "cuti_bersama")
    if not name.strip():
        raise InputError("Nama hari libur wajib diisi")
    with transaction(session, immediate=True):
        ensure_years([day.year], session=session)
        row = session.exec(select(DayOffRow).where(DayOffRow.day == day)).first()
        if row is None:
            row = DayOffRow(day=day, name=name, kind=kind, source="manual")
        row.name, row.kind, row.removed = name, kind, False
        session.add(row)
        _record_change(session, f"hari libur {format_tanggal(day)} ditambahkan: {name} "
                                f"({KINDS[kind].lower()})", by)
        _recount(session, day)


def remove_day_off(day: date, *, session: Session, by: str | None = None) -> None:
    with transaction(session, immediate=True):
        ensure_years([day.year], session=session)
        row = session.exec(select(DayOffRow).where(DayOffRow.day == day)).first()
        if row is None or row.removed:
            raise InputError(f"{format_tanggal(day)} bukan hari libur di kalender kantor")
        row.removed = True
        session.add(row)
        _record_change(session, f"hari libur {format_tanggal(day)} ({row.name}) dihapus", by)
        _recount(session, day)


def _recount(session: Session, day: date | None) -> None:
    """Working minutes already summarised follow the calendar as it is now, in the change's
    own transaction: a day off added later shortens every pass that lay on a desk that day
    (and may make it no longer late). The rounds touching `day` (any clock), or every round
    when the working hours changed."""
    from kecamatan_desktop.services import summaries

    session.flush()
    if day is None:
        summaries.rebuild(session)
        return
    start = datetime.combine(day, time(0), UTC) - timedelta(days=1)
    summaries.rebuild(session, summaries.rounds_touching(session, start,
                                                         start + timedelta(days=3)))


def office_calendar(years: Iterable[int], *, session: Session,
                    tz: tzinfo = WIB) -> OfficeCalendar:
    """The calendar for computing working minutes on the office's clock, covering `years`
    (read only: years not stored yet come from the package in memory)."""
    days = _days_off_rows(years, session)
    return OfficeCalendar(hours=working_hours(session=session),
                          days_off=frozenset(d for d, off in days.items() if off), tz=tz)
