"""Reuse across offices in the services: the SOPs a procedure can be copied from, one
revision of one read back, a save that keeps where its procedure came from, and Gandakan SOP
into another office."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.procedure_copy import copy_procedure
from kecamatan_desktop.services import catalogue, editing, procedure_copy
from kecamatan_desktop.services.catalogue import CatalogueError
from kecamatan_desktop.services.editing import SaveRefused

RENJA = "poncokusumo-2018-renja"
NGANTANG_RENJA = "ngantang-2021-renja"
NOTE = "Prosedur disalin dari Penyusunan Rencana Kerja (Renja) (Kecamatan Poncokusumo), revisi 2"


def current(db, sop_id):
    with db.session() as session:
        return catalogue.get_sop(sop_id, session=session)


def revision_rows(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM sop_revision")).scalar()


def test_the_sources_are_the_drawn_sops_of_every_office(catalogue_db):
    with catalogue_db.session() as session:
        sources = procedure_copy.copy_sources(session=session)
        without = procedure_copy.copy_sources(session=session, exclude=RENJA)
    assert {s.office for s in sources} == {"Kecamatan Poncokusumo"}  # Ngantang's are empty
    assert len(sources) == 9 and all(s.steps for s in sources)
    assert RENJA in [s.id for s in sources] and RENJA not in [s.id for s in without]
    assert NGANTANG_RENJA not in [s.id for s in sources]


def test_an_earlier_revision_is_read_as_it_was(catalogue_db):
    first = current(catalogue_db, RENJA).sop
    with catalogue_db.session() as session:
        editing.save_revision(edits.delete_step(first, 11), session=session)
        newest = procedure_copy.read_source(RENJA, session=session)
        older = procedure_copy.read_source(RENJA, session=session, revision=1)
    assert (newest.revision, len(newest.sop.steps)) == (2, 11)
    assert (older.revision, older.current_revision, len(older.sop.steps)) == (1, 2, 12)
    assert older.office == "Kecamatan Poncokusumo"
    assert [r.revision for r in older.revisions] == [2, 1]
    with catalogue_db.session() as session, pytest.raises(CatalogueError, match="revisi 7"):
        procedure_copy.read_source(RENJA, session=session, revision=7)


def test_the_copy_saved_into_ngantang_keeps_its_note_and_its_office(catalogue_db):
    with catalogue_db.session() as session:
        source = procedure_copy.read_source(RENJA, session=session)
    target = current(catalogue_db, NGANTANG_RENJA).sop
    copied = copy_procedure(target, source.sop)
    with catalogue_db.session() as session:
        assert editing.save_revision(copied, session=session, note=NOTE) == 2
        history = editing.list_revisions(NGANTANG_RENJA, session=session)
    assert [(r.revision, r.note) for r in history] == [(2, NOTE), (1, None)]
    saved = current(catalogue_db, NGANTANG_RENJA)
    assert not saved.is_draft
    assert saved.sop.steps == source.sop.steps and saved.sop.roles == source.sop.roles
    assert saved.sop.office.name == "Kecamatan Ngantang"
    assert saved.sop.approved_by == target.approved_by
    # the source is untouched
    assert current(catalogue_db, RENJA).revision == 1


def test_duplicate_into_another_office_takes_its_letterhead_and_camat(catalogue_db):
    ngantang = current(catalogue_db, "ngantang-2021-sakip").sop
    with catalogue_db.session() as session:
        copy = editing.duplicate_sop(RENJA, "ngantang-2026-renja", session=session,
                                     office_name="Kecamatan Ngantang",
                                     name="Penyusunan Renja", note="Digandakan dari Renja")
        listed = {s.id: s for s in catalogue.list_sops(session=session)}
        history = editing.list_revisions("ngantang-2026-renja", session=session)
    original = current(catalogue_db, RENJA).sop
    assert copy.office == ngantang.office and copy.approved_by == ngantang.approved_by
    assert copy.number == "" and copy.name == "Penyusunan Renja"
    assert copy.steps == original.steps and copy.roles == original.roles
    assert current(catalogue_db, "ngantang-2026-renja").sop == copy
    assert listed["ngantang-2026-renja"].office == "Kecamatan Ngantang"
    assert [r.note for r in history] == ["Digandakan dari Renja"]


def test_duplicate_in_its_own_office_keeps_the_identity(catalogue_db):
    with catalogue_db.session() as session:
        copy = editing.duplicate_sop(RENJA, "poncokusumo-2026-renja", session=session,
                                     office_name="Kecamatan Poncokusumo")
    original = current(catalogue_db, RENJA).sop
    assert (copy.office, copy.number, copy.approved_by) == (
        original.office, original.number, original.approved_by)
    assert copy.name == original.name + " (salinan)"


@pytest.mark.parametrize("new_id, office, words", [
    ("ngantang-2026-renja", "Kecamatan Tumpang", "Kantor 'Kecamatan Tumpang' tidak ada"),
    ("Renja Ngantang", "Kecamatan Ngantang", "tidak sah"),
    ("ngantang-2021-renja", "Kecamatan Ngantang", "sudah dipakai"),
])
def test_duplicate_refusals_write_nothing(catalogue_db, new_id, office, words):
    before = revision_rows(catalogue_db)
    with catalogue_db.session() as session, pytest.raises((CatalogueError, SaveRefused),
                                                          match=words):
        editing.duplicate_sop(RENJA, new_id, session=session, office_name=office)
    assert revision_rows(catalogue_db) == before
