"""Rounds: start, complete steps, hold, reassign, cancel, correct; read them back against
Mutu Baku.

Every write appends to the round's event log (hash-chained) and refreshes the round's
summary row in the same transaction, holding the write lock from its first read; every
write names the round's version as the user saw it and is refused if it has changed.
Nothing already written is ever changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo

from sqlalchemy import func
from sqlmodel import Session, select

from kecamatan_desktop.domain import ledger
from kecamatan_desktop.domain import rounds as machine
from kecamatan_desktop.domain.calendar import OfficeCalendar
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.round_lanes import LaneHolder, names
from kecamatan_desktop.domain.round_log import LogLine, round_log
from kecamatan_desktop.domain.round_spans import timings
from kecamatan_desktop.domain.rounds import (
    Entry,
    EventKind,
    Person,
    RoundEvent,
    RoundState,
    StaleRoundError,
)
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.tanggal import iso_waktu
from kecamatan_desktop.domain.zones import zone, zone_name
from kecamatan_desktop.services import changes, identity, officers, summaries, witnesses
from kecamatan_desktop.services.calendar import ensure_years, office_calendar
from kecamatan_desktop.services.catalogue import revision_sop, sop_row
from kecamatan_desktop.services.receivers import NOBODY, chosen_receivers, person
from kecamatan_desktop.services.round_lane_rows import lane_for, lane_officer, restore_lanes
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import OfficeRow, SopRevisionRow, SopRow
from kecamatan_desktop.store.round_models import RoundEventRow, RoundLaneRow, RoundRow


def operator() -> str:
    """Who is entering records: the officer signed in and the system's account."""
    return identity.entered_by()


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class StepRecord:
    position: int
    no: str
    role: str
    officer: str | None
    received_at: datetime
    handed_at: datetime | None
    decision: str | None
    standard_minutes: int | None
    working_minutes: int
    late: bool
    note: str
    output: str
    done_by: str | None
    corrected: bool = False  # a value here comes from a correction
    officer_id: int | None = None
    done_by_id: int | None = None
    # a step in several lanes: each lane with its holder (`officer` names them all)
    lanes: tuple[LaneHolder, ...] = ()
    # a step under one Waktu with others: the span's label (`3–4`); on the pass ending the
    # round's run through it, `standard_minutes` and `late` are the span's (domain.round_spans)
    span: str = ""
    span_minutes: int | None = None
    span_end: bool = False


@dataclass(frozen=True)
class EventView:
    """One line of the log exactly as written; `corrected_by` names later corrections."""

    seq: int
    kind: str
    label: str
    occurred_at: datetime
    entered_at: datetime
    entered_by: str
    position: int | None
    officer: str | None
    decision: str | None
    note: str
    output: str
    corrects: int | None = None
    changes: dict | None = None
    corrected_by: tuple[int, ...] = ()
    voided_by: int | None = None  # the undo (*Batalkan serah terima*) that voided it


