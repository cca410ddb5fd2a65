"""The office calendar as stored: working hours and days off, holidays from `holidays`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, select

from kecamatan_desktop.domain.calendar import DayOff, OfficeCalendar, WorkingHours
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.round_models import CalendarYearRow, DayOffRow, WorkingHoursRow

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


def set_working_hours(hours: WorkingHours, *, session: Session) -> None:
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


def ensure_years(years: Iterable[int], *, session: Session) -> None:
    """Load national holidays and cuti bersama of years not yet loaded (country ID)."""
    import holidays  # imported late: only needed the first time a year is used

    loaded = set(session.exec(select(CalendarYearRow.year)))
    missing = sorted(set(years) - loaded)
    if not missing:
        return
    existing = set(session.exec(select(DayOffRow.day)))
    with transaction(session):
        for year in missing:
            for category, kind in (("public", "libur"), ("government", "cuti_bersama")):
                days = holidays.country_holidays("ID", years=year, categories=(category,),
                                                 language="id")
                for day, name in sorted(days.items()):
                    if day not in existing:
                        session.add(DayOffRow(day=day, name=name, kind=kind))
                        existing.add(day)
            session.add(CalendarYearRow(year=year))


def days_off(year: int, *, session: Session) -> list[DayOff]:
    ensure_years([year], session=session)
    rows = session.exec(select(DayOffRow).where(DayOffRow.removed.is_(False))
                        .order_by(DayOffRow.day)).all()
    return [DayOff(r.day, r.name, r.kind) for r in rows if r.day.year == year]


def add_day_off(day: date, name: str, kind: str, *, session: Session) -> None:
    if kind not in KINDS:
        raise InputError(f"Jenis hari libur {kind!r} tidak dikenal: pilih libur atau "
                         "cuti_bersama")
    if not name.strip():
        raise InputError("Nama hari libur wajib diisi")
    ensure_years([day.year], session=session)
    row = session.exec(select(DayOffRow).where(DayOffRow.day == day)).first()
    if row is None:
        row = DayOffRow(day=day, name=name, kind=kind, source="manual")
    row.name, row.kind, row.removed = name, kind, False
    with transaction(session):
        session.add(row)


def remove_day_off(day: date, *, session: Session) -> None:
    ensure_years([day.year], session=session)
    row = session.exec(select(DayOffRow).where(DayOffRow.day == day)).first()
    if row is None or row.removed:
        raise InputError(f"{day.isoformat()} bukan hari libur di kalender kantor")
    row.removed = True
    with transaction(session):
        session.add(row)


def office_calendar(years: Iterable[int], *, session: Session) -> OfficeCalendar:
    """The calendar for computing working minutes; `years` are loaded first if needed."""
    ensure_years(years, session=session)
    rows = session.exec(select(DayOffRow.day).where(DayOffRow.removed.is_(False))).all()
    return OfficeCalendar(hours=working_hours(session=session), days_off=frozenset(rows))
