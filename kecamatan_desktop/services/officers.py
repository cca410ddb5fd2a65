"""The officer directory: who works in the office, with NIP, jabatan and pangkat.

Records refer to officers by id. An officer that history refers to is never deleted, only
deactivated (gone from pickers, kept in the records); a rename leaves the names written in
earlier events as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_
from sqlmodel import Session, select

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.jabatan import CAMAT, jabatan_for_lane
from kecamatan_desktop.domain.nip import check_nip, format_nip
from kecamatan_desktop.services import changes
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import OfficeRow
from kecamatan_desktop.store.round_models import (
    OfficerRow,
    RoundEventRow,
    RoundLaneRow,
    RoundRow,
)

ACTING = ("", "Plt.", "Plh.")  # definitif, pelaksana tugas, pelaksana harian


@dataclass(frozen=True)
class Officer:
    id: int
    name: str
    nip: str
    jabatan: str
    pangkat: str
    office: str | None
    active: bool
    acting: str = ""
    holds_from: date | None = None
    holds_to: date | None = None

    @property
    def title(self) -> str:
        """The jabatan as signed: `Plt. Camat` for an acting camat."""
        return f"{self.acting} {self.jabatan}".strip()


def _view(row: OfficerRow) -> Officer:
    return Officer(id=row.id, name=row.name, nip=row.nip, jabatan=row.jabatan,
                   pangkat=row.pangkat, office=row.office, active=row.active,
                   acting=row.acting or "", holds_from=row.holds_from, holds_to=row.holds_to)


def list_officers(*, session: Session, active_only: bool = False) -> list[Officer]:
    query = select(OfficerRow).order_by(OfficerRow.name)
    if active_only:
        query = query.where(OfficerRow.active)
    return [_view(r) for r in session.exec(query)]


def get_officer(officer_id: int, *, session: Session) -> Officer:
    row = session.get(OfficerRow, officer_id)
    if row is None:
        raise InputError(f"Pegawai nomor {officer_id} tidak ada")
    return _view(row)


def split_acting(jabatan: str, acting: str = "") -> tuple[str, str]:
    """`Plt. Camat` → ("Plt.", "Camat"): the marker apart from the jabatan held."""
    text = " ".join(jabatan.split())
    for marker in ("Plt.", "Plh.", "Plt", "Plh"):
        if text.casefold().startswith(marker.casefold() + " "):
            return marker.rstrip(".") + ".", text[len(marker):].strip()
    return acting, text


def _checked(session: Session, *, name: str, nip: str, jabatan: str, acting: str,
             holds_from: date | None, holds_to: date | None,
             officer_id: int | None = None) -> tuple[str, str, str, str]:
    if not name.strip():
        raise InputError("Nama pegawai wajib diisi")
    acting, jabatan = split_acting(jabatan, acting.strip())
    if not jabatan:
        raise InputError("Jabatan wajib diisi")
    if acting not in ACTING:
        raise InputError(f"Tanda {acting!r} tidak dikenal: kosongkan, atau pilih Plt. atau "
                         "Plh.")
    if holds_from and holds_to and holds_to < holds_from:
        raise InputError(f"Masa jabatan terbalik: sampai {holds_to.isoformat()} sebelum "
                         f"mulai {holds_from.isoformat()}")
    printed = format_nip(nip)  # raises NipError (an InputError) naming what is wrong
    clash = session.exec(select(OfficerRow).where(OfficerRow.nip == printed)).first()
    if clash is not None and clash.id != officer_id:
        raise InputError(f"NIP {printed} sudah terdaftar atas nama {clash.name}")
    return name.strip(), printed, jabatan, acting


def add_officer(*, session: Session, name: str, nip: str, jabatan: str, pangkat: str = "",
                office: str | None = None, acting: str = "", holds_from: date | None = None,
                holds_to: date | None = None) -> Officer:
    """Add a person; the NIP must be well formed and not yet in the directory. A jabatan
    written `Plt. Camat` is kept as Camat with the Plt. marker."""
    name, printed, jabatan, acting = _checked(
        session, name=name, nip=nip, jabatan=jabatan, acting=acting, holds_from=holds_from,
        holds_to=holds_to)
    row = OfficerRow(name=name, nip=printed, jabatan=jabatan, pangkat=pangkat.strip(),
                     office=office, acting=acting, holds_from=holds_from, holds_to=holds_to)
    with transaction(session):
        changes.note(session, officers=True)
        session.add(row)
    return _view(row)


def update_officer(officer_id: int, *, session: Session, seen: Officer, name: str, nip: str,
                   jabatan: str, pangkat: str = "", office: str | None = None,
                   acting: str = "", holds_from: date | None = None,
                   holds_to: date | None = None) -> Officer:
    """Edit an officer as `seen` by the user; refused if someone changed it meanwhile.
    Events already written keep the name as it was then."""
    with transaction(session, immediate=True):
        changes.note(session, officers=True)
        row = session.get(OfficerRow, officer_id)
        if row is None:
            raise InputError(f"Pegawai nomor {officer_id} tidak ada (dihapus di tempat lain?)")
        if _view(row) != seen:
            raise InputError(f"Data pegawai {seen.name} sudah diubah di tempat lain "
                             f"(sekarang: {row.name}, {_view(row).title}). Tidak ada yang "
                             "disimpan; buka lagi daftar pegawai.")
        name, printed, jabatan, acting = _checked(
            session, name=name, nip=nip, jabatan=jabatan, acting=acting,
            holds_from=holds_from, holds_to=holds_to, officer_id=officer_id)
        row.name, row.nip, row.jabatan, row.acting = name, printed, jabatan, acting
        row.pangkat, row.office = pangkat.strip(), office
        row.holds_from, row.holds_to = holds_from, holds_to
        session.add(row)
    return _view(row)


def set_active(officer_id: int, active: bool, *, session: Session) -> Officer:
    """Deactivate (gone from pickers, kept in history) or reactivate an officer."""
    with transaction(session, immediate=True):
        changes.note(session, officers=True)
        row = session.get(OfficerRow, officer_id)
        if row is None:
            raise InputError(f"Pegawai nomor {officer_id} tidak ada")
        row.active = active
        session.add(row)
    return _view(row)


def references(officer_id: int, *, session: Session) -> int:
    """How many records (events, lane assignments, rounds) name this officer."""
    total = 0
    for table, column in ((RoundEventRow, RoundEventRow.officer_id),
                          (RoundLaneRow, RoundLaneRow.officer_id),
                          (RoundRow, RoundRow.holder_id)):
        total += session.exec(select(func.count()).select_from(table)
                              .where(column == officer_id)).one()
    return total


def delete_officer(officer_id: int, *, session: Session) -> None:
    """Remove an officer entered by mistake; refused once any record names them."""
    with transaction(session, immediate=True):
        changes.note(session, officers=True)
        row = session.get(OfficerRow, officer_id)
        if row is None:
            raise InputError(f"Pegawai nomor {officer_id} tidak ada")
        used = references(officer_id, session=session)
        if used:
            raise InputError(f"{row.name} disebut dalam {used} catatan putaran dan tidak dapat "
                             "dihapus; nonaktifkan saja (tetap tercatat di riwayat)")
        session.delete(row)


def find_officer(ref: str | int, *, session: Session) -> Officer:
    """The active officer with id `ref`, or called `ref`, or with that NIP."""
    if isinstance(ref, int):
        row = session.get(OfficerRow, ref)
        if row is None or not row.active:
            raise InputError(f"Pegawai nomor {ref} tidak ada di daftar pegawai aktif")
        return _view(row)
    digits = ref.replace(" ", "")
    query = select(OfficerRow).where(OfficerRow.active, or_(OfficerRow.name == ref.strip(),
                                                            OfficerRow.nip == ref.strip()))
    rows = session.exec(query).all()
    if not rows and digits.isdigit():
        rows = [r for r in session.exec(select(OfficerRow).where(OfficerRow.active))
                if r.nip.replace(" ", "") == digits]
    if len(rows) > 1:
        raise InputError(f"Ada {len(rows)} pegawai aktif bernama {ref!r}: sebut NIP-nya")
    if not rows:
        raise InputError(f"Pegawai {ref!r} tidak ada di daftar pegawai aktif")
    return _view(rows[0])


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
    """Put each office's camat in an empty directory (from the office profiles). Expects the
    directory empty: one another PC filled meanwhile is left as it is."""
    if session.exec(select(OfficerRow)).first() is not None:
        return 0
    added = 0
    with transaction(session):
        if session.exec(select(OfficerRow)).first() is not None:  # under the write lock
            return 0
        changes.note(session, officers=True)
        for office in session.exec(select(OfficeRow).order_by(OfficeRow.position)):
            if not office.camat_name or not office.camat_nip:
                continue
            check_nip(office.camat_nip)
            acting, jabatan = split_acting(office.camat_title or CAMAT)
            session.add(OfficerRow(name=office.camat_name, nip=format_nip(office.camat_nip),
                                   jabatan=CAMAT, pangkat=office.camat_rank or "",
                                   office=office.name, acting=acting))
            added += 1
    return added
