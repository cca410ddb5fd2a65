"""The office calendar: working hours per weekday and days off; working minutes between times.

"1 hari" in a Mutu Baku is one working day, and a file on a desk over the weekend or a
holiday has not been late for those days: every duration here is counted in working minutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")
Interval = tuple[int, int]  # minutes after midnight, start < end


def _hm(text: str) -> int:
    h, m = text.split(":")
    return int(h) * 60 + int(m)


@dataclass(frozen=True)
class WorkingHours:
    """Working intervals for Monday (0) to Sunday (6), in minutes after midnight, local time."""

    days: tuple[tuple[Interval, ...], ...]

    @classmethod
    def default(cls) -> WorkingHours:
        """37.5 hours a week: Mon–Thu 07.30–16.00, Fri 07.30–16.30, with the midday breaks."""
        mon_thu = ((_hm("07:30"), _hm("12:00")), (_hm("13:00"), _hm("16:00")))
        friday = ((_hm("07:30"), _hm("11:30")), (_hm("13:00"), _hm("16:30")))
        return cls(days=(mon_thu, mon_thu, mon_thu, mon_thu, friday, (), ()))

    @property
    def weekly_minutes(self) -> int:
        return sum(end - start for day in self.days for start, end in day)

    @property
    def day_minutes(self) -> int:
        """One working day ("1 hari"): the week's minutes over its working days."""
        working = sum(1 for day in self.days if day)
        return self.weekly_minutes // working if working else 0


@dataclass(frozen=True)
class DayOff:
    day: date
    name: str
    kind: str  # "libur" (public holiday) or "cuti_bersama"


@dataclass(frozen=True)
class OfficeCalendar:
    hours: WorkingHours = field(default_factory=WorkingHours.default)
    days_off: frozenset[date] = frozenset()

    @classmethod
    def with_days_off(cls, hours: WorkingHours, days: Iterable[DayOff]) -> OfficeCalendar:
        return cls(hours=hours, days_off=frozenset(d.day for d in days))

    @property
    def day_minutes(self) -> int:
        return self.hours.day_minutes

    def intervals_on(self, day: date) -> tuple[Interval, ...]:
        if day in self.days_off:
            return ()
        return self.hours.days[day.weekday()]

    def working_minutes(self, start: datetime, end: datetime) -> int:
        """Working minutes in [start, end) in WIB; 0 when end is not after start."""
        start, end = start.astimezone(WIB), end.astimezone(WIB)
        if end <= start:
            return 0
        total = 0.0
        day = start.date()
        while day <= end.date():
            midnight = datetime.combine(day, time(0), WIB)
            for a, b in self.intervals_on(day):
                lo = max(start, midnight + timedelta(minutes=a))
                hi = min(end, midnight + timedelta(minutes=b))
                if hi > lo:
                    total += (hi - lo).total_seconds() / 60
            day += timedelta(days=1)
        return int(round(total))

    def spans_minutes(self, spans: Iterable[tuple[datetime, datetime]]) -> int:
        return sum(self.working_minutes(a, b) for a, b in spans)