@dataclass(frozen=True)
class RoundDetail:
    id: int
    sop_id: str
    sop_name: str
    sop_revision: int
    title: str
    status: str
    current_step: int | None
    holder: str | None
    since: datetime | None
    loops: int
    lanes: dict[str, str | None]
    steps: tuple[StepRecord, ...]
    events: tuple[EventView, ...]
    total_working_minutes: int
    total_standard_minutes: int
    sop: Sop
    version: int  # the number of events: what a write must name as the round it saw
    tz: tzinfo  # the office's clock
    ended_at: datetime | None = None
    lane_ids: dict[str, int | None] | None = None
    chain_problem: str | None = None  # the log is not as written: shown, never hidden
    calendar: str = ""  # which working calendar the figures were counted on
    log: tuple[LogLine, ...] = ()  # the log as a person reads it (domain.round_log)
    day_minutes: int = 0  # a working day of the calendar the figures were counted on
    holders: tuple[LaneHolder, ...] = ()  # each lane of the current step with its holder
    segel: str = ""  # its chain's head, short, as printed (services/witnesses.py)

    @property
    def zone(self) -> str:
        return zone_name(self.tz)

    def to_json(self) -> dict:
        def iso(t: datetime | None) -> str | None:
            return iso_waktu(t, self.tz)

        return {
            "id": self.id, "sop_id": self.sop_id, "sop_revision": self.sop_revision,
            "title": self.title, "status": self.status, "current_step": self.current_step,
            "holder": self.holder, "since": iso(self.since), "loops": self.loops,
            "holders": [{"lane": h.lane, "officer": h.person.name if h.person else None}
                        for h in self.holders],
            "version": self.version, "time_zone": self.zone, "ended_at": iso(self.ended_at),
            "lanes": self.lanes,
            "total_working_minutes": self.total_working_minutes,
            "total_standard_minutes": self.total_standard_minutes,
            "chain_problem": self.chain_problem,
            "steps": [{
                "position": s.position, "no": s.no, "role": s.role, "officer": s.officer,
                "received_at": iso(s.received_at), "handed_at": iso(s.handed_at),
                "decision": s.decision, "standard_minutes": s.standard_minutes,
                "working_minutes": s.working_minutes, "late": s.late, "note": s.note,
                "output": s.output, "done_by": s.done_by, "corrected": s.corrected,
                "span": s.span or None, "span_minutes": s.span_minutes,
                "span_end": s.span_end,
            } for s in self.steps],
            "events": [{
                "seq": e.seq, "kind": e.kind, "occurred_at": iso(e.occurred_at),
                "entered_at": iso(e.entered_at), "entered_by": e.entered_by,
                "position": e.position, "officer": e.officer, "decision": e.decision,
                "note": e.note, "output": e.output, "corrects": e.corrects,
                "changes": e.changes, "corrected_by": list(e.corrected_by),
                "voided_by": e.voided_by,
            } for e in self.events],
        }


@dataclass(frozen=True)
class RoundSummary:
    """One line of the Pelaksanaan dashboard."""

    id: int
    sop_id: str
    sop_name: str
    title: str
    status: str
    current_step: int | None
    step_no: str | None
    lane: str | None
    holder: str | None
    since: datetime | None
    working_minutes: int | None
    standard_minutes: int | None
    late: bool
    loops: int
    tz: tzinfo | None = None
    version: int = 0
    # a finished or cancelled round: when it ended, and its working minutes in all against
    # the standard of the passes it made
    ended_at: datetime | None = None
    total_minutes: int | None = None
    total_standard: int | None = None
    waktu: str = ""  # the current step's Waktu as written ("Setiap saat": no standard)


# reading --------------------------------------------------------------------------------------

def _round_row(session: Session, round_id: int, *, for_write: bool = False) -> RoundRow:
    # to write: read afresh (not the session's cached copy) and lock the row on a server
    # (FOR UPDATE; SQLite's write lock already covers it), so the version checked stays true
    row = session.get(RoundRow, round_id, populate_existing=for_write, with_for_update=for_write)
    if row is None:
        raise InputError(f"Putaran nomor {round_id} tidak ada")
    return row


def office_tz(session: Session, sop_id: int) -> tzinfo:
    """The clock of the office the SOP belongs to."""
    name = session.exec(select(OfficeRow.time_zone).join(SopRow, SopRow.office_id == OfficeRow.id)
                        .where(SopRow.id == sop_id)).first()
    return zone(name)


def _event_rows(session: Session, round_id: int) -> list[RoundEventRow]:
    return list(session.exec(select(RoundEventRow).where(RoundEventRow.round_id == round_id)
                             .order_by(RoundEventRow.seq)).all())


def _to_event(r: RoundEventRow) -> RoundEvent:
    return summaries.to_event(*(getattr(r, field.key) for field in summaries.EVENT_FIELDS))


def _hash_fields(r: RoundEventRow) -> dict:
    return {name: getattr(r, name) for name in ledger.FIELDS}


