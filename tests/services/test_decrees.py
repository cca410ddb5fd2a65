"""Each office's Keputusan Camat: where the current one comes from, saving versions, and a save
refused when another was saved since the screen read the decree."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kecamatan_desktop.domain import decree as keputusan
from kecamatan_desktop.domain.decree import DecreeInvalid
from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.services import catalogue, checking, decrees, integrity, printing
from kecamatan_desktop.services.decrees import SAVED, TEMPLATE, TRANSCRIBED, StaleDecree

PONCO, NGANTANG = "Kecamatan Poncokusumo", "Kecamatan Ngantang"
AT = datetime(2026, 12, 6, 3, 0, tzinfo=UTC)


def test_poncokusumo_starts_from_its_transcribed_decree(session):
    current = decrees.current_decree(PONCO, session=session)
    assert (current.source, current.version, current.saved_at) == (TRANSCRIBED, 0, None)
    assert current.decree.number == "180/01.A/KEP/35.07.07/2018"
    assert len(current.catalogue) == 9 and current.catalogue[0] == "Penyusunan Renstra"


def test_ngantang_starts_from_the_template(session):
    current = decrees.current_decree(NGANTANG, session=session)
    assert (current.source, current.version) == (TEMPLATE, 0)
    # dated as its SOPs were made, signed by its camat from the profile
    assert current.decree.date == date(2021, 2, 1)
    assert current.decree.signatory.name == "AKHMAD TAUFIQ J., S.STP"
    assert current.decree.letterhead[1] == "KECAMATAN NGANTANG"
    assert len(current.catalogue) == 12


def test_a_saved_version_is_what_prints(session):
    current = decrees.current_decree(NGANTANG, session=session)
    edited = replace(current.decree, number="180/07/KEP/35.07.27/2021",
                     considering=(*current.decree.considering, "bahwa uji;"))
    saved = decrees.save_decree(NGANTANG, edited, expected_version=0, session=session, at=AT)
    assert (saved.source, saved.version, saved.saved_at) == (SAVED, 1, AT)
    assert decrees.current_decree(NGANTANG, session=session).decree == edited
    printed = printing.load_decree(NGANTANG, session=session)
    assert printed.number == "180/07/KEP/35.07.27/2021" and printed.considering[-1] == "bahwa uji;"
    assert printed.decides[1].items[0] == "SOP Penyusunan Perjanjian Kinerja;"
    assert printed.signatory.nip == "NIP. 19780605 199612 1 001"
    # the other office is untouched
    assert decrees.current_decree(PONCO, session=session).source == TRANSCRIBED


def test_versions_chain_and_a_stale_save_changes_nothing(session):
    first = decrees.current_decree(PONCO, session=session)
    one = decrees.save_decree(PONCO, replace(first.decree, number="180/1"),
                              expected_version=0, session=session, at=AT)
    two = decrees.save_decree(PONCO, replace(one.decree, number="180/2"),
                              expected_version=one.version, session=session, at=AT)
    assert two.version == 2
    # a screen opened before version 1 was saved still thinks the decree is at 0
    with pytest.raises(StaleDecree, match=r"sudah disimpan dari layar lain \(versi 2") as caught:
        decrees.save_decree(PONCO, replace(first.decree, number="180/lama"),
                            expected_version=0, session=session, at=AT)
    assert "perubahan Anda tidak disimpan" in str(caught.value)
    with pytest.raises(StaleDecree):  # nor may anyone claim a version not saved yet
        decrees.save_decree(PONCO, first.decree, expected_version=5, session=session, at=AT)
    versions = decrees.decree_versions(PONCO, session=session)
    assert [(v.version, v.number, v.supersedes) for v in versions] == [
        (1, "180/1", None), (2, "180/2", 1)]
    assert decrees.current_decree(PONCO, session=session).decree.number == "180/2"


def test_an_invalid_decree_is_refused_and_nothing_saved(session):
    current = decrees.current_decree(PONCO, session=session)
    with pytest.raises(DecreeInvalid, match="Nomor wajib diisi"):
        decrees.save_decree(PONCO, replace(current.decree, number=""), expected_version=0,
                            session=session)
    with pytest.raises(InputError, match="milik"):
        decrees.save_decree(NGANTANG, current.decree, expected_version=0, session=session)
    with pytest.raises(InputError, match="tidak ada"):
        decrees.current_decree("Kecamatan Entah", session=session)
    assert decrees.decree_versions(PONCO, session=session) == []


def test_versions_are_append_only(session):
    current = decrees.current_decree(PONCO, session=session)
    decrees.save_decree(PONCO, current.decree, expected_version=0, session=session, at=AT)
    for statement in ("UPDATE decree_version SET decree = '{}'", "DELETE FROM decree_version"):
        with pytest.raises(DBAPIError, match="append-only"):
            session.connection().execute(text(statement))
        session.rollback()
    assert len(decrees.decree_versions(PONCO, session=session)) == 1


def test_kedua_follows_the_catalogue(session):
    catalogue.archive_sop("poncokusumo-2018-renstra", session=session)
    printed = printing.load_decree(PONCO, session=session)
    assert len(printed.decides[1].items) == 8
    assert "SOP Penyusunan Renstra;" not in printed.decides[1].items


def test_the_picker_offers_rules_in_force():
    rules = decrees.rules_in_force()
    assert rules and all(r.replaced_by is None for r in rules)
    assert all(keputusan.citation_text(r).endswith(";") for r in rules)


def test_a_refused_change_is_told_in_indonesian_and_a_lost_guard_is_found(catalogue_db):
    with catalogue_db.session() as session:
        current = decrees.current_decree(PONCO, session=session)
        decrees.save_decree(PONCO, current.decree, expected_version=0, session=session, at=AT)
    with (pytest.raises(StoreError, match="versi keputusan camat") as caught,
          catalogue_db.guard(), catalogue_db.session() as session):
        session.connection().execute(text("DELETE FROM decree_version"))
    assert "DELETE" not in str(caught.value)  # the raw SQLite text stays in the log
    with catalogue_db.session() as session:
        assert integrity.check_database(session=session) == []
        on_server = session.connection().dialect.name == "postgresql"
        guard = "decree_version_append_only" if on_server else "decree_version_no_update"
        session.connection().execute(
            text(f"DROP TRIGGER {guard}" + (" ON decree_version" if on_server else "")))
        session.commit()
        found = [p.text for p in integrity.check_database(session=session)]
    assert any(guard in t for t in found)


def test_periksa_reads_the_saved_decree_and_finds_the_template_clean(session):
    [decree_result, *_] = checking.check_office(NGANTANG, session=session)
    # "Menetapkan :" is followed by the decision's own title, as printed
    assert decree_result.sop_id == f"keputusan:{NGANTANG}"
    assert list(decree_result.findings) == []
    current = decrees.current_decree(NGANTANG, session=session)
    outdated = keputusan.Recital("Peraturan Pemerintah Nomor 19 Tahun 2008 tentang Kecamatan;")
    decrees.save_decree(NGANTANG, replace(current.decree, recalling=(outdated,)),
                        expected_version=0, session=session, at=AT)
    [decree_result, *_] = checking.check_office(NGANTANG, session=session)
    assert [f.place for f in decree_result.findings] == ["decree.recalling[0]"]
