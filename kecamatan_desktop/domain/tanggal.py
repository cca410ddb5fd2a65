"""Dates as Indonesian documents print them: `04 Januari 2018`, or as an office writes them
(`1 Pebruari 2021`); and working time as an office counts it (`2 hari 3 jam`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


FEBRUARY_SPELLINGS = ("Februari", "Pebruari")  # the standard form, and the older one


@dataclass(frozen=True)
class TanggalStyle:
    """How one office writes a date: the day with a leading zero or not, and February's name."""

    zero_pad: bool = True
    february: str = "Februari"

    def __post_init__(self) -> None:
        if self.february not in FEBRUARY_SPELLINGS:
            raise ValueError(f"February spelled {self.february!r}")


STANDARD = TanggalStyle()


def format_tanggal(value: date | None, empty: str = "-", style: TanggalStyle = STANDARD) -> str:
    if value is None:
        return empty
    day = f"{value.day:02d}" if style.zero_pad else str(value.day)
    month = style.february if value.month == 2 else BULAN[value.month - 1]
    return f"{day} {month} {value.year}"


def format_waktu(at: datetime | None, tz: tzinfo, *, zone: bool = True, empty: str = "-") -> str:
    """`23 November 2026 08.00 WIB`: a moment on the office's clock, as every view shows it."""
    if at is None:
        return empty
    local = at.astimezone(tz)
    text = f"{format_tanggal(local.date())} {local.strftime('%H.%M')}"
    return f"{text} {local.tzname()}" if zone else text


def format_pukul(at: datetime, tz: tzinfo) -> str:
    """`3 Desember 2026 pukul 10.12 WIB`: a moment in a sentence ("dilihat pada …")."""
    local = at.astimezone(tz)
    day = format_tanggal(local.date(), style=TanggalStyle(zero_pad=False))
    return f"{day} pukul {local.strftime('%H.%M')} {local.tzname()}"


def format_lama(minutes: int | None, day_minutes: int, *, empty: str = "-") -> str:
    """Working minutes as an office counts them: `2 hari 3 jam`, `1 hari`, `5 jam 20 menit`,
    `45 menit`. A day is the calendar's working day (`day_minutes`, e.g. 450), not 24 hours;
    from one day on the minutes are left out, as a desk counts days and hours."""
    if minutes is None:
        return empty
    if minutes < 0:
        raise ValueError(f"a working time of {minutes} minutes")
    days, rest = divmod(minutes, day_minutes) if day_minutes > 0 else (0, minutes)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} hari {hours} jam" if hours else f"{days} hari"
    if hours:
        return f"{hours} jam {mins} menit" if mins else f"{hours} jam"
    return f"{mins} menit"


def iso_waktu(at: datetime | None, tz: tzinfo) -> str | None:
    """ISO 8601 with the office's offset, e.g. `2026-11-23T08:00+08:00` for a WITA office."""
    return at.astimezone(tz).isoformat(timespec="minutes") if at else None


def wall_clock(at: datetime | None, tz: tzinfo) -> datetime | None:
    """The office's wall-clock time without a zone, for formats that have none (Excel)."""
    return at.astimezone(tz).replace(tzinfo=None) if at else None


def _stored(value: str | datetime) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def stored_utc(value: str | datetime) -> datetime:
    """A time as the database keeps it (naive UTC, as text or datetime) as an aware UTC
    datetime."""
    value = _stored(value)
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def wall_clock_stored(text: str | datetime | None, tz: tzinfo) -> datetime | None:
    """`wall_clock` of a time as the database keeps it (naive UTC, as text or datetime),
    read without building an aware datetime first: a big export reads millions."""
    if text is None:
        return None
    value = _stored(text)
    if value.tzinfo is not None:
        return wall_clock(value, tz)
    return value + tz.utcoffset(None)
