"""Editing services over a real SQLite file: revisions, drafts, refusals, new/copy/delete."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from alembic import command
from sqlalchemy import text

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.interchange import dumps
from kecamatan_desktop.domain.sop import Decision
from kecamatan_desktop.services import catalogue, editing
from kecamatan_desktop.services.catalogue import CatalogueError
from kecamatan_desktop.services.editing import SaveRefused
from kecamatan_desktop.store.database import make_engine, open_database
from kecamatan_desktop.store.migrate import SCHEMA_HEAD, alembic_config

RENJA = "poncokusumo-2018-renja"
TODAY = date(2026, 11, 24)


def current(db, sop_id=RENJA):
    with db.session() as session:
        return catalogue.get_sop(sop_id, session=session)


def row_counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                for table in ("sop", "sop_revision", "lane", "step", "branch")}


def test_save_makes_revision_2_and_revision_1_stays_unchanged(catalogue_db):
    first = current(catalogue_db).sop
    changed = edits.update_step(first, 0, time="15 menit")
    with catalogue_db.session() as session:
        assert editing.save_revision(changed, session=session, today=TODAY) == 2
    now = current(catalogue_db)
    assert (now.revision, now.is_draft) == (2, False)
    assert now.sop.steps[0].time == "15 menit"
    assert now.sop.revised == TODAY  # the editor left Tanggal Revisi alone
    with catalogue_db.session() as session:
        old = catalogue.get_sop(RENJA, session=session, revision=1)
        history = editing.list_revisions(RENJA, session=session)
    assert dumps(old.sop) == dumps(first)
    assert [(r.revision, r.is_current, r.is_draft) for r in history] == [
        (2, True, False), (1, False, False)]
    assert history[0].saved_at.tzinfo is not None  # UTC, shown in local time by the window
    assert history[0].saved_at >= history[1].saved_at


def test_a_revised_date_set_by_the_user_is_kept(catalogue_db):
    changed = replace(current(catalogue_db).sop, revised=date(2025, 3, 1))
    with catalogue_db.session() as session:
        editing.save_revision(changed, session=session, today=TODAY)
    assert current(catalogue_db).sop.revised == date(2025, 3, 1)


def test_saving_an_unchanged_sop_writes_nothing(catalogue_db):
    before = row_counts(catalogue_db)
    with catalogue_db.session() as session:
        assert editing.save_revision(current(catalogue_db).sop, session=session) == 1
    assert row_counts(catalogue_db) == before


def test_a_procedure_with_problems_is_refused_unless_draft(catalogue_db):
    sop = current(catalogue_db).sop
    half = edits.set_branch(sop, 5, "no", None)  # a decision missing its Tidak
    half = edits.update_step(half, 2, activity="")
    before = row_counts(catalogue_db)
    with catalogue_db.session() as session, pytest.raises(SaveRefused) as info:
        editing.save_revision(half, session=session)
    assert "Langkah 6" in str(info.value) and "cabang Tidak" in str(info.value)
    assert row_counts(catalogue_db) == before
    with catalogue_db.session() as session:
        assert editing.save_revision(half, session=session, draft=True) == 2
        summary = next(s for s in catalogue.list_sops(session=session) if s.id == RENJA)
    stored = current(catalogue_db)
    assert stored.is_draft and summary.is_draft
    assert stored.sop.steps[5].decision == Decision(yes=7, no=None)
    assert stored.sop.steps[2].activity == ""


def test_a_loop_with_no_way_out_is_saved_only_as_a_draft_and_not_exported(catalogue_db):
    sop = current(catalogue_db).sop
    looping = edits.set_branch(edits.set_branch(sop, 6, "yes", 5), 6, "no", 4)
    before = row_counts(catalogue_db)
    with catalogue_db.session() as session, pytest.raises(SaveRefused) as info:
        editing.save_revision(looping, session=session)
    assert "Langkah 7: keputusan: tidak ada jalan keluar dari langkah 4–7" in str(info.value)
    assert row_counts(catalogue_db) == before
    with catalogue_db.session() as session:
        assert editing.save_revision(looping, session=session, draft=True) == 2
        with pytest.raises(CatalogueError, match="tidak ada jalan keluar dari langkah 4–7"):
            catalogue.export_sop(RENJA, session=session)
    assert current(catalogue_db).is_draft


def test_a_draft_cannot_be_exported(catalogue_db):
    half = edits.set_branch(current(catalogue_db).sop, 5, "no", None)
    with catalogue_db.session() as session:
        editing.save_revision(half, session=session, draft=True)
        with pytest.raises(CatalogueError, match="draf yang belum lengkap"):
            catalogue.export_sop(RENJA, session=session)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda s: replace(s, approved_by=replace(s.approved_by, nip="1965 0202")),
         "Disahkan oleh: NIP: NIP '1965 0202' harus 18 angka"),
        (lambda s: replace(s, name=" "), "Nama SOP: tidak boleh kosong"),
        (lambda s: edits.update_step(s, 3, role="Lurah"), "Langkah 4: Pelaksana"),
    ],
)
def test_identity_rules_hold_even_for_a_draft(catalogue_db, change, words):
    bad = change(edits.update_step(current(catalogue_db).sop, 0, time="2 minggu"))
    before = row_counts(catalogue_db)
    for draft in (False, True):
        with catalogue_db.session() as session, pytest.raises(SaveRefused) as info:
            editing.save_revision(bad, session=session, draft=draft)
        assert words in str(info.value)
    assert row_counts(catalogue_db) == before
    assert current(catalogue_db).revision == 1


def test_saving_an_unknown_sop_is_refused(catalogue_db):
    with catalogue_db.session() as session, pytest.raises(CatalogueError, match="tidak ada"):
        editing.save_revision(replace(current(catalogue_db).sop, id="tidak-ada"),
                              session=session)


def test_create_sop(catalogue_db):
    with catalogue_db.session() as session:
        sop = editing.create_sop("poncokusumo-2026-sakip", "Penyusunan SAKIP",
                                 "Kecamatan Poncokusumo", session=session, today=TODAY)
        listed = [s.id for s in catalogue.list_sops(session=session)]
    assert listed.index("poncokusumo-2026-sakip") == 9  # last of Poncokusumo's nine
    stored = current(catalogue_db, "poncokusumo-2026-sakip")
    assert stored.sop == sop and stored.revision == 1 and not stored.is_draft
    assert (sop.steps, sop.created, sop.revised) == ((), TODAY, None)
    assert sop.approved_by.name == "Drs. SUKARLIN, M.Si."


@pytest.mark.parametrize(("sop_id", "words"), [
    ("Renja Baru", "tidak sah"), (RENJA, "sudah dipakai"), ("", "tidak sah")])
def test_create_refuses_a_bad_or_used_id(catalogue_db, sop_id, words):
    before = row_counts(catalogue_db)
    with catalogue_db.session() as session, pytest.raises(SaveRefused, match=words):
        editing.create_sop(sop_id, "SOP baru", "Kecamatan Ngantang", session=session)
    assert row_counts(catalogue_db) == before


def test_create_in_an_office_without_a_camat_uses_its_latest_approver(catalogue_db):
    with catalogue_db.session() as session:
        sop = editing.create_sop("ngantang-2026-baru", "SOP baru", "Kecamatan Ngantang",
                                 session=session)
    assert sop.approved_by == current(catalogue_db, "ngantang-2021-sakip").sop.approved_by


def test_duplicate_sop(catalogue_db):
    with catalogue_db.session() as session:
        copy = editing.duplicate_sop(RENJA, "poncokusumo-2026-renja", session=session)
    original = current(catalogue_db).sop
    assert copy.name == original.name + " (salinan)"
    assert copy.steps == original.steps and copy.roles == original.roles
    assert current(catalogue_db, "poncokusumo-2026-renja").revision == 1
    with catalogue_db.session() as session, pytest.raises(SaveRefused, match="sudah dipakai"):
        editing.duplicate_sop(RENJA, "poncokusumo-2026-renja", session=session)


def test_delete_sop_removes_every_revision(catalogue_db):
    sop = current(catalogue_db).sop
    with catalogue_db.session() as session:
        editing.save_revision(edits.update_step(sop, 0, time="1 jam"), session=session)
    before = row_counts(catalogue_db)
    with catalogue_db.session() as session:
        assert editing.delete_sop(RENJA, session=session) == 2
        assert RENJA not in [s.id for s in catalogue.list_sops(session=session)]
    after = row_counts(catalogue_db)
    assert after["sop"] == before["sop"] - 1
    assert after["sop_revision"] == before["sop_revision"] - 2
    assert after["step"] == before["step"] - 24 and after["branch"] == before["branch"] - 8


@pytest.mark.sqlite_only
def test_migration_0002_upgrades_a_0001_database_keeping_its_data(db_path):
    engine = make_engine(db_path)
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(text(
            "INSERT INTO office (id, position, name, government) "
            "VALUES (1, 0, 'Kecamatan Uji', 'Pemerintah Kabupaten Malang')"))
        conn.execute(text(
            "INSERT INTO sop (id, slug, office_id, position, revision) VALUES (1, 'uji', 1, 0, 1)"))
        conn.execute(text(
            "INSERT INTO sop_revision (id, sop_id, revision, saved_at, office_government, "
            "office_name, office_address, number, name, created, effective, approver_title, "
            "approver_name, approver_rank, approver_nip, legal_basis, qualifications, related, "
            "equipment, warnings, records) VALUES (1, 1, 1, '2026-01-02 03:04:05', "
            "'Pemerintah Kabupaten Malang', 'Kecamatan Uji', '', '065/1', 'SOP Uji', "
            "'2026-01-02', '2026-01-03', 'Camat', 'Budi', 'Pembina', '19650202 198710 1 001', "
            "'[]', '[]', '[]', '[]', '[]', '[]')"))
        conn.execute(text("INSERT INTO lane (id, revision_id, position, name) "
                          "VALUES (1, 1, 0, 'Camat')"))
        for position in range(3):
            conn.execute(text(
                "INSERT INTO step (id, revision_id, position, no, activity, lane_id, "
                "requirements, time, output, notes) "
                f"VALUES ({position + 1}, 1, {position}, '{position + 1}', 'Langkah', 1, "
                "'', '', '', '')"))
        conn.execute(text("INSERT INTO branch (step_id, answer, target_step_id) "
                          "VALUES (2, 'ya', 3), (2, 'tidak', 1)"))
    engine.dispose()

    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            assert version == SCHEMA_HEAD
        stored = current(db, "uji")
        assert stored.is_draft is False
        assert stored.sop.name == "SOP Uji"
        assert stored.sop.steps[1].decision == Decision(yes=3, no=1)
        # the new schema takes a draft whose decision has no Tidak yet
        half = edits.set_branch(edits.update_step(stored.sop, 0, notes="x"), 1, "no", None)
        with db.session() as session:
            assert editing.save_revision(half, session=session, draft=True) == 2
        assert current(db, "uji").sop.steps[1].decision == Decision(yes=3, no=None)
    finally:
        db.close()


def test_place_labels_are_indonesian():
    assert editing.place_label("approved_by.nip") == "Disahkan oleh: NIP"
    assert editing.place_label("steps[2].time") == "Langkah 3: Waktu"
    assert editing.place_label("steps[5].decision.no") == "Langkah 6: cabang Tidak"
    assert editing.place_label("roles[0]") == "Lajur 1"


def test_an_sop_edited_in_two_windows_gets_a_conflict_not_an_overwrite(catalogue_db):
    """Both windows opened revision 1; the second save is refused and writes nothing."""
    from dataclasses import replace as changed

    from kecamatan_desktop.services import catalogue, editing

    with catalogue_db.session() as s:
        opened = catalogue.get_sop("poncokusumo-2018-renja", session=s)
    first = changed(opened.sop, name="Penyusunan Renja (jendela 1)")
    second = changed(opened.sop, name="Penyusunan Renja (jendela 2)")
    with catalogue_db.session() as s:
        assert editing.save_revision(first, session=s, base_revision=opened.revision) == 2
    with catalogue_db.session() as s, pytest.raises(editing.SaveConflict) as refused:
        editing.save_revision(second, session=s, base_revision=opened.revision)
    assert "revisi 2 disimpan" in str(refused.value) and "masih ada di penyunting" in str(
        refused.value)
    with catalogue_db.session() as s:
        assert catalogue.get_sop("poncokusumo-2018-renja", session=s).sop.name == \
            "Penyusunan Renja (jendela 1)"
        assert [r.revision for r in editing.list_revisions("poncokusumo-2018-renja",
                                                           session=s)] == [2, 1]


@pytest.mark.parametrize(("change", "words"), [
    (lambda s: replace(s, name="N" * 301), "Nama SOP terlalu panjang: 301 karakter"),
    (lambda s: replace(s, legal_basis=(*s.legal_basis, "D" * 1001)),
     "Dasar Hukum butir 2 terlalu panjang: 1.001 karakter, paling banyak 1.000"),
    (lambda s: edits.update_step(s, 1, activity="K" * 2001),
     "Langkah 2: Kegiatan terlalu panjang: 2.001 karakter, paling banyak 2.000"),
])
def test_a_field_past_its_limit_is_refused_even_in_a_draft(catalogue_db, change, words):
    long = change(current(catalogue_db).sop)
    before = row_counts(catalogue_db)
    for draft in (False, True):
        with catalogue_db.session() as session, pytest.raises(SaveRefused) as info:
            editing.save_revision(long, session=session, draft=draft)
        assert f"  - {words}" in str(info.value)
        assert len(str(info.value)) < 500  # the text is named, not repeated
    assert row_counts(catalogue_db) == before
