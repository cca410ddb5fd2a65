"""PostgreSQL for the tests when KECAMATAN_TEST_PG names a server: a template database
migrated once per run, and a fresh database cloned from it for every test that asks."""

from __future__ import annotations

import itertools
import os
import sqlite3

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from kecamatan_desktop.paths import ServerDatabase
from kecamatan_desktop.store.database import open_database

ENV = "KECAMATAN_TEST_PG"
PG_URL = os.environ.get(ENV) or None
# KECAMATAN_TEST_PG_OFFICE=1: the tests' migrated databases are used through an office login
# (store/server_roles.py), as the PCs of an office use them; the owner stays the superuser
OFFICE = os.environ.get("KECAMATAN_TEST_PG_OFFICE") == "1"
OFFICE_ROLE, OFFICE_LOGIN = "kd_test_office", "kd_test_pc"
# the test folders whose database tests run on both engines
BOTH_ENGINES = ("tests.services.", "tests.store.", "tests.test_cli")


class PgServer:
    """The server of KECAMATAN_TEST_PG: makes and drops the tests' databases."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url).set(drivername="postgresql+psycopg")
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.prefix = f"kd_test_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self._numbers = itertools.count(1)
        self.used = 0  # tests run with a database of this server
        self._template_made = False

    @property
    def password(self) -> str:
        return self.url.password or ""

    def where(self, name: str, *, with_password: bool = False) -> ServerDatabase:
        """The database `name`; without the password in its URL (PGPASSWORD supplies it), so
        its str() is a URL a test can hand to `--db`."""
        url = self.url.set(database=name)
        if not with_password:
            url = url.set(password=None)
        return ServerDatabase(url.render_as_string(hide_password=False))

    def describe(self) -> str:
        return f"{self.url.host}:{self.url.port or 5432}"

    def _execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def _make_template(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._execute(f'CREATE DATABASE "{self.template}"')
        db = open_database(self.where(self.template, with_password=True))
        if OFFICE:  # the grants are the template's, so every clone has them
            grant_office_login(db, self.password)
        db.close()
        self._template_made = True

    def fresh_database(self, *, migrated: bool = True) -> ServerDatabase:
        """A new database: the migrated template's clone, or empty (as a keeper makes one)."""
        if migrated and not self._template_made:
            self._make_template()
        name = f"{self.prefix}_{next(self._numbers)}"
        source = self.template if migrated else "template0"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        if OFFICE and migrated:
            return ServerDatabase(self.url.set(database=name, username=OFFICE_LOGIN,
                                               password=None).render_as_string(False))
        return self.where(name)

    def drop(self, where: ServerDatabase) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{where.database}" WITH (FORCE)')

    def close(self) -> None:
        if self._template_made:
            self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        if OFFICE and self._template_made:  # roles are the server's, not one database's
            self._execute(f'DROP ROLE IF EXISTS "{OFFICE_LOGIN}"')
            self._execute(f'DROP ROLE IF EXISTS "{OFFICE_ROLE}"')
        self.admin.dispose()


def grant_office_login(db, password: str) -> None:
    """The office role on `db`, and a login in it with the tests' password."""
    from kecamatan_desktop.store import server_roles
    from kecamatan_desktop.store.database import transaction

    with db.session() as session, transaction(session):
        server_roles.grant_office(session.connection(), OFFICE_ROLE)
        server_roles.add_login(session.connection(), OFFICE_LOGIN, password, OFFICE_ROLE)


# A connection of the test's own, as another program on the same database: sqlite3 on a
# file, psycopg on a server; `?` placeholders either way.
RAW_ERRORS = (sqlite3.DatabaseError, psycopg.Error)


class Raw:
    def __init__(self, where) -> None:
        self.server = isinstance(where, ServerDatabase)
        if self.server:
            self.con = psycopg.connect(where.url.replace("postgresql+psycopg", "postgresql"))
        else:
            self.con = sqlite3.connect(where)

    def execute(self, sql: str, params=()):
        if self.server:
            sql = sql.replace("?", "%s")
        return self.con.execute(sql, params)

    def disable_guard(self, table: str, action: str) -> str:
        """Take away the trigger refusing `action` (update, delete) on `table`; its name."""
        if not self.server:
            name = f"{table}_no_{action}"
            self.execute(f"DROP TRIGGER {name}")
            return name
        name = f"{table}_append_only"  # one trigger refuses both on a server
        self.execute(f"ALTER TABLE {table} DISABLE TRIGGER {name}")
        return name

    def commit(self) -> None:
        self.con.commit()

    def rollback(self) -> None:
        self.con.rollback()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Raw:
        return self

    def __exit__(self, kind, *_exc) -> None:
        if kind is None:
            self.con.commit()
        self.con.close()


def rows_of_every_table(where) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: the whole database, to compare before and after."""
    from kecamatan_desktop.store.models import SQLModel

    with Raw(where) as raw:
        return {table.name: sorted(map(tuple, raw.execute(f'SELECT * FROM "{table.name}"')),
                                   key=repr)
                for table in SQLModel.metadata.sorted_tables}


def contents(where) -> bytes | dict[str, list[tuple]]:
    """What a database holds, to show a refused change left it as it was: a file's very
    bytes; a server database's every row."""
    if isinstance(where, ServerDatabase):
        return rows_of_every_table(where)
    return where.read_bytes()
