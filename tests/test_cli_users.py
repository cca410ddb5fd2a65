"""Command line: the first administrator, `--user NIP` with KECAMATAN_PASSWORD, the user
commands, and every write refused (exit 2) without a valid sign-in or the role for it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from kecamatan_desktop.services import accounts
from tests.test_cli import run
from tests.test_cli_rounds import STAFF

SITI, BUDI, DEWI = (nip for _name, nip, _jabatan in STAFF[:3])
RENJA = "poncokusumo-2018-renja"


@pytest.fixture
def office(capsys, db_path, monkeypatch):
    """Siti the first administrator; Budi a Pelaksana, Dewi a Pemantau (passwords
    'sandi-<name>')."""
    for name, nip, jabatan in STAFF:
        assert run(capsys, "--db", db_path, "officer", "add", "--name", name, "--nip", nip,
                   "--jabatan", jabatan)[0] == 0
    monkeypatch.setenv("KECAMATAN_PASSWORD", "sandi-siti")
    code, out, err = run(capsys, "--db", db_path, "user", "add", SITI, "--role", "admin")
    assert code == 0, err
    assert "Pengguna ditambahkan: Siti Aminah" in out
    for nip, role, password in ((BUDI, "pelaksana", "sandi-budi"),
                                (DEWI, "pemantau", "sandi-dewi")):
        monkeypatch.setenv("KECAMATAN_NEW_PASSWORD", password)
        code, _, err = run(capsys, "--db", db_path, "--user", SITI, "user", "add", nip,
                           "--role", role)
        assert code == 0, err
    monkeypatch.delenv("KECAMATAN_NEW_PASSWORD")
    monkeypatch.delenv("KECAMATAN_PASSWORD")
    return db_path


def as_user(capsys, monkeypatch, db_path, nip, password, *args):
    monkeypatch.setenv("KECAMATAN_PASSWORD", password)
    return run(capsys, "--db", db_path, "--user", nip, *args)


def start(capsys, monkeypatch, db_path, nip=BUDI, password="sandi-budi"):
    return as_user(capsys, monkeypatch, db_path, nip, password, "round", "start", RENJA,
                   "--title", "Renja 2027", "--lane", "Tim=Budi Santoso",
                   "--lane", "Staf=Dewi Lestari")


def test_a_write_without_a_sign_in_is_refused(capsys, office, monkeypatch):
    code, _, err = run(capsys, "--db", office, "round", "start", RENJA, "--title", "X")
    assert code == 2 and "masuk dulu" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "--db", office, "round", "list", "--json")  # reading is free
    assert code == 0 and json.loads(out) == []
    code, _, err = run(capsys, "--db", office, "user", "list")
    assert code == 2 and "Hanya Admin" in err


def test_wrong_passwords_lock_the_account_until_the_lock_passes(capsys, office, monkeypatch):
    for attempt in range(1, 6):
        code, _, err = start(capsys, monkeypatch, office, password="bukan-sandi")
        assert code == 2 and "Sandi untuk Budi Santoso salah" in err
        assert (f"percobaan ke-{attempt} dari 5" in err) == (attempt < 5)
    assert "akun terkunci sampai" in err
    code, _, err = start(capsys, monkeypatch, office)  # the right one, while locked
    assert code == 2 and "terkunci sampai" in err
    later = accounts.now_utc() + timedelta(seconds=accounts.LOCK_SECONDS + 1)
    monkeypatch.setattr(accounts, "now_utc", lambda: later)
    code, out, err = start(capsys, monkeypatch, office)
    assert code == 0, err


def test_a_deactivated_user_is_refused(capsys, office, monkeypatch):
    code, out, _ = as_user(capsys, monkeypatch, office, SITI, "sandi-siti", "user",
                           "deactivate", BUDI)
    assert code == 0 and "dinonaktifkan" in out
    code, _, err = start(capsys, monkeypatch, office)
    assert code == 2 and "Akun Budi Santoso" in err and "dinonaktifkan" in err
    code, out, _ = as_user(capsys, monkeypatch, office, SITI, "sandi-siti", "user", "list")
    assert code == 0 and "nonaktif" in out.splitlines()[0] and "Budi Santoso" in out


def test_a_pemantau_cannot_complete_a_step(capsys, office, monkeypatch):
    assert start(capsys, monkeypatch, office)[0] == 0
    code, _, err = as_user(capsys, monkeypatch, office, DEWI, "sandi-dewi", "round",
                           "complete", "1", "--step", "1")
    assert code == 2 and "Pemantau: hanya boleh membaca dan mencetak" in err
    shown = json.loads(as_user(capsys, monkeypatch, office, DEWI, "sandi-dewi", "round",
                               "show", "1", "--json")[1])
    assert shown["version"] == 1 and shown["current_step"] == 1


def test_a_pelaksana_cannot_edit_an_sop(capsys, office, monkeypatch):
    code, _, err = as_user(capsys, monkeypatch, office, BUDI, "sandi-budi", "archive",
                           "poncokusumo-2018-renstra")
    assert code == 2 and "hanya Admin yang boleh mengubah SOP" in err
    code, out, _ = as_user(capsys, monkeypatch, office, SITI, "sandi-siti", "archive",
                           "poncokusumo-2018-renstra")
    assert code == 0 and "Diarsipkan" in out


def test_the_environment_does_not_name_who_entered(capsys, office, monkeypatch):
    monkeypatch.setenv("USER", "camat")
    monkeypatch.setenv("LOGNAME", "camat")
    assert start(capsys, monkeypatch, office)[0] == 0
    shown = json.loads(as_user(capsys, monkeypatch, office, BUDI, "sandi-budi", "round",
                               "show", "1", "--json")[1])
    entered = shown["events"][0]["entered_by"]
    assert entered.startswith("Budi Santoso (") and "camat" not in entered


def test_user_password_changes_the_own_password(capsys, office, monkeypatch):
    monkeypatch.setenv("KECAMATAN_NEW_PASSWORD", "sandi-baru-budi")
    code, out, err = as_user(capsys, monkeypatch, office, BUDI, "sandi-budi", "user",
                             "password", BUDI)
    assert code == 0 and "Sandi Budi Santoso" in out, err
    monkeypatch.delenv("KECAMATAN_NEW_PASSWORD")
    assert start(capsys, monkeypatch, office)[0] == 2
    assert start(capsys, monkeypatch, office, password="sandi-baru-budi")[0] == 0


def test_the_first_user_must_be_an_admin(capsys, db_path, monkeypatch):
    monkeypatch.setenv("KECAMATAN_PASSWORD", "sandi-siti")
    code, _, err = run(capsys, "--db", db_path, "user", "add", "Drs. SUKARLIN, M.Si.",
                       "--role", "pelaksana")
    assert code == 2 and "Pengguna pertama harus Admin" in err
    code, _, err = run(capsys, "--db", db_path, "user", "add", "123", "--role", "admin")
    assert code == 2 and "Pegawai '123' tidak ada" in err
