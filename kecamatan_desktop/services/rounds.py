"""Rounds: start, complete steps, hold, reassign, cancel, correct; read them back against
Mutu Baku.

Every write appends to the round's event log (hash-chained) and refreshes the round's
summary row in the same transaction, holding the write lock from its first read; every
write names the round's version as the user saw it and is refused if it has changed.
Nothing already written is ever changed.
"""

from __future__ import annotations

import getpass
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from sqlalchemy import func
from sqlmodel import Session, select

from kecamatan_desktop.domain import ledger
from kecamatan_desktop.domain import rounds as machine
from kecamatan_desktop.domain.calendar import OfficeCalendar
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.jabatan import jabatan_for_lane
from kecamatan_desktop.domain.rounds import (
    Entry,
    EventKind,
    Person,
    RoundEvent,
    RoundState,
    StaleRoundError,
    Status,
)
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.tanggal import iso_waktu
from kecamatan_desktop.domain.waktu import WaktuError, parse_waktu
from kecamatan_desktop.domain.zones import zone, zone_name
from kecamatan_desktop.services import officers
from kecamatan_desktop.services.calendar import ensure_years, office_calendar
from kecamatan_desktop.services.catalogue import sop_of_revision, sop_row
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import LaneRow, OfficeRow, SopRevisionRow, SopRow, StepRow
from kecamatan_desktop.store.round_models import RoundEventRow, RoundLaneRow, RoundRow


