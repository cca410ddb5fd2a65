"""The catalogue in a real SQLite file: seed, list, read, import all-or-nothing, revisions."""

from __future__ import annotations

import json

import pytest

from kecamatan_desktop.domain.interchange import dumps, sop_from_dict
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.catalogue import CatalogueError, ImportRefused
from tests.conftest import SEED_FILES, seed_dict

SEED_STEP_COUNTS = [12, 12, 6, 6, 6, 6, 6, 9, 12] + [0] * 12


def test_first_start_seeds_21_sops_in_book_order(catalogue_db):
    with catalogue_db.session() as session:
        sops = catalogue.list_sops(session=session)
        offices = catalogue.list_office_names(session=session)
    assert len(sops) == 21
    assert [s.steps for s in sops] == SEED_STEP_COUNTS
    assert sops[0].id == "poncokusumo-2018-renstra"
    assert sops[-1].id == "ngantang-2021-sakip"
    assert offices == ["Kecamatan Poncokusumo", "Kecamatan Ngantang"]
    assert {s.revision for s in sops} == {1}


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_every_seed_file_comes_back_unchanged_from_the_database(catalogue_db, path):
    with catalogue_db.session() as session:
        exported = catalogue.export_sop(path.stem, session=session)
    assert exported == path.read_text(encoding="utf-8")


def test_renja_decisions_survive_storage(catalogue_db):
    with catalogue_db.session() as session:
        sop = catalogue.get_sop("poncokusumo-2018-renja", session=session).sop
    decisions = {i + 1: (s.decision.yes, s.decision.no) for i, s in enumerate(sop.steps)
                 if s.decision}
    assert decisions == {6: (7, 5), 7: (8, 4)}
    assert sop.roles == ("Camat", "Sekcam", "Tim", "Kasubag Evapor", "Staf", "Kasubag Umum")


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _new_sop(sop_id: str) -> dict:
    data = seed_dict()
    data["id"] = sop_id
    data["name"] = f"SOP uji {sop_id}"
    return data


def test_import_with_one_bad_file_imports_nothing(catalogue_db, tmp_path):
    good = _write(tmp_path, "baik.json", _new_sop("uji-baik"))
    bad_data = _new_sop("uji-buruk")
    bad_data["steps"][2]["role"] = "Lurah"
    bad = _write(tmp_path, "buruk.json", bad_data)
    with pytest.raises(ImportRefused) as info:
        catalogue.read_sop_files([good, bad])
    assert "buruk.json" in str(info.value) and "steps[2].role" in str(info.value)
    assert "baik.json" not in str(info.value)
    with catalogue_db.session() as session:
        assert len(catalogue.list_sops(session=session)) == 21


def test_existing_id_needs_replace_and_then_makes_a_revision(catalogue_db):
    changed = seed_dict()
    changed["steps"][0]["time"] = "15 menit"
    changed["revised"] = "2026-11-23"
    sop = sop_from_dict(changed)
    with catalogue_db.session() as session:
        with pytest.raises(ImportRefused, match="sudah ada"):
            catalogue.import_sops([sop], session=session)
        result = catalogue.import_sops([sop], session=session, replace=True)
        assert result.revised == ("poncokusumo-2018-renja",)
        current = catalogue.get_sop("poncokusumo-2018-renja", session=session)
        first = catalogue.get_sop("poncokusumo-2018-renja", session=session, revision=1)
    assert (current.revision, current.current_revision) == (2, 2)
    assert current.sop.steps[0].time == "15 menit"
    assert first.sop.steps[0].time == "10 menit"
    assert dumps(current.sop) == dumps(sop)


def test_a_batch_that_fails_midway_leaves_nothing(catalogue_db):
    first = sop_from_dict(_new_sop("uji-satu"))
    clash = sop_from_dict(seed_dict())  # exists already, no replace
    with catalogue_db.session() as session:
        with pytest.raises(ImportRefused):
            catalogue.import_sops([first, clash], session=session)
        ids = [s.id for s in catalogue.list_sops(session=session)]
    assert "uji-satu" not in ids and len(ids) == 21


def test_new_office_is_created_on_import(catalogue_db):
    data = _new_sop("tumpang-2025-renja")
    data["office"] = {"government": "Pemerintah Kabupaten Malang", "name": "Kecamatan Tumpang",
                      "address": ""}
    with catalogue_db.session() as session:
        catalogue.import_sops([sop_from_dict(data)], session=session)
        assert catalogue.list_office_names(session=session)[-1] == "Kecamatan Tumpang"
        assert catalogue.list_sops(session=session)[-1].id == "tumpang-2025-renja"


def test_unknown_sop_is_named(catalogue_db):
    with catalogue_db.session() as session, pytest.raises(CatalogueError, match="tidak-ada"):
        catalogue.get_sop("tidak-ada", session=session)


def test_search_text_holds_step_words(catalogue_db):
    with catalogue_db.session() as session:
        renja = next(s for s in catalogue.list_sops(session=session)
                     if s.id == "poncokusumo-2018-renja")
    assert "Pengetikan konsep Dokumen Renja" in renja.search_text
    assert "065/ /35.07.07/2018" in renja.search_text


def test_the_change_stamp_moves_with_every_catalogue_write_and_only_then(catalogue_db):
    """What the window polls (ui/catalogue_watch.py): a revision, an archive, its undoing."""
    from dataclasses import replace

    renja = "poncokusumo-2018-renja"
    with catalogue_db.session() as s:
        stamps = [catalogue.change_stamp(session=s)]
        catalogue.catalogue_listing(session=s)
        catalogue.get_sop(renja, session=s)
        assert catalogue.change_stamp(session=s) == stamps[0]  # reads change nothing
        sop = catalogue.get_sop(renja, session=s).sop
        catalogue.import_sops([replace(sop, name="Renja (revisi)")], session=s, replace=True)
        stamps.append(catalogue.change_stamp(session=s))
        catalogue.archive_sop(renja, session=s)
        stamps.append(catalogue.change_stamp(session=s))
        catalogue.archive_sop("poncokusumo-2018-renstra", session=s)
        catalogue.unarchive_sop(renja, session=s)  # one archived as before, but another
        stamps.append(catalogue.change_stamp(session=s))
        catalogue.archive_sop(renja, session=s)
        catalogue.unarchive_sop(renja, session=s)  # back as it was: nothing to show
        assert catalogue.change_stamp(session=s) == stamps[-1]
    assert len(set(stamps)) == 4, stamps
