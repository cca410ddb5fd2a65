"""Witnesses outside the database (issue 27, point 3): a history rewritten and re-chained
whole, or a round deleted whole, passes every check inside the file; this PC's witness
file, a backup and a segel printed on a report still name it."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from kecamatan_desktop.domain import ledger
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.segel import format_segel, parse_segel
from kecamatan_desktop.domain.tanggal import stored_utc
from kecamatan_desktop.services import printing, rounds, seals, witnesses
from kecamatan_desktop.services.witnesses import witness_folder
from kecamatan_desktop.store.backup_segel import record_path
from tests.conftest import use_data_folder
from tests.services.test_rounds import RENJA, T0, start, step_done
from tests.test_cli import run

# the attacks work on the SQLite file with sqlite3, as an insider with the file would
pytestmark = pytest.mark.sqlite_only
SEGEL = re.compile(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}")


@pytest.fixture(autouse=True)
def this_pc(tmp_path, monkeypatch) -> Path:
    """This PC's data folder, the test's own (its own data folder, on Linux and Windows)."""
    use_data_folder(monkeypatch, tmp_path / "pc")
    return tmp_path / "pc"


def another_pc(monkeypatch, tmp_path) -> None:
    use_data_folder(monkeypatch, tmp_path / "another-pc")


# the attacks, as an insider with the file and sqlite3 makes them ----------------------------

def _guards(con, tables) -> list[tuple[str, str]]:
    marks = ",".join("?" * len(tables))
    return con.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                       f"tbl_name IN ({marks})", tables).fetchall()


def _without_guards(db_path, tables, work) -> None:
    """Drop the append-only triggers, do `work(con)`, put the triggers back as they were."""
    con = sqlite3.connect(db_path)
    try:
        saved = _guards(con, tables)
        for name, _sql in saved:
            con.execute(f"DROP TRIGGER {name}")
        work(con)
        for _name, sql in saved:
            con.execute(sql)
        con.commit()
    finally:
        con.close()


def _rechain(con, round_id: int) -> None:
    """Recompute the round's hash chain over its rows as they are now (SHA-256 of the
    previous hash and the event's canonical text, as the program computes it)."""
    con.row_factory = sqlite3.Row
    rows = con.execute("SELECT * FROM round_event WHERE round_id = ? ORDER BY seq",
                       (round_id,)).fetchall()
    previous = None
    for r in rows:
        fields = {name: r[name] for name in ledger.FIELDS}
        for name in ("occurred_at", "entered_at"):
            fields[name] = stored_utc(fields[name])
        fields["changes"] = json.loads(r["changes"]) if r["changes"] else None
        previous = ledger.event_hash(previous, fields)
        con.execute("UPDATE round_event SET hash = ? WHERE id = ?", (previous, r["id"]))
    con.row_factory = None


def forge_step_1(db_path, round_id: int, officer: str = "DIGANTI") -> None:
    """Step 1's officer and note changed, the chain recomputed, the guard put back."""
    def work(con):
        con.execute("UPDATE round_event SET officer = ?, note = 'diubah' "
                    "WHERE round_id = ? AND seq = 1", (officer, round_id))
        _rechain(con, round_id)

    _without_guards(db_path, ["round_event"], work)


def delete_round(db_path, round_id: int) -> None:
    def work(con):
        for table in ("round_event", "round_lane", "round_pass"):
            con.execute(f"DELETE FROM {table} WHERE round_id = ?", (round_id,))
        con.execute("DELETE FROM round WHERE id = ?", (round_id,))

    _without_guards(db_path, ["round_event", "round_lane", "round_pass", "round"], work)


def check(capsys, db_path, *extra):
    return run(capsys, "--db", db_path, "check", *extra)


# the PC's witnesses ---------------------------------------------------------------------------

