"""Every write says what it changed, to the listeners of the database it was called on; a
refused or rolled-back write says nothing; the change stamps move with each kind of write
made elsewhere and stay put for reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from kecamatan_desktop.domain.calendar import WorkingHours
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services import (
    calendar,
    catalogue,
    checking,
    editing,
    history,
    officers,
    offices,
    rounds,
)
from kecamatan_desktop.services.changes import EVERYTHING, Changes
from kecamatan_desktop.services.session import call, listen
from kecamatan_desktop.services.stamps import read_stamps
from tests.services.test_rounds import RENJA, T0, add_staff

OFFICE = "Kecamatan Poncokusumo"


@pytest.fixture
def heard(catalogue_db):
    with catalogue_db.session() as s:
        add_staff(s)
    told: list[Changes] = []
    stop = listen(catalogue_db, told.append)
    yield told
    stop()


def revise(sop_id: str, activity: str, *, session):
    sop = catalogue.get_sop(sop_id, session=session).sop
    steps = (replace(sop.steps[0], activity=activity), *sop.steps[1:])
    return editing.save_revision(replace(sop, steps=steps), session=session)


def test_each_write_tells_what_it_changed(catalogue_db, heard):
    db = catalogue_db
    started = call(db, rounds.start_round, RENJA, title="Renja 2027", at=T0)
    assert heard[-1] == Changes(rounds=frozenset({started.id}))
    call(db, rounds.complete_step, started.id, expected_version=started.version,
         at=T0 + timedelta(hours=1))
    assert heard[-1] == Changes(rounds=frozenset({started.id}))
    call(db, officers.add_officer, name="Wawan Setiawan", nip="19910606 201601 1 006",
         jabatan="Staf")
    assert heard[-1] == Changes(officers=True)
    call(db, calendar.add_day_off, date(2026, 12, 1), "Libur kantor", "libur")
    assert heard[-1] == Changes(calendar=True)
    call(db, calendar.set_working_hours, WorkingHours.default())
    assert heard[-1] == Changes(calendar=True)
    call(db, offices.update_office_profile, OFFICE, phone="0341 123")
    assert heard[-1] == Changes(office=True)
    call(db, revise, RENJA, "Menerima surat")
    assert heard[-1] == Changes(sops=frozenset({RENJA}))
    call(db, catalogue.archive_sop, "ngantang-2021-iku")
    assert heard[-1] == Changes(sops=frozenset({"ngantang-2021-iku"}))
    [finding, *_] = [f for f in call(db, checking.check_stored_sop, RENJA).findings]
    call(db, checking.dismiss, finding, "sudah dibahas")
    assert heard[-1] == Changes(sops=frozenset({RENJA}))
    assert len(heard) == 9
    # reads tell nothing
    call(db, history.open_round_counts)
    call(db, catalogue.catalogue_listing)
    assert len(heard) == 9


def test_a_refused_write_tells_nothing(catalogue_db, heard):
    with pytest.raises(InputError):
        call(catalogue_db, officers.add_officer, name="Salah", nip="123", jabatan="Staf")
    with pytest.raises(InputError):  # refused inside its transaction, after the note
        call(catalogue_db, calendar.remove_day_off, date(2026, 12, 2))
    started = call(catalogue_db, rounds.start_round, RENJA, title="Renja 2027", at=T0)
    heard.clear()
    with pytest.raises(InputError):  # a stale version: noted, then rolled back
        call(catalogue_db, rounds.hold_round, started.id, expected_version=started.version + 5)
    assert heard == []

    def refused_then_written(*, session):
        with pytest.raises(InputError):
            rounds.hold_round(started.id, session=session, expected_version=0)
        officers.add_officer(session=session, name="Wawan Setiawan",
                             nip="19910606 201601 1 006", jabatan="Staf")

    call(catalogue_db, refused_then_written)
    assert heard == [Changes(officers=True)]  # the refused hold is not part of it


def test_a_write_that_commits_then_fails_tells_what_it_committed(catalogue_db, heard):
    def two_writes(*, session):
        officers.add_officer(session=session, name="Wawan Setiawan",
                             nip="19910606 201601 1 006", jabatan="Staf")
        calendar.remove_day_off(date(2026, 12, 2), session=session)  # refused

    with pytest.raises(InputError):
        call(catalogue_db, two_writes)
    assert heard == [Changes(officers=True)]


def test_writes_outside_call_tell_no_one(catalogue_db, heard):
    """The command line's sessions: nothing is listened to."""
    with catalogue_db.session() as s:
        officers.add_officer(session=s, name="Wawan Setiawan", nip="19910606 201601 1 006",
                             jabatan="Staf")
    assert heard == []


def test_changes_unite_and_say_what_they_touch():
    a = Changes(sops=frozenset({"a"}), rounds=frozenset({1}))
    b = Changes(rounds=frozenset({2}), calendar=True, elsewhere=True)
    both = a | b
    assert both.rounds == {1, 2} and both.calendar and both.elsewhere and both.touches_sop("a")
    assert not Changes() and both and EVERYTHING.touches_round(99)
    assert not a.touches_round(2) and EVERYTHING.touches_sop("x")


def test_the_stamps_move_with_each_kind_of_write_and_say_which(session):
    def moved(write) -> Changes:
        before = read_stamps(session=session)
        write()
        return read_stamps(session=session).changes_since(before)

    assert moved(lambda: history.open_round_counts(session=session)) == Changes()
    r = rounds.start_round(RENJA, session=session, title="Renja 2027", at=T0)
    assert moved(lambda: rounds.complete_step(
        r.id, session=session, expected_version=r.version,
        at=T0 + timedelta(hours=1))) == Changes(all_rounds=True, elsewhere=True)
    people = {o.name: o for o in officers.list_officers(session=session)}
    siti = people["Siti Aminah"]
    assert moved(lambda: officers.update_officer(
        siti.id, session=session, seen=siti, name="Siti Aminah, S.Sos.", nip=siti.nip,
        jabatan=siti.jabatan, office=siti.office)) == Changes(officers=True, elsewhere=True)
    assert moved(lambda: officers.set_active(people["Rina Wati"].id, False,
                                             session=session)).officers
    assert moved(lambda: calendar.add_day_off(date(2026, 12, 1), "Libur kantor", "libur",
                                              session=session)).calendar
    assert moved(lambda: calendar.set_working_hours(WorkingHours.default(),
                                                    session=session)).calendar
    assert moved(lambda: calendar.days_off(2031, session=session)) == Changes()  # a read
    assert moved(lambda: offices.update_office_profile(OFFICE, time_zone="WITA",
                                                       session=session)).office
    assert moved(lambda: revise(RENJA, "Menerima surat", session=session)) == Changes(
        all_sops=True, elsewhere=True)
