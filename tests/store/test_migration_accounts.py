"""A database at schema 0012 migrates to 0013: the account, key and signature tables come
empty (so its records read as signed before accounts), and the new history guards hold."""

from __future__ import annotations

import sqlite3

import pytest

from kecamatan_desktop.services import accounts, identity
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.migrate import SCHEMA_HEAD
from tests.services.test_rounds import add_staff, start
from tests.store.test_migration_real_books import _schema_back_to


def test_0012_database_gains_accounts_and_guards_at_0013(tmp_path):
    path = tmp_path / "lama.db"
    db = open_catalogue(path)
    try:
        with db.session() as session:
            add_staff(session)
            start(session)
    finally:
        db.close()
    _schema_back_to(path, "0012")
    raw = sqlite3.connect(path)
    try:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert not tables & {"account", "account_key", "record_signature"}
    finally:
        raw.close()
    db = open_catalogue(path)  # migrates to the head
    try:
        with db.session() as session:
            accounts.add_user("19800101 200501 2 001", "admin", "rahasia1", session=session)
            identity.set_current(accounts.sign_in("19800101 200501 2 001", "rahasia1",
                                                  session=session))
    finally:
        db.close()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
            SCHEMA_HEAD,)
        assert raw.execute("SELECT count(*) FROM round_event").fetchone() == (1,)
        assert raw.execute("SELECT count(*) FROM record_signature").fetchone() == (0,)
        raw.execute("INSERT INTO record_signature (subject, subject_id, key_id, signature) "
                    "VALUES ('round_event', 1, 1, 'ab')")
        for sql in ("UPDATE record_signature SET signature = 'cd'",
                    "DELETE FROM record_signature", "DELETE FROM account_key",
                    "UPDATE account_key SET public_key = 'ff'",
                    "UPDATE account_key SET valid_from = '2020-01-01 00:00:00'"):
            with pytest.raises(sqlite3.IntegrityError, match="refused"):
                raw.execute(sql)
        raw.execute("UPDATE account_key SET valid_to = '2030-01-01 00:00:00'")  # retired
        with pytest.raises(sqlite3.IntegrityError, match="UPDATE refused"):
            raw.execute("UPDATE account_key SET sealed_key = '00'")  # and fixed for good
    finally:
        raw.close()
