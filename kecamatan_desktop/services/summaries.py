"""What a round's events give, kept beside them for the history views: the round row's
summary columns and one `round_pass` row per pass through a step.

A cache, not history: written in the transaction of every event, recomputed for the rounds
a calendar change touches, rebuilt from the events by `check --rebuild`, and compared with
the events by `check`. The migration that made the table fills it with this same code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo

from sqlalchemy import bindparam, delete, insert, select, update
from sqlmodel import Session

from kecamatan_desktop.domain import rounds as machine
from kecamatan_desktop.domain.calendar import OfficeCalendar
from kecamatan_desktop.domain.round_lanes import names
from kecamatan_desktop.domain.round_spans import timings
from kecamatan_desktop.domain.rounds import EventKind, RoundEvent, RoundState
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.zones import zone
from kecamatan_desktop.store.models import OfficeRow, SopRow
from kecamatan_desktop.store.round_models import RoundEventRow, RoundPassRow, RoundRow

ROUND_COLUMNS = ("status", "current_position", "holder", "holder_id", "since", "loops",
                 "last_event_at", "started_at", "hold_started", "held_minutes")
PASS_COLUMNS = ("ordinal", "position", "officer", "received_at", "handed_at", "left_at",
                "decision", "done_by", "output", "note", "working_minutes", "standard_minutes",
                "late", "corrected", "held", "span_minutes")
CHUNK = 2_000  # rounds read and written at a time by a rebuild


def round_columns(state: RoundState, calendar: OfficeCalendar) -> dict:
    """The round row's summary columns: where the file is, and the current pass's holds
    (closed ones as working minutes, an open one by its start)."""
    # a step drawn in several lanes is held by each lane's holder: `holder` names them all
    # ("Budi, Sari"), `holder_id` is the first's
    values = {"status": state.status.value, "current_position": state.current,
              "holder": state.holder_names, "holder_id": state.holder_id, "since": state.since,
              "loops": state.loops, "last_event_at": state.last_event_at,
              "started_at": state.started_at, "hold_started": None, "held_minutes": 0}
    last = state.passes[-1] if state.passes and state.current is not None else None
    for held_from, held_to in last.holds if last is not None else ():
        if held_to is None:
            values["hold_started"] = held_from
        else:
            values["held_minutes"] += calendar.working_minutes(held_from, held_to)
    return values


def pass_rows(sop: Sop, state: RoundState, calendar: OfficeCalendar) -> list[dict]:
    """One row per pass; working minutes and lateness once the pass's end is fixed. A pass
    through a span of steps under one Waktu keeps its run's minutes (domain.round_spans)."""
    out = []
    every = timings(sop, state.passes, calendar, state.ended_at or state.last_event_at)
    for ordinal, (p, timing) in enumerate(zip(state.passes, every, strict=True), 1):
        fixed = p.handed_at is not None or state.ended_at is not None
        # kept on the pass ending a run through a span; on a desk, the run to its reception
        span_minutes = timing.span_minutes if timing.span_end else None
        if span_minutes is not None and not fixed:
            span_minutes -= timing.working_minutes
        out.append({
            "ordinal": ordinal, "position": p.position,
            "officer": names(p.lanes) or p.officer,
            "received_at": p.received_at, "handed_at": p.handed_at,
            "left_at": p.handed_at or state.ended_at, "decision": p.decision,
            "done_by": p.done_by, "output": p.output, "note": p.note,
            "working_minutes": timing.working_minutes if fixed else None,
            "standard_minutes": (timing.standard_minutes if timing.span is not None
                                 else machine.standard_minutes(sop, p.position, calendar)),
            "late": bool(fixed and timing.late), "corrected": p.corrected,
            "held": bool(p.holds), "span_minutes": span_minutes})
    return out


def write_passes(session: Session, round_id: int, sop_id: int, revision_id: int,
                 rows: list[dict]) -> None:
    """Replace one round's pass rows (in the caller's transaction)."""
    session.execute(delete(RoundPassRow).where(RoundPassRow.round_id == round_id))
    if rows:
        session.execute(insert(RoundPassRow.__table__), [
            {**r, "round_id": round_id, "sop_id": sop_id, "revision_id": revision_id}
            for r in rows])


def to_event(kind, occurred_at, entered_at, entered_by, position, officer, decision, note,
             output, officer_id, corrects_seq, changes, seq) -> RoundEvent:
    return RoundEvent(kind=EventKind(kind), occurred_at=occurred_at, entered_at=entered_at,
                      entered_by=entered_by, position=position, officer=officer,
                      decision=decision, note=note, output=output, officer_id=officer_id,
                      corrects=corrects_seq, changes=dict(changes or {}), seq=seq)


EVENT_FIELDS = (RoundEventRow.kind, RoundEventRow.occurred_at, RoundEventRow.entered_at,
                RoundEventRow.entered_by, RoundEventRow.position, RoundEventRow.officer,
                RoundEventRow.decision, RoundEventRow.note, RoundEventRow.output,
                RoundEventRow.officer_id, RoundEventRow.corrects_seq, RoundEventRow.changes,
                RoundEventRow.seq)


