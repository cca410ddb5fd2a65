"""A round: one running of an SOP, as an append-only log of events and the state it implies.

The log is the record; the state (current step, who holds the file, each pass through each
step, loops) is always recomputed from it, so a correction is a new event, never an edit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from kecamatan_desktop.domain.calendar import WIB, OfficeCalendar
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.tanggal import format_tanggal
from kecamatan_desktop.domain.waktu import WaktuError, parse_waktu


class RoundError(InputError):
    """A request the round's state does not allow; nothing is recorded."""


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


EVENT_LABELS = {
    EventKind.STARTED: "Putaran dimulai", EventKind.COMPLETED: "Langkah selesai",
    EventKind.HANDED_OFF: "Diserahkan", EventKind.REASSIGNED: "Dialihkan",
    EventKind.NOTE: "Catatan", EventKind.HELD: "Ditahan", EventKind.RESUMED: "Dilanjutkan",
    EventKind.CANCELLED: "Dibatalkan", EventKind.FINISHED: "Putaran selesai",
}


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
    def holder(self) -> str | None:
        return self.passes[-1].officer if self.current is not None and self.passes else None

    @property
    def since(self) -> datetime | None:
        return self.passes[-1].received_at if self.current is not None and self.passes else None


def next_position(sop: Sop, position: int, decision: str | None) -> int | None:
    """Where the file goes after `position`; None when the procedure ends there."""
    step = sop.steps[position - 1]
    if step.decision is not None:
        return step.decision.yes if decision == "ya" else step.decision.no
    return position + 1 if position < len(sop.steps) else None


def replay(sop: Sop, events: list[RoundEvent] | tuple[RoundEvent, ...]) -> RoundState:
    """The state the log implies. The log is assumed valid (it was checked when written)."""
    first = events[0]
    passes: list[StepPass] = []
    status, current, loops = Status.ACTIVE, None, 0
    ended_at, reason = None, ""

    def open_pass(position: int, officer: str | None, at: datetime) -> None:
        step = sop.steps[position - 1]
        passes.append(StepPass(position=position, no=step.no, role=step.role, officer=officer,
                               received_at=at))

    for e in events:
        if e.kind is EventKind.STARTED:
            current = e.position
            open_pass(e.position, e.officer, e.occurred_at)
        elif e.kind is EventKind.COMPLETED:
            passes[-1] = replace(passes[-1], handed_at=e.occurred_at, decision=e.decision,
                                 note=e.note, output=e.output, done_by=e.officer)
            if e.decision == "tidak":
                target = next_position(sop, e.position, "tidak")
                if target is not None and target <= e.position:
                    loops += 1
        elif e.kind is EventKind.HANDED_OFF:
            current = e.position
            open_pass(e.position, e.officer, e.occurred_at)
        elif e.kind is EventKind.REASSIGNED:
            passes[-1] = replace(passes[-1], officer=e.officer)
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
                      last_event_at=events[-1].occurred_at, started_at=first.occurred_at,
                      ended_at=ended_at, cancel_reason=reason)


# commands: check against the state, return the events to append ------------------------------

def _check_time(state: RoundState | None, at: datetime) -> None:
    if at.tzinfo is None:
        raise RoundError("waktu harus menyertakan zona waktu (mis. 2026-11-23T09:00+07:00)")
    if state is not None and at < state.last_event_at:
        raise RoundError(
            f"waktu {describe_when(at)} lebih awal dari kejadian sebelumnya "
            f"({describe_when(state.last_event_at)}); catat kejadian berurutan"
        )


def check_open(state: RoundState) -> None:
    if state.status in (Status.DONE, Status.CANCELLED):
        raise RoundError(f"putaran sudah {STATUS_LABELS[state.status]}; tidak ada yang dapat "
                         "dicatat lagi")


def start(sop: Sop, lanes: dict[str, str | None], *, at: datetime, entered_at: datetime,
          by: str) -> list[RoundEvent]:
    if not sop.steps:
        raise RoundError(f"SOP {sop.name!r} belum punya langkah; gambar prosedurnya dulu")
    _check_time(None, at)
    officer = lanes.get(sop.steps[0].role)
    return [RoundEvent(EventKind.STARTED, at, entered_at, by, position=1, officer=officer)]


