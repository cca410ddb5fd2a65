"""A round: one running of an SOP, as an append-only log of events and the state it implies.

The log is the record; the state (current step, who holds the file, each pass through each
step, loops) is always recomputed from it. A mistake is corrected by a new event that names
the old one: the original stays in the log, and the state is computed from corrected values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from kecamatan_desktop.domain.calendar import OfficeCalendar
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.round_lanes import (
    LaneHolder,
    Person,
    handoff_changes,
    holders_at,
    names,
    people_in_lane,
    present,
    reassign_changes,
    reassigned,
)
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.tanggal import format_waktu
from kecamatan_desktop.domain.waktu import standard_minutes as step_standard
from kecamatan_desktop.domain.zones import WIB

FUTURE_GRACE = timedelta(minutes=5)  # clocks of two PCs differ a little; more is a mistake
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)


class RoundError(InputError):
    """A request the round's state does not allow; nothing is recorded."""


class StaleRoundError(RoundError):
    """The round changed since the user looked at it; nothing is recorded."""


class Status(StrEnum):
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    DONE = "done"
    CANCELLED = "cancelled"


STATUS_LABELS = {Status.ACTIVE: "berjalan", Status.ON_HOLD: "ditahan", Status.DONE: "selesai",
                 Status.CANCELLED: "dibatalkan"}


class EventKind(StrEnum):
    STARTED = "started"
    COMPLETED = "step_completed"
    HANDED_OFF = "handed_off"
    REASSIGNED = "reassigned"
    NOTE = "note_added"
    HELD = "held"
    RESUMED = "resumed"
    CANCELLED = "cancelled"
    FINISHED = "finished"
    CORRECTED = "corrected"
    UNDONE = "handoff_undone"  # voids the last handoff (and what was recorded on its pass)


EVENT_LABELS = {
    EventKind.STARTED: "Putaran dimulai", EventKind.COMPLETED: "Langkah selesai",
    EventKind.HANDED_OFF: "Diserahkan", EventKind.REASSIGNED: "Dialihkan",
    EventKind.NOTE: "Catatan", EventKind.HELD: "Ditahan", EventKind.RESUMED: "Dilanjutkan",
    EventKind.CANCELLED: "Dibatalkan", EventKind.FINISHED: "Putaran selesai",
    EventKind.CORRECTED: "Koreksi", EventKind.UNDONE: "Serah terima dibatalkan",
}
# what a correction may change, and the Indonesian name of each
CORRECTABLE = {"occurred_at": "waktu", "officer": "pegawai", "output": "output",
               "note": "catatan"}


@dataclass(frozen=True)
class RoundEvent:
    kind: EventKind
    occurred_at: datetime
    entered_at: datetime
    entered_by: str
    position: int | None = None  # 1-based step the event concerns
    officer: str | None = None  # who did it (completed) or who now holds the file
    decision: str | None = None  # "ya" / "tidak" on a completed decision step
    note: str = ""
    output: str = ""
    officer_id: int | None = None
    # a correction: the seq of the event it corrects; an undo: the completion it voids
    corrects: int | None = None
    # a correction: the new values (times ISO); an undo: {"voids": [seq, …]}
    changes: dict = field(default_factory=dict)
    seq: int | None = None  # its place in the log, once written
    corrected: bool = False  # derived: a later correction changed this event's values


@dataclass(frozen=True)
class StepPass:
    """One pass of the file through one step: a loop makes a second pass, never an edit."""

    position: int
    no: str
    role: str
    officer: str | None
    received_at: datetime
    handed_at: datetime | None = None
    decision: str | None = None
    note: str = ""
    output: str = ""
    done_by: str | None = None
    holds: tuple[tuple[datetime, datetime | None], ...] = ()
    officer_id: int | None = None
    done_by_id: int | None = None
    corrected: bool = False  # a value of this pass comes from a correction
    # each lane of the step with its holder (domain.round_lanes); `officer` is the first's
    lanes: tuple[LaneHolder, ...] = ()


