"""The SOP catalogue: list, read, import (all or nothing), export, first-start seeding, and
the archive (where an SOP with rounds goes instead of being deleted)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from weakref import WeakKeyDictionary

from sqlalchemy import func
from sqlmodel import Session, select

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.interchange import (
    MAX_FILE_BYTES,
    InvalidSopFile,
    dumps,
    load_bytes,
    sop_from_dict,
    sop_to_dict,
)
from kecamatan_desktop.domain.sop import Approver, Decision, Office, Sop, Step
from kecamatan_desktop.services import changes
from kecamatan_desktop.services.listing import CatalogueListing, SopSummary, summaries
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import (
    BranchRow,
    LaneRow,
    OfficeRow,
    SopCoverRow,
    SopRevisionRow,
    SopRow,
    StepLaneRow,
    StepRow,
)
from kecamatan_desktop.store.round_models import RoundRow
from kecamatan_desktop.store.snapshot import catalogue_rows


class CatalogueError(InputError):
    """A catalogue request that cannot be carried out as asked."""


class ImportRefused(InputError):
    """An import where at least one file is bad: nothing was imported."""

    def __init__(self, errors: Sequence[InputError]):
        self.errors = list(errors)
        super().__init__(
            "Impor dibatalkan, tidak ada SOP yang diimpor:\n" + "\n".join(str(e) for e in errors)
        )


@dataclass(frozen=True)
class StoredSop:
    """An SOP as stored: the document and which revision of it this is."""

    sop: Sop
    revision: int
    current_revision: int
    is_draft: bool = False
    archived: bool = False
    cover_title: str | None = None  # as the book's cover prints it; None: the Nama SOP


@dataclass(frozen=True)
class RoundRef:
    """A round of an SOP, as named when the SOP cannot go because of it."""

    id: int
    title: str
    status: str


@dataclass(frozen=True)
class ArchiveChange:
    """An SOP archived or restored, with what it keeps."""

    sop_id: str
    archived: bool
    revisions: int
    rounds: int


@dataclass(frozen=True)
class ImportResult:
    added: tuple[str, ...]
    revised: tuple[str, ...]


def list_sops(*, session: Session, include_archived: bool = False) -> list[SopSummary]:
    """Every SOP at its current revision, offices and SOPs in book order; archived SOPs
    only with `include_archived`. The same query as the quick read at start-up."""
    sops, steps = catalogue_rows(session.connection().exec_driver_sql)
    return summaries(sops, steps, include_archived=include_archived)


def list_office_names(*, session: Session) -> list[str]:
    return list(session.exec(select(OfficeRow.name).order_by(OfficeRow.position)))


def catalogue_listing(*, session: Session, include_archived: bool = False) -> CatalogueListing:
    return CatalogueListing(list_sops(session=session, include_archived=include_archived),
                            list_office_names(session=session))


def change_stamp(*, session: Session) -> tuple:
    """Changes whenever the catalogue does: an SOP added, revised, archived, brought back or
    deleted, by any program or PC (which SOPs are archived, not when: archiving one and
    bringing it back leaves the catalogue, and the stamp, as before). The window polls it
    to show another PC's edits by itself."""
    archived = SopRow.archived_at.is_not(None)
    parts = (select(func.count(SopRow.id)), select(func.max(SopRevisionRow.id)),
             select(func.count(SopRow.id)).where(archived),
             select(func.coalesce(func.sum(SopRow.id), 0)).where(archived))
    return tuple(session.exec(select(*(part.scalar_subquery() for part in parts))).one())


def get_sop(sop_id: str, *, session: Session, revision: int | None = None) -> StoredSop:
    """The SOP `sop_id` at its current revision, or at `revision`."""
    row = sop_row(session, sop_id)
    number = row.revision if revision is None else revision
    rev = session.exec(
        select(SopRevisionRow).where(SopRevisionRow.sop_id == row.id,
                                     SopRevisionRow.revision == number)
    ).first()
    if rev is None:
        raise CatalogueError(f"SOP {sop_id!r} tidak punya revisi {number}")
    return StoredSop(sop=_read_revision(session, row.slug, rev), revision=rev.revision,
                     current_revision=row.revision, is_draft=rev.is_draft,
                     archived=row.archived_at is not None,
                     cover_title=session.exec(select(SopCoverRow.title)
                                              .where(SopCoverRow.sop_id == row.id)).first())


