"""Rounds: start, complete steps, hold, reassign, cancel; read them back against Mutu Baku.

Every write appends to the round's event log and refreshes the round's summary row in the
same transaction; nothing already written is ever changed.
"""

from __future__ import annotations

import getpass
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from kecamatan_desktop.domain import ledger
from kecamatan_desktop.domain import rounds as machine
from kecamatan_desktop.domain.calendar import WIB, OfficeCalendar
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.jabatan import jabatan_for_lane
from kecamatan_desktop.domain.rounds import EventKind, RoundEvent, RoundState, Status
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.waktu import WaktuError, parse_waktu
from kecamatan_desktop.services import officers
from kecamatan_desktop.services.calendar import office_calendar
from kecamatan_desktop.services.catalogue import sop_of_revision, sop_row
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import LaneRow, SopRevisionRow, SopRow, StepRow
from kecamatan_desktop.store.round_models import RoundEventRow, RoundLaneRow, RoundRow


def operator() -> str:
    """Who is entering records: the Windows (or other) user name."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not worth failing a record for
        return "operator"


def now_wib() -> datetime:
    return datetime.now(WIB)


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


@dataclass(frozen=True)
class EventView:
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

    def to_json(self) -> dict:
        def iso(t: datetime | None) -> str | None:
            return t.astimezone(WIB).isoformat(timespec="minutes") if t else None

        return {
            "id": self.id, "sop_id": self.sop_id, "sop_revision": self.sop_revision,
            "title": self.title, "status": self.status, "current_step": self.current_step,
            "holder": self.holder, "since": iso(self.since), "loops": self.loops,
            "lanes": self.lanes,
            "total_working_minutes": self.total_working_minutes,
            "total_standard_minutes": self.total_standard_minutes,
            "steps": [{
                "position": s.position, "no": s.no, "role": s.role, "officer": s.officer,
                "received_at": iso(s.received_at), "handed_at": iso(s.handed_at),
                "decision": s.decision, "standard_minutes": s.standard_minutes,
                "working_minutes": s.working_minutes, "late": s.late, "note": s.note,
                "output": s.output, "done_by": s.done_by,
            } for s in self.steps],
            "events": [{
                "seq": e.seq, "kind": e.kind, "occurred_at": iso(e.occurred_at),
                "entered_at": iso(e.entered_at), "entered_by": e.entered_by,
                "position": e.position, "officer": e.officer, "decision": e.decision,
                "note": e.note, "output": e.output,
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


# reading --------------------------------------------------------------------------------------

def _round_row(session: Session, round_id: int) -> RoundRow:
    row = session.get(RoundRow, round_id)
    if row is None:
        raise InputError(f"Putaran nomor {round_id} tidak ada")
    return row


def _events(session: Session, round_id: int) -> list[RoundEvent]:
    rows = session.exec(select(RoundEventRow).where(RoundEventRow.round_id == round_id)
                        .order_by(RoundEventRow.seq)).all()
    return [RoundEvent(kind=EventKind(r.kind), occurred_at=r.occurred_at,
                       entered_at=r.entered_at, entered_by=r.entered_by, position=r.position,
                       officer=r.officer, decision=r.decision, note=r.note, output=r.output)
            for r in rows]


def _lanes(session: Session, round_id: int) -> dict[str, str | None]:
    return {r.lane: r.officer for r in session.exec(
        select(RoundLaneRow).where(RoundLaneRow.round_id == round_id).order_by(RoundLaneRow.id))}


def _calendar(session: Session, *times: datetime | None) -> OfficeCalendar:
    years = {t.astimezone(WIB).year for t in times if t is not None}
    return office_calendar(years, session=session)


def get_round(round_id: int, *, session: Session, now: datetime | None = None) -> RoundDetail:
    row = _round_row(session, round_id)
    stored = sop_of_revision(row.revision_id, session=session)
    events = _events(session, round_id)
    state = machine.replay(stored.sop, events)
    now = now or now_wib()
    calendar = _calendar(session, state.started_at, now, *(e.occurred_at for e in events))
    records = []
    for p in state.passes:
        timing = machine.pass_timing(stored.sop, p, calendar, now)
        records.append(StepRecord(
            position=p.position, no=p.no, role=p.role, officer=p.officer,
            received_at=p.received_at, handed_at=p.handed_at, decision=p.decision,
            standard_minutes=timing.standard_minutes, working_minutes=timing.working_minutes,
            late=timing.late, note=p.note, output=p.output, done_by=p.done_by))
    views = tuple(EventView(
        seq=i + 1, kind=e.kind.value, label=machine.EVENT_LABELS[e.kind],
        occurred_at=e.occurred_at, entered_at=e.entered_at, entered_by=e.entered_by,
        position=e.position, officer=e.officer, decision=e.decision, note=e.note,
        output=e.output) for i, e in enumerate(events))
    return RoundDetail(
        id=row.id, sop_id=session.get(SopRow, row.sop_id).slug, sop_name=stored.sop.name,
        sop_revision=stored.revision, title=row.title, status=state.status.value,
        current_step=state.current, holder=state.holder, since=state.since, loops=state.loops,
        lanes=_lanes(session, round_id), steps=tuple(records), events=views,
        total_working_minutes=sum(r.working_minutes for r in records),
        total_standard_minutes=sum(r.standard_minutes or 0 for r in records),
        sop=stored.sop)


def list_rounds(*, session: Session, active_only: bool = False, sop_id: str | None = None,
                officer: str | None = None, status: str | None = None,
                now: datetime | None = None) -> list[RoundSummary]:
    """The dashboard: rounds with where the file is and for how long, late ones marked."""
    now = now or now_wib()
    query = (select(RoundRow, SopRow.slug, SopRevisionRow.name, StepRow.no, StepRow.time,
                    LaneRow.name)
             .join(SopRow, SopRow.id == RoundRow.sop_id)
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
    calendar = _calendar(session, now, *(r[0].since for r in rows[:1]))
    out = []
    for rnd, slug, name, step_no, time, lane in rows:
        worked = standard = None
        late = False
        if rnd.since is not None and rnd.current_position is not None:
            end = rnd.hold_started or now
            worked = max(0, calendar.working_minutes(rnd.since, end) - rnd.held_minutes)
            standard = _standard(time, calendar)
            late = standard is not None and worked > standard
        out.append(RoundSummary(
            id=rnd.id, sop_id=slug, sop_name=name, title=rnd.title, status=rnd.status,
            current_step=rnd.current_position, step_no=step_no, lane=lane, holder=rnd.holder,
            since=rnd.since, working_minutes=worked, standard_minutes=standard, late=late,
            loops=rnd.loops))
    return out


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
    """Across the SOP's rounds (current revision): each step's average working time against
    its standard and how often it sent work back. Returns (number of rounds, stats)."""
    row = sop_row(session, sop_id)
    round_ids = session.exec(select(RoundRow.id).where(RoundRow.sop_id == row.id)).all()
    details = [get_round(rid, session=session, now=now) for rid in round_ids]
    current = sop_of_revision(session.exec(
        select(SopRevisionRow.id).where(SopRevisionRow.sop_id == row.id,
                                        SopRevisionRow.revision == row.revision)).one(),
        session=session).sop
    minutes: dict[int, list[int]] = defaultdict(list)
    late: dict[int, int] = defaultdict(int)
    back: dict[int, int] = defaultdict(int)
    standards: dict[int, int | None] = {}
    for detail in details:
        if detail.sop_revision != row.revision:
            continue
        for s in detail.steps:
            if s.handed_at is None:
                continue
            minutes[s.position].append(s.working_minutes)
            late[s.position] += s.late
            standards[s.position] = s.standard_minutes
            if s.decision == "tidak":
                back[s.position] += 1
    stats = [StepStats(position=i, no=step.no, activity=step.activity, role=step.role,
                       passes=len(minutes[i]),
                       average_minutes=(sum(minutes[i]) / len(minutes[i]) if minutes[i]
                                        else None),
                       standard_minutes=standards.get(i), late_passes=late[i],
                       sent_back=back[i])
             for i, step in enumerate(current.steps, 1)]
    return len(details), stats


# writing --------------------------------------------------------------------------------------

def _append(session: Session, rnd: RoundRow, sop: Sop, events: list[RoundEvent],
            new: list[RoundEvent], calendar: OfficeCalendar) -> RoundState:
    seq = rnd.event_count
    previous = session.exec(select(RoundEventRow.hash).where(
        RoundEventRow.round_id == rnd.id, RoundEventRow.seq == seq)).first()
    for e in new:
        seq += 1
        fields = dict(round_id=rnd.id, seq=seq, kind=e.kind.value, occurred_at=e.occurred_at,
                      entered_at=e.entered_at, entered_by=e.entered_by, position=e.position,
                      officer=e.officer, decision=e.decision, note=e.note, output=e.output)
        previous = ledger.event_hash(previous, fields)
        session.add(RoundEventRow(**fields, hash=previous))
    state = machine.replay(sop, events + new)
    rnd.event_count = seq
    rnd.status = state.status.value
    rnd.current_position = state.current
    rnd.holder = state.holder
    rnd.since = state.since
    rnd.loops = state.loops
    rnd.last_event_at = state.last_event_at
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


def _write(session: Session, round_id: int, command, *, at: datetime | None) -> RoundDetail:
    """Load the round, let `command(sop, state, lanes, at)` make events, append, commit."""
    with transaction(session):
        rnd = _round_row(session, round_id)
        sop = sop_of_revision(rnd.revision_id, session=session).sop
        events = _events(session, round_id)
        state = machine.replay(sop, events)
        lanes = _lanes(session, round_id)
        when = at or now_wib()
        # before the command: loading a year's holidays commits on its own, and the
        # reassign command already changes a lane row
        calendar = _calendar(session, state.started_at, when)
        new = command(sop, state, lanes, when)
        _append(session, rnd, sop, events, new, calendar)
    return get_round(round_id, session=session)


def start_round(sop_id: str, *, session: Session, title: str,
                lanes: dict[str, str] | None = None, at: datetime | None = None,
                by: str | None = None) -> RoundDetail:
    """Start a round on the SOP's current revision; lanes default from the directory."""
    if not title.strip():
        raise InputError("Judul putaran wajib diisi (mis. \"Renja 2027\")")
    with transaction(session):
        row = sop_row(session, sop_id)
        rev = session.exec(select(SopRevisionRow).where(
            SopRevisionRow.sop_id == row.id, SopRevisionRow.revision == row.revision)).one()
        sop = sop_of_revision(rev.id, session=session).sop
        chosen = dict(lanes or {})
        unknown = sorted(set(chosen) - set(sop.roles))
        if unknown:
            raise InputError(f"Lajur {', '.join(unknown)} tidak ada di SOP {sop_id}; lajurnya: "
                             + ", ".join(sop.roles))
        filled: dict[str, str | None] = {}
        for lane in sop.roles:
            if lane in chosen:
                filled[lane] = _check_lane_officer(session, lane, chosen[lane])
            else:
                default = officers.default_for_lane(lane, sop.office.name, session=session)
                filled[lane] = default.name if default else None
        now = now_wib()
        when = at or now
        new = machine.start(sop, filled, at=when, entered_at=now, by=by or operator())
        # before the first write: loading a year's holidays commits on its own
        calendar = _calendar(session, when)
        rnd = RoundRow(sop_id=row.id, revision_id=rev.id, title=title.strip(), started_at=when,
                       last_event_at=when)
        session.add(rnd)
        session.flush()
        for lane, officer in filled.items():
            session.add(RoundLaneRow(round_id=rnd.id, lane=lane, officer=officer))
        _append(session, rnd, sop, [], new, calendar)
    return get_round(rnd.id, session=session)