def complete(sop: Sop, state: RoundState, lanes: dict[str, str | None], *, at: datetime,
             entered_at: datetime, by: str, decision: str | None = None, note: str = "",
             output: str = "", done_by: str | None = None) -> list[RoundEvent]:
    """Complete the current step; Tidak on a decision sends the file back to its target."""
    check_open(state)
    if state.status is Status.ON_HOLD:
        raise RoundError("putaran sedang ditahan; lanjutkan dulu sebelum menyelesaikan langkah")
    _check_time(state, at)
    position = state.current
    step = sop.steps[position - 1]
    if step.decision is not None and decision not in ("ya", "tidak"):
        raise RoundError(f"langkah {step.no} adalah keputusan: jawab Ya atau Tidak")
    if step.decision is None and decision is not None:
        raise RoundError(f"langkah {step.no} bukan keputusan; jangan isi Ya/Tidak")
    events = [RoundEvent(EventKind.COMPLETED, at, entered_at, by, position=position,
                         officer=done_by or state.holder, decision=decision, note=note,
                         output=output)]
    target = next_position(sop, position, decision)
    if target is None:
        events.append(RoundEvent(EventKind.FINISHED, at, entered_at, by))
    else:
        events.append(RoundEvent(EventKind.HANDED_OFF, at, entered_at, by, position=target,
                                 officer=lanes.get(sop.steps[target - 1].role)))
    return events


def reassign(state: RoundState, officer: str, *, at: datetime, entered_at: datetime, by: str,
             note: str = "") -> list[RoundEvent]:
    check_open(state)
    _check_time(state, at)
    return [RoundEvent(EventKind.REASSIGNED, at, entered_at, by, position=state.current,
                       officer=officer, note=note)]


def hold(state: RoundState, *, at: datetime, entered_at: datetime, by: str,
         note: str = "") -> list[RoundEvent]:
    check_open(state)
    if state.status is Status.ON_HOLD:
        raise RoundError("putaran sudah ditahan")
    _check_time(state, at)
    return [RoundEvent(EventKind.HELD, at, entered_at, by, position=state.current, note=note)]


def resume(state: RoundState, *, at: datetime, entered_at: datetime, by: str,
           note: str = "") -> list[RoundEvent]:
    check_open(state)
    if state.status is not Status.ON_HOLD:
        raise RoundError("putaran tidak sedang ditahan")
    _check_time(state, at)
    return [RoundEvent(EventKind.RESUMED, at, entered_at, by, position=state.current,
                       note=note)]


def cancel(state: RoundState, reason: str, *, at: datetime, entered_at: datetime,
           by: str) -> list[RoundEvent]:
    check_open(state)
    if not reason.strip():
        raise RoundError("alasan pembatalan wajib diisi")
    _check_time(state, at)
    return [RoundEvent(EventKind.CANCELLED, at, entered_at, by, position=state.current,
                       note=reason)]


def add_note(state: RoundState, text: str, *, at: datetime, entered_at: datetime,
             by: str) -> list[RoundEvent]:
    if not text.strip():
        raise RoundError("catatan kosong")
    _check_time(state, at)
    return [RoundEvent(EventKind.NOTE, at, entered_at, by, position=state.current, note=text)]


# time against the Mutu Baku -------------------------------------------------------------------

@dataclass(frozen=True)
class PassTiming:
    standard_minutes: int | None
    working_minutes: int
    late: bool


def standard_minutes(sop: Sop, position: int, calendar: OfficeCalendar) -> int | None:
    try:
        waktu = parse_waktu(sop.steps[position - 1].time)
    except WaktuError:
        return None
    return None if waktu is None else waktu.working_minutes(calendar.day_minutes)


def pass_timing(sop: Sop, p: StepPass, calendar: OfficeCalendar, now: datetime) -> PassTiming:
    """Working minutes on the desk, hold time left out, against the step's standard."""
    end = p.handed_at or now
    worked = calendar.working_minutes(p.received_at, end)
    for held_from, held_to in p.holds:
        worked -= calendar.working_minutes(held_from, held_to or end)
    worked = max(0, worked)
    standard = standard_minutes(sop, p.position, calendar)
    return PassTiming(standard, worked, standard is not None and worked > standard)


def describe_when(at: datetime) -> str:
    """`23 November 2026 08.00 WIB`: how a time reads in a message."""
    at = at.astimezone(WIB)
    return f"{format_tanggal(at.date())} {at.strftime('%H.%M')} WIB"
