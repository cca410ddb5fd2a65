"""The SOP document: identity sheet, lanes (roles) and steps, as frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The official form's headings (Permenpan-RB 35/2012): the one wording that the window,
# the printed sheets and the error messages all use.
IDENTITY_LABELS = {
    "number": "Nomor SOP",
    "created": "Tanggal Pembuatan",
    "revised": "Tanggal Revisi",
    "effective": "Tanggal Efektif",
    "approved_by": "Disahkan oleh",
    "name": "Nama SOP",
    "legal_basis": "Dasar Hukum",
    "qualifications": "Kualifikasi Pelaksana",
    "related": "Keterkaitan",
    "equipment": "Peralatan/Perlengkapan",
    "warnings": "Peringatan",
    "records": "Pencatatan dan Pendataan",
}
STEP_LABELS = {
    "no": "No", "activity": "Kegiatan", "role": "Pelaksana", "requirements": "Kelengkapan",
    "time": "Waktu", "output": "Output", "notes": "Keterangan",
}


@dataclass(frozen=True)
class Office:
    government: str
    name: str
    address: str


@dataclass(frozen=True)
class Approver:
    title: str
    name: str
    rank: str
    nip: str


@dataclass(frozen=True)
class Decision:
    """Branch targets of a decision step, as 1-based positions in the step list.

    While a procedure is being written a target may still be missing (None): such a
    document can only be saved as a draft, and an interchange file never holds one.
    """

    yes: int | None
    no: int | None

    @property
    def complete(self) -> bool:
        return self.yes is not None and self.no is not None


@dataclass(frozen=True)
class Step:
    no: str
    activity: str
    role: str
    requirements: str = ""
    time: str = ""
    output: str = ""
    notes: str = ""
    decision: Decision | None = None
    # Real books (sop-ap/2): the step's other lanes, left to right, when it is drawn in
    # several (a shape in each); its Waktu cell merged over this step and the next
    # `time_span - 1` (which then have no Waktu of their own); drawn as a start terminator
    # though not the first step (a procedure that starts from two places).
    other_roles: tuple[str, ...] = ()
    time_span: int = 1
    start: bool = False

    @property
    def roles(self) -> tuple[str, ...]:
        """Every lane the step is drawn in, its first (`role`) first."""
        return (self.role, *self.other_roles)


@dataclass(frozen=True)
class Sop:
    id: str
    office: Office
    number: str
    name: str
    created: date | None
    revised: date | None
    effective: date | None
    approved_by: Approver
    legal_basis: tuple[str, ...] = ()
    qualifications: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    # A date as the book writes it when it is not a whole date ("Oktober 2024", "      Oktober
    # 2024" with the day left blank to be filled by hand); the date field is then None.
    created_text: str = ""
    revised_text: str = ""
    effective_text: str = ""

    def date_text(self, key: str) -> str:
        """The text written for `created`, `revised` or `effective` when it is not a whole
        date ("" when it is one, or when nothing is written)."""
        return getattr(self, f"{key}_text")

    @property
    def is_drawn(self) -> bool:
        """Whether the procedure (flowchart) has been written down yet."""
        return bool(self.steps)
