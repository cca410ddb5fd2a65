"""What Periksa SOP's rules take and give: the context they read and the findings they make."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kecamatan_desktop.domain.legal import LegalTable
from kecamatan_desktop.domain.morphology import Lexicon
from kecamatan_desktop.domain.sop import Sop

ERROR, WARNING = "kesalahan", "peringatan"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # ERROR or WARNING
    sop_id: str  # for the office's decree: "keputusan:<office>"
    place: str
    message: str
    lane: str | None = None

    @property
    def step(self) -> int | None:
        """The step (0-based) the finding is about, if any."""
        match = re.match(r"steps\[(\d+)\]", self.place)
        return int(match.group(1)) if match else None

    @property
    def identity(self) -> bool:
        return self.step is None and self.lane is None


@dataclass(frozen=True)
class DecreeText:
    """What the checks read of an office's Keputusan Camat."""

    office: str
    recalling: tuple[str, ...]  # Mengingat
    decides: tuple[tuple[str, str], ...]  # Menetapkan/Memutuskan: (diktum, text)
    year: int
    enacts: str = ""  # written after "Menetapkan :": the decision's own title
    title: str = ""  # "KEPUTUSAN CAMAT … TENTANG …", what Menetapkan should say


@dataclass(frozen=True)
class Context:
    legal: LegalTable
    lexicon: Lexicon
    catalogue: tuple[Sop, ...] = ()  # the office's SOPs in catalogue order
