"""The window's way to the services: opening the catalogue (migrated and, on first start,
filled from data/) and running one service function in a session of its own, whose
committed changes (services/changes.py) go to the listeners of that database.

The window holds a `Database` only as a handle to pass back here; it opens no sessions and
imports nothing from store/ (an import-linter contract keeps it so). This module imports
the SQL side only when it is used, so the window can be shown before it loads.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kecamatan_desktop.domain.errors import StoreError
from kecamatan_desktop.services import changes
from kecamatan_desktop.services.changes import Changes

if TYPE_CHECKING:
    from kecamatan_desktop.store.database import Database

log = logging.getLogger(__name__)
T = TypeVar("T")
Listener = Callable[[Changes], None]
# by id(db): a Database is a mutable dataclass, so not a dict key; emptied when it goes
_listeners: dict[int, list[Listener]] = {}


def call(db: Database, service: Callable[..., T], /, *args, **kwargs) -> T:
    """`service(*args, session=…, **kwargs)` in a session of its own, which ends with it;
    a database failure comes out as StoreError with an Indonesian message. What its commits
    changed goes to the database's listeners (in the thread that called), even when it
    failed after a commit; a write rolled back tells nothing."""
    with db.guard(), db.session() as session:
        changes.track(session)
        try:
            return service(*args, session=session, **kwargs)
        finally:
            done = changes.committed(session)
            if done:
                announce(db, done)


def listen(db: Database, listener: Listener) -> Callable[[], None]:
    """Call `listener(changes)` after each write to `db` through `call`; returns the way to
    stop."""
    key = id(db)
    if key not in _listeners:
        _listeners[key] = []
        weakref.finalize(db, _listeners.pop, key, None)
    _listeners[key].append(listener)

    def stop(*_destroyed) -> None:  # also a slot of a QObject's `destroyed`
        if listener in _listeners.get(key, ()):
            _listeners[key].remove(listener)
    return stop


def announce(db: Database, done: Changes) -> None:
    """Tell `db`'s listeners what changed (a write outside `call`: a restore)."""
    for listener in list(_listeners.get(id(db), ())):
        listener(done)


def open_catalogue(path: Path, *, seed_dir: Path | None = None,
                   read_only: bool = False) -> Database:
    """Open the database at `path`; one without offices is seeded from the catalogue in data/.

    Seeding is one transaction, so a seed cut short leaves no offices and is redone next start.
    The first open of a day backs the database up (store/backup.py); a database opened
    read-only is neither seeded nor backed up.
    """
    from kecamatan_desktop.resource_paths import data_dir
    from kecamatan_desktop.services import rights, signatures  # noqa: F401 - writes checked, signed
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
