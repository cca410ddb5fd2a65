"""Backups: once a day at start, the last 14 kept, one before every migration and restore;
restore refuses what is not one of our databases and puts a checked copy in place."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import create_engine

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.interchange import sop_from_dict
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store import backup
from kecamatan_desktop.store.database import StoreError, open_database
from kecamatan_desktop.store.migrate import SCHEMA_HEAD, alembic_config
from tests.conftest import seed_dict

pytestmark = pytest.mark.sqlite_only  # backups are copies of the SQLite file

DAY = datetime(2026, 1, 5, 8, 15)


def sop_ids(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return sorted(row[0] for row in con.execute("SELECT slug FROM sop"))
    finally:
        con.close()


def revision_of(path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def add_sop(db, sop_id: str) -> None:
    data = seed_dict()
    data["id"] = sop_id
    with db.session() as session:
        catalogue.import_sops([sop_from_dict(data)], session=session)


def schema_at(path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()


def test_daily_backup_once_a_day_beside_the_database(db_path):
    open_catalogue(db_path).close()
    assert backup.list_backups(db_path) == []  # a database made just now needs none
    made = backup.daily_backup(db_path, now=DAY)
    assert made.path.parent == db_path.parent / "backups"
    assert made.path.name == "kecamatan-20260105-081500-harian.db"
    assert backup.daily_backup(db_path, now=DAY + timedelta(hours=5)) is None
    assert backup.daily_backup(db_path, now=DAY + timedelta(days=1)) is not None
    copy = made.path
    assert sop_ids(copy) == sop_ids(db_path) and len(sop_ids(copy)) == 21
    # one self-contained file: not in WAL mode, nothing beside it
    assert copy.read_bytes()[18:20] == b"\x01\x01"
    assert not copy.with_name(copy.name + "-wal").exists()
    assert [b.kind for b in backup.list_backups(db_path)] == ["harian", "harian"]


def test_opening_the_catalogue_makes_the_days_backup(db_path):
    open_catalogue(db_path).close()
    open_catalogue(db_path).close()
    open_catalogue(db_path).close()
    today = [b for b in backup.list_backups(db_path) if b.made_at.date() == datetime.now().date()]
    assert [b.kind for b in today] == ["harian"]


def test_the_last_14_daily_backups_are_kept_and_hand_made_ones_never_removed(db_path):
    open_catalogue(db_path).close()
    manual = backup.make_backup(db_path, backup.MANUAL, now=DAY - timedelta(days=100))
    for day in range(20):
        backup.daily_backup(db_path, now=DAY + timedelta(days=day))
    daily = [b for b in backup.list_backups(db_path) if b.kind == backup.DAILY]
    assert len(daily) == 14
    assert daily[0].made_at == DAY + timedelta(days=19)  # newest first
    assert daily[-1].made_at == DAY + timedelta(days=6)
    assert manual.path.exists()


def test_backups_of_another_database_in_the_folder_are_not_counted(tmp_path):
    first, second = tmp_path / "kecamatan.db", tmp_path / "kecamatan-uji.db"
    open_catalogue(first).close()
    open_catalogue(second).close()
    backup.daily_backup(second, now=DAY)
    assert backup.list_backups(first) == []
    assert len(backup.list_backups(second)) == 1


def test_two_backups_in_one_second_get_two_names(db_path):
    open_catalogue(db_path).close()
    a = backup.make_backup(db_path, backup.BEFORE_RESTORE, now=DAY)
    b = backup.make_backup(db_path, backup.BEFORE_RESTORE, now=DAY)
    assert a.path != b.path and a.path.exists() and b.path.exists()
    assert [x.path for x in backup.list_backups(db_path)] == [b.path, a.path]


def test_a_damaged_database_never_becomes_a_backup(db_path):
    open_catalogue(db_path).close()
    good = backup.daily_backup(db_path, now=DAY)
    data = bytearray(db_path.read_bytes())
    page = 4096
    for p in range(3, len(data) // page):  # every b-tree page but the schema: type byte 0xFF
        data[p * page] = 0xFF
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="Cadangan basis data .* tidak dapat dibuat"):
        backup.daily_backup(db_path, now=DAY + timedelta(days=1))
    assert [b.path for b in backup.list_backups(db_path)] == [good.path]
    assert not list((db_path.parent / "backups").glob("*.part"))


def test_a_migration_is_preceded_by_a_backup_of_the_old_schema(db_path):
    schema_at(db_path, "0004")
    before = db_path.read_bytes()
    db = open_database(db_path)
    db.close()
    made = backup.list_backups(db_path)
    assert [b.kind for b in made] == [backup.BEFORE_MIGRATION]
    assert revision_of(made[0].path) == "0004" and revision_of(db_path) == SCHEMA_HEAD
    assert len(made[0].path.read_bytes()) >= len(before) - 4096  # the whole old file
    open_database(db_path).close()  # current now: no further backup
    assert len(backup.list_backups(db_path)) == 1


def test_a_new_database_gets_no_migration_backup(db_path):
    open_database(db_path).close()
    assert backup.list_backups(db_path) == []


def test_restore_puts_the_backup_back_and_keeps_what_was_there(db_path):
    db = open_catalogue(db_path)
    saved = backup.make_backup(db_path, backup.MANUAL)
    add_sop(db, "uji-sesudah-cadangan")
    db.close()
    assert "uji-sesudah-cadangan" in sop_ids(db_path)
    restored = backup.restore(db_path, saved.path)
    assert "uji-sesudah-cadangan" not in sop_ids(db_path) and len(sop_ids(db_path)) == 21
    assert restored.revision == SCHEMA_HEAD
    assert restored.previous.kind == backup.BEFORE_RESTORE
    assert "uji-sesudah-cadangan" in sop_ids(restored.previous.path)
    assert not list(db_path.parent.glob(".*"))  # the staged copy is gone
    with open_catalogue(db_path).session() as session:  # opens and reads as usual
        assert len(catalogue.list_sops(session=session)) == 21


def test_restore_over_a_broken_file_keeps_it_byte_for_byte(db_path, tmp_path):
    open_catalogue(db_path).close()
    saved = backup.make_backup(db_path, backup.MANUAL)
    garbage = b"ini sudah bukan basis data" * 500
    db_path.write_bytes(garbage)
    restored = backup.restore(db_path, saved.path)
    assert restored.previous.path.read_bytes() == garbage
    assert len(sop_ids(db_path)) == 21


def test_restore_of_an_older_schema_is_migrated_when_opened(db_path, tmp_path):
    old = tmp_path / "lama.db"
    schema_at(old, "0004")
    open_catalogue(db_path).close()
    assert backup.restore(db_path, old).revision == "0004"
    open_database(db_path).close()
    assert revision_of(db_path) == SCHEMA_HEAD
    kinds = [b.kind for b in backup.list_backups(db_path)]
    assert sorted(kinds) == [backup.BEFORE_MIGRATION, backup.BEFORE_RESTORE]


@pytest.mark.parametrize("make, reason", [
    (lambda p: p.write_bytes(b"catatan rapat, bukan basis data\n" * 40), "bukan SQLite"),
    (lambda p: sqlite3.connect(p).executescript("CREATE TABLE belanja (x); INSERT INTO belanja "
                                                "VALUES (1);"), "tidak ada tabel"),
    (lambda p: (schema_at(p, SCHEMA_HEAD), sqlite3.connect(p).executescript(
        "UPDATE alembic_version SET version_num = '0099'; ")), "skema 0099"),
])
def test_restore_refuses_what_is_not_one_of_our_databases(db_path, tmp_path, make, reason):
    open_catalogue(db_path).close()
    candidate = tmp_path / "calon.db"
    make(candidate)
    before = db_path.read_bytes()
    with pytest.raises(InputError, match=reason):
        backup.restore(db_path, candidate)
    assert db_path.read_bytes() == before
    assert backup.list_backups(db_path) == []  # refused before anything was touched


def test_restore_refuses_a_damaged_backup_after_integrity_check(db_path, tmp_path):
    open_catalogue(db_path).close()
    damaged = backup.make_backup(db_path, backup.MANUAL).path
    data = bytearray(damaged.read_bytes())
    for p in range(3, len(data) // 4096):
        data[p * 4096] = 0xFF
    damaged.write_bytes(bytes(data))
    before = db_path.read_bytes()
    with pytest.raises(InputError, match="rusak"):
        backup.restore(db_path, damaged)
    assert db_path.read_bytes() == before