def export_sop(sop_id: str, *, session: Session) -> str:
    """The current revision as a sop-ap/1 document (UTF-8 JSON text).

    A draft that is not yet a valid document is refused: its file could not be imported.
    """
    stored = get_sop(sop_id, session=session)
    try:
        sop_from_dict(sop_to_dict(stored.sop), source=f"{sop_id}.json")
    except InvalidSopFile as exc:
        raise CatalogueError(
            f"SOP {sop_id!r} revisi {stored.revision} masih draf yang belum lengkap, jadi "
            "belum dapat diekspor:\n" + "\n".join(f"  - {p}" for p in exc.problems)
        ) from None
    return dumps(stored.sop)


def read_sop_files(paths: Iterable[Path]) -> list[Sop]:
    """Read and validate every file; if any is bad, refuse them all, naming each problem."""
    sops: list[Sop] = []
    errors: list[InputError] = []
    for path in paths:
        if Path(path).is_dir():  # Windows refuses to open a folder as "permission denied"
            errors.append(InputError(f"{path} adalah folder, bukan berkas SOP"))
            continue
        try:
            with Path(path).open("rb") as file:
                # One byte past the limit is enough to refuse: a huge file is never read whole.
                raw = file.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            errors.append(InputError(f"Berkas {path} tidak ditemukan"))
            continue
        except IsADirectoryError:
            errors.append(InputError(f"{path} adalah folder, bukan berkas SOP"))
            continue
        except PermissionError:
            errors.append(InputError(f"Berkas {path} tidak boleh dibaca (izin ditolak)"))
            continue
        except OSError as exc:
            errors.append(InputError(f"Berkas {path} tidak dapat dibaca: {exc.strerror}"))
            continue
        try:
            sops.append(load_bytes(raw, source=str(path)))
        except InvalidSopFile as exc:
            errors.append(exc)
    if errors:
        raise ImportRefused(errors)
    return sops


def import_sops(sops: Sequence[Sop], *, session: Session, replace: bool = False,
                notes: Mapping[str, str] | None = None) -> ImportResult:
    """Store `sops` in one transaction; with `replace`, an existing id gets a new revision.
    `notes` gives a revision note by id (where the SOP came from)."""
    seen: set[str] = set()
    for sop in sops:
        if sop.id in seen:
            raise ImportRefused([CatalogueError(f"id {sop.id!r} muncul dua kali dalam impor ini")])
        seen.add(sop.id)
    existing = {
        row.slug: row for row in session.exec(select(SopRow).where(SopRow.slug.in_(seen)))
    }
    archived = sorted(slug for slug, row in existing.items() if row.archived_at is not None)
    if archived:
        raise ImportRefused([CatalogueError(
            f"SOP dengan id {slug!r} ada di arsip; pulihkan dulu dari arsip sebelum "
            "menyimpan revisi barunya") for slug in archived])
    if existing and not replace:
        raise ImportRefused([CatalogueError(
            f"SOP dengan id {slug!r} sudah ada; pakai --replace (atau 'Ganti') untuk "
            "menyimpannya sebagai revisi baru") for slug in sorted(existing)])
    added, revised = [], []
    with transaction(session):
        for sop in sops:
            row = existing.get(sop.id)
            if row is None:
                office = _office_for(session, sop.office)
                row = SopRow(slug=sop.id, office_id=office.id, position=next_position(
                    session, SopRow.position, SopRow.office_id == office.id), revision=1)
                session.add(row)
                session.flush()
                added.append(sop.id)
            else:
                row.revision += 1
                session.add(row)
                revised.append(sop.id)
            write_revision(session, row, sop, note=(notes or {}).get(sop.id))
    return ImportResult(added=tuple(added), revised=tuple(revised))