def chain_problem(rows: list[RoundEventRow], rnd: RoundRow) -> str | None:
    """What is wrong with a round's stored log, in Indonesian; None when it is as written."""
    previous = None
    for expected_seq, r in enumerate(rows, 1):
        if r.seq != expected_seq:
            return f"kejadian #{expected_seq} hilang dari riwayat (berikutnya #{r.seq})"
        if r.hash != ledger.event_hash(previous, _hash_fields(r)):
            return (f"kejadian #{r.seq} ({machine.EVENT_LABELS.get(r.kind, r.kind)}) "
                    "diubah di luar program: isinya tidak cocok dengan sidik (hash) yang "
                    "dicatat")
        previous = r.hash
    if len(rows) != rnd.event_count:
        return (f"riwayat berisi {len(rows)} kejadian, padahal {rnd.event_count} tercatat: "
                f"kejadian #{len(rows) + 1} dan sesudahnya hilang")
    return None


def _lanes(session: Session, round_id: int) -> dict[str, Person | None]:
    rows = session.exec(select(RoundLaneRow).where(RoundLaneRow.round_id == round_id)
                        .order_by(RoundLaneRow.id)).all()
    return {r.lane: Person(r.officer_id, r.officer) if r.officer else None for r in rows}


def _calendar(session: Session, tz: tzinfo, *times: datetime | None,
              store: bool = False) -> OfficeCalendar:
    """The office calendar covering every year from the earliest to the latest time. A read
    writes nothing; a write (`store`) keeps those years' days off in the database, so the
    calendar its record was counted on stays fixed."""
    years = [t.astimezone(tz).year for t in times if t is not None]
    span = range(min(years), max(years) + 1) if years else ()
    if store:
        ensure_years(span, session=session)
    return office_calendar(span, session=session, tz=tz)


def _office(session: Session, sop_id: int) -> tuple[str, tzinfo]:
    """The SOP's id (slug) and its office's clock, in one query."""
    slug, name = session.exec(select(SopRow.slug, OfficeRow.time_zone)
                              .join(OfficeRow, OfficeRow.id == SopRow.office_id)
                              .where(SopRow.id == sop_id)).one()
    return slug, zone(name)


def get_round(round_id: int, *, session: Session, now: datetime | None = None) -> RoundDetail:
    """One round as its log gives it: a fixed number of queries, the revision parsed once
    per program run."""
    row = _round_row(session, round_id)
    sop, revision = revision_sop(row.revision_id, session=session)
    slug, tz = _office(session, row.sop_id)
    rows = _event_rows(session, round_id)
    problem = chain_problem(rows, row)
    events = [_to_event(r) for r in rows]
    try:
        state = machine.replay(sop, events)
    except machine.RoundError as exc:
        raise InputError(f"Riwayat putaran {round_id} rusak: {exc}. Jalankan Bantuan → "
                         "Periksa basis data.") from exc
    now = now or now_utc()
    calendar = _calendar(session, tz, state.started_at, state.accrues_until(now))
    return _detail(session, row, slug, sop, revision, tz, events, state, calendar, now,
                   problem=problem)