@dataclass(frozen=True)
class RoundState:
    status: Status
    current: int | None  # 1-based position, None once ended
    passes: tuple[StepPass, ...]
    loops: int
    last_event_at: datetime
    started_at: datetime
    ended_at: datetime | None = None
    cancel_reason: str = ""

    @property
    def holders(self) -> tuple[LaneHolder, ...]:
        """Each lane of the current step with its holder; () once ended."""
        return self.passes[-1].lanes if self.current is not None and self.passes else ()

    @property
    def holder_person(self) -> Person | None:
        """The first who holds the file now (the one who completes it unless told)."""
        people = present(self.holders)
        return people[0] if people else None

    @property
    def holder(self) -> str | None:
        person = self.holder_person
        return person.name if person else None

    @property
    def holder_id(self) -> int | None:
        person = self.holder_person
        return person.id if person else None

    @property
    def holder_names(self) -> str | None:
        """Every holder of a step drawn in several lanes: `Budi, Sari`."""
        return names(self.holders)

    @property
    def since(self) -> datetime | None:
        return self.passes[-1].received_at if self.current is not None and self.passes else None

    def accrues_until(self, now: datetime) -> datetime:
        """Time stops at the last event of an ended round; an open one runs until now."""
        return self.ended_at or now


def next_position(sop: Sop, position: int, decision: str | None) -> int | None:
    """Where the file goes after `position`; None when the procedure ends there."""
    step = sop.steps[position - 1]
    if step.decision is not None:
        return step.decision.yes if decision == "ya" else step.decision.no
    return position + 1 if position < len(sop.steps) else None


def _parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def voided(events: list[RoundEvent] | tuple[RoundEvent, ...]) -> dict[int, int]:
    """The events an undo voided: their seq -> the seq of the undo."""
    return {seq: e.seq for e in events if e.kind is EventKind.UNDONE
            for seq in e.changes.get("voids", ())}


def corrected_log(events: list[RoundEvent] | tuple[RoundEvent, ...]) -> list[RoundEvent]:
    """The log as it counts: each correction folded into the event it names (marked), the
    corrections, the undos and the events they voided left out. A completion's new time
    moves its handoff with it."""
    gone = voided(events)
    out = [e for e in events if e.kind not in (EventKind.CORRECTED, EventKind.UNDONE)
           and e.seq not in gone]
    index = {e.seq: i for i, e in enumerate(out)}
    for fix in (e for e in events if e.kind is EventKind.CORRECTED):
        i = index.get(fix.corrects)
        if i is None:
            continue
        target = out[i]
        values: dict = {"corrected": True}
        if "occurred_at" in fix.changes:
            values["occurred_at"] = _parse_time(fix.changes["occurred_at"])
        if "officer" in fix.changes:
            values["officer"] = fix.changes["officer"]
            values["officer_id"] = fix.changes.get("officer_id")
        for name in ("output", "note"):
            if name in fix.changes:
                values[name] = fix.changes[name]
        out[i] = replace(target, **values)
        follower = out[i + 1] if i + 1 < len(out) else None
        if ("occurred_at" in fix.changes and target.kind is EventKind.COMPLETED
                and follower is not None
                and follower.kind in (EventKind.HANDED_OFF, EventKind.FINISHED)
                and follower.occurred_at == target.occurred_at):
            out[i + 1] = replace(follower, occurred_at=values["occurred_at"], corrected=True)
    return out


