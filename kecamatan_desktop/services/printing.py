"""What the printed SOP sheets and the SOP book say: plain data for the PDF renderers.

Pure functions over the domain (plus the office profile and decree they read), so the rows
and texts of every printed page are unit-tested without ReportLab.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from kecamatan_desktop.domain import decree as keputusan
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.nip import NipError, format_nip
from kecamatan_desktop.domain.sop import IDENTITY_LABELS, Approver, Sop
from kecamatan_desktop.domain.tanggal import TanggalStyle, format_tanggal
from kecamatan_desktop.services import decrees
from kecamatan_desktop.services.catalogue import StoredSop, get_sop
from kecamatan_desktop.services.decrees import CurrentDecree
from kecamatan_desktop.services.witnesses import saw_catalogue
from kecamatan_desktop.store.models import OfficeRow, SopCoverRow, SopRow

NOT_DRAWN = ("Prosedur SOP ini belum digambar: lembar diagram alir (prosedur) belum ada "
             "dan akan dicetak setelah langkah-langkahnya diisi.")
# on every page of an SOP printed with edits not yet saved (ui/printing_actions.py)
DRAFT_MARK = "DRAF — belum disimpan"
GRID = (("legal_basis", "qualifications"), ("related", "equipment"), ("warnings", "records"))


@dataclass(frozen=True)
class OfficeProfile:
    name: str
    government: str
    address: str | None = None
    city: str | None = None
    postal_code: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    camat: Approver | None = None
    book_year: int | None = None
    cover_address: str | None = None
    logo: bytes | None = None
    time_zone: str = "WIB"  # the office's clock
    sheet_name: str | None = None  # the office as its identity sheets name it; None: `name`
    cover_heading: tuple[str, ...] = ()  # the lines above an SOP cover's title
    date_style: TanggalStyle = TanggalStyle()

    def tanggal(self, value: date | None) -> str:
        """A date as this office writes it."""
        return format_tanggal(value, style=self.date_style)

    def letterhead_lines(self) -> tuple[str, ...]:
        """Address, phone/e-mail/website and city with postal code, as far as they are known."""
        lines = []
        first = " ".join(p for p in (self.address, f"Telp. {self.phone}" if self.phone else "")
                         if p)
        if first:
            lines.append(first)
        contact = " – ".join(p for p in (f"Email: {self.email}" if self.email else "",
                                          f"website: {self.website}" if self.website else "")
                             if p)
        if contact:
            lines.append(contact)
        city = " ".join(p for p in ((self.city or "").upper(), self.postal_code or "") if p)
        if city:
            lines.append(city)
        return tuple(lines)


@dataclass(frozen=True)
class Cover:
    heading: tuple[str, ...]
    title: str
    office_lines: tuple[str, ...]


@dataclass(frozen=True)
class SignatureBlock:
    title: str
    name: str
    rank: str
    nip: str  # printed form, "NIP. 19650202 198710 1 001"


@dataclass(frozen=True)
class IdentitySheet:
    letterhead: tuple[str, ...]  # PEMERINTAH KABUPATEN MALANG / KECAMATAN …
    rows: tuple[tuple[str, str], ...]  # Nomor SOP, Tanggal Pembuatan/Revisi/Efektif
    approver: SignatureBlock
    name: str
    grid: tuple[tuple[str, tuple[str, ...], str, tuple[str, ...]], ...]
    note: str | None = None  # e.g. that the procedure is not drawn yet


@dataclass(frozen=True)
class Diktum:
    label: str
    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decree:
    letterhead: tuple[str, ...]
    title: str
    number: str
    about: str
    issuer: str
    considering: tuple[str, ...]
    recalling: tuple[str, ...]
    decides: tuple[Diktum, ...]
    place: str
    date: date
    signatory: SignatureBlock


def _nip(text: str) -> str:
    try:
        return "NIP. " + format_nip(text)
    except NipError:
        return f"NIP. {text}" if text else ""


def signature(approver: Approver) -> SignatureBlock:
    """The approver as signed; what a book does not name (title, name, NIP) stays empty."""
    return SignatureBlock(title=approver.title.upper(), name=approver.name, rank=approver.rank,
                          nip=_nip(approver.nip.strip()))


def office_profile(name: str, *, session: Session) -> OfficeProfile | None:
    row = session.exec(select(OfficeRow).where(OfficeRow.name == name)).first()
    if row is None:
        return None
    camat = None
    if row.camat_name:
        camat = Approver(title=row.camat_title or f"Camat {name}", name=row.camat_name,
                         rank=row.camat_rank or "", nip=row.camat_nip or "")
    return OfficeProfile(
        name=row.name, government=row.government, address=row.address, city=row.city,
        postal_code=row.postal_code, phone=row.phone, email=row.email, website=row.website,
        camat=camat, book_year=row.book_year, cover_address=row.cover_address, logo=row.logo,
        time_zone=row.time_zone or "WIB", sheet_name=row.sheet_name,
        cover_heading=tuple((row.cover_heading or "").splitlines()),
        date_style=TanggalStyle(zero_pad=row.date_zero_pad, february=row.date_february),
    )


def cover_year(sop: Sop) -> int | None:
    """The year of the SOP as it now stands: its latest date on the identity sheet, so a
    sheet revised (or taking effect) in 2026 is not printed under "Tahun 2021". A date a
    book writes without its day ("Oktober 2024") counts with its year; None when no date
    names one."""
    years = [day.year for day in (sop.created, sop.revised, sop.effective) if day]
    years += [int(y) for key in DATE_KEYS for y in _YEAR.findall(sop.date_text(key))]
    return max(years, default=None)


DATE_KEYS = ("created", "revised", "effective")
_YEAR = re.compile(r"\b(1[89][0-9]{2}|2[0-9]{3})\b")


def sheet_date(sop: Sop, key: str, tanggal: Callable[[date | None], str] = format_tanggal,
               ) -> str:
    """A date of the identity sheet as printed: a whole date in the office's style; else as
    the book writes it ("Oktober 2024", its blank day kept for the pen); else nothing, but
    "-" for Tanggal Revisi, as the form prints an SOP not yet revised."""
    value = getattr(sop, key)
    if value is not None:
        return tanggal(value)
    written = sop.date_text(key)
    if written.strip():
        return written
    return tanggal(None) if key == "revised" else ""


def sop_cover(sop: Sop, profile: OfficeProfile | None,
              cover_title: str | None = None) -> Cover:
    """The SOP's own cover, as in the seed book: the office's heading, the title as the cover
    prints it (or the Nama SOP as written), then office, address and year."""
    address = (profile.cover_address if profile and profile.cover_address
               else sop.office.address)
    lines = [sop.office.name.upper()]
    if address:
        lines.append(address)
    year = cover_year(sop)
    if year is not None:
        lines.append(f"Tahun {year}")
    return Cover(heading=profile.cover_heading if profile else (),
                 title=cover_title or sop.name, office_lines=tuple(lines))


def identity_sheet(sop: Sop, profile: OfficeProfile | None = None) -> IdentitySheet:
    """The identity sheet in the office's words: its name as its sheets print it (in
    capitals, as both seed books do), its dates as it writes them."""
    office = (profile.sheet_name if profile and profile.sheet_name else sop.office.name)
    tanggal = profile.tanggal if profile else format_tanggal
    return IdentitySheet(
        letterhead=(sop.office.government.upper(), office.upper()),
        rows=((IDENTITY_LABELS["number"], sop.number),
              *((IDENTITY_LABELS[key], sheet_date(sop, key, tanggal)) for key in DATE_KEYS)),
        approver=signature(sop.approved_by),
        name=sop.name,
        grid=tuple((IDENTITY_LABELS[left], getattr(sop, left), IDENTITY_LABELS[right],
                    getattr(sop, right)) for left, right in GRID),
        note=None if sop.is_drawn else NOT_DRAWN,
    )


def printed_decree(current: CurrentDecree) -> Decree:
    """The decree as printed: labelled diktum, KEDUA listing the catalogue as it is now."""
    d = current.decree
    items = keputusan.catalogue_items(current.catalogue)
    decides = tuple(Diktum(label=keputusan.diktum_label(i), text=text,
                           items=items if i == keputusan.CATALOGUE_DIKTUM else ())
                    for i, text in enumerate(d.decides))
    sign = d.signatory
    return Decree(
        letterhead=d.letterhead, title=d.title, number=d.number, about=d.about,
        issuer=d.issuer, considering=d.considering,
        recalling=tuple(r.text for r in d.recalling), decides=decides, place=d.place,
        date=d.date, signatory=SignatureBlock(title=sign.title, name=sign.name,
                                              rank=sign.rank, nip=_nip(sign.nip)),
    )


def load_decree(office: str, *, session: Session) -> Decree:
    """The office's Keputusan Camat as the book prints it: its latest saved version, else
    its transcribed decree, else the template (services/decrees.py)."""
    return printed_decree(decrees.current_decree(office, session=session))


@dataclass(frozen=True)
class Book:
    profile: OfficeProfile
    decree: Decree | None
    sops: tuple[StoredSop, ...]
    segel: str = ""  # the catalogue's, as printed under the contents (services/seals.py)

    def cover(self) -> Cover:
        # the year the book was last printed (its profile), or a later one if an SOP of it
        # has been revised since
        years = [y for s in self.sops if (y := cover_year(s.sop)) is not None]
        if self.profile.book_year is not None:
            years.append(self.profile.book_year)
        year = max(years, default=date.today().year)
        lines = [self.profile.government.upper()]
        if self.profile.cover_address or self.profile.address:
            lines.append(self.profile.cover_address or self.profile.address or "")
        lines.append(f"Tahun {year}")
        return Cover(heading=("STANDAR OPERASIONAL PROSEDUR", "ADMINISTRASI PEMERINTAHAN"),
                     title=self.profile.name.upper(), office_lines=tuple(lines))


@dataclass(frozen=True)
class PrintableSop:
    """One SOP as printed: its current revision (or the edits on screen, marked as a draft
    on every page) and its office's letterhead."""

    sop: Sop
    profile: OfficeProfile | None
    cover_title: str | None = None
    mark: str | None = None


