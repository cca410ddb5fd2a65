"""Where the database lives: a file, or a PostgreSQL server named by URL; light enough for the
command line's start-up (no SQL)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kecamatan_desktop.domain.errors import InputError

APP_DIR_NAME = "KecamatanDesktop"
DB_FILE_NAME = "kecamatan.db"
ENV_VAR = "KECAMATAN_DB"
# psycopg 3 is the driver; plain postgresql:// is taken to mean it too
SERVER_SCHEMES = ("postgresql+psycopg", "postgresql", "postgres")


@dataclass(frozen=True)
class ServerDatabase:
    """A database on a PostgreSQL server, shared by the office's PCs.

    `str()` names it without the password, so it can go into messages and logs; `url` is
    what the driver connects with and is never shown.
    """

    url: str

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or "localhost"

    @property
    def port(self) -> int:
        return urlsplit(self.url).port or 5432

    @property
    def database(self) -> str:
        return unquote(urlsplit(self.url).path.lstrip("/"))

    @property
    def user(self) -> str:
        return unquote(urlsplit(self.url).username or "")

    @property
    def name(self) -> str:
        """The database's name: the window shows it where it shows a file's name."""
        return self.database

    @property
    def parent(self) -> str:
        """The server: the window shows it where it shows a file's folder."""
        return f"{self.host}:{self.port}"

    def __repr__(self) -> str:  # a Database's repr in a log or traceback: no password
        return f"ServerDatabase({str(self)!r})"

    def __str__(self) -> str:
        user = f"{self.user}@" if self.user else ""
        return f"postgresql://{user}{self.host}:{self.port}/{self.database}"


DbLocation = Path | ServerDatabase


def server_database(text: str) -> ServerDatabase | None:
    """The server database `text` names, None when it is no URL (a file path); a URL of
    another kind, or one without a database name, is refused, never taken as a file name."""
    if "://" not in text:
        return None
    scheme, _, rest = text.partition("://")
    if scheme.lower() not in SERVER_SCHEMES:
        raise InputError(f"Alamat basis data {scheme}://… tidak dikenal. Gunakan jalur berkas "
                         "atau postgresql+psycopg://pengguna:sandi@server:5432/nama_basis_data.")
    server = ServerDatabase(f"postgresql+psycopg://{rest}")
    try:
        server.port  # noqa: B018 - urlsplit checks the port only when it is read
    except ValueError:
        raise InputError(f"Nomor port pada alamat basis data {server.host} tidak sah.") from None
    if not server.database or "/" in server.database:
        raise InputError(f"Alamat server {server.host} tanpa nama basis data; tulis "
                         "postgresql+psycopg://pengguna:sandi@server:5432/nama_basis_data.")
    return server


def as_location(value: str | os.PathLike | ServerDatabase) -> DbLocation:
    """A file path or a server database, from what the user or a caller gave."""
    if isinstance(value, ServerDatabase):
        return value
    return server_database(os.fspath(value)) or Path(value)


def data_folder() -> Path:
    """The user's data folder: the default database, the editor's recovery files and this
    PC's witnesses (on Windows `%LOCALAPPDATA%\\KecamatanDesktop`)."""
    from platformdirs import user_data_path  # imported late: only needed without --db

    return user_data_path(APP_DIR_NAME, appauthor=False)


def default_db_path() -> Path:
    """On Windows `%LOCALAPPDATA%\\KecamatanDesktop\\kecamatan.db`."""
    return data_folder() / DB_FILE_NAME


def resolve_db_path(explicit: str | os.PathLike | None = None, *,
                    saved: Callable[[], DbLocation | None] | None = None) -> DbLocation:
    """`--db PATH|URL` first, then the KECAMATAN_DB environment variable, then what `saved`
    gives (the window's choice in Berkas → Basis data…), then the default."""
    if explicit:
        return as_location(explicit)
    if os.environ.get(ENV_VAR):
        return as_location(os.environ[ENV_VAR])
    chosen = saved() if saved is not None else None
    return chosen if chosen is not None else default_db_path()