def replay(sop: Sop, events: list[RoundEvent] | tuple[RoundEvent, ...]) -> RoundState:
    """The state the (corrected) log implies; a log that is not whole raises RoundError."""
    log = corrected_log(events)
    if not log or log[0].kind is not EventKind.STARTED:
        raise RoundError("riwayat putaran tidak utuh: kejadian 'Putaran dimulai' tidak ada")
    first = log[0]
    passes: list[StepPass] = []
    status, current, loops = Status.ACTIVE, None, 0
    ended_at, reason = None, ""

    def open_pass(e: RoundEvent) -> None:
        if not 1 <= (e.position or 0) <= len(sop.steps):
            raise RoundError(f"riwayat putaran menyebut langkah {e.position}, yang tidak ada")
        step = sop.steps[e.position - 1]
        taker = Person(e.officer_id, e.officer) if e.officer else None
        passes.append(StepPass(position=e.position, no=step.no, role=step.role,
                               officer=e.officer, officer_id=e.officer_id,
                               received_at=e.occurred_at, corrected=e.corrected,
                               lanes=holders_at(step, taker, e.changes)))

    for e in log:
        if e.kind in (EventKind.STARTED, EventKind.HANDED_OFF):
            current = e.position
            open_pass(e)
        elif not passes:
            raise RoundError("riwayat putaran tidak utuh: kejadian sebelum putaran dimulai")
        elif e.kind is EventKind.COMPLETED:
            passes[-1] = replace(passes[-1], handed_at=e.occurred_at, decision=e.decision,
                                 note=e.note, output=e.output, done_by=e.officer,
                                 done_by_id=e.officer_id,
                                 corrected=passes[-1].corrected or e.corrected)
            if e.decision == "tidak":
                target = next_position(sop, e.position, "tidak")
                if target is not None and target <= e.position:
                    loops += 1
        elif e.kind is EventKind.REASSIGNED:
            lanes = reassigned(passes[-1].lanes,
                               Person(e.officer_id, e.officer) if e.officer else None,
                               e.changes)
            taker = lanes[0].person if lanes else None
            passes[-1] = replace(passes[-1], lanes=lanes, officer=taker.name if taker else None,
                                 officer_id=taker.id if taker else None)
        elif e.kind is EventKind.HELD:
            status = Status.ON_HOLD
            passes[-1] = replace(passes[-1], holds=passes[-1].holds + ((e.occurred_at, None),))
        elif e.kind is EventKind.RESUMED:
            status = Status.ACTIVE
            start, _ = passes[-1].holds[-1]
            passes[-1] = replace(passes[-1],
                                 holds=passes[-1].holds[:-1] + ((start, e.occurred_at),))
        elif e.kind is EventKind.CANCELLED:
            status, current, ended_at, reason = Status.CANCELLED, None, e.occurred_at, e.note
        elif e.kind is EventKind.FINISHED:
            status, current, ended_at = Status.DONE, None, e.occurred_at
    return RoundState(status=status, current=current, passes=tuple(passes), loops=loops,
                      last_event_at=max(e.occurred_at for e in log),
                      started_at=first.occurred_at, ended_at=ended_at, cancel_reason=reason)


# commands: check against the state, return the events to append ------------------------------

@dataclass(frozen=True)
class Entry:
    """Who enters a record, when they enter it, and the office's clock for messages."""

    by: str
    entered_at: datetime
    tz: tzinfo = WIB


def check_time(at: datetime, entry: Entry, *, after: datetime | None = None,
               before: datetime | None = None, what: str = "kejadian sebelumnya") -> None:
    """A recorded time: with a zone, not in the future, not before the event it follows."""
    if at.tzinfo is None:
        raise RoundError("waktu harus menyertakan zona waktu (mis. 2026-11-23T09:00+07:00)")
    if at < EARLIEST:
        raise RoundError(f"waktu {format_waktu(at, entry.tz)} tidak masuk akal (sebelum 1970)")
    if at > entry.entered_at + FUTURE_GRACE:
        raise RoundError(
            f"waktu {format_waktu(at, entry.tz)} belum terjadi: sekarang "
            f"{format_waktu(entry.entered_at, entry.tz)}; periksa tanggal dan jamnya")
    if after is not None and at < after:
        raise RoundError(
            f"waktu {format_waktu(at, entry.tz)} lebih awal dari {what} "
            f"({format_waktu(after, entry.tz)}); catat kejadian berurutan")
    if before is not None and at > before:
        raise RoundError(
            f"waktu {format_waktu(at, entry.tz)} lebih lambat dari kejadian sesudahnya "
            f"({format_waktu(before, entry.tz)})")


def check_open(state: RoundState) -> None:
    if state.status in (Status.DONE, Status.CANCELLED):
        raise RoundError(f"putaran sudah {STATUS_LABELS[state.status]}; tidak ada yang dapat "
                         "dicatat lagi")


