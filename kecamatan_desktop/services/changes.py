"""What a write changed: a service notes on its session which SOPs, rounds, officers, the
calendar or an office's profile it changes; once the session commits, that is what changed.
A write that fails or is rolled back changed nothing, and tells nothing.

The window hears it through services.session.call; the command line never asks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window imports Changes before the SQL side is loaded
    from sqlmodel import Session

_PENDING = "kd_changes_pending"  # noted in the write under way
_COMMITTED = "kd_changes_committed"  # noted in writes that committed
_TRACKED = "kd_changes_tracked"


@dataclass(frozen=True)
class Changes:
    sops: frozenset[str] = frozenset()  # SOP ids (slugs): added, revised, archived, deleted
    rounds: frozenset[int] = frozenset()  # round ids: started or written to
    officers: bool = False  # the directory
    calendar: bool = False  # working hours or days off (late counts follow them)
    office: bool = False  # an office's profile or its decree (its clock, its sheets)
    all_sops: bool = False  # some SOPs, which ones unknown (another PC, a restore)
    all_rounds: bool = False  # some rounds, which ones unknown
    elsewhere: bool = False  # found by polling: another PC, the command line, a second copy

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.sops | other.sops, self.rounds | other.rounds,
                       self.officers or other.officers, self.calendar or other.calendar,
                       self.office or other.office, self.all_sops or other.all_sops,
                       self.all_rounds or other.all_rounds, self.elsewhere or other.elsewhere)

    def __bool__(self) -> bool:
        return bool(self.touches_sops or self.touches_rounds or self.officers or self.calendar
                    or self.office)

    @property
    def touches_sops(self) -> bool:
        return self.all_sops or bool(self.sops)

    @property
    def touches_rounds(self) -> bool:
        return self.all_rounds or bool(self.rounds)

    def touches_round(self, round_id: int) -> bool:
        return self.all_rounds or round_id in self.rounds

    def touches_sop(self, sop_id: str) -> bool:
        return self.all_sops or sop_id in self.sops


NOTHING = Changes()
# a restore, or F5 with nothing found: read everything again
EVERYTHING = Changes(officers=True, calendar=True, office=True, all_sops=True, all_rounds=True)


def note(session: Session, *, sops: Iterable[str] = (), rounds: Iterable[int] = (),
         officers: bool = False, calendar: bool = False, office: bool = False,
         all_rounds: bool = False, everything: bool = False) -> None:
    """Note, inside a write's transaction, what it changes; it counts once the session
    commits."""
    change = Changes(frozenset(sops), frozenset(rounds), officers, calendar, office,
                     all_rounds=all_rounds)
    if everything:
        change |= EVERYTHING
    session.info[_PENDING] = session.info.get(_PENDING, NOTHING) | change


def track(session: Session) -> None:
    """From now on, what the session's commits wrote is kept for `committed`; what a
    rollback undid is forgotten."""
    from sqlalchemy import event

    if session.info.get(_TRACKED):
        return
    session.info[_TRACKED] = True
    event.listen(session, "after_commit", _after_commit)
    event.listen(session, "after_rollback", _after_rollback)


def committed(session: Session) -> Changes:
    """What the session's commits changed since it was tracked."""
    return session.info.get(_COMMITTED, NOTHING)


def _after_commit(session: Session) -> None:
    pending = session.info.pop(_PENDING, NOTHING)
    session.info[_COMMITTED] = session.info.get(_COMMITTED, NOTHING) | pending


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
