"""This PC's witnesses: for each database it opened, the head of every round's chain and of
every SOP's revision chain as last seen, and when; kept in the user's data folder, outside
the database, so a history rewritten inside it no longer contains what this PC saw.

A file per database (`saksi-<hash of its identity>.json`), written whole (a temporary file
beside it, then renamed, as export/atomic.py does) and bounded: one head per round and per
SOP. A head is replaced only by a history that still contains it (the round moved on); one
that does not is kept, as the evidence `check` names (services/witness_check.py). Nothing
here may stop the program's work: a witness that cannot be written is logged and skipped.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import URL, event, make_url
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from kecamatan_desktop.domain.segel import catalogue_head, format_segel
from kecamatan_desktop.paths import DbLocation, ServerDatabase, data_folder
from kecamatan_desktop.services import seals
from kecamatan_desktop.store.schema import SCHEMA_HEAD

FORMAT = "kd-saksi/1"
FOLDER_NAME = "saksi"
_PENDING = "kd_witness_pending"  # rounds seen inside a write, recorded once it commits
_DEPTH = "kd_transaction_depth"  # store.database's marker of a write in progress
log = logging.getLogger(__name__)


class WitnessUnreadable(Exception):
    """The witness file is there but is not one: named by `check`, never overwritten."""


def witness_folder() -> Path:
    """In the user's data folder (on Windows %LOCALAPPDATA%\\KecamatanDesktop\\saksi)."""
    return data_folder() / FOLDER_NAME


def identity(session: Session) -> str | None:
    """The database as this PC names it: a file's full path, or a server's address without
    its password; None for a database in memory, which no later run can see again."""
    bind = session.get_bind()
    return _url_identity(getattr(bind, "engine", bind).url)


def location_identity(location: DbLocation) -> str | None:
    """`identity` of a database not open: a file's path or a server's URL."""
    if isinstance(location, ServerDatabase):
        return _url_identity(make_url(location.url))
    return _url_identity(make_url(f"sqlite:///{Path(location)}"))


def _url_identity(url: URL) -> str | None:
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return None
        return os.path.normcase(str(Path(url.database).resolve()))
    server = url.set(drivername="postgresql", password=None, query={})
    return server.render_as_string(hide_password=False)


def witness_path(database: str, folder: Path | None = None) -> Path:
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]
    return (folder or witness_folder()) / f"saksi-{digest}.json"


def read_witness(database: str, folder: Path | None = None) -> dict:
    """What this PC saw of `database`: {"rounds": {id: {...}}, "sops": {slug: {...}}};
    empty when it never saw it; WitnessUnreadable when the file is damaged."""
    path = witness_path(database, folder)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"format": FORMAT, "database": database, "rounds": {}, "sops": {}}
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise WitnessUnreadable(str(path)) from exc
    if (not isinstance(data, dict) or data.get("format") != FORMAT
            or not isinstance(data.get("rounds"), dict)
            or not isinstance(data.get("sops"), dict)):
        raise WitnessUnreadable(str(path))
    return data


def seen_at(entry: Mapping) -> datetime:
    return datetime.fromisoformat(entry["seen_at"])


def _merge(kept: dict, key: str, chain: Sequence[str], now: str) -> bool:
    """Record `chain`'s head under `key` unless what was seen before is not in it."""
    if not chain:
        return False
    old = kept.get(key)
    if old is not None and (old.get("head") == chain[-1] or old.get("head") not in chain):
        return False  # nothing new, or a difference: the old head stays as evidence
    kept[key] = {"head": chain[-1], "events": len(chain), "seen_at": now}
    return True


def record(database: str, *, rounds: Mapping[int, Sequence[str]] | None = None,
           sops: Mapping[str, Sequence[str]] | None = None, folder: Path | None = None,
           now: datetime | None = None, forget_sops: bool = False) -> None:
    """Remember the heads of the chains given (each round's or SOP's heads in order).
    `forget_sops`: `sops` is the whole catalogue, and an SOP not in it was deleted (which
    the program allows for an SOP never run), so its witness goes."""
    data = read_witness(database, folder)
    stamp = (now or datetime.now(UTC)).isoformat()
    changed = False
    for rid, chain in (rounds or {}).items():
        changed |= _merge(data["rounds"], str(rid), chain, stamp)
    if sops and data.get("catalogue_schema") != SCHEMA_HEAD:
        # the SOPs' heads are over their rows as a schema shapes them: an upgrade (a new
        # column) changes every one, so they are taken afresh, not compared
        data["sops"], data["catalogue_schema"], changed = {}, SCHEMA_HEAD, True
    for slug, chain in (sops or {}).items():
        changed |= _merge(data["sops"], slug, chain, stamp)
    if forget_sops and sops is not None:
        for slug in [s for s in data["sops"] if s not in sops]:
            del data["sops"][slug]
            changed = True
    if changed:
        _write(witness_path(database, folder), data)


def forget(location: DbLocation, folder: Path | None = None) -> None:
    """Let go of what this PC saw of the database at `location`: this PC has just replaced
    its history (a backup restored, a copy loaded), so the next look starts afresh."""
    database = location_identity(location)
    if database is not None:
        witness_path(database, folder).unlink(missing_ok=True)


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".~saksi-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _safely(database: str, rounds: Mapping[int, Sequence[str]]) -> None:
    try:
        record(database, rounds=rounds)
    except (OSError, WitnessUnreadable) as exc:  # the round's work goes on; check says it
        log.warning("witness of %s not written: %s", database, exc)


def saw_round(session: Session, round_id: int) -> str:
    """The round's segel now, remembered as seen by this PC (after the write in progress
    commits, when there is one). Called wherever a round is read whole or written."""
    return saw_rounds(session, [round_id]).get(round_id, "")


def saw_rounds(session: Session, round_ids: Sequence[int]) -> dict[int, str]:
    """`saw_round` of several rounds at once (a form of a period's rounds): one query."""
    chains = seals.round_chains(session, round_ids) if round_ids else {}
    database = identity(session)
    if chains and database is not None:
        if session.info.get(_DEPTH, 0):
            session.info.setdefault(_PENDING, {}).update(chains)
        else:
            _safely(database, chains)
    return {rid: format_segel(chain[-1]) for rid, chain in chains.items()}


def saw_catalogue(session: Session) -> str:
    """The catalogue's segel now (printed in the book), every SOP's head remembered."""
    chains = seals.catalogue_chains(session)
    database = identity(session)
    if database is not None and not session.info.get(_DEPTH, 0):
        try:
            record(database, sops=chains, forget_sops=True)
        except (OSError, WitnessUnreadable) as exc:
            log.warning("witness of %s not written: %s", database, exc)
    return format_segel(catalogue_head({slug: c[-1] for slug, c in chains.items()}))


@event.listens_for(OrmSession, "after_commit")
def _after_commit(session) -> None:
    pending = session.info.pop(_PENDING, None)
    database = identity(session) if pending else None
    if database is not None:
        _safely(database, pending)


@event.listens_for(OrmSession, "after_rollback")
def _after_rollback(session) -> None:
    session.info.pop(_PENDING, None)  # never a head that was not kept