def _event(kind: EventKind, at: datetime, entry: Entry, **values) -> RoundEvent:
    return RoundEvent(kind, at, entry.entered_at, entry.by, **values)


def _person(values: Person | None) -> dict:
    return {"officer": values.name, "officer_id": values.id} if values else {}


def start(sop: Sop, lanes: dict[str, Person | None], *, at: datetime,
          entry: Entry) -> list[RoundEvent]:
    if not sop.steps:
        raise RoundError(f"SOP {sop.name!r} belum punya langkah; gambar prosedurnya dulu")
    check_time(at, entry)
    first = sop.steps[0]
    people = [lanes.get(lane) for lane in first.roles]
    return [_event(EventKind.STARTED, at, entry, position=1, **_person(people[0]),
                   changes=handoff_changes(first, people))]


def receiver_for(sop: Sop, passes, lanes: dict[str, Person | None], target: int,
                 by_jabatan: Person | None, usable=lambda person: True,
                 lane: str | None = None) -> Person | None:
    """Who receives the file at step `target` in `lane` (its first lane unless named)
    unless the clerk says otherwise: the officer fixed for that lane in this round, else
    the one active officer whose jabatan the lane names (`by_jabatan`, looked up by the
    caller), else the last person who held that lane in this round; None when nobody can
    be found. Only people `usable` says yes to count (the caller's test of who is still an
    active officer)."""
    lane = lane or sop.steps[target - 1].role
    if lanes.get(lane) is not None and usable(lanes[lane]):
        return lanes[lane]
    if by_jabatan is not None:
        return by_jabatan
    for p in reversed(passes):  # StepPass, or anything with its role, lanes and people
        for person in people_in_lane(p, lane):
            if usable(person):
                return person
    return None


def complete(sop: Sop, state: RoundState, *, at: datetime, entry: Entry,
             receiver: Person | None, decision: str | None = None, note: str = "",
             output: str = "", done_by: Person | None = None,
             receivers: Sequence[Person | None] | None = None) -> list[RoundEvent]:
    """Complete the current step and hand the file to `receiver` at the next step (None:
    the clerk chose to leave it undetermined), or to `receivers`, one per lane of a next
    step drawn in several (`receiver` then fills its first lane alone); Tidak on a
    decision sends the file back to its target. Any holder of a step in several lanes may
    complete it: `done_by`, else the first holder."""
    check_open(state)
    if state.status is Status.ON_HOLD:
        raise RoundError("putaran sedang ditahan; lanjutkan dulu sebelum menyelesaikan langkah")
    check_time(at, entry, after=state.last_event_at)
    position = state.current
    step = sop.steps[position - 1]
    if step.decision is not None and decision not in ("ya", "tidak"):
        raise RoundError(f"langkah {step.no} adalah keputusan: jawab Ya atau Tidak")
    if step.decision is None and decision is not None:
        raise RoundError(f"langkah {step.no} bukan keputusan; jangan isi Ya/Tidak")
    doer = done_by or state.holder_person
    if doer is None:
        raise RoundError(f"langkah {step.no} belum punya pemegang: pilih siapa yang "
                         "mengerjakannya")
    events = [_event(EventKind.COMPLETED, at, entry, position=position, decision=decision,
                     note=note, output=output, **_person(doer))]
    target = next_position(sop, position, decision)
    if target is None:
        events.append(_event(EventKind.FINISHED, at, entry))
    else:
        lanes = sop.steps[target - 1].roles
        people = list(receivers) if receivers is not None else [receiver] + [None] * (
            len(lanes) - 1)
        if len(people) != len(lanes):
            raise RoundError(f"langkah {sop.steps[target - 1].no} dikerjakan di {len(lanes)} "
                             f"lajur ({', '.join(lanes)}): sebutkan satu penerima untuk "
                             f"setiap lajur, bukan {len(people)}")
        events.append(_event(EventKind.HANDED_OFF, at, entry, position=target,
                             **_person(people[0]),
                             changes=handoff_changes(sop.steps[target - 1], people)))
    return events


