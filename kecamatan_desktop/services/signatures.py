"""Signed records: every round event, SOP revision, calendar change and decree version is
signed by the officer signed in when it is written, with their Ed25519 key, over its
content and the previous record's hash; `check` verifies each against the key's public half
and its validity dates, so rewriting history needs the signer's password.

What is signed (format kd-sig/1): the subject (its table), the signer's account id, the
previous hash and the record's canonical content. A round event's previous hash is the one
its chain stores and its content the chain's canonical line (domain/ledger.py): the very
bytes the chain hashes. Another record's previous hash is the SHA-256 of the canonical
content of the record before it in its group (the SOP's revisions, the office's decree
versions, the calendar's changes), GENESIS for the first.

Records written while a database had no account (before its first administrator) carry no
signature: `check` counts them as information, not as a problem; an unsigned record written
after the first account, or after a signed one of its group, is a problem.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from kecamatan_desktop.domain import ledger
from kecamatan_desktop.services import identity, keys
from kecamatan_desktop.services.rights import VERIFIED
from kecamatan_desktop.store.account_models import AccountKeyRow, AccountRow, RecordSignatureRow
from kecamatan_desktop.store.models import DecreeVersionRow, SopRevisionRow
from kecamatan_desktop.store.round_models import CalendarChangeRow, OfficerRow, RoundEventRow

FORMAT = "kd-sig/1"


@dataclass(frozen=True)
class Subject:
    model: type
    time: str  # the column saying when it was written
    group: Callable[[object], object]  # records chained together
    order: tuple[str, ...]
    describe: Callable[[object], str]


SUBJECTS = {
    "round_event": Subject(RoundEventRow, "entered_at", lambda r: r.round_id,
                           ("round_id", "seq"),
                           lambda r: f"peristiwa {r.seq} putaran {r.round_id}"),
    "sop_revision": Subject(SopRevisionRow, "saved_at", lambda r: r.sop_id, ("sop_id", "id"),
                            lambda r: f"revisi {r.revision} SOP {r.name}"),
    "calendar_change": Subject(CalendarChangeRow, "changed_at", lambda r: 0, ("id",),
                               lambda r: f"perubahan kalender {r.id} ({r.what})"),
    "decree_version": Subject(DecreeVersionRow, "saved_at", lambda r: r.office_id,
                              ("office_id", "version"),
                              lambda r: f"versi {r.version} keputusan camat kantor "
                                        f"{r.office_id}"),
}
_BY_MODEL = {s.model: name for name, s in SUBJECTS.items()}


def _plain(value):
    if isinstance(value, datetime):
        if value.tzinfo is None:  # the database's naive values are UTC
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def content(subject: str, row) -> str:
    """The record's canonical text: a round event's chain line, another's columns."""
    if subject == "round_event":
        return ledger.canonical({name: getattr(row, name) for name in ledger.FIELDS})
    columns = {c.key: _plain(getattr(row, c.key)) for c in row.__table__.columns}
    return json.dumps({"format": FORMAT, **columns}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), default=str)


def link(subject: str, row) -> str:
    """The hash the record after this one in its group names as its previous."""
    if subject == "round_event":
        return row.hash
    return hashlib.sha256(content(subject, row).encode("utf-8")).hexdigest()


def message(subject: str, account_id: int, previous: str | None, text: str) -> bytes:
    return "\n".join((FORMAT, subject, str(account_id), previous or ledger.GENESIS,
                      text)).encode("utf-8")


def _previous(session: Session, subject: str, row) -> str | None:
    spec = SUBJECTS[subject]
    model = spec.model
    if subject == "round_event":
        return session.execute(select(model.hash).where(
            model.round_id == row.round_id, model.seq == row.seq - 1)).scalar()
    group_column = {"sop_revision": "sop_id", "decree_version": "office_id"}.get(subject)
    query = select(model).where(model.id < row.id).order_by(model.id.desc()).limit(1)
    if group_column:
        query = query.where(getattr(model, group_column) == getattr(row, group_column))
    before = session.execute(query).scalar()
    return link(subject, before) if before is not None else None


