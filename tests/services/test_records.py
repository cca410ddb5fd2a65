"""A round's history as an official record, on a real database: append-only in the
database itself, tamper-evident, written only on what the user saw, corrected by new events,
on the office's clock, counted on the right calendar, and naming officers by id."""

from __future__ import annotations

import multiprocessing
import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.rounds import StaleRoundError
from kecamatan_desktop.domain.zones import WIB, WITA
from kecamatan_desktop.services import calendar, integrity, officers, offices, rounds
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.round_models import CalendarChangeRow, RoundEventRow, RoundRow
from tests.pg import RAW_ERRORS, Raw
from tests.services.test_rounds import RENJA, T0, start


def complete(session, r, at, **kw):
    return rounds.complete_step(r.id, session=session, expected_version=r.version, at=at, **kw)


def event_count(db_path) -> int:
    with Raw(db_path) as raw:
        return raw.execute("SELECT count(*) FROM round_event").fetchone()[0]


# append-only and tamper-evident --------------------------------------------------------------

def test_the_database_refuses_update_and_delete_on_the_event_log(session, db_path):
    start(session)
    raw = Raw(db_path)
    with pytest.raises(RAW_ERRORS, match="append-only"):
        raw.execute("UPDATE round_event SET officer = 'Orang Lain' WHERE seq = 1")
    raw.rollback()
    with pytest.raises(RAW_ERRORS, match="append-only"):
        raw.execute("DELETE FROM round_event")
    raw.rollback()
    assert raw.execute("SELECT officer FROM round_event").fetchall() == [
        ("Drs. SUKARLIN, M.Si.",)]
    raw.close()


def test_a_log_edited_with_the_triggers_dropped_is_caught_naming_the_event(session, db_path):
    r = start(session)
    r = complete(session, r, T0 + timedelta(minutes=30), output="konsep")
    assert integrity.check_database(session=session) == []
    with Raw(db_path) as raw:
        guard = raw.disable_guard("round_event", "update")
        raw.execute("UPDATE round_event SET output = 'diganti' WHERE round_id = ? AND seq = 2",
                    (r.id,))
    session.rollback()  # end the read snapshot: see what others wrote
    problems = integrity.check_database(session=session)
    texts = [p.text for p in problems]
    assert any(guard in t and "hilang" in t for t in texts)
    [chain] = [p for p in problems if p.round_id == r.id]
    assert chain.seq == 2 and "kejadian #2 (Langkah selesai) diubah di luar program" in chain.text
    detail = rounds.get_round(r.id, session=session)
    assert detail.chain_problem and "#2" in detail.chain_problem
    with pytest.raises(InputError, match="tidak utuh.*Tidak ada yang dicatat"):
        complete(session, detail, T0 + timedelta(hours=1))


def test_a_deleted_last_event_is_caught_and_nothing_completes_twice(session, db_path):
    r = start(session)
    r = complete(session, r, T0 + timedelta(minutes=30))
    session.rollback()
    with Raw(db_path) as raw:
        raw.disable_guard("round_event", "delete")
        raw.execute("DELETE FROM round_event WHERE seq = 3")
    session.rollback()  # end the read snapshot: see what others wrote
    detail = rounds.get_round(r.id, session=session)
    assert "#4" not in detail.chain_problem and "hilang" in detail.chain_problem
    before = event_count(db_path)
    with pytest.raises(InputError, match="tidak utuh"):
        complete(session, detail, T0 + timedelta(hours=1))
    assert event_count(db_path) == before


def test_check_of_the_command_line_prints_ok_or_the_problems(capsys, session, db_path):
    from tests.test_cli import run

    start(session)
    code, out, _ = run(capsys, "--db", db_path, "check")
    assert (code, out.strip()) == (0, "OK")
    session.rollback()
    with Raw(db_path) as raw:
        guard = raw.disable_guard("round_event", "delete")
        raw.execute("DELETE FROM round_event")
    code, out, _ = run(capsys, "--db", db_path, "check")
    assert code == 1 and "Putaran 1 (Renja 2027)" in out and guard in out


# writes on what the user saw ----------------------------------------------------------------

