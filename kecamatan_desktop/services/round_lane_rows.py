"""Who fills each lane of a round (`round_lane`): an officer fit for a lane, the lane of a
step in several that an officer fits, and the lanes an undone handoff gives back."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session, select

from kecamatan_desktop.domain import rounds as machine
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.jabatan import jabatan_for_lane
from kecamatan_desktop.domain.round_lanes import holders_at
from kecamatan_desktop.domain.rounds import EventKind, Person, RoundEvent
from kecamatan_desktop.domain.sop import Sop, Step
from kecamatan_desktop.services import officers
from kecamatan_desktop.store.round_models import RoundLaneRow


def lane_officer(session: Session, lane: str, ref: str | int) -> Person:
    officer = officers.find_officer(ref, session=session)
    wanted = jabatan_for_lane(lane)
    if wanted is not None and officer.jabatan != wanted:
        raise InputError(f"{officer.name} ({officer.title}) bukan {wanted}; tidak dapat "
                         f"mengisi lajur {lane}")
    return Person(officer.id, officer.name)


def restore_lanes(session: Session, round_id: int, sop: Sop, events: list[RoundEvent],
                  voids: set[int]) -> None:
    """A voided reassignment no longer fills its lane: the lane goes back to whoever the
    last reassignment still standing named, else to whom the voided handoff gave the file."""
    log = machine.corrected_log(events)
    standing = [e for e in log if e.seq not in voids]
    handed = next((e for e in log if e.seq in voids and e.kind is EventKind.HANDED_OFF), None)

    def lane_of(e: RoundEvent) -> str:
        return (e.changes or {}).get("lane") or sop.steps[e.position - 1].role

    for gone in (e for e in log if e.seq in voids and e.kind is EventKind.REASSIGNED):
        lane = lane_of(gone)
        before = next((e for e in reversed(standing) if e.kind is EventKind.REASSIGNED
                       and e.seq < gone.seq and lane_of(e) == lane), None)
        if before is None and handed is not None \
                and lane in sop.steps[handed.position - 1].roles:
            taker = next((h.person for h in holders_at(
                sop.steps[handed.position - 1],
                Person(handed.officer_id, handed.officer) if handed.officer else None,
                handed.changes) if h.lane == lane), None)
            before = replace(handed, officer=taker.name if taker else None,
                             officer_id=taker.id if taker else None)
        if before is None:
            continue
        row = session.exec(select(RoundLaneRow).where(RoundLaneRow.round_id == round_id,
                                                      RoundLaneRow.lane == lane)).one()
        row.officer, row.officer_id = before.officer, before.officer_id
        session.add(row)


def lane_for(session: Session, step: Step, ref: str | int) -> str:
    """The lane of a step in several that an officer fits by jabatan (its first if none)."""
    if not step.other_roles:
        return step.role
    jabatan = officers.find_officer(ref, session=session).jabatan
    return next((lane for lane in step.roles if jabatan_for_lane(lane) == jabatan), step.role)
