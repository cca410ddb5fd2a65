"""The database the window opens at start, as chosen in Berkas → Basis data…: a file on this
PC or a database on a PostgreSQL server, tried before it is kept; a server's password is kept
by the system's keyring (Windows' Credential Manager), never beside the address."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import quote

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.network_path import is_network_path
from kecamatan_desktop.paths import DbLocation, ServerDatabase, as_location

log = logging.getLogger(__name__)

SETTING = "database/location"  # a file's path, or a server's URL without its password
KEYRING_SERVICE = "Kecamatan Desktop"


def server_location(*, host: str, port: int, database: str, user: str,
                    password: str = "") -> ServerDatabase:
    """The server database these fields name; refused in Indonesian when one is missing."""
    host, database, user = host.strip(), database.strip(), user.strip()
    if not host:
        raise InputError("Isi nama atau alamat server PostgreSQL.")
    if not database:
        raise InputError("Isi nama basis data di server itu.")
    if not user:
        raise InputError("Isi nama pengguna basis data.")
    if not 0 < port < 65536:
        raise InputError(f"Nomor port {port} tidak sah.")
    netloc_host = f"[{host}]" if ":" in host else host  # an IPv6 address
    secret = f":{quote(password, safe='')}" if password else ""
    return ServerDatabase(f"postgresql+psycopg://{quote(user, safe='')}{secret}@{netloc_host}:"
                          f"{port}/{quote(database, safe='')}")


def keyring_account(server: ServerDatabase) -> str:
    """The name the password is kept under: user@host:port/database."""
    return f"{server.user}@{server.host}:{server.port}/{server.database}"


def check_server(server: ServerDatabase) -> str:
    """Connect once and read which schema the database has; nothing is written. What was
    found, in Indonesian; a refusal is a StoreError saying why (never the password)."""
    from kecamatan_desktop.store import migrate
    from kecamatan_desktop.store.server import connect_checked, make_server_engine

    engine = make_server_engine(server, read_only=True)
    try:
        connect_checked(server, engine)
        with engine.connect() as conn:
            revision = migrate.current_revision(conn)
    finally:
        engine.dispose()
    if revision is None:
        return (f"Tersambung ke {server}. Basis data itu belum berisi data Kecamatan Desktop; "
                "bila masih kosong, program menyiapkannya saat dibuka dengan basis data ini.")
    return f"Tersambung ke {server}: basis data Kecamatan Desktop."


def check_file(path: Path) -> str:
    """Whether the program can open (or make) a database at `path`; nothing is written.
    What was found, in Indonesian; a refusal is a StoreError saying why."""
    from kecamatan_desktop.store.diagnose import check_openable

    path = Path(path)
    check_openable(path)
    found = (f"Berkas basis data {path} dapat dibuka." if path.is_file() else
             f"Berkas {path} belum ada; basis data baru dibuat di sana saat program dibuka.")
    if is_network_path(path):
        found += (" Perhatian: berkas itu ada di folder jaringan, yang tidak aman dipakai "
                  "bersama oleh beberapa PC; untuk beberapa PC pakailah server PostgreSQL.")
    return found


def remember_password(server: ServerDatabase, password: str) -> bool:
    """Keep the password in the system's keyring (no password: forget one kept before);
    False when this PC has no keyring to keep it in (then nothing is kept anywhere)."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, keyring_account(server), password)
        elif keyring.get_password(KEYRING_SERVICE, keyring_account(server)) is not None:
            keyring.delete_password(KEYRING_SERVICE, keyring_account(server))
    except PasswordDeleteError:
        return False
    except KeyringError as exc:  # NoKeyringError among them: the "fail" backend
        log.warning("no keyring to keep the password of %s: %s", server, type(exc).__name__)
        return False
    return True


def saved_location(text: str | None) -> DbLocation | None:
    """The database kept by the dialog (SETTING's value), a server's with its password from
    the keyring; None when nothing usable was kept."""
    if not text:
        return None
    try:
        where = as_location(text)
    except InputError:
        log.warning("the kept database choice is not an address; ignored")
        return None
    if not isinstance(where, ServerDatabase):
        return where
    password = _kept_password(where)
    if not password:  # the server may trust this PC, or the user has a .pgpass
        return where
    return server_location(host=where.host, port=where.port, database=where.database,
                           user=where.user, password=password)


def _kept_password(server: ServerDatabase) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(server))
    except KeyringError as exc:
        log.warning("the keyring gave no password for %s: %s", server, type(exc).__name__)
        return None
