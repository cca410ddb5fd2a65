"""`check` checks the guards themselves, not only their names: a guard trigger replaced by a
no-op of the same name, a trigger or view no migration made (on a server also a function,
a rule, a guard function's body replaced) and a day off written behind the calendar's change
log are each named in one line, and `check` exits 1."""

from __future__ import annotations

from datetime import date

import psycopg
import pytest

from kecamatan_desktop.services import calendar, integrity
from kecamatan_desktop.store import guards
from tests.pg import Raw
from tests.services.test_rounds import add_staff, start
from tests.test_cli import run


@pytest.fixture
def checked_db(catalogue_db, db_path):
    """A database with a round and the office's own calendar changes, as the program
    writes them."""
    with catalogue_db.session() as s:
        add_staff(s)
        start(s)
        calendar.add_day_off(date(2027, 1, 5), "Hari jadi kabupaten", "libur", session=s,
                             by="admin")
        calendar.add_day_off(date(2027, 3, 3), "Rapat kerja", "cuti_bersama", session=s,
                             by="admin")
        calendar.remove_day_off(date(2027, 3, 3), session=s, by="admin")
        calendar.remove_day_off(date(2027, 1, 1), session=s, by="admin")  # a listed day
    return db_path


def check(capsys, where) -> tuple[int, list[str]]:
    code, out, _ = run(capsys, "--db", where, "check")
    return code, out.strip().splitlines()


def test_a_database_as_the_program_wrote_it_is_ok(capsys, checked_db):
    assert check(capsys, checked_db) == (0, ["OK"])


@pytest.mark.sqlite_only
def test_a_guard_replaced_by_a_no_op_of_the_same_name_is_named(capsys, checked_db):
    with Raw(checked_db) as raw:
        raw.execute("DROP TRIGGER round_event_no_update")
        raw.execute("CREATE TRIGGER round_event_no_update BEFORE UPDATE ON round_event "
                    "BEGIN SELECT 1; END")
    code, lines = check(capsys, checked_db)
    assert code == 1 and lines == [
        "Pemicu penjaga 'round_event_no_update' pada tabel round_event telah diubah dari "
        "yang dibuat migrasi: riwayat dapat diubah tanpa ketahuan", "1 masalah ditemukan"]


@pytest.mark.sqlite_only
def test_a_trigger_no_migration_made_is_named(capsys, checked_db):
    with Raw(checked_db) as raw:
        raw.execute("CREATE TRIGGER ganti_nama AFTER INSERT ON round_event BEGIN "
                    "UPDATE officer SET name = 'DIGANTI' WHERE id = 1; END")
    code, lines = check(capsys, checked_db)
    assert code == 1 and len(lines) == 2
    assert lines[0].startswith("Pemicu tambahan 'ganti_nama' pada tabel round_event tidak "
                               "dikenal")


def test_a_view_no_migration_made_is_named(capsys, checked_db):
    with Raw(checked_db) as raw:
        raw.execute("CREATE VIEW putaran_bersih AS SELECT id, title FROM round")
    code, lines = check(capsys, checked_db)
    assert code == 1 and len(lines) == 2
    assert lines[0].startswith("Tampilan (view) tambahan 'putaran_bersih' tidak dikenal")


def test_a_holiday_inserted_straight_into_the_table_is_named(capsys, checked_db):
    with Raw(checked_db) as raw:
        raw.execute("INSERT INTO day_off (day, name, kind, source, removed) "
                    "VALUES ('2027-01-06', 'Libur karangan', 'libur', 'holidays', FALSE)")
    code, lines = check(capsys, checked_db)
    assert code == 1 and lines == [
        "Hari libur 06 Januari 2027 (Libur karangan) tidak punya catatan perubahan kalender "
        "dan tidak ada di daftar hari libur nasional (paket holidays): ditambahkan atau "
        "diubah di luar program", "1 masalah ditemukan"]


def test_a_day_off_changed_or_taken_back_behind_the_log_is_named(capsys, checked_db):
    with Raw(checked_db) as raw:
        raw.execute("UPDATE day_off SET name = 'Libur lain' WHERE day = '2027-01-05'")
        raw.execute("UPDATE day_off SET removed = FALSE WHERE day = '2027-03-03'")
        raw.execute("UPDATE day_off SET removed = TRUE WHERE day = '2027-05-01'")
    code, lines = check(capsys, checked_db)
    assert code == 1 and lines == [
        "Hari libur 05 Januari 2027 (Libur lain) tidak punya catatan perubahan kalender: "
        "ditambahkan atau diubah di luar program",
        "Hari libur 03 Maret 2027 (Rapat kerja) tidak punya catatan perubahan kalender: "
        "ditambahkan atau diubah di luar program",
        "Penghapusan hari libur 01 Mei 2027 (Hari Buruh Internasional) tidak punya catatan "
        "perubahan kalender: diubah di luar program", "3 masalah ditemukan"]


# on a PostgreSQL server ---------------------------------------------------------------------

def server_problems(db) -> list[str]:
    with db.session() as s:
        return [p.text for p in integrity.check_database(session=s)]


def raw(db) -> psycopg.Connection:
    return psycopg.connect(db.path.url.replace("postgresql+psycopg", "postgresql"))


def test_a_server_database_matches_the_record_of_what_the_migrations_made(server_db):
    with server_db.session() as s:
        assert guards.server_objects(s.connection()) == guards.server_record()
    assert server_problems(server_db) == []


def test_a_guard_functions_body_replaced_by_a_no_op_is_named(server_db):
    with raw(server_db) as conn:
        conn.execute("CREATE OR REPLACE FUNCTION round_event_append_only() RETURNS trigger "
                     "AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql")
        conn.execute("UPDATE round_event SET output = 'diganti' WHERE seq = 1")
    problems = server_problems(server_db)
    assert problems[0] == ("Fungsi penjaga 'round_event_append_only' telah diubah dari yang "
                           "dibuat migrasi: riwayat dapat diubah tanpa ketahuan")
    assert any("kejadian #1" in t and "diubah di luar program" in t for t in problems[1:])


def test_a_function_trigger_and_rule_no_migration_made_are_named(server_db):
    with raw(server_db) as conn:
        conn.execute("CREATE FUNCTION ganti_nama() RETURNS trigger AS $$ BEGIN "
                     "UPDATE officer SET name = 'DIGANTI' WHERE id = 1; RETURN NEW; END; $$ "
                     "LANGUAGE plpgsql")
        conn.execute("CREATE TRIGGER ganti_nama AFTER INSERT ON round_event FOR EACH ROW "
                     "EXECUTE FUNCTION ganti_nama()")
        conn.execute("CREATE RULE tanpa_catatan AS ON INSERT TO calendar_change DO INSTEAD "
                     "NOTHING")
    problems = server_problems(server_db)
    assert [p.split(" tidak dikenal")[0] for p in problems] == [
        "Fungsi tambahan 'ganti_nama'",
        "Aturan (rule) tambahan 'tanpa_catatan' pada tabel calendar_change",
        "Pemicu tambahan 'ganti_nama' pada tabel round_event"]
