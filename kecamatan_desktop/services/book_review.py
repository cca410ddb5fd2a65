"""What the review of an imported book asks of the catalogue: the offices to add the SOPs
to, and the jabatan an office's lanes are named by (its officers' jabatan and the lanes its
SOPs already use), for the book's lanes to be matched to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from kecamatan_desktop.services.catalogue import list_office_names
from kecamatan_desktop.store.models import LaneRow, OfficeRow, SopRevisionRow, SopRow
from kecamatan_desktop.store.round_models import OfficerRow


@dataclass(frozen=True)
class ReviewChoices:
    offices: tuple[str, ...]  # in book order
    jabatan: tuple[str, ...]  # of the office asked about, sorted, each once


def office_jabatan(office: str, *, session: Session) -> tuple[str, ...]:
    """The jabatan of `office`'s active officers (and of those of no office) and the lanes
    of its SOPs' current revisions, sorted, each once (case aside)."""
    found = list(session.exec(select(OfficerRow.jabatan).where(
        OfficerRow.active, (OfficerRow.office == office) | (OfficerRow.office.is_(None)))))
    current = (select(LaneRow.name)
               .join(SopRevisionRow, SopRevisionRow.id == LaneRow.revision_id)
               .join(SopRow, (SopRow.id == SopRevisionRow.sop_id)
                     & (SopRow.revision == SopRevisionRow.revision))
               .join(OfficeRow, OfficeRow.id == SopRow.office_id)
               .where(OfficeRow.name == office, SopRow.archived_at.is_(None),
                      func.length(LaneRow.name) > 0))
    found += list(session.exec(current))
    seen: dict[str, str] = {}
    for name in found:
        text = " ".join(name.split())
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return tuple(sorted(seen.values(), key=str.casefold))


def review_choices(office: str | None, *, session: Session) -> ReviewChoices:
    """The offices, and the jabatan of `office` (none when no office is named)."""
    return ReviewChoices(tuple(list_office_names(session=session)),
                         office_jabatan(office, session=session) if office else ())
