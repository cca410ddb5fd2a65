"""Indonesia's three time zones; an office keeps its records on its own clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo

from kecamatan_desktop.domain.errors import InputError

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
ZONES: dict[str, timezone] = {"WIB": WIB, "WITA": WITA, "WIT": WIT}
ZONE_LABELS = {"WIB": "WIB (UTC+7)", "WITA": "WITA (UTC+8)", "WIT": "WIT (UTC+9)"}
DEFAULT_ZONE = "WIB"


def zone(name: str | None) -> timezone:
    """The zone called `name` (WIB, WITA or WIT); WIB when none is set."""
    if not name:
        return WIB
    try:
        return ZONES[name.strip().upper()]
    except KeyError:
        raise InputError(f"Zona waktu {name!r} tidak dikenal: pilih WIB, WITA atau WIT") \
            from None


def zone_name(tz: tzinfo) -> str:
    """`WITA` for the WITA zone; the UTC offset for any other."""
    name = tz.tzname(None) if isinstance(tz, timezone) else None
    if name in ZONES:
        return name
    offset = tz.utcoffset(None) or timedelta(0)
    hours = offset.total_seconds() / 3600
    return f"UTC{hours:+g}"


def local(at: datetime, tz: tzinfo) -> datetime:
    """`at` on the office's clock; a naive time is taken as UTC (how the database stores it)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(tz)
