"""What the start-round dialog offers: the SOP, its office's clock, each lane's default
officer and every active officer to choose from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from sqlmodel import Session

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.services import catalogue, officers
from kecamatan_desktop.services.rounds import office_tz


@dataclass(frozen=True)
class StartChoices:
    sop: Sop
    tz: tzinfo
    defaults: dict[str, int | None]  # lane -> the officer filling it unless the user changes it
    officers: list[tuple[str, int]]  # ("name — title", officer id), active officers only


def start_choices(sop_id: str, *, session: Session) -> StartChoices:
    sop = catalogue.get_sop(sop_id, session=session).sop
    defaults = {}
    for lane in sop.roles:
        officer = officers.default_for_lane(lane, sop.office.name, session=session)
        defaults[lane] = officer.id if officer else None
    return StartChoices(
        sop=sop, tz=office_tz(session, catalogue.sop_row(session, sop_id).id), defaults=defaults,
        officers=officer_choices(session=session))


def officer_choices(*, session: Session) -> list[tuple[str, int]]:
    """Active officers as the dialogs list them."""
    return [(f"{o.name} — {o.title}", o.id)
            for o in officers.list_officers(session=session, active_only=True)]
