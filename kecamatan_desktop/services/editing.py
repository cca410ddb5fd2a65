"""Editing the catalogue: save an edited SOP as a new revision (or a draft), list revisions,
create, duplicate and delete SOPs (only those never run). Each write is one transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.flow import flow_problems
from kecamatan_desktop.domain.interchange import (
    ID_PATTERN,
    InvalidSopFile,
    Problem,
    sop_from_dict,
    sop_to_dict,
)
from kecamatan_desktop.domain.limits import MAX_LINE, is_too_long
from kecamatan_desktop.domain.sop import IDENTITY_LABELS, STEP_LABELS, Approver, Office, Sop
from kecamatan_desktop.domain.tanggal import STANDARD, TanggalStyle, format_waktu, stored_utc
from kecamatan_desktop.domain.zones import WIB
from kecamatan_desktop.services import changes
from kecamatan_desktop.services.catalogue import (
    CatalogueError,
    RoundRef,
    StoredSop,
    check_not_archived,
    get_sop,
    next_position,
    rounds_of,
    sop_row,
    write_revision,
)
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import OfficeRow, SopRevisionRow, SopRow


class SaveRefused(InputError):
    """An edit that cannot be stored as asked; nothing was written."""


class SopHasRounds(CatalogueError):
    """Deleting an SOP that rounds ran on: its history would go with it. Archive it instead."""

    SHOWN = 10  # rounds named in the message; the rest are counted

    def __init__(self, sop_id: str, rounds: list[RoundRef]):
        self.sop_id = sop_id
        self.rounds = rounds
        lines = [f"  - putaran {r.id}: {r.title}" for r in rounds[:self.SHOWN]]
        if len(rounds) > self.SHOWN:
            lines.append(f"  - … dan {len(rounds) - self.SHOWN} putaran lainnya")
        super().__init__(
            f"SOP {sop_id!r} tidak dapat dihapus: SOP ini sudah dijalankan dalam "
            f"{len(rounds)} putaran, dan riwayatnya tidak boleh hilang:\n" + "\n".join(lines)
            + "\nArsipkan saja SOP ini; semua revisi, putaran dan peristiwanya tetap tersimpan "
            "dan dapat dipulihkan.")


@dataclass(frozen=True)
class RevisionInfo:
    """One line of an SOP's revision history."""

    revision: int
    saved_at: datetime  # aware, UTC
    is_draft: bool
    name: str
    revised: date | None
    is_current: bool
    tz: tzinfo = WIB  # the office's clock, for showing `saved_at`
    note: str | None = None  # where the revision came from, as saved with it
    style: TanggalStyle = STANDARD  # how the office writes a date (its printed sheets' way)


# A draft may be unfinished only in its flow; these are the import rules it may still fail.
_DRAFT_PLACE = re.compile(r"^steps\[\d+\]\.(activity|time|decision(\.(yes|no))?)$")

_PLACE_LABELS = {
    "id": "Id SOP",
    "office.government": "Pemerintah (kop)",
    "office.name": "Nama kantor",
    "office.address": "Alamat kantor",
    **{key: label for key, label in IDENTITY_LABELS.items() if key != "approved_by"},
    **{f"approved_by.{key}": f"{IDENTITY_LABELS['approved_by']}: {part}"
       for key, part in (("title", "jabatan"), ("name", "nama"), ("rank", "pangkat"),
                         ("nip", "NIP"))},
}
_STEP_FIELDS = {**STEP_LABELS, "decision": "keputusan", "decision.yes": "cabang Ya",
                "decision.no": "cabang Tidak"}


def place_label(place: str) -> str:
    """`approved_by.nip` -> `Disahkan oleh: NIP`, `steps[2].time` -> `Langkah 3: Waktu`."""
    if place in _PLACE_LABELS:
        return _PLACE_LABELS[place]
    match = re.fullmatch(r"(steps|roles)\[(\d+)\](?:\.(.+))?", place)
    if match:
        kind, index, field = match.groups()
        head = f"{'Langkah' if kind == 'steps' else 'Lajur'} {int(index) + 1}"
        return f"{head}: {_STEP_FIELDS.get(field, field)}" if field else head
    return place


def document_problems(sop: Sop) -> list[Problem]:
    """What the import rules (sop-ap/1) find wrong in `sop`."""
    try:
        sop_from_dict(sop_to_dict(sop))
    except InvalidSopFile as exc:
        return list(exc.problems)
    return []


def identity_problems(sop: Sop) -> list[Problem]:
    """Problems of the identity sheet and lanes: no SOP may be saved with these, not even a
    draft. Problems of single steps are left to `flow_problems`."""
    return [p for p in document_problems(sop) if not p.place.startswith("steps")]


