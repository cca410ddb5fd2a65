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
    """A step's Waktu in working minutes, read as books write it (`read_waktu`); None when
    it has none or it cannot be read (Periksa names such a step; records and statistics
    then have no standard to compare)."""
    return read_waktu(text or "").working_minutes(day_minutes)


# Waktu as real books write it (sop-ap/2): read leniently, never rewritten ------------------
class WaktuKind:
    EMPTY = "empty"  # nothing written
    STANDARD = "standard"  # a length of working time
    NONE = "none"  # words with no length ("Setiap Saat", "Pada hari dan jam kerja")
    UNREADABLE = "unreadable"  # numbers that cannot be read as a length ("10 mnt lalu")


@dataclass(frozen=True)
class WaktuReading:
    kind: str  # a WaktuKind
    minutes: int | None = None  # working minutes, for STANDARD
    days: int = 0  # the whole working days in it (counted with the office's day length)
    calendar: bool = False  # NONE because it is a calendar length ("2 Bulan"), not working time
    per_item: bool = False  # NONE because it is a length per item ("2 menit/berkas")

    def working_minutes(self, day_minutes: int = WORKING_DAY_MINUTES) -> int | None:
        if self.kind != WaktuKind.STANDARD:
            return None
        return (self.minutes or 0) + self.days * day_minutes


_LENIENT_UNITS = {
    "menit": ("m", 1), "mnt": ("m", 1), "mnit": ("m", 1), "minit": ("m", 1), "jam": ("m", 60),
    "hari": ("d", 1), "hk": ("d", 1), "minggu": ("d", 5), "pekan": ("d", 5),
}
# words that say "at most" or "about" before a length: the length is the standard
_LEAD = re.compile(r"^(paling\s+(lambat|lama)|selambat-?lambatnya|maksimal|maks\.?|maximal|"
                   r"kurang\s+lebih|lebih\s+kurang|sekitar|±|\+/-|dalam|waktu)\s*", re.I)
_PART = re.compile(r"([0-9]{1,4})\s*(?:(?:-|–|s\.?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*"
                   r"([0-9]{1,4})\s*)?(menit|mnt|mnit|minit|jam|hari|hk|minggu|pekan)"
                   r"(?:\s*(?:kerja|efektif))?\b\.?", re.I)


# number words as Waktu cells write them ("sehari", "dua hari")
_WORDS = {"se": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
          "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10}
_WORD_NUMBER = re.compile(r"\b(se(?=(?:hari|jam|minggu|pekan)\b)|satu|dua|tiga|empat|lima|"
                          r"enam|tujuh|delapan|sembilan|sepuluh)\s*(?=(hari|jam|menit|minggu|"
                          r"pekan)\b)", re.I)


# a calendar length: months and years are no count of working days
_CALENDAR = re.compile(r"([0-9]{1,3}\s*(?:(?:-|–|s\.?\s*d\.?|sampai)\s*[0-9]{1,3}\s*)?"
                       r"(bulan|tahun|semester|triwulan)(\s+kalender)?\.?)", re.I)
# a length per item ("2 menit/berkas", "5 menit per dokumen"): the step's length depends on
# how many items there are, so it sets no standard of its own
_PER_ITEM = re.compile(r"(.+?)\s*(?:/|\bper\b|\bsetiap\b)\s*[^\d\s/][^\d/]*", re.I)
_RANGE = re.compile(r"\s+(?:-|–|s\.?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s+", re.I)


def read_waktu(text: str) -> WaktuReading:
    """Waktu as a book writes it: "3 hari kerja", "Paling lambat 17 hari kerja",
    "5 \\nMenit", "1 jam 30 menit", "1-2 hari" (the longer bound: the most the step may
    take; "30 menit - 3 Jam" too) are lengths of working time; "Setiap Saat", "Pada hari
    dan jam kerja" or any text without a number say no length, and "2 Bulan" a calendar
    length that is no count of working days, and "2 menit/berkas" a length per item (no
    standard, shown as written); a number that
    cannot be read as a length is unreadable. The text itself is never changed."""
    flat = " ".join(text.split())
    flat = _WORD_NUMBER.sub(lambda m: f"{_WORDS[m.group(1).lower()]} ", flat)
    if not flat or flat in {"-", "–", "—"}:
        return WaktuReading(WaktuKind.EMPTY)
    if re.fullmatch("0+", flat):
        return WaktuReading(WaktuKind.STANDARD, minutes=0)
    if not re.search("[0-9]", flat):
        return WaktuReading(WaktuKind.NONE)
    rest = flat
    while (lead := _LEAD.match(rest)) is not None and lead.end() > 0:
        rest = rest[lead.end():]
    if _CALENDAR.fullmatch(rest):
        return WaktuReading(WaktuKind.NONE, calendar=True)
    rate = _PER_ITEM.fullmatch(rest)
    if rate and read_waktu(rate.group(1)).kind == WaktuKind.STANDARD:
        return WaktuReading(WaktuKind.NONE, per_item=True)
    ends = _RANGE.split(rest)
    if len(ends) == 2:  # "30 menit - 3 Jam": the most the step may take
        low, high = read_waktu(ends[0]), read_waktu(ends[1])
        if low.kind == high.kind == WaktuKind.STANDARD:
            return max(low, high, key=lambda w: (w.days, w.minutes or 0))
    minutes = days = 0
    at = 0
    for match in _PART.finditer(rest):
        if rest[at:match.start()].strip(" ,+dan") != "":
            return WaktuReading(WaktuKind.UNREADABLE)
        amount = int(match.group(2) or match.group(1))
        kind, factor = _LENIENT_UNITS[match.group(3).lower()]
        if kind == "m":
            minutes += amount * factor
        else:
            days += amount * factor
        at = match.end()
    if at == 0 or rest[at:].strip(" .") != "":
        return WaktuReading(WaktuKind.UNREADABLE)
    return WaktuReading(WaktuKind.STANDARD, minutes=minutes, days=days)


def unreadable_waktu_message(text: str) -> str:
    """What is wrong with a Waktu whose numbers cannot be read as a length."""
    return (f"waktu {text!r} tidak terbaca sebagai lama kerja; tulis mis. '10 menit', "
            "'3 hari kerja' atau, tanpa waktu baku, 'Setiap saat'")