def _detail(session: Session, row: RoundRow, slug: str, sop: Sop, revision: int, tz: tzinfo,
            events: list[RoundEvent], state: RoundState, calendar: OfficeCalendar,
            now: datetime, *, problem: str | None = None) -> RoundDetail:
    """The round's page from what is in hand: its log, state and calendar."""
    from kecamatan_desktop.services.calendar import describe_calendar

    until = state.accrues_until(now)
    records = []
    for p, timing in zip(state.passes, timings(sop, state.passes, calendar, until),
                         strict=True):
        records.append(StepRecord(
            position=p.position, no=p.no, role=", ".join(h.lane for h in p.lanes) or p.role,
            officer=names(p.lanes) or p.officer,
            received_at=p.received_at, handed_at=p.handed_at, decision=p.decision,
            standard_minutes=timing.standard_minutes, working_minutes=timing.working_minutes,
            late=timing.late, note=p.note, output=p.output, done_by=p.done_by,
            corrected=p.corrected, officer_id=p.officer_id, done_by_id=p.done_by_id,
            lanes=p.lanes, span=timing.span.label if timing.span else "",
            span_minutes=timing.span_minutes, span_end=timing.span_end))
    fixes: dict[int, list[int]] = defaultdict(list)
    for e in events:
        if e.kind is EventKind.CORRECTED:
            fixes[e.corrects].append(e.seq)
    gone = machine.voided(events)
    views = tuple(EventView(
        seq=e.seq, kind=e.kind.value, label=machine.EVENT_LABELS[e.kind],
        occurred_at=e.occurred_at, entered_at=e.entered_at, entered_by=e.entered_by,
        position=e.position, officer=e.officer, decision=e.decision, note=e.note,
        output=e.output, corrects=e.corrects, changes=e.changes or None,
        corrected_by=tuple(fixes.get(e.seq, ())), voided_by=gone.get(e.seq))
        for e in events)
    lanes = _lanes(session, row.id)
    return RoundDetail(
        id=row.id, sop_id=slug, sop_name=sop.name,
        sop_revision=revision, title=row.title, status=state.status.value,
        current_step=state.current, holder=state.holder_names, since=state.since,
        loops=state.loops, holders=state.holders,
        lanes={lane: p.name if p else None for lane, p in lanes.items()},
        lane_ids={lane: p.id if p else None for lane, p in lanes.items()},
        steps=tuple(records), events=views,
        total_working_minutes=sum(r.working_minutes for r in records),
        total_standard_minutes=sum(r.standard_minutes or 0 for r in records),
        sop=sop, version=row.event_count, tz=tz, ended_at=state.ended_at,
        chain_problem=problem, calendar=describe_calendar(calendar, session=session),
        log=round_log(sop, events, state.passes, [r.working_minutes for r in records]),
        day_minutes=calendar.day_minutes, segel=witnesses.saw_round(session, row.id))


def list_rounds(*, session: Session, active_only: bool = False, sop_id: str | None = None,
                officer: str | None = None, status: str | None = None,
                now: datetime | None = None) -> list[RoundSummary]:
    """The dashboard's lines (see services.history.dashboard, which this wraps)."""
    from kecamatan_desktop.services.history import dashboard

    return list(dashboard(session=session, view="aktif" if active_only else "semua",
                          sop_id=sop_id, officer=officer, status=status, now=now,
                          newest=None).rows)


def change_stamp(*, session: Session) -> tuple[int, int]:
    """Changes whenever any round is started or any event written, by any program or PC:
    the views poll it to refresh by themselves."""
    last_event = session.exec(select(func.max(RoundEventRow.id))).one() or 0
    last_round = session.exec(select(func.max(RoundRow.id))).one() or 0
    return last_event, last_round


@dataclass(frozen=True)
class StepStats:
    position: int
    no: str
    activity: str
    role: str
    passes: int
    average_minutes: float | None
    standard_minutes: int | None
    late_passes: int
    sent_back: int
    median_minutes: float | None = None
    span: str = ""  # a step under one Waktu with others: the span's label (`3–4`)
    span_total: bool = False  # the span's own line: its runs against its standard


def sop_step_stats(sop_id: str, *, session: Session,
                   now: datetime | None = None) -> tuple[int, list[StepStats]]:
    """(rounds on the SOP's current revision, per-step statistics): a wrapper over
    services.history.step_stats, which reads the pass summaries, not the logs."""
    from kecamatan_desktop.services.history import step_stats

    view = step_stats(sop_id, session=session)
    return view.rounds, list(view.steps)


# writing --------------------------------------------------------------------------------------

