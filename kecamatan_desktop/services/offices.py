"""Office profiles: letterhead details and the logo printed on identity sheets."""

from __future__ import annotations

from sqlmodel import Session, select

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.tanggal import FEBRUARY_SPELLINGS
from kecamatan_desktop.domain.zones import zone
from kecamatan_desktop.services import changes
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import OfficeRow

MAX_LOGO_BYTES = 2 * 1024 * 1024
PROFILE_FIELDS = ("government", "address", "city", "postal_code", "phone", "email", "website",
                  "cover_address", "sheet_name", "cover_heading")


def logo_kind(data: bytes) -> str | None:
    """'PNG' or 'JPEG' from the file's signature; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    return None


def office_row(session: Session, name: str) -> OfficeRow:
    """The office's row; refused in Indonesian when there is no such office."""
    row = session.exec(select(OfficeRow).where(OfficeRow.name == name)).first()
    if row is None:
        raise InputError(f"Kantor {name!r} tidak ada")
    return row


_KEEP = object()


def _check_logo(data: bytes | None, source: str) -> None:
    if data is None:
        return
    if logo_kind(data) is None:
        raise InputError(f"{source} bukan gambar PNG atau JPG; logo tidak diubah")
    if len(data) > MAX_LOGO_BYTES:
        raise InputError(f"{source} lebih dari 2 MB; kecilkan gambarnya dulu")


def set_office_logo(name: str, data: bytes | None, *, session: Session,
                    source: str = "berkas") -> None:
    """Store (or with None, remove) the office's logo; only PNG or JPG up to 2 MB."""
    _check_logo(data, source)
    with transaction(session):
        changes.note(session, office=True)
        row = office_row(session, name)
        row.logo = data
        session.add(row)


def update_office_profile(name: str, *, session: Session, logo=_KEEP,
                          time_zone: str | None = None, date_zero_pad: bool | None = None,
                          date_february: str | None = None, **fields: str | None) -> None:
    """Change letterhead fields (and the logo, the office's clock and how it writes dates, if
    given) in one transaction. Stored times are UTC, so a new zone changes how they are shown,
    not them. `cover_heading` holds one printed line per text line; empty: no heading."""
    if date_february is not None and date_february not in FEBRUARY_SPELLINGS:
        raise InputError(f"Ejaan bulan Februari {date_february!r} tidak dikenal; pilih "
                         + " atau ".join(FEBRUARY_SPELLINGS))
    if logo is not _KEEP:
        _check_logo(logo, "logo")
    if time_zone is not None:
        zone(time_zone)  # raises InputError naming the zones there are
        time_zone = time_zone.strip().upper()
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise InputError(f"Isian profil tidak dikenal: {', '.join(sorted(unknown))}")
    if "government" in fields and not (fields["government"] or "").strip():
        raise InputError("Nama pemerintah daerah wajib diisi")
    with transaction(session):
        changes.note(session, office=True)
        row = office_row(session, name)
        for key, value in fields.items():
            if key == "cover_heading":  # its lines as typed, without blank ones
                value = "\n".join(line.strip() for line in (value or "").splitlines()
                                  if line.strip())
            setattr(row, key, (value or "").strip() or None if key != "government"
                    else value.strip())
        if date_zero_pad is not None:
            row.date_zero_pad = date_zero_pad
        if date_february is not None:
            row.date_february = date_february
        if logo is not _KEEP:
            row.logo = logo
        if time_zone is not None:
            row.time_zone = time_zone
        session.add(row)
