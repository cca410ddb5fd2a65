"""A database filled at the previous schema (0004) migrates to the records schema with every
row kept: officers matched by name, the log chained, history no longer deletable."""

from __future__ import annotations

import sqlite3

import pytest

from kecamatan_desktop.services import integrity, rounds
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.migrate import SCHEMA_HEAD
from tests.store.test_backup import schema_at

pytestmark = pytest.mark.sqlite_only  # old-schema databases are built as SQLite files

OLD_EVENTS = [  # a Renja round at step 2, as the 0004 program wrote it (UTC, naive)
    (1, "started", "2026-11-23 01:00:00.000000", 1, "Drs. SUKARLIN, M.Si.", None, ""),
    (2, "step_completed", "2026-11-23 02:00:00.000000", 1, "Drs. SUKARLIN, M.Si.", None,
     "disposisi"),
    (3, "handed_off", "2026-11-23 02:00:00.000000", 2, "Siti Aminah", None, ""),
]


def _old_database(path, revision: str = "0004") -> None:
    """An earlier schema from the migrations themselves, then rows as that program wrote
    them (only the columns that schema has; rounds only from 0003 on)."""
    schema_at(path, revision)
    raw = sqlite3.connect(path)
    script = SEED_SQL if revision >= "0003" else SEED_SQL.split("-- rounds")[0]
    if revision < "0002":
        script = script.replace("saved_at, is_draft,", "saved_at,").replace(
            "'2026-11-01 00:00:00.000000', 0,", "'2026-11-01 00:00:00.000000',")
    raw.executescript(script)
    if revision < "0003":
        raw.commit()
        raw.close()
        return
    _old_events(raw)


SEED_SQL = """
        INSERT INTO office (id, position, name, government) VALUES
            (1, 0, 'Kecamatan Poncokusumo', 'Pemerintah Kabupaten Malang');
        INSERT INTO sop (id, slug, office_id, position, revision) VALUES
            (1, 'uji-renja', 1, 0, 1);
        INSERT INTO sop_revision (id, sop_id, revision, saved_at, is_draft, office_government,
            office_name, office_address, number, name, created, effective, approver_title,
            approver_name, approver_rank, approver_nip, legal_basis, qualifications, related,
            equipment, warnings, records) VALUES
            (1, 1, 1, '2026-11-01 00:00:00.000000', 0, 'Pemerintah Kabupaten Malang',
             'Kecamatan Poncokusumo', 'Jl. Raya', '1', 'Uji Renja', '2018-01-04', '2018-01-11',
             'Camat', 'Drs. SUKARLIN, M.Si.', 'Pembina', '19650202 198710 1 001',
             '[]', '[]', '[]', '[]', '[]', '[]');
        INSERT INTO lane (id, revision_id, position, name) VALUES
            (1, 1, 0, 'Camat'), (2, 1, 1, 'Sekcam');
        INSERT INTO step (id, revision_id, position, no, activity, lane_id, requirements,
            time, output, notes) VALUES
            (1, 1, 0, '1', 'Disposisi', 1, '', '10 menit', '', ''),
            (2, 1, 1, '2', 'Menyusun', 2, '', '1 hari', '', '');
        -- rounds
        INSERT INTO officer (id, name, nip, jabatan, pangkat, office, active) VALUES
            (1, 'Drs. SUKARLIN, M.Si.', '19650202 198710 1 001', 'Camat', '', NULL, 1),
            (2, 'Siti Aminah', '19800101 200501 2 001', 'Sekretaris Kecamatan', '', NULL, 1);
        INSERT INTO round (id, sop_id, revision_id, title, status, current_position, holder,
            since, hold_started, held_minutes, loops, started_at, last_event_at, event_count)
            VALUES (1, 1, 1, 'Renja 2027', 'active', 2, 'Siti Aminah',
            '2026-11-23 02:00:00.000000', NULL, 0, 0, '2026-11-23 01:00:00.000000',
            '2026-11-23 02:00:00.000000', 3);
        INSERT INTO round_lane (round_id, lane, officer) VALUES
            (1, 'Camat', 'Drs. SUKARLIN, M.Si.'), (1, 'Sekcam', 'Siti Aminah');
"""


