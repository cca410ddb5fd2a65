"""Adding the SOPs read from an office's own book to the catalogue: each as revision 1 of a
new SOP, in its office (made if new), all in one transaction; each revision's note names the
file it came from and the file's SHA-256, so the record says which copy of the book it is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.services.catalogue import CatalogueError, ImportRefused, import_sops
from kecamatan_desktop.store.models import SopRow


@dataclass(frozen=True)
class BookSop:
    """An SOP to add, with the book file it was read from."""

    sop: Sop
    source: str  # the file's name
    sha256: str


@dataclass(frozen=True)
class BookImportResult:
    added: tuple[str, ...]  # ids, in the order given
    skipped: tuple[str, ...]  # one line per SOP not added, saying why


def source_note(source: str, sha256: str) -> str:
    """The revision note of an SOP read from a book file."""
    return f"Diimpor dari buku {source} (SHA-256 {sha256})"


def add_book_sops(sops: Sequence[BookSop], *, session: Session,
                  skip_bad: bool = False) -> BookImportResult:
    """Add every SOP, or none: an id already in the catalogue (the book imported before, or
    another SOP of that office and name) refuses them all, or with `skip_bad` only itself."""
    ids = [item.sop.id for item in sops]
    existing = set(session.exec(select(SopRow.slug).where(SopRow.slug.in_(ids)))) if ids else set()
    clashes = [CatalogueError(
        f"Berkas {item.source}: SOP '{item.sop.name}' tidak diimpor: id {item.sop.id!r} sudah "
        "ada di katalog (buku ini mungkin sudah diimpor)") for item in sops
        if item.sop.id in existing]
    if clashes and not skip_bad:
        raise ImportRefused(clashes)
    chosen = [item for item in sops if item.sop.id not in existing]
    result = import_sops([item.sop for item in chosen], session=session,
                         notes={item.sop.id: source_note(item.source, item.sha256)
                                for item in chosen})
    return BookImportResult(added=result.added, skipped=tuple(str(e) for e in clashes))
