"""A SQLite backup's rows, checked and copied into a fresh database made by our migrations.

A backup is never put in place as it is: a file can carry code (a trigger, a view) or guards
that guard nothing, and SQLite would run them in the restored database. Only its rows are
taken, into a database the migrations make at the backup's own schema revision (opening it
later migrates it up, as with any older database). Every table of that revision must be
there with its columns, every value of the type its column keeps, every key unique and every
foreign key pointing at a row; anything else the backup holds is named and left behind.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import create_engine

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.store.dump_check import parses
from kecamatan_desktop.store.migrate import alembic_config

BATCH = 2000  # rows per executemany while copying
_KINDS = {"table": "tabel", "view": "tampilan (view)", "trigger": "pemicu", "index": "indeks"}


@dataclass(frozen=True)
class StagedCopy:
    revision: str
    left_behind: tuple[str, ...]  # Indonesian lines: what the backup held that was not taken


def make_schema(target: Path, revision: str) -> None:
    """A new database at `target` with the schema the migrations make up to `revision`."""
    from alembic import command

    engine = create_engine(f"sqlite:///{target}")
    try:
        with engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def stage_copy(source: sqlite3.Connection, name: str, target: Path,
               revision: str) -> StagedCopy:
    """Copy the rows of the open backup `source` (called `name` in messages) into a fresh
    database at `target` of schema `revision`; InputError naming the first thing wrong."""
    make_schema(target, revision)
    dst = sqlite3.connect(target, isolation_level=None)
    try:
        dst.execute("PRAGMA foreign_keys=OFF")  # checked whole afterwards, in any order
        dst.execute("BEGIN")
        theirs, ours = _objects(source), _objects(dst)
        _refuse_missing(theirs, ours, name)
        for table in _tables(ours):
            if table == "alembic_version":  # ours, made to the same revision, says it
                continue
            _copy_table(source, dst, table, name)
        broken = dst.execute("PRAGMA foreign_key_check").fetchone()
        if broken:
            table, rowid, parent, _ = broken
            raise InputError(f"Cadangan {name} tidak utuh: baris {rowid} tabel {table} menunjuk "
                             f"ke {parent} yang tidak ada; tidak dipulihkan.")
        dst.execute("COMMIT")
        dst.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
    finally:
        dst.close()
    return StagedCopy(revision, tuple(_left_behind(theirs, ours)))


def _objects(con: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(type, name) → SQL of every schema object but SQLite's own."""
    return {(kind, name): sql or "" for kind, name, sql in con.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")}


def _tables(objects: dict[tuple[str, str], str]) -> list[str]:
    return sorted(name for kind, name in objects if kind == "table")


def _refuse_missing(theirs: dict, ours: dict, name: str) -> None:
    missing = [t for t in _tables(ours) if ("table", t) not in theirs]
    if missing:
        raise InputError(f"Cadangan {name} tidak lengkap: tabel {', '.join(missing)} tidak ada; "
                         "tidak dipulihkan.")


def _left_behind(theirs: dict, ours: dict) -> list[str]:
    lines = []
    for (kind, obj), sql in sorted(theirs.items()):
        label = _KINDS.get(kind, kind)
        if (kind, obj) not in ours:
            lines.append(f"Cadangan membawa {label} '{obj}' yang tidak dikenal; tidak ikut "
                         "dipulihkan.")
        elif kind == "trigger" and _squeezed(sql) != _squeezed(ours[(kind, obj)]):
            lines.append(f"Cadangan membawa {label} '{obj}' yang berbeda dari buatan program; "
                         "yang dipakai buatan program.")
    return lines


def _squeezed(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip().lower()


def _columns(con: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(row[1], row[2].upper()) for row in con.execute(f'PRAGMA table_info("{table}")')]


def _copy_table(src: sqlite3.Connection, dst: sqlite3.Connection, table: str,
                name: str) -> None:
    ours = _columns(dst, table)
    theirs = {column for column, _ in _columns(src, table)}
    wanted = [column for column, _ in ours]
    differ = sorted(theirs.symmetric_difference(wanted))
    if differ:
        raise InputError(f"Cadangan {name}: kolom tabel {table} tidak sesuai skemanya "
                         f"({', '.join(differ)}); tidak dipulihkan.")
    checks = [_check_of(kind) for _, kind in ours]
    listed = ", ".join(f'"{c}"' for c in wanted)
    insert = f'INSERT INTO "{table}" ({listed}) VALUES ({", ".join("?" * len(wanted))})'
    rows = src.execute(f'SELECT {listed} FROM "{table}"')
    while batch := rows.fetchmany(BATCH):
        for row in batch:
            for column, check, value in zip(wanted, checks, row, strict=True):
                if value is not None and not check(value):
                    raise InputError(f"Cadangan {name}: nilai {_shown(value)} di kolom {column} "
                                     f"tabel {table} bukan jenis yang benar; tidak dipulihkan.")
        try:
            dst.executemany(insert, batch)
        except sqlite3.IntegrityError as exc:
            raise InputError(f"Cadangan {name}: baris tabel {table} melanggar aturan basis "
                             f"data ({exc}); tidak dipulihkan.") from exc


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _check_of(declared: str):
    """What a stored value of a column declared `declared` must be (None is left to the
    schema's NOT NULL)."""
    if declared == "BOOLEAN":
        return lambda v: type(v) is int and v in (0, 1)
    if "INT" in declared:
        return lambda v: type(v) is int
    if declared.startswith(("DATETIME", "TIMESTAMP")):
        return parses(datetime.fromisoformat)
    if declared == "DATE":
        return parses(date.fromisoformat)
    if declared == "JSON":
        return parses(json.loads)
    if "CHAR" in declared or "TEXT" in declared or "CLOB" in declared:
        return lambda v: isinstance(v, str)
    if "BLOB" in declared:
        return lambda v: isinstance(v, bytes)
    if declared.startswith(("FLOAT", "REAL", "NUMERIC", "DOUBLE")):
        return lambda v: type(v) in (int, float)
    return lambda v: True
