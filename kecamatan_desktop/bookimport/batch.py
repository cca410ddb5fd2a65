"""Several book files read as one import: every SOP of every file as a sop-ap/1 document
with its problems, ids unique across the batch, and each file or SOP that cannot be imported
told in one line. Reads only; nothing here writes."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kecamatan_desktop.bookimport.found import FoundSop, Problem
from kecamatan_desktop.bookimport.reading import (
    SopRefused,
    file_sha256,
    read_book,
    to_interchange,
)
from kecamatan_desktop.domain.errors import Cancelled, InputError

log = logging.getLogger(__name__)
# (done, total) in PER_FILE parts per file, and the file and page being read; False: stop
BatchProgress = Callable[["ReadingAt"], bool]
PER_FILE = 1000


@dataclass(frozen=True)
class ReadingAt:
    """Where a batch is: `done` of `total` parts (PER_FILE a file, shared by its pages)."""

    done: int
    total: int
    file: str  # the name of the file being read
    file_number: int  # 1-based
    files: int
    page: int = 0  # 1-based page being read; 0 where the reader tells no pages
    pages: int = 0


@dataclass(frozen=True)
class BookEntry:
    """One SOP found (or one file that gave none): `document` is None when it cannot be
    imported, and `refusal` then says why in one line naming the file. `draft` is the
    document as mapped even when refused (None only for a file that gave no SOP), for a
    person to complete; `reasons` are the problems that refuse it, `found` what the reader
    read (the rows as written, the pages it came from)."""

    file: str  # the path as given
    sha256: str
    document: dict | None
    problems: tuple[Problem, ...]
    refusal: str = ""
    draft: dict | None = None
    reasons: tuple[Problem, ...] = ()
    found: FoundSop | None = None

    @property
    def source(self) -> str:
        return Path(self.file).name

    def as_json(self) -> dict:
        return {"file": self.file, "sop": self.document,
                "problems": [{"path": p.path, "message": p.message} for p in self.problems]}


def read_batch(paths: Iterable[Path | str], *, office: str | None = None,
               progress: BatchProgress | None = None) -> list[BookEntry]:
    """Every SOP of every file, in order. A file that cannot be read gives one refused entry;
    an SOP sop-ap/1 cannot hold gives its refused entry with everything found about it.
    `progress(at)` is told before each file and each page it reads; when it returns False
    the reading stops between pages with Cancelled."""
    if office is not None and not office.strip():
        raise InputError("Nama kantor --office kosong; sebutkan nama kantornya.")
    paths = [Path(p) for p in paths]
    entries: list[BookEntry] = []
    taken: set[str] = set()
    for number, path in enumerate(paths, 1):
        tell = _teller(progress, path.name, number, len(paths))
        tell(0, 0)
        try:
            found = read_book(path, pages=tell)
            digest = file_sha256(path)
        except Cancelled:
            raise
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
                                         refusal=str(exc), draft=exc.document,
                                         reasons=tuple(exc.reasons), found=sop))
                continue
            taken.add(document["id"])
            entries.append(BookEntry(str(path), digest, document, tuple(problems),
                                     draft=document, found=sop))
    if progress is not None and paths:
        progress(ReadingAt(len(paths) * PER_FILE, len(paths) * PER_FILE, paths[-1].name,
                           len(paths), len(paths)))
    return entries


def _teller(progress: BatchProgress | None, name: str, number: int, files: int
            ) -> Callable[[int, int], None]:
    """The page callback of one file: its pages share the file's part of the batch."""
    def tell(page: int, pages: int) -> None:
        if progress is None:
            return
        share = page * PER_FILE // pages if pages else 0
        at = ReadingAt((number - 1) * PER_FILE + share, files * PER_FILE, name, number, files,
                       page + 1 if pages else 0, pages)
        if not progress(at):
            raise Cancelled()
    return tell


def _refused(path: Path, line: str) -> BookEntry:
    return BookEntry(str(path), "", None, (Problem("file", line),), refusal=line)
