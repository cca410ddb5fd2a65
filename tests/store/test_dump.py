"""The whole database as one file (`backup` of a server database), loaded into a new SQLite
file and a new server database: every row equal, the history's hash chains whole; a
database that holds data is never loaded over."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from benchmarks.generate import generate
from kecamatan_desktop.domain.errors import Cancelled, InputError
from kecamatan_desktop.services import (
    backups,
    calendar,
    checking,
    integrity,
    rounds,
)
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store import dump
from kecamatan_desktop.store.database import open_database
from kecamatan_desktop.store.models import SQLModel
from tests.services.test_history_scale import _every_kind_of_write
from tests.services.test_rounds import add_staff
from tests.test_cli import run


def every_row(where) -> dict[str, list]:
    """Every table's rows as the program reads them (typed), by primary key."""
    db = open_database(where, read_only=True)
    try:
        with db.engine.connect() as conn:
            return {t.name: [tuple(r) for r in conn.execute(
                select(t).order_by(*t.primary_key.columns))]
                for t in SQLModel.metadata.sorted_tables}
    finally:
        db.close()


@pytest.fixture
def busy(catalogue_db):
    """A catalogue with rounds of every kind of write, a day off and a dismissed finding."""
    with catalogue_db.session() as session:
        add_staff(session)
        _every_kind_of_write(session)
        calendar.add_day_off(date(2026, 11, 25), "Hari Guru", "libur", session=session,
                             by="budi")
        finding = checking.check_stored_sop("poncokusumo-2018-renja",
                                            session=session).findings[0]
        checking.dismiss(finding, "sudah sesuai buku", session=session, by="budi")
    return catalogue_db


def targets(request, tmp_path):
    """A new SQLite file, and a new server database when KECAMATAN_TEST_PG names one."""
    made = [tmp_path / "salinan.db"]
    if request.config.pg_server is not None:
        server = request.getfixturevalue("pg_server")
        fresh = server.fresh_database(migrated=False)
        request.addfinalizer(lambda: server.drop(fresh))
        made.append(fresh)
    return made


def test_a_dump_loads_into_a_new_database_of_either_kind_with_every_row(busy, tmp_path,
                                                                        request):
    copy = dump.write_dump(busy.engine, tmp_path / "semua.kdsalinan.jsonl").path
    before = every_row(busy.path)
    assert before["round_event"] and before["check_dismissal"] and before["calendar_change"]
    for target in targets(request, tmp_path):
        loaded = backups.load_copy(target, copy)
        assert loaded.rows == {name: len(rows) for name, rows in before.items()}
        assert every_row(target) == before
        db = open_catalogue(target)  # not seeded again: the offices are there
        with db.session() as s:
            assert integrity.check_database(session=s) == []
            r = rounds.list_rounds(session=s)[0]
            detail = rounds.get_round(r.id, session=s)
            # the next id after the loaded ones: a new write goes on as on the original
            rounds.add_round_note(r.id, "setelah dimuat", session=s,
                                  expected_version=detail.version)
            assert integrity.check_database(session=s) == []
        db.close()


def test_batal_stops_a_dump_and_its_loading_leaving_nothing(busy, tmp_path, request):
    """Progress is told per table; False from it (Batal) stops: no file written, nothing
    loaded, and the target loads whole afterwards."""
    told = []

    def stop_after_three(done: int, total: int) -> bool:
        told.append((done, total))
        return done < 3

    (tmp_path / "salinan").mkdir()
    target = tmp_path / "salinan" / "semua.kdsalinan.jsonl"
    with pytest.raises(Cancelled):
        dump.write_dump(busy.engine, target, progress=stop_after_three)
    assert told == [(1, told[0][1]), (2, told[0][1]), (3, told[0][1])]
    assert told[0][1] == len(SQLModel.metadata.sorted_tables)
    assert list(target.parent.iterdir()) == []  # neither the file nor its partial
    copy = dump.write_dump(busy.engine, target).path
    for where in targets(request, tmp_path):
        told.clear()
        empty = open_database(where)
        with pytest.raises(Cancelled):
            dump.load_dump(empty.engine, copy, progress=stop_after_three)
        assert not any(every_row(where).values())  # rolled back whole
        empty.close()
        assert backups.load_copy(where, copy).rows  # then loads, whole