class Rebuilder:
    """Recomputes summaries from events, reading each revision and each office's calendar
    once (the calendar covers every year the rounds span)."""

    def __init__(self, session: Session):
        from kecamatan_desktop.services.catalogue import revision_sop

        self.session = session
        self._revision_sop = revision_sop
        self.sops: dict[int, Sop] = {}
        self.calendars: dict[str, OfficeCalendar] = {}
        self.years: range = range(0)

    def sop(self, revision_id: int) -> Sop:
        if revision_id not in self.sops:
            self.sops[revision_id] = self._revision_sop(revision_id, session=self.session)[0]
        return self.sops[revision_id]

    def preload(self, revision_ids: Iterable[int]) -> None:
        from kecamatan_desktop.services.catalogue import revision_sops

        found = revision_sops(set(revision_ids) - set(self.sops), session=self.session)
        self.sops.update({rev: sop for rev, (sop, _n) in found.items()})

    def calendar(self, zone_text: str, *times: datetime) -> OfficeCalendar:
        from kecamatan_desktop.services.calendar import office_calendar

        tz: tzinfo = zone(zone_text)
        years = [t.astimezone(tz).year for t in times if t is not None]
        wanted = range(min(years, default=2000), max(years, default=2000) + 1)
        cached = self.calendars.get(zone_text)
        if cached is None or wanted.start < self.years.start or wanted.stop > self.years.stop:
            start = min(wanted.start, self.years.start) if self.years else wanted.start
            stop = max(wanted.stop, self.years.stop) if self.years else wanted.stop
            self.years = range(start, stop)
            self.calendars.clear()
            cached = None
        if cached is None:
            cached = self.calendars[zone_text] = office_calendar(
                self.years, session=self.session, tz=tz)
        return cached

    def expected(self, revision_id: int, zone_text: str,
                 events: list[RoundEvent]) -> tuple[RoundState, dict, list[dict]]:
        """The state, round columns and pass rows the events give; RoundError if they
        give none."""
        sop = self.sop(revision_id)
        state = machine.replay(sop, events)
        calendar = self.calendar(zone_text, state.started_at, state.last_event_at)
        return state, round_columns(state, calendar), pass_rows(sop, state, calendar)


def round_meta(session: Session, round_ids: Iterable[int] | None = None
               ) -> list[tuple[int, int, int, str, int]]:
    """(round id, sop id, revision id, office zone, event count) of the rounds, by id."""
    query = (select(RoundRow.id, RoundRow.sop_id, RoundRow.revision_id, OfficeRow.time_zone,
                    RoundRow.event_count)
             .join(SopRow, SopRow.id == RoundRow.sop_id)
             .join(OfficeRow, OfficeRow.id == SopRow.office_id).order_by(RoundRow.id))
    if round_ids is not None:
        query = query.where(RoundRow.id.in_(list(round_ids)))
    return [tuple(r) for r in session.execute(query)]


def events_by_round(session: Session, first: int, last: int) -> dict[int, list[RoundEvent]]:
    """The events of rounds first..last (ids), each round's in order."""
    out: dict[int, list[RoundEvent]] = defaultdict(list)
    rows = session.execute(select(RoundEventRow.round_id, *EVENT_FIELDS)
                           .where(RoundEventRow.round_id.between(first, last))
                           .order_by(RoundEventRow.round_id, RoundEventRow.seq))
    for rid, *fields in rows:
        out[rid].append(to_event(*fields))
    return out


def rebuild(session: Session, round_ids: Iterable[int] | None = None, *,
            progress: Callable[[int, int], bool] | None = None) -> int:
    """Recompute the summaries of the rounds (all when None) from their events, in the
    caller's transaction. A round whose log cannot be replayed keeps its summary (check
    reports it). Returns how many rounds were rebuilt."""
    from kecamatan_desktop.domain.errors import Cancelled

    meta = round_meta(session, round_ids)
    rebuilder = Rebuilder(session)
    rebuilder.preload(r[2] for r in meta)
    done = 0
    for i in range(0, len(meta), CHUNK):
        chunk = meta[i:i + CHUNK]
        logs = events_by_round(session, chunk[0][0], chunk[-1][0])
        updates, passes, ids = [], [], []
        for rid, sop_id, revision_id, zone_text, _count in chunk:
            try:
                _state, columns, rows = rebuilder.expected(revision_id, zone_text,
                                                           logs.get(rid, []))
            except machine.RoundError:
                continue
            ids.append(rid)
            updates.append({**columns, "rid": rid})
            passes += [{**r, "round_id": rid, "sop_id": sop_id, "revision_id": revision_id}
                       for r in rows]
        if ids:
            table = RoundRow.__table__
            session.execute(update(table).where(table.c.id == bindparam("rid")).values(
                {c: bindparam(c) for c in ROUND_COLUMNS}), updates)
            session.execute(delete(RoundPassRow).where(RoundPassRow.round_id.in_(ids)))
            session.execute(insert(RoundPassRow.__table__), passes)
        done += len(ids)
        if progress is not None and progress(i + len(chunk), len(meta)) is False:
            raise Cancelled("Pembangunan ulang ringkasan dibatalkan; tidak ada yang diubah")
    return done


def stored_passes(session: Session, first: int, last: int) -> dict[int, list[dict]]:
    """The pass rows as stored for rounds first..last, each round's by ordinal."""
    columns = [getattr(RoundPassRow, c) for c in PASS_COLUMNS]
    out: dict[int, list[dict]] = defaultdict(list)
    for rid, *values in session.execute(
            select(RoundPassRow.round_id, *columns)
            .where(RoundPassRow.round_id.between(first, last))
            .order_by(RoundPassRow.round_id, RoundPassRow.ordinal)):
        out[rid].append(dict(zip(PASS_COLUMNS, values, strict=True)))
    return out


def rounds_touching(session: Session, start: datetime, end: datetime) -> list[int]:
    """Rounds with a pass on a desk at some time in [start, end): their working minutes
    depend on whether that time is worked."""
    query = (select(RoundPassRow.round_id).distinct()
             .where(RoundPassRow.received_at < end)
             .where((RoundPassRow.left_at.is_(None)) | (RoundPassRow.left_at > start)))
    return list(session.execute(query).scalars())
