"""A PostgreSQL server named by URL: recognised, never taken as a file name, and refused
in one Indonesian line that names the server and database, never the password."""

from __future__ import annotations

import sys

import pytest

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.paths import ServerDatabase, as_location, resolve_db_path
from kecamatan_desktop.store.database import open_database
from tests.test_cli import run

URL = "postgresql+psycopg://kantor:rahasia-sekali@10.0.0.5:5433/poncokusumo"


def test_a_url_names_a_server_database_and_its_text_hides_the_password():
    where = as_location(URL)
    assert isinstance(where, ServerDatabase)
    assert (where.host, where.port, where.database, where.user) == (
        "10.0.0.5", 5433, "poncokusumo", "kantor")
    assert str(where) == "postgresql://kantor@10.0.0.5:5433/poncokusumo"
    assert "rahasia" not in str(where) and "rahasia" in where.url
    assert as_location("postgresql://k@h/db").url == "postgresql+psycopg://k@h/db"


def test_the_environment_variable_takes_a_url_too(monkeypatch):
    monkeypatch.setenv("KECAMATAN_DB", URL)
    assert resolve_db_path(None) == ServerDatabase(URL)
    assert resolve_db_path("C:/data/kecamatan.db").name == "kecamatan.db"


@pytest.mark.parametrize("text, words", [
    ("mysql://k:s@h/db", "tidak dikenal"),
    ("postgresql+psycopg://k:s@h:5432/", "tanpa nama basis data"),
    ("postgresql+psycopg://k:s@h:port/db", "port"),
])
def test_a_url_of_another_kind_is_refused_not_made_a_folder(capsys, tmp_path, monkeypatch,
                                                             text, words):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--db", text, "list")
    assert code == 2 and out == "" and words in err and "Traceback" not in err
    assert "s@" not in err and list(tmp_path.iterdir()) == []
    with pytest.raises(InputError):
        as_location(text)


def test_an_unreachable_server_is_one_line_naming_it(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--db", "postgresql+psycopg://kantor:rahasia@127.0.0.1:1/renja",
                         "list")
    assert code == 2 and out == ""  # a database that will not open: bad input
    assert err.strip().splitlines() == [
        "Server PostgreSQL 127.0.0.1:1 tidak dapat dihubungi (basis data renja). Periksa "
        "jaringan, nama server dan portnya, dan bahwa server menyala; tidak ada yang diubah."]
    assert list(tmp_path.iterdir()) == []  # no folder named postgresql+psycopg:


def test_a_wrong_password_is_told_without_it(capsys, pg_server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    where = pg_server.fresh_database(migrated=False)
    try:
        url = where.url.replace(f"@{where.host}", f":salah-{pg_server.password}x@{where.host}")
        code, _, err = run(capsys, "--db", url, "list")
        assert code == 2 and "ditolak" in err and where.database in err
        assert len(err.strip().splitlines()) == 1
        assert where.host in err and "salah" not in err and "Traceback" not in err
        # the database was not touched: still empty, so the first real open creates it
        db = open_database(where)
        assert db.created
        db.close()
    finally:
        pg_server.drop(where)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_database_is_told_with_its_name(capsys, pg_server):
    where = pg_server.where("kd_tidak_ada")
    with pytest.raises(StoreError, match="Basis data kd_tidak_ada tidak ada di server"):
        open_database(where)


def test_an_empty_server_database_becomes_the_catalogue(capsys, pg_server):
    where = pg_server.fresh_database(migrated=False)
    try:
        code, out, _ = run(capsys, "--db", where, "list")
        assert code == 0 and len(out.splitlines()) == 21
        code, out, _ = run(capsys, "--db", where, "check")
        assert (code, out.strip()) == (0, "OK")
    finally:
        pg_server.drop(where)


def test_a_server_database_of_other_tables_is_refused_untouched(pg_server):
    where = pg_server.fresh_database(migrated=False)
    try:
        from sqlalchemy import create_engine

        engine = create_engine(where.url)
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE gaji (id int)")
        with pytest.raises(StoreError, match="sudah berisi tabel lain"):
            open_database(where)
        with engine.connect() as conn:
            tables = conn.exec_driver_sql(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public'").scalars().all()
        engine.dispose()
        assert tables == ["gaji"]
    finally:
        pg_server.drop(where)


def test_a_build_without_the_driver_says_so_in_one_line(capsys, tmp_path, monkeypatch):
    """The Windows installer does not carry psycopg (its OpenSSL would take the installed
    program over its size budget): a server's URL is told, not a traceback."""
    monkeypatch.chdir(tmp_path)
    for name in [m for m in sys.modules if m == "psycopg" or m.startswith("psycopg.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    code, out, err = run(capsys, "--db", "postgresql+psycopg://kantor:rahasia@127.0.0.1:1/renja",
                         "list")
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [
        "Program ini dipasang tanpa driver PostgreSQL (psycopg), jadi server 127.0.0.1:1 "
        "(basis data renja) belum dapat dipakai dari PC ini; tidak ada yang diubah. Pakai "
        "berkas basis data di PC ini."]
    assert "rahasia" not in err and list(tmp_path.iterdir()) == []
