"""Each office's Keputusan Camat: the current one (the latest saved version, else the decree
transcribed in data/decrees, else the template filled for the office) and saving a new
version, which must name the version it replaces.

Versions are append-only rows (store DecreeVersionRow): a save never changes an earlier one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlmodel import Session, func, select

from kecamatan_desktop.domain import decree as keputusan
from kecamatan_desktop.domain.decree import Decree, OfficeFacts, Signatory
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.legal import LegalRule
from kecamatan_desktop.domain.tanggal import format_waktu
from kecamatan_desktop.domain.zones import zone
from kecamatan_desktop.resource_paths import data_dir
from kecamatan_desktop.services import changes
from kecamatan_desktop.services.checking import legal_table
from kecamatan_desktop.services.offices import office_row
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import (
    DecreeVersionRow,
    SopRevisionRow,
    SopRow,
)

SAVED, TRANSCRIBED, TEMPLATE = "tersimpan", "transkripsi", "templat"
TEMPLATE_FILE = "template.json"


class StaleDecree(InputError):
    """Another version was saved since the caller read the decree; nothing was written."""


@dataclass(frozen=True)
class CurrentDecree:
    office: str
    decree: Decree
    version: int  # the saved version it is; 0 when none was saved yet
    source: str  # SAVED, TRANSCRIBED or TEMPLATE
    saved_at: datetime | None
    catalogue: tuple[str, ...]  # diktum KEDUA's list: the office's SOPs as they are now


@dataclass(frozen=True)
class DecreeVersion:
    version: int
    number: str
    saved_at: datetime
    supersedes: int | None  # the version it replaced


def rules_in_force() -> tuple[LegalRule, ...]:
    """The rules the Mengingat picker offers."""
    return keputusan.rules_in_force(legal_table())


def _latest(office_id: int, session: Session) -> DecreeVersionRow | None:
    return session.exec(select(DecreeVersionRow).where(DecreeVersionRow.office_id == office_id)
                        .order_by(DecreeVersionRow.version.desc())).first()


def catalogue_names(office: str, *, session: Session) -> tuple[str, ...]:
    """The Nama SOP of the office's SOPs in force, in book order (diktum KEDUA's list)."""
    row = office_row(session, office)
    return tuple(session.exec(_current_revisions([SopRevisionRow.name], row.id)
                              .order_by(SopRow.position, SopRow.id)).all())


def transcribed_decree(office: str, folder: Path | None = None) -> Decree | None:
    """The office's decree as transcribed from its book in data/decrees, if there is one."""
    for path in sorted((folder or data_dir() / "decrees").glob("*.json")):
        if path.name == TEMPLATE_FILE:
            continue
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("office") == office:
            return keputusan.from_json(raw)
    return None


def _current_revisions(columns, office_id: int):
    """`columns` of the current revisions of the office's SOPs in force, in book order."""
    return (select(*columns)
            .join(SopRow, (SopRow.id == SopRevisionRow.sop_id)
                  & (SopRow.revision == SopRevisionRow.revision))
            .where(SopRow.office_id == office_id, SopRow.archived_at.is_(None)))


def template_decree(office: str, *, session: Session, today: date | None = None,
                    folder: Path | None = None) -> Decree:
    """The template filled with the office's profile, dated as its earliest SOP (or today),
    numbered with the regional code its SOP numbers carry."""
    row = office_row(session, office)
    camat = None
    if row.camat_name:
        camat = Signatory(title=row.camat_title or f"Camat {office}", name=row.camat_name,
                          rank=row.camat_rank or "", nip=row.camat_nip or "")
    facts = OfficeFacts(name=row.name, government=row.government, sheet_name=row.sheet_name,
                        city=row.city, camat=camat)
    path = (folder or data_dir() / "decrees") / TEMPLATE_FILE
    template = json.loads(path.read_text(encoding="utf-8"))
    first = session.exec(_current_revisions([func.min(SopRevisionRow.created)], row.id)).first()
    numbers = session.exec(_current_revisions([SopRevisionRow.number], row.id)
                           .order_by(SopRow.position, SopRow.id)).all()
    facts = replace(facts, code=keputusan.office_code(numbers))
    return keputusan.from_template(template, facts, when=first or today or date.today(),
                                   table=legal_table())


def current_decree(office: str, *, session: Session, folder: Path | None = None) -> CurrentDecree:
    row = office_row(session, office)
    names = catalogue_names(office, session=session)
    latest = _latest(row.id, session)
    if latest is not None:
        return CurrentDecree(office, keputusan.from_json(json.loads(latest.decree)),
                             latest.version, SAVED, latest.saved_at, names)
    transcribed = transcribed_decree(office, folder)
    if transcribed is not None:
        return CurrentDecree(office, transcribed, 0, TRANSCRIBED, None, names)
    return CurrentDecree(office, template_decree(office, session=session, folder=folder), 0,
                         TEMPLATE, None, names)


def save_decree(office: str, decree: Decree, *, expected_version: int, session: Session,
                at: datetime | None = None) -> CurrentDecree:
    """Save `decree` as the office's next version, in one transaction. `expected_version` is
    the version the caller read (0: none saved yet); if another was saved since, nothing is
    written and StaleDecree says so."""
    at = at or datetime.now(UTC)
    if decree.office != office:
        raise InputError(f"Keputusan ini milik {decree.office!r}, bukan {office!r}")
    keputusan.check(decree, legal_table(), today=at.date())
    with transaction(session):
        row = office_row(session, office)
        latest = _latest(row.id, session)
        if (latest.version if latest else 0) != expected_version:
            newest = latest.version if latest else 0
            when = format_waktu(latest.saved_at, zone(row.time_zone)) if latest else "-"
            raise StaleDecree(
                f"Keputusan Camat {office} sudah disimpan dari layar lain (versi {newest}, "
                f"{when}) sejak layar ini dibuka; perubahan Anda tidak disimpan. Tutup dan "
                "buka lagi Profil kantor untuk melihat keputusan terbaru, lalu ubah lagi.")
        saved = DecreeVersionRow(
            office_id=row.id, version=expected_version + 1,
            decree=json.dumps(keputusan.to_json(decree), ensure_ascii=False),
            saved_at=at, supersedes=latest.id if latest else None)
        session.add(saved)
        changes.note(session, office=True)
    return current_decree(office, session=session)


def decree_versions(office: str, *, session: Session) -> list[DecreeVersion]:
    """Every saved version of the office's decree, oldest first."""
    row = office_row(session, office)
    rows = session.exec(select(DecreeVersionRow).where(DecreeVersionRow.office_id == row.id)
                        .order_by(DecreeVersionRow.version)).all()
    by_id = {r.id: r.version for r in rows}
    return [DecreeVersion(r.version, json.loads(r.decree)["number"], r.saved_at,
                          by_id.get(r.supersedes)) for r in rows]
