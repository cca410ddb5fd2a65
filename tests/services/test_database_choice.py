"""The database chosen for the window's next start: a file or a server's address, the server's
password kept by the keyring; --db and KECAMATAN_DB still come first."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy.engine import make_url

from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.paths import ServerDatabase, default_db_path, resolve_db_path
from kecamatan_desktop.services import database_choice
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.diagnose import DatabaseUnusable


def test_fields_with_any_characters_make_one_url_and_come_back_whole():
    server = database_choice.server_location(
        host=" sop-server ", port=5433, database="sop kantor", user="camat@kantor",
        password="p@ss:/#?% w")
    assert (server.host, server.port, server.database, server.user) == (
        "sop-server", 5433, "sop kantor", "camat@kantor")
    assert make_url(server.url).password == "p@ss:/#?% w"
    assert "p@ss" not in str(server) and "p@ss" not in repr(server)
    assert database_choice.keyring_account(server) == "camat@kantor@sop-server:5433/sop kantor"
    ipv6 = database_choice.server_location(host="::1", port=5432, database="d", user="u")
    assert (ipv6.host, ipv6.port) == ("::1", 5432)


@pytest.mark.parametrize(("fields", "told"), [
    ({"host": " "}, "server"), ({"database": ""}, "basis data"), ({"user": ""}, "pengguna"),
    ({"port": 0}, "port"),
])
def test_a_missing_field_is_told(fields, told):
    with pytest.raises(InputError, match=told):
        database_choice.server_location(**{"host": "h", "port": 5432, "database": "d",
                                           "user": "u", **fields})


def test_the_kept_server_comes_back_with_the_password_from_the_keyring(ring):
    server = database_choice.server_location(host="sop-server", port=5432, database="kantor",
                                             user="camat", password="rahasia")
    assert database_choice.remember_password(server, "rahasia")
    kept = database_choice.server_location(host="sop-server", port=5432, database="kantor",
                                           user="camat").url
    assert "rahasia" not in kept
    again = database_choice.saved_location(kept)
    assert isinstance(again, ServerDatabase) and again.url == server.url
    # nothing in the keyring for another server: its address alone (a .pgpass may serve)
    other = database_choice.saved_location(kept.replace("kantor", "lain"))
    assert make_url(other.url).password is None and other.database == "lain"
    # the server asks for no password any more: the one kept before is forgotten
    assert database_choice.remember_password(server, "")
    assert make_url(database_choice.saved_location(kept).url).password is None
    assert ring.passwords == {}


def test_without_a_keyring_nothing_is_kept(no_ring):
    server = database_choice.server_location(host="h", port=5432, database="d", user="u")
    assert not database_choice.remember_password(server, "rahasia")
    assert make_url(database_choice.saved_location(server.url).url).password is None


def test_a_kept_file_or_nothing(tmp_path):
    assert database_choice.saved_location(None) is None
    assert database_choice.saved_location("") is None
    assert database_choice.saved_location("ftp://server/kantor") is None  # not an address
    assert database_choice.saved_location(str(tmp_path / "k.db")) == tmp_path / "k.db"


def test_the_window_choice_comes_after_db_and_the_environment(monkeypatch, tmp_path):
    chosen = tmp_path / "pilihan.db"
    assert resolve_db_path(None, saved=lambda: chosen) == chosen
    assert resolve_db_path(None, saved=lambda: None) == default_db_path()
    assert resolve_db_path(None) == default_db_path()  # the commands: no saved choice
    monkeypatch.setenv("KECAMATAN_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None, saved=lambda: chosen) == tmp_path / "env.db"
    assert resolve_db_path(str(tmp_path / "arg.db"), saved=lambda: chosen) == \
        tmp_path / "arg.db"


def test_a_file_is_checked_without_being_made(tmp_path):
    new = tmp_path / "baru.db"
    assert "belum ada" in database_choice.check_file(new)
    assert not new.exists()
    open_catalogue(new).close()
    assert "dapat dibuka" in database_choice.check_file(new)
    with pytest.raises(DatabaseUnusable, match="tidak ada"):
        database_choice.check_file(tmp_path / "tidak-ada" / "k.db")


def test_a_server_nobody_answers_at_is_told_in_indonesian():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = database_choice.server_location(host="127.0.0.1", port=port, database="kantor",
                                             user="camat", password="rahasia")
    with pytest.raises(StoreError, match="tidak dapat dihubungi") as caught:
        database_choice.check_server(server)
    assert "rahasia" not in str(caught.value)


def test_a_server_database_is_checked_without_being_changed(pg_server, monkeypatch):
    monkeypatch.delenv("PGPASSWORD")
    empty = pg_server.fresh_database(migrated=False)
    try:
        url = make_url(pg_server.url)
        fields = {"host": url.host, "port": url.port or 5432, "database": empty.database,
                  "user": url.username}
        server = database_choice.server_location(**fields, password=url.password or "")
        assert "belum berisi data Kecamatan Desktop" in database_choice.check_server(server)
        assert "belum berisi" in database_choice.check_server(server)  # still empty: unchanged
        with pytest.raises(StoreError, match="ditolak"):
            database_choice.check_server(database_choice.server_location(
                **fields, password="salah"))
    finally:
        pg_server.drop(empty)
