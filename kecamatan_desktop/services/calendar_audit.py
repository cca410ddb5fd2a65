"""Does every day off stand on the calendar's change log? A day the office added or removed
has its change event (services/calendar.py writes both in one transaction); a day with none
must be one the holidays package lists. A day written into `day_off` behind the program's
back, or one whose removal was flipped, is named.
"""

from __future__ import annotations

import re

from sqlmodel import Session, select

from kecamatan_desktop.domain.tanggal import format_tanggal
from kecamatan_desktop.services.calendar import KINDS, _package_days
from kecamatan_desktop.store.round_models import CalendarChangeRow, DayOffRow

# the texts services/calendar.py logs: "hari libur 05 Januari 2027 ditambahkan: Nama (libur
# nasional)" and "hari libur 05 Januari 2027 (Nama) dihapus"
_DAY_EVENT = re.compile(r"hari libur (\d{1,2} \S+ \d{4}) (?:ditambahkan: |\()")


def _added(tanggal: str, row: DayOffRow) -> str:
    return f"hari libur {tanggal} ditambahkan: {row.name} ({KINDS.get(row.kind, '').lower()})"


def unlogged_days_off(*, session: Session) -> list[str]:
    """One Indonesian line per day off whose state no change event explains."""
    last: dict[str, str] = {}  # tanggal -> the last change event about that day
    for what in session.exec(select(CalendarChangeRow.what).order_by(CalendarChangeRow.id)):
        match = _DAY_EVENT.match(what)
        if match:
            last[match.group(1)] = what
    package: dict[int, set] = {}
    out = []
    for row in session.exec(select(DayOffRow).order_by(DayOffRow.day)):
        tanggal = format_tanggal(row.day)
        event = last.get(tanggal)
        if event is None:
            # loaded from the package without an event: only a day the package lists; a
            # package update that moved a day would show here too, hence the wording
            if row.day.year not in package:
                package[row.day.year] = {d for d, _n, _k in _package_days(row.day.year)}
            logged = row.source == "holidays" and not row.removed \
                and row.day in package[row.day.year]
        elif event.endswith(") dihapus"):
            logged = row.removed
        else:
            logged = not row.removed and event == _added(tanggal, row)
        if logged:
            continue
        if row.removed:
            out.append(f"Penghapusan hari libur {tanggal} ({row.name}) tidak punya catatan "
                       "perubahan kalender: diubah di luar program")
        else:
            listed = "" if event else (" dan tidak ada di daftar hari libur nasional (paket "
                                       "holidays)")
            out.append(f"Hari libur {tanggal} ({row.name}) tidak punya catatan perubahan "
                       f"kalender{listed}: ditambahkan atau diubah di luar program")
    return out
