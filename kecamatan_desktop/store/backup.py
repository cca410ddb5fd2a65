"""Backups beside the database (`backups/`), made and restored with SQLite's online backup API.

A backup is written to a temporary name and renamed when whole, so a file with a backup's
name is always a complete database. Names carry the database's name, the local time and the
reason: `kecamatan-20260105-081502-harian.db`.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.store import backup_segel
from kecamatan_desktop.store.database import StoreError
from kecamatan_desktop.store.diagnose import (
    CORE_TABLES,
    LOCK_WAIT_SECONDS,
    SQLITE_MAGIC,
    known_revisions,
)
from kecamatan_desktop.store.restore_copy import StagedCopy, stage_copy

log = logging.getLogger(__name__)

DAILY = "harian"
BEFORE_MIGRATION = "sebelum-migrasi"
BEFORE_RESTORE = "sebelum-pemulihan"
MANUAL = "manual"
KINDS = (DAILY, BEFORE_MIGRATION, BEFORE_RESTORE, MANUAL)
KEEP = 14  # of each automatic kind; backups made by hand are never removed
BACKUP_DIR_NAME = "backups"
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime  # local time, as in the name
    kind: str
    size: int


@dataclass(frozen=True)
class Restored:
    source: Path
    revision: str  # the schema revision of what was restored; opening migrates it if older
    previous: BackupFile | None  # the database as it was before, kept in backups/
    left_behind: tuple[str, ...] = ()  # Indonesian lines: code in the backup, not restored


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_DIR_NAME


def _pattern(db_path: Path) -> re.Pattern:
    kinds = "|".join(map(re.escape, KINDS))
    return re.compile(rf"{re.escape(Path(db_path).stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?-({kinds})"
                      r"\.db")


def list_backups(db_path: Path) -> list[BackupFile]:
    """The backups of this database, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found = []
    for entry in folder.iterdir():
        match = pattern.fullmatch(entry.name)
        if match and entry.is_file():
            made_at = datetime.strptime(match.group(1), _STAMP)
            found.append((made_at, int(match.group(2) or 0),
                          BackupFile(entry, made_at, match.group(3), entry.stat().st_size)))
    found.sort(key=lambda item: item[:2], reverse=True)
    return [item[2] for item in found]


def latest_backup(db_path: Path) -> BackupFile | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


def backup_name(db_path: Path, kind: str, now: datetime | None = None, *,
                stem: str | None = None, suffix: str = ".db") -> Path:
    """A free name in backups/ beside `db_path` for a backup of `kind` made `now` (local
    time); `stem` and `suffix` name another kind of copy (a server's dump)."""
    stamp = (now or datetime.now()).strftime(_STAMP)
    folder = backups_dir(db_path)
    stem = stem or Path(db_path).stem
    target = folder / f"{stem}-{stamp}-{kind}{suffix}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{stamp}-{n}-{kind}{suffix}"
    return target


def make_backup(db_path: Path, kind: str, *, now: datetime | None = None) -> BackupFile:
    """Copy the database into backups/ while it may be in use; keep the newest KEEP of `kind`."""
    now = (now or datetime.now()).replace(microsecond=0)
    target = backup_name(db_path, kind, now)
    try:
        target.parent.mkdir(exist_ok=True)
        copy_database(Path(db_path), target)
        backup_segel.write_record(target)  # the rounds' heads, for `check --backup`
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Cadangan basis data {db_path} tidak dapat dibuat: "
                         f"{getattr(exc, 'strerror', None) or exc}") from exc
    log.info("backup (%s) of %s written to %s", kind, db_path, target)
    if kind != MANUAL:
        _prune(db_path, kind)
    return BackupFile(target, now, kind, target.stat().st_size)


def daily_backup(db_path: Path, *, now: datetime | None = None) -> BackupFile | None:
    """The start-up backup: made unless one of today's is already there."""
    now = now or datetime.now()
    if any(b.kind == DAILY and b.made_at.date() == now.date() for b in list_backups(db_path)):
        return None
    return make_backup(db_path, DAILY, now=now)


def _prune(db_path: Path, kind: str) -> None:
    for old in [b for b in list_backups(db_path) if b.kind == kind][KEEP:]:
        old.path.unlink(missing_ok=True)
        backup_segel.record_path(old.path).unlink(missing_ok=True)
        log.info("old backup %s removed", old.path)


def copy_database(source: Path, target: Path, *, read_only_source: bool = False) -> None:
    """A consistent copy of `source` as one self-contained file at `target`.

    The copy is checked (quick_check) before it takes the name: a damaged source never
    becomes a backup that would push a good one out of the last KEEP.
    """
    # two programs starting together may both make the day's backup: each its own partial
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    partial.unlink(missing_ok=True)
    src = _connect_source(source) if read_only_source else sqlite3.connect(
        source, timeout=LOCK_WAIT_SECONDS)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
            verdict = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(f"salinan tidak utuh: {verdict}")
    os.replace(partial, target)


