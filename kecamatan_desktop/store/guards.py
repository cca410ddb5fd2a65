"""The database's own code against what the migrations made: every trigger and view (on a
server also every function and rule) compared by its SQL text, whitespace aside, so a guard
replaced by a no-op of the same name, or code added beside the guards, is found.

What the migrations made is read, not trusted from the file checked: on SQLite from a
database migrated to the head in memory (once a process); on a server, where a scratch
schema would need rights the office's role does not have, from the record below of what
migrations 0005, 0007, 0009 and 0013 create (a test migrates a fresh server database and compares).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kecamatan_desktop.store.server import APPEND_ONLY

# kind of object -> name -> (its table, or "", and its normalised SQL)
Objects = dict[tuple[str, str], tuple[str, str]]


@dataclass(frozen=True)
class Finding:
    change: str  # "changed", "extra" or "missing"
    kind: str  # "trigger", "view", "function" or "rule"
    name: str
    table: str = ""


def normalized(sql: str | None) -> str:
    return " ".join((sql or "").split()).rstrip(";").strip()


def sqlite_objects(conn) -> Objects:
    """Every trigger and view of a SQLite database, with its SQL as stored."""
    return {(kind, name): (table if kind == "trigger" else "", normalized(sql))
            for kind, name, table, sql in conn.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master "
                "WHERE type IN ('trigger', 'view')")}


@lru_cache(maxsize=1)
def migrated_sqlite() -> Objects:
    """The triggers and views our migrations make on a new SQLite database."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from kecamatan_desktop.store.migrate import upgrade

    engine = create_engine("sqlite://", poolclass=StaticPool)  # one in-memory database
    try:
        upgrade(engine)
        with engine.connect() as conn:
            return sqlite_objects(conn)
    finally:
        engine.dispose()


_SERVER_QUERIES = {
    # functions of our schema, but not those an extension installed there (::text: a CASE
    # with a name in it is a name, 63 bytes)
    "function": """SELECT p.proname, '', CASE WHEN p.prokind IN ('f', 'p')
                   THEN pg_get_functiondef(p.oid) ELSE p.proname::text END
                   FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid =
                   'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')""",
    "trigger": """SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid) FROM pg_trigger t
                  JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal
                  AND c.relnamespace = current_schema()::regnamespace""",
    "view": """SELECT viewname, '', definition FROM pg_views
               WHERE schemaname = current_schema()""",
    "rule": """SELECT rulename, tablename, definition FROM pg_rules
               WHERE schemaname = current_schema()""",
}


def server_objects(conn) -> Objects:
    """Every function, trigger, view and rule of the database's schema on a server, their
    SQL as the server writes it back, without the schema's name before ours."""
    schema = conn.exec_driver_sql("SELECT current_schema()").scalar()
    out: Objects = {}
    for kind, query in _SERVER_QUERIES.items():
        for name, table, sql in conn.exec_driver_sql(query):
            out[kind, name] = (table, normalized(sql).replace(f"{schema}.", ""))
    return out


def server_record() -> Objects:
    """What the migrations make on a server, as the server writes it back: each history
    table's function refusing UPDATE, DELETE and TRUNCATE, and its two triggers; the signing
    keys' guard (0013)."""
    out: Objects = _key_guard()
    for t in APPEND_ONLY:
        out["function", f"{t}_append_only"] = ("", normalized(
            f"CREATE OR REPLACE FUNCTION {t}_append_only() RETURNS trigger "
            f"LANGUAGE plpgsql AS $function$ BEGIN RAISE EXCEPTION '{t} is append-only: "
            f"% refused', TG_OP; END; $function$"))
        out["trigger", f"{t}_append_only"] = (t, normalized(
            f"CREATE TRIGGER {t}_append_only BEFORE DELETE OR UPDATE ON {t} FOR EACH ROW "
            f"EXECUTE FUNCTION {t}_append_only()"))
        out["trigger", f"{t}_no_truncate"] = (t, normalized(
            f"CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {t}_append_only()"))
    return out


def _key_guard() -> Objects:
    k = "account_key"
    return {
        ("function", f"{k}_guard"): ("", normalized(
            f"CREATE OR REPLACE FUNCTION {k}_guard() RETURNS trigger LANGUAGE plpgsql AS "
            f"$function$ BEGIN IF TG_OP <> 'UPDATE' THEN RAISE EXCEPTION '{k} keeps its "
            "keys: % refused', TG_OP; END IF; IF NEW.id IS DISTINCT FROM OLD.id OR "
            "NEW.account_id IS DISTINCT FROM OLD.account_id OR NEW.public_key IS DISTINCT "
            "FROM OLD.public_key OR NEW.valid_from IS DISTINCT FROM OLD.valid_from OR "
            f"OLD.valid_to IS NOT NULL THEN RAISE EXCEPTION '{k} keeps its keys: % refused', "
            "TG_OP; END IF; RETURN NEW; END; $function$")),
        ("trigger", f"{k}_guard"): (k, normalized(
            f"CREATE TRIGGER {k}_guard BEFORE DELETE OR UPDATE ON {k} FOR EACH ROW "
            f"EXECUTE FUNCTION {k}_guard()")),
        ("trigger", f"{k}_no_truncate"): (k, normalized(
            f"CREATE TRIGGER {k}_no_truncate BEFORE TRUNCATE ON {k} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {k}_guard()")),
    }


def schema_findings(conn) -> list[Finding]:
    """Each trigger, view, function or rule that differs from what the migrations made, is
    not one of theirs, or is missing; in a stable order."""
    if conn.dialect.name == "sqlite":
        have, want = sqlite_objects(conn), migrated_sqlite()
    else:
        have, want = server_objects(conn), server_record()
    out = []
    for (kind, name), (table, sql) in sorted(have.items()):
        expected = want.get((kind, name))
        if expected is None:
            out.append(Finding("extra", kind, name, table))
        elif expected != (table, sql):
            out.append(Finding("changed", kind, name, table))
    out += [Finding("missing", kind, name, table)
            for (kind, name), (table, _sql) in sorted(want.items()) if (kind, name) not in have]
    return out
