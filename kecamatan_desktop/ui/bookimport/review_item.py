"""One SOP under review, without Qt: the document as read (edited in place), the lanes of the
book matched to the office's jabatan, and the check that says whether it can be imported
(sop_from_dict, as import checks a file) and what is still wrong."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kecamatan_desktop.bookimport.batch import BookEntry
from kecamatan_desktop.bookimport.fields import slug, unique
from kecamatan_desktop.bookimport.found import Problem
from kecamatan_desktop.bookimport.sop_mapping import STEP_PATH, document_place
from kecamatan_desktop.domain.interchange import InvalidSopFile, sop_from_dict
from kecamatan_desktop.domain.jabatan import jabatan_for_lane
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.services.book_import import BookSop

# a step's fields as the steps table shows them, and the paths the problems name them by
STEP_KEYS = ("no", "activity", "role", "requirements", "time", "output", "notes")
STEP_PATH_KEYS = {"lanes": "role", "role": "role", "roles": "role", "decision": "no",
                  "shape": "no", "next": "no"}
LANE_SEPARATOR = "; "  # a step in several lanes, as the Pelaksana cell writes them


@dataclass
class ReviewItem:
    """`doc` is None for a file that gave no SOP (its refusal is all there is to show)."""

    entry: BookEntry
    doc: dict | None
    edited_paths: set[str] = field(default_factory=set)
    checked: bool = False
    imported: bool = False
    sop: Sop | None = None  # as the last check built it; None while it cannot be built
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def of(cls, entry: BookEntry) -> ReviewItem:
        doc = copy.deepcopy(entry.draft) if entry.draft is not None else None
        return cls(entry, doc, checked=entry.document is not None)

    @property
    def name(self) -> str:
        return (self.doc or {}).get("name", "") or self.entry.source

    @property
    def edited(self) -> bool:
        return bool(self.edited_paths)

    @property
    def importable(self) -> bool:
        return self.sop is not None and not self.imported

    def notes(self) -> list[Problem]:
        """What the reader said that does not refuse the SOP, less what the user has since
        changed at that place."""
        reasons = set(self.entry.reasons)
        return [p for p in self.entry.problems if p not in reasons
                and p.path not in self.edited_paths
                and _step_field(p.path) not in self.edited_paths]

    # edits ----------------------------------------------------------------------------------
    def set_identity(self, key: str, value) -> None:
        doc = self.doc
        assert doc is not None
        if key in ("government", "office", "address"):
            doc["office"]["name" if key == "office" else key] = value
        elif key.startswith("approver_"):
            doc["approved_by"][key.removeprefix("approver_")] = value
        else:
            doc[key] = value
        self.edited_paths.add(f"identity.{key}")

    def identity(self, key: str):
        doc = self.doc or {}
        if key in ("government", "office", "address"):
            return doc.get("office", {}).get("name" if key == "office" else key, "")
        if key.startswith("approver_"):
            return doc.get("approved_by", {}).get(key.removeprefix("approver_"), "")
        return doc.get(key, "")

    def set_step(self, row: int, key: str, text: str) -> None:
        step = self.doc["steps"][row]
        if key == "role":
            lanes = [lane.strip() for lane in text.split(LANE_SEPARATOR.strip()) if lane.strip()]
            step["role"] = lanes[0] if lanes else ""
            if len(lanes) > 1:
                step["roles"] = lanes
            else:
                step.pop("roles", None)
            roles = self.doc["roles"]
            roles += [lane for lane in lanes if lane not in roles]
        else:
            step[key] = text.strip()
        self.edited_paths.add(f"steps[{row + 1}].{'lanes' if key == 'role' else key}")

    def insert_step(self, row: int) -> None:
        """A new empty step at `row` (0-based); decisions keep pointing at the same steps."""
        steps = self.doc["steps"]
        for step in steps:
            decision = step.get("decision")
            if decision:
                for answer in ("yes", "no"):
                    if decision[answer] > row:
                        decision[answer] += 1
        steps.insert(row, {key: "" for key in STEP_KEYS})
        self.edited_paths.add("steps")

    def remove_step(self, row: int) -> None:
        """Step `row` gone; a decision that led to it becomes a plain step."""
        steps = self.doc["steps"]
        del steps[row]
        number = row + 1
        for step in steps:
            decision = step.get("decision")
            if not decision:
                continue
            if number in (decision["yes"], decision["no"]):
                del step["decision"]
                continue
            for answer in ("yes", "no"):
                if decision[answer] > number:
                    decision[answer] -= 1
        self.edited_paths.add("steps")

    # the check ------------------------------------------------------------------------------
    def effective(self, lanes: Mapping[str, str], office: str, sop_id: str) -> dict:
        """The document as it would be imported: lanes matched, in `office`, as `sop_id`."""
        doc = apply_lanes(self.doc, lanes)
        doc["office"]["name"] = office
        doc["id"] = sop_id
        return doc

    def check(self, lanes: Mapping[str, str], office: str, sop_id: str) -> None:
        """Build the SOP as import would; `sop` and `problems` say how it went."""
        if self.doc is None:
            self.sop, self.problems = None, list(self.entry.problems)
            return
        try:
            self.sop = sop_from_dict(self.effective(lanes, office, sop_id), self.entry.source)
            found: list[Problem] = []
        except InvalidSopFile as exc:
            self.sop = None
            found = []
            for p in exc.problems:
                where = document_place(p.place)
                if all(where != q.path for q in found):
                    found.append(Problem(where, p.message))
        # a note the check says again in its own words is said once
        checked = {p.path for p in found}
        self.problems = [*found, *(p for p in self.notes() if p.path not in checked)]
        if self.sop is None:
            self.checked = False

    def book_sop(self) -> BookSop:
        assert self.sop is not None
        return BookSop(self.sop, self.entry.source, self.entry.sha256)


def _step_field(path: str) -> str:
    """`steps[3].time` as edited: a problem of the step's shape or arrows goes with No."""
    match = STEP_PATH.match(path)
    if match is None:
        return path
    rest = match.group(2).lstrip(".")
    return f"steps[{match.group(1)}].{'lanes' if rest in ('role', 'roles') else rest}"


