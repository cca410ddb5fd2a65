"""The window's way to the services: opening the catalogue (migrated and, on first start,
filled from data/) and running one service function in a session of its own.

The window holds a `Database` only as a handle to pass back here; it opens no sessions and
imports nothing from store/ (an import-linter contract keeps it so). This module imports
the SQL side only when it is used, so the window can be shown before it loads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kecamatan_desktop.domain.errors import StoreError

if TYPE_CHECKING:
    from kecamatan_desktop.store.database import Database

log = logging.getLogger(__name__)
T = TypeVar("T")


def call(db: Database, service: Callable[..., T], /, *args, **kwargs) -> T:
    """`service(*args, session=…, **kwargs)` in a session of its own, which ends with it;
    a database failure comes out as StoreError with an Indonesian message."""
    with db.guard(), db.session() as session:
        return service(*args, session=session, **kwargs)


def open_catalogue(path: Path, *, seed_dir: Path | None = None,
                   read_only: bool = False) -> Database:
    """Open the database at `path`; one without offices is seeded from the catalogue in data/.

    Seeding is one transaction, so a seed cut short leaves no offices and is redone next start.
    The first open of a day backs the database up (store/backup.py); a database opened
    read-only is neither seeded nor backed up.
    """
    from kecamatan_desktop.resource_paths import data_dir
    from kecamatan_desktop.services.catalogue import list_office_names, seed_catalogue
    from kecamatan_desktop.services.officers import seed_camats
    from kecamatan_desktop.store import backup
    from kecamatan_desktop.store.database import open_database

    db = open_database(path, read_only=read_only)
    if read_only:
        return db
    if not db.created and isinstance(db.path, Path):  # a server is backed up by its keeper
        try:
            backup.daily_backup(db.path)
        except StoreError as exc:  # the work goes on; the log and the next start say more
            log.error("daily backup failed: %s", exc)
    with db.guard(), db.session() as session:
        if not list_office_names(session=session):
            seed_catalogue(seed_dir or data_dir(), session=session)
        seed_camats(session=session)
    return db
