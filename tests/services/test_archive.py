"""Nothing deletes history: an SOP with rounds is archived, kept whole, and can come back."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.domain.interchange import sop_from_dict
from kecamatan_desktop.services import catalogue, editing, printing, rounds
from kecamatan_desktop.services.catalogue import CatalogueError, ImportRefused
from kecamatan_desktop.services.editing import SopHasRounds
from kecamatan_desktop.store.models import SopRow
from tests.conftest import seed_dict
from tests.pg import RAW_ERRORS, Raw

RENJA = "poncokusumo-2018-renja"
RENSTRA = "poncokusumo-2018-renstra"
T0 = datetime(2026, 11, 2, 8, 0, tzinfo=WIB)  # a Monday, safely in the past
# every table that holds an SOP's history, from its revisions to its rounds' events
HISTORY = ("sop", "sop_revision", "lane", "step", "branch", "round", "round_lane",
           "round_event")


def make_rounds(session, sop_id: str = RENJA, titles=("Renja 2027", "Renja 2028")) -> list:
    """Rounds with a few steps done, through the rounds service. The only place these tests
    call it, so a change of its signatures is one edit here."""
    made = []
    for n, title in enumerate(titles):
        start = T0 + timedelta(days=7 * n)
        detail = rounds.start_round(sop_id, session=session, title=title, at=start)
        for k in range(1, 3):
            detail = rounds.complete_step(detail.id, session=session, note=f"catatan {k}",
                                          expected_version=detail.version,
                                          done_by="Drs. SUKARLIN, M.Si.", no_receiver=True,
                                          at=start + timedelta(minutes=30 * k))
        made.append(detail)
    return made


def row_counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: conn.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one()
                for t in HISTORY}


def listed(session, **kw) -> list[str]:
    return [s.id for s in catalogue.list_sops(session=session, **kw)]


def test_an_sop_with_rounds_cannot_be_deleted_and_nothing_goes(catalogue_db):
    with catalogue_db.session() as session:
        made = make_rounds(session)
    before = row_counts(catalogue_db)
    with catalogue_db.session() as session, pytest.raises(SopHasRounds) as refused:
        editing.delete_sop(RENJA, session=session)
    message = str(refused.value)
    assert "tidak dapat dihapus" in message and "2 putaran" in message
    assert f"putaran {made[0].id}: Renja 2027" in message
    assert f"putaran {made[1].id}: Renja 2028" in message
    assert "Arsipkan" in message
    assert [r.id for r in refused.value.rounds] == [d.id for d in made]
    assert row_counts(catalogue_db) == before
    with catalogue_db.session() as session:
        assert RENJA in listed(session)


def test_archiving_keeps_every_revision_round_and_event(catalogue_db):
    with catalogue_db.session() as session:
        editing.save_revision(edits.update_step(
            catalogue.get_sop(RENJA, session=session).sop, 0, time="1 jam"), session=session)
        made = make_rounds(session)
        logs = {d.id: rounds.get_round(d.id, session=session).events for d in made}
    before = row_counts(catalogue_db)
    assert before["round"] == 2 and before["round_event"] >= 6

    with catalogue_db.session() as session:
        change = catalogue.archive_sop(RENJA, session=session)
    assert (change.sop_id, change.archived, change.revisions, change.rounds) == (
        RENJA, True, 2, 2)
    assert row_counts(catalogue_db) == before
    with catalogue_db.session() as session:
        assert RENJA not in listed(session)
        shown = {s.id: s for s in catalogue.list_sops(session=session, include_archived=True)}
        assert shown[RENJA].archived and not shown[RENSTRA].archived
        stored = catalogue.get_sop(RENJA, session=session, revision=1)
        assert stored.archived and stored.current_revision == 2
        assert {d.id: rounds.get_round(d.id, session=session).events for d in made} == logs


def test_archive_and_restore_round_trip(catalogue_db):
    with catalogue_db.session() as session:
        make_rounds(session, titles=("Renja 2027",))
        everything = listed(session)
    before = row_counts(catalogue_db)
    with catalogue_db.session() as session:
        catalogue.archive_sop(RENJA, session=session)
        with pytest.raises(CatalogueError, match="sudah diarsipkan"):
            catalogue.archive_sop(RENJA, session=session)
        archived_at = session.get(SopRow, catalogue.sop_row(session, RENJA).id).archived_at
        assert archived_at.tzinfo is not None
        change = catalogue.unarchive_sop(RENJA, session=session)
        assert not change.archived and change.rounds == 1
        with pytest.raises(CatalogueError, match="tidak ada di arsip"):
            catalogue.unarchive_sop(RENJA, session=session)
        assert listed(session) == everything  # back in its place in the book order
        assert not catalogue.get_sop(RENJA, session=session).archived
    assert row_counts(catalogue_db) == before


def test_an_archived_sop_cannot_be_started_revised_or_replaced(catalogue_db):
    with catalogue_db.session() as session:
        catalogue.archive_sop(RENJA, session=session)
        row = catalogue.sop_row(session, RENJA)
        with pytest.raises(CatalogueError, match=f"SOP '{RENJA}' diarsipkan; pulihkan dulu"):
            catalogue.check_not_archived(row)
        sop = catalogue.get_sop(RENJA, session=session).sop
        with pytest.raises(CatalogueError, match="diarsipkan; pulihkan dulu dari arsip sebelum "
                                                 "mengubahnya"):
            editing.save_revision(edits.update_step(sop, 0, time="1 jam"), session=session)
        with pytest.raises(ImportRefused, match="ada di arsip"):
            catalogue.import_sops([sop], session=session, replace=True)
        with pytest.raises(editing.SaveRefused, match="SOP yang diarsipkan"):
            editing.duplicate_sop(RENSTRA, RENJA, session=session)
        assert catalogue.get_sop(RENJA, session=session).current_revision == 1
        catalogue.check_not_archived(catalogue.sop_row(session, RENSTRA))


def test_an_archived_sop_stays_out_of_the_printed_book(catalogue_db):
    with catalogue_db.session() as session:
        office = catalogue.get_sop(RENJA, session=session).sop.office.name
        assert RENJA in [s.sop.id for s in printing.load_book(office, session=session).sops]
        catalogue.archive_sop(RENJA, session=session)
        book = printing.load_book(office, session=session)
    assert RENJA not in [s.sop.id for s in book.sops]
    assert RENSTRA in [s.sop.id for s in book.sops]


def test_an_sop_without_rounds_can_still_be_deleted_even_from_the_archive(catalogue_db):
    with catalogue_db.session() as session:
        make_rounds(session, sop_id=RENSTRA, titles=("Renstra 2027",))
        catalogue.archive_sop(RENJA, session=session)
        assert editing.delete_sop(RENJA, session=session) == 1
        assert RENJA not in listed(session, include_archived=True)
        assert catalogue.rounds_of(RENSTRA, session=session)[0].title == "Renstra 2027"


def test_the_database_itself_refuses_deleting_an_sop_with_rounds(catalogue_db, db_path):
    with catalogue_db.session() as session:
        make_rounds(session, titles=("Renja 2027",))
    catalogue_db.close()
    conn = Raw(db_path)
    try:
        if not conn.server:
            conn.execute("PRAGMA foreign_keys=ON")
        with pytest.raises(RAW_ERRORS, match="(?i)FOREIGN KEY"):
            conn.execute("DELETE FROM sop WHERE slug = ?", (RENJA,))
        conn.rollback()
        # an SOP no round ran on goes, with its revisions (the refusal is the rounds')
        conn.execute("DELETE FROM sop WHERE slug = ?", (RENSTRA,))
        conn.commit()
        remaining = {slug for (slug,) in conn.execute("SELECT slug FROM sop")}
        rounds_left = conn.execute("SELECT COUNT(*) FROM round").fetchone()[0]
    finally:
        conn.close()
    assert RENJA in remaining and RENSTRA not in remaining
    assert rounds_left == 1


def test_a_file_for_an_archived_id_is_refused_by_the_import_too(catalogue_db):
    with catalogue_db.session() as session:
        catalogue.archive_sop(RENJA, session=session)
    before = row_counts(catalogue_db)
    with catalogue_db.session() as session, pytest.raises(ImportRefused, match="pulihkan dulu"):
        catalogue.import_sops([sop_from_dict(seed_dict(RENJA))], session=session)
    assert row_counts(catalogue_db) == before
