"""Signed records: what an officer writes is signed with their key, `check` verifies it, and
a history forged with the file (trigger dropped, step 1 changed, the chain recomputed, the
trigger put back, the summaries rebuilt) is NOT OK, naming each event whose signature fails."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import timedelta

import pytest
from sqlmodel import select

from kecamatan_desktop.domain import ledger
from kecamatan_desktop.services import accounts, calendar, identity, integrity, signatures
from kecamatan_desktop.store.account_models import RecordSignatureRow
from kecamatan_desktop.store.models import SopRevisionRow
from tests.services.test_accounts import BUDI, SITI, office_with_users, sign_in
from tests.services.test_rounds import T0, start, step_done
from tests.test_cli import run


def test_every_record_written_signed_in_is_signed_and_verifies(session):
    start(session)  # before any account: unsigned, told as information only
    office_with_users(session)
    sign_in(session, BUDI)
    r = start(session)
    r = step_done(session, r, at=T0 + timedelta(minutes=30))
    sign_in(session, SITI)
    calendar.add_day_off(T0.date() + timedelta(days=30), "Libur kantor", "libur",
                         session=session)
    subjects = [s.subject for s in session.exec(select(RecordSignatureRow))]
    assert subjects.count("round_event") == len(r.events) and "calendar_change" in subjects
    verdict = signatures.verify(session=session)
    seeded = len(session.exec(select(SopRevisionRow)).all())  # the seed catalogue's
    assert verdict.problems == () and verdict.unsigned_before == seeded + 1
    assert integrity.check_database(session=session) == []


def test_a_reset_password_ends_the_old_key_for_writing(session):
    office_with_users(session)
    budi = sign_in(session, BUDI)
    sign_in(session, SITI)
    accounts.set_password(BUDI, "sandi-baru", session=session)
    identity.set_current(budi)  # still signed in with the key the reset retired
    with pytest.raises(accounts.NotAllowed, match="diatur ulang"):
        start(session)


def _forge_step_one(path) -> None:
    """The attack of issue 27, as an insider with the file and an SQLite tool does it."""
    raw = sqlite3.connect(path)
    try:
        triggers = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                               "AND tbl_name = 'round_event'").fetchall()
        for name, _sql in triggers:
            raw.execute(f"DROP TRIGGER {name}")
        raw.execute("UPDATE round_event SET officer = 'Agus Salim', note = 'dipalsukan', "
                    "occurred_at = '2026-11-23 02:10:00.000000' WHERE round_id = 2 AND seq = 2")
        columns = ", ".join(ledger.FIELDS)
        previous = ledger.GENESIS
        rows = raw.execute(f"SELECT id, {columns} FROM round_event WHERE round_id = 2 "
                           "ORDER BY seq").fetchall()
        for row in rows:
            fields = dict(zip(ledger.FIELDS, row[1:], strict=True))
            for when in ("occurred_at", "entered_at"):
                fields[when] = fields[when].replace(" ", "T") + "Z"
            if fields["changes"] is not None:
                fields["changes"] = json.loads(fields["changes"])
            data = {**fields, "format": ledger.FORMAT}
            line = json.dumps(data, sort_keys=True, ensure_ascii=False,
                              separators=(",", ":"))
            previous = hashlib.sha256(previous.encode() + b"\n" + line.encode()).hexdigest()
            raw.execute("UPDATE round_event SET hash = ? WHERE id = ?", (previous, row[0]))
        for _name, sql in triggers:
            raw.execute(sql)
        raw.commit()
    finally:
        raw.close()


@pytest.mark.sqlite_only  # the attack of the issue: the SQLite file in an outside tool
def test_a_forged_chain_is_caught_by_its_signatures(capsys, catalogue_db, session,
                                                    monkeypatch):
    start(session)  # round 1, before accounts
    office_with_users(session)
    sign_in(session, BUDI)
    r = start(session)  # round 2, signed by Budi
    for minutes in (30, 60):
        r = step_done(session, r, at=T0 + timedelta(minutes=minutes))
    identity.set_current(None)
    session.close()
    path = catalogue_db.path
    code, out, _ = run(capsys, "--db", path, "check")
    assert code == 0 and out.splitlines() == [
        "Catatan: 22 catatan tidak bertanda tangan (sebelum akun dibuat)", "OK"]
    _forge_step_one(path)
    monkeypatch.setenv("KECAMATAN_PASSWORD", "rahasia1")
    code, out, _ = run(capsys, "--db", path, "--user", BUDI, "check", "--rebuild")
    assert code == 1
    code, out, _ = run(capsys, "--db", path, "check")
    assert code == 1 and "OK" not in out.splitlines()
    assert "Tanda tangan peristiwa 2 putaran 2 tidak cocok dengan kunci Budi Santoso" in out
    assert "Tanda tangan peristiwa 3 putaran 2 tidak cocok dengan kunci Budi Santoso" in out
    assert "peristiwa 1 putaran 2 tidak cocok" not in out  # its content stands as signed
    assert "sidik (hash)" not in out  # the chain itself was recomputed whole
