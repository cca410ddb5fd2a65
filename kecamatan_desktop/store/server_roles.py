"""Least privilege on a server: the owner's login makes and migrates the schema; the office
role the PCs use reads and adds rows, changes only current state and caches, and owns
nothing (no DDL, no TRUNCATE, no trigger or function of its own). `kecamatan-desktop --db
OWNER_URL admin …` applies it; every statement here runs as the owner."""

from __future__ import annotations

import re

from psycopg import sql

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.store.server import APPEND_ONLY

# The office's history: SELECT and INSERT only (their triggers refuse the rest anyway).
HISTORY = APPEND_ONLY
# What the program changes in normal use, found by reading services/ and running the
# server tests through an office login (KECAMATAN_TEST_PG_OFFICE=1, tests/pg.py): UPDATE
# on current state and caches, DELETE where a row is taken away. Tables not named here get
# SELECT and INSERT; a table a later migration adds gets SELECT, INSERT and UPDATE by
# default until `admin grant-office` is run again after the upgrade.
UPDATED = {
    "office": "its profile edited",
    "sop": "its current revision, archived or not",
    "officer": "directory edits, deactivation",
    "round": "its state and summary columns",
    "round_pass": "the cache of its events",
    "round_lane": "who holds a lane, reassigned",
    "day_off": "a day off edited or taken back (logged in calendar_change)",
    "account": "failed sign-ins and the lock they set, a new password, deactivation",
    "account_key": "its private key encrypted anew under a new password; ended (valid_to)",
}
DELETED = {
    "sop": "an SOP never run (its revisions go by ON DELETE CASCADE)",
    "officer": "an officer no record names",
    "round_pass": "the cache rebuilt from the events",
    "working_hours": "the week's hours replaced (logged in calendar_change)",
}
READ_ONLY = ("alembic_version",)

_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def role_name(text: str, what: str = "Nama peran") -> str:
    """A role name a server takes unquoted; anything else is refused before the server."""
    if not _NAME.fullmatch(text or ""):
        raise InputError(f"{what} '{text}' tidak sah: pakai huruf kecil, angka dan garis "
                         "bawah, diawali huruf (mis. kantor_kecamatan); tidak ada yang diubah.")
    return text


def may_migrate(conn) -> bool:
    """May this login make or change the schema: is it (a member of) the owner of our
    tables, or, in an empty database, may it create in the schema?"""
    owner = conn.exec_driver_sql(
        "SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'alembic_version'").first()
    if owner is not None:
        return bool(owner[0])
    return bool(conn.exec_driver_sql(
        "SELECT has_schema_privilege(current_schema(), 'CREATE')").scalar())


def privileges(table: str) -> list[str]:
    """What the office role may do to `table`."""
    if table in READ_ONLY:
        return ["SELECT"]
    found = ["SELECT", "INSERT"]
    if table in HISTORY:
        return found
    return found + ["UPDATE"] * (table in UPDATED) + ["DELETE"] * (table in DELETED)


def grant_office(conn, role: str) -> dict[str, list[str]]:
    """Make `role` (NOLOGIN when new) the office role of this database, in the caller's
    transaction; idempotent: every earlier grant to it on our tables is taken back first.
    Returns each table's privileges as granted."""
    role = role_name(role)
    _refuse_owner_or_superuser(conn, role)
    ident = sql.Identifier(role)
    run = _runner(conn)
    if not conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).first():
        run(sql.SQL("CREATE ROLE {} NOLOGIN").format(ident))
    schema = sql.Identifier(conn.exec_driver_sql("SELECT current_schema()").scalar())
    database = sql.Identifier(conn.exec_driver_sql("SELECT current_database()").scalar())
    # no DDL for anyone but the owner: nobody else creates in the schema, nor temporary
    # tables or functions that could stand in for ours
    run(sql.SQL("REVOKE CREATE ON SCHEMA {} FROM PUBLIC, {}").format(schema, ident))
    if conn.exec_driver_sql("SELECT pg_has_role(current_user, datdba, 'USAGE') FROM "
                            "pg_database WHERE datname = current_database()").scalar():
        run(sql.SQL("REVOKE TEMPORARY ON DATABASE {} FROM PUBLIC, {}").format(database, ident))
        run(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, ident))
    run(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, ident))
    run(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(schema, ident))
    tables = [name for (name,) in conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")]
    granted = {}
    for table in tables:
        granted[table] = privileges(table)
        run(sql.SQL("GRANT {} ON TABLE {}.{} TO {}").format(
            sql.SQL(", ").join(map(sql.SQL, granted[table])), schema,
            sql.Identifier(table), ident))
    run(sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(
        schema, ident))
    # tables and sequences a later migration (run by this owner) makes are covered too
    run(sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT SELECT, INSERT, UPDATE ON "
                "TABLES TO {}").format(schema, ident))
    run(sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT USAGE, SELECT ON SEQUENCES "
                "TO {}").format(schema, ident))
    return granted


def add_login(conn, name: str, password: str, office: str) -> bool:
    """A server login for one person, a member of the office role `office`; an existing
    one gets the new password. True when it was made new. The password goes to the server
    only as a SCRAM verifier, never as text a server log could keep."""
    name, office = role_name(name, "Nama login"), role_name(office)
    if not password:
        raise InputError("Sandi login tidak boleh kosong; tidak ada yang diubah.")
    if not conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                (office,)).first():
        raise InputError(f"Peran kantor {office} belum ada: jalankan dulu admin grant-office "
                         f"{office}; tidak ada yang diubah.")
    _refuse_owner_or_superuser(conn, name)
    raw = conn.connection.dbapi_connection
    verifier = raw.pgconn.encrypt_password(password.encode(), name.encode(),
                                           b"scram-sha-256").decode()
    run = _runner(conn)
    made = not conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                    (name,)).first()
    verb = "CREATE" if made else "ALTER"
    run(sql.SQL(verb + " ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT "
                "PASSWORD {}").format(sql.Identifier(name), sql.Literal(verifier)))
    run(sql.SQL("GRANT {} TO {}").format(sql.Identifier(office), sql.Identifier(name)))
    return made


def _refuse_owner_or_superuser(conn, role: str) -> None:
    """The owner's own login, or a superuser, never becomes a PC's role."""
    row = conn.exec_driver_sql(
        "SELECT rolsuper OR pg_has_role(rolname, (SELECT tableowner FROM pg_tables WHERE "
        "schemaname = current_schema() AND tablename = 'alembic_version'), 'USAGE') "
        "FROM pg_roles WHERE rolname = %s", (role,)).first()
    if row is not None and row[0]:
        raise InputError(f"{role} adalah pemilik basis data atau superuser; peran kantor dan "
                         "login PC harus peran lain. Tidak ada yang diubah.")


def _runner(conn):
    raw = conn.connection.dbapi_connection

    def run(statement: sql.Composed) -> None:
        conn.exec_driver_sql(statement.as_string(raw))
    return run
