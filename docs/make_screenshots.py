"""Renders the README and docs screenshots from the real window, as a user sees it on a
1366×768 laptop screen: under Xvfb with the xcb platform when run as

    xvfb-run -s "-screen 0 1366x768x24" python docs/make_screenshots.py

(offscreen otherwise). The window is at its first-start size, which fits the screen."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

if "DISPLAY" not in os.environ:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings  # noqa: E402

from kecamatan_desktop.app import make_application  # noqa: E402
from kecamatan_desktop.domain.calendar import WIB  # noqa: E402
from kecamatan_desktop.services import officers, rounds  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent
STAFF = [("Siti Aminah", "19800101 200501 2 001", "Sekretaris Kecamatan"),
         ("Budi Santoso", "19810202 200601 1 002", "Kasubag Perencanaan dan Evaluasi Pelaporan"),
         ("Dewi Lestari", "19900303 201501 2 003", "Staf"),
         ("Agus Salim", "19850404 201001 1 004", "Kasubag Umum dan Kepegawaian")]


LANES = {"Sekcam": "Siti Aminah", "Tim": "Budi Santoso", "Kasubag Evapor": "Budi Santoso",
         "Staf": "Dewi Lestari", "Kasubag Umum": "Agus Salim"}


def _example_rounds(db) -> int:
    """A Renja round sent back once at step 6 and now at step 8, and a late LKj round."""
    with db.session() as s:
        for name, nip, jabatan in STAFF:
            officers.add_officer(session=s, name=name, nip=nip, jabatan=jabatan,
                                 office="Kecamatan Poncokusumo")
        t = datetime(2026, 11, 16, 8, 0, tzinfo=WIB)  # a Monday morning
        r = rounds.start_round("poncokusumo-2018-renja", session=s, title="Renja 2027", at=t,
                               lanes=LANES)
        for decision in (None, None, None, None, None, "tidak", None, "ya", "ya"):
            t += timedelta(minutes=75)
            r = rounds.complete_step(r.id, session=s, expected_version=r.version,
                                     decision=decision, at=t, output="Konsep Renja")
        start = datetime(2026, 11, 17, 9, 0, tzinfo=WIB)
        lkj = rounds.start_round("poncokusumo-2018-lkj", session=s, title="LKj 2026",
                                 at=start, lanes=LANES)
        rounds.complete_step(lkj.id, session=s, expected_version=lkj.version,
                             at=start + timedelta(minutes=25))
        return r.id


def _settle(app, rounds_: int = 5) -> None:
    for _ in range(rounds_):
        app.processEvents()


def main() -> None:
    app = make_application(sys.argv[:1])
    print("platform:", app.platformName(), "screen:",
          app.primaryScreen().availableGeometry().getRect())
    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogue(Path(tmp) / "shot.db")
        renja_round = _example_rounds(db)
        window = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.show()  # first start: fitted to the screen
        window.select_sop("poncokusumo-2018-renja")
        _settle(app)

        def shot(name: str, widget=None) -> None:
            _settle(app)
            (widget or window).grab().save(str(OUT / name))
            print("saved", name)

        shot("main-window.png")
        window.tabs.setCurrentWidget(window.procedure_view)
        shot("procedure-editor.png")
        window.tabs.setCurrentWidget(window.flowchart)
        shot("flowchart-tab.png")
        window.tabs.setCurrentWidget(window.revision_history)
        shot("revision-history.png")
        window.main_tabs.setCurrentWidget(window.rounds)
        _settle(app)
        window.rounds.open_round(renja_round)
        _settle(app)
        window.rounds.page.flowchart.fit_width()
        shot("pelaksanaan.png")

        from kecamatan_desktop.ui.rounds.directory import OfficerDirectory

        directory = OfficerDirectory(db, window)
        directory.show()
        shot("officer-directory.png", directory)
        directory.close()

        window.main_tabs.setCurrentIndex(0)
        window.select_sop("poncokusumo-2018-renstra")
        previews = []
        window.printing.show_preview = lambda preview: (previews.append(preview),
                                                        preview.show())
        task = window.printing.print_sop()
        while not task.done:
            app.processEvents()
        shot("print-preview.png", previews[0])
        previews[0].close()

        from kecamatan_desktop.ui.office_profile import OfficeProfileDialog

        profile = OfficeProfileDialog(db, "Kecamatan Ngantang", window)
        profile.tabs.setCurrentWidget(profile.decree_page)
        profile.decree_page.recalling.select(1)
        profile.show()
        shot("office-decree.png", profile)
        profile.close()

        from kecamatan_desktop.ui.help_dialog import HelpDialog

        help_ = HelpDialog(window)
        help_.show()
        shot("help.png", help_)
        help_.close()
        window.close()
        db.close()


if __name__ == "__main__":
    main()
