"""Dates as Indonesian documents print them: `04 Januari 2018`."""

from __future__ import annotations

from datetime import date

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


def format_tanggal(value: date | None, empty: str = "-") -> str:
    if value is None:
        return empty
    return f"{value.day:02d} {BULAN[value.month - 1]} {value.year}"