def test_a_stale_screen_cannot_complete_a_step_that_was_completed_elsewhere(session):
    seen = start(session)  # the window shows step 1
    elsewhere = complete(session, seen, T0 + timedelta(minutes=20), done_by="Drs. SUKARLIN, M.Si.")
    assert elsewhere.current_step == 2
    with pytest.raises(StaleRoundError) as refused:
        complete(session, seen, T0 + timedelta(minutes=30), note="untuk langkah 1")
    message = str(refused.value)
    assert "Langkah 1 sudah diselesaikan oleh Drs. SUKARLIN, M.Si. pukul 23 November 2026 " \
           "08.20 WIB" in message and "Tidak ada yang dicatat" in message
    now = rounds.get_round(seen.id, session=session)
    assert now.version == elsewhere.version and now.current_step == 2
    assert all(e.note != "untuk langkah 1" for e in now.events)


def _race(db_path, round_ids, barrier, results):
    """For each round: read it, wait for the other process, complete step 1 on what was read."""
    db = open_catalogue(db_path)
    try:
        for round_id in round_ids:
            with db.session() as s:
                seen = rounds.get_round(round_id, session=s)
            barrier.wait(timeout=60)
            try:
                with db.session() as s:
                    rounds.complete_step(round_id, session=s, expected_version=seen.version,
                                         at=datetime(2026, 11, 23, 9, 0, tzinfo=WIB))
                results.put((round_id, "ok"))
            except StaleRoundError as exc:
                results.put((round_id, f"stale: {exc}"))
            except Exception as exc:  # noqa: BLE001 - the test reports whatever else happened
                results.put((round_id, f"error: {type(exc).__name__}: {exc}"))
    finally:
        db.close()


def test_two_processes_completing_the_same_step_at_once(session, db_path):
    """Exactly one of two processes racing on the same version records; the other is told."""
    races = 30
    ids = [start(session).id for _ in range(races)]
    session.rollback()
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_race, args=(db_path, ids, barrier, results)) for _ in range(2)]
    for p in procs:
        p.start()
    outcomes: dict[int, list[str]] = {i: [] for i in ids}
    for _ in range(2 * races):
        round_id, outcome = results.get(timeout=120)
        outcomes[round_id].append(outcome)
    for p in procs:
        p.join(timeout=60)
    for round_id, pair in outcomes.items():
        pair.sort()
        assert pair[0] == "ok" and pair[1].startswith("stale: "), (round_id, pair)
        assert "Langkah 1 sudah diselesaikan" in pair[1]
    session.rollback()
    for round_id in ids:  # one completion and its handoff each, no more
        assert rounds.get_round(round_id, session=session).version == 3
    assert integrity.check_database(session=session) == []


def test_a_write_waits_for_another_pcs_write_then_refuses_what_it_changed(session,
                                                                         catalogue_db):
    """Two connections: while one holds its write open, the other's write on the same
    version waits for it, then sees its event and refuses; the first one's step stands."""
    r = start(session)
    seen = rounds.get_round(r.id, session=session)
    session.rollback()
    writing, wrote = threading.Event(), []

    def other_pc():
        with catalogue_db.session() as other, transaction(other, immediate=True):
            wrote.append(rounds.complete_step(r.id, session=other, expected_version=seen.version,
                                              at=T0 + timedelta(minutes=20), note="PC lain"))
            writing.set()
            time.sleep(0.6)  # still uncommitted: the write lock is held

    thread = threading.Thread(target=other_pc)
    thread.start()
    assert writing.wait(30)
    began = time.monotonic()
    with pytest.raises(StaleRoundError, match="Langkah 1 sudah diselesaikan"):
        complete(session, seen, T0 + timedelta(minutes=25), note="PC ini")
    waited = time.monotonic() - began
    thread.join(30)
    assert waited > 0.3 and wrote
    now = rounds.get_round(r.id, session=session)
    assert [e.note for e in now.events if e.note] == ["PC lain"]
    assert now.version == wrote[0].version


