"""Least privilege on a PostgreSQL server: the office role the PCs use (made by `admin
grant-office` with the owner's URL) runs every round command but cannot change the schema,
the guards or the history; a PC frozen holding the write lock does not hold the office's
writes; a wrong password is bad input (exit 2) in one line (a server that is down:
tests/store/test_server.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.paths import ServerDatabase
from kecamatan_desktop.services import integrity
from kecamatan_desktop.store import server
from kecamatan_desktop.store.database import open_database, transaction
from tests.services.test_rounds import add_staff, start
from tests.test_cli import run
from tests.test_cli_rounds import STAFF

ROOT = Path(__file__).resolve().parents[2]
OFFICE_PASSWORD = "sandi-kantor-27"


class Office:
    """A fresh server database with its office role and one login: the owner's URL, the
    login's URL (password in it, as a PC's KECAMATAN_DB would have it)."""

    def __init__(self, pg_server, owner: ServerDatabase) -> None:
        tag = f"{os.getpid()}_{owner.database.rsplit('_', 1)[-1]}"
        self.role, self.login = f"kd_roles_office_{tag}", f"kd_roles_pc_{tag}"
        self.owner = owner
        url = make_url(owner.url).set(username=self.login, password=OFFICE_PASSWORD)
        self.pc = ServerDatabase(url.render_as_string(hide_password=False))

    def psql(self, url: ServerDatabase) -> psycopg.Connection:
        return psycopg.connect(url.url.replace("postgresql+psycopg", "postgresql"))


@pytest.fixture
def office(pg_server, capsys, monkeypatch):
    made = pg_server.fresh_database()
    owner = pg_server.where(made.database)  # the superuser: the owner of every table
    office = Office(pg_server, owner)
    code, out, err = run(capsys, "--db", owner, "admin", "grant-office", office.role)
    assert code == 0, err
    assert "round_event: SELECT, INSERT\n" in out and "alembic_version: SELECT\n" in out
    monkeypatch.setenv("KECAMATAN_SERVER_PASSWORD", OFFICE_PASSWORD)
    code, out, err = run(capsys, "--db", owner, "admin", "add-login", office.login,
                         "--office", office.role)
    assert code == 0 and f"Login {office.login} dibuat" in out, err
    yield office
    pg_server.drop(made)
    with office.psql(pg_server.where("postgres")) as conn:
        conn.autocommit = True
        conn.execute(f'DROP ROLE IF EXISTS "{office.login}"')
        conn.execute(f'DROP ROLE IF EXISTS "{office.role}"')


@pytest.fixture
def office_round(office):
    """The office with one round started by the office's login."""
    db = open_database(office.pc)
    with db.session() as s:
        add_staff(s)
        start(s)
    db.close()
    return office


ATTACKS = {
    "ddl": "CREATE TABLE catatan_lain (teks text)",
    "column": "ALTER TABLE officer ADD COLUMN rahasia text",
    "temporary table": "CREATE TEMPORARY TABLE sementara (teks text)",
    "truncate history": "TRUNCATE round_event",
    "truncate current": "TRUNCATE officer CASCADE",
    "disable trigger": "ALTER TABLE round_event DISABLE TRIGGER round_event_append_only",
    "drop trigger": "DROP TRIGGER round_event_append_only ON round_event",
    "update an event": "UPDATE round_event SET officer = 'DIGANTI' WHERE seq = 1",
    "delete an event": "DELETE FROM round_event",
    "drop guard": "DROP FUNCTION round_event_append_only() CASCADE",
    "replace guard": "CREATE OR REPLACE FUNCTION round_event_append_only() RETURNS trigger "
                     "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
    "new function": "CREATE FUNCTION diam() RETURNS trigger LANGUAGE plpgsql "
                    "AS $$ BEGIN RETURN NEW; END $$",
    "calendar log": "UPDATE calendar_change SET what = 'x'",
    "replication role": "SET session_replication_role = replica",
}


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_office_role_is_refused_by_the_server(office_round, attack):
    with office_round.psql(office_round.pc) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(ATTACKS[attack])
        conn.rollback()
    db = open_database(office_round.owner)
    with db.session() as s:  # nothing of it took: the owner's check finds all as made
        assert integrity.check_database(session=s) == []
        assert s.connection().exec_driver_sql(
            "SELECT officer FROM round_event WHERE seq = 1").scalar() != "DIGANTI"
    db.close()


