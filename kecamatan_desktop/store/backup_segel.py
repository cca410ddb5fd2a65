"""The witness a backup carries: the head of every round's chain when it was made, beside a
SQLite backup (`<backup>.segel.json`) or in a dump's header (`heads`), so `check --backup`
can tell which rounds of the database no longer contain the history the backup kept."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kecamatan_desktop.domain.errors import InputError

FORMAT = "kd-segel-cadangan/1"
SUFFIX = ".segel.json"
# each round's last event: its chain's head
HEADS_SQL = ("SELECT e.round_id, e.hash FROM round_event e JOIN (SELECT round_id, "
             "max(seq) AS last FROM round_event GROUP BY round_id) h "
             "ON h.round_id = e.round_id AND h.last = e.seq")


@dataclass(frozen=True)
class BackupHeads:
    heads: dict[int, str]  # round id → the head of its chain in the backup
    made_at: datetime | None  # aware; None when the backup does not say


def record_path(backup: Path) -> Path:
    return backup.with_name(backup.name + SUFFIX)


def write_record(backup: Path) -> Path | None:
    """Write the witness beside the SQLite backup `backup`, read from the backup itself;
    none for a database of a schema before chained rounds (a backup before a migration)."""
    con = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        columns = {row[1] for row in con.execute("PRAGMA table_info(round_event)")}
        if "hash" not in columns:
            return None
        heads = {str(rid): head for rid, head in con.execute(HEADS_SQL)}
    finally:
        con.close()
    target = record_path(backup)
    partial = target.with_name(target.name + ".part")
    partial.write_text(json.dumps({"format": FORMAT, "made_at": datetime.now(UTC).isoformat(),
                                   "backup": backup.name, "heads": heads}, indent=1),
                       encoding="utf-8")
    partial.replace(target)
    return target


def _unreadable(path: Path) -> InputError:
    return InputError(f"Cadangan {path} tidak dapat dibaca sebagai cadangan Kecamatan Desktop "
                      "(berkas .db atau salinan .kdsalinan.jsonl); tidak ada yang dibandingkan.")


def _heads(raw: dict) -> dict[int, str]:
    return {int(rid): str(head) for rid, head in raw.items()}


def heads_of(path: Path, dump_header: dict | None = None) -> BackupHeads:
    """The round heads a backup kept: its witness record when there is one (it was written
    as the backup was made), else read from the backup's own rows; a dump's from its header
    (`dump_header`, already read)."""
    if dump_header is not None:
        if not isinstance(dump_header.get("heads"), dict):
            raise InputError(f"Salinan {path} dibuat sebelum salinan mencatat segel putaran; "
                             "tidak ada yang dibandingkan.")
        made = dump_header.get("made_at")
        return BackupHeads(_heads(dump_header["heads"]),
                           datetime.fromisoformat(made) if made else None)
    record = record_path(path)
    if record.is_file():
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
            return BackupHeads(_heads(data["heads"]), datetime.fromisoformat(data["made_at"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"Catatan segel {record} rusak; tidak ada yang "
                             "dibandingkan.") from exc
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            heads = dict(con.execute(HEADS_SQL).fetchall())
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise _unreadable(path) from exc
    made = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return BackupHeads({int(k): v for k, v in heads.items()}, made)