def operator() -> str:
    """Who is entering records: the Windows (or other) user name."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not worth failing a record for
        return "operator"


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
            } for s in self.steps],
            "events": [{
                "seq": e.seq, "kind": e.kind, "occurred_at": iso(e.occurred_at),
                "entered_at": iso(e.entered_at), "entered_by": e.entered_by,
                "position": e.position, "officer": e.officer, "decision": e.decision,
                "note": e.note, "output": e.output, "corrects": e.corrects,
                "changes": e.changes, "corrected_by": list(e.corrected_by),
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


# reading --------------------------------------------------------------------------------------

def _round_row(session: Session, round_id: int) -> RoundRow:
    row = session.get(RoundRow, round_id)
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
    return RoundEvent(kind=EventKind(r.kind), occurred_at=r.occurred_at,
                      entered_at=r.entered_at, entered_by=r.entered_by, position=r.position,
                      officer=r.officer, decision=r.decision, note=r.note, output=r.output,
                      officer_id=r.officer_id, corrects=r.corrects_seq,
                      changes=dict(r.changes or {}), seq=r.seq)


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


def get_round(round_id: int, *, session: Session, now: datetime | None = None) -> RoundDetail:
    from kecamatan_desktop.services.calendar import describe_calendar

    row = _round_row(session, round_id)
    stored = sop_of_revision(row.revision_id, session=session)
    tz = office_tz(session, row.sop_id)
    rows = _event_rows(session, round_id)
    problem = chain_problem(rows, row)
    events = [_to_event(r) for r in rows]
    try:
        state = machine.replay(stored.sop, events)
    except machine.RoundError as exc:
        raise InputError(f"Riwayat putaran {round_id} rusak: {exc}. Jalankan Bantuan → "
                         "Periksa basis data.") from exc
    now = now or now_utc()
    until = state.accrues_until(now)
    calendar = _calendar(session, tz, state.started_at, until)
    records = []
    for p in state.passes:
        timing = machine.pass_timing(stored.sop, p, calendar, until)
        records.append(StepRecord(
            position=p.position, no=p.no, role=p.role, officer=p.officer,
            received_at=p.received_at, handed_at=p.handed_at, decision=p.decision,
            standard_minutes=timing.standard_minutes, working_minutes=timing.working_minutes,
            late=timing.late, note=p.note, output=p.output, done_by=p.done_by,
            corrected=p.corrected))
    fixes: dict[int, list[int]] = defaultdict(list)
    for e in events:
        if e.kind is EventKind.CORRECTED:
            fixes[e.corrects].append(e.seq)
    views = tuple(EventView(
        seq=e.seq, kind=e.kind.value, label=machine.EVENT_LABELS[e.kind],
        occurred_at=e.occurred_at, entered_at=e.entered_at, entered_by=e.entered_by,
        position=e.position, officer=e.officer, decision=e.decision, note=e.note,
        output=e.output, corrects=e.corrects, changes=e.changes or None,
        corrected_by=tuple(fixes.get(e.seq, ()))) for e in events)
    lanes = _lanes(session, round_id)
    return RoundDetail(
        id=row.id, sop_id=session.get(SopRow, row.sop_id).slug, sop_name=stored.sop.name,
        sop_revision=stored.revision, title=row.title, status=state.status.value,
        current_step=state.current, holder=state.holder, since=state.since, loops=state.loops,
        lanes={lane: p.name if p else None for lane, p in lanes.items()},
        lane_ids={lane: p.id if p else None for lane, p in lanes.items()},
        steps=tuple(records), events=views,
        total_working_minutes=sum(r.working_minutes for r in records),
        total_standard_minutes=sum(r.standard_minutes or 0 for r in records),
        sop=stored.sop, version=row.event_count, tz=tz, ended_at=state.ended_at,
        chain_problem=problem, calendar=describe_calendar(calendar, session=session))


def list_rounds(*, session: Session, active_only: bool = False, sop_id: str | None = None,
                officer: str | None = None, status: str | None = None,
                now: datetime | None = None) -> list[RoundSummary]:
    """The dashboard: rounds with where the file is and for how long, late ones marked."""
    now = now or now_utc()
    query = (select(RoundRow, SopRow.slug, SopRevisionRow.name, StepRow.no, StepRow.time,
                    LaneRow.name, OfficeRow.time_zone)
             .join(SopRow, SopRow.id == RoundRow.sop_id)
             .join(OfficeRow, OfficeRow.id == SopRow.office_id)
             .join(SopRevisionRow, SopRevisionRow.id == RoundRow.revision_id)
             .outerjoin(StepRow, (StepRow.revision_id == RoundRow.revision_id)
                        & (StepRow.position == RoundRow.current_position - 1))
             .outerjoin(LaneRow, LaneRow.id == StepRow.lane_id)
             .order_by(RoundRow.since.is_(None), RoundRow.since, RoundRow.id))
    if active_only:
        query = query.where(RoundRow.status.in_((Status.ACTIVE.value, Status.ON_HOLD.value)))
    if status:
        query = query.where(RoundRow.status == status)
    if sop_id:
        query = query.where(SopRow.slug == sop_id)
    if officer:
        query = query.where(RoundRow.holder == officer)
    rows = session.exec(query).all()
    if not rows:
        return []
    calendars: dict[str, OfficeCalendar] = {}
    earliest = min((r[0].since for r in rows if r[0].since is not None), default=now)
    out = []
    for rnd, slug, name, step_no, time, lane, zone_text in rows:
        tz = zone(zone_text)
        worked = standard = None
        late = False
        if rnd.since is not None and rnd.current_position is not None:
            calendar = calendars.get(zone_text)
            if calendar is None:
                calendar = calendars[zone_text] = _calendar(session, tz, earliest, now)
            end = rnd.hold_started or now
            worked = max(0, calendar.working_minutes(rnd.since, end) - rnd.held_minutes)
            standard = _standard(time, calendar)
            late = standard is not None and worked > standard
        out.append(RoundSummary(
            id=rnd.id, sop_id=slug, sop_name=name, title=rnd.title, status=rnd.status,
            current_step=rnd.current_position, step_no=step_no, lane=lane, holder=rnd.holder,
            since=rnd.since, working_minutes=worked, standard_minutes=standard, late=late,
            loops=rnd.loops, tz=tz, version=rnd.event_count))
    return out


def change_stamp(*, session: Session) -> tuple[int, int]:
    """Changes whenever any round is started or any event written, by any program or PC:
    the views poll it to refresh by themselves."""
    last_event = session.exec(select(func.max(RoundEventRow.id))).one() or 0
    last_round = session.exec(select(func.max(RoundRow.id))).one() or 0
    return last_event, last_round


def _standard(time: str | None, calendar: OfficeCalendar) -> int | None:
    try:
        waktu = parse_waktu(time or "")
    except WaktuError:
        return None
    return None if waktu is None else waktu.working_minutes(calendar.day_minutes)


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


def sop_step_stats(sop_id: str, *, session: Session,
                   now: datetime | None = None) -> tuple[int, list[StepStats]]:
    """Across the rounds of the SOP's current revision: each step's average working time
    against its standard and how often it sent work back. Returns (rounds counted, stats).

    One query for the rounds' events; the revision and the calendar are read once."""
    row = sop_row(session, sop_id)
    rev_id = session.exec(select(SopRevisionRow.id).where(
        SopRevisionRow.sop_id == row.id, SopRevisionRow.revision == row.revision)).one()
    current = sop_of_revision(rev_id, session=session).sop
    tz = office_tz(session, row.id)
    now = now or now_utc()
    rows = session.exec(select(RoundEventRow).join(RoundRow, RoundRow.id == RoundEventRow.round_id)
                        .where(RoundRow.revision_id == rev_id)
                        .order_by(RoundEventRow.round_id, RoundEventRow.seq)).all()
    logs: dict[int, list[RoundEvent]] = defaultdict(list)
    for r in rows:
        logs[r.round_id].append(_to_event(r))
    states = []
    for events in logs.values():
        try:
            states.append(machine.replay(current, events))
        except machine.RoundError:
            continue  # a broken log is shown on its own page and by check, not averaged here
    starts = [st.started_at for st in states]
    calendar = _calendar(session, tz, min(starts, default=now), now)
    minutes: dict[int, list[int]] = defaultdict(list)
    late: dict[int, int] = defaultdict(int)
    back: dict[int, int] = defaultdict(int)
    for state in states:
        until = state.accrues_until(now)
        for p in state.passes:
            if p.handed_at is None:
                continue
            timing = machine.pass_timing(current, p, calendar, until)
            minutes[p.position].append(timing.working_minutes)
            late[p.position] += timing.late
            if p.decision == "tidak":
                back[p.position] += 1
    stats = [StepStats(position=i, no=step.no, activity=step.activity, role=step.role,
                       passes=len(minutes[i]),
                       average_minutes=(sum(minutes[i]) / len(minutes[i]) if minutes[i]
                                        else None),
                       standard_minutes=machine.standard_minutes(current, i, calendar),
                       late_passes=late[i], sent_back=back[i])
             for i, step in enumerate(current.steps, 1)]
    return len(states), stats