def _append(session: Session, rnd: RoundRow, sop: Sop, events: list[RoundEvent],
            new: list[RoundEvent], calendar: OfficeCalendar, previous_hash: str | None
            ) -> tuple[RoundState, list[RoundEvent]]:
    """Append the events, then rewrite the round's summary row and its pass rows from the
    whole log, all in the caller's transaction."""
    seq = rnd.event_count
    for e in new:
        seq += 1
        if e.kind is EventKind.COMPLETED:
            e = replace(e, entered_by=identity.on_behalf(e.entered_by, e.officer, e.officer_id))
        fields = dict(round_id=rnd.id, seq=seq, kind=e.kind.value, occurred_at=e.occurred_at,
                      entered_at=e.entered_at, entered_by=e.entered_by, position=e.position,
                      officer=e.officer, officer_id=e.officer_id, decision=e.decision,
                      note=e.note, output=e.output, corrects_seq=e.corrects,
                      changes=e.changes or None)
        previous_hash = ledger.event_hash(previous_hash, fields)
        session.add(RoundEventRow(**fields, hash=previous_hash))
        events = [*events, machine.replace_seq(e, seq)]
    state = machine.replay(sop, events)
    rnd.event_count = seq
    for name, value in summaries.round_columns(state, calendar).items():
        setattr(rnd, name, value)
    session.add(rnd)
    summaries.write_passes(session, rnd.id, rnd.sop_id, rnd.revision_id,
                           summaries.pass_rows(sop, state, calendar))
    return state, events


def _refuse_broken(rnd: RoundRow, rows: list[RoundEventRow]) -> None:
    problem = chain_problem(rows, rnd)
    if problem:
        raise InputError(f"Riwayat putaran {rnd.id} ({rnd.title}) tidak utuh: {problem}. "
                         "Tidak ada yang dicatat; jalankan Bantuan → Periksa basis data.")


def _write(session: Session, round_id: int, expected_version: int, command, *,
           at: datetime | None, by: str | None) -> RoundDetail:
    """Load the round holding the write lock, check it is the version the user saw, let
    `command(sop, state, lanes, events, when, entry)` make events, append, commit."""
    with transaction(session, immediate=True):
        changes.note(session, rounds={round_id})
        rnd = _round_row(session, round_id, for_write=True)
        sop, revision = revision_sop(rnd.revision_id, session=session)
        slug, tz = _office(session, rnd.sop_id)
        rows = _event_rows(session, round_id)
        _refuse_broken(rnd, rows)
        events = [_to_event(r) for r in rows]
        if rnd.event_count != expected_version:
            missed = events[expected_version:] if expected_version < len(events) else []
            raise StaleRoundError(
                f"Putaran {rnd.id} ({rnd.title}) sudah berubah sejak Anda membukanya: "
                f"{machine.describe_change(sop, missed, tz)}. Tidak ada yang dicatat; "
                "periksa keadaan terbaru lalu ulangi bila masih perlu.")
        state = machine.replay(sop, events)
        lanes = _lanes(session, round_id)
        entry = Entry(by=by or operator(), entered_at=now_utc(), tz=tz)
        when = at or entry.entered_at
        machine.check_time(when, entry)  # before the calendar: no calendar row for year 1
        calendar = _calendar(session, tz, state.started_at, when, entry.entered_at,
                             store=True)
        new = command(sop, state, lanes, events, when, entry)
        state, events = _append(session, rnd, sop, events, new, calendar,
                                rows[-1].hash if rows else None)
    # the page from what is in hand: the log just written was whole before it
    return _detail(session, rnd, slug, sop, revision, tz, events, state, calendar,
                   entry.entered_at)