def _check_lane_officer(session: Session, lane: str, name: str) -> str:
    officer = officers.find_officer(name, session=session)
    wanted = jabatan_for_lane(lane)
    if wanted is not None and officer.jabatan != wanted:
        raise InputError(f"{officer.name} ({officer.jabatan}) bukan {wanted}; tidak dapat "
                         f"mengisi lajur {lane}")
    return officer.name


def complete_step(round_id: int, *, session: Session, decision: str | None = None,
                  note: str = "", output: str = "", done_by: str | None = None,
                  at: datetime | None = None, by: str | None = None) -> RoundDetail:
    if decision is not None:
        decision = decision.strip().casefold()
        if decision not in ("ya", "tidak"):
            raise InputError(f"keputusan {decision!r} tidak dikenal: pilih ya atau tidak")
    doer = officers.find_officer(done_by, session=session).name if done_by else None
    entered = now_wib()

    def command(sop, state, lanes, when):
        return machine.complete(sop, state, lanes, at=when, entered_at=entered,
                                by=by or operator(), decision=decision, note=note,
                                output=output, done_by=doer)

    return _write(session, round_id, command, at=at)


def reassign_round(round_id: int, officer: str, *, session: Session, note: str = "",
                   at: datetime | None = None, by: str | None = None) -> RoundDetail:
    entered = now_wib()

    def command(sop, state, lanes, when):
        if state.current is None:
            machine.check_open(state)
        lane = sop.steps[state.current - 1].role
        name = _check_lane_officer(session, lane, officer)
        lane_row = session.exec(select(RoundLaneRow).where(RoundLaneRow.round_id == round_id,
                                                           RoundLaneRow.lane == lane)).one()
        lane_row.officer = name
        session.add(lane_row)
        return machine.reassign(state, name, at=when, entered_at=entered, by=by or operator(),
                                note=note)

    return _write(session, round_id, command, at=at)


