"""Backups and restores as the window and the command line ask for them.

A file database is backed up as a SQLite copy; a server database as a dump of every row
(store/dump.py), which loads into a new database of either kind.
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.paths import ServerDatabase, default_db_path
from kecamatan_desktop.services import witnesses
from kecamatan_desktop.services.changes import EVERYTHING
from kecamatan_desktop.services.restore_checks import (
    loaded_history_problem,
    staged_history_problem,
)
from kecamatan_desktop.services.session import announce
from kecamatan_desktop.store import backup, backup_segel, dump
from kecamatan_desktop.store.backup import BackupFile, Restored, backups_dir
from kecamatan_desktop.store.database import Database, StoreError, open_database
from kecamatan_desktop.store.diagnose import DatabaseUnusable, Problem
from kecamatan_desktop.store.dump import DumpSummary
from kecamatan_desktop.store.schema import SCHEMA_HEAD

__all__ = ["BackupFile", "DumpSummary", "Restored", "WaysOut", "backup_name", "backup_to",
           "backups_dir", "copy_database", "is_copy", "list_backups", "load_copy",
           "restore_into", "restore_over", "ways_out"]


@dataclass(frozen=True)
class WaysOut:
    """What a user can do about a database that would not open (besides choosing another)."""
    latest_backup: BackupFile | None  # restore this one
    read_only: bool  # open it to read and print
    retry: bool  # another program holds it: try again once it is closed


def ways_out(exc: DatabaseUnusable) -> WaysOut:
    readable = exc.problem in (Problem.READ_ONLY, Problem.NEWER_VERSION, Problem.LOCKED)
    restorable = exc.problem not in (Problem.FOLDER_MISSING, Problem.READ_ONLY, Problem.LOCKED)
    return WaysOut(latest_backup=backup.latest_backup(exc.path) if restorable else None,
                   read_only=readable, retry=exc.problem is Problem.LOCKED)


def list_backups(db_path: Path) -> list[BackupFile]:
    """This database's backups in its backups/ folder, newest first (a server has none)."""
    if isinstance(db_path, ServerDatabase):
        return []
    return backup.list_backups(db_path)


def _refuse_server(db_path) -> None:
    # a dump is loaded into a new database only: the one in use on every PC stays as it is
    if isinstance(db_path, ServerDatabase):
        raise InputError(f"Basis data {db_path} di server sedang dipakai dan tidak ditimpa. "
                         "Muat salinannya ke basis data baru yang kosong: kecamatan-desktop "
                         "--db ALAMAT_BARU restore BERKAS.")


def backup_name(db_path, kind: str, now: datetime | None = None) -> Path:
    """A free name for a backup of `kind`: in backups/ beside a file; for a server database,
    a dump in backups/ of this PC's data folder."""
    if not isinstance(db_path, ServerDatabase):
        return backup.backup_name(db_path, kind, now)
    return backup.backup_name(default_db_path(), kind, now, stem=db_path.database,
                              suffix=dump.SUFFIX)


def _dump_of(source, target: Path, progress: dump.Progress = None) -> DumpSummary:
    """Every row of the database at `source`, opened only to be read, into `target`."""
    db = open_database(source, read_only=True)  # the source is only read, never made
    try:
        with db.guard():
            return dump.write_dump(db.engine, target, progress=progress)
    finally:
        db.close()


def _dump_server(where: ServerDatabase, target: Path | None, progress: dump.Progress) -> Path:
    target = Path(target) if target is not None else backup_name(where, backup.MANUAL)
    if not target.parent.is_dir():
        if target.parent != backup.backups_dir(default_db_path()):
            raise InputError(f"Folder {target.parent} tidak ada.")
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _dump_of(where, target, progress).path
    except OSError as exc:
        raise StoreError(f"Salinan ke {target} tidak dapat dibuat: {exc.strerror}") from exc