def apply_lanes(doc: dict, lanes: Mapping[str, str]) -> dict:
    """A copy of `doc` with each book lane named as `lanes` says (a lane not in it kept);
    two lanes matched to one jabatan become one."""
    out = copy.deepcopy(doc)

    def named(lane: str) -> str:
        return lanes.get(lane) or lane

    out["roles"] = _once(named(r) for r in doc.get("roles", []))
    for step in out.get("steps", []):
        step["role"] = named(step.get("role", ""))
        if "roles" in step:
            step["roles"] = _once(named(r) for r in step["roles"])
    return out


def _once(names) -> list[str]:
    out: list[str] = []
    for name in names:
        if name not in out:
            out.append(name)
    return out


def book_lanes(items: Sequence[ReviewItem]) -> list[str]:
    """Every lane the book's SOPs name, in the order first met."""
    return _once(lane for item in items if item.doc is not None
                 for lane in item.doc.get("roles", []) if lane)


def matching_jabatan(lane: str, jabatan: Sequence[str]) -> str | None:
    """The office's jabatan a book lane names: the same name (case aside), or the jabatan the
    heading is a known short form of ("Sekcam" for Sekretaris Kecamatan)."""
    wanted = " ".join(lane.casefold().split())
    for name in jabatan:
        if name.casefold() == wanted:
            return name
    known = jabatan_for_lane(lane)
    return known if known is not None and known in jabatan else None


def assign_ids(items: Sequence[ReviewItem], office: str) -> list[str]:
    """Each SOP's id, made from the office and its name as `to_interchange` makes it, unique
    across the book."""
    taken: set[str] = set()
    ids = []
    for item in items:
        sop_id = unique(slug(office, item.name), taken)
        taken.add(sop_id)
        ids.append(sop_id)
    return ids
