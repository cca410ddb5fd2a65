"""Several book files read as one import: every SOP of every file as a sop-ap/1 document
with its problems, ids unique across the batch, and each file or SOP that cannot be imported
told in one line. Reads only; nothing here writes."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kecamatan_desktop.bookimport.found import Problem
from kecamatan_desktop.bookimport.reading import (
    SopRefused,
    file_sha256,
    read_book,
    to_interchange,
)
from kecamatan_desktop.domain.errors import InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BookEntry:
    """One SOP found (or one file that gave none): `document` is None when it cannot be
    imported, and `refusal` then says why in one line naming the file."""

    file: str  # the path as given
    sha256: str
    document: dict | None
    problems: tuple[Problem, ...]
    refusal: str = ""

    @property
    def source(self) -> str:
        return Path(self.file).name

    def as_json(self) -> dict:
        return {"file": self.file, "sop": self.document,
                "problems": [{"path": p.path, "message": p.message} for p in self.problems]}


def read_batch(paths: Iterable[Path | str], *, office: str | None = None) -> list[BookEntry]:
    """Every SOP of every file, in order. A file that cannot be read gives one refused entry;
    an SOP sop-ap/1 cannot hold gives its refused entry with everything found about it."""
    if office is not None and not office.strip():
        raise InputError("Nama kantor --office kosong; sebutkan nama kantornya.")
    entries: list[BookEntry] = []
    taken: set[str] = set()
    for path in paths:
        path = Path(path)
        try:
            found = read_book(path)
            digest = file_sha256(path)
        except InputError as exc:
            entries.append(_refused(path, str(exc)))
            continue
        except Exception:  # a reader's fault must not cost the other files; it is logged
            log.exception("reading %s", path)
            entries.append(_refused(path, f"Berkas {path.name} tidak dapat dibaca karena "
                                          "galat tak terduga; rinciannya dicatat di log."))
            continue
        if not found:
            entries.append(_refused(path, f"Berkas {path.name} tidak berisi SOP."))
        for sop in found:
            try:
                document, problems = to_interchange(sop, office=office, taken=taken)
            except SopRefused as exc:
                entries.append(BookEntry(str(path), digest, None, tuple(exc.problems),
                                         refusal=str(exc)))
                continue
            taken.add(document["id"])
            entries.append(BookEntry(str(path), digest, document, tuple(problems)))
    return entries


def _refused(path: Path, line: str) -> BookEntry:
    return BookEntry(str(path), "", None, (Problem("file", line),), refusal=line)
