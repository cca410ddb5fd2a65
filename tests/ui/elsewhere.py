"""A second process writing to the same database as the window (another copy of the program,
another PC on a shared file): `python -m tests.ui.elsewhere DB KIND [ROUND]`, printing the
round id it started or wrote to."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.domain.jabatan import STAF
from kecamatan_desktop.services import calendar, catalogue, editing, officers, offices, rounds
from kecamatan_desktop.services.session import open_catalogue

RENJA = "poncokusumo-2018-renja"
OFFICE = "Kecamatan Poncokusumo"
STARTED = datetime.now(WIB) - timedelta(days=20)


def write(session, kind: str, round_id: int | None) -> int | None:
    if kind == "start":
        return rounds.start_round(RENJA, session=session, title="Dari proses lain",
                                  at=STARTED).id
    if kind in ("complete", "hold"):
        seen = rounds.get_round(round_id, session=session)
        if kind == "complete":
            rounds.complete_step(round_id, session=session, expected_version=seen.version,
                                 at=STARTED + timedelta(hours=1))
        else:
            rounds.hold_round(round_id, session=session, expected_version=seen.version,
                              note="menunggu data")
        return round_id
    if kind == "officer":
        officers.add_officer(session=session, name="Yuni Proses", nip="19930909 201901 2 009",
                             jabatan=STAF, office=OFFICE)
    elif kind == "day_off":
        calendar.add_day_off(date.today() - timedelta(days=3), "Libur dari proses lain",
                             "libur", session=session)
    elif kind == "office":
        offices.update_office_profile(OFFICE, session=session, phone="0341 999")
    elif kind == "revise":
        sop = catalogue.get_sop(RENJA, session=session).sop
        steps = (replace(sop.steps[0], activity="Diubah proses lain"), *sop.steps[1:])
        editing.save_revision(replace(sop, steps=steps), session=session)
    else:
        raise SystemExit(f"unknown kind {kind}")
    return None


if __name__ == "__main__":
    path, kind, *rest = sys.argv[1:]
    db = open_catalogue(Path(path))
    try:
        with db.session() as s:
            print(write(s, kind, int(rest[0]) if rest else None) or "")
    finally:
        db.close()
