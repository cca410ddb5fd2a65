"""A database at schema 0008 migrates to 0009 (decree versions) with every row kept; the new
table starts empty and refuses UPDATE and DELETE like the other histories."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from kecamatan_desktop.services import decrees, printing
from kecamatan_desktop.services.catalogue import get_sop
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.migrate import SCHEMA_HEAD
from tests.store.test_backup import schema_at
from tests.store.test_migration_office_texts import _database_at_0006


def _database_at_0008(path) -> None:
    _database_at_0006(path)
    schema_at(path, "0008")
    raw = sqlite3.connect(path)
    raw.execute("UPDATE office SET camat_name = 'Drs. TUMPANG', camat_nip = "
                "'19700101 199001 1 001', city = 'Tumpang' WHERE id = 3")
    raw.commit()
    raw.close()


def test_0008_database_keeps_its_rows_and_gains_decree_versions(tmp_path):
    path = tmp_path / "lama.db"
    _database_at_0008(path)
    db = open_catalogue(path)
    try:
        with db.session() as session:
            version = session.connection().exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar()
            assert version == SCHEMA_HEAD
            assert printing.office_profile("Kecamatan Poncokusumo",
                                           session=session).sheet_name == (
                "Kantor Kecamatan Poncokusumo")
            assert get_sop("uji-tumpang", session=session).sop.name == "Uji"
            assert decrees.decree_versions("Kecamatan Tumpang", session=session) == []
            tumpang = decrees.current_decree("Kecamatan Tumpang", session=session)
            assert tumpang.source == decrees.TEMPLATE and tumpang.catalogue == ("Uji",)
            assert tumpang.decree.place == "Tumpang"
            assert tumpang.decree.signatory.name == "Drs. TUMPANG"
            saved = decrees.save_decree("Kecamatan Tumpang",
                                        replace(tumpang.decree, number="180/1/KEP/2026"),
                                        expected_version=0, session=session)
            assert saved.version == 1
    finally:
        db.close()
    raw = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("DELETE FROM decree_version")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("UPDATE decree_version SET version = 7")
        assert raw.execute("SELECT count(*) FROM office").fetchone() == (3,)
        assert raw.execute("SELECT count(*) FROM sop_revision").fetchone() == (2,)
    finally:
        raw.close()