def _old_events(raw) -> None:
    raw.executemany(
        "INSERT INTO round_event (round_id, seq, kind, occurred_at, entered_at, entered_by, "
        "position, officer, decision, note, output) VALUES (1, ?, ?, ?, ?, 'op', ?, ?, ?, '', ?)",
        [(seq, kind, at, at, pos, officer, decision, output)
         for seq, kind, at, pos, officer, decision, output in OLD_EVENTS])
    raw.commit()
    raw.close()


def _counts(path, revision: str = "0004") -> dict[str, int]:
    tables = ["office", "sop", "sop_revision", "lane", "step", "branch"]
    if revision >= "0003":
        tables += ["officer", "round", "round_lane", "round_event"]
    with sqlite3.connect(path) as raw:
        return {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                for t in tables}


@pytest.mark.parametrize("revision", ["0001", "0002", "0003"])
def test_a_database_of_every_earlier_schema_migrates_with_every_row_kept(db_path, revision):
    _old_database(db_path, revision)
    before = _counts(db_path, revision)
    db = open_catalogue(db_path)
    try:
        after = _counts(db_path, revision)
        # a database with offices is not seeded again: the rows are exactly the old ones
        assert after == before, (before, after)
        with sqlite3.connect(db_path) as raw:
            version = raw.execute("SELECT version_num FROM alembic_version").fetchone()
            assert version == (SCHEMA_HEAD,)
            assert raw.execute("SELECT name FROM sop_revision").fetchall() == [("Uji Renja",)]
        with db.session() as s:
            assert integrity.check_database(session=s) == []
            if revision >= "0003":
                assert rounds.get_round(1, session=s).current_step == 2
    finally:
        db.close()


def test_a_database_at_the_previous_schema_migrates_with_every_row_kept(db_path):
    _old_database(db_path)
    before = _counts(db_path)
    with sqlite3.connect(db_path) as raw:
        old_events = raw.execute("SELECT seq, kind, occurred_at, officer, output FROM "
                                 "round_event ORDER BY seq").fetchall()
    db = open_catalogue(db_path)
    try:
        assert _counts(db_path) == before
        with sqlite3.connect(db_path) as raw:
            version = raw.execute("SELECT version_num FROM alembic_version").fetchone()
            assert version == (SCHEMA_HEAD,)
            assert raw.execute("SELECT seq, kind, occurred_at, officer, output FROM "
                               "round_event ORDER BY seq").fetchall() == old_events
            assert raw.execute("SELECT officer_id FROM round_event ORDER BY seq").fetchall() \
                == [(1,), (1,), (2,)]
            assert raw.execute("SELECT holder_id FROM round").fetchone() == (2,)
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
            raw.execute("PRAGMA foreign_keys=ON")
            with pytest.raises(sqlite3.IntegrityError):
                raw.execute("DELETE FROM sop WHERE id = 1")  # rounds hang off it: RESTRICT
        with db.session() as s:
            assert integrity.check_database(session=s) == []
            detail = rounds.get_round(1, session=s)
            assert detail.chain_problem is None and detail.current_step == 2
            assert detail.holder == "Siti Aminah" and detail.zone == "WIB"
    finally:
        db.close()


def test_a_failed_migration_leaves_the_previous_schema_whole(db_path):
    """The whole upgrade is one transaction: an event time the migration cannot read (late
    in the upgrade, after the tables were rebuilt) undoes all of it, and says so."""
    from kecamatan_desktop.store.database import StoreError

    _old_database(db_path)
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE round_event SET entered_at = 'kemarin sore' WHERE seq = 3")
    before = _counts(db_path)
    with pytest.raises(StoreError, match="tidak dapat diperbarui.*kejadian #3 putaran 1.*"
                                         "Tidak ada yang diubah"):
        open_catalogue(db_path)
    assert _counts(db_path) == before
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
        columns = {r[1] for r in raw.execute("PRAGMA table_info(round_event)")}
        assert "hash" not in columns
        assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE '_new_%' OR "
                           "name = 'calendar_change'").fetchone() == (0,)
