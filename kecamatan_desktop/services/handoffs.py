"""What the handoff dialog offers: the step being completed, where the file goes next (both
ways of a decision), the default receiver of each way and who did the step."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.rounds import Person, next_position
from kecamatan_desktop.services.rounds import RoundDetail, default_receiver, get_round
from kecamatan_desktop.services.starting import officer_choices


@dataclass(frozen=True)
class Way:
    """Where the file goes after the step: one way, or one of a decision's two."""

    decision: str | None  # None on a plain step; "ya" or "tidak" on a decision
    position: int | None  # the next step; None: the round ends there
    no: str = ""
    activity: str = ""
    lane: str = ""
    receiver: int | None = None  # the default receiver's officer id; None: nobody found
    receiver_name: str | None = None


@dataclass(frozen=True)
class HandoffOffer:
    version: int  # the round as the offer read it
    position: int
    doer: int | None  # who did the step unless the clerk says otherwise: the holder
    ways: tuple[Way, ...]
    officers: list[tuple[str, int]]  # active officers, as the dialogs list them


def handoff_offer(round_id: int, *, session: Session) -> HandoffOffer:
    detail = get_round(round_id, session=session)
    if detail.current_step is None:
        raise InputError(f"Putaran {detail.id} ({detail.title}) sudah berakhir; tidak ada "
                         "langkah untuk diselesaikan")
    step = detail.sop.steps[detail.current_step - 1]
    decisions = ("ya", "tidak") if step.decision is not None else (None,)
    return HandoffOffer(
        version=detail.version, position=detail.current_step,
        doer=detail.steps[-1].officer_id if detail.steps else None,  # the holder now
        ways=tuple(_way(detail, d, session=session) for d in decisions),
        officers=officer_choices(session=session))


def _way(detail: RoundDetail, decision: str | None, *, session: Session) -> Way:
    target = next_position(detail.sop, detail.current_step, decision)
    if target is None:
        return Way(decision, None)
    step = detail.sop.steps[target - 1]
    lanes = {lane: Person((detail.lane_ids or {}).get(lane), name) if name else None
             for lane, name in detail.lanes.items()}
    person = default_receiver(detail.sop, detail.steps, lanes, target, session=session)
    return Way(decision, target, step.no, step.activity, step.role,
               person.id if person else None, person.name if person else None)