def start_round(sop_id: str, *, session: Session, title: str,
                lanes: dict[str, str | int] | None = None, at: datetime | None = None,
                by: str | None = None) -> RoundDetail:
    """Start a round on the SOP's current revision; lanes default from the directory."""
    if not title.strip():
        raise InputError("Judul putaran wajib diisi (mis. \"Renja 2027\")")
    with transaction(session, immediate=True):
        row = sop_row(session, sop_id)
        rev = session.exec(select(SopRevisionRow).where(
            SopRevisionRow.sop_id == row.id, SopRevisionRow.revision == row.revision)).one()
        sop, revision = revision_sop(rev.id, session=session)
        _check_startable(session, row, rev, sop)
        slug, tz = _office(session, row.id)
        chosen = dict(lanes or {})
        unknown = sorted(set(chosen) - set(sop.roles))
        if unknown:
            raise InputError(f"Lajur {', '.join(unknown)} tidak ada di SOP {sop_id}; lajurnya: "
                             + ", ".join(sop.roles))
        filled: dict[str, Person | None] = {}
        for lane in sop.roles:
            if lane in chosen and chosen[lane] not in (None, ""):
                filled[lane] = lane_officer(session, lane, chosen[lane])
            elif lane in chosen:
                filled[lane] = None
            else:
                default = officers.default_for_lane(lane, sop.office.name, session=session)
                filled[lane] = Person(default.id, default.name) if default else None
        entry = Entry(by=by or operator(), entered_at=now_utc(), tz=tz)
        when = at or entry.entered_at
        new = machine.start(sop, filled, at=when, entry=entry)
        calendar = _calendar(session, tz, when, entry.entered_at, store=True)
        rnd = RoundRow(sop_id=row.id, revision_id=rev.id, title=title.strip(), started_at=when,
                       last_event_at=when)
        session.add(rnd)
        session.flush()
        changes.note(session, rounds={rnd.id})
        for lane, person in filled.items():
            session.add(RoundLaneRow(round_id=rnd.id, lane=lane,
                                     officer=person.name if person else None,
                                     officer_id=person.id if person else None))
        state, events = _append(session, rnd, sop, [], new, calendar, None)
    return _detail(session, rnd, slug, sop, revision, tz, events, state, calendar,
                   entry.entered_at)


def _check_startable(session: Session, row: SopRow, rev: SopRevisionRow, sop: Sop) -> None:
    """No round on an archived SOP, a draft, or a procedure with flow problems (a loop with
    no way out would never finish)."""
    from kecamatan_desktop.domain.flow import check_runnable
    from kecamatan_desktop.services.catalogue import check_not_archived

    check_not_archived(row)
    check_runnable(sop)
    if rev.is_draft:
        raise InputError(f"SOP {row.slug} revisi {rev.revision} adalah draf; simpan sebagai "
                         "revisi lengkap dulu untuk memulai putaran")


def complete_step(round_id: int, *, session: Session, expected_version: int,
                  decision: str | None = None, note: str = "", output: str = "",
                  done_by: str | int | None = None, receiver: str | int | None = None,
                  no_receiver: bool = False, receivers: Sequence[str | int | None] | None = None,
                  new_officers: Sequence[dict] = (),
                  at: datetime | None = None, by: str | None = None) -> RoundDetail:
    """Complete the current step and hand the file on: to `receiver` (an active officer),
    to nobody if the clerk chose so (`no_receiver`), else to the default receiver of the
    next step (see receivers.default_receiver), refused with the choices named when there
    is none. A next step drawn in several lanes takes `receivers`, one per lane in its
    order (receivers.chosen_receivers: an officer, '-' for nobody, None for the lane's
    default); without them `receiver` fills its first lane and the others get their
    defaults. `new_officers` (officers.add_officer's fields) are added to the directory in
    the same transaction first, so `done_by` and the receivers may name them (by NIP)."""
    if decision is not None:
        decision = decision.strip().casefold()
        if decision not in ("ya", "tidak"):
            raise InputError(f"keputusan {decision!r} tidak dikenal: pilih ya atau tidak")

    def command(sop, state, lanes, events, when, entry):
        for draft in new_officers:
            officers.add_officer(session=session, **draft)
        doer = person(session, done_by)

        def made(people: list[Person | None] | None) -> list[RoundEvent]:
            return machine.complete(sop, state, at=when, entry=entry, decision=decision,
                                    note=note, output=output, done_by=doer, receiver=None,
                                    receivers=people)

        new = made(None)  # checked first: the step, the decision, the time, who did it
        handed = new[-1]
        if handed.kind is not EventKind.HANDED_OFF:
            return new
        others = len(sop.steps[handed.position - 1].other_roles)
        wanted = list(receivers) if receivers is not None else (
            [NOBODY] * (1 + others) if no_receiver else [receiver] + [None] * others)
        return made(chosen_receivers(sop, state.passes, lanes, handed.position, wanted,
                                     session=session))

    return _write(session, round_id, expected_version, command, at=at, by=by)