def seed_catalogue(data_dir: Path, *, session: Session) -> ImportResult:
    """Fill an empty database from `data/`: office profiles, then each office's SOPs in order.
    Expects no office yet: one another PC seeded meanwhile is left as it is (nothing added)."""
    profile = json.loads((data_dir / "offices.json").read_text(encoding="utf-8"))
    paths: list[Path] = []
    with transaction(session):
        if session.exec(select(OfficeRow.id)).first() is not None:
            return ImportResult(added=(), revised=())
        for position, office in enumerate(profile["offices"]):
            camat = office.get("camat") or {}
            book = office.get("book") or {}
            session.add(OfficeRow(
                position=position, name=office["name"], government=office["government"],
                address=office.get("address"), city=office.get("city"),
                postal_code=office.get("postal_code"), phone=office.get("phone"),
                email=office.get("email"), website=office.get("website"),
                camat_title=camat.get("title"), camat_name=camat.get("name"),
                camat_rank=camat.get("rank"), camat_nip=camat.get("nip"),
                book_year=book.get("year"), cover_address=book.get("cover_address"),
                **office_texts(office),
            ))
            paths.extend(data_dir / "sops" / f"{sop_id}.json" for sop_id in office["sops"])
        session.flush()
        result = import_sops(read_sop_files(paths), session=session)
        for office in profile["offices"]:
            for slug, title in cover_titles(office).items():
                session.add(SopCoverRow(sop_id=sop_row(session, slug).id, title=title))
        return result


def office_texts(office: dict) -> dict:
    """OfficeRow's own-words fields from a kecamatan-offices/1 entry (the seed and migration
    0008 once shared this): the identity sheet's office name, the cover heading, the date style."""
    style = office.get("date_style") or {}
    heading = office.get("cover_heading")
    return {"sheet_name": office.get("sheet_name"),
            "cover_heading": "\n".join(heading) if heading else None,
            "date_zero_pad": style.get("zero_pad", True),
            "date_february": style.get("february", "Februari")}


def cover_titles(office: dict) -> dict[str, str]:
    """The SOP covers' titles as the office's book prints them, by SOP id."""
    titles = (office.get("book") or {}).get("cover_titles") or {}
    return {slug: "\n".join(lines) for slug, lines in titles.items()}


def sop_row(session: Session, sop_id: str) -> SopRow:
    """The stored SOP `sop_id` (services.editing shares this and the helpers below)."""
    row = session.exec(select(SopRow).where(SopRow.slug == sop_id)).first()
    if row is None:
        raise CatalogueError(f"SOP dengan id {sop_id!r} tidak ada di katalog")
    return row


def check_not_archived(row: SopRow, *, doing: str = "memulai putaran") -> None:
    """Refuse to change an archived SOP (start a round on it, revise it) until restored."""
    if row.archived_at is not None:
        raise CatalogueError(f"SOP {row.slug!r} diarsipkan; pulihkan dulu dari arsip sebelum "
                             f"{doing}")


def rounds_of(sop_id: str, *, session: Session) -> list[RoundRef]:
    """Every round ever run on `sop_id`, oldest first."""
    row = sop_row(session, sop_id)
    return [RoundRef(id=r.id, title=r.title, status=r.status) for r in session.exec(
        select(RoundRow).where(RoundRow.sop_id == row.id).order_by(RoundRow.id))]


def archive_sop(sop_id: str, *, session: Session, at: datetime | None = None) -> ArchiveChange:
    """Hide `sop_id` from the catalogue, keeping every revision, round and event."""
    with transaction(session):
        row = sop_row(session, sop_id)
        if row.archived_at is not None:
            raise CatalogueError(f"SOP {sop_id!r} sudah diarsipkan")
        changes.note(session, sops={sop_id})
        row.archived_at = at or datetime.now(UTC)
        session.add(row)
    return _archive_change(session, row)


def unarchive_sop(sop_id: str, *, session: Session) -> ArchiveChange:
    """Bring an archived SOP back into the catalogue as it was."""
    with transaction(session):
        row = sop_row(session, sop_id)
        if row.archived_at is None:
            raise CatalogueError(f"SOP {sop_id!r} tidak ada di arsip; tidak ada yang "
                                 "dipulihkan")
        changes.note(session, sops={sop_id})
        row.archived_at = None
        session.add(row)
    return _archive_change(session, row)


