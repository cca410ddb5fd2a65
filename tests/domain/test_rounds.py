"""The round state machine on the Renja procedure: passes, loops, holds, refusals."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kecamatan_desktop.domain import rounds
from kecamatan_desktop.domain.calendar import WIB, OfficeCalendar
from kecamatan_desktop.domain.rounds import Entry, Person, RoundError, Status
from kecamatan_desktop.domain.zones import WITA
from tests.export.sample_sops import seed_sop

RENJA = seed_sop("poncokusumo-2018-renja")
LANES = {lane: Person(i, name) for i, (lane, name) in enumerate({
    "Camat": "Drs. SUKARLIN, M.Si.", "Sekcam": "Sekretaris", "Tim": "Ketua Tim",
    "Kasubag Evapor": "Kasubag Evapor", "Staf": "Staf", "Kasubag Umum": "Kasubag Umum"}.items(),
    1)}
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)


def complete(state, **kw):
    """Complete the current step, handing the file to the lane's officer of LANES."""
    target = (rounds.next_position(RENJA, state.current, kw.get("decision"))
              if state.current is not None else None)
    receiver = LANES.get(RENJA.steps[target - 1].role) if target else None
    return rounds.complete(RENJA, state, receiver=receiver, **kw)


def at(t):
    """Entered at `t` by the operator, on the WIB clock."""
    return Entry(by="op", entered_at=t)


class Log:
    def __init__(self):
        self.events = self.numbered(rounds.start(RENJA, LANES, at=T0, entry=at(T0)))
        self.t = T0

    def numbered(self, new):
        start = len(getattr(self, "events", []))
        return [rounds.replace_seq(e, start + i) for i, e in enumerate(new, 1)]

    def add(self, new):
        self.events += self.numbered(new)

    @property
    def state(self):
        return rounds.replay(RENJA, self.events)

    def complete(self, decision=None, minutes=30, **kw):
        self.t += timedelta(minutes=minutes)
        self.add(complete(self.state, at=self.t, entry=at(self.t),
                                 decision=decision, **kw))


def test_a_whole_round_with_one_loop_at_step_6():
    log = Log()
    for _ in range(5):
        log.complete()
    assert log.state.current == 6
    log.complete("tidak")
    assert log.state.current == 5 and log.state.holder == "Staf"
    log.complete()
    log.complete("ya")
    log.complete("ya")
    for _ in range(5):
        log.complete()
    state = log.state
    assert state.status is Status.DONE and state.current is None
    assert state.loops == 1
    positions = [p.position for p in state.passes]
    assert positions == [1, 2, 3, 4, 5, 6, 5, 6, 7, 8, 9, 10, 11, 12]
    assert [p.decision for p in state.passes if p.position == 6] == ["tidak", "ya"]
    assert all(p.handed_at is not None for p in state.passes)


def test_refusals_record_nothing():
    log = Log()
    for _ in range(5):
        log.complete()
    with pytest.raises(RoundError, match="keputusan"):
        log.complete()  # step 6 needs Ya or Tidak
    with pytest.raises(RoundError, match="lebih awal"):
        log.complete("ya", minutes=-60)
    log.complete("ya")
    with pytest.raises(RoundError, match="bukan keputusan"):
        complete(rounds.replay(RENJA, log.events[:3]), at=log.t,
                        entry=at(log.t), decision="ya")


def test_completing_a_finished_round_is_refused():
    log = Log()
    log.add(rounds.cancel(log.state, "SOP diganti", at=T0 + timedelta(hours=1),
                          entry=at(T0 + timedelta(hours=1))))
    assert log.state.status is Status.CANCELLED
    with pytest.raises(RoundError, match="dibatalkan"):
        log.complete()


def test_hold_time_does_not_count():
    log = Log()
    cal = OfficeCalendar()
    log.add(rounds.hold(log.state, at=T0 + timedelta(hours=1), entry=at(T0 + timedelta(hours=1))))
    with pytest.raises(RoundError, match="ditahan"):
        log.complete()
    log.add(rounds.resume(log.state, at=T0 + timedelta(hours=3),
                          entry=at(T0 + timedelta(hours=3))))
    log.t = T0 + timedelta(hours=3, minutes=30)
    log.add(complete(log.state, at=log.t, entry=at(log.t)))
    first = log.state.passes[0]
    timing = rounds.pass_timing(RENJA, first, cal, until=log.t)
    # 08:00-09:00 worked, 09:00-11:00 held, 11:00-11:30 worked
    assert timing.working_minutes == 90
    assert timing.standard_minutes == 10 and timing.late


