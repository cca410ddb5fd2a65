"""Who receives the file at the next step: the default of each of its lanes (the rules are
domain.rounds.receiver_for's; the directory is looked up here), and the clerk's choices,
one per lane of a step drawn in several, read into people."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from kecamatan_desktop.domain import rounds as machine
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.rounds import Person
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.services import officers

NOBODY = "-"  # the clerk leaves a lane's receiver undetermined


def default_receiver(sop: Sop, passes, lanes: dict[str, Person | None], target: int, *,
                     session: Session, lane: str | None = None) -> Person | None:
    """Who receives the file at step `target` in `lane` (its first unless named) unless the
    clerk says otherwise."""
    lane = lane or sop.steps[target - 1].role
    found = officers.default_for_lane(lane, sop.office.name, session=session)
    active = {o.id for o in officers.list_officers(session=session, active_only=True)}
    return machine.receiver_for(sop, passes, lanes, target,
                                Person(found.id, found.name) if found else None,
                                usable=lambda person: person.id in active, lane=lane)


def default_receivers(sop: Sop, passes, lanes: dict[str, Person | None], target: int, *,
                      session: Session) -> list[Person | None]:
    """The default receiver of each lane of step `target`, in the step's lane order."""
    return [default_receiver(sop, passes, lanes, target, session=session, lane=lane)
            for lane in sop.steps[target - 1].roles]


def chosen_receivers(sop: Sop, passes, lanes: dict[str, Person | None], target: int,
                     refs: Sequence[str | int | None], *, session: Session
                     ) -> list[Person | None]:
    """The clerk's receivers at step `target`, one per lane: an officer (id, name or NIP),
    NOBODY for a lane left undetermined, or None for the lane's default (refused with the
    choices named when there is none)."""
    step = sop.steps[target - 1]
    if len(refs) != len(step.roles):
        raise InputError(
            f"Langkah {step.no} dikerjakan di {len(step.roles)} lajur ({', '.join(step.roles)})"
            f": sebutkan {len(step.roles)} penerima, satu per lajur menurut urutan itu (bukan "
            f"{len(refs)}), atau '-' untuk lajur yang penerimanya belum ditentukan. Tidak ada "
            "yang dicatat.")
    people: list[Person | None] = []
    for lane, ref in zip(step.roles, refs, strict=True):
        if ref == NOBODY:
            people.append(None)
        elif ref in (None, ""):
            taker = default_receiver(sop, passes, lanes, target, session=session, lane=lane)
            if taker is None:
                raise InputError(no_receiver_message(sop, target, lane, session=session))
            people.append(taker)
        else:
            people.append(person(session, ref))
    return people


def person(session: Session, ref: str | int | None) -> Person | None:
    """The active officer `ref` names (id, name or NIP); None for no reference."""
    if ref in (None, ""):
        return None
    officer = officers.find_officer(ref, session=session)
    return Person(officer.id, officer.name)


def no_receiver_message(sop: Sop, target: int, lane: str | None = None, *,
                        session: Session) -> str:
    step = sop.steps[target - 1]
    lane = lane or step.role
    names = [o.name for o in officers.list_officers(session=session, active_only=True)]
    return (f"Langkah {step.no} ({lane}) belum punya penerima berkas: tidak ada pegawai "
            f"yang ditetapkan untuk lajur {lane}. Sebutkan penerimanya (pegawai aktif: "
            f"{', '.join(names) or 'belum ada; tambahkan dulu di daftar pegawai'}) atau pilih "
            "(belum ditentukan). Tidak ada yang dicatat.")
