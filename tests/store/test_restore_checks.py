"""Restores that cannot carry code: a backup's rows are checked and copied into a database our
migrations make, code it carries is named and left behind, and a partial or inconsistent
backup or dump is refused in one Indonesian line (exit 2) with nothing written."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from kecamatan_desktop.services import rounds
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store import backup, dump
from kecamatan_desktop.store.database import open_database
from tests.services.test_rounds import add_staff, start, step_done
from tests.store.test_dump import targets
from tests.test_cli import run

GUARDS = ("round_event_no_update", "round_event_no_delete")


@pytest.fixture
def source(tmp_path):
    """An office's database with its staff and a round two events long."""
    path = tmp_path / "asal" / "kecamatan.db"
    path.parent.mkdir()
    db = open_catalogue(path)
    with db.session() as session:
        add_staff(session)
        step_done(session, start(session))
    db.close()
    return path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def sql_of(path, kind: str, name: str) -> str | None:
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?",
                          (kind, name)).fetchone()
        return row[0] if row else None
    finally:
        con.close()


def officer_name(path, officer_id: int) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT name FROM officer WHERE id = ?", (officer_id,)).fetchone()[0]
    finally:
        con.close()


def crafted_backup(source, sql: str):
    """A manual backup of `source` changed with an outside SQLite tool."""
    made = backup.make_backup(source, backup.MANUAL).path
    con = sqlite3.connect(made)
    con.executescript(sql)
    con.close()
    return made


CARRYING_CODE = (
    "DROP TRIGGER round_event_no_update; DROP TRIGGER round_event_no_delete;"
    "CREATE TRIGGER round_event_no_update BEFORE UPDATE ON round_event BEGIN SELECT 1; END;"
    "CREATE TRIGGER round_event_no_delete BEFORE DELETE ON round_event BEGIN SELECT 1; END;"
    "CREATE TRIGGER ganti AFTER INSERT ON round_event BEGIN "
    "  UPDATE officer SET name = 'DIGANTI' WHERE id = 1; END;"
    "CREATE VIEW semua AS SELECT * FROM officer;")


@pytest.mark.sqlite_only
def test_a_backup_carrying_code_restores_its_rows_and_leaves_the_code_behind(capsys, source,
                                                                              tmp_path):
    guards = {name: sql_of(source, "trigger", name) for name in GUARDS}
    crafted = crafted_backup(source, CARRYING_CODE)
    target = tmp_path / "kantor.db"
    open_catalogue(target).close()
    first = officer_name(source, 1)

    code, out, err = run(capsys, "--db", target, "restore", crafted)
    assert code == 0, err
    assert "Cadangan membawa pemicu 'ganti' yang tidak dikenal; tidak ikut dipulihkan." in out
    assert "Cadangan membawa tampilan (view) 'semua' yang tidak dikenal" in out
    assert "pemicu 'round_event_no_update' yang berbeda dari buatan program" in out
    assert sql_of(target, "trigger", "ganti") is None
    assert sql_of(target, "view", "semua") is None
    assert {name: sql_of(target, "trigger", name) for name in GUARDS} == guards
    con = sqlite3.connect(target)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE round_event SET note = 'diubah' WHERE seq = 1")
    con.close()

    db = open_catalogue(target)
    with db.session() as session:
        assert len(rounds.list_rounds(session=session)) == 1  # the backup's rows are there
        start(session)  # the next round start: no trigger of the backup's runs
    db.close()
    assert officer_name(target, 1) == first != "DIGANTI"
    code, out, err = run(capsys, "--db", target, "check")
    assert code == 0, out + err


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sql, named", [
    ("DROP TABLE round_pass;", "tabel round_pass tidak ada"),
    ("UPDATE step SET position = 'dua' WHERE id = 1;", "kolom position tabel step bukan jenis"),
    ("PRAGMA foreign_keys=OFF; UPDATE step SET lane_id = 99999 WHERE id = 1;",
     "tabel step menunjuk ke lane yang tidak ada"),
    ("DROP TRIGGER round_event_no_update; UPDATE round_event SET entered_by = 'camat' "
     "WHERE seq = 1;", "riwayat putaran 1 (Renja 2027) rusak: kejadian #1"),
    ("ALTER TABLE officer ADD COLUMN sandi TEXT;", "kolom tabel officer tidak sesuai"),
])
def test_a_partial_or_inconsistent_backup_is_refused_and_nothing_changes(capsys, source,
                                                                         tmp_path, sql, named):
    crafted = crafted_backup(source, sql)
    target = tmp_path / "kantor.db"
    open_catalogue(target).close()
    before = digest(target)
    code, out, err = run(capsys, "--db", target, "restore", crafted)
    assert code == 2 and out == ""
    assert named in one_line(err) and "tidak dipulihkan" in err
    assert digest(target) == before
    assert backup.list_backups(target) == []  # refused before the current one was touched
    assert not list(tmp_path.glob(".*pemulihan*"))