def undo_handoff(round_id: int, *, session: Session, expected_version: int, reason: str,
                 seq: int | None = None, by: str | None = None) -> RoundDetail:
    """*Batalkan serah terima*: an event that voids the last handoff (`seq`, if given, must
    name it); the round returns to the step it was completing."""
    def command(sop, state, lanes, events, when, entry):
        new = machine.undo(events, state, reason, entry=entry, seq=seq)
        restore_lanes(session, round_id, sop, events, set(new[0].changes["voids"]))
        return new

    return _write(session, round_id, expected_version, command, at=None, by=by)


def reassign_round(round_id: int, officer: str | int, *, session: Session,
                   expected_version: int, note: str = "", lane: str | None = None,
                   at: datetime | None = None, by: str | None = None) -> RoundDetail:
    """The current step's file goes to `officer`, in `lane` when the step is drawn in
    several (else the lane whose jabatan the officer holds, or its first)."""
    def command(sop, state, lanes, events, when, entry):
        machine.check_open(state)
        step = sop.steps[state.current - 1]
        chosen = lane or lane_for(session, step, officer)
        if chosen not in step.roles:
            raise InputError(f"Langkah {step.no} tidak dikerjakan di lajur {chosen!r}; "
                             f"lajurnya: {', '.join(step.roles)}")
        who = lane_officer(session, chosen, officer)
        lane_row = session.exec(select(RoundLaneRow).where(RoundLaneRow.round_id == round_id,
                                                           RoundLaneRow.lane == chosen)).one()
        lane_row.officer, lane_row.officer_id = who.name, who.id
        session.add(lane_row)
        return machine.reassign(state, who, at=when, entry=entry, note=note, lane=chosen)

    return _write(session, round_id, expected_version, command, at=at, by=by)


def hold_round(round_id: int, *, session: Session, expected_version: int, note: str = "",
               at: datetime | None = None, by: str | None = None) -> RoundDetail:
    return _write(session, round_id, expected_version,
                  lambda sop, state, lanes, events, when, entry: machine.hold(
                      state, at=when, entry=entry, note=note), at=at, by=by)


def resume_round(round_id: int, *, session: Session, expected_version: int, note: str = "",
                 at: datetime | None = None, by: str | None = None) -> RoundDetail:
    return _write(session, round_id, expected_version,
                  lambda sop, state, lanes, events, when, entry: machine.resume(
                      state, at=when, entry=entry, note=note), at=at, by=by)


def cancel_round(round_id: int, reason: str, *, session: Session, expected_version: int,
                 at: datetime | None = None, by: str | None = None) -> RoundDetail:
    return _write(session, round_id, expected_version,
                  lambda sop, state, lanes, events, when, entry: machine.cancel(
                      state, reason, at=when, entry=entry), at=at, by=by)


def add_round_note(round_id: int, text: str, *, session: Session, expected_version: int,
                   at: datetime | None = None, by: str | None = None) -> RoundDetail:
    return _write(session, round_id, expected_version,
                  lambda sop, state, lanes, events, when, entry: machine.add_note(
                      state, text, at=when, entry=entry), at=at, by=by)


def correct_event(round_id: int, seq: int, *, session: Session, expected_version: int,
                  reason: str, occurred_at: datetime | None = None,
                  officer: str | int | None = None, output: str | None = None,
                  note: str | None = None, receiver: str | int | None = None,
                  by: str | None = None) -> RoundDetail:
    """*Koreksi*: a new event with the right values and a reason; event `seq` stays. On a
    completion, `receiver` corrects who received the file in its handoff too."""
    who = person(session, officer)
    taker = person(session, receiver)

    def command(sop, state, lanes, events, when, entry):
        return machine.correct(events, seq, reason, entry=entry, occurred_at=occurred_at,
                               officer=who, output=output, note=note, receiver=taker)

    return _write(session, round_id, expected_version, command, at=None, by=by)


def count_rounds(*, session: Session) -> int:
    return session.exec(select(func.count()).select_from(RoundRow)).one()

