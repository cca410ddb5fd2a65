"""An SOP as real books write it, for the tests of edits, recovery and checks."""

from __future__ import annotations

from dataclasses import replace

from kecamatan_desktop.domain.interchange import sop_from_dict
from kecamatan_desktop.domain.sop import Sop
from tests.conftest import seed_dict


def with_steps(sop: Sop, **changes_by_index) -> Sop:
    """`s2={...}` changes step index 2."""
    steps = list(sop.steps)
    for key, changes in changes_by_index.items():
        index = int(key.removeprefix("s"))
        steps[index] = replace(steps[index], **changes)
    return replace(sop, steps=tuple(steps))


def real_book() -> Sop:
    """Renja with step 3 drawn in Tim, Kasubag Evapor and Staf, Waktu "3 hari kerja" over
    steps 3-5, and step 9 a second start."""
    renja = sop_from_dict(seed_dict("poncokusumo-2018-renja"))
    return with_steps(
        renja,
        s2={"other_roles": ("Kasubag Evapor", "Staf"), "time": "3 hari kerja",
            "time_span": 3},
        s3={"time": ""}, s4={"time": ""},
        s8={"start": True})
