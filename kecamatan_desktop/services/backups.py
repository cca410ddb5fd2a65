"""Backups and restores as the window and the command line ask for them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.paths import ServerDatabase
from kecamatan_desktop.store import backup
from kecamatan_desktop.store.backup import BackupFile, Restored, backup_name, backups_dir
from kecamatan_desktop.store.database import Database, StoreError, open_database
from kecamatan_desktop.store.diagnose import DatabaseUnusable, Problem

__all__ = ["BackupFile", "Restored", "WaysOut", "backup_name", "backup_to", "backups_dir",
           "list_backups", "restore_into", "restore_over", "ways_out"]


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
    # the backup files are SQLite copies; a server's database is saved by the server's keeper
    if isinstance(db_path, ServerDatabase):
        raise InputError(f"Basis data {db_path} ada di server PostgreSQL: cadangkan dan "
                         "pulihkan dengan alat server (pg_dump dan pg_restore).")


def backup_to(db_path: Path, target: Path | None = None) -> Path:
    """A backup made by hand: at `target`, or in backups/ when no target is given."""
    _refuse_server(db_path)
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
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Cadangan ke {target} tidak dapat dibuat: "
                         f"{getattr(exc, 'strerror', None) or exc}") from exc
    return target


def restore_over(db_path: Path, source: Path) -> Restored:
    """Restore `source` over the database at `db_path`, which nothing here has open."""
    _refuse_server(db_path)
    return backup.restore(Path(db_path), Path(source))


def restore_into(db: Database, source: Path) -> Restored:
    """Restore `source` over the open database `db`, which stays the same object: its
    connections are closed first, and afterwards it is reopened (and migrated if the
    backup is of an older schema), so every view holding it reads the restored data."""
    _refuse_server(db.path)
    backup.check_restorable(source)  # refused before the window lets go of anything
    db.close()
    try:
        restored = backup.restore(db.path, Path(source))
    finally:
        reopened = open_database(db.path)
        db.engine, db.created = reopened.engine, False
    return restored