def test_the_office_login_runs_a_whole_round_and_check_is_ok(office, capsys, tmp_path):
    pc = office.pc.url  # with its password, as a PC's KECAMATAN_DB has it
    for name, nip, jabatan in STAFF:
        assert run(capsys, "--db", pc, "officer", "add", "--name", name, "--nip", nip,
                   "--jabatan", jabatan, "--office", "Kecamatan Poncokusumo")[0] == 0
    people = json.loads(run(capsys, "--db", pc, "officer", "list", "--json")[1])
    dewi = next(p["id"] for p in people if p["name"] == "Dewi Lestari")
    assert run(capsys, "--db", pc, "officer", "edit", dewi, "--pangkat", "Penata Muda")[0] == 0
    code, _, err = run(capsys, "--db", pc, "round", "start", "poncokusumo-2018-renja",
                       "--title", "Renja 2027", "--at", "2026-11-23T08:00+07:00",
                       "--lane", "Tim=Budi Santoso")
    assert code == 0, err
    when = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)
    decisions = {6: ["tidak", "ya"], 7: ["ya"]}  # 6 "tidak": the file goes back to step 5
    undone = False
    while (position := current_step(capsys, pc)) is not None:
        when += timedelta(minutes=40)
        args = ["--db", pc, "round", "complete", "1", "--step", position, "--at",
                when.isoformat()]
        if position in decisions:
            args += ["--decision", decisions[position].pop(0)]
        code, _, err = run(capsys, *args)
        assert code == 0, err
        if position == 3:
            assert run(capsys, "--db", pc, "round", "note", "1", "--text", "berkas lengkap",
                       "--at", (when + timedelta(minutes=5)).isoformat())[0] == 0
            when += timedelta(minutes=5)
        if position == 4 and not undone:
            code, _, err = run(capsys, "--db", pc, "round", "undo", "1", "--reason",
                               "salah tekan")
            assert code == 0, err
            assert current_step(capsys, pc) == 4
            undone = True
    shown = json.loads(run(capsys, "--db", pc, "round", "show", "1", "--json")[1])
    assert shown["status"] == "done" and shown["loops"] == 1
    assert run(capsys, "--db", pc, "round", "report", "1", "-o", tmp_path / "r.pdf")[0] == 0
    code, out, err = run(capsys, "--db", pc, "check", "--rebuild")
    assert (code, out.splitlines()[-1]) == (0, "OK"), out + err
    code, out, _ = run(capsys, "--db", pc, "check")
    assert (code, out) == (0, "OK\n")


def current_step(capsys, url: str) -> int | None:
    return json.loads(run(capsys, "--db", url, "round", "show", "1",
                          "--json")[1])["current_step"]


def test_grant_office_is_idempotent_and_only_for_the_owner(office, capsys, tmp_path):
    assert run(capsys, "--db", office.owner, "admin", "grant-office", office.role)[0] == 0
    with office.psql(office.owner) as conn:
        granted = {row[0] for row in conn.execute(
            "SELECT privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = %s AND table_name = 'round_event'", (office.role,))}
    assert granted == {"SELECT", "INSERT"}
    code, _, err = run(capsys, "--db", office.pc.url, "admin", "grant-office", office.role)
    assert code == 2 and f"{office.login} bukan pemilik" in err
    code, _, err = run(capsys, "--db", office.owner, "admin", "grant-office", "Kantor;DROP")
    assert code == 2 and "Nama peran 'Kantor;DROP' tidak sah" in err
    code, _, err = run(capsys, "--db", tmp_path / "k.db", "admin", "grant-office", "kantor")
    assert code == 2 and "hanya untuk basis data di server" in err
    assert not (tmp_path / "k.db").exists()


def test_a_table_a_later_migration_makes_is_covered(office):
    with office.psql(office.owner) as conn:  # as the owner's next migration would
        conn.execute("CREATE TABLE tambahan (id serial PRIMARY KEY, teks text)")
    with office.psql(office.pc) as conn:
        conn.execute("INSERT INTO tambahan (teks) VALUES ('baru')")
        assert conn.execute("SELECT teks FROM tambahan").fetchone() == ("baru",)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("TRUNCATE tambahan")


