"""Time on a desk as an office counts it: working days of the office's calendar and hours."""

from __future__ import annotations

import pytest

from kecamatan_desktop.domain.calendar import WorkingHours
from kecamatan_desktop.domain.tanggal import format_lama


@pytest.mark.parametrize(("minutes", "day", "text"), [
    (0, 450, "0 menit"),
    (1, 450, "1 menit"),
    (45, 450, "45 menit"),
    (59, 450, "59 menit"),
    (60, 450, "1 jam"),
    (61, 450, "1 jam 1 menit"),
    (449, 450, "7 jam 29 menit"),  # a 7.5-hour day: still under one day
    (450, 450, "1 hari"),
    (451, 450, "1 hari"),  # from a day on, minutes are not counted
    (450 + 59, 450, "1 hari"),
    (450 + 60, 450, "1 hari 1 jam"),
    (2 * 450 + 3 * 60, 450, "2 hari 3 jam"),
    (2 * 480 + 3 * 60, 480, "2 hari 3 jam"),  # an 8-hour day
    (450, 480, "7 jam 30 menit"),  # the same minutes are not a day of 480
    (232 * 60 + 30, 450, "31 hari"),  # the "232 j 30 m": 31 days of 7.5 hours
    (186 * 60, 450, "24 hari 6 jam"),
])
def test_working_days_hours_and_minutes(minutes, day, text):
    assert format_lama(minutes, day) == text


def test_the_default_calendars_day_is_seven_and_a_half_hours():
    day = WorkingHours.default().day_minutes
    assert format_lama(day, day) == "1 hari"
    assert format_lama(day * 5 + 90, day) == "5 hari 1 jam"


def test_nothing_to_show():
    assert format_lama(None, 450) == "-"
    assert format_lama(None, 450, empty="") == ""


def test_a_calendar_without_working_days_counts_hours_only():
    assert format_lama(3000, 0) == "50 jam"


def test_a_negative_time_is_a_programming_error():
    with pytest.raises(ValueError, match="-5"):
        format_lama(-5, 450)
