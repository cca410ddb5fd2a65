"""Renders docs/dashboard-terlambat.png: the Pelaksanaan dashboard filtered to late rounds,
late first, in the real window at 1366×768, from the rounds of make_screenshots.py and a few
more (one held, one nobody holds yet, one just begun). Run as

    python docs/make_dashboard_screenshot.py

(offscreen unless a display is set). Dates are as of the day it is run."""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import LANES, OUT, _example_rounds, _settle  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from kecamatan_desktop.app import make_application  # noqa: E402
from kecamatan_desktop.domain.calendar import WIB  # noqa: E402
from kecamatan_desktop.services import rounds  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.ui.main_window import MainWindow  # noqa: E402


def _handed_to(s, r, step: int, at: datetime):
    while r.current_step != step:
        at += timedelta(minutes=20)
        try:
            r = rounds.complete_step(r.id, session=s, expected_version=r.version, at=at)
        except rounds.InputError:  # nobody named for the next lane: no holder yet
            r = rounds.complete_step(r.id, session=s, expected_version=r.version, at=at,
                                     no_receiver=True)
    return r


def _more_rounds(db) -> None:
    """Late at step 3 with no one named for the Tim lane, late at step 4, not late yet."""
    now = datetime.now(WIB)
    morning = now.replace(hour=8, minute=0, second=0, microsecond=0)
    with db.session() as s:
        for sop, title, at, step, lanes in (
                ("poncokusumo-2018-renja", "Renja Perubahan 2026",
                 morning - timedelta(days=21), 3, {}),
                ("poncokusumo-2018-renja", "Renja Kelurahan Wonomulyo",
                 morning - timedelta(days=9), 4, LANES),
                ("poncokusumo-2018-lkj", "LKj Triwulan IV", now - timedelta(minutes=1), 1,
                 LANES)):
            r = rounds.start_round(sop, session=s, title=title, lanes=lanes, at=at)
            _handed_to(s, r, step, at)


def main() -> None:
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogue(Path(tmp) / "shot.db")
        _example_rounds(db)
        _more_rounds(db)
        window = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()
        window.main_tabs.setCurrentWidget(window.rounds)
        _settle(app)
        dashboard = window.rounds.dashboard
        dashboard.status_filter.setCurrentIndex(dashboard.status_filter.findData("terlambat"))
        dashboard.late_first.setChecked(True)
        _settle(app)
        window.grab().save(str(OUT / "dashboard-terlambat.png"))
        print("saved dashboard-terlambat.png")
        window.close()
        db.close()


if __name__ == "__main__":
    main()
