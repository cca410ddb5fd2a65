"""Rounds on an SOP as real books write it: a step drawn in two lanes (held by both lanes'
holders, completed by either, handed to a receiver per lane), one Waktu over two steps
(timed once, for the span), Waktu in words with no standard, and a later start step."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from kecamatan_desktop.domain import rounds
from kecamatan_desktop.domain.calendar import WIB, OfficeCalendar
from kecamatan_desktop.domain.flow import check_runnable
from kecamatan_desktop.domain.round_lanes import LaneHolder, event_names
from kecamatan_desktop.domain.round_log import round_log
from kecamatan_desktop.domain.round_spans import NO_STANDARD, spans, standard_text, timings
from kecamatan_desktop.domain.rounds import Entry, EventKind, Person, RoundError, Status
from kecamatan_desktop.domain.tanggal import format_lama
from tests.export.sample_sops import seed_sop

RENJA = seed_sop("poncokusumo-2018-renja")
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)  # a Monday
TIM, STAF, SEKCAM = Person(3, "Ketua Tim"), Person(5, "Sari"), Person(2, "Sekretaris")
LANES = {"Camat": Person(1, "Camat"), "Sekcam": SEKCAM, "Tim": TIM,
         "Kasubag Evapor": Person(4, "Kasubag Evapor"), "Staf": Person(6, "Staf"),
         "Kasubag Umum": Person(7, "Kasubag Umum")}


def book_sop():
    """Renja as a book would draw it: step 3 in the Tim and Staf lanes, one Waktu of 1 jam
    over steps 4 and 5, Waktu 'Setiap saat' at step 1, and step 8 drawn as a start."""
    steps = list(RENJA.steps)
    steps[0] = replace(steps[0], time="Setiap saat")
    steps[2] = replace(steps[2], other_roles=("Staf",))
    steps[3] = replace(steps[3], time="1 jam", time_span=2)
    steps[4] = replace(steps[4], time="")
    steps[7] = replace(steps[7], start=True)
    return replace(RENJA, steps=tuple(steps))


SOP = book_sop()


def entry(t):
    return Entry(by="op", entered_at=t)


class Log:
    def __init__(self):
        self.t = T0
        self.events = []
        self.add(rounds.start(SOP, LANES, at=T0, entry=entry(T0)))

    def add(self, new):
        self.events += [rounds.replace_seq(e, len(self.events) + i)
                        for i, e in enumerate(new, 1)]

    @property
    def state(self):
        return rounds.replay(SOP, self.events)

    def complete(self, minutes=30, **kw):
        self.t += timedelta(minutes=minutes)
        state = self.state
        target = rounds.next_position(SOP, state.current, kw.get("decision"))
        if target is not None and "receivers" not in kw and "receiver" not in kw:
            kw["receivers"] = [LANES[lane] for lane in SOP.steps[target - 1].roles]
        kw.setdefault("receiver", None)
        self.add(rounds.complete(SOP, state, at=self.t, entry=entry(self.t), **kw))


def at_step_3():
    log = Log()
    log.complete()
    log.complete(receivers=[TIM, STAF])
    return log


def test_a_step_in_two_lanes_is_held_by_both_lanes_holders():
    state = at_step_3().state
    assert state.current == 3
    assert state.holders == (LaneHolder("Tim", TIM), LaneHolder("Staf", STAF))
    assert state.holder_names == "Ketua Tim, Sari"
    assert state.holder == "Ketua Tim" and state.holder_id == 3  # the first completes it


def test_either_holder_completes_it_and_the_log_names_both_receivers():
    log = at_step_3()
    log.complete(done_by=STAF)
    done = log.state.passes[2]
    assert done.done_by == "Sari" and done.handed_at == log.t
    assert log.state.current == 4 and log.state.holder_names == "Kasubag Evapor"
    handed = next(e for e in log.events if e.kind is EventKind.HANDED_OFF and e.position == 3)
    assert handed.officer == "Ketua Tim"
    assert handed.changes == {"other_lanes": [{"lane": "Staf", "officer": "Sari",
                                                "officer_id": 5}]}
    assert event_names(handed.officer, handed.changes) == "Ketua Tim, Sari"
    line = next(ln for ln in round_log(SOP, log.events, log.state.passes,
                                       [0] * len(log.state.passes))
                if ln.kind == "handoff" and ln.next_step == "3")
    assert line.handed_to.now == "Ketua Tim, Sari"


def test_the_handoff_into_it_needs_one_receiver_per_lane():
    log = Log()
    log.complete()
    state = log.state
    with pytest.raises(RoundError, match="2 lajur .*Tim, Staf.*bukan 1"):
        rounds.complete(SOP, state, at=log.t + timedelta(minutes=5),
                        entry=entry(log.t + timedelta(minutes=5)), receiver=None,
                        receivers=[TIM])


def test_an_old_handoff_with_one_receiver_still_replays():
    log = Log()
    log.complete()
    log.t += timedelta(minutes=30)
    old_style = rounds.complete(RENJA, log.state, at=log.t, entry=entry(log.t), receiver=TIM)
    assert all(not e.changes for e in old_style)
    log.add(old_style)
    assert log.state.holders == (LaneHolder("Tim", TIM), LaneHolder("Staf", None))
    assert log.state.holder_names == "Ketua Tim"


def test_a_reassignment_names_its_lane_and_changes_that_holder_only():
    log = at_step_3()
    log.add(rounds.reassign(log.state, Person(8, "Rina"), at=log.t, entry=entry(log.t),
                            lane="Staf"))
    assert log.state.holder_names == "Ketua Tim, Rina"
    assert log.events[-1].changes == {"lane": "Staf"}
    with pytest.raises(RoundError, match="lajurnya: Tim, Staf"):
        rounds.reassign(log.state, Person(8, "Rina"), at=log.t, entry=entry(log.t),
                        lane="Camat")


def test_the_next_receivers_come_from_each_lane():
    log = at_step_3()
    state = log.state
    # nobody fixed for the Staf lane in the round: the last who held it in this round
    fixed = {"Tim": TIM}
    assert rounds.receiver_for(SOP, state.passes, fixed, 3, None, lane="Staf") == STAF
    assert rounds.receiver_for(SOP, state.passes, fixed, 3, None) == TIM


def test_one_waktu_over_two_steps_is_timed_once_for_the_span():
    log = at_step_3()
    log.complete()  # 3 -> 4 at 09:30
    log.complete(minutes=40)  # 4 -> 5
    log.complete(minutes=40)  # 5 -> 6: the span took 80 working minutes against 1 jam
    log.complete(minutes=10, decision="tidak")  # 6 -> back to 5, a new run
    log.complete(minutes=20)  # 5 -> 6
    state = log.state
    calendar = OfficeCalendar()
    times = timings(SOP, state.passes, calendar, log.t)
    by = [(p.position, t.standard_minutes, t.working_minutes, t.span_minutes, t.late,
           t.span_end) for p, t in zip(state.passes, times, strict=True)]
    assert by[3:8] == [
        (4, None, 40, 40, False, False),  # inside the span: no standard of its own
        (5, 60, 40, 80, True, True),  # the span, once: 80 minutes against 60, late
        (6, 10, 10, None, False, False),
        (5, 60, 20, 20, False, True),  # sent back into the span: a run of its own
        (6, 10, 0, None, False, False)]
    assert sum(t.standard_minutes or 0 for t in times[3:6]) == 70  # 1 jam counted once
    days = lambda m: format_lama(m, calendar.day_minutes)  # noqa: E731
    assert standard_text(SOP, 4, times[3], days) == "dalam Langkah 4–5"
    assert standard_text(SOP, 5, times[4], days) == "Langkah 4–5: 1 jam"
    assert spans(SOP)[5].label == "4–5" and 6 not in spans(SOP)


def test_the_span_runs_live_while_the_file_is_inside_it():
    log = at_step_3()
    log.complete()
    log.complete(minutes=50)  # now at 5, the span's last step, after 50 minutes at 4
    state = log.state
    times = timings(SOP, state.passes, OfficeCalendar(), log.t + timedelta(minutes=20))
    assert (times[-1].span_minutes, times[-1].standard_minutes, times[-1].late) == (70, 60,
                                                                                    True)


def test_waktu_in_words_shows_no_standard_rather_than_zero():
    log = Log()
    log.complete()
    first = timings(SOP, log.state.passes, OfficeCalendar(), log.t)[0]
    assert first.standard_minutes is None and not first.late
    assert standard_text(SOP, 1, first, str) == NO_STANDARD == "tanpa waktu baku"


def test_a_later_start_is_a_plain_step_of_the_round():
    check_runnable(SOP)  # step 8 drawn as a start is reached from step 7
    log = at_step_3()
    answers = {6: "ya", 7: "ya"}
    while log.state.current is not None:
        log.complete(decision=answers.get(log.state.current))
    state = log.state
    assert state.status is Status.DONE
    assert [p.position for p in state.passes] == list(range(1, 13))
    assert rounds.next_position(SOP, 7, "ya") == 8
