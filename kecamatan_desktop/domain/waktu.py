"""Mutu Baku "Waktu": the standard time of a step, as printed and in working minutes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kecamatan_desktop.domain.errors import InputError

# 37.5 hours over five days: the civil-service working day.
WORKING_DAY_MINUTES = 450

_UNITS = {"menit": 1, "jam": 60, "hari": None}
# ASCII digits only, and few of them: int() refuses "²" and numbers over 4,300 digits.
_PATTERN = re.compile(r"^\s*([0-9]{1,6})\s*(menit|jam|hari)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Waktu:
    amount: int
    unit: str  # "menit", "jam" or "hari"

    def working_minutes(self, day_minutes: int = WORKING_DAY_MINUTES) -> int:
        """Working minutes of office time; one "hari" is one working day, not 24 hours."""
        per_unit = _UNITS[self.unit]
        return self.amount * (day_minutes if per_unit is None else per_unit)


class WaktuError(InputError):
    pass


def parse_waktu(text: str) -> Waktu | None:
    """Parse `10 menit`, `15 Menit`, `1 jam`, `1 hari`, `0`; empty text is no standard."""
    stripped = text.strip()
    if not stripped:
        return None
    if re.fullmatch("0+", stripped):
        return Waktu(0, "menit")
    match = _PATTERN.match(stripped)
    # Unicode case folding lets "harı" (dotless i) match "hari"; it is no unit we know.
    if match is None or match.group(2).lower() not in _UNITS:
        raise WaktuError(
            f"waktu {text!r} tidak dikenali; tulis angka dan satuan menit, jam atau hari "
            "(mis. '10 menit', '1 jam', '1 hari') atau '0'"
        )
    return Waktu(int(match.group(1)), match.group(2).lower())


def standard_minutes(text: str | None, day_minutes: int = WORKING_DAY_MINUTES) -> int | None:
    """A step's Waktu in working minutes; None when it has none or it cannot be read (the
    editor marks such a step; records and statistics then have no standard to compare)."""
    try:
        waktu = parse_waktu(text or "")
    except WaktuError:
        return None
    return None if waktu is None else waktu.working_minutes(day_minutes)
