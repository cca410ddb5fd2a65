"""The database, a SQLite file or a PostgreSQL server: opening it, migrating it, and its
errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from kecamatan_desktop.domain.errors import ServerRefused, StoreError
from kecamatan_desktop.network_path import is_network_path
from kecamatan_desktop.paths import (  # noqa: F401 - re-exported
    APP_DIR_NAME,
    DB_FILE_NAME,
    ENV_VAR,
    DbLocation,
    ServerDatabase,
    as_location,
    default_db_path,
    resolve_db_path,
)
from kecamatan_desktop.store import (  # noqa: F401
    account_models,
    migrate,
    models,
    round_models,
    server,
    server_roles,
)

# execution option: begin the transaction holding the write lock (the server's advisory lock)
IMMEDIATE = server.IMMEDIATE
_DEPTH = "kd_transaction_depth"
# how long a write waits for another program's write to finish before it is told the file is
# locked (another PC or the second copy of the program writes for milliseconds at a time)
BUSY_TIMEOUT_MS = 15_000


@contextmanager
def transaction(session: Session, *, immediate: bool | None = None) -> Iterator[Session]:
    """One write: commit when the block ends, roll everything back if it raises.

    Re-entrant: a transaction() inside another joins it, and only the outermost commits,
    so a helper that writes (e.g. loading a year's holidays) never commits its caller's
    half-done work. The block holds the database's write lock from its first statement
    (SQLite's BEGIN IMMEDIATE, a server's advisory write lock; waiting up to the busy or
    lock timeout for another writer), so what it reads cannot change before it writes and
    it never fails half-way on a lock; a read transaction the session had open is ended
    first. Only when the caller already changed objects before the block (`immediate` left
    unset) is that transaction kept as it is: SQLite can take its lock only at BEGIN, so
    there it comes with the first write; a server takes its advisory lock here, before the
    changes are flushed.
    """
    if immediate is None:
        immediate = not (session.new or session.dirty or session.deleted)
    depth = session.info.get(_DEPTH, 0)
    if depth:
        session.info[_DEPTH] = depth + 1
        try:
            yield session
        finally:
            session.info[_DEPTH] = depth
        return
    if immediate:
        if session.in_transaction():
            session.rollback()
        session.connection(execution_options={IMMEDIATE: True})
    elif session.get_bind().dialect.name == "postgresql":
        server.take_write_lock(session.connection())  # no autoflush: nothing written yet
    session.info[_DEPTH] = 1
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info[_DEPTH] = 0


def insert_ignore(session: Session, table, rows: list[dict]) -> None:
    """INSERT … ON CONFLICT DO NOTHING: rows another process wrote first are left as they are."""
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    session.execute(insert(table).values(rows).on_conflict_do_nothing())


def _on_connect(dbapi_connection, _record, journal: str = "WAL") -> None:
    # pysqlite would run DDL outside any transaction and start one only before DML;
    # BEGIN is issued by _on_begin instead, so every transaction, a migration's too, is whole
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA journal_mode={journal}")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _on_begin(conn) -> None:
    immediate = conn.get_execution_options().get(IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path, *, on_network: Callable[[Path], bool] = is_network_path) -> Engine:
    # WAL's shared memory works only among processes of one machine: a file in a network
    # folder keeps the rollback journal
    journal = "DELETE" if on_network(path) else "WAL"
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect",
                 lambda dbapi_connection, record: _on_connect(dbapi_connection, record, journal))
    event.listen(engine, "begin", _on_begin)
    return engine


def describe(exc: BaseException, path: DbLocation) -> str:
    """An Indonesian sentence for a low-level database failure."""
    if isinstance(path, ServerDatabase):
        told = server.describe(exc, path)
        if told is not None:
            return told
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return (f"Basis data {path} sedang dikunci oleh program lain. Tutup program lain yang "
                "memakainya lalu coba lagi; tidak ada yang diubah.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return (f"Berkas {path} rusak atau bukan basis data Kecamatan Desktop. Pulihkan dari "
                "cadangan atau pilih berkas lain dengan --db; berkas itu tidak diubah.")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return f"Basis data {path} tidak dapat dibuka atau ditulis (izin berkas?)."
    if "append-only" in text:
        return ("Riwayat (putaran, log kalender, versi keputusan camat) hanya boleh ditambah, "
                "tidak diubah atau dihapus; tidak ada yang diubah.")
    if "unique" in text:
        return ("Data yang sama baru saja ditulis oleh program atau PC lain; tidak ada yang "
                "diubah. Muat ulang (F5) lalu coba lagi.")
    if "foreign key" in text:
        return ("Data ini masih dipakai oleh catatan lain (misalnya putaran), jadi tidak dapat "
                "dihapus atau diubah; tidak ada yang diubah.")
    if "disk" in text or "full" in text:
        return f"Disk tempat {path} penuh atau tidak dapat ditulis; tidak ada yang diubah."
    # the raw database text never reaches the user; it is in the exception chain for the log
    return (f"Basis data {path} menolak perubahan ini; tidak ada yang diubah. Jalankan "
            "Bantuan → Periksa basis data bila terulang.")


@dataclass
class Database:
    path: DbLocation  # the file, or the server database (its str() has no password)
    engine: Engine
    created: bool  # True when this open made the schema from nothing
    read_only: bool = False  # opened to read and print only (see open_read_only)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn database failures inside the block into StoreError with an Indonesian message."""
        try:
            yield
        except (DBAPIError, sqlite3.Error) as exc:
            if self.read_only and "readonly" in str(exc).lower():
                raise StoreError(f"Basis data {self.path} dibuka hanya untuk dibaca dan "
                                 "dicetak; perubahan tidak disimpan.") from exc
            raise StoreError(describe(exc, self.path)) from exc

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def _refusals(engine: Engine, path: DbLocation) -> Iterator[None]:
    """Opening and migrating: any failure closes the engine and is told in Indonesian."""
    try:
        yield
    except StoreError:
        engine.dispose()
        raise
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        raise StoreError(describe(exc, path)) from exc
    except Exception as exc:  # a migration refused the data: it was rolled back whole
        engine.dispose()
        kept = "berkas" if isinstance(path, Path) else "basis data"
        raise StoreError(f"Basis data {path} tidak dapat diperbarui ke versi program ini: "
                         f"{exc}. Tidak ada yang diubah; {kept} tetap seperti semula.") from exc


def open_database(path: DbLocation | str, *, read_only: bool = False,
                  on_network: Callable[[Path], bool] = is_network_path) -> Database:
    """Open (creating if needed) and migrate the database at `path` to the newest schema.

    A file that cannot be used is refused with DatabaseUnusable before anything is written
    (store/diagnose.py); a schema that is behind is backed up before it is migrated. A
    server database (a postgresql+psycopg:// URL) is migrated likewise, by one PC at a time.
    """
    from kecamatan_desktop.store import backup, diagnose  # both build on this module

    path = as_location(path)
    if isinstance(path, ServerDatabase):
        return open_server(path, read_only=read_only)
    if read_only:
        return open_read_only(path)
    diagnose.check_openable(path)
    engine = make_engine(path, on_network=on_network)
    with _refusals(engine, path):
        with engine.connect() as conn:
            current = migrate.current_revision(conn)
        if current is not None and current != migrate.SCHEMA_HEAD:
            backup.make_backup(path, backup.BEFORE_MIGRATION)
        created = migrate.upgrade(engine)
    return Database(path=path, engine=engine, created=created)


def open_read_only(path: Path) -> Database:
    """Open an existing database to read and print only: no migration, no write reaches the
    file (SQLite's read-only mode; immutable when not even its -shm file can be made)."""
    from sqlalchemy.pool import NullPool

    path = Path(path)
    if not path.is_file():
        raise StoreError(f"Berkas basis data {path} tidak ada.")
    uri = path.resolve().as_uri()

    def connect() -> sqlite3.Connection:
        con = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            con.close()
            if "locked" in str(exc).lower():  # being written: immutable would read halves
                raise
            con = sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)
        con.isolation_level = None
        con.execute("PRAGMA query_only=ON")
        return con

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    event.listen(engine, "begin", _on_begin)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        raise StoreError(describe(exc, path)) from exc
    return Database(path=path, engine=engine, created=False, read_only=True)


