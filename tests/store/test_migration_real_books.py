"""A database at schema 0010 migrates to 0011 (real books: a step in several lanes, one
Waktu over several steps, a second start, dates as written) with every SOP reading exactly
as before; afterwards an SOP that needs all of it is stored and read back whole."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from alembic import command
from sqlalchemy import create_engine

from kecamatan_desktop.domain.interchange import sop_to_dict
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store.migrate import SCHEMA_HEAD, alembic_config


def _every_sop(path) -> dict[str, dict]:
    db = open_catalogue(path)
    try:
        with db.session() as session:
            return {s.id: sop_to_dict(catalogue.get_sop(s.id, session=session).sop)
                    for s in catalogue.list_sops(session=session)}
    finally:
        db.close()


def _schema_back_to(path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
    engine.dispose()


def test_0010_database_reads_every_sop_as_before(tmp_path):
    path = tmp_path / "lama.db"
    before = _every_sop(path)  # the seed catalogue, made at the head
    assert len(before) == 21
    _schema_back_to(path, "0010")
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0010",)
        assert "step_lane" not in {r[0] for r in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        steps = raw.execute("SELECT count(*) FROM step").fetchone()[0]
    finally:
        raw.close()
    assert _every_sop(path) == before  # opening migrates it up again
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
            SCHEMA_HEAD,)
        assert raw.execute("SELECT count(*), min(time_span), max(time_span), max(is_start) "
                           "FROM step").fetchone() == (steps, 1, 1, 0)
        assert raw.execute("SELECT count(*) FROM step_lane").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM sop_revision WHERE created IS NULL OR "
                           "created_text IS NOT NULL").fetchone() == (0,)
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        raw.close()


def test_a_real_books_sop_is_stored_and_read_back_whole(tmp_path):
    path = tmp_path / "baru.db"
    db = open_catalogue(path)
    try:
        with db.session() as session:
            renja = catalogue.get_sop("poncokusumo-2018-renja", session=session).sop
            steps = list(renja.steps)
            second, third = steps[1], steps[2]
            others = tuple(r for r in renja.roles if r != second.role)[:2]
            steps[1] = replace(second, other_roles=others, time="Paling lambat 3 hari kerja",
                               time_span=2, start=True)
            steps[2] = replace(third, time="")
            book = replace(renja, id="buku-nyata", created=None, created_text="Oktober 2024",
                           effective=date(2024, 11, 4), steps=tuple(steps))
            catalogue.import_sops([book], session=session)
        with db.session() as session:
            back = catalogue.get_sop("buku-nyata", session=session).sop
    finally:
        db.close()
    assert back == book
    assert back.steps[1].roles == (second.role, *others) and len(others) == 2
    assert sop_to_dict(back)["format"] == "sop-ap/2"
