"""Power cuts and two copies at once, with real child processes on a real SQLite file (and
a server database: the same handoffs, kills and two writers there).

The program is SIGKILLed at random moments while it records handoffs, imports and edits
SOPs, migrates an old database and creates a new one: afterwards the database always
opens, passes `check`, and holds every write that was confirmed and no half of any write.
Two processes writing the same rounds and SOP at once lose nothing and never show a user
"database is locked". The suite runs a short version; KECAMATAN_KILLS and KECAMATAN_OPS
give the full counts (e.g. 200 and 1000).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from kecamatan_desktop.services import integrity, officers
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.migrate import SCHEMA_HEAD
from tests.pg import Raw
from tests.store.test_migration_records import _counts, _old_database

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("KECAMATAN_KILLS", "8"))
OPS = int(os.environ.get("KECAMATAN_OPS", "120"))
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _child(db_path: Path, mode: str, count: int = 100_000, seed: int = 0) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.crash_worker", str(db_path), mode, str(count),
         str(seed)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_after(proc: subprocess.Popen, seconds: float, *,
                after_opened: bool = False) -> tuple[list[str], str]:
    """SIGKILL `seconds` after the start (or, `after_opened`, after the child said it opened
    the database, so a loaded machine's slow start does not eat the writing time)."""
    first = []
    if after_opened:
        first = [proc.stdout.readline().rstrip("\n")]
    time.sleep(seconds)
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    return first + out.splitlines(), err


def _verify(db_path: Path, confirmed: list[str]) -> None:
    """Opens, passes check, and every confirmed write is there, whole."""
    db = open_catalogue(db_path)
    try:
        with db.session() as s:
            assert integrity.check_database(session=s) == []
        with Raw(db_path) as raw:
            for line in confirmed:
                _, kind, key = line.split(" ", 2)
                if kind == "start":
                    assert raw.execute("SELECT 1 FROM round WHERE id = ?", (int(key),)).fetchone()
                elif kind == "complete":
                    rid, version = map(int, key.split(":"))
                    assert raw.execute("SELECT event_count FROM round WHERE id = ?",
                                       (rid,)).fetchone()[0] >= version
                    assert raw.execute("SELECT count(*) FROM round_event WHERE round_id = ? AND "
                                       "seq <= ?", (rid, version)).fetchone()[0] == version
                elif kind == "edit":
                    rev, name = key.split(":", 1)
                    assert raw.execute("SELECT name FROM sop_revision WHERE revision = ? AND "
                                       "name = ?", (int(rev), name)).fetchone(), line
                elif kind == "import":
                    slug, number = key.split(":", 1)
                    assert raw.execute("SELECT 1 FROM sop_revision WHERE number = ?",
                                       (number,)).fetchone(), line
            # no half of any write: every revision has all its steps and lanes
            for rev_id, steps, lanes in raw.execute(
                    "SELECT r.id, (SELECT count(*) FROM step WHERE revision_id = r.id), "
                    "(SELECT count(*) FROM lane WHERE revision_id = r.id) FROM sop_revision r "
                    "JOIN sop ON sop.id = r.sop_id WHERE sop.slug IN "
                    "('poncokusumo-2018-renja', 'poncokusumo-2018-renstra')"):
                assert (steps, lanes) in ((12, 5), (12, 6)), (rev_id, steps, lanes)
    finally:
        db.close()


@pytest.fixture
def busy_db(db_path):
    db = open_catalogue(db_path)
    with db.session() as s:
        for name, nip, jabatan in (("Siti Aminah", "19800101 200501 2 001",
                                    "Sekretaris Kecamatan"),
                                   ("Dewi Lestari", "19900303 201501 2 003", "Staf")):
            officers.add_officer(session=s, name=name, nip=nip, jabatan=jabatan,
                                 office="Kecamatan Poncokusumo")
    db.close()
    return db_path


def test_kills_during_handoffs_imports_and_edits_lose_no_confirmed_write(busy_db):
    rng = random.Random(20261127)
    confirmed: list[str] = []
    for n in range(KILLS):
        proc = _child(busy_db, "work", seed=n)
        lines, err = _kill_after(proc, rng.uniform(0.05, 2.0), after_opened=True)
        assert "Traceback" not in err, err
        confirmed += [line for line in lines if line.startswith("ok ")]
        _verify(busy_db, confirmed)
    assert len(confirmed) > KILLS  # the kills did land among real writes


def _timed_run(db_path: Path, mode: str) -> float:
    started = time.perf_counter()
    proc = _child(db_path, mode)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "done" in out, err
    return time.perf_counter() - started


def test_kills_during_a_migration_leave_the_old_or_the_new_schema_whole(tmp_path):
    template = tmp_path / "lama.db"
    _old_database(template, "0004")
    before = _counts(template)
    full = _timed_run(shutil.copy(template, tmp_path / "ukur.db"), "open")
    rng = random.Random(5)
    seen = set()
    for n in range(KILLS):
        path = Path(shutil.copy(template, tmp_path / f"k{n}.db"))
        lines, err = _kill_after(_child(path, "open"), rng.uniform(0.3, full))
        assert "Traceback" not in err, err
        with closing(sqlite3.connect(path)) as raw:
            seen.add(raw.execute("SELECT version_num FROM alembic_version").fetchone()[0])
        db = open_catalogue(path)  # opens (and finishes the migration if it was cut)
        db.close()
        assert _counts(path) == before
        with closing(sqlite3.connect(path)) as raw:
            assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
                SCHEMA_HEAD,)
        _verify(path, [])
    assert seen <= {"0004", SCHEMA_HEAD}


def test_kills_during_the_first_creation_never_leave_an_unopenable_file(tmp_path):
    full = _timed_run(tmp_path / "ukur.db", "open")
    rng = random.Random(11)
    for n in range(KILLS):
        path = tmp_path / f"baru{n}.db"
        lines, err = _kill_after(_child(path, "open"), rng.uniform(0.3, full))
        assert "Traceback" not in err, err
        db = open_catalogue(path)
        with db.session() as s:
            from kecamatan_desktop.services import catalogue

            assert len(catalogue.list_sops(session=s, include_archived=True)) == 21
            assert integrity.check_database(session=s) == []
        db.close()


def test_two_processes_writing_at_once_lose_nothing_and_never_see_a_lock(busy_db):
    procs = [_child(busy_db, "work", OPS, seed) for seed in (1, 2)]
    outputs = [p.communicate(timeout=600) for p in procs]
    lines = [line for out, _ in outputs for line in out.splitlines()]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0 and "Traceback" not in err, err
    assert not [line for line in lines if line.startswith("storeerror")], lines
    assert not [line for line in lines if "terkunci" in line or "locked" in line]
    confirmed = [line for line in lines if line.startswith("ok ")]
    refused = [line for line in lines if line.startswith("refused ")]
    # a refusal is a stale screen or a save conflict told to the user, never a lost write
    assert all("sudah" in line for line in refused), refused
    assert len(confirmed) + len(refused) >= OPS  # most operations did something
    _verify(busy_db, confirmed)
    print(f"two processes: {len(confirmed)} writes confirmed, {len(refused)} refused as "
          f"stale, 0 lock errors")
