"""Accounts: the first administrator, roles, wrong passwords counted and locked, deactivated
accounts, and every write refused to whom the role does not allow, on a real database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services import accounts, identity, officers, rounds
from kecamatan_desktop.services.rights import NotAllowed
from kecamatan_desktop.store.account_models import AccountKeyRow, AccountRow
from kecamatan_desktop.store.round_models import RoundEventRow
from tests.services.test_rounds import T0, start

SITI, BUDI, DEWI = "198001012005012001", "19810202 200601 1 002", "19900303 201501 2 003"


def sign_in(session, nip: str, password: str = "rahasia1") -> identity.SignedIn:
    signed = accounts.sign_in(nip, password, session=session)
    identity.set_current(signed)
    return signed


def office_with_users(session) -> None:
    """Siti the first administrator, Budi a Pelaksana, Dewi a Pemantau."""
    accounts.add_user(SITI, "admin", "rahasia1", session=session)
    sign_in(session, SITI)
    accounts.add_user(BUDI, "pelaksana", "rahasia1", session=session)
    accounts.add_user(DEWI, "Pemantau", "rahasia1", session=session)
    identity.set_current(None)


def test_the_first_user_must_be_an_administrator(session):
    with pytest.raises(InputError, match="Pengguna pertama harus Admin"):
        accounts.add_user(BUDI, "pelaksana", "rahasia1", session=session)
    assert not accounts.has_accounts(session=session)
    made = accounts.add_user(SITI, "admin", "rahasia1", session=session)
    assert (made.name, made.role) == ("Siti Aminah", identity.Role.ADMIN)
    row = session.exec(select(AccountRow)).one()
    assert row.password_hash.startswith("$argon2id$") and "rahasia1" not in row.password_hash
    key = session.exec(select(AccountKeyRow)).one()
    assert len(key.public_key) == 64 and key.valid_to is None


def test_after_the_first_account_only_an_admin_adds_users(session):
    accounts.add_user(SITI, "admin", "rahasia1", session=session)
    with pytest.raises(NotAllowed, match="Hanya Admin"):
        accounts.add_user(BUDI, "pelaksana", "rahasia1", session=session)
    signed = sign_in(session, SITI)
    assert (signed.name, signed.role) == ("Siti Aminah", identity.Role.ADMIN)
    accounts.add_user(BUDI, "pelaksana", "rahasia1", session=session)
    assert [u.name for u in accounts.list_users(session=session)] == ["Budi Santoso",
                                                                      "Siti Aminah"]
    with pytest.raises(InputError, match="sudah punya akun"):
        accounts.add_user(BUDI, "pemantau", "rahasia1", session=session)
    with pytest.raises(InputError, match="Peran 'camat' tidak dikenal"):
        accounts.add_user(DEWI, "camat", "rahasia1", session=session)
    with pytest.raises(InputError, match="Sandi terlalu pendek"):
        accounts.add_user(DEWI, "pemantau", "123", session=session)


def test_a_write_on_a_database_with_accounts_needs_a_sign_in(session):
    office_with_users(session)
    with pytest.raises(NotAllowed, match="masuk dulu"):
        start(session)
    assert session.exec(select(RoundEventRow)).all() == []


def test_wrong_passwords_are_counted_and_lock_the_account(session, monkeypatch):
    office_with_users(session)
    for attempt in range(1, 5):
        with pytest.raises(InputError, match=f"salah \\(percobaan ke-{attempt} dari 5\\)"):
            accounts.sign_in(BUDI, "salah-sandi", session=session)
    with pytest.raises(InputError, match="salah 5 kali: akun terkunci sampai"):
        accounts.sign_in(BUDI, "salah-sandi", session=session)
    with pytest.raises(InputError, match="terkunci sampai"):  # even the right password
        accounts.sign_in(BUDI, "rahasia1", session=session)
    later = accounts.now_utc() + timedelta(seconds=accounts.LOCK_SECONDS + 1)
    monkeypatch.setattr(accounts, "now_utc", lambda: later)
    assert accounts.sign_in(BUDI, "rahasia1", session=session).name == "Budi Santoso"
    row = session.exec(select(AccountRow).where(AccountRow.role == "pelaksana")).one()
    assert (row.failed_attempts, row.locked_until) == (0, None)


def test_a_deactivated_user_cannot_sign_in_and_its_key_ends(session):
    office_with_users(session)
    sign_in(session, SITI)
    accounts.deactivate(BUDI, session=session)
    identity.set_current(None)
    with pytest.raises(InputError, match="sudah dinonaktifkan"):
        accounts.sign_in(BUDI, "rahasia1", session=session)
    key = session.exec(select(AccountKeyRow).where(AccountKeyRow.account_id == 2)).one()
    assert key.valid_to is not None


def test_a_signed_in_user_deactivated_elsewhere_writes_no_more(catalogue_db, session):
    office_with_users(session)
    sign_in(session, BUDI)
    identity.set_current(sign_in(session, SITI))
    budi = accounts.sign_in(BUDI, "rahasia1", session=session)
    accounts.deactivate(BUDI, session=session)
    identity.set_current(budi)
    with catalogue_db.session() as other, pytest.raises(NotAllowed, match="dinonaktifkan"):
        start(other)


def test_a_pemantau_cannot_complete_a_step(session):
    office_with_users(session)
    sign_in(session, BUDI)
    r = start(session)
    sign_in(session, DEWI)
    with pytest.raises(NotAllowed, match="Pemantau: hanya boleh membaca dan mencetak"):
        rounds.complete_step(r.id, session=session, expected_version=r.version,
                             at=T0 + timedelta(minutes=30))
    session.rollback()
    assert rounds.get_round(r.id, session=session).version == r.version


def test_a_pelaksana_runs_rounds_but_cannot_change_the_directory(session):
    office_with_users(session)
    sign_in(session, BUDI)
    r = start(session)
    r = rounds.complete_step(r.id, session=session, expected_version=r.version,
                             at=T0 + timedelta(minutes=30))
    assert r.events[-1].entered_by.startswith("Budi Santoso (")
    with pytest.raises(NotAllowed, match="Pelaksana: hanya Admin yang boleh mengubah "
                                         "daftar pegawai"):
        officers.add_officer(session=session, name="Joko", nip="19910101 201501 1 009",
                             jabatan="Staf")


def test_entered_by_is_the_signed_in_officer_never_the_environment(session, monkeypatch):
    monkeypatch.setenv("USER", "camat")
    monkeypatch.setenv("LOGNAME", "camat")
    monkeypatch.setenv("USERNAME", "camat")
    r = start(session)  # a database with no account yet: the system's own account
    assert r.events[0].entered_by == identity.os_account() != "camat"
    office_with_users(session)
    sign_in(session, SITI)
    r = rounds.complete_step(r.id, session=session, expected_version=r.version,
                             at=T0 + timedelta(minutes=30), done_by="Budi Santoso")
    done = [e for e in r.events if e.kind == "step_completed"][-1]
    assert done.entered_by == (f"Siti Aminah ({identity.os_account()}) atas nama "
                               "Budi Santoso")
    assert "camat" not in {e.entered_by for e in r.events}


def test_an_owner_changes_their_password_and_keeps_their_key(session):
    office_with_users(session)
    before = sign_in(session, BUDI)
    accounts.set_password(BUDI, "sandi-baru", session=session)
    identity.set_current(None)
    with pytest.raises(InputError, match="salah"):
        accounts.sign_in(BUDI, "rahasia1", session=session)
    after = accounts.sign_in(BUDI, "sandi-baru", session=session)
    assert after.key_id == before.key_id


def test_an_admin_reset_gives_a_new_key(session):
    office_with_users(session)
    before = sign_in(session, BUDI)
    with pytest.raises(NotAllowed, match="Hanya Admin"):
        accounts.set_password(DEWI, "sandi-baru", session=session)
    sign_in(session, SITI)
    accounts.set_password(BUDI, "sandi-baru", session=session)
    after = accounts.sign_in(BUDI, "sandi-baru", session=session)
    assert after.key_id != before.key_id
    old = session.get(AccountKeyRow, before.key_id)
    assert old.valid_to is not None and old.valid_to <= session.get(
        AccountKeyRow, after.key_id).valid_from