def last_handoff(events: list[RoundEvent] | tuple[RoundEvent, ...]
                 ) -> tuple[RoundEvent, RoundEvent] | None:
    """The last handoff that counts: its completion and the handoff (or finish) with it."""
    log = corrected_log(events)
    for i in range(len(log) - 1, 0, -1):
        if log[i].kind is EventKind.COMPLETED and i + 1 < len(log):
            return log[i], log[i + 1]
    return None


# what else an undone handoff takes with it: what was recorded on the pass it opened
_ON_THE_PASS = (EventKind.HELD, EventKind.RESUMED, EventKind.REASSIGNED)


def undo(events: list[RoundEvent] | tuple[RoundEvent, ...], state: RoundState, reason: str, *,
         entry: Entry, seq: int | None = None) -> list[RoundEvent]:
    """*Batalkan serah terima*: void the last handoff, so the round is back at the step it
    was completing, held by whoever held it. The voided events stay in the log; the holds
    and reassignments of the pass it opened go with it, notes stay. `seq` names the handoff
    the user means (its completion); refused when that is not the last one."""
    if not reason.strip():
        raise RoundError("alasan pembatalan serah terima wajib diisi")
    if state.status is Status.CANCELLED:
        raise RoundError("putaran sudah dibatalkan; serah terima tidak dapat dibatalkan lagi")
    last = last_handoff(events)
    if last is None:
        raise RoundError("belum ada serah terima yang dapat dibatalkan di putaran ini")
    done, handed = last
    if seq is not None and seq not in (done.seq, handed.seq):
        gone = voided(events)
        if seq in gone:
            raise RoundError(f"kejadian #{seq} sudah dibatalkan (oleh #{gone[seq]})")
        raise RoundError(
            f"hanya serah terima terakhir yang dapat dibatalkan: #{seq} bukan yang terakhir; "
            f"yang terakhir #{done.seq} (langkah {sop_no(state, done.position)})")
    log = corrected_log(events)
    after = log[log.index(handed) + 1:]
    voids = [done.seq, handed.seq] + [e.seq for e in after if e.kind in _ON_THE_PASS]
    return [_event(EventKind.UNDONE, entry.entered_at, entry, position=done.position,
                   note=reason.strip(), corrects=done.seq, changes={"voids": voids})]


def sop_no(state: RoundState, position: int | None) -> str:
    """The printed number of step `position` as the round's passes name it."""
    return next((p.no for p in state.passes if p.position == position), str(position))


def reassign(state: RoundState, officer: Person, *, at: datetime, entry: Entry,
             note: str = "", lane: str | None = None) -> list[RoundEvent]:
    """The current step's file (in `lane`, its first unless named) goes to `officer`."""
    check_open(state)
    check_time(at, entry, after=state.last_event_at)
    lanes = [h.lane for h in state.holders]
    lane = lane or (lanes[0] if lanes else None)
    if lanes and lane not in lanes:
        raise RoundError(f"langkah {state.passes[-1].no} tidak dikerjakan di lajur {lane!r}; "
                         f"lajurnya: {', '.join(lanes)}")
    return [_event(EventKind.REASSIGNED, at, entry, position=state.current, note=note,
                   changes=reassign_changes(state.holders, lane), **_person(officer))]


def hold(state: RoundState, *, at: datetime, entry: Entry, note: str = "") -> list[RoundEvent]:
    check_open(state)
    if state.status is Status.ON_HOLD:
        raise RoundError("putaran sudah ditahan")
    check_time(at, entry, after=state.last_event_at)
    return [_event(EventKind.HELD, at, entry, position=state.current, note=note)]


def resume(state: RoundState, *, at: datetime, entry: Entry,
           note: str = "") -> list[RoundEvent]:
    check_open(state)
    if state.status is not Status.ON_HOLD:
        raise RoundError("putaran tidak sedang ditahan")
    check_time(at, entry, after=state.last_event_at)
    return [_event(EventKind.RESUMED, at, entry, position=state.current, note=note)]


def cancel(state: RoundState, reason: str, *, at: datetime,
           entry: Entry) -> list[RoundEvent]:
    check_open(state)
    if not reason.strip():
        raise RoundError("alasan pembatalan wajib diisi")
    check_time(at, entry, after=state.last_event_at)
    return [_event(EventKind.CANCELLED, at, entry, position=state.current, note=reason)]


