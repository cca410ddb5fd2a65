"""The segel: a short, printable form of a hash-chain head (`3F9A-C21B-77E0`), and the
catalogue's chain of SOP revisions, which the database does not chain itself.

A segel held outside the database (on paper, in a backup, in a PC's witness file) pins the
history as it was then: a history rewritten and re-chained since no longer contains it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime

from kecamatan_desktop.domain import ledger
from kecamatan_desktop.domain.errors import InputError

DIGITS = 12  # 48 bits: a forger cannot try his way to a chain with the same segel
_GROUP = 4


def format_segel(head: str) -> str:
    """`3F9A-C21B-77E0`: the first DIGITS hex digits of a head, in groups of four."""
    short = head[:DIGITS].upper()
    return "-".join(short[i:i + _GROUP] for i in range(0, len(short), _GROUP))


def parse_segel(text: str) -> str:
    """The segel as typed (any case, with or without dashes or spaces) in its printed form;
    InputError naming what is wrong otherwise."""
    digits = re.sub(r"[\s-]", "", text or "")
    if len(digits) != DIGITS or not re.fullmatch(r"[0-9A-Fa-f]+", digits):
        raise InputError(f"Segel {text!r} tidak sah: segel terdiri atas {DIGITS} angka/huruf "
                         "heksadesimal (0-9, A-F), mis. 3F9A-C21B-77E0.")
    return format_segel(digits)


def in_chain(segel: str, chain: Sequence[str]) -> bool:
    """Whether the history `chain` (its heads in order) passed through `segel`: equal to the
    head now, or to an earlier one (the history moved on since)."""
    return any(format_segel(h) == segel for h in chain)


def _plain(value):
    if isinstance(value, datetime):  # the database's naive values are UTC
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def revision_link(previous: str | None, revision: Mapping) -> str:
    """The head of an SOP's revision chain after `revision` (its row, lanes, steps and
    branches as plain values): SHA-256 over the previous head and a canonical text."""
    text = json.dumps(_plain(revision), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    digest = hashlib.sha256()
    digest.update((previous or ledger.GENESIS).encode("ascii"))
    digest.update(b"\n")
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def catalogue_head(heads: Mapping[str, str]) -> str:
    """One head over every SOP's revision head, by SOP id (slug)."""
    lines = "".join(f"{slug} {heads[slug]}\n" for slug in sorted(heads))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()
