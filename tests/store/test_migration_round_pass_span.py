"""A database at schema 0011 whose rounds ran on a real book's SOP (a step in two lanes, one
Waktu over two steps) migrates to 0012: round_pass gains span_minutes and the caches are
refilled from the events, so the span's run and every holder are there as if just written."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from kecamatan_desktop.services import rounds
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.migrate import SCHEMA_HEAD
from tests.services.test_round_books import BOOK, done, store_book_sop
from tests.services.test_rounds import T0, add_staff
from tests.store.test_migration_real_books import _schema_back_to


def test_0011_rounds_get_the_span_and_the_holders_at_0012(tmp_path):
    path = tmp_path / "lama.db"
    db = open_catalogue(path)
    try:
        with db.session() as session:
            add_staff(session)
            store_book_sop(session)
            r = rounds.start_round(BOOK, session=session, title="Renja buku", at=T0,
                                   lanes={"Tim": "Budi Santoso", "Staf": "Dewi Lestari"})
            r = done(session, r)
            r = done(session, r, receivers=["Budi Santoso", "Rina Wati"])
            second = rounds.start_round(BOOK, session=session, title="Renja kedua", at=T0,
                                        lanes={"Tim": "Budi Santoso",
                                               "Staf": "Dewi Lestari"})
            for minutes in (30, 30, 30, 40, 40):
                second = done(session, second, minutes=minutes)
            assert second.current_step == 6
    finally:
        db.close()
    _schema_back_to(path, "0011")
    raw = sqlite3.connect(path)
    try:
        columns = {row[1] for row in raw.execute("PRAGMA table_info(round_pass)")}
        assert "span_minutes" not in columns
        # as the code of 0011 summarised them: the first holder alone
        raw.execute("UPDATE round SET holder = 'Budi Santoso' WHERE id = ?", (r.id,))
        raw.commit()
    finally:
        raw.close()
    db = open_catalogue(path)  # migrates to the head
    try:
        with db.session() as session:
            now = T0 + timedelta(days=1)
            listed = {x.id: x for x in rounds.list_rounds(session=session, now=now)}
    finally:
        db.close()
    assert listed[r.id].holder == "Budi Santoso, Rina Wati"
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
            SCHEMA_HEAD,)
        assert raw.execute("SELECT position, span_minutes, standard_minutes, late FROM "
                           "round_pass WHERE round_id = ? ORDER BY ordinal",
                           (second.id,)).fetchall()[3:5] == [(4, None, None, 0),
                                                             (5, 80, 60, 1)]
    finally:
        raw.close()