def test_the_command_line_refuses_a_step_the_round_is_not_at(capsys, session, db_path):
    from tests.test_cli import run

    start(session)
    code, _, err = run(capsys, "--db", db_path, "round", "complete", "1", "--step", "2",
                       "--at", "2026-11-23T09:00")
    assert code == 2 and "tidak sedang di langkah 2 (sekarang di langkah 1)" in err
    assert event_count(db_path) == 1


# times -------------------------------------------------------------------------------------

def test_a_future_time_is_refused_and_nothing_is_written(session, db_path):
    with pytest.raises(InputError, match="belum terjadi"):
        rounds.start_round(RENJA, session=session, title="Renja 9999",
                           at=datetime(9999, 1, 1, tzinfo=WIB))
    with pytest.raises(InputError, match="sebelum 1970"):
        rounds.start_round(RENJA, session=session, title="Renja 1",
                           at=datetime(1, 1, 1, tzinfo=WIB))
    r = start(session)
    soon = datetime.now(UTC) + timedelta(hours=2)
    with pytest.raises(InputError, match="belum terjadi"):
        complete(session, r, soon)
    assert event_count(db_path) == 1
    with Raw(db_path) as raw:
        years = [y for (y,) in raw.execute("SELECT year FROM calendar_year")]
    assert 1 not in years and 9999 not in years


def test_a_correction_keeps_the_original_and_the_figures_use_the_new_values(session, tmp_path):
    r = start(session)
    r = complete(session, r, T0 + timedelta(hours=2), output="disposisi")  # 120 min, late
    assert r.steps[0].working_minutes == 120
    r = rounds.correct_event(r.id, 2, session=session, expected_version=r.version,
                             reason="jam salah ketik", occurred_at=T0 + timedelta(minutes=10),
                             officer="Siti Aminah")
    original = next(e for e in r.events if e.seq == 2)
    assert original.occurred_at == T0 + timedelta(hours=2)  # still as written
    assert original.officer == "Drs. SUKARLIN, M.Si." and original.corrected_by == (4,)
    fix = r.events[-1]
    assert fix.kind == "corrected" and fix.corrects == 2 and fix.note == "jam salah ketik"
    first = r.steps[0]
    assert (first.working_minutes, first.done_by, first.corrected) == (10, "Siti Aminah", True)
    assert r.steps[1].received_at == T0 + timedelta(minutes=10)
    # the report and the workbook use the corrected values and mark them
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from kecamatan_desktop.export.pdf_rounds import write_round_report
    from kecamatan_desktop.export.spreadsheet import write_rounds_xlsx

    text = "\n".join(p.extract_text() for p in PdfReader(
        write_round_report(r, tmp_path / "r.pdf")).pages)
    assert "mengoreksi #2" in text and "memakai nilai hasil koreksi" in text
    sheet = load_workbook(write_rounds_xlsx([r], tmp_path / "r.xlsx"))["Langkah"]
    first_row = [c.value for c in sheet[2]]
    assert first_row[12] == 10 and first_row[-1] == "Ya"
    with pytest.raises(InputError, match="lebih awal dari kejadian sebelumnya"):
        rounds.correct_event(r.id, 2, session=session, expected_version=r.version,
                             reason="x", occurred_at=T0 - timedelta(hours=1))


def test_a_cancelled_round_stops_accruing(session):
    r = start(session)
    r = rounds.cancel_round(r.id, "diganti", session=session, expected_version=r.version,
                            at=T0 + timedelta(days=1))
    later = [rounds.get_round(r.id, session=session, now=T0 + timedelta(days=d))
             for d in (1, 4, 365)]
    assert {d.total_working_minutes for d in later} == {450}  # one working day, then nothing
    assert later[0].ended_at == T0 + timedelta(days=1)


def test_a_round_over_new_year_counts_both_years_holidays(session):
    eve = datetime(2025, 12, 30, 8, 0, tzinfo=WIB)  # a Tuesday; 2026 not loaded yet
    back = datetime(2026, 1, 5, 8, 0, tzinfo=WIB)  # the next Monday
    r = rounds.start_round(RENJA, session=session, title="Renja 2027", at=eve)
    r = complete(session, r, back)
    days_off = {d.day for y in (2025, 2026) for d in calendar.days_off(y, session=session)}
    assert date(2026, 1, 1) in days_off  # Tahun Baru, in the second year
    plain = calendar.OfficeCalendar()  # the same hours, no days off at all
    counted = r.steps[0].working_minutes
    off_between = [d for d in days_off if eve.date() < d < back.date() and d.weekday() < 5]
    assert off_between and date(2026, 1, 1) in off_between
    lost = sum(sum(b - a for a, b in plain.hours.days[d.weekday()]) for d in off_between)
    assert counted == plain.working_minutes(eve, back) - lost


