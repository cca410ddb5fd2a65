"""Where the database file lives; light enough for the command line's start-up (no SQL)."""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "KecamatanDesktop"
DB_FILE_NAME = "kecamatan.db"
ENV_VAR = "KECAMATAN_DB"


def default_db_path() -> Path:
    """On Windows `%LOCALAPPDATA%\\KecamatanDesktop\\kecamatan.db`."""
    from platformdirs import user_data_path  # imported late: only needed without --db

    return user_data_path(APP_DIR_NAME, appauthor=False) / DB_FILE_NAME


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """`--db PATH` first, then the KECAMATAN_DB environment variable, then the default."""
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return default_db_path()