def add_note(state: RoundState, text: str, *, at: datetime, entry: Entry) -> list[RoundEvent]:
    if not text.strip():
        raise RoundError("catatan kosong")
    check_time(at, entry, after=state.last_event_at)
    return [_event(EventKind.NOTE, at, entry, position=state.current, note=text)]


def correct(events: list[RoundEvent] | tuple[RoundEvent, ...], seq: int, reason: str, *,
            entry: Entry, occurred_at: datetime | None = None,
            officer: Person | None = None, output: str | None = None,
            note: str | None = None, receiver: Person | None = None) -> list[RoundEvent]:
    """A correction of event `seq`: new values and a reason; the original stays as it is.
    On a completion, `receiver` corrects who received the file in its handoff too (a second
    correction, written with the first)."""
    if not reason.strip():
        raise RoundError("alasan koreksi wajib diisi")
    log = corrected_log(events)
    where = next((i for i, e in enumerate(log) if e.seq == seq), None)
    if where is None:
        gone = voided(events)
        if seq in gone:
            raise RoundError(f"kejadian #{seq} sudah dibatalkan (oleh #{gone[seq]}); yang "
                             "dibatalkan tidak dikoreksi")
        written = next((e for e in events if e.seq == seq), None)
        raise RoundError(f"kejadian #{seq} tidak ada di riwayat putaran ini" + (
            "" if written is None else
            "; pembatalan serah terima tidak dapat dikoreksi" if written.kind is EventKind.UNDONE
            else "; koreksi tidak dapat dikoreksi lagi, koreksi kejadian aslinya"))
    target = log[where]
    changes: dict = {}
    if occurred_at is not None and occurred_at != target.occurred_at:
        previous = log[where - 1] if where > 0 else None
        following = log[where + 1] if where + 1 < len(log) else None
        if (following is not None and target.kind is EventKind.COMPLETED
                and following.kind in (EventKind.HANDED_OFF, EventKind.FINISHED)
                and following.occurred_at == target.occurred_at):
            following = log[where + 2] if where + 2 < len(log) else None
        check_time(occurred_at, entry, after=previous.occurred_at if previous else None,
                   before=following.occurred_at if following else None,
                   what=f"kejadian sebelumnya (#{previous.seq})" if previous else "")
        changes["occurred_at"] = occurred_at.astimezone(UTC).isoformat()
    if officer is not None and (officer.id, officer.name) != (target.officer_id,
                                                              target.officer):
        if target.kind not in (EventKind.STARTED, EventKind.COMPLETED, EventKind.HANDED_OFF,
                               EventKind.REASSIGNED):
            raise RoundError(f"kejadian #{seq} ({EVENT_LABELS[target.kind]}) tidak menyebut "
                             "pegawai")
        changes["officer"], changes["officer_id"] = officer.name, officer.id
    if output is not None and output != target.output:
        changes["output"] = output
    if note is not None and note != target.note:
        changes["note"] = note
    extra = []
    if receiver is not None:
        follower = log[where + 1] if where + 1 < len(log) else None
        if target.kind is not EventKind.COMPLETED or follower is None \
                or follower.kind is not EventKind.HANDED_OFF:
            raise RoundError(f"kejadian #{seq} ({EVENT_LABELS[target.kind]}) tidak "
                             "menyerahkan berkas kepada siapa pun")
        if (receiver.id, receiver.name) != (follower.officer_id, follower.officer):
            extra.append(_event(EventKind.CORRECTED, entry.entered_at, entry,
                                position=follower.position, note=reason.strip(),
                                corrects=follower.seq,
                                changes={"officer": receiver.name,
                                         "officer_id": receiver.id}))
    if not changes and not extra:
        raise RoundError("koreksi tidak mengubah apa pun: isi waktu, pegawai, penerima, "
                         "output atau catatan yang benar")
    fixes = [_event(EventKind.CORRECTED, entry.entered_at, entry, position=target.position,
                    note=reason.strip(), corrects=seq, changes=changes)] if changes else []
    return fixes + extra


