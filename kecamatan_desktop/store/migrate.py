"""Alembic migrations run from code at every start; no alembic.ini needed.

Alembic is imported only when the schema is behind: most starts find it current and skip
the import (about a sixth of a second of start-up).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest migration's revision id; a test checks it against the migration scripts.
SCHEMA_HEAD = "0004"


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(conn) -> str | None:
    has_table = conn.execute(text(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    )).first()
    if not has_table:
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction; a no-op when current."""
    with engine.begin() as conn:
        if current_revision(conn) == SCHEMA_HEAD:
            return
        from alembic import command

        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
