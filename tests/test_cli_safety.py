"""The command line with a broken database, backups, restores, the log and closed pipes:
one Indonesian line and an exit code, never a traceback."""

from __future__ import annotations

import logging
import sqlite3
import stat
import subprocess
import sys

import pytest

from kecamatan_desktop import logs
from kecamatan_desktop.cli import main
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.store import backup
from tests.test_cli import run

pytestmark = pytest.mark.sqlite_only  # broken files, file backups and the log beside the file


@pytest.fixture
def filled(capsys, db_path):
    assert run(capsys, "--db", db_path, "list")[0] == 0
    return db_path


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    return lines[0]


def test_a_mistyped_folder_is_one_line_and_exit_2(capsys, tmp_path):
    code, out, err = run(capsys, "--db", tmp_path / "Dokumne" / "kecamatan.db", "list")
    assert code == 2 and out == ""
    assert "Folder" in one_line(err) and "pilih berkas lain dengan --db" in err
    assert not (tmp_path / "Dokumne").exists()


def test_a_lost_database_names_the_latest_backup_to_restore(capsys, filled):
    latest = backup.daily_backup(filled).path
    filled.unlink()
    code, _, err = run(capsys, "--db", filled, "list")
    line = one_line(err)
    assert code == 2 and f'restore "{latest}"' in line and not filled.exists()
    # the way out, as printed, works
    assert run(capsys, "--db", filled, "restore", latest)[0] == 0
    code, out, _ = run(capsys, "--db", filled, "list")
    assert code == 0 and len(out.splitlines()) == 21


@pytest.mark.parametrize("damage, words", [
    (lambda p: p.write_bytes(b"bukan basis data" * 300), "bukan basis data Kecamatan Desktop"),
    (lambda p: p.write_bytes(p.read_bytes()[:30_000]), "terpotong"),
])
def test_a_damaged_database_is_one_line_and_exit_2(capsys, filled, damage, words):
    damage(filled)
    before = filled.read_bytes()
    code, _, err = run(capsys, "--db", filled, "list")
    assert code == 2 and words in one_line(err)
    assert filled.read_bytes() == before


def test_a_newer_database_is_refused_but_prints_read_only(capsys, filled, tmp_path):
    con = sqlite3.connect(filled)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    code, _, err = run(capsys, "--db", filled, "list")
    assert code == 2 and "lebih baru" in one_line(err) and "--read-only" in err
    code, out, _ = run(capsys, "--db", filled, "--read-only", "list")
    assert code == 0 and len(out.splitlines()) == 21
    pdf = tmp_path / "renja.pdf"
    assert run(capsys, "--db", filled, "--read-only", "pdf", "poncokusumo-2018-renja",
               "-o", pdf)[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_read_only_file_is_refused_and_a_write_in_read_only_mode_says_why(capsys, filled):
    filled.chmod(stat.S_IRUSR)
    try:
        code, _, err = run(capsys, "--db", filled, "list")
        assert code == 2 and "hanya dapat dibaca" in one_line(err)
        code, _, err = run(capsys, "--db", filled, "--read-only", "archive",
                           "poncokusumo-2018-renja")
        assert code == 1 and "hanya untuk dibaca dan dicetak" in one_line(err)
    finally:
        filled.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_backup_to_a_file_and_restore_it(capsys, filled, tmp_path):
    copy = tmp_path / "flashdisk" / "salinan.db"
    copy.parent.mkdir()
    code, out, _ = run(capsys, "--db", filled, "backup", "-o", copy)
    assert code == 0 and out.strip() == str(copy)
    assert run(capsys, "--db", filled, "delete", "poncokusumo-2018-renja")[0] == 0
    code, out, _ = run(capsys, "--db", filled, "restore", copy)
    assert code == 0 and "Dipulihkan dari" in out and "sebelum-pemulihan" in out
    code, out, _ = run(capsys, "--db", filled, "list")
    assert "poncokusumo-2018-renja" in out


def test_backup_without_a_file_goes_to_the_backups_folder(capsys, filled):
    code, out, _ = run(capsys, "--db", filled, "backup")
    made = backup.list_backups(filled)
    assert code == 0 and out.strip() == str(made[0].path) and made[0].kind == backup.MANUAL


def test_restore_refuses_a_file_that_is_not_ours(capsys, filled, tmp_path):
    other = tmp_path / "catatan.txt"
    other.write_text("bukan basis data", encoding="utf-8")
    before = filled.read_bytes()
    code, _, err = run(capsys, "--db", filled, "restore", other)
    assert code == 2 and "bukan basis data Kecamatan Desktop" in one_line(err)
    assert filled.read_bytes() == before


def test_the_log_is_beside_the_database_and_debug_adds_detail(capsys, filled):
    log_file = filled.parent / logs.LOG_FILE_NAME
    text = log_file.read_text(encoding="utf-8")
    assert "INFO" in text and "command list" in text and "DEBUG" not in text
    run(capsys, "--db", filled, "--debug", "list")
    assert "DEBUG" in log_file.read_text(encoding="utf-8")


def test_the_log_rotates(tmp_path):
    path = logs.setup_logging(tmp_path / "kecamatan.db")
    for n in range(1200):
        logging.getLogger("kecamatan_desktop.uji").info("baris %d %s", n, "x" * 1000)
    assert path.stat().st_size <= logs.MAX_BYTES
    assert path.with_name(path.name + ".1").exists()


def test_an_unexpected_error_is_one_line_naming_the_log(capsys, filled, monkeypatch):
    def broken(**_):
        raise RuntimeError("kesalahan program yang belum dikenal")

    monkeypatch.setattr(catalogue, "list_sops", broken)  # a bug, planted where `list` runs
    code, out, err = run(capsys, "--db", filled, "list")
    log_file = filled.parent / logs.LOG_FILE_NAME
    assert code == 1 and out == ""
    assert str(log_file) in one_line(err) and "Galat tak terduga" in err
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "kesalahan program yang belum dikenal" in text


def test_a_closed_pipe_ends_quietly(filled):
    proc = subprocess.Popen([sys.executable, "-m", "kecamatan_desktop", "--db", str(filled),
                             "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # as `| head` does once it has its lines, here before any is written
    _, err = proc.communicate(timeout=120)
    assert err.decode() == "" and proc.returncode == 1


def test_main_returns_for_every_command_with_a_log(capsys, filled):
    assert main(["--db", str(filled), "check"]) == 0
    assert logs.log_path() == filled.parent / logs.LOG_FILE_NAME
