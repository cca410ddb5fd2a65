"""A `kecamatan-db/1` dump read through once, before anything is made or loaded from it.

It is whole and consistent, or refused in one Indonesian line naming what is wrong: every
table of the schema there once with its columns, as many rows as its line declares, every
value of its column's type (and present where the column needs one), every key unique and
every foreign key pointing at a row of the dump.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, LargeBinary, String, Table

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.store.models import SQLModel

REFUSED = "Tidak ada yang dimuat."


def parses(parse: Callable) -> Callable[[object], bool]:
    """A check that a value is text `parse` reads (an ISO date, a time, JSON)."""
    def check(value) -> bool:
        if not isinstance(value, str):
            return False
        try:
            parse(value)
        except ValueError:
            return False
        return True
    return check


def value_check(column) -> Callable[[object], bool]:
    """What a non-null value of `column` must be in a dump (as write_dump writes it)."""
    kind = getattr(column.type, "impl_instance", column.type)
    if isinstance(kind, Boolean):
        return lambda v: isinstance(v, bool)
    if isinstance(kind, Integer):
        return lambda v: type(v) is int
    if isinstance(kind, DateTime):
        return parses(datetime.fromisoformat)
    if isinstance(kind, Date):
        return parses(date.fromisoformat)
    if isinstance(kind, JSON):
        return lambda v: True
    if isinstance(kind, String):
        return lambda v: isinstance(v, str)
    if isinstance(kind, LargeBinary):  # bytes are not written into a dump
        return lambda v: False
    return lambda v: True


@dataclass
class _Section:
    table: Table
    columns: list[str]
    declared: int
    checks: list[Callable] = field(default_factory=list)
    found: int = 0


class _Reader:
    def __init__(self, source: Path) -> None:
        self.source = source
        self.tables = {t.name: t for t in SQLModel.metadata.sorted_tables}
        self.seen: set[str] = set()
        self.keys: dict[str, set] = {name: set() for name in self.tables}
        self.refs: list[tuple[str, object, str, object, str]] = []
        self.section: _Section | None = None

    def refuse(self, what: str) -> InputError:
        return InputError(f"Salinan {self.source}: {what}. {REFUSED}")

    def open(self, item: dict) -> None:
        self.close()
        name, columns, declared = item.get("table"), item.get("columns"), item.get("rows")
        table = self.tables.get(name) if isinstance(name, str) else None
        if table is None:
            raise self.refuse(f"tabel {name!r} tidak dikenal skema ini")
        if name in self.seen:
            raise self.refuse(f"tabel {name} muncul dua kali")
        expected = [c.name for c in table.columns]
        if (not isinstance(columns, list) or len(columns) != len(set(map(str, columns)))
                or set(columns) != set(expected)):
            raise self.refuse(f"kolom tabel {name} tidak sesuai skema")
        if type(declared) is not int or declared < 0:
            raise self.refuse(f"jumlah baris tabel {name} tidak tertulis")
        self.seen.add(name)
        self.section = _Section(table, columns, declared,
                                [value_check(table.c[c]) for c in columns])

    def row(self, values: list, line: int) -> None:
        section = self.section
        if section is None:
            raise self.refuse(f"baris {line} tidak berada di bawah tabel mana pun")
        section.found += 1
        table = section.table
        if len(values) != len(section.columns):
            raise self.refuse(f"baris {line} (tabel {table.name}) berisi {len(values)} nilai, "
                              f"padahal tabelnya {len(section.columns)} kolom")
        record = dict(zip(section.columns, values, strict=True))
        for column, check in zip(section.columns, section.checks, strict=True):
            value = record[column]
            if value is None:
                if not table.c[column].nullable:
                    raise self.refuse(f"kolom {column} tabel {table.name} kosong di baris {line}")
            elif not check(value):
                raise self.refuse(f"nilai {_shown(value)} di kolom {column} tabel {table.name} "
                                  f"(baris {line}) bukan jenis yang benar")
        key = tuple(record[c.name] for c in table.primary_key.columns)
        if key in self.keys[table.name]:
            raise self.refuse(f"kunci {key[0] if len(key) == 1 else key} tabel {table.name} "
                              "muncul dua kali")
        self.keys[table.name].add(key)
        for fk in table.foreign_keys:
            value = record[fk.parent.name]
            if value is not None:
                self.refs.append((table.name, key[0], fk.parent.name, value, fk.column.table.name))

    def close(self) -> None:
        section, self.section = self.section, None
        if section is not None and section.found != section.declared:
            raise self.refuse(f"tabel {section.table.name} menyatakan {section.declared} baris, "
                              f"tetapi berisi {section.found}")

    def finish(self) -> None:
        self.close()
        missing = [name for name in self.tables if name not in self.seen]
        if missing:
            raise self.refuse(f"tidak lengkap, tabel {', '.join(missing)} tidak ada")
        for table, key, column, value, parent in self.refs:
            if (value,) not in self.keys[parent]:
                raise self.refuse(f"baris {key} tabel {table} menunjuk ({column}) ke {parent} "
                                  f"{value} yang tidak ada")


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def check_dump(source: Path) -> None:
    """Read the dump at `source` (its header already checked) through; InputError naming
    the first thing that makes it partial or inconsistent."""
    reader = _Reader(Path(source))
    try:
        with Path(source).open(encoding="utf-8") as lines:
            lines.readline()
            for number, line in enumerate(lines, 2):
                try:
                    item = json.loads(line)
                except ValueError:
                    raise reader.refuse(f"baris {number} rusak (bukan JSON)") from None
                if isinstance(item, dict):
                    reader.open(item)
                elif isinstance(item, list):
                    reader.row(item, number)
                else:
                    raise reader.refuse(f"baris {number} bukan tabel dan bukan baris")
    except (OSError, UnicodeDecodeError) as exc:
        raise reader.refuse(f"tidak dapat dibaca ({exc})") from exc
    reader.finish()
