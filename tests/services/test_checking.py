"""Periksa SOP over a real catalogue: the seeds' findings, dismissals kept as events."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services import catalogue, checking


def test_the_office_book_with_its_decree(session):
    results = checking.check_office("Kecamatan Poncokusumo", session=session)
    assert results[0].sop_id == "keputusan:Kecamatan Poncokusumo"
    decree_rules = {(f.rule, f.place) for f in results[0].findings}
    # the decree cites UU 29/2009 for Pelayanan Publik (it is 25/2009) and 53/2012 for SOP AP
    assert ("dasar-hukum-nomor", "decree.recalling[0]") in decree_rules
    assert ("dasar-hukum-nomor", "decree.recalling[4]") in decree_rules
    assert len(results) == 1 + 9
    renja = next(r for r in results if r.sop_id == "poncokusumo-2018-renja")
    # Peringatan left empty by the book; step 5 "Pengetikan …" is a noun
    assert [f.place for f in renja.findings] == ["related[0]", "warnings",
                                                 "steps[4].activity"]


def test_an_unknown_office_is_refused(session):
    with pytest.raises(InputError, match="tidak ada"):
        checking.check_office("Kecamatan Entah", session=session)


def test_a_dismissal_hides_the_finding_until_taken_back(session):
    sop_id = "poncokusumo-2018-renja"
    *_, verb = checking.check_stored_sop(sop_id, session=session).findings
    dismissal = checking.dismiss(verb, "Istilah yang dipakai kantor", session=session, by="ani")
    result = checking.check_stored_sop(sop_id, session=session)
    assert verb not in result.findings
    assert result.dismissed == ((verb, dismissal),)
    assert dismissal.by == "ani" and dismissal.reason == "Istilah yang dipakai kantor"

    checking.undismiss(dismissal.id, "Ternyata salah", session=session, by="budi")
    assert verb in checking.check_stored_sop(sop_id, session=session).findings
    with pytest.raises(InputError, match="sudah dibatalkan"):
        checking.undismiss(dismissal.id, "lagi", session=session)
    # the history: both events, neither changed
    rows = session.connection().execute(text(
        "SELECT reason, dismissed_by, undoes FROM check_dismissal ORDER BY id")).all()
    assert rows == [("Istilah yang dipakai kantor", "ani", None),
                    ("Ternyata salah", "budi", dismissal.id)]


def test_a_finding_set_aside_from_another_pc_is_not_set_aside_twice(catalogue_db, session):
    """Two PCs show the same finding; the second to set it aside is refused, and one that
    takes back a dismissal already taken back is too: one event each, nothing else written."""
    [finding, *_] = checking.check_stored_sop("poncokusumo-2018-renja",
                                              session=session).findings
    with catalogue_db.session() as other:  # the other PC, its screen read before
        first = checking.dismiss(finding, "sudah sesuai buku", session=other, by="ani")
    with pytest.raises(InputError, match="sudah diabaikan oleh ani"):
        checking.dismiss(finding, "istilah kantor", session=session, by="budi")
    with catalogue_db.session() as other:
        checking.undismiss(first.id, "keliru", session=other, by="ani")
    with pytest.raises(InputError, match="sudah dibatalkan"):
        checking.undismiss(first.id, "keliru juga", session=session, by="budi")
    with pytest.raises(InputError, match="Alasan"):
        checking.undismiss(first.id, " ", session=session)
    rows = session.connection().execute(text(
        "SELECT dismissed_by, undoes FROM check_dismissal ORDER BY id")).all()
    assert rows == [("ani", None), ("ani", first.id)]


def test_dismissals_cannot_be_rewritten(session):
    [finding, *_] = checking.check_stored_sop("poncokusumo-2018-renja",
                                              session=session).findings
    checking.dismiss(finding, "alasan", session=session)
    for statement in ("UPDATE check_dismissal SET reason = 'lain'", "DELETE FROM check_dismissal"):
        with pytest.raises(DBAPIError, match="append-only"):
            session.connection().execute(text(statement))
        session.rollback()


def test_a_dismissal_needs_a_reason(session):
    [finding, *_] = checking.check_stored_sop("poncokusumo-2018-renja",
                                              session=session).findings
    with pytest.raises(InputError, match="Alasan"):
        checking.dismiss(finding, "  ", session=session)


def test_the_edited_value_is_checked_not_the_saved_one(session):
    sop = catalogue.get_sop("poncokusumo-2018-renja", session=session).sop
    edited = replace(sop, steps=(replace(sop.steps[0], time="2 menit kali"), *sop.steps[1:]))
    result = checking.check_sop_value(edited, session=session)
    assert result.errors == 1 and "steps[0].time" in [f.place for f in result.findings]
