"""The round state machine on the Renja procedure: passes, loops, holds, refusals."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kecamatan_desktop.domain import rounds
from kecamatan_desktop.domain.calendar import WIB, OfficeCalendar
from kecamatan_desktop.domain.rounds import RoundError, Status
from tests.export.sample_sops import seed_sop

RENJA = seed_sop("poncokusumo-2018-renja")
LANES = {"Camat": "Drs. SUKARLIN, M.Si.", "Sekcam": "Sekretaris", "Tim": "Ketua Tim",
         "Kasubag Evapor": "Kasubag Evapor", "Staf": "Staf", "Kasubag Umum": "Kasubag Umum"}
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)


class Log:
    def __init__(self):
        self.events = rounds.start(RENJA, LANES, at=T0, entered_at=T0, by="op")
        self.t = T0

    @property
    def state(self):
        return rounds.replay(RENJA, self.events)

    def complete(self, decision=None, minutes=30, **kw):
        self.t += timedelta(minutes=minutes)
        self.events += rounds.complete(RENJA, self.state, LANES, at=self.t, entered_at=self.t,
                                       by="op", decision=decision, **kw)


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
        rounds.complete(RENJA, rounds.replay(RENJA, log.events[:3]), LANES, at=log.t,
                        entered_at=log.t, by="op", decision="ya")


def test_completing_a_finished_round_is_refused():
    log = Log()
    log.events += rounds.cancel(log.state, "SOP diganti", at=T0 + timedelta(hours=1),
                                entered_at=T0, by="op")
    assert log.state.status is Status.CANCELLED
    with pytest.raises(RoundError, match="dibatalkan"):
        log.complete()


def test_hold_time_does_not_count():
    log = Log()
    cal = OfficeCalendar()
    log.events += rounds.hold(log.state, at=T0 + timedelta(hours=1), entered_at=T0, by="op")
    with pytest.raises(RoundError, match="ditahan"):
        log.complete()
    log.events += rounds.resume(log.state, at=T0 + timedelta(hours=3), entered_at=T0, by="op")
    log.t = T0 + timedelta(hours=3, minutes=30)
    log.events += rounds.complete(RENJA, log.state, LANES, at=log.t, entered_at=log.t, by="op")
    first = log.state.passes[0]
    timing = rounds.pass_timing(RENJA, first, cal, now=log.t)
    # 08:00-09:00 worked, 09:00-11:00 held, 11:00-11:30 worked
    assert timing.working_minutes == 90
    assert timing.standard_minutes == 10 and timing.late


def test_reassign_changes_the_holder():
    log = Log()
    log.events += rounds.reassign(log.state, "Plt. Camat", at=T0, entered_at=T0, by="op")
    assert log.state.holder == "Plt. Camat"


def test_naive_time_is_refused():
    with pytest.raises(RoundError, match="zona waktu"):
        rounds.start(RENJA, LANES, at=datetime(2026, 11, 23, 8), entered_at=T0, by="op")
