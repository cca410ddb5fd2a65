"""The errors a user is told about: bad input they can fix, and a database that cannot be
used. Every message is Indonesian and says where; nothing was changed."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class InputError(ValueError):
    """Bad input from a user or a file; its message is Indonesian and says where."""


class Cancelled(Exception):
    """The user stopped a long operation (*Batal*): raised where a `progress(done, total)`
    callback returned False; nothing was written, no half file left."""


class StoreError(RuntimeError):
    """A database problem told in Indonesian, naming the file."""


class Problem(StrEnum):
    """Why a database file cannot be opened for work (store/diagnose.py finds out)."""

    FOLDER_MISSING = "folder_missing"
    MISSING = "missing"
    NOT_DATABASE = "not_database"
    CORRUPT = "corrupt"
    READ_ONLY = "read_only"
    LOCKED = "locked"
    NEWER_VERSION = "newer_version"


class ServerRefused(StoreError):
    """A server database this program cannot use as it is: the server down, the login
    refused, the database missing, or its schema behind and this login no owner to upgrade
    it. Told in one line (bad input, exit 2); nothing was changed."""


class DatabaseUnusable(StoreError):
    """The database cannot be opened for work; `problem` says why, the text says it in full."""

    def __init__(self, problem: Problem, path: Path, text: str) -> None:
        super().__init__(text)
        self.problem = problem
        self.path = Path(path)
