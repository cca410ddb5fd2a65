"""The catalogue list read with plain sqlite3, before SQLAlchemy is imported: what the
window shows at its first paint. Reads only; a file that is not exactly as this program
leaves it (missing, another schema revision, locked, damaged) gives None, and start-up
takes the full way in (store/database.py), which explains any problem.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kecamatan_desktop.paths import ServerDatabase
from kecamatan_desktop.store.schema import SCHEMA_HEAD

WAIT_MS = 100  # a writer holding the file longer than this: the full way in waits instead

_SOPS = """
SELECT r.id, s.slug, r.name, r.number, o.name, r.revision, r.is_draft,
       s.archived_at IS NOT NULL
FROM sop s
JOIN sop_revision r ON r.sop_id = s.id AND r.revision = s.revision
JOIN office o ON o.id = s.office_id
ORDER BY o.position, s.position, s.id
"""
_STEPS = """
SELECT st.revision_id, st.activity, st.requirements, st.output, st.notes
FROM step st
JOIN sop_revision r ON r.id = st.revision_id
JOIN sop s ON s.id = r.sop_id AND s.revision = r.revision
ORDER BY st.revision_id, st.position
"""


@dataclass(frozen=True)
class CatalogueRows:
    sops: list[tuple]  # revision id, slug, name, number, office, revision, is_draft, archived
    steps: list[tuple]  # revision id, activity, requirements, output, notes
    offices: list[str]


def catalogue_rows(execute) -> tuple[list[tuple], list[tuple]]:
    """The SOP lines and their steps' texts through `execute(sql)`: a sqlite3 connection's
    at start-up, an SQLAlchemy connection's `exec_driver_sql` in the services, so both
    read the catalogue with the same query."""
    return [tuple(r) for r in execute(_SOPS)], [tuple(r) for r in execute(_STEPS)]


def read_catalogue(path: Path) -> CatalogueRows | None:
    if isinstance(path, ServerDatabase):  # no quick way in: the full one
        return None
    path = Path(path)
    if not path.is_file():
        return None
    try:
        # mode=rw: never creates a file; query_only: this connection writes nothing
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True,
                              timeout=WAIT_MS / 1000, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        con.execute("PRAGMA query_only=ON")
        con.execute("BEGIN")  # one read: list, steps and offices from the same moment
        try:
            version = con.execute("SELECT version_num FROM alembic_version").fetchone()
            if version is None or version[0] != SCHEMA_HEAD:
                return None
            sops, steps = catalogue_rows(con.execute)
            offices = [name for (name,) in con.execute(
                "SELECT name FROM office ORDER BY position")]
        finally:
            con.execute("ROLLBACK")
    except sqlite3.Error:
        return None
    finally:
        con.close()
    if not offices:
        return None  # not seeded yet: the full way in fills it first
    return CatalogueRows(sops=sops, steps=steps, offices=offices)
