"""`check` against witnesses outside the database: this PC's witness file, a backup, a segel
printed on paper. A round differs when the head the witness kept is no longer anywhere in
its chain (the history was rewritten, even if re-chained whole), and is gone when the round
is; a round that moved on since (events appended after the witnessed head) still contains
it, and is no difference.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from sqlmodel import Session, select

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.segel import format_segel, in_chain, parse_segel
from kecamatan_desktop.domain.tanggal import format_pukul
from kecamatan_desktop.domain.zones import zone
from kecamatan_desktop.services import seals, witnesses
from kecamatan_desktop.services.backups import is_copy
from kecamatan_desktop.store import backup_segel, dump
from kecamatan_desktop.store.models import OfficeRow
from kecamatan_desktop.store.schema import SCHEMA_HEAD

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Difference:
    text: str  # Indonesian, naming the round or SOP
    round_id: int | None = None


def _office_zone(session: Session) -> tzinfo:
    return zone(session.exec(select(OfficeRow.time_zone).order_by(OfficeRow.position)).first())


def pc_differences(session: Session, *, folder: Path | None = None) -> list[Difference]:
    """Each round and SOP of the database that is not as this PC saw it; then what the
    database holds now is remembered (a difference keeps the old head, as evidence)."""
    database = witnesses.identity(session)
    if database is None:
        return []
    try:
        seen = witnesses.read_witness(database, folder)
    except witnesses.WitnessUnreadable as exc:
        return [Difference(f"Berkas saksi PC ini ({exc}) rusak: basis data tidak dapat "
                           "dibandingkan dengan yang pernah dilihat PC ini")]
    rounds, sops = seals.round_chains(session), seals.catalogue_chains(session)
    tz = _office_zone(session)
    out = []
    for key, entry in sorted(seen["rounds"].items(), key=lambda item: int(item[0])):
        rid, when = int(key), format_pukul(witnesses.seen_at(entry), tz)
        chain = rounds.get(rid)
        if chain is None:
            out.append(Difference(f"Putaran {rid} yang dilihat PC ini pada {when} tidak ada "
                                  "lagi di basis data", rid))
        elif entry["head"] not in chain:
            out.append(Difference(
                f"Putaran {rid} berbeda dari yang dilihat PC ini pada {when}: riwayat "
                f"bersegel {format_segel(entry['head'])} ({entry.get('events', '?')} kejadian)"
                " tidak ada lagi; riwayatnya ditulis ulang di luar program", rid))
    same_shape = seen.get("catalogue_schema") == SCHEMA_HEAD  # see witnesses.record
    for slug, entry in sorted(seen["sops"].items() if same_shape else ()):
        chain = sops.get(slug)  # an SOP gone was deleted (allowed for one never run)
        if chain is not None and entry["head"] not in chain:
            out.append(Difference(
                f"SOP {slug} berbeda dari yang dilihat PC ini pada "
                f"{format_pukul(witnesses.seen_at(entry), tz)}: revisinya diubah di luar "
                "program"))
    try:
        witnesses.record(database, rounds=rounds, sops=sops, folder=folder, forget_sops=True)
    except OSError as exc:
        log.warning("witness of %s not written: %s", database, exc)
    return out


def segel_differences(session: Session, round_id: int, segel: str) -> list[Difference]:
    """The round against a segel printed on its report: its chain must pass through it."""
    printed = parse_segel(segel)
    chain = seals.round_chains(session, [round_id]).get(round_id)
    if chain is None:
        return [Difference(f"Putaran {round_id} bersegel {printed} tidak ada lagi di basis "
                           "data", round_id)]
    if not in_chain(printed, chain):
        return [Difference(f"Putaran {round_id} berbeda dari segel {printed} yang diberikan: "
                           f"riwayat bersegel itu tidak ada lagi (segelnya sekarang "
                           f"{format_segel(chain[-1])}); riwayatnya ditulis ulang di luar "
                           "program", round_id)]
    return []


def backup_differences(session: Session, source: Path) -> list[Difference]:
    """The database against the round heads a backup kept (its witness record, its header,
    or its own rows)."""
    source = Path(source)
    if not source.is_file():
        raise InputError(f"Cadangan {source} tidak ada.")
    kept = backup_segel.heads_of(source, dump.read_header(source) if is_copy(source) else None)
    tz = _office_zone(session)
    when = format_pukul(kept.made_at or datetime.now(UTC), tz)
    rounds = seals.round_chains(session)
    out = []
    for rid, head in sorted(kept.heads.items()):
        chain = rounds.get(rid)
        if chain is None:
            out.append(Difference(f"Putaran {rid} yang ada di cadangan {source.name} "
                                  f"(dibuat {when}) tidak ada lagi di basis data", rid))
        elif head not in chain:
            out.append(Difference(
                f"Putaran {rid} berbeda dari cadangan {source.name} (dibuat {when}): riwayat "
                f"bersegel {format_segel(head)} tidak ada lagi; riwayatnya ditulis ulang di "
                "luar program", rid))
    return out
