"""A database on a PostgreSQL server: the engine, the first connection and its refusals
told in Indonesian, and the advisory locks that stand in for SQLite's one-writer lock."""

from __future__ import annotations

import logging
import zlib

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from kecamatan_desktop.domain.errors import ServerRefused, StoreError
from kecamatan_desktop.paths import ServerDatabase

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_SECONDS = 10
# as long as a write waits for another PC's write before it is told the database is busy
LOCK_TIMEOUT_MS = 15_000
# A write holding the office's write lock that stops talking (a PC frozen, its network
# gone) is ended by the server after this long, shorter than LOCK_TIMEOUT_MS, so a write
# waiting behind it still gets through; reads stay open longer, e.g. while a book renders.
WRITE_IDLE_TIMEOUT_MS = 10_000
IDLE_TIMEOUT_MS = 600_000
# advisory lock keys, one per purpose, the same on every PC (pg_advisory_xact_lock(bigint))
WRITE_LOCK = zlib.crc32(b"kecamatan-desktop write")
MIGRATION_LOCK = zlib.crc32(b"kecamatan-desktop migration")
IMMEDIATE = "kd_immediate"  # as store.database.IMMEDIATE: the write lock from the start


def make_server_engine(server: ServerDatabase, *, read_only: bool = False) -> Engine:
    # times are kept as naive UTC (store/types.py): the server's own clock reads them so too
    options = (f"-c lock_timeout={LOCK_TIMEOUT_MS} -c TimeZone=UTC "
               f"-c idle_in_transaction_session_timeout={IDLE_TIMEOUT_MS}")
    if read_only:
        options += " -c default_transaction_read_only=on"
    try:
        engine = create_engine(
            server.url, pool_pre_ping=True,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "options": options,
                          "application_name": "kecamatan-desktop"})
    except ImportError as exc:  # a build made without the driver
        log.warning("PostgreSQL driver missing: %s", exc)
        raise StoreError(NO_DRIVER.format(host=server.host, port=server.port,
                                           database=server.database)) from exc
    event.listen(engine, "begin", _on_begin)
    return engine


NO_DRIVER = ("Program ini dipasang tanpa driver PostgreSQL (psycopg), jadi server "
             "{host}:{port} (basis data {database}) belum dapat dipakai dari PC ini; tidak ada "
             "yang diubah. Pakai berkas basis data di PC ini.")


def _on_begin(conn) -> None:
    # SQLite's BEGIN IMMEDIATE on a server: every write transaction first takes one lock
    # shared by every PC, so what it read and checked cannot change before it commits
    if conn.get_execution_options().get(IMMEDIATE, False):
        take_write_lock(conn)


