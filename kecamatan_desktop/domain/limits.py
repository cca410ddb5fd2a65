"""How long a text field may be: far above any real SOP's, low enough that every page
prints it and no damaged or hostile file costs minutes to lay out. Each refusal names the
field as the identity sheet and the step table do."""

from __future__ import annotations

import re
from typing import Any

from kecamatan_desktop.domain.sop import IDENTITY_LABELS, STEP_LABELS

MAX_LINE = 300  # Nama SOP and every other one-line field: Nomor SOP, kop, pengesah, lajur
MAX_ITEM = 1_000  # one item of a list of the identity sheet (Dasar Hukum, …)
MAX_STEP_TEXT = 2_000  # one field of a step (Kegiatan, Kelengkapan, Waktu, …)

_OTHER_LABELS = {
    "office.government": "Pemerintah (kop)",
    "office.name": "Nama kantor",
    "office.address": "Alamat kantor",
    **{f"approved_by.{key}": f"{IDENTITY_LABELS['approved_by']}: {part}"
       for key, part in (("title", "jabatan"), ("name", "nama"), ("rank", "pangkat"),
                         ("nip", "NIP"))},
}
_PLACE = re.compile(r"^(\w+)\[(\d+)\](?:\.(\w+))?(?:\[\d+\])?$")
_STEP_FIELDS = {**STEP_LABELS, "roles": STEP_LABELS["role"]}


def limit_of(place: str) -> int:
    """The longest text allowed at `place` (an interchange key path, e.g. `steps[3].notes`)."""
    if place.startswith("steps["):
        return MAX_STEP_TEXT
    match = _PLACE.match(place)
    if match and match.group(1) in IDENTITY_LABELS:
        return MAX_ITEM
    return MAX_LINE


def field_label(place: str) -> str:
    """`name` -> `Nama SOP`, `legal_basis[2]` -> `Dasar Hukum butir 3`,
    `steps[3].activity` -> `Langkah 4: Kegiatan`, `roles[0]` -> `Lajur 1`."""
    if place in _OTHER_LABELS:
        return _OTHER_LABELS[place]
    if place in IDENTITY_LABELS:
        return IDENTITY_LABELS[place]
    match = _PLACE.match(place)
    if match is None:
        return place
    key, index, field = match.group(1), int(match.group(2)) + 1, match.group(3)
    if key == "steps":
        return f"Langkah {index}: {_STEP_FIELDS.get(field or '', field or '')}".rstrip(": ")
    if key == "roles":
        return f"Lajur {index}"
    return f"{IDENTITY_LABELS.get(key, key)} butir {index}"


def too_long(value: str, place: str) -> str | None:
    """The refusal of `value` at `place` when it is over its limit, naming the field."""
    limit = limit_of(place)
    if len(value) <= limit:
        return None
    return (f"{field_label(place)} terlalu panjang: {_count(len(value))} karakter, paling "
            f"banyak {_count(limit)}; pendekkan isinya")


def overlong(document: Any, place: str = "") -> list[str]:
    """The refusal of every text of an interchange document (`sop_to_dict`) past its limit:
    what an SOP stored before the limits may still hold."""
    if isinstance(document, str):
        refusal = too_long(document, place)
        return [refusal] if refusal else []
    if isinstance(document, dict):
        return [r for key, value in document.items()
                for r in overlong(value, f"{place}.{key}" if place else key)]
    if isinstance(document, list):
        return [r for i, value in enumerate(document) for r in overlong(value, f"{place}[{i}]")]
    return []


def is_too_long(place: str, message: str) -> bool:
    """Whether `message` is the refusal `too_long` gives at `place`."""
    return message.startswith(f"{field_label(place)} terlalu panjang: ")


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")
