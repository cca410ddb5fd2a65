"""Working minutes: weekends, breaks, public holidays and cuti bersama do not count."""

from datetime import UTC, date, datetime, timedelta

import pytest

from kecamatan_desktop.domain.calendar import WIB, DayOff, OfficeCalendar, WorkingHours
from kecamatan_desktop.domain.waktu import parse_waktu


def wib(y, m, d, hh=0, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=WIB)


CAL = OfficeCalendar()


def test_default_week_is_37_and_a_half_hours():
    assert WorkingHours.default().weekly_minutes == 37 * 60 + 30
    assert CAL.day_minutes == 450


def test_friday_afternoon_to_monday_morning():
    # Friday 2026-11-20 15:00 -> 16:30 is 90 min; Monday 07:30 -> 09:00 is 90 min
    assert CAL.working_minutes(wib(2026, 11, 20, 15), wib(2026, 11, 23, 9)) == 180


def test_lunch_break_and_evening_do_not_count():
    assert CAL.working_minutes(wib(2026, 11, 23, 11, 30), wib(2026, 11, 23, 13, 30)) == 60
    assert CAL.working_minutes(wib(2026, 11, 23, 15), wib(2026, 11, 24, 8)) == 90


def test_a_public_holiday_and_a_cuti_bersama_day_do_not_count():
    # Monday 2026-03-16 to Wednesday 2026-03-25: Nyepi (19th), cuti bersama (18, 20, 23, 24)
    days_off = [DayOff(date(2026, 3, 19), "Hari Suci Nyepi", "libur"),
                DayOff(date(2026, 3, 18), "Cuti Bersama Hari Suci Nyepi", "cuti_bersama")]
    cal = OfficeCalendar.with_days_off(WorkingHours.default(), days_off)
    start, end = wib(2026, 3, 17, 15), wib(2026, 3, 20, 8)
    # Tue 15:00-16:00 = 60, Wed off, Thu off, Fri 07:30-08:00 = 30
    assert cal.working_minutes(start, end) == 90
    assert CAL.working_minutes(start, end) == 60 + 450 + 450 + 30


def test_one_hari_is_one_working_day():
    standard = parse_waktu("1 hari").working_minutes(CAL.day_minutes)
    assert standard == CAL.working_minutes(wib(2026, 11, 24, 7, 30), wib(2026, 11, 25, 7, 30))


def test_other_time_zones_are_converted_to_wib():
    utc = UTC
    start = datetime(2026, 11, 23, 1, 0, tzinfo=utc)  # 08:00 WIB
    end = start + timedelta(hours=1)
    assert CAL.working_minutes(start, end) == 60


@pytest.mark.parametrize("hours", [0, 1, 5, 24, 24 * 9])
def test_minutes_never_exceed_wall_clock(hours):
    start = wib(2026, 11, 23, 7)
    assert 0 <= CAL.working_minutes(start, start + timedelta(hours=hours)) <= hours * 60


def test_end_before_start_is_zero():
    assert CAL.working_minutes(wib(2026, 11, 24), wib(2026, 11, 23)) == 0


def test_long_spans_match_a_day_by_day_count():
    from datetime import time as dtime

    days_off = [DayOff(date(2026, 3, 19), "Nyepi", "libur"),
                DayOff(date(2026, 8, 17), "HUT RI", "libur"),
                DayOff(date(2026, 12, 26), "Sabtu", "libur")]
    cal = OfficeCalendar.with_days_off(WorkingHours.default(), days_off)
    start, end = wib(2026, 1, 7, 10, 15), wib(2026, 12, 30, 14, 5)
    by_day = 0
    day = start.date()
    while day <= end.date():
        for a, b in cal.intervals_on(day):
            lo = max(start, datetime.combine(day, dtime(0), WIB) + timedelta(minutes=a))
            hi = min(end, datetime.combine(day, dtime(0), WIB) + timedelta(minutes=b))
            if hi > lo:
                by_day += (hi - lo).total_seconds() / 60
        day += timedelta(days=1)
    assert cal.working_minutes(start, end) == round(by_day)
