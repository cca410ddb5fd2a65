"""A database at schema 0009 migrates to 0010 (revision notes) with every revision kept,
none of them with a note; a revision saved afterwards keeps its own."""

from __future__ import annotations

import sqlite3

from kecamatan_desktop.services import editing
from kecamatan_desktop.services.catalogue import get_sop
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.migrate import SCHEMA_HEAD
from tests.store.test_backup import schema_at
from tests.store.test_migration_decree import _database_at_0008


def test_0009_database_keeps_its_revisions_and_gains_notes(tmp_path):
    path = tmp_path / "lama.db"
    _database_at_0008(path)
    schema_at(path, "0009")
    db = open_catalogue(path)
    try:
        with db.session() as session:
            version = session.connection().exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar()
            assert version == SCHEMA_HEAD
            assert [r.note for r in editing.list_revisions("uji-tumpang", session=session)] == [
                None]
            sop = get_sop("uji-tumpang", session=session).sop
            assert sop.name == "Uji"
    finally:
        db.close()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT count(*) FROM sop_revision WHERE note IS NULL").fetchone() == (
            2,)
    finally:
        raw.close()