def test_reassign_changes_the_holder():
    log = Log()
    log.add(rounds.reassign(log.state, Person(9, "Plt. Camat"), at=T0, entry=at(T0)))
    assert log.state.holder == "Plt. Camat" and log.state.holder_id == 9


def test_naive_time_is_refused():
    with pytest.raises(RoundError, match="zona waktu"):
        rounds.start(RENJA, LANES, at=datetime(2026, 11, 23, 8), entry=at(T0))


def test_a_time_in_the_future_is_refused_naming_both_times():
    with pytest.raises(RoundError, match=r"belum terjadi: sekarang 23 November 2026 08\.00"):
        rounds.start(RENJA, LANES, at=T0 + timedelta(minutes=6), entry=at(T0))
    rounds.start(RENJA, LANES, at=T0 + timedelta(minutes=4), entry=at(T0))  # clocks drift
    with pytest.raises(RoundError, match="1970"):
        rounds.start(RENJA, LANES, at=datetime(1, 1, 1, tzinfo=WIB), entry=at(T0))


def test_a_correction_keeps_the_original_and_the_state_uses_the_new_values():
    log = Log()
    log.complete(minutes=60)  # step 1 done at 09:00 by the Camat
    log.complete(minutes=60)  # step 2 done at 10:00
    fixed_at = T0 + timedelta(minutes=30)
    log.add(rounds.correct(log.events, 2, "salah ketik jam", entry=at(log.t),
                           occurred_at=fixed_at, officer=Person(7, "Plh. Camat")))
    original = next(e for e in log.events if e.seq == 2)
    assert original.occurred_at == T0 + timedelta(hours=1)  # the log itself is unchanged
    assert log.events[-1].kind is rounds.EventKind.CORRECTED and log.events[-1].corrects == 2
    first, second = log.state.passes[:2]
    assert first.handed_at == fixed_at and first.done_by == "Plh. Camat" and first.corrected
    assert second.received_at == fixed_at  # the handoff moved with its completion
    with pytest.raises(RoundError, match="lebih lambat dari kejadian sesudahnya"):
        rounds.correct(log.events, 2, "x", entry=at(log.t), occurred_at=log.t + timedelta(
            minutes=1))
    with pytest.raises(RoundError, match="lebih awal dari kejadian sebelumnya"):
        rounds.correct(log.events, 2, "x", entry=at(log.t), occurred_at=T0 - timedelta(hours=1))
    with pytest.raises(RoundError, match="alasan"):
        rounds.correct(log.events, 2, " ", entry=at(log.t), output="x")
    with pytest.raises(RoundError, match="tidak dapat dikoreksi lagi"):
        rounds.correct(log.events, len(log.events), "x", entry=at(log.t), output="x")


def test_a_cancelled_round_stops_accruing():
    log = Log()
    log.add(rounds.cancel(log.state, "batal", at=T0 + timedelta(days=1),
                          entry=at(T0 + timedelta(days=1))))
    state = log.state
    cal = OfficeCalendar()
    year_later = T0 + timedelta(days=365)
    timing = rounds.pass_timing(RENJA, state.passes[-1], cal, until=state.accrues_until(year_later))
    assert timing.working_minutes == 450  # one working day, then nothing more


def test_a_wita_office_counts_working_time_on_its_own_clock():
    wita = OfficeCalendar(tz=WITA)
    start = datetime(2026, 11, 23, 8, 0, tzinfo=WITA)  # 07:00 WIB: a WIB office opens 07:30
    assert wita.working_minutes(start, start + timedelta(hours=1)) == 60
    assert OfficeCalendar().working_minutes(start, start + timedelta(hours=1)) == 30


def test_what_someone_else_did_is_told():
    log = Log()
    log.complete(minutes=60)
    text = rounds.describe_change(RENJA, log.events[1:], WITA)
    assert text.startswith("Langkah 1 sudah diselesaikan oleh Drs. SUKARLIN, M.Si. pukul "
                           "23 November 2026 10.00 WITA")


# who receives the file, and undoing a handoff ------------------------------------------------

def test_the_receiver_is_the_lane_officer_then_the_jabatan_then_the_lanes_last_holder():
    log = Log()
    nobody = {lane: None for lane in LANES}
    state = log.state
    budi = Person(40, "Budi")
    # the lane's officer fixed for the round comes first
    assert rounds.receiver_for(RENJA, state.passes, LANES, 2, budi) == LANES["Sekcam"]
    # else the one officer whose jabatan the lane names
    assert rounds.receiver_for(RENJA, state.passes, nobody, 2, budi) == budi
    # else whoever last held (or did) that lane in this round; else nobody
    assert rounds.receiver_for(RENJA, state.passes, nobody, 2, None) is None
    assert RENJA.steps[0].role == RENJA.steps[8].role == "Camat"
    assert rounds.receiver_for(RENJA, state.passes, nobody, 9, None) == LANES["Camat"]