def open_server(where: ServerDatabase, *, read_only: bool = False) -> Database:
    """Open a database on a PostgreSQL server; unless `read_only`, migrate it to the newest
    schema (an empty database is made ours). A refusal says which server and database and
    changes nothing."""
    from kecamatan_desktop.store import diagnose

    engine = server.make_server_engine(where, read_only=read_only)
    server.connect_checked(where, engine)
    with _refusals(engine, where):
        with engine.connect() as conn:
            current = migrate.current_revision(conn)
            tables = conn.exec_driver_sql(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema = current_schema()").scalar()
            # the PCs' role makes no DDL: only the owner's login migrates
            owner = current == migrate.SCHEMA_HEAD or server_roles.may_migrate(conn)
        if current is None and tables:
            raise StoreError(f"Basis data {where} sudah berisi tabel lain, bukan basis data "
                             "Kecamatan Desktop; tidak ada yang diubah.")
        if current is not None and current not in diagnose.known_revisions():
            raise StoreError(f"Basis data {where} dibuat oleh versi Kecamatan Desktop yang "
                             f"lebih baru (skema {current}); pasang versi program yang terbaru. "
                             "Tidak ada yang diubah.")
        if read_only:
            if current is None:
                raise StoreError(f"Basis data {where} masih kosong; tidak ada yang dapat "
                                 "dibaca.")
            return Database(path=where, engine=engine, created=False, read_only=True)
        if not owner:
            raise ServerRefused(_upgrade_by_owner(where, current))
        created = migrate.upgrade(engine)
    return Database(path=where, engine=engine, created=created)


def _upgrade_by_owner(where: ServerDatabase, current: str | None) -> str:
    done = ("masih kosong" if current is None else
            f"memakai skema {current}, lebih lama dari program ini ({migrate.SCHEMA_HEAD})")
    return (f"Basis data {where} {done}, dan pengguna {where.user} tidak berhak "
            "memperbaruinya; tidak ada yang diubah. Pengelola server harus menjalankan: "
            "kecamatan-desktop --db URL_PEMILIK admin grant-office PERAN_KANTOR.")
