"""A round in a real database on an SOP stored as real books write it (catalogue.import_sops):
step 3 drawn in the Tim and Staf lanes, one Waktu of 1 jam over steps 4 and 5, Waktu
'Setiap saat' at step 1 and step 8 drawn as a start. The holders, the handoff offer, the
dashboard, the statistics, the workbook and the PDF report read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlmodel import select

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.export.pdf_rounds import report_rows, write_round_report
from kecamatan_desktop.services import catalogue, history, monitoring, rounds
from kecamatan_desktop.services.handoffs import handoff_offer
from kecamatan_desktop.services.workbook import rounds_workbook, workbook_of_details
from kecamatan_desktop.store.round_models import RoundPassRow
from tests.services.test_rounds import RENJA, T0

BOOK = "renja-buku"


def store_book_sop(session) -> None:
    renja = catalogue.get_sop(RENJA, session=session).sop
    steps = list(renja.steps)
    steps[0] = replace(steps[0], time="Setiap saat")
    steps[2] = replace(steps[2], other_roles=("Staf",))
    steps[3] = replace(steps[3], time="1 jam", time_span=2)
    steps[4] = replace(steps[4], time="")
    steps[7] = replace(steps[7], start=True)
    catalogue.import_sops([replace(renja, id=BOOK, steps=tuple(steps))], session=session)


def done(session, r, minutes=30, **kw):
    """Complete the step round `r` (as last read) is at, `minutes` after its last event."""
    at = max(e.occurred_at for e in r.events) + timedelta(minutes=minutes)
    return rounds.complete_step(r.id, session=session, expected_version=r.version, at=at,
                                **kw)


@pytest.fixture
def at_step_3(session):
    """The round with the file at step 3, held by Budi (Tim) and Rina (Staf)."""
    store_book_sop(session)
    r = rounds.start_round(BOOK, session=session, title="Renja buku", at=T0,
                           lanes={"Tim": "Budi Santoso", "Staf": "Dewi Lestari"})
    r = done(session, r)
    offer = handoff_offer(r.id, session=session)
    (way,) = offer.ways
    assert [(o.lane, o.receiver_name) for o in way.offers] == [
        ("Tim", "Budi Santoso"), ("Staf", "Dewi Lestari")]  # each lane's own default
    return done(session, r, receivers=["Budi Santoso", "Rina Wati"])


def test_each_lanes_holder_holds_the_file_and_either_completes_it(session, at_step_3):
    r = at_step_3
    assert r.current_step == 3 and r.holder == "Budi Santoso, Rina Wati"
    assert [(h.lane, h.person.name) for h in r.holders] == [("Tim", "Budi Santoso"),
                                                            ("Staf", "Rina Wati")]
    assert r.steps[-1].officer == "Budi Santoso, Rina Wati"
    offer = handoff_offer(r.id, session=session)
    ids = {name: i for name, i in ((o.name, o.id) for o in _officers(session))}
    assert offer.holders == (ids["Budi Santoso"], ids["Rina Wati"])
    listed = history.dashboard(session=session, view="aktif", now=r.since).rows
    assert [x.holder for x in listed if x.id == r.id] == ["Budi Santoso, Rina Wati"]
    for name in ("Budi Santoso", "Rina Wati"):  # the holder filter finds either
        assert [x.id for x in history.dashboard(session=session, officer=name,
                                                now=r.since).rows] == [r.id]
    assert history.dashboard(session=session, officer="Rina", now=r.since).rows == ()
    r = done(session, r, done_by="Rina Wati")
    assert r.steps[2].done_by == "Rina Wati" and r.current_step == 4


def test_a_handoff_naming_too_few_receivers_is_refused_and_records_nothing(session):
    store_book_sop(session)
    r = rounds.start_round(BOOK, session=session, title="Renja buku", at=T0,
                           lanes={"Tim": "Budi Santoso", "Staf": "Dewi Lestari"})
    r = done(session, r)
    with pytest.raises(InputError, match="2 lajur \\(Tim, Staf\\).*bukan 1"):
        done(session, r, receivers=["Budi Santoso"])
    assert rounds.get_round(r.id, session=session).version == r.version


def test_one_waktu_over_two_steps_is_compared_once_for_the_span(session, at_step_3):
    r = done(session, at_step_3)  # 3 -> 4
    r = done(session, r, minutes=40)  # 4 -> 5
    now = max(e.occurred_at for e in r.events) + timedelta(minutes=30)
    line = next(x for x in history.dashboard(session=session, now=now).rows if x.id == r.id)
    # on the desk at step 5: the span's run so far (40 + 30) against its 1 jam
    assert (line.working_minutes, line.standard_minutes, line.late) == (70, 60, True)
    r = done(session, r, minutes=40)  # 5 -> 6: the span took 80 minutes
    four, five = r.steps[3], r.steps[4]
    assert (four.standard_minutes, four.late, four.span, four.span_end) == (None, False,
                                                                            "4–5", False)
    assert (five.standard_minutes, five.span_minutes, five.late, five.span_end) == (
        60, 80, True, True)
    assert r.steps[0].standard_minutes is None  # Setiap saat: no standard
    stored = session.exec(select(RoundPassRow.position, RoundPassRow.span_minutes,
                                 RoundPassRow.standard_minutes, RoundPassRow.late)
                          .where(RoundPassRow.round_id == r.id)
                          .order_by(RoundPassRow.ordinal)).all()
    assert stored[3:6] == [(4, None, None, False), (5, 80, 60, True), (6, None, 10, False)]
    stats = history.step_stats(BOOK, session=session).steps
    span = next(s for s in stats if s.span_total)
    assert (span.no, span.passes, span.average_minutes, span.median_minutes,
            span.standard_minutes, span.late_passes) == ("4–5", 1, 80.0, 80.0, 60, 1)
    assert [s.no for s in stats].index("4–5") == 5  # after steps 4 and 5, once
    assert stats[4].standard_minutes is None and stats[4].late_passes == 0
    form = monitoring.monitoring_form(BOOK, date(2026, 11, 1), date(2026, 11, 30),
                                      session=session)
    assert form.rows[4].assessment == monitoring.NOT_GOOD
    assert form.rows[4].notes == ("1 kali Langkah 4–5 melebihi waktu bakunya (1 jam); "
                                  "terlama 80 menit kerja")
    assert form.rows[3].assessment == monitoring.GOOD


def test_the_workbook_and_the_report_show_the_span_once_and_both_holders(session, at_step_3,
                                                                         tmp_path):
    r = done(session, at_step_3, done_by="Rina Wati")
    r = done(session, r, minutes=40)
    r = done(session, r, minutes=40)
    now = max(e.occurred_at for e in r.events) + timedelta(minutes=5)
    r = rounds.get_round(r.id, session=session, now=now)
    streamed = rounds_workbook(session=session, round_ids=[r.id], now=now)
    by_hand = workbook_of_details([r])
    steps = list(streamed.step_rows)
    assert steps == list(by_hand.step_rows)
    assert list(streamed.event_rows) == list(by_hand.event_rows)
    assert steps[0][11] == "tanpa waktu baku"
    assert (steps[3][11], steps[3][17]) == ("dalam Langkah 4–5", "4–5")
    assert (steps[4][11], steps[4][17], steps[4][18], steps[4][13]) == (60, "4–5", 80, "Ya")
    assert steps[2][7] == "Tim, Staf" and steps[2][8] == "Budi Santoso, Rina Wati"
    rows = report_rows(r)
    assert rows[1][6] == "tanpa waktu baku"
    assert rows[4][6] == "dalam Langkah 4–5"
    assert rows[5][6] == "Langkah 4–5: 1 j 0 m" and rows[5][7] == "40 m (Langkah 4–5: 1 j 20 m)"
    text = "\n".join(p.extract_text() for p in PdfReader(
        write_round_report(r, tmp_path / "laporan.pdf")).pages)
    flat = " ".join(text.split())
    assert "Budi Santoso, Rina Wati" in flat
    assert "tanpa waktu baku" in flat and "Langkah 4–5: 1 j 0 m" in flat


def _officers(session):
    from kecamatan_desktop.services import officers

    return officers.list_officers(session=session)