def test_a_forged_and_rechained_round_is_named_as_different_from_this_pcs_witness(
        capsys, session, db_path):
    r = step_done(session, start(session), at=T0 + timedelta(minutes=30))
    session.rollback()
    forge_step_1(db_path, r.id)
    # inside the file the forgery is whole: the chain verifies, the summaries are rebuilt
    assert rounds.get_round(r.id, session=session).chain_problem is None
    code, out, _ = check(capsys, db_path, "--rebuild")
    assert code == 1
    assert re.search(r"Putaran 1 berbeda dari yang dilihat PC ini pada \d+ \w+ 2\d{3} pukul "
                     r"\d\d\.\d\d WIB", out), out
    assert out.strip().endswith("1 masalah ditemukan")
    # the evidence stays: looking again, or reading the forged round, does not take it away
    rounds.get_round(r.id, session=session)
    code, out, _ = check(capsys, db_path)
    assert code == 1 and "Putaran 1 berbeda dari yang dilihat PC ini" in out


def test_a_round_deleted_whole_is_named_as_gone(capsys, session, db_path):
    first = start(session)
    second = start(session)
    session.rollback()
    assert check(capsys, db_path)[0:2] == (0, "OK\n")
    delete_round(db_path, first.id)
    code, out, _ = check(capsys, db_path)
    assert code == 1
    assert re.search(rf"Putaran {first.id} yang dilihat PC ini pada .* tidak ada lagi", out)
    assert f"Putaran {second.id} " not in out


def test_a_round_that_moved_on_since_this_pc_saw_it_is_no_difference(
        capsys, monkeypatch, tmp_path, session, db_path, this_pc):
    r = start(session)
    session.rollback()
    assert check(capsys, db_path)[0] == 0
    seen = json.loads(next((this_pc / "KecamatanDesktop" / "saksi").glob("*.json"))
                      .read_text(encoding="utf-8"))
    assert seen["rounds"][str(r.id)]["events"] == 1
    another_pc(monkeypatch, tmp_path)  # the round goes on at another PC
    r = step_done(session, r, at=T0 + timedelta(minutes=30))
    r = step_done(session, r, at=T0 + timedelta(hours=1))
    session.rollback()
    use_data_folder(monkeypatch, this_pc)
    assert check(capsys, db_path)[0:2] == (0, "OK\n")
    seen = witnesses.read_witness(witnesses.identity(session))
    assert seen["rounds"][str(r.id)]["events"] == r.version > 1  # the newer head, now


def test_writes_and_reads_remember_the_head_and_a_damaged_witness_is_named(
        capsys, session, db_path):
    r = step_done(session, start(session), at=T0 + timedelta(minutes=30))
    database = witnesses.identity(session)
    kept = witnesses.read_witness(database)["rounds"][str(r.id)]
    assert format_segel(kept["head"]) == r.segel and kept["events"] == r.version
    session.rollback()
    witnesses.witness_path(database).write_text("{rusak", encoding="utf-8")
    code, out, _ = check(capsys, db_path)
    assert code == 1 and "Berkas saksi PC ini" in out and "rusak" in out
    step_done(session, rounds.get_round(r.id, session=session), at=T0 + timedelta(hours=1))
    assert witnesses.witness_path(database).read_text(encoding="utf-8") == "{rusak"


# a segel printed on a report ------------------------------------------------------------------

def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_segel_printed_on_the_round_report_catches_a_forgery(
        capsys, monkeypatch, tmp_path, session, db_path):
    r = step_done(session, start(session), at=T0 + timedelta(minutes=30))
    session.rollback()
    report = tmp_path / "laporan.pdf"
    assert run(capsys, "--db", db_path, "round", "report", r.id, "-o", report)[0] == 0
    text = _pdf_text(report)
    printed = SEGEL.search(text.split("Segel riwayat putaran 1:")[1]).group()
    assert printed == r.segel
    assert check(capsys, db_path, "--segel", printed.lower(), "--round", r.id)[0:2] == \
        (0, "OK\n")
    another_pc(monkeypatch, tmp_path)  # a PC that never saw the round: only the paper did
    step_done(session, rounds.get_round(r.id, session=session), at=T0 + timedelta(hours=1))
    session.rollback()
    assert check(capsys, db_path, "--segel", printed, "--round", r.id)[0] == 0  # moved on
    forge_step_1(db_path, r.id)
    use_data_folder(monkeypatch, tmp_path / "a-third-pc")
    code, out, _ = check(capsys, db_path, "--rebuild", "--segel", printed, "--round", r.id)
    assert code == 1
    assert f"Putaran 1 berbeda dari segel {printed} yang diberikan" in out
    assert out.strip().endswith("1 masalah ditemukan")