def load_printable(sop_id: str, *, session: Session) -> PrintableSop:
    stored = get_sop(sop_id, session=session)
    return PrintableSop(stored.sop, office_profile(stored.sop.office.name, session=session),
                        stored.cover_title)


def draft_printable(sop: Sop, *, session: Session) -> PrintableSop:
    """`sop` as it is in the editor, not (or not so) in the database: the letterhead and
    cover title of its office and SOP as stored, every page marked DRAFT_MARK."""
    cover_title = session.exec(select(SopCoverRow.title).join(
        SopRow, SopRow.id == SopCoverRow.sop_id).where(SopRow.slug == sop.id)).first()
    return PrintableSop(sop, office_profile(sop.office.name, session=session), cover_title,
                        DRAFT_MARK)


def book_offices(*, session: Session) -> list[str]:
    return list(session.exec(select(OfficeRow.name).order_by(OfficeRow.position)))


def load_book(office: str | None, *, session: Session) -> Book:
    """The SOP book of `office` (default: the first office): profile, decree, SOPs in order;
    archived SOPs are no longer in force and stay out of it."""
    offices = book_offices(session=session)
    name = office or (offices[0] if offices else None)
    profile = office_profile(name, session=session) if name else None
    if profile is None:
        known = ", ".join(offices) or "-"
        raise InputError(f"Kantor {office!r} tidak ada. Kantor yang ada: {known}")
    slugs = session.exec(
        select(SopRow.slug).join(OfficeRow, OfficeRow.id == SopRow.office_id)
        .where(OfficeRow.name == name, SopRow.archived_at.is_(None))
        .order_by(SopRow.position, SopRow.id)
    ).all()
    sops = tuple(get_sop(slug, session=session) for slug in slugs)
    return Book(profile=profile, decree=load_decree(name, session=session), sops=sops,
                segel=saw_catalogue(session))
