"""Before a backup or a dump takes the place of the office's records: is every round's
history as it was written? The hash chains are verified as `check` verifies them
(services/rounds.py `chain_problem`), on the copy, before anything live is touched."""

from __future__ import annotations

import shutil
import tempfile
from itertools import groupby
from pathlib import Path

from sqlalchemy import Connection, create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from kecamatan_desktop.services.rounds import chain_problem
from kecamatan_desktop.store import migrate
from kecamatan_desktop.store.round_models import RoundEventRow, RoundRow


def history_problem(session: Session) -> str | None:
    """The first round whose stored history is not as it was written, in Indonesian."""
    rounds = {r.id: r for r in session.exec(select(RoundRow).order_by(RoundRow.id))}
    events = session.exec(select(RoundEventRow).order_by(RoundEventRow.round_id,
                                                         RoundEventRow.seq))
    by_round = {rid: list(rows) for rid, rows in groupby(events, key=lambda r: r.round_id)}
    for rid, rnd in rounds.items():
        problem = chain_problem(by_round.get(rid, []), rnd)
        if problem:
            return f"riwayat putaran {rid} ({rnd.title}) rusak: {problem}"
    return None


def loaded_history_problem(conn: Connection) -> str | None:
    """`history_problem` of rows loaded but not yet committed on `conn`."""
    return history_problem(Session(bind=conn))


def staged_history_problem(staged: Path) -> str | None:
    """`history_problem` of a staged SQLite copy; one of an older schema is read from a
    migrated copy of it (today's code reads today's schema), the staged file unchanged."""
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{staged}")
        try:
            with engine.connect() as conn:
                current = migrate.current_revision(conn)
            if current != migrate.SCHEMA_HEAD:
                engine.dispose()
                copy = Path(folder) / "migrated.db"
                shutil.copyfile(staged, copy)
                engine = create_engine(f"sqlite:///{copy}")
                try:
                    migrate.upgrade(engine)
                except (migrate.MigrationError, SQLAlchemyError) as exc:
                    return f"skemanya tidak dapat diperbarui ke versi program ini ({exc})"
            with Session(engine) as session:
                return history_problem(session)
        finally:
            engine.dispose()
