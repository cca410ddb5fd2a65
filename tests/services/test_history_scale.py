"""History at scale: every history view runs the same number of SQL statements whatever the
number of rounds, and the pass summaries they read are what the events give."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from alembic import command
from openpyxl import load_workbook
from sqlalchemy import create_engine, event, text

from benchmarks.generate import generate
from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.domain.errors import Cancelled
from kecamatan_desktop.export.spreadsheet import write_workbook
from kecamatan_desktop.services import calendar, history, integrity, monitoring, rounds
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.services.workbook import rounds_workbook, workbook_of_details
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.migrate import alembic_config
from tests.services.test_rounds import RENJA, T0, run_renja, start, step_done

OFFICE = "Kecamatan Poncokusumo"
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
SIZES = (10, 200)
MEASURED: dict[str, dict[int, int]] = {}


class Counter:
    def __init__(self, engine):
        self.engine, self.count = engine, 0

    def _seen(self, *_args, **_kw):
        self.count += 1

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._seen)


def _open_renja(s, title: str) -> int:
    r = rounds.start_round(RENJA, session=s, title=title, at=datetime.now(WIB)
                           - timedelta(days=3))
    return r.id


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    """A real database file of 10 and one of 200 rounds (generated, then three opened by
    the write path for the page and the handoffs)."""
    out = {}
    for size in SIZES:
        db = open_catalogue(tmp_path_factory.mktemp(f"r{size}") / "kecamatan.db")
        generate(db, size, seed=size)
        with db.session() as s:
            out[size] = (db, [_open_renja(s, f"Renja {i}") for i in range(3)])
    yield out
    for db, _ids in out.values():
        db.close()


def _views(tmp_path, opened):
    first, second, third = opened
    waiting = iter((second, third))  # the warm-up hands one round on, the count the other

    def handoff(s, rid):
        r = rounds.get_round(rid, session=s)
        s.rollback()  # the handoff's own transaction, as from the window
        return lambda: rounds.complete_step(rid, session=s, expected_version=r.version,
                                            receiver="Drs. SUKARLIN, M.Si.",
                                            at=datetime.now(WIB) - timedelta(minutes=1))

    return {
        "round page": lambda s: history.round_page(first, session=s),
        "step stats": lambda s: history.step_stats(RENJA, session=s),
        "dashboard aktif": lambda s: history.dashboard(session=s, view="aktif"),
        "dashboard semua": lambda s: history.dashboard(session=s, view="semua"),
        "dashboard terlambat": lambda s: history.dashboard(session=s, view="terlambat",
                                                           late_first=True),
        "dashboard tanpa pemegang": lambda s: history.dashboard(session=s,
                                                                view="tanpa-pemegang"),
        "monitoring form": lambda s: monitoring.monitoring_form(RENJA, *YEAR, session=s),
        "office monitoring": lambda s: monitoring.office_monitoring(OFFICE, *YEAR, session=s),
        "period xlsx": lambda s: write_workbook(
            rounds_workbook(session=s, start=YEAR[0] - timedelta(days=2000), end=YEAR[1]),
            tmp_path / "periode.xlsx"),
        "handoff": lambda s: handoff(s, next(waiting))(),
    }


@pytest.mark.parametrize("view", ["round page", "step stats", "dashboard aktif",
                                  "dashboard semua", "dashboard terlambat",
                                  "dashboard tanpa pemegang", "monitoring form",
                                  "office monitoring", "period xlsx", "handoff"])
def test_statement_count_does_not_grow_with_the_rounds(databases, tmp_path, view):
    counts = {}
    for size, (db, opened) in databases.items():
        run = _views(tmp_path, opened)[view]
        with db.session() as s:
            run(s)  # warm: revisions parsed once per program run are not counted again
            s.rollback()
            with Counter(db.engine) as counter:
                run(s)
            counts[size] = counter.count
    MEASURED[view] = counts
    print(f"{view}: {counts}")
    assert counts[SIZES[0]] == counts[SIZES[1]], counts


def test_a_generated_database_is_what_the_program_would_have_written(databases):
    for db, _ids in databases.values():
        with db.session() as s:
            assert integrity.check_database(session=s) == []


# correctness of the figures ------------------------------------------------------------


def _renja_with_step_one_taking(session, minutes: int, title: str):
    r = rounds.start_round(RENJA, session=session, title=title, at=T0,
                           lanes={"Tim": "Budi Santoso", "Staf": "Dewi Lestari"})
    return step_done(session, r, at=T0 + timedelta(minutes=minutes))


def test_step_statistics_by_hand(session):
    """Step 1 (standard 10 minutes) took 10, 20, 40 and 100 working minutes; a fifth round
    reached step 6 and was sent back once."""
    for i, m in enumerate((10, 20, 40, 100)):
        _renja_with_step_one_taking(session, m, f"Renja {i}")
    r = start(session)
    t = T0
    while r.current_step != 6:
        t += timedelta(minutes=5)
        r = step_done(session, r, at=t)
    r = step_done(session, r, at=t + timedelta(minutes=5), decision="tidak")
    view = history.step_stats(RENJA, session=session)
    one = view.steps[0]
    assert view.rounds == 5
    assert (one.passes, one.standard_minutes) == (5, 10)
    assert one.average_minutes == pytest.approx((10 + 20 + 40 + 100 + 5) / 5)
    assert one.median_minutes == 20  # 5, 10, 20, 40, 100
    assert one.late_passes == 3
    six = view.steps[5]
    assert (six.passes, six.sent_back, six.median_minutes) == (1, 1, 5)
    assert view.steps[6].passes == 0 and view.steps[6].median_minutes is None
    # the old entry point gives the same figures
    count, stats = rounds.sop_step_stats(RENJA, session=session)
    assert count == 5 and stats == list(view.steps)
    # the round's page carries the same statistics
    page = history.round_page(r.id, session=session)
    assert page.detail.id == r.id and page.stats == view


def _summaries(session) -> tuple[list, list]:
    conn = session.connection()
    passes = conn.execute(text("SELECT * FROM round_pass ORDER BY round_id, ordinal")).all()
    cols = conn.execute(text("SELECT id, status, current_position, holder, since, loops, "
                             "hold_started, held_minutes, last_event_at FROM round "
                             "ORDER BY id")).all()
    return [tuple(p)[1:] for p in passes], cols


def _every_kind_of_write(session):
    a = start(session)
    a = step_done(session, a, at=T0 + timedelta(minutes=30), note="x")
    a = rounds.hold_round(a.id, session=session, expected_version=a.version,
                          at=T0 + timedelta(hours=1))
    a = rounds.resume_round(a.id, session=session, expected_version=a.version,
                            at=T0 + timedelta(hours=3))
    a = rounds.correct_event(a.id, 2, session=session, expected_version=a.version,
                             reason="jam salah", occurred_at=T0 + timedelta(minutes=20))
    b = start(session)
    b = rounds.hold_round(b.id, session=session, expected_version=b.version,
                          at=T0 + timedelta(minutes=10))  # still on hold
    c = start(session)
    c = step_done(session, c, at=T0 + timedelta(minutes=15))
    rounds.cancel_round(c.id, "batal", session=session, expected_version=c.version,
                        at=T0 + timedelta(days=2))
    return a


def test_the_summaries_are_what_a_rebuild_gives(session):
    a = _every_kind_of_write(session)
    assert a.steps[0].working_minutes == 20 and a.steps[0].corrected
    before = _summaries(session)
    session.rollback()
    assert before[0], "no pass rows written"
    with transaction(session):
        from kecamatan_desktop.services import summaries

        summaries.rebuild(session)
    assert _summaries(session) == before
    assert integrity.check_database(session=session) == []


def test_the_streamed_workbook_holds_what_each_rounds_page_shows(session):
    """The set-based reader (plain tuples, texts decoded only for corrections) gives the
    same rows as the workbook of the rounds read one by one, a correction included."""
    _every_kind_of_write(session)
    now = T0 + timedelta(days=3)
    ids = sorted(r.id for r in rounds.list_rounds(session=session))
    streamed = rounds_workbook(session=session, round_ids=ids, now=now)
    by_hand = workbook_of_details(rounds.get_round(i, session=session, now=now) for i in ids)
    events = list(streamed.event_rows)
    assert events == list(by_hand.event_rows)
    assert list(streamed.step_rows) == list(by_hand.step_rows)
    fixed = [row for row in events if row[12]]
    assert fixed and "mengoreksi #2" in fixed[0][10] and "jam salah" in fixed[0][10]
    assert any(row[13] == str(fixed[0][1]) for row in events if row[1] == 2)


def test_check_finds_a_tampered_summary_and_rebuild_repairs_it(catalogue_db, session):
    from kecamatan_desktop.cli import main

    _every_kind_of_write(session)
    with transaction(session):
        session.execute(text("UPDATE round_pass SET working_minutes = 1, late = FALSE "
                             "WHERE ordinal = 1 AND round_id = 1"))
        session.execute(text("DELETE FROM round_pass WHERE round_id = 2"))
        session.execute(text("UPDATE round SET held_minutes = 999 WHERE id = 1"))
    problems = [p.text for p in integrity.check_database(session=session)]
    assert any("lintasan #1" in p and "working_minutes" in p for p in problems), problems
    assert any("Putaran 2" in p and "0 lintasan" in p for p in problems), problems
    assert any("held_minutes" in p for p in problems), problems
    session.close()
    assert main(["--db", str(catalogue_db.path), "check"]) == 1
    assert main(["--db", str(catalogue_db.path), "check", "--rebuild"]) == 0
    with catalogue_db.session() as s:
        assert integrity.check_database(session=s) == []


def test_a_day_off_added_later_recounts_the_passes_on_that_day(session):
    r = start(session)  # Monday 23 November 2026, 08.00
    r = step_done(session, r, at=T0 + timedelta(days=2))  # handed on Wednesday 08.00
    before = rounds.get_round(r.id, session=session).steps[0].working_minutes
    calendar.add_day_off(date(2026, 11, 24), "Libur daerah", "libur", session=session)
    after = history.step_stats(RENJA, session=session).steps[0].average_minutes
    assert before == 2 * 450 and after == 450  # Tuesday no longer counts
    assert rounds.get_round(r.id, session=session).steps[0].working_minutes == 450
    assert integrity.check_database(session=session) == []
    calendar.remove_day_off(date(2026, 11, 24), session=session)
    assert history.step_stats(RENJA, session=session).steps[0].average_minutes == 900
    assert integrity.check_database(session=session) == []


@pytest.mark.sqlite_only
def test_migration_0006_fills_the_summaries_of_a_0005_database(catalogue_db, session):
    import sqlite3

    _every_kind_of_write(session)
    expected = _summaries(session)
    session.close()
    path = catalogue_db.path
    catalogue_db.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # back to 0006 by the later migrations' own downgrades
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")
    engine.dispose()
    with sqlite3.connect(path) as raw:  # the schema as 0005 left it
        raw.execute("DROP TABLE round_pass")
        raw.execute("DROP INDEX ix_round_started_at")
        raw.execute("UPDATE alembic_version SET version_num = '0005'")
    db = open_catalogue(path)
    try:
        with db.session() as s:
            assert _summaries(s) == expected
            assert integrity.check_database(session=s) == []
    finally:
        db.close()


# the workbook -----------------------------------------------------------------------------


def test_the_period_workbook_reads_back(databases, tmp_path):
    db, _ids = databases[200]
    with db.session() as s:
        book = rounds_workbook(session=s, start=date(2020, 1, 1), end=date(2026, 12, 31))
        path = write_workbook(book, tmp_path / "periode.xlsx")
        late = s.execute(text("SELECT count(*) FROM round_pass WHERE late")).scalar()
    wb = load_workbook(path)
    steps, events = list(wb["Langkah"].iter_rows()), list(wb["Peristiwa"].iter_rows())
    assert book.rounds == 203
    assert len(steps) == 1 + book.passes and len(events) == 1 + book.events
    assert [c.value for c in steps[0]][:3] == ["Putaran", "Judul", "SOP"]
    flagged = [r for r in steps[1:] if r[13].value == "Ya"]
    assert len(flagged) >= late  # finished late passes, and open ones late by now
    assert all(c.fill.fgColor.rgb.endswith("F8D7D3") for c in flagged[0])
    assert steps[1][9].number_format == "yyyy-mm-dd hh:mm"
    assert isinstance(steps[1][9].value, datetime)
    assert {r[2].value for r in events[1:]} >= {"Putaran dimulai", "Langkah selesai"}


def test_a_cancelled_export_leaves_no_file(databases, tmp_path):
    db, _ids = databases[200]
    target = tmp_path / "periode.xlsx"
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 2000

    with db.session() as s, pytest.raises(Cancelled):
        write_workbook(rounds_workbook(session=s, start=date(2020, 1, 1),
                                       end=date(2026, 12, 31)), target, progress=progress)
    assert seen and seen[-1][0] == 2000 and seen[0][1] > 2000
    assert list(tmp_path.iterdir()) == []


def test_office_monitoring_has_a_form_per_sop(databases):
    db, _ids = databases[200]
    with db.session() as s:
        office = monitoring.office_monitoring(OFFICE, date(2022, 1, 1), date(2026, 12, 31),
                                              session=s)
        one = monitoring.monitoring_form(RENJA, date(2022, 1, 1), date(2026, 12, 31),
                                         session=s)
    renja = next(f for f in office.forms if f.sop_name == one.sop_name)
    assert renja.rounds == one.rounds > 0 and renja.rows == one.rows
    assert sum(f.rounds for f in office.forms) > one.rounds


def test_the_finished_views_list_the_newest_and_count_them_all(databases):
    db, _opened = databases[200]
    with db.session() as s:
        everything = rounds.count_rounds(session=s)
        shown = history.dashboard(session=s, view="semua", newest=50)
        assert shown.total == everything > 200 and len(shown.rows) == 50
        ids = [r.id for r in shown.rows]
        assert ids == sorted(ids, reverse=True) and ids[0] == everything  # newest first
        done = history.dashboard(session=s, view="selesai", newest=50)
        assert {r.status for r in done.rows} == {"done"} and done.total > len(done.rows)
        open_ = history.dashboard(session=s, view="aktif", newest=50)  # open: never cut
        assert open_.total == len(open_.rows) and all(r.status in ("active", "on_hold")
                                                      for r in open_.rows)
        assert len(rounds.list_rounds(session=s)) == everything  # the CLI lists them all


def test_a_finished_round_shows_when_it_ended_and_its_whole_time(session, qapp):
    """The finished views once showed "-" for Sejak and Waktu di meja, which have values."""
    from kecamatan_desktop.ui.rounds.dashboard_model import dashboard_model

    done = run_renja(session)
    page = rounds.get_round(done.id, session=session)
    finished = history.dashboard(session=session, view="selesai")
    [row] = finished.rows
    assert row.ended_at == page.events[-1].occurred_at
    assert row.total_minutes == sum(s.working_minutes for s in page.steps) > 0
    assert row.total_standard == sum(s.standard_minutes for s in page.steps)
    open_ = start(session)
    assert history.dashboard(session=session, view="aktif").rows[0].total_minutes is None
    model = dashboard_model(day_minutes=finished.day_minutes)
    model.set_items([row])
    since, spent = (model.index(0, c).data() for c in (5, 6))
    assert since.startswith("berakhir ") and spent.startswith("seluruhnya ")
    assert open_.id != row.id