@pytest.mark.parametrize("args, message", [
    (("--segel", "3F9A-C21B"), "--segel dan --round dipakai bersama"),
    (("--segel", "3F9A-C21B-77EX", "--round", "1"), "Segel '3F9A-C21B-77EX' tidak sah"),
    (("--backup", "tidak-ada.db"), "Cadangan tidak-ada.db tidak ada"),
])
def test_a_bad_segel_or_backup_is_one_line_and_exit_2(capsys, db_path, args, message):
    code, out, err = check(capsys, db_path, *args)
    assert code == 2 and message in err and "Traceback" not in err and out == ""


def test_segel_text_is_read_as_typed():
    assert parse_segel(" 3f9a c21b-77e0 ") == "3F9A-C21B-77E0"
    assert format_segel("3f9ac21b77e0" + "0" * 52) == "3F9A-C21B-77E0"
    with pytest.raises(InputError, match="12 angka/huruf"):
        parse_segel("3F9A-C21B")


# a backup -----------------------------------------------------------------------------------

def test_an_older_backup_names_the_rounds_that_differ_from_it(
        capsys, monkeypatch, tmp_path, session, db_path):
    kept = step_done(session, start(session), at=T0 + timedelta(minutes=30))
    gone = start(session)
    moved = start(session)
    session.rollback()
    old = tmp_path / "lama.db"
    assert run(capsys, "--db", db_path, "backup", "-o", old)[0] == 0
    record = json.loads(record_path(old).read_text(encoding="utf-8"))
    assert set(record["heads"]) == {str(kept.id), str(gone.id), str(moved.id)}
    step_done(session, moved, at=T0 + timedelta(hours=1))
    session.rollback()
    forge_step_1(db_path, kept.id)
    delete_round(db_path, gone.id)
    another_pc(monkeypatch, tmp_path)  # a PC that saw nothing: the backup alone tells
    code, out, _ = check(capsys, db_path, "--rebuild", "--backup", old)
    assert code == 1
    assert f"Putaran {kept.id} berbeda dari cadangan lama.db (dibuat " in out
    assert f"Putaran {gone.id} yang ada di cadangan lama.db" in out and "tidak ada lagi" in out
    assert f"Putaran {moved.id} " not in out
    # without its witness record the backup's own rows say the same
    record_path(old).unlink()
    code, again, _ = check(capsys, db_path, "--backup", old)
    assert code == 1 and f"Putaran {kept.id} berbeda dari cadangan lama.db" in again


def test_a_dump_carries_the_heads_in_its_header_and_check_reads_them(
        capsys, monkeypatch, tmp_path, catalogue_db, session, db_path):
    from kecamatan_desktop.store import dump

    r = step_done(session, start(session), at=T0 + timedelta(minutes=30))
    session.rollback()
    copy = dump.write_dump(catalogue_db.engine, tmp_path / f"lama{dump.SUFFIX}").path
    assert dump.read_header(copy)["heads"] == {str(r.id): seals.round_chains(session)[r.id][-1]}
    assert check(capsys, db_path, "--backup", copy)[0:2] == (0, "OK\n")
    forge_step_1(db_path, r.id)
    another_pc(monkeypatch, tmp_path)
    code, out, _ = check(capsys, db_path, "--rebuild", "--backup", copy)
    assert code == 1 and f"Putaran {r.id} berbeda dari cadangan {copy.name}" in out


def test_backups_made_beside_the_database_carry_their_witness(session, db_path):
    from kecamatan_desktop.store import backup

    r = start(session)
    session.rollback()
    made = backup.make_backup(db_path, backup.MANUAL)
    record = json.loads(record_path(made.path).read_text(encoding="utf-8"))
    assert record["heads"] == {str(r.id): seals.round_chains(session)[r.id][-1]}
    assert [b.path for b in backup.list_backups(db_path)] == [made.path]


