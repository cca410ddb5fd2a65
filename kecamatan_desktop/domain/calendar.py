"""The office calendar: working hours per weekday and days off; working minutes between times.

"1 hari" in a Mutu Baku is one working day, and a file on a desk over the weekend or a
holiday has not been late for those days: every duration here is counted in working minutes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from kecamatan_desktop.domain.zones import WIB

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
    tz: tzinfo = WIB  # the office's clock: working hours are its wall-clock hours

    @classmethod
    def with_days_off(cls, hours: WorkingHours, days: Iterable[DayOff],
                      tz: tzinfo = WIB) -> OfficeCalendar:
        return cls(hours=hours, days_off=frozenset(d.day for d in days), tz=tz)

    @property
    def day_minutes(self) -> int:
        return self.hours.day_minutes

    def intervals_on(self, day: date) -> tuple[Interval, ...]:
        if day in self.days_off:
            return ()
        return self.hours.days[day.weekday()]

    def working_minutes(self, start: datetime, end: datetime) -> int:
        """Working minutes in [start, end) on the office's clock; 0 when end is not after start.

        The first and last day are walked interval by interval; the whole days between are
        counted by weeks and weekdays, less the days off among them, so a file that has lain
        on a desk for months costs no more than one that arrived this morning.
        """
        start, end = start.astimezone(self.tz), end.astimezone(self.tz)
        if end <= start:
            return 0
        first, last = start.date(), end.date()
        if first == last:
            return round(self._within_day(first, start, end))
        total = self._within_day(first, start, None) + self._within_day(last, None, end)
        total += self._whole_days(first + timedelta(days=1), last)
        return round(total)

    def _within_day(self, day: date, start: datetime | None, end: datetime | None) -> float:
        midnight = datetime.combine(day, time(0), self.tz)
        total = 0.0
        for a, b in self.intervals_on(day):
            lo = midnight + timedelta(minutes=a)
            hi = midnight + timedelta(minutes=b)
            lo = max(lo, start) if start else lo
            hi = min(hi, end) if end else hi
            if hi > lo:
                total += (hi - lo).total_seconds() / 60
        return total

    def _whole_days(self, first: date, stop: date) -> int:
        """Working minutes of the whole days first .. stop-1."""
        count = (stop - first).days
        if count <= 0:
            return 0
        per_weekday = [sum(b - a for a, b in day) for day in self.hours.days]
        weeks, rest = divmod(count, 7)
        total = weeks * sum(per_weekday)
        for i in range(rest):
            total += per_weekday[(first.weekday() + i) % 7]
        off = self._sorted_days_off
        for i in range(bisect_left(off, first), bisect_left(off, stop)):
            total -= per_weekday[off[i].weekday()]
        return total

    @property
    def _sorted_days_off(self) -> list[date]:
        cached = self.__dict__.get("_sorted_cache")
        if cached is None:
            cached = sorted(self.days_off)
            object.__setattr__(self, "_sorted_cache", cached)
        return cached

    def spans_minutes(self, spans: Iterable[tuple[datetime, datetime]]) -> int:
        return sum(self.working_minutes(a, b) for a, b in spans)
