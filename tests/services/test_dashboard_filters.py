"""The dashboard's filters (late, held, nobody's, by holder, with SOP) and its late-first order,
on a real database, at a fixed moment."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kecamatan_desktop.domain.calendar import WorkingHours
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services import calendar, history, rounds
from tests.services.test_rounds import RENJA, T0, step_done

LKJ = "poncokusumo-2018-lkj"
NOW = T0 + timedelta(days=3)  # Thursday 26 November 2026, 08.00
LANES = {"Tim": "Budi Santoso", "Staf": "Dewi Lestari"}


def _start(session, title, at, sop=RENJA, lanes=LANES):
    return rounds.start_round(sop, session=session, title=title, at=at, lanes=lanes)


@pytest.fixture
def office(session):
    """Six rounds as an office has them on Thursday morning:
    - "Lama": at step 1 (10 minutes) since Monday 08.00, three days on the Camat's desk
    - "Kemarin": at step 1 since Wednesday 15.00, 90 minutes on the desk, late
    - "Baru": at step 1 since Thursday 07.55, five minutes on the desk, not late
    - "Tanpa": at step 3 (lane Tim, nobody named), since Monday 09.00, late
    - "Tahan": at step 1 since Monday 08.00, held on Monday 08.05: on hold, not late
    - "LKj": the LKj SOP at step 1 since Tuesday 08.00, late
    and one finished round."""
    made = {}
    made["Lama"] = _start(session, "Lama", T0)
    made["Kemarin"] = _start(session, "Kemarin", T0 + timedelta(days=2, hours=7))
    made["Baru"] = _start(session, "Baru", NOW - timedelta(minutes=5))
    nobody = _start(session, "Tanpa", T0, lanes={"Staf": "Dewi Lestari"})
    nobody = step_done(session, nobody, at=T0 + timedelta(minutes=30))
    made["Tanpa"] = step_done(session, nobody, at=T0 + timedelta(hours=1), no_receiver=True)
    held = _start(session, "Tahan", T0)
    made["Tahan"] = rounds.hold_round(held.id, session=session, expected_version=held.version,
                                      at=T0 + timedelta(minutes=5))
    made["LKj"] = _start(session, "LKj", T0 + timedelta(days=1), sop=LKJ)
    done = _start(session, "Selesai", T0 - timedelta(days=7))
    made["Selesai"] = rounds.cancel_round(done.id, "salah SOP", session=session,
                                          expected_version=done.version,
                                          at=T0 - timedelta(days=6))
    assert made["Tanpa"].holder is None and made["Tanpa"].current_step == 3
    return made


def _titles(view) -> list[str]:
    return [r.title for r in view.rows]


def test_the_open_rounds_longest_waiting_first(session, office):
    shown = history.dashboard(session=session, now=NOW)
    assert _titles(shown) == ["Lama", "Tahan", "Tanpa", "LKj", "Kemarin", "Baru"]
    assert shown.late == 4 and shown.total == 6


def test_late_lists_only_the_late_ones(session, office):
    shown = history.dashboard(session=session, view="terlambat", now=NOW)
    assert _titles(shown) == ["Lama", "Tanpa", "LKj", "Kemarin"]
    assert all(r.late for r in shown.rows) and shown.late == shown.total == 4
    # the status bar's count of late rounds is the length of this list
    assert history.open_round_counts(session=session, now=NOW) == (6, 4)
    # five minutes into step 1's ten, "Baru" is not late; ninety minutes later it is
    assert "Baru" in _titles(history.dashboard(session=session, view="terlambat",
                                               now=NOW + timedelta(minutes=90)))


def test_held_lists_only_the_rounds_on_hold(session, office):
    shown = history.dashboard(session=session, view="ditahan", now=NOW)
    assert _titles(shown) == ["Tahan"] and shown.rows[0].status == "on_hold"
    assert not shown.rows[0].late  # five minutes of ten when it was held


def test_nobodys_lists_the_open_rounds_whose_step_has_no_holder(session, office):
    shown = history.dashboard(session=session, view="tanpa-pemegang", now=NOW)
    assert _titles(shown) == ["Tanpa"]
    assert (shown.rows[0].lane, shown.rows[0].holder) == ("Tim", None)
    # the finished round has no holder either, and is not listed
    assert history.dashboard(session=session, view="semua", now=NOW).total == 7


def test_by_holder(session, office):
    camat = office["Lama"].holder
    shown = history.dashboard(session=session, officer=camat, now=NOW)
    assert set(_titles(shown)) == {"Lama", "Kemarin", "Baru", "Tahan", "LKj"}
    assert history.dashboard(session=session, officer="Dewi Lestari", now=NOW).rows == ()


def test_filters_combine(session, office):
    camat = office["Lama"].holder
    late_camat = history.dashboard(session=session, view="terlambat", officer=camat, now=NOW)
    assert _titles(late_camat) == ["Lama", "LKj", "Kemarin"]
    late_lkj = history.dashboard(session=session, view="terlambat", sop_id=LKJ, now=NOW)
    assert _titles(late_lkj) == ["LKj"]
    nobody_renja = history.dashboard(session=session, view="tanpa-pemegang", sop_id=RENJA,
                                     now=NOW)
    assert _titles(nobody_renja) == ["Tanpa"]
    assert history.dashboard(session=session, view="tanpa-pemegang", sop_id=LKJ,
                             now=NOW).rows == ()
    held_lkj = history.dashboard(session=session, view="ditahan", sop_id=LKJ, now=NOW)
    assert held_lkj.rows == () and held_lkj.total == 0


def test_late_first_puts_the_most_overdue_on_top(session, office):
    shown = history.dashboard(session=session, late_first=True, now=NOW)
    assert _titles(shown) == ["Lama", "LKj", "Tanpa", "Kemarin", "Tahan", "Baru"]
    over = [r.working_minutes - r.standard_minutes for r in shown.rows[:4]]
    # Monday from 08.00 (420 minutes), Tuesday, Wednesday, Thursday to 08.00 (30)
    assert over == [420 + 450 + 450 + 30 - 10, 900 - 10, 1290 - 450, 90 - 10]
    # "Tanpa" (step 3: one day) has sat longer than "LKj" (10 minutes), but is less over
    lkj, tanpa = shown.rows[1], shown.rows[2]
    assert tanpa.working_minutes > lkj.working_minutes
    late = history.dashboard(session=session, view="terlambat", late_first=True, now=NOW)
    assert _titles(late) == ["Lama", "LKj", "Tanpa", "Kemarin"]


def test_a_view_gives_the_calendars_working_day(session, office):
    assert history.dashboard(session=session, now=NOW).day_minutes == 450
    eight = ((7 * 60, 12 * 60), (13 * 60, 16 * 60))  # 8 hours, Monday to Friday
    calendar.set_working_hours(WorkingHours(days=(eight,) * 5 + ((), ())), session=session)
    assert history.dashboard(session=session, now=NOW).day_minutes == 480
    # a view with no open round reads the calendar too
    finished = history.dashboard(session=session, view="dibatalkan", now=NOW)
    assert _titles(finished) == ["Selesai"] and finished.day_minutes == 480


def test_an_unknown_view_is_refused(session):
    with pytest.raises(InputError, match="'telat' tidak dikenal.*terlambat"):
        history.dashboard(session=session, view="telat")