@pytest.mark.sqlite_only
def test_a_backup_of_an_older_schema_still_restores_and_migrates(capsys, tmp_path):
    from tests.store.test_backup import schema_at

    old = tmp_path / "lama.db"
    schema_at(old, "0004")
    con = sqlite3.connect(old)
    con.executescript("CREATE TRIGGER sisipan AFTER INSERT ON sop BEGIN SELECT 1; END;")
    con.close()
    target = tmp_path / "kantor.db"
    open_catalogue(target).close()
    code, out, err = run(capsys, "--db", target, "restore", old)
    assert code == 0, err
    assert "skema 0004" in out and "pemicu 'sisipan'" in out
    assert sql_of(target, "trigger", "sisipan") is None
    assert sql_of(target, "trigger", "round_event_no_update") is not None  # migrated up


def dump_lines(source, tmp_path) -> list[str]:
    db = open_database(source)
    try:
        made = dump.write_dump(db.engine, tmp_path / "semua.kdsalinan.jsonl")
    finally:
        db.close()
    return made.path.read_text(encoding="utf-8").splitlines()


def section_of(lines: list[str], table: str) -> int:
    return next(i for i, line in enumerate(lines)
                if line.startswith("{") and json.loads(line).get("table") == table)


def only_office(lines):
    at = section_of(lines, "office")
    return lines[:1] + lines[at:at + 1 + json.loads(lines[at])["rows"]]


def wrong_count(lines):
    at = section_of(lines, "office")
    section = json.loads(lines[at])
    lines[at] = json.dumps({**section, "rows": section["rows"] + 1})
    return lines


def bad_type(lines):
    at = section_of(lines, "step")
    row = json.loads(lines[at + 1])
    row[json.loads(lines[at])["columns"].index("position")] = "dua"
    lines[at + 1] = json.dumps(row)
    return lines


def broken_key(lines):
    at = section_of(lines, "step")
    row = json.loads(lines[at + 1])
    row[json.loads(lines[at])["columns"].index("lane_id")] = 99999
    lines[at + 1] = json.dumps(row)
    return lines


def rewritten_event(lines):
    at = section_of(lines, "round_event")
    row = json.loads(lines[at + 1])
    row[json.loads(lines[at])["columns"].index("entered_by")] = "camat"
    lines[at + 1] = json.dumps(row)
    return lines


@pytest.mark.parametrize("craft, named", [
    (only_office, "tidak lengkap, tabel"),
    (wrong_count, "tabel office menyatakan 3 baris, tetapi berisi 2"),
    (bad_type, "kolom position tabel step"),
    (broken_key, "menunjuk (lane_id) ke lane 99999 yang tidak ada"),
    (rewritten_event, "riwayat putaran 1 (Renja 2027) rusak: kejadian #1"),
])
def test_a_partial_or_inconsistent_dump_is_refused_and_nothing_is_written(
        capsys, source, tmp_path, request, craft, named):
    crafted = tmp_path / "rusak.kdsalinan.jsonl"
    crafted.write_text("\n".join(craft(dump_lines(source, tmp_path))) + "\n", encoding="utf-8")
    empty = tmp_path / "kosong.db"
    open_database(empty).close()
    before = digest(empty)
    new = [tmp_path / "baru.db", *targets(request, tmp_path)[1:]]  # a server's when named
    for target in (empty, *new):
        code, out, err = run(capsys, "--db", target, "restore", crafted)
        assert code == 2 and out == "", err
        assert named in one_line(err)
    assert digest(empty) == before
    assert not (tmp_path / "baru.db").exists()
    for server_db in new[1:]:  # still empty: no rows loaded
        db = open_database(server_db)
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM office").scalar() == 0
        db.close()


def test_a_whole_dump_still_loads(capsys, source, tmp_path, request):
    lines = dump_lines(source, tmp_path)
    for target in [tmp_path / "baru.db", *targets(request, tmp_path)[1:]]:
        code, out, err = run(capsys, "--db", target, "restore", tmp_path / "semua.kdsalinan.jsonl")
        assert code == 0, err
        assert f"dalam {sum(1 for line in lines if line.startswith('{')) - 1} tabel" in out