def describe_change(sop: Sop, events: list[RoundEvent] | tuple[RoundEvent, ...],
                    tz: tzinfo) -> str:
    """What happened in `events` (written by someone else), for the user who missed it."""
    parts = []
    for e in events:
        who = e.officer or e.entered_by
        when = format_waktu(e.occurred_at, tz)
        step = (f"Langkah {sop.steps[e.position - 1].no}"
                if e.position and e.position <= len(sop.steps) else "Putaran")
        text = {
            EventKind.COMPLETED: f"{step} sudah diselesaikan oleh {who} pukul {when}",
            EventKind.REASSIGNED: f"{step} sudah dialihkan ke {who} pukul {when}",
            EventKind.NOTE: f"catatan baru ditambahkan oleh {e.entered_by} pukul {when}",
            EventKind.HELD: f"putaran sudah ditahan oleh {e.entered_by} pukul {when}",
            EventKind.RESUMED: f"putaran sudah dilanjutkan oleh {e.entered_by} pukul {when}",
            EventKind.CANCELLED: f"putaran sudah dibatalkan oleh {e.entered_by} pukul {when}",
            EventKind.CORRECTED: f"kejadian #{e.corrects} sudah dikoreksi oleh "
                                 f"{e.entered_by} pukul {when}",
            EventKind.UNDONE: f"serah terima {step} sudah dibatalkan oleh {e.entered_by} "
                              f"pukul {when}",
            EventKind.STARTED: f"putaran dimulai pukul {when}",
        }.get(e.kind)
        if text:
            parts.append(text)
    return "; ".join(parts) or "putaran sudah berubah"


# time against the Mutu Baku -------------------------------------------------------------------

@dataclass(frozen=True)
class PassTiming:
    standard_minutes: int | None
    working_minutes: int
    late: bool


def standard_minutes(sop: Sop, position: int, calendar: OfficeCalendar) -> int | None:
    return step_standard(sop.steps[position - 1].time, calendar.day_minutes)


def pass_timing(sop: Sop, p: StepPass, calendar: OfficeCalendar,
                until: datetime) -> PassTiming:
    """Working minutes on the desk, hold time left out, against the step's standard.

    `until` is now for an open round and the last event of an ended one."""
    end = p.handed_at or until
    worked = calendar.working_minutes(p.received_at, end)
    for held_from, held_to in p.holds:
        worked -= calendar.working_minutes(held_from, held_to or end)
    worked = max(0, worked)
    standard = standard_minutes(sop, p.position, calendar)
    return PassTiming(standard, worked, standard is not None and worked > standard)


def describe_when(at: datetime, tz: tzinfo = WIB) -> str:
    """`23 November 2026 08.00 WIB`: how a time reads in a message."""
    return format_waktu(at, tz)


def replace_seq(event: RoundEvent, seq: int) -> RoundEvent:
    """The event as written at place `seq` of the log."""
    return replace(event, seq=seq)


def describe_correction(corrects: int, changes: dict | None, tz: tzinfo) -> str:
    """`mengoreksi #2: waktu → 23 November 2026 08.30 WIB; pegawai → Budi`."""
    parts = []
    for key, value in (changes or {}).items():
        if key not in CORRECTABLE:
            continue
        if key == "occurred_at":
            value = format_waktu(_parse_time(value), tz)
        parts.append(f"{CORRECTABLE[key]} → {value or '(kosong)'}")
    return f"mengoreksi #{corrects}: " + "; ".join(parts)


def event_details(e, tz: tzinfo) -> str:
    """The Keterangan of a log line: a correction's changes and reason, else the decision,
    output and note."""
    if getattr(e, "kind", None) in (EventKind.UNDONE, EventKind.UNDONE.value):
        voids = ", #".join(str(seq) for seq in (e.changes or {}).get("voids", ()))
        return f"membatalkan #{voids} / alasan: {e.note}"
    if e.corrects:
        return " / ".join(p for p in (describe_correction(e.corrects, e.changes, tz),
                                      f"alasan: {e.note}" if e.note else "") if p)
    return " / ".join(p for p in ((e.decision or "").capitalize(), e.output, e.note) if p)