def check_saveable(sop: Sop, *, draft: bool) -> None:
    """Raise SaveRefused unless `sop` passes the import rules (a draft: all but its flow)."""
    problems = document_problems(sop)
    if draft:  # a draft's Kegiatan may still be empty, never longer than a page can print
        problems = [p for p in problems
                    if not _DRAFT_PLACE.match(p.place) or _is_too_long(p)]
    if problems:
        raise SaveRefused(f"SOP {_shown_name(sop)} tidak dapat disimpan:\n" + "\n".join(
            f"  - {_problem_line(p)}" for p in problems))
    if not draft and flow_problems(sop):
        raise SaveRefused(
            f"Prosedur SOP {sop.name!r} masih punya masalah; simpan sebagai draf dulu:\n"
            + "\n".join(f"  - {p.message}" for p in flow_problems(sop)))


def _is_too_long(problem: Problem) -> bool:
    return is_too_long(problem.place, problem.message)


def _problem_line(problem: Problem) -> str:
    """A limit's refusal names its field itself (`Nama SOP terlalu panjang: …`)."""
    if _is_too_long(problem):
        return problem.message
    return f"{place_label(problem.place)}: {problem.message}"


def _shown_name(sop: Sop) -> str:
    """The SOP as a refusal names it: a name too long to save is cut for the message."""
    name = sop.name or sop.id
    return repr(name if len(name) <= MAX_LINE else name[:60] + "…")


class SaveConflict(CatalogueError):
    """The SOP was saved elsewhere since the editor opened it; nothing was written."""


def _office_tz(session: Session, sop_row_id: int):
    from kecamatan_desktop.services.rounds import office_tz  # rounds imports this module

    return office_tz(session, sop_row_id)


def save_revision(sop: Sop, *, session: Session, draft: bool = False,
                  today: date | None = None, base_revision: int | None = None,
                  note: str | None = None) -> int:
    """Store `sop` as a new revision of its SOP and return its number.

    `base_revision` is the revision the editor opened: if another window, PC or import
    saved a newer one meanwhile, nothing is written (SaveConflict) and the edits stay in the
    editor. Nothing is written either when `sop` equals the current revision (its number is
    returned). Tanggal Revisi becomes `today` unless the editor changed it, and unless `sop`
    is a draft: a draft is no revision in force, so the sheet's date stays until the final save.
    `note` is kept with the new revision (where it came from, e.g. the SOP its procedure was
    copied from).
    """
    check_saveable(sop, draft=draft)
    with transaction(session):
        row = sop_row(session, sop.id)
        check_not_archived(row, doing="mengubahnya")
        if base_revision is not None and row.revision != base_revision:
            newest = session.exec(select(SopRevisionRow).where(
                SopRevisionRow.sop_id == row.id,
                SopRevisionRow.revision == row.revision)).one()
            raise SaveConflict(
                f"SOP {sop.name!r} sudah disimpan di tempat lain sejak Anda membukanya: "
                f"revisi {row.revision} disimpan "
                f"{format_waktu(newest.saved_at, _office_tz(session, row.id))}, sedangkan "
                f"Anda mengubah revisi {base_revision}. Perubahan Anda tidak disimpan dan "
                "masih ada di penyunting; bandingkan dengan revisi terbaru (Riwayat revisi), "
                "lalu simpan lagi sebagai revisi baru bila masih perlu.")
        current = get_sop(sop.id, session=session)
        if current.sop == sop:
            return row.revision
        if sop.revised == current.sop.revised and not draft:
            sop = replace(sop, revised=today or date.today())
        row.revision += 1
        session.add(row)
        write_revision(session, row, sop, is_draft=draft, note=note)
    return row.revision


@dataclass(frozen=True)
class OpenedSop:
    """What the editor shows: one revision of an SOP and the list of all its revisions."""

    stored: StoredSop
    history: list[RevisionInfo]


def open_sop(sop_id: str, *, session: Session, revision: int | None = None) -> OpenedSop:
    """The SOP's current revision (or `revision`) with its revision history."""
    return OpenedSop(get_sop(sop_id, session=session, revision=revision),
                     list_revisions(sop_id, session=session))


def save_and_open(sop: Sop, *, session: Session, draft: bool,
                  base_revision: int | None, note: str | None = None) -> OpenedSop:
    """save_revision, then the SOP as stored: what the editor shows after saving."""
    save_revision(sop, session=session, draft=draft, base_revision=base_revision, note=note)
    return open_sop(sop.id, session=session)


def list_revisions(sop_id: str, *, session: Session) -> list[RevisionInfo]:
    """Every stored revision of `sop_id`, newest first."""
    row = sop_row(session, sop_id)
    revisions = session.exec(
        select(SopRevisionRow).where(SopRevisionRow.sop_id == row.id)
        .order_by(col(SopRevisionRow.revision).desc())
    ).all()
    tz = _office_tz(session, row.id)
    office = session.get(OfficeRow, row.office_id)
    style = TanggalStyle(zero_pad=office.date_zero_pad, february=office.date_february)
    return [RevisionInfo(revision=r.revision, saved_at=stored_utc(r.saved_at),
                         is_draft=r.is_draft, name=r.name, revised=r.revised,
                         is_current=r.revision == row.revision, tz=tz, note=r.note,
                         style=style)
            for r in revisions]


