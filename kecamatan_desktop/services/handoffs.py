"""What the handoff dialog offers: the step being completed, where the file goes next (both
ways of a decision), the default receiver of each way (of each lane of a next step drawn in
several) and who did the step (any of its holders)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.round_lanes import present
from kecamatan_desktop.domain.rounds import Person, next_position
from kecamatan_desktop.services.receivers import default_receivers
from kecamatan_desktop.services.rounds import RoundDetail, get_round
from kecamatan_desktop.services.starting import officer_choices


@dataclass(frozen=True)
class LaneOffer:
    """One lane of the next step and its default receiver."""

    lane: str
    receiver: int | None = None  # the default receiver's officer id; None: nobody found
    receiver_name: str | None = None


@dataclass(frozen=True)
class Way:
    """Where the file goes after the step: one way, or one of a decision's two."""

    decision: str | None  # None on a plain step; "ya" or "tidak" on a decision
    position: int | None  # the next step; None: the round ends there
    no: str = ""
    activity: str = ""
    lane: str = ""  # the next step's first lane, and its default receiver
    receiver: int | None = None  # the default receiver's officer id; None: nobody found
    receiver_name: str | None = None
    lanes: tuple[LaneOffer, ...] = ()  # every lane of the next step, the first first

    @property
    def offers(self) -> tuple[LaneOffer, ...]:
        """Each lane to name a receiver for (one, when the next step has one lane)."""
        if self.position is None:
            return ()
        return self.lanes or (LaneOffer(self.lane, self.receiver, self.receiver_name),)


@dataclass(frozen=True)
class HandoffOffer:
    version: int  # the round as the offer read it
    position: int
    doer: int | None  # who did the step unless the clerk says otherwise: the holder
    ways: tuple[Way, ...]
    officers: list[tuple[str, int]]  # active officers, as the dialogs list them
    holders: tuple[int, ...] = ()  # every holder of the step (each may have done it)


def handoff_offer(round_id: int, *, session: Session) -> HandoffOffer:
    detail = get_round(round_id, session=session)
    if detail.current_step is None:
        raise InputError(f"Putaran {detail.id} ({detail.title}) sudah berakhir; tidak ada "
                         "langkah untuk diselesaikan")
    step = detail.sop.steps[detail.current_step - 1]
    decisions = ("ya", "tidak") if step.decision is not None else (None,)
    holders = tuple(p.id for p in present(detail.holders) if p.id is not None)
    return HandoffOffer(
        version=detail.version, position=detail.current_step,
        doer=holders[0] if holders else None,  # the first holder now
        ways=tuple(_way(detail, d, session=session) for d in decisions),
        officers=officer_choices(session=session), holders=holders)


def _way(detail: RoundDetail, decision: str | None, *, session: Session) -> Way:
    target = next_position(detail.sop, detail.current_step, decision)
    if target is None:
        return Way(decision, None)
    step = detail.sop.steps[target - 1]
    lanes = {lane: Person((detail.lane_ids or {}).get(lane), name) if name else None
             for lane, name in detail.lanes.items()}
    people = default_receivers(detail.sop, detail.steps, lanes, target, session=session)
    offers = tuple(LaneOffer(lane, p.id if p else None, p.name if p else None)
                   for lane, p in zip(step.roles, people, strict=True))
    first = offers[0]
    return Way(decision, target, step.no, step.activity, step.role, first.receiver,
               first.receiver_name, offers if len(offers) > 1 else ())
