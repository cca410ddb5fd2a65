"""Where a problem of an imported SOP is ("identity.approver_nip", "steps[3].time" counted
from 1, "page 2", "lanes", "file"), as a place to go to and as words for the list."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kecamatan_desktop.bookimport.sop_mapping import STEP_PATH
from kecamatan_desktop.domain.sop import STEP_LABELS
from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.bookimport.review_item import STEP_PATH_KEYS

_PAGE = re.compile(r"^page (\d+)$")


@dataclass(frozen=True)
class Place:
    kind: str  # "identity", "step", "page", "lanes", "steps", "file" or "other"
    key: str = ""  # an identity key, or a step's field (STEP_KEYS)
    number: int = 0  # a step (1-based) or a page


def place_of(path: str) -> Place:
    match = STEP_PATH.match(path)
    if match is not None:
        rest = match.group(2).lstrip(".").split(".")[0].split("[")[0]
        return Place("step", STEP_PATH_KEYS.get(rest, rest or "activity"), int(match.group(1)))
    page = _PAGE.match(path)
    if page is not None:
        return Place("page", number=int(page.group(1)))
    head, _, key = path.partition(".")
    if head == "identity":
        return Place("identity", key)
    if head in ("lanes", "steps", "file"):
        return Place(head)
    return Place("other")


def place_words(path: str) -> str:
    """"Identitas · NIP pengesah", "Langkah 3 · Waktu", "Halaman 2"."""
    place = place_of(path)
    if place.kind == "identity":
        label = s.IDENTITY_FIELD_LABELS.get(place.key, place.key)
        return f"{s.PROBLEM_PLACES['identity']} · {label}" if label else s.PROBLEM_PLACES[
            "identity"]
    if place.kind == "step":
        label = STEP_LABELS.get(place.key, place.key)
        return f"{s.PROBLEM_PLACES['steps']} {place.number} · {label}"
    if place.kind == "page":
        return f"{s.PROBLEM_PLACES['page']} {place.number}"
    return s.PROBLEM_PLACES.get(path.split(".")[0].split(" ")[0], path)
