"""The schema on a PostgreSQL server: the same migrations, history append-only in the
database itself (TRUNCATE too), `check` finding what a server lets through, and two PCs
starting at once migrating once."""

from __future__ import annotations

import threading

import psycopg
import pytest

from kecamatan_desktop.services import integrity
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.database import open_database
from kecamatan_desktop.store.migrate import SCHEMA_HEAD


def raw(db) -> psycopg.Connection:
    return psycopg.connect(db.path.url.replace("postgresql+psycopg", "postgresql"))


ROWS = {
    "calendar_change": "INSERT INTO calendar_change (changed_at, changed_by, what) "
                       "VALUES (now(), 'admin', 'jam kerja')",
    "check_dismissal": "INSERT INTO check_dismissal (sop_slug, rule, place, reason, "
                       "dismissed_by, dismissed_at) VALUES ('x', 'r', 'p', 'alasan', 'a', now())",
    "decree_version": "INSERT INTO decree_version (office_id, version, decree, saved_at) "
                      "VALUES ((SELECT min(id) FROM office), 1, '{}', now())",
}


@pytest.mark.parametrize("table", ["round_event", "calendar_change", "check_dismissal",
                                   "decree_version"])
@pytest.mark.parametrize("statement", ["UPDATE {t} SET id = id", "DELETE FROM {t}",
                                       "TRUNCATE {t}", "TRUNCATE {t} CASCADE"])
def test_history_tables_refuse_every_change_but_insert(server_db, table, statement):
    with raw(server_db) as conn:
        if table in ROWS:
            conn.execute(ROWS[table])
            conn.commit()
        with pytest.raises(psycopg.errors.RaiseException, match=f"{table} is append-only"):
            conn.execute(statement.format(t=table))
        conn.rollback()
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 1


def test_truncating_the_rounds_is_refused_for_their_history(server_db):
    with raw(server_db) as conn, pytest.raises(psycopg.errors.RaiseException,
                                               match="round_event is append-only"):
        conn.execute("TRUNCATE round CASCADE")


def test_check_is_ok_on_a_server_and_finds_a_disabled_guard(server_db):
    with server_db.session() as s:
        assert integrity.check_database(session=s) == []
    with raw(server_db) as conn:
        conn.execute("ALTER TABLE round_event DISABLE TRIGGER round_event_append_only")
        conn.execute("UPDATE round_event SET output = 'diganti' WHERE seq = 1")
    with server_db.session() as s:
        texts = [p.text for p in integrity.check_database(session=s)]
    assert any("round_event_append_only" in t and "dimatikan" in t for t in texts)
    assert any("kejadian #1" in t and "diubah di luar program" in t for t in texts)


def test_check_finds_rows_naming_no_parent_and_keys_not_validated(server_db):
    with raw(server_db) as conn:
        conn.execute("SET session_replication_role = replica")  # keys off, as a bad restore
        conn.execute("INSERT INTO round_lane (round_id, lane) VALUES (9999, 'Tim Hantu')")
        conn.execute("ALTER TABLE step DROP CONSTRAINT step_lane_id_fkey")
        conn.execute("ALTER TABLE step ADD CONSTRAINT step_lane_id_fkey FOREIGN KEY (lane_id) "
                     "REFERENCES lane (id) NOT VALID")
    with server_db.session() as s:
        texts = [p.text for p in integrity.check_database(session=s)]
    assert any("tabel round_lane menunjuk ke round yang tidak ada" in t for t in texts)
    assert any("Kunci step_lane_id_fkey tabel step" in t for t in texts)


def test_two_pcs_starting_at_once_migrate_and_seed_once(pg_server):
    """Three PCs open an empty server database at once: one makes the schema and says so,
    the catalogue is seeded once, the others find it ready."""
    where = pg_server.fresh_database(migrated=False)
    results, barrier = [], threading.Barrier(3)

    def open_one():
        barrier.wait()
        try:
            db = open_catalogue(where)
            results.append(db.created)
            db.close()
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert sorted(results, key=str) == [False, False, True], results
        db = open_database(where)
        with raw(db) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
                (SCHEMA_HEAD,)]
            assert conn.execute("SELECT count(*) FROM office").fetchone() == (2,)
            assert conn.execute("SELECT count(*) FROM sop").fetchone() == (21,)
        db.close()
    finally:
        pg_server.drop(where)


def test_a_write_begun_after_changes_takes_the_write_lock_before_flushing(server_db):
    """transaction() entered with changes already made (so not at BEGIN, as SQLite must) still
    holds every PC's write lock on a server, before anything is written."""
    from datetime import UTC, datetime

    from kecamatan_desktop.store import server
    from kecamatan_desktop.store.database import transaction
    from kecamatan_desktop.store.models import CheckDismissalRow

    def lock_free() -> bool:
        with raw(server_db) as other:
            return other.execute("SELECT pg_try_advisory_xact_lock(%s)",
                                 (server.WRITE_LOCK,)).fetchone()[0]

    with server_db.session() as session:
        session.add(CheckDismissalRow(sop_slug="x", rule="r", place="p", reason="alasan",
                                      dismissed_by="a", dismissed_at=datetime.now(UTC)))
        assert lock_free()
        with transaction(session):
            assert not lock_free()
            assert session.new  # not flushed yet
        assert lock_free()
