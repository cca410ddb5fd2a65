"""Alembic migrations run from code at every start; no alembic.ini needed.

Alembic is imported only when the schema is behind: most starts find it current and skip
the import (about a sixth of a second of start-up).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from kecamatan_desktop.store.schema import SCHEMA_HEAD
from kecamatan_desktop.store.server import MIGRATION_LOCK

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class MigrationError(RuntimeError):
    """A migration left the database inconsistent; it was rolled back."""


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(conn) -> str | None:
    if conn.dialect.name == "sqlite":
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    else:
        query = ("SELECT 1 FROM information_schema.tables "
                 "WHERE table_name = 'alembic_version' AND table_schema = current_schema()")
    if not conn.execute(text(query)).first():
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


# the last revision that changed the caches derived from the round events (round_pass and
# the round's summary columns: 0006 made them, 0012 added a span's minutes and the holders
# of a step in several lanes); a database older than it gets them filled at the head
CACHES_SINCE = "0012"


def _rebuild_caches(conn) -> None:
    """Fill the caches derived from history from the events, with today's code on purpose
    (it reads today's schema, which the migrations have just made), in the migration's
    transaction: a migration never runs it, so a later column cannot break an old upgrade."""
    from sqlmodel import Session

    from kecamatan_desktop.services.summaries import rebuild  # today's code, on purpose

    session = Session(bind=conn)
    rebuild(session)
    session.flush()


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the newest revision in one transaction; a no-op when current.
    True when this call made the schema from nothing (of PCs starting at once, one).

    On SQLite, foreign keys are off while the migrations run (a table rebuilt by copying
    would otherwise cascade its DROP into the children) and every key is checked before
    the commit: a migration that breaks one is rolled back whole. On a PostgreSQL server the
    transaction first takes an advisory lock, so of two PCs starting at once one migrates
    and the other waits, then finds the schema current.
    """
    with engine.connect() as conn:
        current = current_revision(conn)
        conn.rollback()
        if current == SCHEMA_HEAD:
            return False
        from alembic import command

        sqlite = engine.dialect.name == "sqlite"
        raw = conn.connection.dbapi_connection
        if sqlite:  # only outside a transaction does this pragma take effect
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                if not sqlite:
                    # another PC's migration may take longer than a write's lock timeout
                    conn.exec_driver_sql("SET LOCAL lock_timeout = '10min'")
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                 {"key": MIGRATION_LOCK})
                    current = current_revision(conn)  # another PC may have migrated
                    if current == SCHEMA_HEAD:
                        return False
                config = alembic_config()
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                if current is not None and current < CACHES_SINCE:
                    _rebuild_caches(conn)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationError(
                            f"migration broke {len(broken)} foreign keys, e.g. {broken[0]}")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
    return current is None
