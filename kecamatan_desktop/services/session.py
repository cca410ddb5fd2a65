"""Opening the catalogue: the database migrated and, on first start, filled from data/."""

from __future__ import annotations

from pathlib import Path

from kecamatan_desktop.resource_paths import data_dir
from kecamatan_desktop.services.catalogue import list_office_names, seed_catalogue
from kecamatan_desktop.services.officers import seed_camats
from kecamatan_desktop.store.database import Database, open_database


def open_catalogue(path: Path, *, seed_dir: Path | None = None) -> Database:
    """Open the database at `path`; one without offices is seeded from the catalogue in data/.

    Seeding is one transaction, so a seed cut short leaves no offices and is redone next start.
    """
    db = open_database(path)
    with db.guard(), db.session() as session:
        if not list_office_names(session=session):
            seed_catalogue(seed_dir or data_dir(), session=session)
        seed_camats(session=session)
    return db