def test_a_round_started_long_ago_uses_the_holidays_of_every_year_it_spans(session, db_path):
    r = rounds.start_round(RENJA, session=session, title="Renja lama",
                           at=datetime(1990, 3, 1, 8, 0, tzinfo=WIB))
    r = complete(session, r, datetime(1992, 3, 2, 8, 0, tzinfo=WIB))
    with Raw(db_path) as raw:
        years = {y for (y,) in raw.execute("SELECT year FROM calendar_year")}
    assert {1990, 1991, 1992} <= years


def test_a_wita_office_round_trips_its_times_and_prints_plus_eight(session, capsys, db_path):
    import json

    from tests.test_cli import run

    offices.update_office_profile("Kecamatan Poncokusumo", session=session, time_zone="WITA")
    at = datetime(2026, 11, 23, 9, 0, tzinfo=WITA)  # 09.00 on the office's clock
    r = rounds.start_round(RENJA, session=session, title="Renja WITA", at=at)
    with Raw(db_path) as raw:
        stored = raw.execute("SELECT occurred_at FROM round_event").fetchone()[0]
    assert str(stored).startswith("2026-11-23 01:00:00")  # UTC in the database
    assert r.steps[0].received_at == at and r.zone == "WITA"
    shown = json.loads(run(capsys, "--db", db_path, "round", "show", str(r.id), "--json")[1])
    assert shown["steps"][0]["received_at"] == "2026-11-23T09:00+08:00"
    assert shown["time_zone"] == "WITA"
    listed = json.loads(run(capsys, "--db", db_path, "round", "list", "--json")[1])
    assert listed[0]["since"] == "2026-11-23T09:00+08:00"
    # a time typed without a zone on the command line is the office's clock
    code, _, err = run(capsys, "--db", db_path, "round", "complete", str(r.id), "--step", "1",
                       "--at", "2026-11-23T09:30")
    assert code == 0, err
    shown = json.loads(run(capsys, "--db", db_path, "round", "show", str(r.id), "--json")[1])
    assert shown["steps"][0]["handed_at"] == "2026-11-23T09:30+08:00"
    assert shown["steps"][0]["working_minutes"] == 30  # counted on the WITA clock
    with pytest.raises(InputError, match="WIB, WITA atau WIT"):
        offices.update_office_profile("Kecamatan Poncokusumo", session=session,
                                      time_zone="EST")


def test_the_time_type_returns_aware_times_whatever_sqlmodel_does(session):
    r = start(session)
    session.rollback()  # end the read snapshot: see what others wrote
    row = session.get(RoundRow, r.id)
    event = session.exec(select(RoundEventRow)).first()
    assert row.started_at.tzinfo is not None and event.entered_at.tzinfo is not None
    assert row.started_at == T0


# officers by id ----------------------------------------------------------------------------

def test_a_renamed_officer_leaves_old_events_as_recorded(session):
    r = start(session)
    camat = officers.find_officer("Drs. SUKARLIN, M.Si.", session=session)
    r = complete(session, r, T0 + timedelta(minutes=5))
    renamed = officers.update_officer(camat.id, session=session, seen=camat,
                                      name="Dr. SUKARLIN, M.Si.", nip=camat.nip,
                                      jabatan=camat.jabatan, pangkat=camat.pangkat,
                                      office=camat.office)
    assert renamed.name == "Dr. SUKARLIN, M.Si."
    again = rounds.get_round(r.id, session=session)
    assert again.events[0].officer == "Drs. SUKARLIN, M.Si."  # as written then
    rows = session.exec(select(RoundEventRow).where(RoundEventRow.seq == 1)).all()
    assert rows[0].officer_id == camat.id
    with pytest.raises(InputError, match="sudah diubah di tempat lain"):
        officers.update_officer(camat.id, session=session, seen=camat, name="X",
                                nip=camat.nip, jabatan=camat.jabatan)
    with pytest.raises(InputError, match="nonaktifkan saja"):
        officers.delete_officer(camat.id, session=session)
    officers.set_active(camat.id, False, session=session)
    assert camat.id not in {o.id for o in officers.list_officers(session=session,
                                                                 active_only=True)}
    assert rounds.get_round(r.id, session=session).events[0].officer == "Drs. SUKARLIN, M.Si."


