"""Rounds in a real database: a whole Renja round, refusals, the dashboard, statistics."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlmodel import select

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.jabatan import KASUBAG_EVAPOR, KASUBAG_UMUM, SEKCAM, STAF
from kecamatan_desktop.services import calendar, officers, rounds
from kecamatan_desktop.store.round_models import RoundEventRow, RoundRow

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)  # a Monday
RENJA = "poncokusumo-2018-renja"
STAFF = [("Siti Aminah", "19800101 200501 2 001", SEKCAM),
         ("Budi Santoso", "19810202 200601 1 002", KASUBAG_EVAPOR),
         ("Dewi Lestari", "19900303 201501 2 003", STAF),
         ("Agus Salim", "19850404 201001 1 004", KASUBAG_UMUM),
         ("Rina Wati", "19870505 201101 2 005", STAF)]


def add_staff(session) -> None:
    """The office's staff in the officer directory, as the round tests expect them."""
    for name, nip, jabatan in STAFF:
        officers.add_officer(session=session, name=name, nip=nip, jabatan=jabatan,
                             office="Kecamatan Poncokusumo")


def start(session, **kw):
    return rounds.start_round(RENJA, session=session, title="Renja 2027", at=T0,
                              lanes={"Tim": "Budi Santoso", "Staf": "Dewi Lestari"}, **kw)


def step_done(session, r, **kw):
    """Complete the step the round `r` (as last read) is at."""
    return rounds.complete_step(r.id, session=session, expected_version=r.version, **kw)


def run_renja(session):
    r = start(session)
    t = T0
    answers = {6: ["tidak", "ya"], 7: ["ya"]}
    while r.current_step is not None:
        t += timedelta(minutes=40)
        decision = answers[r.current_step].pop(0) if r.current_step in answers else None
        r = step_done(session, r, decision=decision, at=t,
                                 output=f"hasil {r.current_step}")
    return r


def test_the_camats_are_in_the_directory(catalogue_db):
    with catalogue_db.session() as s:
        names = {o.name: o for o in officers.list_officers(session=s)}
    assert names["Drs. SUKARLIN, M.Si."].nip == "19650202 198710 1 001"
    assert names["Drs. SUKARLIN, M.Si."].pangkat == "Pembina Tk. I"
    assert names["AKHMAD TAUFIQ J., S.STP"].office == "Kecamatan Ngantang"


def test_bad_nip_is_refused(session):
    with pytest.raises(InputError, match="18 angka"):
        officers.add_officer(session=session, name="X", nip="1234", jabatan=STAF)
    with pytest.raises(InputError, match="sudah terdaftar"):
        officers.add_officer(session=session, name="Y", nip=STAFF[0][1], jabatan=STAF)


def test_lanes_default_from_the_directory(session):
    r = start(session)
    assert r.lanes["Camat"] == "Drs. SUKARLIN, M.Si."
    assert r.lanes["Sekcam"] == "Siti Aminah"
    assert r.lanes["Kasubag Umum"] == "Agus Salim"
    assert r.lanes["Staf"] == "Dewi Lestari"  # two Staf: the round names one
    assert r.holder == "Drs. SUKARLIN, M.Si." and r.current_step == 1


def test_a_whole_round_with_one_loop(session):
    r = run_renja(session)
    assert r.status == "done" and r.current_step is None and r.loops == 1
    assert [s.position for s in r.steps] == [1, 2, 3, 4, 5, 6, 5, 6, 7, 8, 9, 10, 11, 12]
    assert r.steps[5].decision == "tidak" and r.steps[7].decision == "ya"
    assert r.steps[4].officer == "Dewi Lestari"
    # 40 minutes per step on the desk; step 1's standard is 10 menit: late
    assert r.steps[0].working_minutes == 40 and r.steps[0].late
    assert r.steps[2].standard_minutes == 450 and not r.steps[2].late
    events = r.to_json()["events"]
    assert events[0]["kind"] == "started" and events[-1]["kind"] == "finished"
    assert events[0]["occurred_at"] == "2026-11-23T08:00+07:00"
    rows = session.exec(select(RoundEventRow)).all()
    assert len(rows) == len(events)


def test_refusals_change_nothing(session):
    r = start(session)
    count = len(session.exec(select(RoundEventRow)).all())
    with pytest.raises(InputError, match="bukan keputusan"):
        step_done(session, r, decision="ya", at=T0 + timedelta(hours=1))
    with pytest.raises(InputError, match="lebih awal"):
        step_done(session, r, at=T0 - timedelta(hours=1))
    with pytest.raises(InputError, match="tidak ada di daftar"):
        step_done(session, r, done_by="Orang Asing",
                             at=T0 + timedelta(hours=1))
    with pytest.raises(InputError, match="Putaran nomor 999"):
        rounds.complete_step(999, session=session, expected_version=0, at=T0 + timedelta(hours=1))
    with pytest.raises(InputError, match="tidak dikenal"):
        step_done(session, r, decision="mungkin")
    assert len(session.exec(select(RoundEventRow)).all()) == count
    t = T0
    for _ in range(5):
        t += timedelta(minutes=30)
        r = step_done(session, r, at=t)
    with pytest.raises(InputError, match="jawab Ya atau Tidak"):
        step_done(session, r, at=t + timedelta(minutes=5))


