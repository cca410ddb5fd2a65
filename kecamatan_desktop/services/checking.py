"""Periksa SOP: the rules of domain/checks.py run over one SOP or an office's book, with the
findings someone set aside (dismissed with a reason) kept apart.

Dismissals are events in an append-only table: taking one back is a new event naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache

from sqlmodel import Session, select

from kecamatan_desktop.domain.checks import (
    ERROR,
    Context,
    DecreeText,
    Finding,
    Lexicon,
    check_decree,
    check_sop,
    load_lexicon,
)
from kecamatan_desktop.domain.decree import enacted
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.legal import LegalTable, load_legal_table
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.layout.model import A4, F4, LayoutError
from kecamatan_desktop.layout.route_checks import Fault, FaultKind, Thing, drawing_faults
from kecamatan_desktop.layout.sheet import lay_out_sheets
from kecamatan_desktop.resource_paths import data_dir
from kecamatan_desktop.services import catalogue, changes, identity
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import CheckDismissalRow


@dataclass(frozen=True)
class Dismissal:
    id: int
    rule: str
    place: str
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True)
class CheckResult:
    """What Periksa found in one SOP (or, with `sop_id` "keputusan:…", an office's decree)."""

    sop_id: str
    name: str
    findings: tuple[Finding, ...]  # those still standing
    dismissed: tuple[tuple[Finding, Dismissal], ...] = ()

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)


@cache
def legal_table() -> LegalTable:
    """The shipped, dated table of legal rules (the checks and the decree editor read it)."""
    return load_legal_table(data_dir() / "checks" / "legal_rules.json")


@cache
def lexicon() -> Lexicon:
    """The shipped root words (with their licence beside them) and the roots a Kegiatan may
    start with as written."""
    checks = data_dir() / "checks"
    return load_lexicon(checks / "kata-dasar.txt.gz", checks / "verbs.txt",
                        checks / "kata-dasar-tambahan.txt")


def _tables() -> tuple[LegalTable, Lexicon]:
    return legal_table(), lexicon()


def _context(office: str, *, session: Session) -> Context:
    legal, words = _tables()
    sops = tuple(catalogue.get_sop(s.id, session=session).sop
                 for s in catalogue.list_sops(session=session) if s.office == office)
    return Context(legal=legal, lexicon=words, catalogue=sops)


def check_sop_value(sop: Sop, *, session: Session) -> CheckResult:
    """Check `sop` as it stands (in the editor, perhaps unsaved) against its office's book."""
    ctx = _context(sop.office.name, session=session)
    # the edited value stands in for its saved self among the office's SOPs
    ctx = replace(ctx, catalogue=tuple(sop if s.id == sop.id else s for s in ctx.catalogue))
    return _apply_dismissals(sop.id, sop.name, check_sop(sop, ctx) + drawing_findings(sop),
                             session=session)


def check_stored_sop(sop_id: str, *, session: Session) -> CheckResult:
    return check_sop_value(catalogue.get_sop(sop_id, session=session).sop, session=session)


def check_office(office: str | None = None, *, session: Session) -> list[CheckResult]:
    """The office's decree (saved, transcribed or from the template) and each SOP of its
    book, in book order."""
    from kecamatan_desktop.services.printing import load_decree

    names = catalogue.list_office_names(session=session)
    office = office or (names[0] if names else None)
    if office not in names:
        raise InputError(f"Kantor {office!r} tidak ada; yang ada: {', '.join(names) or '-'}")
    ctx = _context(office, session=session)
    results = []
    decree = load_decree(office, session=session)
    # after "Menetapkan :" the decree prints its own title (domain.decree.enacted)
    text = DecreeText(office=office, recalling=decree.recalling, year=decree.date.year,
                      decides=tuple((d.label, d.text) for d in decree.decides),
                      enacts=enacted(decree),
                      title=f"{decree.title} TENTANG {decree.about}")
    owner = f"keputusan:{office}"
    results.append(_apply_dismissals(owner, f"Keputusan Camat {decree.number}",
                                     check_decree(text, ctx), session=session))
    for sop in ctx.catalogue:
        results.append(_apply_dismissals(sop.id, sop.name,
                                         check_sop(sop, ctx) + drawing_findings(sop),
                                         session=session))
    return results


_PAPERS = (("F4", F4), ("A4", A4))


def drawing_findings(sop: Sop) -> list[Finding]:
    """Periksa gambar: each drawing fault of the SOP's flowchart (layout/route_checks.py),
    on F4 and on A4 as they are printed, as an error naming the page and the lines, as the
    sheet names them."""
    found: list[Finding] = []
    for name, paper in _PAPERS:
        try:
            layout = lay_out_sheets(sop, paper)
        except LayoutError:  # said where it is printed or drawn, in the layout's own words
            continue
        for fault in drawing_faults(layout):
            found.append(Finding(f"gambar-{fault.kind.value}", ERROR, sop.id,
                                 f"Diagram {name} halaman {fault.page}", _fault_text(fault)))
    return found


def _thing_text(thing: Thing) -> str:
    return {"to": f"ke langkah {thing.name}", "to_connector": f"ke {thing.name}",
            "from_connector": f"dari {thing.name}", "join": f"cabang langkah {thing.name}",
            "shape": f"bentuk langkah {thing.name}", "label": f"label Ya/Tidak langkah "
            f"{thing.name}", "connector": f"penghubung {thing.name}",
            "rule": f"garis lajur {thing.name!r}"}[thing.kind]


