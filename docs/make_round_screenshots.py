"""Renders docs/handoff-dialog.png (Selesaikan langkah on a decision: both ways with their
receivers) and docs/round-log.png (the Riwayat tab after a wrong Ya was undone and a note
corrected) in the real window at 1366×768. Run as

    python docs/make_round_screenshots.py

(offscreen unless a display is set). Dates are as of the day it is run."""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import LANES, OUT, STAFF, _settle  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from kecamatan_desktop.app import make_application  # noqa: E402
from kecamatan_desktop.domain.calendar import WIB  # noqa: E402
from kecamatan_desktop.services import officers, rounds  # noqa: E402
from kecamatan_desktop.services.handoffs import handoff_offer  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.ui.main_window import MainWindow  # noqa: E402
from kecamatan_desktop.ui.rounds.handoff_dialog import HandoffDialog  # noqa: E402


def _round(db) -> int:
    """Renja 2027 at step 6; Ya by mistake, undone; Tidak; step 5 again, its note corrected."""
    morning = datetime.now(WIB).replace(hour=8, minute=0, second=0, microsecond=0)
    t = morning - timedelta(days=14 + morning.weekday())  # a Monday two weeks ago
    with db.session() as s:
        for name, nip, jabatan in STAFF:
            officers.add_officer(session=s, name=name, nip=nip, jabatan=jabatan,
                                 office="Kecamatan Poncokusumo")
        r = rounds.start_round("poncokusumo-2018-renja", session=s, title="Renja 2027", at=t,
                               lanes=LANES)
        for decision, note in ((None, ""), (None, "Tim dibentuk"), (None, ""),
                               (None, "konsep bab I-III"), (None, ""), ("ya", "")):
            t += timedelta(days=1, hours=1)
            r = rounds.complete_step(r.id, session=s, expected_version=r.version, at=t,
                                     decision=decision, note=note)
        r = rounds.undo_handoff(r.id, session=s, expected_version=r.version,
                                reason="konsep belum disetujui, seharusnya Tidak")
        t += timedelta(days=2)
        r = rounds.complete_step(r.id, session=s, expected_version=r.version, at=t,
                                 decision="tidak", note="bab II perlu data Musrenbang")
        t += timedelta(days=1)
        r = rounds.complete_step(r.id, session=s, expected_version=r.version, at=t,
                                 note="diketik ulang", output="Konsep Renja perbaikan")
        seq = next(line.seq for line in r.log if line.note.now == "konsep bab I-III")
        rounds.correct_event(r.id, seq, session=s, expected_version=r.version,
                             reason="catatan kurang lengkap",
                             note="konsep bab I-III dan lampiran")
        return r.id


def main() -> None:
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogue(Path(tmp) / "shot.db")
        rid = _round(db)
        window = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()
        window.main_tabs.setCurrentWidget(window.rounds)
        _settle(app)
        window.rounds.open_round(rid)
        page = window.rounds.page
        page.tabs.setCurrentWidget(page.events_view)
        window.rounds.splitter.setSizes([150, 600])
        _settle(app)
        window.grab().save(str(OUT / "round-log.png"))
        print("saved round-log.png")
        with db.session() as s:
            offer = handoff_offer(rid, session=s)
        dialog = HandoffDialog(page.detail.sop, offer, window, tz=page.detail.tz)
        dialog.show()
        _settle(app)
        dialog.grab().save(str(OUT / "handoff-dialog.png"))
        print("saved handoff-dialog.png")
        dialog.close()
        window.close()
        db.close()


if __name__ == "__main__":
    main()
