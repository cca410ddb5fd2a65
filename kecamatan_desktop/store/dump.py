"""The whole database as one file of JSON lines (`kecamatan-db/1`), and that file loaded into
a new database, SQLite or PostgreSQL alike: every row of every table, ids kept.

A server database cannot be copied as a file, so its backup is this dump; loading it into
a new database of either kind gives the same rows, the same history and the same hash
chains. The file is written to a temporary name and renamed when whole.

Line 1: {"format": "kecamatan-db/1", "schema": "0008", "made_at": …, "heads": {round id:
head of its chain}}; then per table
{"table": name, "columns": [...], "rows": n} followed by its n rows as JSON arrays.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Connection, Date, DateTime, Engine, func, insert, select, text
from sqlalchemy.exc import IntegrityError

from kecamatan_desktop.domain.errors import Cancelled, InputError
from kecamatan_desktop.store import backup_segel
from kecamatan_desktop.store.dump_check import check_dump
from kecamatan_desktop.store.models import SQLModel
from kecamatan_desktop.store.schema import SCHEMA_HEAD

FORMAT = "kecamatan-db/1"
SUFFIX = ".kdsalinan.jsonl"
BATCH = 2000  # rows per INSERT while loading
Progress = Callable[[int, int], object] | None  # False from it: Batal


@dataclass(frozen=True)
class DumpSummary:
    path: Path
    schema: str
    rows: dict[str, int]  # per table


def _encode(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not kept in a dump")


def _decoder(column) -> Callable | None:
    kind = getattr(column.type, "impl_instance", column.type)
    if isinstance(kind, DateTime):
        return datetime.fromisoformat
    if isinstance(kind, Date):
        return date.fromisoformat
    return None


def write_dump(engine: Engine, target: Path, *, progress: Progress = None) -> DumpSummary:
    """Every table's rows, read in one transaction (one moment), into `target`."""
    target = Path(target)
    partial = target.with_name(target.name + ".sebagian")
    tables = SQLModel.metadata.sorted_tables
    counts: dict[str, int] = {}
    try:
        with engine.connect() as conn, conn.begin(), partial.open("w", encoding="utf-8") as out:
            if conn.dialect.name == "postgresql":  # every table as of one moment
                conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            schema = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            # the rounds' heads as of this moment: the dump's witness (store/backup_segel.py)
            heads = {str(rid): h for rid, h in conn.exec_driver_sql(backup_segel.HEADS_SQL)}
            out.write(json.dumps({"format": FORMAT, "schema": schema,
                                  "made_at": datetime.now(UTC).isoformat(),
                                  "heads": heads}) + "\n")
            for done, table in enumerate(tables, 1):
                n = conn.execute(select(func.count()).select_from(table)).scalar()
                columns = [c.name for c in table.columns]
                out.write(json.dumps({"table": table.name, "columns": columns, "rows": n}) + "\n")
                order = [table.c.id] if "id" in table.c else list(table.primary_key.columns)
                result = conn.execution_options(yield_per=BATCH).execute(
                    select(*table.columns).order_by(*order))
                for row in result:
                    out.write(json.dumps(list(row), default=_encode, ensure_ascii=False) + "\n")
                counts[table.name] = n
                if progress is not None and progress(done, len(tables)) is False:
                    raise Cancelled  # Batal: the partial file goes, the target is untouched
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return DumpSummary(target, schema, counts)


def read_header(source: Path) -> dict:
    """The dump's first line, or InputError when `source` is not one of our dumps."""
    try:
        with Path(source).open(encoding="utf-8") as lines:
            header = json.loads(lines.readline())
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"Berkas {source} bukan salinan basis data Kecamatan Desktop "
                         f"({FORMAT}).") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise InputError(f"Berkas {source} bukan salinan basis data Kecamatan Desktop "
                         f"({FORMAT}).")
    return header


def _sections(source: Path) -> Iterator[tuple[str, list[str], Iterator[list]]]:
    with Path(source).open(encoding="utf-8") as lines:
        lines.readline()
        for line in lines:
            section = json.loads(line)
            rows = (json.loads(next(lines)) for _ in range(section["rows"]))
            yield section["table"], section["columns"], rows


def check_loadable(source: Path) -> dict:
    """The dump's header, when this program can load it (the same schema)."""
    header = read_header(source)
    if header.get("schema") != SCHEMA_HEAD:
        raise InputError(f"Salinan {source} berskema {header.get('schema')}, program ini "
                         f"berskema {SCHEMA_HEAD}: muat salinan itu dengan versi programnya, "
                         "lalu buat salinan baru.")
    return header


def load_dump(engine: Engine, source: Path, *, progress: Progress = None, checked: bool = False,
              verify: Callable[[Connection], str | None] | None = None) -> DumpSummary:
    """Load `source` into the database of `engine`, migrated to this program's schema and
    holding no rows yet; one transaction: all of it, or nothing. The dump is read through
    first (dump_check.py) unless the caller has `checked` it; `verify` may still refuse the
    loaded rows (an Indonesian sentence) before they are committed."""
    header = check_loadable(source)
    if not checked:
        check_dump(source)
    known = {t.name: t for t in SQLModel.metadata.sorted_tables}
    with engine.connect() as conn, conn.begin():
        if any(conn.execute(select(func.count()).select_from(t)).scalar() for t in known.values()):
            raise InputError("Basis data tujuan sudah berisi data; salinan hanya dimuat ke "
                             "basis data yang baru dan kosong. Tidak ada yang diubah.")
        try:
            counts = _insert_all(conn, source, known, progress)
        except IntegrityError as exc:
            raise InputError(f"Salinan {source} tidak konsisten: {_first_line(exc.orig)}. "
                             "Tidak ada yang dimuat.") from exc
        if conn.dialect.name == "postgresql":  # the next id after the loaded ones
            for table in known.values():
                if "id" in table.c and counts.get(table.name):
                    conn.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT max(id) FROM \"{table.name}\"))"))
        problem = verify(conn) if verify is not None else None
        if problem:
            raise InputError(f"Salinan {source} tidak dimuat: {problem}. Tidak ada yang diubah.")
    return DumpSummary(Path(source), header["schema"], counts)


def _first_line(exc) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _insert_all(conn: Connection, source: Path, known: dict, progress: Progress
                ) -> dict[str, int]:
    counts: dict[str, int] = {}
    for done, (name, columns, rows) in enumerate(_sections(source), 1):
        table = known.get(name)
        if table is None or set(columns) != {c.name for c in table.columns}:
            raise InputError(f"Salinan {source}: tabel {name} tidak sesuai skema "
                             f"{SCHEMA_HEAD}. Tidak ada yang dimuat.")
        decoders = [_decoder(table.c[c]) for c in columns]
        batch, n = [], 0
        for row in rows:
            batch.append({c: (d(v) if d is not None and v is not None else v)
                          for c, d, v in zip(columns, decoders, row, strict=True)})
            if len(batch) == BATCH:
                conn.execute(insert(table), batch)
                n, batch = n + len(batch), []
        if batch:
            conn.execute(insert(table), batch)
            n += len(batch)
        counts[name] = n
        if progress is not None and progress(done, len(known)) is False:
            raise Cancelled  # Batal: the transaction is rolled back, nothing loaded
    return counts