def _archive_change(session: Session, row: SopRow) -> ArchiveChange:
    def count(table, column) -> int:
        return session.exec(select(func.count()).select_from(table).where(
            column == row.id)).one()

    return ArchiveChange(sop_id=row.slug, archived=row.archived_at is not None,
                         revisions=count(SopRevisionRow, SopRevisionRow.sop_id),
                         rounds=count(RoundRow, RoundRow.sop_id))


def next_position(session: Session, column, condition) -> int:
    current = session.exec(select(func.max(column)).where(condition)).one()
    return 0 if current is None else current + 1


def _office_for(session: Session, office: Office) -> OfficeRow:
    row = session.exec(select(OfficeRow).where(OfficeRow.name == office.name)).first()
    if row is None:
        row = OfficeRow(name=office.name, government=office.government, address=office.address,
                        position=next_position(session, OfficeRow.position, True))
        session.add(row)
        session.flush()
    return row


def write_revision(session: Session, row: SopRow, sop: Sop, *, is_draft: bool = False,
                   note: str | None = None) -> None:
    """Add `sop` as revision `row.revision` of its SOP (the caller has set the number);
    `note` says where it came from (e.g. the SOP its procedure was copied from)."""
    changes.note(session, sops={sop.id})
    rev = SopRevisionRow(
        sop_id=row.id, revision=row.revision, saved_at=datetime.now(UTC),
        is_draft=is_draft, note=note or None,
        office_government=sop.office.government, office_name=sop.office.name,
        office_address=sop.office.address, number=sop.number, name=sop.name,
        created=sop.created, revised=sop.revised, effective=sop.effective,
        created_text=sop.created_text or None, revised_text=sop.revised_text or None,
        effective_text=sop.effective_text or None,
        approver_title=sop.approved_by.title, approver_name=sop.approved_by.name,
        approver_rank=sop.approved_by.rank, approver_nip=sop.approved_by.nip,
        legal_basis=list(sop.legal_basis), qualifications=list(sop.qualifications),
        related=list(sop.related), equipment=list(sop.equipment),
        warnings=list(sop.warnings), records=list(sop.records),
    )
    session.add(rev)
    session.flush()
    lanes = {}
    for position, name in enumerate(sop.roles):
        lanes[name] = LaneRow(revision_id=rev.id, position=position, name=name)
        session.add(lanes[name])
    session.flush()
    steps = []
    for position, step in enumerate(sop.steps):
        steps.append(StepRow(
            revision_id=rev.id, position=position, no=step.no, activity=step.activity,
            lane_id=lanes[step.role].id, requirements=step.requirements, time=step.time,
            output=step.output, notes=step.notes, time_span=step.time_span,
            is_start=step.start,
        ))
    session.add_all(steps)
    session.flush()
    session.add_all(StepLaneRow(step_id=row.id, position=position, lane_id=lanes[name].id)
                    for row, step in zip(steps, sop.steps, strict=True)
                    for position, name in enumerate(step.other_roles, 1))
    def target_id(position: int | None) -> int | None:
        return steps[position - 1].id if position and 1 <= position <= len(steps) else None

    for row, step in zip(steps, sop.steps, strict=True):
        if step.decision is not None:
            session.add(BranchRow(step_id=row.id, answer="ya",
                                  target_step_id=target_id(step.decision.yes)))
            session.add(BranchRow(step_id=row.id, answer="tidak",
                                  target_step_id=target_id(step.decision.no)))
    session.flush()


