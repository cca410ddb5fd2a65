"""Renders docs/tempel-masalah.png: Ngantang's Renja, nothing drawn yet, after Ctrl+V of
its twelve steps copied from an Excel sheet (the text Excel puts on the clipboard), the
new lanes added, one Waktu the program cannot read marked in Masalah and its line clicked
(the step shown in the table); the real window at 1366×768. Run as

    python docs/make_paste_screenshot.py

(offscreen unless a display is set)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import OUT, _settle  # noqa: E402
from PySide6.QtCore import QMimeData, QSettings  # noqa: E402

from kecamatan_desktop.app import make_application  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.ui.main_window import MainWindow  # noqa: E402

# A1:G14 of the office's sheet: headings, twelve steps, a cell with Alt+Enter breaks
SHEET = [
    ("No", "Uraian Kegiatan", "Pelaksana", "Persyaratan/Perlengkapan", "Waktu", "Output",
     "Ket"),
    ("1", "Memerintahkan untuk penyusunan Renja", "Camat", "Surat masuk", "10 menit",
     "Disposisi pada surat masuk", ""),
    ("2", "Membentuk Tim, memberi pengarahan", "Sekcam",
     "Disposisi pada surat masuk\nStruktur organisasi", "20 menit", "Tim penyusun Renja", ""),
    ("3", "Mengumpulkan bahan, merumuskan penyusunan Renja", "Tim",
     "DPA, Laporan Realisasi Anggaran", "1 hari", "Garis besar penyusunan Renja", ""),
    ("4", "Menyusun konsep Renja", "Kasubag Perencanaan", "Pedoman dan Sistematika Renja",
     "satu minggu", "Konsep Renja", ""),
    ("5", "Mengetik konsep Dokumen Renja", "Staf", "Konsep Renja", "1 hari", "Konsep Renja",
     ""),
    ("6", "Memeriksa konsep Renja", "Kasubag Perencanaan", "Konsep Renja", "10 menit",
     "Konsep Renja", ""),
    ("7", "Memeriksa konsep Renja bersama Tim", "Tim", "Konsep Renja", "10 menit",
     "Konsep Renja", ""),
    ("8", "Memberi Paraf (telah diperiksa)", "Sekcam", "Konsep Renja", "30 menit",
     "Konsep Renja", ""),
    ("9", "Menandatangani Dokumen Renja", "Camat", "Konsep Renja", "30 menit",
     "Dokumen Renja yang sudah disahkan", ""),
    ("10", "Memerintahkan untuk penggandaan dan pendistribusian", "Camat",
     "Dokumen Renja yang sudah disahkan", "30 menit", "Dokumen Renja yang sudah disahkan",
     "SOP Pengiriman Surat"),
    ("11", "Memerintahkan staf untuk mengagenda, menggandakan dan mendistribusikan",
     "Kasubag Umum", "Dokumen Renja yang sudah disahkan", "30 menit",
     "Bukti Pengiriman, laporan", ""),
    ("12", "Mengagenda, menggandakan dan mendistribusikan", "Staf",
     "Dokumen Renja yang sudah disahkan", "30 menit", "Bukti Pengiriman, laporan", ""),
]


def excel_text(rows) -> str:
    """As Excel copies: a cell with a line break quoted, CR LF after each row."""
    def cell(text: str) -> str:
        return f'"{text}"' if "\n" in text else text
    return "".join("\t".join(cell(c) for c in row) + "\r\n" for row in rows)


def main() -> None:
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogue(Path(tmp) / "shot.db")
        window = MainWindow(db, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()
        window.select_sop("ngantang-2021-renja")
        window.tabs.setCurrentWidget(window.procedure_view)
        _settle(app)
        editor = window.procedure_view
        editor.row_clipboard.ask_add_lanes = lambda lanes, first: True
        mime = QMimeData()
        mime.setText(excel_text(SHEET))
        app.clipboard().setMimeData(mime)
        editor.placeholder_page.setFocus()
        editor.row_clipboard.start_paste_action.trigger()
        _settle(app, 10)
        # the Waktu line clicked: its step is shown in the table
        panel = editor.problems_panel
        note = panel.model.index(1, 0)
        panel.view.setCurrentIndex(note)
        panel.view.clicked.emit(note)
        _settle(app, 10)
        window.grab().save(str(OUT / "tempel-masalah.png"))
        print("saved tempel-masalah.png")
        window.close()
        db.close()


if __name__ == "__main__":
    main()