def test_an_acting_camat_can_fill_the_camat_lane(session):
    plt = officers.add_officer(session=session, name="Budi Plt", nip="19700101 199501 1 001",
                               jabatan="Plt. Camat", office="Kecamatan Poncokusumo")
    assert (plt.jabatan, plt.acting, plt.title) == ("Camat", "Plt.", "Plt. Camat")
    r = rounds.start_round(RENJA, session=session, title="Renja Plt", at=T0,
                           lanes={"Camat": plt.id})
    assert r.holder == "Budi Plt"
    with pytest.raises(InputError, match="tidak dikenal"):
        officers.add_officer(session=session, name="X", nip="19700101 199501 1 002",
                             jabatan="Camat", acting="Pj.")


def test_nobody_assigned_means_the_user_must_choose_who_did_it(session):
    r = rounds.start_round(RENJA, session=session, title="Renja", at=T0, lanes={"Camat": None})
    assert r.holder is None
    with pytest.raises(InputError, match="pilih siapa yang mengerjakannya"):
        complete(session, r, T0 + timedelta(minutes=5))
    r = complete(session, r, T0 + timedelta(minutes=5), done_by="Siti Aminah")
    assert r.steps[0].done_by == "Siti Aminah"


# the calendar records its changes ------------------------------------------------------------

def test_each_calendar_change_is_recorded_and_the_report_names_the_calendar(session, db_path):
    calendar.add_day_off(date(2026, 11, 25), "Hari Guru", "libur", session=session, by="budi")
    changes = calendar.calendar_changes(session=session)
    assert changes[-1].changed_by == "budi" and "25 November 2026" in changes[-1].what
    r = start(session)
    assert "Kalender kantor: 37,5 jam kerja seminggu" in r.calendar
    assert "oleh budi" in r.calendar
    session.rollback()
    with pytest.raises(RAW_ERRORS, match="append-only"), Raw(db_path) as raw:
        raw.execute("DELETE FROM calendar_change")
    assert len(session.exec(select(CalendarChangeRow)).all()) == len(changes)


def test_no_round_starts_on_an_archived_sop_or_a_loop_without_a_way_out(session):
    from dataclasses import replace

    from kecamatan_desktop.domain.sop import Decision
    from kecamatan_desktop.services import catalogue

    catalogue.archive_sop(RENJA, session=session)
    with pytest.raises(InputError, match="diarsipkan"):
        start(session)
    catalogue.unarchive_sop(RENJA, session=session)
    sop = catalogue.get_sop("poncokusumo-2018-renstra", session=session).sop
    last = len(sop.steps)
    trapped = replace(sop, steps=sop.steps[:-1] + (replace(
        sop.steps[-1], decision=Decision(yes=last - 1, no=last - 2)),))
    from kecamatan_desktop.services import editing

    editing.save_revision(trapped, session=session, draft=True)
    with pytest.raises(InputError, match="tidak dapat dimulai|jalan keluar|draf"):
        rounds.start_round("poncokusumo-2018-renstra", session=session, title="x", at=T0)
    assert session.exec(select(RoundRow)).all() == []


def test_another_pcs_write_changes_the_stamp_the_views_poll(session, catalogue_db):
    r = start(session)
    seen = rounds.change_stamp(session=session)
    session.rollback()
    with catalogue_db.session() as other:  # the other PC
        complete(other, rounds.get_round(r.id, session=other), T0 + timedelta(minutes=20))
    assert rounds.change_stamp(session=session) != seen
