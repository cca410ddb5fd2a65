"""The sample books and small helpers the book-import window tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "import"
ARSIP = SAMPLES / "bps" / "019. SOP Kearsipan - Penyusutan signed.pdf"  # valid as read
BRS = SAMPLES / "bps" / "062. SOP LAPORAN BERITA RESMI STATISTIK PDRB TRIWULANAN signed.pdf"
DISTRIBUSI = (SAMPLES / "bps"
              / "004. SOP Alur Distibusi Barang Persediaan dengan Cara Transfer signed.pdf")
XLSX = SAMPLES / "excel" / "SOP-0008.xlsx"
SCAN = SAMPLES / "scan" / "SOP FASILITASI KEBERATAN INFORMASI PUBLIK.pdf"
needs_samples = pytest.mark.skipif(
    not all(p.is_file() for p in (ARSIP, BRS, DISTRIBUSI, XLSX, SCAN)),
    reason=f"the sample books are not at {SAMPLES}")
OFFICE = "Kecamatan Poncokusumo"
GOOD_NIP = "19800101 200501 2 001"


class Messages:
    """Stands in for a window's message boxes and questions."""

    def __init__(self, discard: bool = True) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.discard = discard
        self.asked: list[int] = []

    def install(self, dialog) -> None:
        dialog.show_error = lambda title, text: self.errors.append(text)
        dialog.show_info = lambda title, text: self.infos.append(text)

        def ask(count: int) -> bool:
            self.asked.append(count)
            return self.discard
        dialog.ask_discard = ask