def test_a_restore_by_this_pc_starts_its_witness_afresh(capsys, tmp_path, session, db_path):
    r = start(session)
    session.rollback()
    old = tmp_path / "lama.db"
    assert run(capsys, "--db", db_path, "backup", "-o", old)[0] == 0
    step_done(session, r, at=T0 + timedelta(minutes=30))
    session.close()
    assert run(capsys, "--db", db_path, "restore", old)[0] == 0
    assert check(capsys, db_path)[0:2] == (0, "OK\n")


# printed on the forms and in the book ---------------------------------------------------------

def test_the_monitoring_form_prints_each_rounds_segel_in_its_pdf_and_excel(
        capsys, tmp_path, session, db_path):
    from openpyxl import load_workbook

    first = step_done(session, start(session), at=T0 + timedelta(minutes=30))
    second = start(session)
    session.rollback()
    line = f"Segel riwayat putaran: #{first.id} {first.segel}; #{second.id} {second.segel}"
    for name in ("monitoring.pdf", "monitoring.xlsx"):
        code, _, err = run(capsys, "--db", db_path, "monitoring", "--office",
                           "Kecamatan Poncokusumo", "--from", "2026-11-01", "--to",
                           "2026-11-30", "-o", tmp_path / name)
        assert code == 0, err
    assert line in _pdf_text(tmp_path / "monitoring.pdf").replace("\n", " ")
    sheets = load_workbook(tmp_path / "monitoring.xlsx").worksheets
    renja = next(ws for ws in sheets if "Rencana Kerja (Renja)" in ws["A1"].value)
    assert renja["A4"].value == line
    assert all(ws["A4"].value is None for ws in sheets if ws is not renja)  # no rounds


def test_the_book_prints_the_catalogues_segel_and_a_changed_step_is_named(
        capsys, tmp_path, session, db_path):
    from kecamatan_desktop.export.pdf_document import write_book_pdf

    book = printing.load_book(None, session=session)
    assert book.segel == seals.catalogue_segel(session)
    others = [s.sop.id for s in book.sops if s.sop.id != RENJA]
    write_book_pdf(book, tmp_path / "buku.pdf", skip=others)
    text = _pdf_text(tmp_path / "buku.pdf")
    assert SEGEL.search(text.split("Segel katalog SOP:")[1]).group() == book.segel
    session.rollback()
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE step SET activity = 'Diubah diam-diam' WHERE position = 0 AND "
                    "revision_id = (SELECT r.id FROM sop_revision r JOIN sop s ON "
                    "s.id = r.sop_id WHERE s.slug = ?)", (RENJA,))
    con.close()
    code, out, _ = check(capsys, db_path)
    assert code == 1 and f"SOP {RENJA} berbeda dari yang dilihat PC ini pada" in out


def test_the_witness_folder_is_the_users_data_folder(this_pc):
    assert witness_folder() == this_pc / "KecamatanDesktop" / "saksi"


def test_sop_heads_seen_under_an_older_schema_are_taken_afresh_not_compared(
        capsys, session, db_path):
    """An upgrade that adds a column reshapes every revision's rows, so every SOP's head."""
    printing.load_book(None, session=session)  # the catalogue seen
    path = witnesses.witness_path(witnesses.identity(session))
    seen = json.loads(path.read_text(encoding="utf-8"))
    seen["catalogue_schema"] = "0011"
    seen["sops"][RENJA]["head"] = "0" * 64  # as the older shape's head would differ
    path.write_text(json.dumps(seen), encoding="utf-8")
    session.rollback()
    assert check(capsys, db_path)[0:2] == (0, "OK\n")
    again = witnesses.read_witness(witnesses.identity(session))
    assert again["catalogue_schema"] != "0011"
    assert again["sops"][RENJA]["head"] == seals.catalogue_chains(session)[RENJA][-1]