def test_a_handoff_names_its_receiver_or_nobody_when_the_clerk_chose_so():
    log = Log()
    log.t += timedelta(minutes=30)
    log.add(rounds.complete(RENJA, log.state, at=log.t, entry=at(log.t),
                            receiver=Person(9, "Ani")))
    assert log.state.holder == "Ani" and log.state.holder_id == 9
    log.t += timedelta(minutes=30)
    log.add(rounds.complete(RENJA, log.state, at=log.t, entry=at(log.t), receiver=None,
                            done_by=Person(9, "Ani")))
    assert log.state.current == 3 and log.state.holder is None


def test_undo_voids_the_last_handoff_and_a_wrong_decision_is_made_again():
    log = Log()
    for _ in range(5):
        log.complete()
    log.complete("ya")  # wrong: it should have been Tidak
    assert log.state.current == 7
    wrong = log.state
    log.t += timedelta(minutes=10)
    log.add(rounds.hold(log.state, at=log.t, entry=at(log.t)))
    log.add(rounds.add_note(log.state, "menunggu", at=log.t, entry=at(log.t)))
    log.add(rounds.undo(log.events, log.state, "salah pilih Ya", entry=at(log.t)))
    undo = log.events[-1]
    assert undo.kind is rounds.EventKind.UNDONE and undo.note == "salah pilih Ya"
    done, handed = [e for e in log.events if e.decision == "ya"][0], None
    handed = log.events[log.events.index(done) + 1]
    held = next(e for e in log.events if e.kind is rounds.EventKind.HELD)
    assert undo.changes["voids"] == [done.seq, handed.seq, held.seq]  # the note stays
    state = log.state
    assert state.current == 6 and state.status is Status.ACTIVE
    assert state.passes[-1].handed_at is None and len(state.passes) == len(wrong.passes) - 1
    assert len(log.events) == 1 + 6 * 2 + 3  # nothing removed from the log
    log.complete("tidak")
    assert log.state.current == 5 and log.state.loops == 1


def test_undo_is_refused_when_it_does_not_name_the_last_handoff_or_has_no_reason():
    log = Log()
    with pytest.raises(RoundError, match="belum ada serah terima"):
        rounds.undo(log.events, log.state, "x", entry=at(log.t))
    log.complete()
    log.complete()
    first = next(e for e in log.events if e.kind is rounds.EventKind.COMPLETED)
    with pytest.raises(RoundError, match="bukan yang terakhir"):
        rounds.undo(log.events, log.state, "x", entry=at(log.t), seq=first.seq)
    with pytest.raises(RoundError, match="alasan"):
        rounds.undo(log.events, log.state, "  ", entry=at(log.t))
    log.add(rounds.undo(log.events, log.state, "salah", entry=at(log.t)))
    undone = log.events[-1].corrects
    with pytest.raises(RoundError, match="sudah dibatalkan"):
        rounds.correct(log.events, undone, "x", entry=at(log.t), note="y")
    with pytest.raises(RoundError, match="sudah dibatalkan"):
        rounds.undo(log.events, log.state, "x", entry=at(log.t), seq=undone)
    # walking back once more undoes the handoff before it
    log.add(rounds.undo(log.events, log.state, "salah juga", entry=at(log.t)))
    assert log.state.current == 1 and len(log.state.passes) == 1


def test_undo_of_the_last_step_reopens_a_finished_round():
    log = Log()
    for decision in (None,) * 5 + ("ya", "ya") + (None,) * 5:
        log.complete(decision)
    assert log.state.status is Status.DONE
    log.add(rounds.undo(log.events, log.state, "belum ditandatangani", entry=at(log.t)))
    assert log.state.status is Status.ACTIVE and log.state.current == 12


def test_a_correction_of_a_completion_can_name_the_right_receiver():
    log = Log()
    log.complete()
    done = next(e for e in log.events if e.kind is rounds.EventKind.COMPLETED)
    fixes = rounds.correct(log.events, done.seq, "salah penerima", entry=at(log.t),
                           receiver=Person(9, "Ani"), note="diperbaiki")
    assert [f.corrects for f in fixes] == [done.seq, done.seq + 1]
    log.add(fixes)
    assert log.state.holder == "Ani" and log.state.passes[0].note == "diperbaiki"
