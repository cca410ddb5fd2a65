"""A round's log as a person reads it: one line per handoff (step, done by, handed to,
decision, time, desk time, note, output), and holds, reassignments, notes, corrections and
undos as lines of their own. A corrected value keeps what it was and why; a voided handoff
stays, marked with the undo that voided it.

Built from the log exactly as written (`RoundEvent`s with their seq); no Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from kecamatan_desktop.domain.round_lanes import OTHER_LANES, event_names
from kecamatan_desktop.domain.rounds import (
    EVENT_LABELS,
    EventKind,
    RoundEvent,
    Status,
    StepPass,
    voided,
)
from kecamatan_desktop.domain.sop import Sop

HANDOFF = "Serah terima"
LAST_STEP = "Langkah terakhir selesai"


@dataclass(frozen=True)
class Value:
    """A value as it stands now, and what it was before a correction changed it."""

    now: str | None
    was: str | None = None
    reasons: tuple[str, ...] = ()

    @property
    def corrected(self) -> bool:
        return bool(self.reasons)


@dataclass(frozen=True)
class LogLine:
    kind: str  # "handoff", "finish", or an EventKind value for lines of their own
    label: str
    seq: int  # the event *Koreksi* corrects: a handoff's completion
    seqs: tuple[int, ...]  # every event the line shows
    at: datetime
    at_was: datetime | None = None
    at_reasons: tuple[str, ...] = ()  # why the time was corrected
    step: str | None = None  # printed number of the step concerned
    next_step: str | None = None  # where a handoff sent the file
    done_by: Value = field(default_factory=lambda: Value(None))
    handed_to: Value = field(default_factory=lambda: Value(None))
    decision: str | None = None
    desk_minutes: int | None = None  # working minutes the file lay on the step's desk
    note: Value = field(default_factory=lambda: Value(""))
    output: Value = field(default_factory=lambda: Value(""))
    entered_by: str = ""
    entered_at: datetime | None = None
    voided_by: int | None = None  # the undo that voided this line
    voided_reason: str = ""
    refers_to: tuple[int, ...] = ()  # a correction's or an undo's targets

    @property
    def correctable(self) -> bool:
        return self.voided_by is None and self.kind not in (EventKind.CORRECTED.value,
                                                            EventKind.UNDONE.value)


def _parse(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class _Fixes:
    """The corrections of each event, in the order written."""

    def __init__(self, events: list[RoundEvent] | tuple[RoundEvent, ...]) -> None:
        self.by_target: dict[int, list[RoundEvent]] = {}
        for e in events:
            if e.kind is EventKind.CORRECTED:
                self.by_target.setdefault(e.corrects, []).append(e)

    def value(self, e: RoundEvent, name: str, original: str | None) -> Value:
        fixes = [f for f in self.by_target.get(e.seq, ()) if name in f.changes]
        if not fixes:
            return Value(original)
        return Value(fixes[-1].changes[name], original, tuple(f.note for f in fixes))

    def time(self, e: RoundEvent) -> dict:
        fixes = [f for f in self.by_target.get(e.seq, ()) if "occurred_at" in f.changes]
        if not fixes:
            return dict(at=e.occurred_at)
        return dict(at=_parse(fixes[-1].changes["occurred_at"]), at_was=e.occurred_at,
                    at_reasons=tuple(f.note for f in fixes))


def round_log(sop: Sop, events: list[RoundEvent] | tuple[RoundEvent, ...],
              passes: tuple[StepPass, ...] | list, desk_minutes: list[int | None],
              status: str = Status.ACTIVE.value) -> tuple[LogLine, ...]:
    """The lines of the log. `passes` and `desk_minutes` are the state's passes (voided ones
    left out, as replay leaves them) and their working minutes, in order; a handoff line takes
    the desk time of the pass it ended."""
    fixes = _Fixes(events)
    gone = voided(events)
    undos = {e.seq: e for e in events if e.kind is EventKind.UNDONE}
    counted = iter(zip(passes, desk_minutes, strict=True))
    lines: list[LogLine] = []

    def no(position: int | None) -> str | None:
        return sop.steps[position - 1].no if position and position <= len(sop.steps) else None

    i = 0
    log = list(events)
    while i < len(log):
        e = log[i]
        common = dict(**fixes.time(e), entered_by=e.entered_by, entered_at=e.entered_at,
                      voided_by=gone.get(e.seq),
                      voided_reason=undos[gone[e.seq]].note if e.seq in gone else "")
        follower = log[i + 1] if i + 1 < len(log) else None
        if e.kind is EventKind.COMPLETED and follower is not None and follower.kind in (
                EventKind.HANDED_OFF, EventKind.FINISHED):
            desk = None
            if e.seq not in gone:
                _pass, desk = next(counted)
            finish = follower.kind is EventKind.FINISHED
            lines.append(LogLine(
                kind="finish" if finish else "handoff", label=LAST_STEP if finish else HANDOFF,
                seq=e.seq, seqs=(e.seq, follower.seq), step=no(e.position),
                next_step=None if finish else no(follower.position),
                done_by=fixes.value(e, "officer", e.officer),
                handed_to=Value(None) if finish else _receivers(fixes, follower),
                decision=e.decision, desk_minutes=desk,
                note=fixes.value(e, "note", e.note), output=fixes.value(e, "output", e.output),
                **common))
            i += 2
            continue
        if e.kind is EventKind.STARTED:
            lines.append(LogLine(kind=e.kind.value, label=EVENT_LABELS[e.kind], seq=e.seq,
                                 seqs=(e.seq,), step=no(e.position),
                                 handed_to=_receivers(fixes, e),
                                 note=fixes.value(e, "note", e.note), **common))
        elif e.kind in (EventKind.CORRECTED, EventKind.UNDONE):
            targets = tuple(e.changes.get("voids", ())) if e.kind is EventKind.UNDONE \
                else (e.corrects,)
            lines.append(LogLine(kind=e.kind.value, label=EVENT_LABELS[e.kind], seq=e.seq,
                                 seqs=(e.seq,), step=no(e.position), note=Value(e.note),
                                 refers_to=targets, **common))
        else:  # held, resumed, reassigned, note, cancelled, and a handoff written alone
            person = fixes.value(e, "officer", e.officer)
            lines.append(LogLine(
                kind=e.kind.value, label=EVENT_LABELS[e.kind], seq=e.seq, seqs=(e.seq,),
                step=no(e.position),
                handed_to=person if e.kind in (EventKind.REASSIGNED,
                                               EventKind.HANDED_OFF) else Value(None),
                note=fixes.value(e, "note", e.note), output=fixes.value(e, "output", e.output),
                **common))
        i += 1
    return tuple(lines)


def _receivers(fixes: _Fixes, e: RoundEvent) -> Value:
    """Who a handoff (or start) gave the file to: every lane's receiver of a step drawn in
    several (`Budi, Sari`), its first as corrected."""
    value = fixes.value(e, "officer", e.officer)
    if not (e.changes or {}).get(OTHER_LANES):
        return value
    return Value(event_names(value.now, e.changes),
                 event_names(value.was, e.changes) if value.corrected else None, value.reasons)


def describe_target(line: LogLine) -> str:
    """`#7 Serah terima langkah 3 → 4`: how a dialog names the line it acts on."""
    where = f" langkah {line.step}" if line.step else ""
    onward = f" → {line.next_step}" if line.next_step else ""
    return f"#{line.seq} {line.label}{where}{onward}"