def test_a_database_holding_data_is_never_loaded_over(busy, tmp_path):
    copy = dump.write_dump(busy.engine, tmp_path / "semua.kdsalinan.jsonl").path
    before = every_row(busy.path)
    with pytest.raises(InputError, match="sudah berisi data"):
        backups.load_copy(busy.path, copy)
    assert every_row(busy.path) == before


def test_what_is_not_a_dump_or_of_another_schema_is_refused_before_anything_is_made(
        tmp_path):
    other = tmp_path / "lain.jsonl"
    other.write_text('{"format": "kecamatan-db/1", "schema": "0004"}\n', encoding="utf-8")
    target = tmp_path / "baru.db"
    with pytest.raises(InputError, match="berskema 0004"):
        backups.load_copy(target, other)
    assert not target.exists()
    (tmp_path / "catatan.txt").write_text("bukan salinan\n", encoding="utf-8")
    assert not backups.is_copy(tmp_path / "catatan.txt")


def test_backup_of_a_server_database_and_restore_into_a_new_file(capsys, pg_server, tmp_path):
    where = pg_server.fresh_database()
    try:
        assert run(capsys, "--db", where, "list")[0] == 0
        code, out, err = run(capsys, "--db", where, "backup", "-o", tmp_path / "k.jsonl")
        assert code == 0, err
        assert out.strip() == str(tmp_path / "k.jsonl")
        code, out, err = run(capsys, "--db", tmp_path / "baru.db", "restore", tmp_path / "k.jsonl")
        assert code == 0 and "Dimuat dari" in out, err
        code, out, _ = run(capsys, "--db", tmp_path / "baru.db", "list")
        assert code == 0 and len(out.splitlines()) == 21
        # the database in use is never overwritten by a copy
        code, _, err = run(capsys, "--db", where, "restore", tmp_path / "k.jsonl")
        assert code == 2 and "sudah berisi data" in err
        # without -o: in backups/ of this PC's data folder, named after the database
        code, out, _ = run(capsys, "--db", where, "backup")
        assert code == 0 and f"{where.database}-" in out and "backups" in out
    finally:
        pg_server.drop(where)


def test_copy_db_moves_an_office_to_a_server_and_back_with_every_row(capsys, busy, tmp_path,
                                                                     request):
    before = every_row(busy.path)
    busy.close()
    middle = targets(request, tmp_path)[-1]  # the server when one is named, else a file
    back = tmp_path / "kembali.db"
    code, out, err = run(capsys, "copy-db", "--from", busy.path, "--to", middle)
    assert code == 0 and "Disalin:" in out and f"ke {middle}" in out, err
    code, out, err = run(capsys, "copy-db", "--from", middle, "--to", back)
    assert code == 0, err
    assert every_row(middle) == before == every_row(back)
    # a target holding data is refused, and so is the source itself
    code, _, err = run(capsys, "copy-db", "--from", busy.path, "--to", back)
    assert code == 2 and "sudah berisi data" in err
    code, _, err = run(capsys, "copy-db", "--from", back, "--to", back)
    assert code == 2 and "sama" in err
    assert every_row(back) == before
    # a mistyped source is told, not made
    code, _, err = run(capsys, "copy-db", "--from", tmp_path / "salah.db", "--to",
                       tmp_path / "lain.db")
    assert code == 1 and "salah.db tidak ada" in err
    assert not (tmp_path / "salah.db").exists() and not (tmp_path / "lain.db").exists()


def test_copy_db_round_trips_the_seed_catalogue_and_a_thousand_rounds(capsys, catalogue_db,
                                                                      tmp_path, request):
    """The issue's measure: the seed catalogue plus 1,000 generated rounds, to a server (a
    new file without one) and back, every row of every table equal."""
    events = generate(catalogue_db, 1000, now=datetime(2026, 11, 27, tzinfo=UTC))
    before = every_row(catalogue_db.path)
    assert len(before["round"]) == 1000 and len(before["round_event"]) == events
    catalogue_db.close()
    middle = targets(request, tmp_path)[-1]
    back = tmp_path / "kembali.db"
    for source, target in ((catalogue_db.path, middle), (middle, back)):
        code, out, err = run(capsys, "copy-db", "--from", source, "--to", target)
        assert code == 0 and "Disalin:" in out, err
    assert every_row(middle) == before == every_row(back)
