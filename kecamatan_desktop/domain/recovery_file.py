"""The recovery file's contents: an SOP as it was being edited (in the interchange layout of
domain/interchange.py) and the SOP and revision it was based on.

Unlike an interchange file it is read without the import rules: unsaved edits may be
unfinished (an empty Kegiatan, a decision without its targets, a NIP half typed), and they
are given back exactly as they were, with what only sop-ap/2 holds (a step's other lanes, a
merged Waktu, a second start, dates as written or not written). Only its shape is checked;
a file of any other shape is refused with RecoveryFileError, never half read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.interchange import (
    APPROVER_KEYS,
    LIST_KEYS,
    OFFICE_KEYS,
    STEP_KEYS,
    sop_to_dict,
)
from kecamatan_desktop.domain.sop import Approver, Decision, Office, Sop, Step

FORMAT = "kecamatan-pemulihan/1"


class RecoveryFileError(InputError):
    """The recovery file cannot be read back (damaged, cut short, another format)."""


@dataclass(frozen=True)
class Recovery:
    """Edits not yet saved when the program last stopped."""

    sop: Sop  # as edited
    sop_id: str  # the SOP it was opened as
    base_revision: int  # the revision the edits started from
    database: str  # the database it was edited in, as the window names it
    written_at: datetime  # aware


def encode(recovery: Recovery) -> str:
    return json.dumps({
        "format": FORMAT,
        "database": recovery.database,
        "sop_id": recovery.sop_id,
        "base_revision": recovery.base_revision,
        "written_at": recovery.written_at.isoformat(),
        "sop": sop_to_dict(recovery.sop),
    }, ensure_ascii=False, indent=1)


def decode(text: str) -> Recovery:
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("format")
        written_at = datetime.fromisoformat(_text(data["written_at"]))
        if written_at.tzinfo is None:
            raise ValueError("written_at")
        return Recovery(sop=_sop(data["sop"]), sop_id=_text(data["sop_id"]),
                        base_revision=_int(data["base_revision"]),
                        database=_text(data["database"]), written_at=written_at)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise RecoveryFileError(f"berkas pemulihan rusak ({exc})") from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{value!r} bukan teks")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{value!r} bukan bilangan bulat")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError(f"{value!r} bukan daftar")
    return tuple(_text(item) for item in value)


def _written_day(value: Any) -> tuple[date | None, str]:
    """A date as sop_to_dict writes it: ISO, the text a book writes instead, or None."""
    if value is None:
        return None, ""
    text = _text(value)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return date.fromisoformat(text), ""
    return None, text


def _target(value: Any) -> int | None:
    return None if value is None else _int(value)


def _step(raw: Any) -> Step:
    fields = {key: _text(raw[key]) for key in STEP_KEYS if key != "decision"}
    decision = raw.get("decision")
    if decision is not None:
        decision = Decision(yes=_target(decision["yes"]), no=_target(decision["no"]))
    lanes = _texts(raw["roles"]) if "roles" in raw else ()
    start = raw.get("start", False)
    if not isinstance(start, bool):
        raise TypeError(f"{start!r} bukan true/false")
    return Step(**fields, decision=decision, other_roles=lanes[1:],
                time_span=_int(raw.get("time_span", 1)), start=start)


def _sop(raw: Any) -> Sop:
    if not isinstance(raw["steps"], list):
        raise TypeError("steps bukan daftar")
    created, created_text = _written_day(raw["created"])
    revised, revised_text = _written_day(raw["revised"])
    effective, effective_text = _written_day(raw["effective"])
    return Sop(
        id=_text(raw["id"]),
        office=Office(**{key: _text(raw["office"][key]) for key in OFFICE_KEYS}),
        number=_text(raw["number"]), name=_text(raw["name"]),
        created=created, revised=revised, effective=effective,
        created_text=created_text, revised_text=revised_text, effective_text=effective_text,
        approved_by=Approver(**{key: _text(raw["approved_by"][key]) for key in APPROVER_KEYS}),
        **{key: _texts(raw[key]) for key in LIST_KEYS},
        roles=_texts(raw["roles"]),
        steps=tuple(_step(step) for step in raw["steps"]),
    )
