"""What a reader found in a file, before it becomes an SOP: every field as written, and
every problem (missing, uncertain, unreadable) with where it is. No reader invents: what a
file lacks stays empty and is named in `problems`."""

from __future__ import annotations

from dataclasses import dataclass, field

# identity keys, as the interchange format names them (domain/interchange.py)
IDENTITY_KEYS = ("government", "office", "address", "number", "name", "created", "revised",
                 "effective", "approver_title", "approver_name", "approver_rank",
                 "approver_nip", "legal_basis", "qualifications", "related", "equipment",
                 "warnings", "records")
SHAPES = ("start", "end", "process", "decision", "connector")  # what a step's shape is


@dataclass(frozen=True)
class Problem:
    """`path` names the place: "identity.number", "steps[3].time", "steps[5].lanes",
    "page 2"; `message` says in Indonesian what is wrong or uncertain."""

    path: str
    message: str


@dataclass(frozen=True)
class FoundStep:
    no: str  # the No column as written ("" for a connector row without a number)
    activity: str
    lanes: tuple[str, ...]  # every lane the step has a shape in, left to right
    requirements: str = ""  # Mutu Baku: Kelengkapan
    time: str = ""  # Mutu Baku: Waktu, as written ("3 hari kerja", "Setiap Saat")
    output: str = ""
    notes: str = ""  # Keterangan
    shape: str = "process"  # one of SHAPES
    yes: int | None = None  # a decision's targets: 1-based indexes into FoundSop.steps
    no_target: int | None = None
    next: tuple[int, ...] = ()  # arrows leaving the step's shapes, where they were read
    time_span: int = 1  # one Waktu cell merged over this many steps (this one first)
    page: int | None = None  # 1-based page (PDF) or sheet row (Excel) it was read from


@dataclass(frozen=True)
class FoundSop:
    source: str  # the file's name
    identity: dict = field(default_factory=dict)  # IDENTITY_KEYS -> str or list[str]
    lanes: tuple[str, ...] = ()
    steps: tuple[FoundStep, ...] = ()
    problems: tuple[Problem, ...] = ()
    pages: tuple[int, ...] = ()  # the pages (1-based) or sheets it came from
    ocr: bool = False  # text read by OCR: every field uncertain