def _fault_text(fault: Fault) -> str:
    first, *rest = fault.things
    what = ("" if first.kind == "connector" else "garis ") + _thing_text(first)
    if fault.kind is FaultKind.OVERLAP:
        return f"{what} dan {_thing_text(rest[0])} berimpit; orang tak dapat mengikutinya."
    if fault.kind is FaultKind.RULE:
        return f"{what} berimpit dengan {_thing_text(rest[0])}; terbaca sebagai garis lajur."
    if fault.kind is FaultKind.NEAR:
        return f"{what} kurang dari 1 mm dari {_thing_text(rest[0])}."
    if fault.kind is FaultKind.PAIR:
        return (f"{what} menghubungkan halaman {fault.page} dengan halaman "
                f"{fault.other_page}, melompati halaman di antaranya.")
    return f"{what} dan {_thing_text(rest[0])} bertumpuk."


def standing_dismissals(sop_id: str, *, session: Session) -> dict[tuple[str, str], Dismissal]:
    """The dismissals of `sop_id` not taken back, by (rule, place); the latest wins."""
    rows = session.exec(select(CheckDismissalRow).where(CheckDismissalRow.sop_slug == sop_id)
                        .order_by(CheckDismissalRow.id)).all()
    undone = {row.undoes for row in rows if row.undoes is not None}
    return {(row.rule, row.place): Dismissal(row.id, row.rule, row.place, row.reason,
                                             row.dismissed_by, row.dismissed_at)
            for row in rows if row.undoes is None and row.id not in undone}


def _apply_dismissals(sop_id: str, name: str, findings: list[Finding], *,
                      session: Session) -> CheckResult:
    standing = standing_dismissals(sop_id, session=session)
    kept = tuple(f for f in findings if (f.rule, f.place) not in standing)
    dismissed = tuple((f, standing[(f.rule, f.place)]) for f in findings
                      if (f.rule, f.place) in standing)
    return CheckResult(sop_id, name, kept, dismissed)


def _operator() -> str:
    return identity.entered_by()


def dismiss(finding: Finding, reason: str, *, session: Session, by: str | None = None,
            at: datetime | None = None) -> Dismissal:
    """Set `finding` aside for good reason; it stays set aside until taken back. Expects it
    not set aside yet: one set aside meanwhile (from another PC) is refused, nothing written."""
    if not reason.strip():
        raise InputError("Alasan mengabaikan temuan wajib diisi.")
    with transaction(session, immediate=True):
        standing = standing_dismissals(finding.sop_id, session=session)
        if (finding.rule, finding.place) in standing:
            earlier = standing[(finding.rule, finding.place)]
            raise InputError(f"Temuan ini sudah diabaikan oleh {earlier.by} (nomor "
                             f"{earlier.id}); tidak ada yang diubah.")
        changes.note(session, sops={finding.sop_id})
        row = CheckDismissalRow(sop_slug=finding.sop_id, rule=finding.rule,
                                place=finding.place, reason=reason.strip(),
                                dismissed_by=by or _operator(),
                                dismissed_at=at or datetime.now(UTC))
        session.add(row)
        session.flush()
        dismissal = Dismissal(row.id, row.rule, row.place, row.reason, row.dismissed_by,
                              row.dismissed_at)
    return dismissal


def undismiss(dismissal_id: int, reason: str, *, session: Session, by: str | None = None,
              at: datetime | None = None) -> int:
    """Take a dismissal back: a new event naming it; the old one stays in the history.
    Expects it still standing: one taken back meanwhile is refused, nothing written."""
    if not reason.strip():
        raise InputError("Alasan membatalkan pengabaian wajib diisi.")
    with transaction(session, immediate=True):
        old = session.get(CheckDismissalRow, dismissal_id)
        if old is None or old.undoes is not None:
            raise InputError(f"Tidak ada temuan yang diabaikan dengan nomor {dismissal_id}.")
        if session.exec(select(CheckDismissalRow).where(
                CheckDismissalRow.undoes == dismissal_id)).first() is not None:
            raise InputError(f"Pengabaian nomor {dismissal_id} sudah dibatalkan.")
        changes.note(session, sops={old.sop_slug})
        row = CheckDismissalRow(sop_slug=old.sop_slug, rule=old.rule, place=old.place,
                                reason=reason.strip(), dismissed_by=by or _operator(),
                                dismissed_at=at or datetime.now(UTC), undoes=dismissal_id)
        session.add(row)
        session.flush()
        new_id = row.id
    return new_id


_DECREE_PLACES = {"decree.decides": "Keputusan: MENETAPKAN",
                  "decree.enacts": "Keputusan: Menetapkan",
                  "decree.recalling": "Keputusan: Mengingat",
                  "steps": "Prosedur"}


def place_text(place: str) -> str:
    """`legal_basis[1]` → `Dasar Hukum butir 2`; `steps[4].time` → `Langkah 5: Waktu`."""
    from kecamatan_desktop.services.editing import place_label

    match = re.fullmatch(r"([a-z_.]+)\[(\d+)\]", place)
    if match and not place.startswith(("steps", "roles")):
        head, index = match.groups()
        head = _DECREE_PLACES.get(head) or place_label(head)
        return f"{head} butir {int(index) + 1}"
    return _DECREE_PLACES.get(place) or place_label(place)