def _read_revision(session: Session, slug: str, rev: SopRevisionRow) -> Sop:
    lanes = session.exec(
        select(LaneRow).where(LaneRow.revision_id == rev.id).order_by(LaneRow.position)
    ).all()
    lane_names = {lane.id: lane.name for lane in lanes}
    step_rows = session.exec(
        select(StepRow).where(StepRow.revision_id == rev.id).order_by(StepRow.position)
    ).all()
    position_of = {row.id: i + 1 for i, row in enumerate(step_rows)}
    branches: dict[int, dict[str, int | None]] = defaultdict(dict)
    other_lanes: dict[int, list[str]] = defaultdict(list)
    if step_rows:
        for branch in session.exec(
            select(BranchRow).where(BranchRow.step_id.in_(list(position_of)))
        ):
            branches[branch.step_id][branch.answer] = position_of.get(branch.target_step_id)
        for extra in session.exec(
            select(StepLaneRow).where(StepLaneRow.step_id.in_(list(position_of)))
            .order_by(StepLaneRow.step_id, StepLaneRow.position)
        ):
            other_lanes[extra.step_id].append(lane_names[extra.lane_id])
    steps = tuple(
        Step(
            no=row.no, activity=row.activity, role=lane_names[row.lane_id],
            requirements=row.requirements, time=row.time, output=row.output, notes=row.notes,
            decision=(Decision(yes=branches[row.id].get("ya"), no=branches[row.id].get("tidak"))
                      if row.id in branches else None),
            other_roles=tuple(other_lanes.get(row.id, ())), time_span=row.time_span,
            start=row.is_start,
        )
        for row in step_rows
    )
    return Sop(
        id=slug,
        office=Office(rev.office_government, rev.office_name, rev.office_address),
        number=rev.number, name=rev.name, created=rev.created, revised=rev.revised,
        effective=rev.effective,
        approved_by=Approver(rev.approver_title, rev.approver_name, rev.approver_rank,
                             rev.approver_nip),
        legal_basis=tuple(rev.legal_basis), qualifications=tuple(rev.qualifications),
        related=tuple(rev.related), equipment=tuple(rev.equipment),
        warnings=tuple(rev.warnings), records=tuple(rev.records),
        roles=tuple(lane.name for lane in lanes), steps=steps,
        created_text=rev.created_text or "", revised_text=rev.revised_text or "",
        effective_text=rev.effective_text or "",
    )


def sop_of_revision(revision_id: int, *, session: Session) -> StoredSop:
    """The SOP exactly as it was at one stored revision (what a round ran on)."""
    rev = session.get(SopRevisionRow, revision_id)
    if rev is None:
        raise CatalogueError(f"Revisi SOP nomor {revision_id} tidak ada")
    row = session.get(SopRow, rev.sop_id)
    return StoredSop(sop=_read_revision(session, row.slug, rev), revision=rev.revision,
                     current_revision=row.revision, is_draft=rev.is_draft,
                     archived=row.archived_at is not None)


# parsed revisions by engine: a saved revision never changes, so each is read once per
# program run; `saved_at` tells a revision from a later one that reused its row id
_REVISIONS: WeakKeyDictionary = WeakKeyDictionary()


def revision_sop(revision_id: int, *, session: Session) -> tuple[Sop, int]:
    """The SOP of a saved revision and its revision number, parsed once per program run
    (one small query checks the cached copy is still that revision)."""
    found = revision_sops([revision_id], session=session)
    if revision_id not in found:
        raise CatalogueError(f"Revisi SOP nomor {revision_id} tidak ada")
    return found[revision_id]


def revision_sops(revision_ids: Iterable[int], *, session: Session
                  ) -> dict[int, tuple[Sop, int]]:
    """Several revisions at once: one query checks every cached copy; only revisions not
    parsed yet in this program run are read."""
    bind = session.get_bind()
    cache = _REVISIONS.setdefault(getattr(bind, "engine", bind), {})
    ids = sorted(set(revision_ids))
    stamps = session.exec(select(SopRevisionRow.id, SopRevisionRow.saved_at,
                                 SopRevisionRow.is_draft)
                          .where(SopRevisionRow.id.in_(ids))).all() if ids else []
    out = {}
    for rev_id, saved_at, is_draft in stamps:
        hit = cache.get(rev_id)
        if hit is not None and hit[0] == saved_at:
            out[rev_id] = hit[1], hit[2]
            continue
        stored = sop_of_revision(rev_id, session=session)
        if not is_draft:  # a draft may still be rewritten
            cache[rev_id] = (saved_at, stored.sop, stored.revision)
        out[rev_id] = stored.sop, stored.revision
    return out
