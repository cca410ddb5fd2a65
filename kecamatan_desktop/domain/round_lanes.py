"""A round's step drawn in several lanes (a shape in each lane of its row in the book): the
file is held by each lane's holder at once, and any one of them completes the step.

How the log records it, compatibly with every event written before: a handoff (or a
start) into such a step names its first lane's receiver as any handoff does (the event's
officer, which a correction may change), and the receivers of its other lanes in
`changes["other_lanes"]`; a reassignment names its lane in `changes["lane"]`. An event
without them (written before, or into a one-lane step) gives the other lanes nobody and
reassigns the first lane.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kecamatan_desktop.domain.sop import Step

OTHER_LANES = "other_lanes"
LANE = "lane"


@dataclass(frozen=True)
class Person:
    """An officer as a record names them: the directory id and the name as written then."""

    id: int | None
    name: str


@dataclass(frozen=True)
class LaneHolder:
    """Who holds the file in one lane of a step; `person` None: nobody chosen yet."""

    lane: str
    person: Person | None


def handoff_changes(step: Step, people: Sequence[Person | None]) -> dict:
    """What a handoff into `step` records beside its officer: the receivers of its other
    lanes (nothing for a one-lane step, so its event reads as every event before)."""
    if not step.other_roles:
        return {}
    return {OTHER_LANES: [{"lane": lane, "officer": p.name if p else None,
                           "officer_id": p.id if p else None}
                          for lane, p in zip(step.other_roles, people[1:], strict=True)]}


def holders_at(step: Step, first: Person | None, changes: dict | None) -> tuple[LaneHolder, ...]:
    """Each lane of `step` with its holder, as a handoff (or start) event gives them."""
    named = {entry.get("lane"): entry for entry in (changes or {}).get(OTHER_LANES, ())}
    others = []
    for lane in step.other_roles:
        entry = named.get(lane)
        person = (Person(entry.get("officer_id"), entry["officer"])
                  if entry is not None and entry.get("officer") else None)
        others.append(LaneHolder(lane, person))
    return (LaneHolder(step.role, first), *others)


def reassigned(holders: tuple[LaneHolder, ...], person: Person | None,
               changes: dict | None) -> tuple[LaneHolder, ...]:
    """The holders after a reassignment: the lane it names (its first when it names none)
    goes to `person`."""
    lane = (changes or {}).get(LANE) or (holders[0].lane if holders else None)
    return tuple(LaneHolder(h.lane, person) if h.lane == lane else h for h in holders)


def reassign_changes(holders: Sequence[LaneHolder], lane: str | None) -> dict:
    """What a reassignment records of its lane: nothing on a one-lane step."""
    return {LANE: lane} if len(holders) > 1 else {}


def present(holders: Sequence[LaneHolder]) -> list[Person]:
    """The people holding the file, lane by lane, nobody left out and nobody twice."""
    out: list[Person] = []
    for h in holders:
        if h.person is not None and h.person not in out:
            out.append(h.person)
    return out


def names(holders: Sequence[LaneHolder]) -> str | None:
    """`Budi, Sari`: the holders as the round page, the dashboard and the log name them;
    None when nobody holds the file."""
    people = present(holders)
    return ", ".join(p.name for p in people) if people else None


def people_in_lane(p, lane: str) -> list[Person]:
    """Who held `lane` in a pass (StepPass, or anything with its role, lanes and people):
    who completed it, when it was a step of that lane alone, then its holder there."""
    lanes = getattr(p, "lanes", ()) or (LaneHolder(p.role, Person(p.officer_id, p.officer)
                                                   if p.officer else None),)
    out: list[Person] = []
    if p.done_by and len(lanes) == 1 and lanes[0].lane == lane:
        out.append(Person(p.done_by_id, p.done_by))
    out += [h.person for h in lanes if h.lane == lane and h.person is not None]
    return out


def event_names(officer: str | None, changes: dict | None) -> str | None:
    """Who an event gave the file to: its officer, and on a handoff (or start) into a step
    drawn in several lanes the receivers of the others too (`Budi, Sari`)."""
    people = [officer] + [entry.get("officer") for entry in (changes or {}).get(OTHER_LANES, ())]
    named = list(dict.fromkeys(p for p in people if p))
    return ", ".join(named) if named else None