@event.listens_for(Session, "after_flush_postexec")
def _sign_new(session: Session, _context) -> None:
    """Sign what this flush wrote, as the officer signed in (the commit flushes the
    signatures with the records)."""
    signed = identity.current()
    # only as an account this very database knows (services/rights.py checked it)
    if signed is None or session.info.get(VERIFIED) != signed.account_id:
        session.info.pop("kd_to_sign", None)
        return
    pending = session.info.setdefault("kd_to_sign", [])
    for row in pending:
        subject = _BY_MODEL[type(row)]
        text = message(subject, signed.account_id, _previous(session, subject, row),
                       content(subject, row))
        session.add(RecordSignatureRow(subject=subject, subject_id=row.id, key_id=signed.key_id,
                                       signature=keys.sign(signed.signing_key, text)))
    pending.clear()


@event.listens_for(Session, "before_flush")
def _note_new(session: Session, _context, _instances) -> None:
    if identity.current() is not None:
        session.info.setdefault("kd_to_sign", []).extend(
            obj for obj in session.new if type(obj) in _BY_MODEL)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop("kd_to_sign", None)


@dataclass(frozen=True)
class Verdict:
    problems: tuple[str, ...]
    unsigned_before: int  # records written before the database had an account


@dataclass(frozen=True)
class _Key:
    account_id: int
    name: str
    public_key: str
    valid_from: datetime
    valid_to: datetime | None


def verify(*, session: Session) -> Verdict:
    """Every record's signature against its signer's key and the key's validity."""
    found = session.execute(select(AccountKeyRow, OfficerRow.name).join(
        AccountRow, AccountRow.id == AccountKeyRow.account_id).join(
        OfficerRow, OfficerRow.id == AccountRow.officer_id)).all()
    known = {k.id: _Key(k.account_id, name, k.public_key, k.valid_from, k.valid_to)
             for k, name in found}
    first = session.execute(select(AccountRow.created_at).order_by(
        AccountRow.created_at).limit(1)).scalar()
    signatures = {(s.subject, s.subject_id): s
                  for s in session.execute(select(RecordSignatureRow)).scalars()}
    problems: list[str] = []
    unsigned = 0
    for subject, spec in SUBJECTS.items():
        previous: dict[object, str | None] = {}
        signed_group: set[object] = set()
        rows = session.execute(select(spec.model).order_by(
            *(getattr(spec.model, c) for c in spec.order))).scalars()
        for row in rows:
            group = spec.group(row)
            what = spec.describe(row)
            when = getattr(row, spec.time)
            sig = signatures.get((subject, row.id))
            if sig is None:
                if first is None:  # no account yet: nothing is signed, nothing to tell
                    pass
                elif when < first and group not in signed_group:
                    unsigned += 1
                else:
                    problems.append(f"{what[0].upper()}{what[1:]} tidak bertanda tangan, "
                                    "padahal dicatat sesudah akun dibuat")
            else:
                signed_group.add(group)
                problems += _check_one(subject, row, sig, known.get(sig.key_id), what,
                                       previous.get(group), when)
            previous[group] = link(subject, row)
    return Verdict(tuple(problems), unsigned)


def _check_one(subject, row, sig, key: _Key | None, what: str, previous: str | None,
               when: datetime) -> list[str]:
    if key is None:
        return [f"Tanda tangan {what} memakai kunci {sig.key_id} yang tidak ada"]
    text = message(subject, key.account_id, previous, content(subject, row))
    if not keys.verifies(key.public_key, text, sig.signature):
        return [f"Tanda tangan {what} tidak cocok dengan kunci {key.name}"]
    if when < key.valid_from or (key.valid_to is not None and when > key.valid_to):
        return [f"Tanda tangan {what} memakai kunci {key.name} di luar masa berlakunya"]
    return []
