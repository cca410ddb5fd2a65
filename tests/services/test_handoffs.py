"""Who receives the file at each handoff, and undoing a handoff, in a real database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.jabatan import SEKCAM, STAF
from kecamatan_desktop.domain.rounds import StaleRoundError
from kecamatan_desktop.services import officers, rounds
from kecamatan_desktop.services.handoffs import handoff_offer
from kecamatan_desktop.store.round_models import RoundEventRow
from tests.services.test_rounds import RENJA

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)  # a Monday


def fresh_round(session, **lanes):
    """A round on an empty directory but for the camats: no lane is filled but Camat's."""
    return rounds.start_round(RENJA, session=session, title="Renja 2027", at=T0, lanes=lanes)


def done(session, r, minutes=30, **kw):
    return rounds.complete_step(r.id, session=session, expected_version=r.version,
                                at=r.since + timedelta(minutes=minutes), **kw)


def test_with_nobody_for_the_lane_the_handoff_is_refused_naming_the_choices(catalogue_db):
    with catalogue_db.session() as s:
        r = fresh_round(s)
        assert r.holder == "Drs. SUKARLIN, M.Si."  # the camat, from the directory
        with pytest.raises(InputError, match=r"Langkah 2 \(Sekcam\) belum punya penerima.*"
                                             r"Drs\. SUKARLIN"):
            done(s, r)
        assert rounds.get_round(r.id, session=s).version == r.version  # nothing written
        # the clerk may say so: the file then has no holder, and the dashboard knows it
        r = done(s, r, no_receiver=True)
        assert r.current_step == 2 and r.holder is None


def test_an_officer_added_with_the_handoff_receives_it_in_one_transaction(catalogue_db):
    with catalogue_db.session() as s:
        r = fresh_round(s)
        siti = dict(name="Siti Aminah", nip="19800101 200501 2 001", jabatan=SEKCAM,
                    office="Kecamatan Poncokusumo")
        r = done(s, r, receiver="19800101 200501 2 001", new_officers=[siti])
        assert r.holder == "Siti Aminah" and r.current_step == 2
        # a bad NIP refuses the whole handoff: no officer, no event
        bad = dict(siti, name="Salah", nip="123")
        with pytest.raises(InputError, match="NIP"):
            done(s, r, receiver="123", new_officers=[bad])
        assert [o.name for o in officers.list_officers(session=s)].count("Salah") == 0
        assert rounds.get_round(r.id, session=s).version == r.version


def test_the_default_receiver_follows_the_lane_then_the_jabatan_then_the_last_holder(
        catalogue_db):
    with catalogue_db.session() as s:
        officers.add_officer(session=s, name="Siti Aminah", nip="19800101 200501 2 001",
                             jabatan=SEKCAM, office="Kecamatan Poncokusumo")
        r = fresh_round(s)
        offer = handoff_offer(r.id, session=s)
        assert [(w.no, w.lane, w.receiver_name) for w in offer.ways] == [
            ("2", "Sekcam", "Siti Aminah")]  # by jabatan: added after nothing was fixed
        r = done(s, r)
        assert r.holder == "Siti Aminah"
        # Tim names no jabatan: the clerk names someone once …
        dewi = officers.add_officer(session=s, name="Dewi Lestari", nip="19900303 201501 2 003",
                                    jabatan=STAF, office="Kecamatan Poncokusumo")
        r = done(s, r, receiver=dewi.id)
        assert r.holder == "Dewi Lestari"
        for _ in range(3):  # Tim → Kasubag Evapor → Staf → Kasubag Evapor (decision)
            r = done(s, r, no_receiver=r.current_step == 3, done_by=dewi.id)
        offer = handoff_offer(r.id, session=s)
        assert r.current_step == 6
        ways = {w.decision: w for w in offer.ways}
        assert (ways["ya"].no, ways["ya"].lane) == ("7", "Tim")
        assert ways["ya"].receiver_name == "Dewi Lestari"  # … then she held the Tim lane
        assert (ways["tidak"].no, ways["tidak"].receiver_name) == ("5", "Dewi Lestari")


