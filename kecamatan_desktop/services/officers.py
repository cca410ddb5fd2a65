"""The officer directory: who works in the office, with NIP, jabatan and pangkat."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.jabatan import CAMAT, jabatan_for_lane
from kecamatan_desktop.domain.nip import check_nip, format_nip
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import OfficeRow
from kecamatan_desktop.store.round_models import OfficerRow


@dataclass(frozen=True)
class Officer:
    id: int
    name: str
    nip: str
    jabatan: str
    pangkat: str
    office: str | None
    active: bool


def _view(row: OfficerRow) -> Officer:
    return Officer(id=row.id, name=row.name, nip=row.nip, jabatan=row.jabatan,
                   pangkat=row.pangkat, office=row.office, active=row.active)


def list_officers(*, session: Session, active_only: bool = False) -> list[Officer]:
    query = select(OfficerRow).order_by(OfficerRow.name)
    if active_only:
        query = query.where(OfficerRow.active)
    return [_view(r) for r in session.exec(query)]


def add_officer(*, session: Session, name: str, nip: str, jabatan: str, pangkat: str = "",
                office: str | None = None) -> Officer:
    """Add a person; the NIP must be well formed and not yet in the directory."""
    if not name.strip():
        raise InputError("Nama pegawai wajib diisi")
    if not jabatan.strip():
        raise InputError("Jabatan wajib diisi")
    printed = format_nip(nip)  # raises NipError (an InputError) naming what is wrong
    if session.exec(select(OfficerRow).where(OfficerRow.nip == printed)).first():
        raise InputError(f"NIP {printed} sudah terdaftar")
    row = OfficerRow(name=name.strip(), nip=printed, jabatan=jabatan.strip(),
                     pangkat=pangkat.strip(), office=office)
    with transaction(session):
        session.add(row)
    return _view(row)


def set_active(officer_id: int, active: bool, *, session: Session) -> Officer:
    row = session.get(OfficerRow, officer_id)
    if row is None:
        raise InputError(f"Pegawai nomor {officer_id} tidak ada")
    row.active = active
    with transaction(session):
        session.add(row)
    return _view(row)


def find_officer(name: str, *, session: Session) -> Officer:
    """The active officer called `name` (or with that NIP); refuses unknown names."""
    rows = session.exec(select(OfficerRow).where(OfficerRow.active)).all()
    digits = name.replace(" ", "")
    for row in rows:
        if row.name == name or (digits.isdigit() and row.nip.replace(" ", "") == digits):
            return _view(row)
    raise InputError(f"Pegawai {name!r} tidak ada di daftar pegawai aktif")


def default_for_lane(lane: str, office: str | None, *, session: Session) -> Officer | None:
    """The one active officer whose jabatan the lane names (of the SOP's office, if known)."""
    jabatan = jabatan_for_lane(lane)
    if jabatan is None:
        return None
    rows = session.exec(select(OfficerRow).where(OfficerRow.active,
                                                 OfficerRow.jabatan == jabatan)).all()
    mine = [r for r in rows if r.office in (office, None)] if office else rows
    return _view(mine[0]) if len(mine) == 1 else None


def seed_camats(*, session: Session) -> int:
    """Put each office's camat in an empty directory (from the office profiles)."""
    if session.exec(select(OfficerRow)).first() is not None:
        return 0
    added = 0
    with transaction(session):
        for office in session.exec(select(OfficeRow).order_by(OfficeRow.position)):
            if not office.camat_name or not office.camat_nip:
                continue
            check_nip(office.camat_nip)
            session.add(OfficerRow(name=office.camat_name, nip=format_nip(office.camat_nip),
                                   jabatan=CAMAT, pangkat=office.camat_rank or "",
                                   office=office.name))
            added += 1
    return added