def test_a_pc_does_not_migrate_a_schema_that_is_behind(pg_server, capsys, monkeypatch):
    from alembic import command

    from kecamatan_desktop.store import migrate, server_roles

    empty = pg_server.fresh_database(migrated=False)
    owner = pg_server.where(empty.database)
    office = Office(pg_server, owner)
    try:
        engine = server.make_server_engine(owner)
        with engine.begin() as conn:  # a database an older version of the program made
            config = migrate.alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "0011")
            server_roles.grant_office(conn, office.role)
            server_roles.add_login(conn, office.login, OFFICE_PASSWORD, office.role)
        engine.dispose()
        code, out, err = run(capsys, "--db", office.pc.url, "list")
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
        assert "skema 0011, lebih lama" in err and "admin grant-office" in err
        with office.psql(owner) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                "0011",)
        # the owner upgrades (and grants again); then the PC simply opens it
        assert run(capsys, "--db", owner, "admin", "grant-office", office.role)[0] == 0
        code, out, err = run(capsys, "--db", office.pc.url, "list")
        assert code == 0 and "poncokusumo-2018-renja" in out, err
    finally:
        pg_server.drop(owner)
        with office.psql(pg_server.where("postgres")) as conn:
            conn.autocommit = True
            conn.execute(f'DROP ROLE IF EXISTS "{office.login}"')
            conn.execute(f'DROP ROLE IF EXISTS "{office.role}"')


def test_every_server_connection_has_its_timeouts(office):
    db = open_database(office.pc)
    with db.session() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "15s"
        assert conn.exec_driver_sql("SHOW idle_in_transaction_session_timeout").scalar() \
            == "10min"
    with db.session() as s, transaction(s):  # holding the office's write lock
        assert s.connection().exec_driver_sql(
            "SHOW idle_in_transaction_session_timeout").scalar() == "10s"
    db.close()


# A PC holding the office's write lock, told when to write by a line on its stdin.
FROZEN_PC = """
import sys
from kecamatan_desktop.store import server
server.WRITE_IDLE_TIMEOUT_MS = int(sys.argv[2])
from kecamatan_desktop.domain.errors import StoreError
from kecamatan_desktop.services import rounds
from kecamatan_desktop.store.database import open_database, transaction
db = open_database(sys.argv[1])
with db.session() as s:
    version = rounds.get_round(1, session=s).version
    try:
        with db.guard(), transaction(s):
            print("locked", flush=True)
            sys.stdin.readline()
            rounds.add_round_note(1, "dari PC beku", session=s, expected_version=version)
    except StoreError as exc:
        print("refused:", exc, flush=True)
    else:
        print("written", flush=True)
"""


def frozen_pc(url: ServerDatabase, idle_ms: int) -> subprocess.Popen:
    pc = subprocess.Popen(
        [sys.executable, "-c", FROZEN_PC, url.url, str(idle_ms)], cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert pc.stdout.readline() == "locked\n", pc.stderr.read()
    os.kill(pc.pid, signal.SIGSTOP)
    return pc


def thaw(pc: subprocess.Popen) -> str:
    os.kill(pc.pid, signal.SIGCONT)
    try:
        out, _ = pc.communicate("tulis\n", timeout=60)
    finally:
        pc.kill()
    return out


def notes(capsys, url) -> list[str]:
    shown = json.loads(run(capsys, "--db", url, "round", "show", "1", "--json")[1])
    return [e["note"] for e in shown["events"] if e["kind"] == "note_added"]


def test_a_frozen_pc_holding_the_write_lock_does_not_hold_the_office(office_round, capsys):
    pc = frozen_pc(office_round.pc, idle_ms=2000)
    try:
        began = time.monotonic()
        code, _, err = run(capsys, "--db", office_round.pc.url, "round", "note", "1", "--text",
                           "dari PC lain")
        waited = time.monotonic() - began
    finally:
        told = thaw(pc)
    assert code == 0, err
    assert waited < server.LOCK_TIMEOUT_MS / 1000  # the server ended the frozen one's write
    assert told.startswith("refused: ") and len(told.strip().splitlines()) == 1
    assert notes(capsys, office_round.pc.url) == ["dari PC lain"]


def test_a_write_waiting_past_the_lock_timeout_is_told_in_one_line(office_round, capsys,
                                                                   monkeypatch):
    pc = frozen_pc(office_round.pc, idle_ms=60_000)
    monkeypatch.setattr(server, "LOCK_TIMEOUT_MS", 1000)
    try:
        code, out, err = run(capsys, "--db", office_round.pc.url, "round", "note", "1", "--text",
                             "dari PC lain")
    finally:
        thaw(pc)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "sedang dikunci oleh PC lain" in err and "Coba lagi" in err
    assert notes(capsys, office_round.pc.url) == ["dari PC beku"]


def test_a_wrong_password_is_bad_input_in_one_line(office, capsys):
    wrong = make_url(office.pc.url).set(password="bukan-sandinya")
    code, out, err = run(capsys, "--db", wrong.render_as_string(hide_password=False),
                         "round", "list")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert f"{office.login} atau kata sandinya ditolak" in err and "bukan-sandinya" not in err