def test_undo_returns_the_round_and_is_refused_when_it_moved_on(catalogue_db):
    with catalogue_db.session() as s:
        officers.add_officer(session=s, name="Siti Aminah", nip="19800101 200501 2 001",
                             jabatan=SEKCAM, office="Kecamatan Poncokusumo")
        r = fresh_round(s)
        seen = r
        r = done(s, r)
        with pytest.raises(StaleRoundError, match="sudah berubah"):
            rounds.undo_handoff(r.id, session=s, expected_version=seen.version, reason="x")
        with pytest.raises(InputError, match="alasan"):
            rounds.undo_handoff(r.id, session=s, expected_version=r.version, reason=" ")
        r = rounds.undo_handoff(r.id, session=s, expected_version=r.version,
                                reason="salah langkah")
        assert r.current_step == 1 and r.holder == "Drs. SUKARLIN, M.Si."
        assert [e.voided_by for e in r.events] == [None, 4, 4, None]
        assert len(r.steps) == 1 and r.steps[0].handed_at is None
        kinds = [k for (k,) in s.execute(select(RoundEventRow.kind).where(
            RoundEventRow.round_id == r.id).order_by(RoundEventRow.seq))]
        assert kinds == ["started", "step_completed", "handed_off", "handoff_undone"]
        line = r.log[1]
        assert line.voided_by == 4 and line.voided_reason == "salah langkah"


def test_a_correction_names_the_right_receiver_and_the_log_shows_old_and_new(catalogue_db):
    with catalogue_db.session() as s:
        for name, nip in (("Siti Aminah", "19800101 200501 2 001"),
                          ("Sri Wahyuni", "19820101 200501 2 009")):
            officers.add_officer(session=s, name=name, nip=nip, jabatan=SEKCAM,
                                 office="Kecamatan Poncokusumo")
        r = fresh_round(s, Sekcam="Siti Aminah")
        r = done(s, r, note="draf lama")
        r = rounds.correct_event(r.id, 2, session=s, expected_version=r.version,
                                 reason="salah catat", receiver="Sri Wahyuni",
                                 note="draf baru")
        assert r.holder == "Sri Wahyuni"
        line = r.log[1]
        assert (line.kind, line.step, line.next_step) == ("handoff", "1", "2")
        assert (line.handed_to.now, line.handed_to.was) == ("Sri Wahyuni", "Siti Aminah")
        assert (line.note.now, line.note.was, line.note.reasons) == (
            "draf baru", "draf lama", ("salah catat",))
        assert [x.kind for x in r.log] == ["started", "handoff", "corrected", "corrected"]


def test_an_undone_reassignment_no_longer_fills_its_lane(catalogue_db):
    with catalogue_db.session() as s:
        for name, nip in (("Siti Aminah", "19800101 200501 2 001"),
                          ("Sri Wahyuni", "19820101 200501 2 009")):
            officers.add_officer(session=s, name=name, nip=nip, jabatan=SEKCAM,
                                 office="Kecamatan Poncokusumo")
        r = fresh_round(s, Sekcam="Siti Aminah")
        r = done(s, r)
        r = rounds.reassign_round(r.id, "Sri Wahyuni", session=s, expected_version=r.version,
                                  at=r.since + timedelta(minutes=40))
        assert r.lanes["Sekcam"] == "Sri Wahyuni"
        r = rounds.undo_handoff(r.id, session=s, expected_version=r.version, reason="salah")
        assert r.lanes["Sekcam"] == "Siti Aminah" and r.current_step == 1
        offer = handoff_offer(r.id, session=s)
        assert offer.ways[0].receiver_name == "Siti Aminah"


def test_an_officer_no_longer_active_is_never_the_default_receiver(catalogue_db):
    with catalogue_db.session() as s:
        siti = officers.add_officer(session=s, name="Siti Aminah", nip="19800101 200501 2 001",
                                    jabatan=SEKCAM, office="Kecamatan Poncokusumo")
        r = fresh_round(s, Sekcam="Siti Aminah")
        officers.set_active(siti.id, False, session=s)
        assert handoff_offer(r.id, session=s).ways[0].receiver is None
        with pytest.raises(InputError, match="belum punya penerima"):
            done(s, r)


def test_the_period_workbook_marks_what_an_undo_voided(catalogue_db):
    from kecamatan_desktop.services.workbook import rounds_workbook

    with catalogue_db.session() as s:
        r = fresh_round(s)
        r = done(s, r, no_receiver=True)
        r = rounds.undo_handoff(r.id, session=s, expected_version=r.version, reason="salah")
        book = rounds_workbook(session=s, round_ids=[r.id])
        details = {row[1]: row[10] for row in book.event_rows}  # seq -> Keterangan
    assert details[2].endswith("[dibatalkan oleh #4]")
    assert details[3].endswith("[dibatalkan oleh #4]")
    assert details[4] == "membatalkan #2, #3 / alasan: salah"
