"""The database's change stamps, read every two seconds by the window to hear of writes made
elsewhere (another PC, the command line, a second copy of the program): one cheap read that
moves whenever the catalogue, the rounds, the directory, the calendar or an office's profile
does, and says which of them moved."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import func
from sqlmodel import Session, select

from kecamatan_desktop.services import catalogue, rounds
from kecamatan_desktop.services.changes import Changes
from kecamatan_desktop.store.models import DecreeVersionRow, OfficeRow
from kecamatan_desktop.store.round_models import CalendarChangeRow, OfficerRow


@dataclass(frozen=True)
class Stamps:
    sops: tuple
    rounds: tuple
    officers: int
    calendar: int
    office: tuple

    def changes_since(self, before: Stamps) -> Changes:
        """What moved since `before`, found elsewhere (which SOPs or rounds is not known)."""
        moved = {f.name for f in fields(self) if getattr(self, f.name) != getattr(before, f.name)}
        if not moved:
            return Changes()
        return Changes(all_sops="sops" in moved, all_rounds="rounds" in moved,
                       officers="officers" in moved, calendar="calendar" in moved,
                       office="office" in moved, elsewhere=True)


def read_stamps(*, session: Session) -> Stamps:
    """The stamps as they stand. The calendar's change log is append-only, so its last id
    moves with every change of hours or days off (not with a year's holidays loaded, which
    only fixes what was already counted). The directory and the offices are small (tens of
    rows) and edited in place with no version, so their rows are hashed: a renamed officer or
    a new time zone moves the stamp too; an office's logo counts by its size."""
    last_change, last_decree = session.exec(select(
        select(func.max(CalendarChangeRow.id)).scalar_subquery(),
        select(func.max(DecreeVersionRow.id)).scalar_subquery())).one()
    people = session.exec(select(
        OfficerRow.id, OfficerRow.name, OfficerRow.nip, OfficerRow.jabatan, OfficerRow.pangkat,
        OfficerRow.office, OfficerRow.active, OfficerRow.acting, OfficerRow.holds_from,
        OfficerRow.holds_to).order_by(OfficerRow.id)).all()
    profile = [c for c in OfficeRow.__table__.columns if c.name != "logo"]
    offices = session.exec(select(*profile, func.length(OfficeRow.logo))
                           .order_by(OfficeRow.id)).all()
    return Stamps(sops=catalogue.change_stamp(session=session),
                  rounds=rounds.change_stamp(session=session),
                  officers=hash(tuple(map(tuple, people))), calendar=last_change or 0,
                  office=(last_decree or 0, hash(tuple(map(tuple, offices)))))