def _connect_source(path: Path) -> sqlite3.Connection:
    """Open someone else's file without writing to it (immutable when even -shm cannot be
    made, e.g. on a write-protected flash disk)."""
    uri = Path(path).resolve().as_uri()
    try:
        con = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=LOCK_WAIT_SECONDS)
    except sqlite3.OperationalError:  # e.g. a Windows share, whose URI SQLite does not take
        return sqlite3.connect(path, timeout=LOCK_WAIT_SECONDS)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError as exc:
        con.close()
        if "locked" in str(exc).lower():  # someone is writing it: immutable would read halves
            raise
        return sqlite3.connect(f"{uri}?immutable=1", uri=True)


def check_restorable(path: Path) -> str:
    """The schema revision of the database at `path`, or InputError saying why it is not
    one of ours: not SQLite, damaged (integrity_check), no known revision, tables missing."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"Berkas {path} tidak ada.")
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise InputError(f"Berkas {path} bukan basis data Kecamatan Desktop (bukan SQLite).")
    try:
        con = _connect_source(path)
        try:
            return _verify(con, path)
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise InputError(f"Berkas {path} rusak dan tidak dapat dipulihkan: {exc}") from exc


def _verify(con: sqlite3.Connection, path: Path) -> str:
    problems = [row[0] for row in con.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise InputError(f"Berkas {path} rusak (integrity_check: {problems[0]}); "
                         "tidak dipulihkan.")
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = [t for t in ("alembic_version", *CORE_TABLES) if t not in tables]
    if missing:
        raise InputError(f"Berkas {path} bukan basis data Kecamatan Desktop (tidak ada tabel "
                         f"{', '.join(missing)}); tidak dipulihkan.")
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    if not row or row[0] not in known_revisions():
        raise InputError(f"Berkas {path} dibuat oleh versi Kecamatan Desktop yang lain "
                         f"(skema {row[0] if row else 'kosong'}); tidak dipulihkan.")
    return row[0]


def restore(db_path: Path, source: Path, *, now: datetime | None = None,
            verify: Callable[[Path], str | None] | None = None) -> Restored:
    """Put the rows of the database at `source` in place of the one at `db_path`.

    The caller has closed its own connections. The backup is never used as it is: its rows
    are checked and copied into a fresh database made by our migrations (restore_copy.py),
    which `verify` may refuse (an Indonesian sentence); then the current database is backed
    up (a damaged one byte for byte); then the checked copy is written into the live file
    through the backup API, one transaction that other readers see whole, or, when the
    current file is not a usable database, renamed over it.
    """
    db_path, source = Path(db_path), Path(source)
    check_restorable(source)
    staged = db_path.with_name(f".{db_path.name}.pemulihan")
    staged.unlink(missing_ok=True)
    try:
        copied = _stage(source, staged)
        problem = verify(staged) if verify is not None else None
        if problem:
            raise InputError(f"Cadangan {source} tidak dipulihkan: {problem}.")
        previous, live_usable = _keep_current(db_path, now)
        if live_usable:
            src = sqlite3.connect(staged)
            dst = sqlite3.connect(db_path, timeout=LOCK_WAIT_SECONDS)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        else:  # its -wal belongs to the file being replaced and must not meet the new one
            for suffix in ("-wal", "-shm"):
                db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
            os.replace(staged, db_path)
    except sqlite3.Error as exc:
        raise StoreError(f"Pemulihan ke {db_path} gagal: {exc}. Basis data sebelumnya "
                         "tersimpan di folder cadangan.") from exc
    finally:
        staged.unlink(missing_ok=True)
    for line in copied.left_behind:
        log.warning("restore of %s: %s", source, line)
    log.info("restored %s from %s (schema %s); previous kept as %s", db_path, source,
             copied.revision, previous.path if previous else None)
    return Restored(source, copied.revision, previous, copied.left_behind)


def _stage(source: Path, staged: Path) -> StagedCopy:
    """The backup's rows, checked, in a fresh database at `staged`."""
    try:
        con = _connect_source(source)
        try:
            return stage_copy(con, str(source), staged, _verify(con, source))
        finally:
            con.close()
    except InputError:
        raise
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Berkas {source} tidak dapat disalin ke {staged.parent}: "
                         f"{getattr(exc, 'strerror', None) or exc}") from exc


def _keep_current(db_path: Path, now: datetime | None) -> tuple[BackupFile | None, bool]:
    """Back up what is about to be replaced; say whether it was a usable database."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None, False
    try:
        return make_backup(db_path, BEFORE_RESTORE, now=now), True
    except StoreError as exc:
        if "locked" in str(exc.__cause__).lower():  # in use: replacing it would pull it away
            raise StoreError(f"Basis data {db_path} sedang dipakai program lain; tutup program "
                             "itu lalu pulihkan lagi. Tidak ada yang diubah.") from exc
        log.warning("current database is not usable (%s); kept byte for byte", exc)
    target = backup_name(db_path, BEFORE_RESTORE, now)
    target.parent.mkdir(exist_ok=True)
    for suffix in ("-wal", ""):
        extra = db_path.with_name(db_path.name + suffix)
        if extra.exists():
            shutil.copy2(extra, target.with_name(target.name + suffix))
    made_at = (now or datetime.now()).replace(microsecond=0)
    return BackupFile(target, made_at, BEFORE_RESTORE, target.stat().st_size), False