def is_copy(source: Path) -> bool:
    """Whether `source` is a dump of a whole database (not a SQLite backup)."""
    try:
        dump.read_header(source)
    except InputError:
        return False
    return True


def copy_database(source, target) -> DumpSummary:
    """Every row of the database at `source` into the one at `target`, a new file or an
    empty server database, either kind: an office moving to its server, or back."""
    if str(source) == str(target):
        raise InputError("Basis data asal dan tujuan sama; pilih tujuan yang lain.")
    with tempfile.TemporaryDirectory() as folder:
        made = _dump_of(source, Path(folder) / f"salinan{dump.SUFFIX}")
        if made.schema != SCHEMA_HEAD:
            raise InputError(f"Basis data {source} berskema {made.schema}: buka dulu dengan "
                             "program ini (skemanya diperbarui), lalu salin lagi.")
        return load_copy(target, made.path)


def load_copy(db_path, source: Path) -> DumpSummary:
    """Load the dump `source` into the database at `db_path`, a new file or an empty server
    database (made ours first); one holding data is refused untouched. The dump is read
    through first: a partial or inconsistent one is refused before anything is made, and
    one whose round histories are not as written is rolled back (a file made for it goes)."""
    dump.check_loadable(source)
    dump.check_dump(source)
    new_file = not isinstance(db_path, ServerDatabase) and not Path(db_path).exists()
    db = open_database(db_path)
    try:
        with db.guard():
            loaded = dump.load_dump(db.engine, source, checked=True,
                                    verify=loaded_history_problem)
        witnesses.forget(db_path)  # a new history: what this PC saw there before is gone
        return loaded
    except InputError:
        if new_file:
            db.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        raise
    finally:
        db.close()


def backup_to(db_path: Path, target: Path | None = None, *,
              progress: dump.Progress = None) -> Path:
    """A backup made by hand: at `target`, or in backups/ when no target is given. A server's
    copy reports `progress(tables done, tables)`; False from it stops (Cancelled)."""
    if isinstance(db_path, ServerDatabase):
        return _dump_server(db_path, target, progress)
    db_path = Path(db_path)
    if not db_path.is_file():
        raise StoreError(f"Berkas basis data {db_path} tidak ada; tidak ada yang dicadangkan.")
    if target is None:
        return backup.make_backup(db_path, backup.MANUAL).path
    target = Path(target)
    if not target.parent.is_dir():
        raise InputError(f"Folder {target.parent} tidak ada.")
    if target.exists() and target.resolve() == db_path.resolve():
        raise InputError(f"{target} adalah basis data yang sedang dipakai; pilih berkas lain.")
    try:
        backup.copy_database(db_path, target)
        backup_segel.write_record(target)  # the rounds' heads, for `check --backup`
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Cadangan ke {target} tidak dapat dibuat: "
                         f"{getattr(exc, 'strerror', None) or exc}") from exc
    return target


def restore_over(db_path: Path, source: Path) -> Restored:
    """Restore `source` over the database at `db_path`, which nothing here has open."""
    _refuse_server(db_path)
    restored = backup.restore(Path(db_path), Path(source), verify=staged_history_problem)
    witnesses.forget(db_path)  # this PC replaced the history it saw, on purpose
    return restored


def restore_into(db: Database, source: Path) -> Restored:
    """Restore `source` over the open database `db`, which stays the same object: its
    connections are closed first, and afterwards it is reopened (and migrated if the
    backup is of an older schema), so every view holding it reads the restored data."""
    _refuse_server(db.path)
    backup.check_restorable(source)  # refused before the window lets go of anything
    db.close()
    try:
        restored = backup.restore(db.path, Path(source), verify=staged_history_problem)
    finally:
        reopened = open_database(db.path)
        db.engine, db.created = reopened.engine, False
    witnesses.forget(db.path)  # this PC replaced the history it saw, on purpose
    announce(db, EVERYTHING)  # every view holding `db` reads it again
    return restored
