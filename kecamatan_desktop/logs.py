"""The log file: standard logging into one rotating file beside the database."""

from __future__ import annotations

import logging
import os
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from kecamatan_desktop import __version__

LOG_FILE_NAME = "kecamatan-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # kecamatan-desktop.log.1 … .5: a few months of an office's ordinary use
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

_handler: logging.Handler | None = None
_path: Path | None = None


def log_folder(db_path: Path) -> Path | None:
    """The database's folder (the data folder), or the default data folder when that one
    is missing or read-only; None when neither takes a file."""
    from kecamatan_desktop.paths import ServerDatabase, default_db_path

    here = None if isinstance(db_path, ServerDatabase) else Path(db_path).parent
    if here is not None and here.is_dir() and os.access(here, os.W_OK):
        return here
    fallback = default_db_path().parent
    try:
        fallback.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return fallback if os.access(fallback, os.W_OK) else None


def setup_logging(db_path: Path, *, debug: bool = False) -> Path | None:
    """Log INFO (DEBUG with `debug`) to the rotating file; return its path, if one was made.

    Called again (tests run the CLI many times in one process), it replaces its handler.
    """
    global _handler, _path
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    _handler, _path = logging.NullHandler(), None  # never Python's last resort on stderr
    folder = log_folder(db_path)
    if folder is not None:
        try:
            _handler = RotatingFileHandler(folder / LOG_FILE_NAME, maxBytes=MAX_BYTES,
                                           backupCount=BACKUP_COUNT, encoding="utf-8")
            _handler.setFormatter(logging.Formatter(FORMAT))
            _path = folder / LOG_FILE_NAME
        except OSError:
            pass
    root.addHandler(_handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # noise each start
    logging.getLogger(__name__).info(
        "Kecamatan Desktop %s, Python %s on %s; database %s", __version__,
        platform.python_version(), platform.platform(), db_path)
    return _path


def log_path() -> Path | None:
    """The file the log goes to now."""
    return _path


def log_location() -> str:
    """The log's path for a message, or a sentence saying there is none."""
    return str(_path) if _path else "(tidak ada berkas log)"


def log_unexpected(doing: str, exc_info=None) -> None:
    """Record an exception nobody expected, with its traceback."""
    logging.getLogger("kecamatan_desktop").error(
        "unexpected error while %s", doing, exc_info=exc_info or sys.exc_info())