def hold_round(round_id: int, *, session: Session, note: str = "", at: datetime | None = None,
               by: str | None = None) -> RoundDetail:
    entered = now_wib()
    return _write(session, round_id, lambda sop, state, lanes, when: machine.hold(
        state, at=when, entered_at=entered, by=by or operator(), note=note), at=at)


def resume_round(round_id: int, *, session: Session, note: str = "",
                 at: datetime | None = None, by: str | None = None) -> RoundDetail:
    entered = now_wib()
    return _write(session, round_id, lambda sop, state, lanes, when: machine.resume(
        state, at=when, entered_at=entered, by=by or operator(), note=note), at=at)


def cancel_round(round_id: int, reason: str, *, session: Session, at: datetime | None = None,
                 by: str | None = None) -> RoundDetail:
    entered = now_wib()
    return _write(session, round_id, lambda sop, state, lanes, when: machine.cancel(
        state, reason, at=when, entered_at=entered, by=by or operator()), at=at)


def add_round_note(round_id: int, text: str, *, session: Session, at: datetime | None = None,
                   by: str | None = None) -> RoundDetail:
    entered = now_wib()
    return _write(session, round_id, lambda sop, state, lanes, when: machine.add_note(
        state, text, at=when, entered_at=entered, by=by or operator()), at=at)


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
