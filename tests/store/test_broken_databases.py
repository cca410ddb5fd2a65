"""A database that cannot be used is refused with its Problem, untouched, and never replaced
by a new empty one; read-only opening still reads it."""

from __future__ import annotations

import sqlite3
import stat
import sys

import pytest

from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store import backup, diagnose
from kecamatan_desktop.store.database import StoreError, default_db_path, open_database
from kecamatan_desktop.store.diagnose import DatabaseUnusable, Problem
from kecamatan_desktop.store.migrate import MIGRATIONS_DIR, SCHEMA_HEAD
from tests.conftest import use_data_folder

pytestmark = pytest.mark.sqlite_only  # damaged, missing, read-only and locked files


def refused(path, problem: Problem, match: str = "") -> DatabaseUnusable:
    with pytest.raises(DatabaseUnusable, match=match) as caught:
        open_catalogue(path)
    assert caught.value.problem is problem
    assert caught.value.path == path
    return caught.value


@pytest.fixture
def filled(db_path):
    open_catalogue(db_path).close()
    return db_path


def snapshot(folder) -> dict:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_mistyped_folder_is_refused_and_not_created(tmp_path):
    path = tmp_path / "Dokumen Kantor" / "kecamatan.db"
    refused(path, Problem.FOLDER_MISSING, "Folder .*Dokumen Kantor tidak ada")
    assert not path.parent.exists()


def test_only_the_default_data_folder_is_created(monkeypatch, tmp_path):
    # a data folder of its own: the session's may hold the log of a server database's test
    use_data_folder(monkeypatch, tmp_path / "xdg-data")
    path = default_db_path()
    assert not path.parent.exists()
    db = open_catalogue(path)
    db.close()
    assert db.created and path.is_file()


def test_a_new_file_named_in_an_existing_folder_is_made(tmp_path):
    path = tmp_path / "kecamatan-uji.db"
    db = open_catalogue(path)
    with db.session() as session:
        assert len(catalogue.list_sops(session=session)) == 21
    db.close()


def test_a_database_that_disappeared_is_not_replaced_by_an_empty_one(filled):
    backup.daily_backup(filled)
    filled.unlink()
    refused(filled, Problem.MISSING, "tidak ada, padahal ada cadangannya")
    assert not filled.exists()


def test_a_database_emptied_to_zero_bytes_is_refused(filled):
    backup.daily_backup(filled)
    filled.write_bytes(b"")
    refused(filled, Problem.CORRUPT, "kosong")
    assert filled.read_bytes() == b""


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "surat.db"
    path.write_bytes(b"Surat undangan rapat koordinasi\n" * 100)
    before = snapshot(tmp_path)
    refused(path, Problem.NOT_DATABASE, "bukan basis data Kecamatan Desktop")
    assert snapshot(tmp_path) == before


def test_a_folder_named_as_the_database_is_refused(tmp_path):
    refused(tmp_path, Problem.NOT_DATABASE, "adalah folder")


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "lain.db"
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE anggaran (tahun INTEGER, jumlah INTEGER);"
                      "INSERT INTO anggaran VALUES (2026, 1000);")
    con.close()
    before = path.read_bytes()
    refused(path, Problem.NOT_DATABASE, "bukan basis data Kecamatan Desktop")
    assert path.read_bytes() == before


def test_a_truncated_database_is_refused_untouched(filled):
    data = filled.read_bytes()
    assert len(data) > 40_000
    filled.write_bytes(data[: len(data) // 2])
    before = filled.read_bytes()
    error = refused(filled, Problem.CORRUPT, "terpotong")
    assert f"{len(before)} bita dari {len(data)} bita" in str(error)
    assert filled.read_bytes() == before


def test_a_read_only_file_is_refused_and_opens_to_read(filled):
    filled.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        refused(filled, Problem.READ_ONLY, "hanya dapat dibaca")
        db = open_catalogue(filled, read_only=True)
        with db.session() as session:
            assert len(catalogue.list_sops(session=session)) == 21
        with pytest.raises(StoreError, match="hanya untuk dibaca dan dicetak"), db.guard(), \
                db.session() as session:
            catalogue.archive_sop("poncokusumo-2018-renja", session=session)
        db.close()
    finally:
        filled.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.skipif(sys.platform == "win32",
                    reason="a Windows folder has no read-only bit that chmod could set")
def test_a_read_only_folder_is_refused_and_opens_to_read(filled):
    folder = filled.parent
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        refused(filled, Problem.READ_ONLY, "hanya dapat dibaca")
        db = open_catalogue(filled, read_only=True)
        with db.session() as session:
            assert len(catalogue.list_sops(session=session)) == 21
        db.close()
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_database_locked_by_another_program_says_so(filled, monkeypatch):
    monkeypatch.setattr(diagnose, "LOCK_WAIT_SECONDS", 0.2)
    holder = sqlite3.connect(filled, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")  # as a program that keeps the file to itself
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE office SET phone = 'dipegang'")
    try:
        refused(filled, Problem.LOCKED, "sedang dikunci oleh program lain")
    finally:
        holder.rollback()
        holder.close()
    open_catalogue(filled).close()  # free again: opens as usual


def test_a_database_from_a_newer_version_is_refused_untouched(filled):
    con = sqlite3.connect(filled)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    before = filled.read_bytes()
    refused(filled, Problem.NEWER_VERSION, "versi Kecamatan Desktop yang lebih baru .skema 0099")
    assert filled.read_bytes() == before
    db = open_database(filled, read_only=True)  # to print what it holds
    with db.session() as session:
        assert len(catalogue.list_sops(session=session)) == 21
    db.close()
    assert filled.read_bytes() == before


def test_known_revisions_are_the_migration_scripts():
    scripts = (MIGRATIONS_DIR / "versions").glob("[0-9]*.py")
    assert diagnose.known_revisions() == {p.name.split("_")[0] for p in scripts}
    assert SCHEMA_HEAD in diagnose.known_revisions()
