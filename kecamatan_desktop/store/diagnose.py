"""Before a database is opened for writing: is it there, ours, whole, writable and free?

Every refusal is a DatabaseUnusable naming one Problem, so the window can offer the right
ways out and the command line can name them in one line. Nothing here writes to the file.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import stat
import struct
import tempfile
from functools import cache
from pathlib import Path

from kecamatan_desktop.domain.errors import DatabaseUnusable, Problem, StoreError
from kecamatan_desktop.paths import default_db_path
from kecamatan_desktop.store.migrate import MIGRATIONS_DIR

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
# tables every revision since 0001 has; a file without them is not one of our databases
CORE_TABLES = ("office", "sop", "sop_revision", "lane", "step", "branch")
LOCK_WAIT_SECONDS = 15.0  # as long as a write waits for another one before giving up


@cache
def known_revisions() -> frozenset[str]:
    """Every schema revision this program's migrations know, read from their files."""
    found = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        match = re.search(r"^revision\s*=\s*['\"]([^'\"]+)['\"]",
                          script.read_text(encoding="utf-8"), re.MULTILINE)
        if match:
            found.add(match.group(1))
    return frozenset(found)


def check_openable(path: Path) -> None:
    """Raise DatabaseUnusable unless `path` can be opened (or made) and written by us.

    Only the default data folder is created; any other missing folder is a typo until the
    user says otherwise. A missing file is made new only when nothing shows it existed: if
    backups of it, or its write-ahead log, lie beside it, it was lost and is not replaced.
    """
    folder = path.parent
    if not folder.is_dir():
        if path != default_db_path():
            raise DatabaseUnusable(Problem.FOLDER_MISSING, path, (
                f"Folder {folder} tidak ada. Periksa penulisan --db; basis data baru hanya "
                "dibuat di folder yang sudah ada."))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Folder {folder} tidak dapat dibuat: {exc.strerror}") from exc
    if path.is_dir():
        raise DatabaseUnusable(Problem.NOT_DATABASE, path, (
            f"{path} adalah folder, bukan berkas basis data; sebutkan berkasnya, mis. "
            f"{path / 'kecamatan.db'}."))
    size = path.stat().st_size if path.exists() else None
    if not size:
        if _left_traces(path):
            if size == 0:
                raise DatabaseUnusable(Problem.CORRUPT, path, (
                    f"Berkas basis data {path} kosong (0 bita), padahal ada cadangannya: "
                    "isinya hilang terpotong."))
            raise DatabaseUnusable(Problem.MISSING, path, (
                f"Berkas basis data {path} tidak ada, padahal ada cadangannya: berkas itu "
                "terhapus atau dipindahkan. Basis data kosong tidak dibuat sebagai gantinya."))
        if not _writable_folder(folder):
            raise DatabaseUnusable(Problem.READ_ONLY, path, (
                f"Folder {folder} hanya dapat dibaca; basis data baru tidak dapat dibuat di sana."))
        return
    # The header is read through SQLite, never through a file object of our own: closing
    # one would drop every POSIX lock this process's SQLite connections hold on the file,
    # and a writer in another process could then overwrite the log under them.
    _check_pages(path, size)
    if not _writable_file(path) or not _writable_folder(folder):
        where = "Berkas" if not _writable_file(path) else "Folder"
        raise DatabaseUnusable(Problem.READ_ONLY, path, (
            f"{where} basis data {path if where == 'Berkas' else folder} hanya dapat dibaca "
            "(izin berkas atau folder); tidak ada yang dapat disimpan."))
    _probe(path)