def create_sop(sop_id: str, name: str, office_name: str, *, session: Session,
               today: date | None = None) -> Sop:
    """A new SOP with an identity sheet and no procedure yet, approved by the office's camat."""
    _check_new_id(session, sop_id)
    if not name.strip():
        raise SaveRefused("Nama SOP tidak boleh kosong.")
    office = _office_named(session, office_name)
    day = today or date.today()
    sop = Sop(id=sop_id, office=Office(office.government, office.name, office.address or ""),
              number="", name=name.strip(), created=day, revised=None, effective=day,
              approved_by=_approver_for(session, office))
    check_saveable(sop, draft=False)
    _add_sop(session, sop, office.id, is_draft=False)
    return sop


def duplicate_sop(source_id: str, new_id: str, *, session: Session,
                  office_name: str | None = None, name: str | None = None,
                  note: str | None = None) -> Sop:
    """A new SOP `new_id` that starts as a copy of the current revision of `source_id`, under
    `office_name` (default: the source's office) and named `name` (default: the source's
    name with "(salinan)"). In another office the copy takes that office's letterhead and
    its camat as approver, and an empty Nomor SOP (the number is the office's own); `note`
    is kept with its first revision."""
    _check_new_id(session, new_id)
    source = sop_row(session, source_id)
    stored = get_sop(source_id, session=session)
    name = (name or "").strip() or f"{stored.sop.name} (salinan)"
    sop = replace(stored.sop, id=new_id, name=name)
    office_id = source.office_id
    if office_name is not None:
        office = _office_named(session, office_name)
        if office.id != source.office_id:
            office_id = office.id
            sop = replace(sop, number="", approved_by=_approver_for(session, office),
                          office=Office(office.government, office.name, office.address or ""))
    check_saveable(sop, draft=True)  # its identity; the flow is the source's, as it was
    _add_sop(session, sop, office_id, is_draft=stored.is_draft, note=note)
    return sop


def delete_sop(sop_id: str, *, session: Session) -> int:
    """Delete `sop_id` with all its revisions; return how many revisions went.

    An SOP that any round ran on is refused (SopHasRounds): it can only be archived.
    """
    # the write lock first, so no round can start between the check and the delete
    with transaction(session, immediate=True):
        rounds = rounds_of(sop_id, session=session)
        if rounds:
            raise SopHasRounds(sop_id, rounds)
        count = len(list_revisions(sop_id, session=session))
        changes.note(session, sops={sop_id})
        try:
            session.delete(sop_row(session, sop_id))
            session.flush()  # revisions, lanes, steps and branches go by ON DELETE CASCADE
        except IntegrityError:
            # the database's own guard (rounds reference SOPs ON DELETE RESTRICT)
            raise CatalogueError(f"SOP {sop_id!r} tidak dapat dihapus: basis data menolaknya "
                                 "karena masih ada catatan yang merujuk ke SOP ini") from None
    return count


def _check_new_id(session: Session, sop_id: str) -> None:
    if not ID_PATTERN.fullmatch(sop_id):
        raise SaveRefused(f"Id {sop_id!r} tidak sah: pakai huruf kecil a-z, angka dan tanda '-' "
                          "(mis. 'poncokusumo-2025-renja').")
    existing = session.exec(select(SopRow).where(SopRow.slug == sop_id)).first()
    if existing is not None and existing.archived_at is not None:
        raise SaveRefused(f"Id {sop_id!r} sudah dipakai SOP yang diarsipkan; pilih id lain "
                          "atau pulihkan SOP itu dari arsip.")
    if existing is not None:
        raise SaveRefused(f"Id {sop_id!r} sudah dipakai SOP lain; pilih id lain.")


def _office_named(session: Session, office_name: str) -> OfficeRow:
    office = session.exec(select(OfficeRow).where(OfficeRow.name == office_name)).first()
    if office is None:
        raise CatalogueError(f"Kantor {office_name!r} tidak ada di katalog")
    return office


def _approver_for(session: Session, office: OfficeRow) -> Approver:
    """The office's camat; for an office without a profile, whoever approved its latest SOP."""
    if office.camat_name and office.camat_nip:
        return Approver(office.camat_title or "Camat", office.camat_name,
                        office.camat_rank or "", office.camat_nip)
    latest = session.exec(
        select(SopRevisionRow).join(SopRow, col(SopRow.id) == SopRevisionRow.sop_id)
        .where(SopRow.office_id == office.id)
        .order_by(col(SopRevisionRow.saved_at).desc())
    ).first()
    if latest is None:
        raise CatalogueError(f"{office.name} belum punya data camat untuk kolom 'Disahkan oleh'; "
                             "impor dulu satu SOP kantor itu.")
    return Approver(latest.approver_title, latest.approver_name, latest.approver_rank,
                    latest.approver_nip)


def _add_sop(session: Session, sop: Sop, office_id: int, *, is_draft: bool,
             note: str | None = None) -> None:
    with transaction(session):
        row = SopRow(slug=sop.id, office_id=office_id, revision=1, position=next_position(
            session, SopRow.position, SopRow.office_id == office_id))
        session.add(row)
        session.flush()
        write_revision(session, row, sop, is_draft=is_draft, note=note)
