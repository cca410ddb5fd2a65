"""A database at schema 0006 migrates to 0008 with each office's own words filled: the two
seed offices as their books write themselves, any other as it printed before."""

from __future__ import annotations

import sqlite3

from kecamatan_desktop.services import printing
from kecamatan_desktop.services.catalogue import get_sop
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.migrate import SCHEMA_HEAD
from tests.store.test_backup import schema_at


def _database_at_0006(path) -> None:
    schema_at(path, "0006")
    raw = sqlite3.connect(path)
    raw.executescript("""
        INSERT INTO office (id, position, name, government, time_zone) VALUES
            (1, 0, 'Kecamatan Poncokusumo', 'Pemerintah Kabupaten Malang', 'WIB'),
            (2, 1, 'Kecamatan Ngantang', 'Pemerintah Kabupaten Malang', 'WIB'),
            (3, 2, 'Kecamatan Tumpang', 'Pemerintah Kabupaten Malang', 'WIB');
        INSERT INTO sop (id, slug, office_id, position, revision) VALUES
            (1, 'poncokusumo-2018-renstra', 1, 0, 1), (2, 'uji-tumpang', 3, 0, 1);
        INSERT INTO sop_revision (id, sop_id, revision, saved_at, is_draft, office_government,
            office_name, office_address, number, name, created, effective, approver_title,
            approver_name, approver_rank, approver_nip, legal_basis, qualifications, related,
            equipment, warnings, records) VALUES
            (1, 1, 1, '2026-11-01 00:00:00.000000', 0, 'Pemerintah Kabupaten Malang',
             'Kecamatan Poncokusumo', '', '1', 'Penyusunan Renstra', '2018-01-04',
             '2018-01-11', 'Camat', 'X', '', '', '[]', '[]', '[]', '[]', '[]', '[]'),
            (2, 2, 1, '2026-11-01 00:00:00.000000', 0, 'Pemerintah Kabupaten Malang',
             'Kecamatan Tumpang', '', '1', 'Uji', '2026-02-03', '2026-02-03', 'Camat', 'X',
             '', '', '[]', '[]', '[]', '[]', '[]', '[]');
    """)
    raw.commit()
    raw.close()


def test_0006_database_gets_the_office_texts(tmp_path):
    path = tmp_path / "lama.db"
    _database_at_0006(path)
    db = open_catalogue(path)
    try:
        with db.session() as session:
            version = session.connection().exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar()
            assert version == SCHEMA_HEAD
            ponco = printing.office_profile("Kecamatan Poncokusumo", session=session)
            ngantang = printing.office_profile("Kecamatan Ngantang", session=session)
            tumpang = printing.office_profile("Kecamatan Tumpang", session=session)
            renstra = get_sop("poncokusumo-2018-renstra", session=session)
            other = get_sop("uji-tumpang", session=session)
    finally:
        db.close()
    assert ponco.sheet_name == "Kantor Kecamatan Poncokusumo"
    assert ponco.cover_heading == ("STANDART OPERATING PROCEDURE", "(SOP)")
    assert ponco.tanggal(renstra.sop.created) == "04 Januari 2018"
    assert renstra.cover_title == "PENYUSUNAN RENCANA STRATEGIS (RENSTRA)"
    assert ngantang.sheet_name == "Kecamatan Ngantang" and ngantang.cover_heading == ()
    assert ngantang.tanggal(other.sop.created) == "3 Pebruari 2026"
    # an office the seed does not know prints as before
    assert tumpang.sheet_name is None
    assert tumpang.cover_heading == ("STANDART OPERATING PROCEDURE", "(SOP)")
    assert tumpang.tanggal(other.sop.created) == "03 Februari 2026"
    assert other.cover_title is None