# writing --------------------------------------------------------------------------------------

def _append(session: Session, rnd: RoundRow, sop: Sop, events: list[RoundEvent],
            new: list[RoundEvent], calendar: OfficeCalendar, previous_hash: str | None
            ) -> RoundState:
    seq = rnd.event_count
    for e in new:
        seq += 1
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
    rnd.status = state.status.value
    rnd.current_position = state.current
    rnd.holder = state.holder
    rnd.holder_id = state.holder_id
    rnd.since = state.since
    rnd.loops = state.loops
    rnd.last_event_at = state.last_event_at
    rnd.started_at = state.started_at
    last = state.passes[-1] if state.passes and state.current is not None else None
    rnd.hold_started = None
    rnd.held_minutes = 0
    if last is not None:
        for held_from, held_to in last.holds:
            if held_to is None:
                rnd.hold_started = held_from
            else:
                rnd.held_minutes += calendar.working_minutes(held_from, held_to)
    session.add(rnd)
    return state


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
        rnd = _round_row(session, round_id)
        sop = sop_of_revision(rnd.revision_id, session=session).sop
        tz = office_tz(session, rnd.sop_id)
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
        calendar = _calendar(session, tz, state.started_at, when, store=True)
        new = command(sop, state, lanes, events, when, entry)
        _append(session, rnd, sop, events, new, calendar, rows[-1].hash if rows else None)
    return get_round(round_id, session=session)


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
        sop = sop_of_revision(rev.id, session=session).sop
        _check_startable(session, row, rev, sop)
        tz = office_tz(session, row.id)
        chosen = dict(lanes or {})
        unknown = sorted(set(chosen) - set(sop.roles))
        if unknown:
            raise InputError(f"Lajur {', '.join(unknown)} tidak ada di SOP {sop_id}; lajurnya: "
                             + ", ".join(sop.roles))
        filled: dict[str, Person | None] = {}
        for lane in sop.roles:
            if lane in chosen and chosen[lane] not in (None, ""):
                filled[lane] = _lane_officer(session, lane, chosen[lane])
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
        for lane, person in filled.items():
            session.add(RoundLaneRow(round_id=rnd.id, lane=lane,
                                     officer=person.name if person else None,
                                     officer_id=person.id if person else None))
        _append(session, rnd, sop, [], new, calendar, None)
    return get_round(rnd.id, session=session)


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


