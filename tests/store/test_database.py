"""The SQLite file: migrations match the models, pragmas on, bad files refused untouched."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from kecamatan_desktop.store.database import StoreError, open_database, resolve_db_path
from kecamatan_desktop.store.diagnose import DatabaseUnusable, Problem
from kecamatan_desktop.store.migrate import SCHEMA_HEAD, head_revision
from kecamatan_desktop.store.models import SQLModel


def test_migrations_create_exactly_the_models(db_path):
    db = open_database(db_path)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, SQLModel.metadata) == []
    db.close()


def test_schema_head_constant_matches_the_newest_migration():
    assert head_revision() == SCHEMA_HEAD


@pytest.mark.sqlite_only
def test_foreign_keys_and_wal_are_on(db_path):
    db = open_database(db_path)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    db.close()


@pytest.mark.sqlite_only
def test_a_file_in_a_network_folder_keeps_the_rollback_journal(db_path):
    open_database(db_path).close()  # made on this PC: WAL
    # the same file reached as a network path (here: every path is taken to be one)
    db = open_database(db_path, on_network=lambda path: True)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "delete"
    db.close()
    assert not db_path.with_name(db_path.name + "-wal").exists()
    con = sqlite3.connect(db_path)  # the file itself says so to every PC that opens it
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


@pytest.mark.sqlite_only
def test_reopening_does_not_recreate(db_path):
    assert open_database(db_path).created is True
    assert open_database(db_path).created is False


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "catatan.db"
    path.write_bytes(b"ini bukan basis data, hanya catatan penting\n" * 10)
    before = path.read_bytes()
    with pytest.raises(DatabaseUnusable, match="bukan basis data Kecamatan Desktop") as caught:
        open_database(path)
    assert caught.value.problem is Problem.NOT_DATABASE
    assert path.read_bytes() == before


@pytest.mark.sqlite_only
def test_a_truncated_database_is_refused(tmp_path, db_path):
    open_database(db_path).close()
    broken = tmp_path / "rusak.db"
    data = db_path.read_bytes()
    broken.write_bytes(data[:100] + b"\x00" * 50 + b"garbage" * 400)
    with pytest.raises(DatabaseUnusable, match="terpotong|rusak") as caught:
        open_database(broken)
    assert caught.value.problem is Problem.CORRUPT


@pytest.mark.sqlite_only
def test_a_locked_database_says_so(catalogue_db):
    holder = sqlite3.connect(catalogue_db.path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with (pytest.raises(StoreError, match="sedang dikunci"), catalogue_db.guard(),
              catalogue_db.engine.begin() as conn):
            conn.execute(text("UPDATE office SET phone = 'x'"))
    finally:
        holder.rollback()
        holder.close()


def test_db_path_order(monkeypatch, tmp_path):
    monkeypatch.setenv("KECAMATAN_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(tmp_path / "cli.db") == tmp_path / "cli.db"
    assert resolve_db_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("KECAMATAN_DB")
    assert resolve_db_path(None).parts[-2:] == ("KecamatanDesktop", "kecamatan.db")


@pytest.mark.parametrize("raw, expected", [
    ("UNIQUE constraint failed: round_event.round_id, round_event.seq", "baru saja ditulis"),
    ("FOREIGN KEY constraint failed", "masih dipakai"),
    ("round_event is append-only: DELETE refused", "hanya boleh ditambah"),
    ("no such column: foo", "menolak perubahan ini"),
])
def test_sql_errors_are_told_in_indonesian_without_the_raw_text(tmp_path, raw, expected):
    from kecamatan_desktop.store.database import describe

    text = describe(sqlite3.IntegrityError(raw), tmp_path / "k.db")
    assert expected in text and raw not in text and "constraint" not in text
