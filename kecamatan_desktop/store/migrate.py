"""Alembic migrations run from code at every start; no alembic.ini needed."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction; a no-op when current."""
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head_revision():
            return
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