def _check_pages(path: Path, size: int) -> None:
    """Not SQLite, or shorter than its header says."""
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    if not wal.exists() and not shm.exists():
        # nobody has this (WAL-mode) file open, so reading its header ourselves is safe
        try:
            with path.open("rb") as fh:
                header = fh.read(100)
        except OSError as exc:
            raise DatabaseUnusable(Problem.READ_ONLY, path, (
                f"Berkas basis data {path} tidak dapat dibaca: {exc.strerror}.")) from exc
        if not header.startswith(SQLITE_MAGIC):
            raise _not_ours(path)
        if len(header) == 100 and header[92:96] == header[24:28]:
            page_size = struct.unpack(">H", header[16:18])[0]
            declared = (65536 if page_size == 1 else page_size) * struct.unpack(
                ">I", header[28:32])[0]
            if size < declared:
                raise DatabaseUnusable(Problem.CORRUPT, path, (
                    f"Berkas basis data {path} terpotong ({size} bita dari {declared} "
                    "bita); berkas itu tidak diubah."))
        return
    # In use, or left by a program that stopped: only SQLite reads it (a file object of our
    # own would drop this process's SQLite locks on it when closed).
    try:
        con = sqlite3.connect(path, timeout=LOCK_WAIT_SECONDS, isolation_level=None)
    except sqlite3.Error as exc:
        raise _classified(exc, path) from exc
    try:
        con.execute("PRAGMA page_count").fetchone()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc).lower():
            raise _not_ours(path) from exc
        raise _classified(exc, path) from exc
    finally:
        con.close()


def _not_ours(path: Path) -> DatabaseUnusable:
    return DatabaseUnusable(Problem.NOT_DATABASE, path, (
        f"Berkas {path} bukan basis data Kecamatan Desktop (bukan berkas SQLite); berkas "
        "itu tidak diubah."))


def _probe(path: Path) -> None:
    """Read the schema and the revision as SQLite sees them, without writing."""
    try:
        con = sqlite3.connect(path, timeout=LOCK_WAIT_SECONDS, isolation_level=None)
    except sqlite3.Error as exc:
        raise _classified(exc, path) from exc
    try:
        tables = {row[0] for row in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return  # an empty SQLite file: the migrations make it ours
        if "alembic_version" not in tables or not set(CORE_TABLES) <= tables:
            raise DatabaseUnusable(Problem.NOT_DATABASE, path, (
                f"Berkas {path} adalah basis data SQLite, tetapi bukan basis data Kecamatan "
                "Desktop; berkas itu tidak diubah."))
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision and revision[0] not in known_revisions():
            raise DatabaseUnusable(Problem.NEWER_VERSION, path, (
                f"Basis data {path} dibuat oleh versi Kecamatan Desktop yang lebih baru "
                f"(skema {revision[0]}); versi ini tidak dapat mengubahnya. Pasang versi "
                "program yang terbaru; berkas itu tidak diubah."))
    except sqlite3.Error as exc:
        raise _classified(exc, path) from exc
    finally:
        con.close()


def _classified(exc: sqlite3.Error, path: Path) -> DatabaseUnusable:
    text = str(exc).lower()
    log.warning("database %s refused by SQLite: %s", path, exc)
    if "locked" in text or "busy" in text:
        return DatabaseUnusable(Problem.LOCKED, path, (
            f"Basis data {path} sedang dikunci oleh program lain. Tutup program lain yang "
            "memakainya lalu coba lagi; tidak ada yang diubah."))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseUnusable(Problem.READ_ONLY, path, (
            f"Basis data {path} tidak dapat ditulis (izin berkas atau folder)."))
    return DatabaseUnusable(Problem.CORRUPT, path, (
        f"Berkas basis data {path} rusak ({exc}); berkas itu tidak diubah."))


def _left_traces(path: Path) -> bool:
    from kecamatan_desktop.store.backup import list_backups  # backup builds on this module

    wal = path.with_name(path.name + "-wal")
    return bool(list_backups(path)) or (wal.exists() and wal.stat().st_size > 0)


def _writable_file(path: Path) -> bool:
    # the mode bits first: a read-only attribute counts even for an administrator
    return bool(path.stat().st_mode & stat.S_IWUSR) and os.access(path, os.W_OK)


def _writable_folder(folder: Path) -> bool:
    """SQLite writes its -wal and -shm files beside the database, so the folder must take
    new files; asking the file system is the only answer that holds on network shares."""
    if not folder.stat().st_mode & stat.S_IWUSR or not os.access(folder, os.W_OK):
        return False
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False