def test_completing_a_finished_round_is_refused(session):
    r = run_renja(session)
    with pytest.raises(InputError, match="selesai"):
        step_done(session, r, at=T0 + timedelta(days=3))


def test_unknown_lane_officer_and_wrong_jabatan(session):
    with pytest.raises(InputError, match="tidak ada di daftar"):
        rounds.start_round(RENJA, session=session, title="x", lanes={"Tim": "Siapa"}, at=T0)
    with pytest.raises(InputError, match="bukan Sekretaris Kecamatan"):
        rounds.start_round(RENJA, session=session, title="x", lanes={"Sekcam": "Dewi Lestari"},
                           at=T0)
    assert session.exec(select(RoundRow)).all() == []


def test_hold_and_resume_leave_hold_time_out(session):
    r = start(session)
    r = rounds.hold_round(r.id, session=session, expected_version=r.version,
                          at=T0 + timedelta(hours=1), note="menunggu data")
    with pytest.raises(InputError, match="ditahan"):
        step_done(session, r, at=T0 + timedelta(hours=2))
    r = rounds.resume_round(r.id, session=session, expected_version=r.version,
                            at=T0 + timedelta(hours=3))
    now = T0 + timedelta(hours=3, minutes=30)
    [line] = rounds.list_rounds(session=session, active_only=True, now=now)
    assert line.working_minutes == 90 and line.holder == "Drs. SUKARLIN, M.Si."
    r = step_done(session, r, at=now)
    assert r.steps[0].working_minutes == 90


def test_reassign_within_the_lane(session):
    r = start(session)
    t = T0
    for _ in range(4):
        t += timedelta(minutes=30)
        r = step_done(session, r, at=t)
    assert r.holder == "Dewi Lestari"
    r = rounds.reassign_round(r.id, "Rina Wati", session=session, expected_version=r.version, at=t)
    assert r.holder == "Rina Wati" and r.lanes["Staf"] == "Rina Wati"
    with pytest.raises(InputError, match="bukan Staf"):
        rounds.reassign_round(r.id, "Agus Salim", session=session, expected_version=r.version, at=t)


def test_cancel_needs_a_reason(session):
    r = start(session)
    with pytest.raises(InputError, match="alasan"):
        rounds.cancel_round(r.id, " ", session=session, expected_version=r.version, at=T0)
    r = rounds.cancel_round(r.id, "Diganti putaran baru", session=session,
                            expected_version=r.version, at=T0)
    assert r.status == "cancelled"
    assert rounds.list_rounds(session=session, active_only=True) == []


def test_dashboard_marks_late_rounds(session):
    r = start(session)
    [line] = rounds.list_rounds(session=session, now=T0 + timedelta(minutes=5))
    assert (line.current_step, line.lane, line.late) == (1, "Camat", False)
    [line] = rounds.list_rounds(session=session, now=T0 + timedelta(minutes=30))
    assert line.late and line.standard_minutes == 10 and line.working_minutes == 30
    assert rounds.list_rounds(session=session, officer="Siti Aminah") == []
    assert rounds.list_rounds(session=session, sop_id=RENJA)[0].id == r.id


def test_round_keeps_its_revision_after_the_sop_is_revised(session):
    from dataclasses import replace

    from kecamatan_desktop.services import catalogue

    r = start(session)
    sop = catalogue.get_sop(RENJA, session=session).sop
    changed = replace(sop, steps=sop.steps[:-1] + (replace(sop.steps[-1], time="1 jam"),))
    catalogue.import_sops([changed], session=session, replace=True)
    again = rounds.get_round(r.id, session=session)
    assert again.sop_revision == 1 and again.sop.steps[-1].time == "30 menit"


def test_step_statistics(session):
    run_renja(session)
    count, stats = rounds.sop_step_stats(RENJA, session=session)
    assert count == 1
    six = stats[5]
    assert (six.passes, six.sent_back) == (2, 1)
    assert stats[0].average_minutes == 40 and stats[0].late_passes == 1


def test_holidays_come_from_the_package_and_are_editable(session):
    days = {d.day: d for d in calendar.days_off(2026, session=session)}
    assert days[date(2026, 8, 17)].kind == "libur"
    assert days[date(2026, 12, 24)].kind == "cuti_bersama"
    calendar.remove_day_off(date(2026, 12, 24), session=session)
    calendar.add_day_off(date(2026, 11, 25), "Hari Guru (libur daerah)", "libur",
                         session=session)
    days = {d.day for d in calendar.days_off(2026, session=session)}
    assert date(2026, 12, 24) not in days and date(2026, 11, 25) in days
    cal = calendar.office_calendar([2026], session=session)
    assert cal.working_minutes(datetime(2026, 11, 25, 7, tzinfo=WIB),
                               datetime(2026, 11, 26, 7, tzinfo=WIB)) == 0