def _lane_officer(session: Session, lane: str, ref: str | int) -> Person:
    officer = officers.find_officer(ref, session=session)
    wanted = jabatan_for_lane(lane)
    if wanted is not None and officer.jabatan != wanted:
        raise InputError(f"{officer.name} ({officer.title}) bukan {wanted}; tidak dapat "
                         f"mengisi lajur {lane}")
    return Person(officer.id, officer.name)


def _person(session: Session, ref: str | int | None) -> Person | None:
    if ref in (None, ""):
        return None
    officer = officers.find_officer(ref, session=session)
    return Person(officer.id, officer.name)


def complete_step(round_id: int, *, session: Session, expected_version: int,
                  decision: str | None = None, note: str = "", output: str = "",
                  done_by: str | int | None = None, at: datetime | None = None,
                  by: str | None = None) -> RoundDetail:
    if decision is not None:
        decision = decision.strip().casefold()
        if decision not in ("ya", "tidak"):
            raise InputError(f"keputusan {decision!r} tidak dikenal: pilih ya atau tidak")
    doer = _person(session, done_by)

    def command(sop, state, lanes, events, when, entry):
        return machine.complete(sop, state, lanes, at=when, entry=entry, decision=decision,
                                note=note, output=output, done_by=doer)

    return _write(session, round_id, expected_version, command, at=at, by=by)


def reassign_round(round_id: int, officer: str | int, *, session: Session,
                   expected_version: int, note: str = "", at: datetime | None = None,
                   by: str | None = None) -> RoundDetail:
    def command(sop, state, lanes, events, when, entry):
        machine.check_open(state)
        lane = sop.steps[state.current - 1].role
        person = _lane_officer(session, lane, officer)
        lane_row = session.exec(select(RoundLaneRow).where(RoundLaneRow.round_id == round_id,
                                                           RoundLaneRow.lane == lane)).one()
        lane_row.officer, lane_row.officer_id = person.name, person.id
        session.add(lane_row)
        return machine.reassign(state, person, at=when, entry=entry, note=note)

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
                  note: str | None = None, by: str | None = None) -> RoundDetail:
    """*Koreksi*: a new event with the right values and a reason; event `seq` stays."""
    person = _person(session, officer)

    def command(sop, state, lanes, events, when, entry):
        return machine.correct(events, seq, reason, entry=entry, occurred_at=occurred_at,
                               officer=person, output=output, note=note)

    return _write(session, round_id, expected_version, command, at=None, by=by)


def count_rounds(*, session: Session) -> int:
    return session.exec(select(func.count()).select_from(RoundRow)).one()


def rounds_started_between(start: datetime, end: datetime, *, session: Session,
                           sop_id: str | None = None) -> list[RoundDetail]:
    """Every round (of one SOP, if given) started in [start, end), oldest first."""
    if end <= start:
        raise InputError("Akhir periode harus sesudah awalnya")
    query = select(RoundRow.id).where(RoundRow.started_at >= start, RoundRow.started_at < end)
    if sop_id:
        query = query.where(RoundRow.sop_id == sop_row(session, sop_id).id)
    ids = session.exec(query.order_by(RoundRow.started_at, RoundRow.id)).all()
    return [get_round(i, session=session) for i in ids]
