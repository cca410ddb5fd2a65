"""Renders the review of *Berkas → Impor buku SOP…* as it opens on a 1366×768 laptop screen
(the offscreen platform given that screen): docs/impor-buku-pdf.png, two BPS PDFs with the
one the book leaves without the approver's NIP shown beside its page, the NIP field reached
from its problem; docs/impor-buku-diagram.png, the other's flowchart as our layout draws it;
docs/impor-buku-excel.png, the BASARNAS workbook's rows as read beside the steps. Needs the
sample books in ../shared/samples/import. Run as

    python docs/make_import_screenshots.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent
SAMPLES = ROOT.parent / "shared" / "samples" / "import"
PDF = SAMPLES / "bps" / "019. SOP Kearsipan - Penyusutan signed.pdf"
NO_NIP = SAMPLES / "bps" / "062. SOP LAPORAN BERITA RESMI STATISTIK PDRB TRIWULANAN signed.pdf"
XLSX = SAMPLES / "excel" / "SOP-0008.xlsx"
sys.path.insert(0, str(ROOT))


def main(tmp: Path) -> None:
    # the screen is chosen when the application is made; Qt splits the platform's options at
    # ':', so the configuration is named relative to the folder we run in
    (tmp / "screen.json").write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.chdir(tmp)
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=screen.json"
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from kecamatan_desktop.app import make_application
    from kecamatan_desktop.bookimport.batch import read_batch
    from kecamatan_desktop.services.session import open_catalogue
    from kecamatan_desktop.ui.bookimport.review_dialog import ReviewDialog
    from kecamatan_desktop.ui.main_window import MainWindow

    app = make_application(sys.argv[:1])
    db = open_catalogue(tmp / "shot.db")
    window = MainWindow(db, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window.show()

    def settle() -> None:
        for _ in range(10):
            app.processEvents()
            QTest.qWait(30)

    def shoot(paths: list[Path], name: str, tab: int, row: int = 0,
              problem: str | None = None) -> None:
        dialog = ReviewDialog(db, read_batch(paths), window.offices[0], window)
        dialog.show()
        settle()
        dialog.select_row(row)
        dialog.tabs.setCurrentIndex(tab)
        if problem is not None:
            dialog.go_to(problem)
        settle()
        area = dialog.screen().availableGeometry()
        print("screen", area.getRect(), "dialog", dialog.frameGeometry().getRect())
        assert dialog.width() <= area.width() and dialog.height() <= area.height()
        dialog.grab().save(str(OUT / name))
        print("saved", name)
        dialog.done(0)

    shoot([PDF, NO_NIP], "impor-buku-pdf.png", tab=0, row=1, problem="identity.approver_nip")
    shoot([PDF, NO_NIP], "impor-buku-diagram.png", tab=2)
    shoot([XLSX], "impor-buku-excel.png", tab=1)
    window.close()
    db.close()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        main(Path(folder))
