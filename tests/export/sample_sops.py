"""Generated procedures for print tests: long enough to span pages, with loops back."""

from __future__ import annotations

from dataclasses import replace

from kecamatan_desktop.domain.interchange import loads
from kecamatan_desktop.domain.sop import Decision, Sop, Step
from tests.conftest import SEED_DIR

ROLES = ("Camat", "Sekcam", "Kasubag Umum", "Kasubag Evapor", "Staf")


def seed_sop(sop_id: str) -> Sop:
    return loads((SEED_DIR / "sops" / f"{sop_id}.json").read_text(encoding="utf-8"))


def long_sop(count: int = 60) -> Sop:
    """A `count`-step procedure with a check every seventh step sending work back."""
    steps = []
    for i in range(count):
        decision = None
        if i % 7 == 6 and i + 1 < count:
            decision = Decision(yes=i + 2, no=max(1, i - 3))
        steps.append(Step(
            no=str(i + 1),
            activity=f"Langkah {i + 1}: memeriksa dan meneruskan berkas nomor {i + 1} "
                     "beserta lampiran yang diperlukan",
            role=ROLES[i % len(ROLES)],
            requirements=f"Berkas {i + 1}, lembar disposisi",
            time=("10 menit", "1 jam", "1 hari")[i % 3],
            output=f"Berkas {i + 1} diteruskan",
            notes="" if i % 4 else f"Catatan {i + 1}",
            decision=decision,
        ))
    base = seed_sop("poncokusumo-2018-renja")
    return replace(base, id=f"uji-{count}-langkah", name=f"Prosedur Uji {count} Langkah",
                   roles=ROLES, steps=tuple(steps))
