"""The round log's hash chain: each event's SHA-256 covers its content and the previous hash.

The canonical form is a stable format (version 1): changing it would break every stored
chain, so any change needs a new version and a migration that re-chains under it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime

GENESIS = "0" * 64
FORMAT = "kd-ledger/1"

# the fields a hash covers, in this order
FIELDS = ("round_id", "seq", "kind", "occurred_at", "entered_at", "entered_by", "position",
          "officer_id", "officer", "decision", "note", "output", "corrects_seq", "changes")


def _canonical_value(value):
    if isinstance(value, datetime):
        if value.tzinfo is None:  # the database's naive values are UTC
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, Mapping):
        return {k: _canonical_value(v) for k, v in value.items()}
    return value


def canonical(fields: Mapping) -> str:
    """One line of JSON with sorted keys: the same text for the same event on any machine."""
    data = {name: _canonical_value(fields.get(name)) for name in FIELDS}
    data["format"] = FORMAT
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_hash(previous: str | None, fields: Mapping) -> str:
    digest = hashlib.sha256()
    digest.update((previous or GENESIS).encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical(fields).encode("utf-8"))
    return digest.hexdigest()