def take_write_lock(conn) -> None:
    """The write lock shared by every PC, held until the transaction ends (waiting up to
    LOCK_TIMEOUT_MS for another PC's write); while it is held, the transaction may idle
    only WRITE_IDLE_TIMEOUT_MS before the server ends it."""
    conn.exec_driver_sql(f"SET LOCAL idle_in_transaction_session_timeout = "
                         f"{WRITE_IDLE_TIMEOUT_MS}")
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def connect_checked(server: ServerDatabase, engine: Engine) -> None:
    """Connect once, so an unreachable server, a wrong password or a missing database is
    told before anything else is tried; nothing is written."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        engine.dispose()
        log.warning("server database %s refused: %s", server, exc.orig)
        raise ServerRefused(connection_problem(exc, server)) from exc


def connection_problem(exc: BaseException, server: ServerDatabase) -> str:
    """An Indonesian sentence for a failed connection; never the password, never raw SQL."""
    text = str(getattr(exc, "orig", exc)).lower()
    where = f"server PostgreSQL {server.host}:{server.port}"
    if "password" in text or "authentication" in text or "no pg_hba.conf entry" in text:
        return (f"Nama pengguna {server.user or '(kosong)'} atau kata sandinya ditolak oleh "
                f"{where} (basis data {server.database}). Periksa pengguna dan sandinya (--db, "
                "KECAMATAN_DB atau Berkas → Basis data…); tidak ada yang diubah.")
    if "does not exist" in text and "database" in text:
        return (f"Basis data {server.database} tidak ada di {where}. Minta pengelola server "
                "membuatnya (createdb), lalu coba lagi; tidak ada yang diubah.")
    if "permission denied" in text:
        return (f"Pengguna {server.user} tidak berhak memakai basis data {server.database} di "
                f"{where}; tidak ada yang diubah.")
    return (f"{where[0].upper()}{where[1:]} tidak dapat dihubungi (basis data "
            f"{server.database}). Periksa jaringan, nama server dan portnya, dan bahwa "
            "server menyala; tidak ada yang diubah.")


def describe(exc: BaseException, server: ServerDatabase) -> str | None:
    """An Indonesian sentence for a failure peculiar to a server, or None for the sentences
    SQLite's failures share (store.database.describe)."""
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).lower()
    if state in ("40001", "40P01"):  # serialization failure, deadlock
        return ("Data yang sama baru saja ditulis oleh PC lain; tidak ada yang diubah. Muat "
                "ulang (F5) lalu coba lagi.")
    if state == "55P03" or "lock timeout" in text:
        return (f"Basis data {server.database} di {server.host} sedang dikunci oleh PC lain; "
                "tidak ada yang diubah. Coba lagi sebentar lagi.")
    if state == "25P03":  # this PC's own write sat idle past WRITE_IDLE_TIMEOUT_MS
        return (f"Server {server.host} memutus tulisan ini karena terlalu lama tertahan; "
                "tidak ada yang diubah. Coba lagi.")
    if state == "42501":  # insufficient privilege: the office role may not do this
        return (f"Pengguna {server.user} tidak berhak mengubah ini di basis data "
                f"{server.database}; tidak ada yang diubah. Hubungi pengelola server.")
    if state == "25006":  # read-only transaction
        return (f"Basis data {server} dibuka hanya untuk dibaca dan dicetak; perubahan "
                "tidak disimpan.")
    if state.startswith("08") or "server closed the connection" in text \
            or "connection" in text and ("refused" in text or "timeout" in text):
        return (f"Hubungan ke server PostgreSQL {server.host}:{server.port} terputus; "
                "tidak ada yang diubah. Periksa jaringan lalu coba lagi.")
    if state.startswith("28"):
        return connection_problem(exc, server)
    return None


# the history tables the database itself keeps append-only (migrations 0005, 0007, 0009, 0013)
APPEND_ONLY = ("round_event", "calendar_change", "check_dismissal", "decree_version",
               "record_signature")


def missing_guards(conn) -> list[str]:
    """The append-only triggers that are missing or disabled (ALTER TABLE … DISABLE TRIGGER)."""
    present = dict(conn.exec_driver_sql(
        "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal").all())
    expected = [f"{table}_{kind}" for table in APPEND_ONLY
                for kind in ("append_only", "no_truncate")]
    return [name for name in expected if present.get(name, "D") == "D"]


def unchecked_constraints(conn) -> list[tuple[str, str]]:
    """(table, constraint) of every key added NOT VALID: rows it does not vouch for."""
    return [tuple(row) for row in conn.exec_driver_sql(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint "
        "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace "
        "ORDER BY 1, 2").all()]


def broken_references(conn, metadata, limit: int = 20) -> list[tuple[str, object, str]]:
    """(table, row id, parent table) of rows whose foreign key names no row: what SQLite's
    foreign_key_check finds, for keys a server had switched off (session_replication_role)."""
    from sqlalchemy import and_, select

    found = []
    for table in metadata.sorted_tables:
        for fk in table.foreign_key_constraints:
            if len(fk.columns) != 1 or "id" not in table.c:
                continue
            child = next(iter(fk.columns))
            parent_col = fk.elements[0].column
            parent = parent_col.table.alias("parent")
            query = (select(table.c.id).select_from(table.outerjoin(
                parent, parent.c[parent_col.name] == child))
                .where(and_(child.is_not(None), parent.c[parent_col.name].is_(None)))
                .limit(limit))
            found += [(table.name, row_id, parent_col.table.name)
                      for row_id in conn.execute(query).scalars()]
    return found[:limit]
