"""`kecamatan-desktop --self-test`: the installed program proves it works, with no window.

In a temporary folder it creates a database from the shipped catalogue (every migration
runs), draws one SOP's flowchart to PNG and PDF, starts and completes a round and prints its
report, then reads back what it made. One line per check; exit 0, or 1 naming what failed.
"""

from __future__ import annotations

import re
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from kecamatan_desktop.store.database import Database

SOP_ID = "poncokusumo-2018-renja"  # the seed SOP with a decision that loops back
ROUND_TITLE = "Uji mandiri"
OFFICE = "Kecamatan Poncokusumo"
# Who fills the SOP's lanes besides the seeded camat (made-up people, valid NIPs).
STAFF = (("Siti Aminah", "19800101 200501 2 001", "Sekretaris Kecamatan"),
         ("Budi Santoso", "19810202 200601 1 002", "Kasubag Perencanaan dan Evaluasi Pelaporan"),
         ("Dewi Lestari", "19900303 201501 2 003", "Staf"),
         ("Agus Salim", "19850404 201001 1 004", "Kasubag Umum dan Kepegawaian"))
PNG_DPI = 300
PT_PER_MM = 72 / 25.4

# What the user reads (Bahasa Indonesia).
PASSED = "LULUS"
FAILED = "GAGAL"
SUMMARY_OK = "Uji mandiri selesai: {n} pemeriksaan lulus ({seconds:.1f} detik)."
SUMMARY_FAILED = "Uji mandiri GAGAL: {names}."
SKIPPED = "tidak dijalankan: {name} gagal"


class CheckFailed(Exception):
    """What a check found wrong, in Indonesian."""


@dataclass
class PdfFacts:
    pages: int
    page_sizes: list[tuple[float, float]]
    fonts: set[str]
    embedded_fonts: int


def pdf_facts(path: Path) -> PdfFacts:
    """Pages, page sizes and fonts of a ReportLab PDF, read from its (uncompressed) objects."""
    raw = path.read_bytes()
    if not raw.startswith(b"%PDF-") or b"%%EOF" not in raw[-64:]:
        raise CheckFailed(f"{path.name} bukan PDF yang utuh")
    sizes = [(float(w), float(h)) for w, h in re.findall(
        rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", raw)]
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", raw))
    fonts = {name.decode("latin-1") for name in re.findall(rb"/BaseFont\s*/([^\s/>\]]+)", raw)}
    return PdfFacts(pages=pages, page_sizes=sizes, fonts=fonts,
                    embedded_fonts=raw.count(b"/FontFile2"))


def png_size(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()[:24]
    if raw[:8] != b"\x89PNG\r\n\x1a\n" or raw[12:16] != b"IHDR":
        raise CheckFailed(f"{path.name} bukan PNG")
    return struct.unpack(">II", raw[16:24])


def _check_fonts(facts: PdfFacts, name: str) -> str:
    missing = sorted(f for f in facts.fonts if "+" not in f)  # a subset tag: AAAAAA+Name
    if not facts.fonts or missing or facts.embedded_fonts < len(facts.fonts):
        raise CheckFailed(f"{name}: huruf tidak tertanam: {', '.join(missing) or 'tidak ada'}")
    return ", ".join(sorted(f.split("+", 1)[1] for f in facts.fonts))


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 1.0


class SelfTest:
    """The checks in order; each later one uses what the earlier ones made."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db: Database | None = None
        self.sop = None
        self.round = None

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("basis data", self.database),
            ("katalog", self.catalogue),
            ("diagram alir PNG", self.flowchart_png),
            ("PDF SOP", self.sop_pdf),
            ("putaran", self.complete_round),
            ("laporan putaran PDF", self.round_report),
        ]

    def database(self) -> str:
        from sqlalchemy import inspect

        from kecamatan_desktop.services.session import open_catalogue
        from kecamatan_desktop.store import migrate

        path = self.folder / "kecamatan.db"
        self.db = open_catalogue(path)
        with self.db.engine.connect() as conn:
            revision = migrate.current_revision(conn)
            tables = inspect(conn).get_table_names()
        head = migrate.head_revision()  # read from the shipped migration scripts
        if not self.db.created or revision != head:
            raise CheckFailed(f"skema {revision}, seharusnya {head}")
        return f"{path.name} dibuat, migrasi sampai {revision}, {len(tables)} tabel"

    def catalogue(self) -> str:
        import json

        from kecamatan_desktop.resource_paths import data_dir
        from kecamatan_desktop.services import catalogue

        offices = json.loads((data_dir() / "offices.json").read_text(encoding="utf-8"))
        shipped = sum(len(office["sops"]) for office in offices["offices"])
        with self.db.session() as session:
            listed = catalogue.list_sops(session=session)
            self.sop = catalogue.get_sop(SOP_ID, session=session).sop
        if len(listed) != shipped:
            raise CheckFailed(f"{len(listed)} SOP dimuat, yang dikirim {shipped}")
        return f"{len(listed)} SOP dari data bawaan; {SOP_ID}: {len(self.sop.steps)} langkah"

    def flowchart_png(self) -> str:
        from kecamatan_desktop.export.image import write_images

        paths = write_images(self.sop, self.folder / "diagram.png")
        width, height = png_size(paths[0])
        # an F4 sheet (215 × 330 mm) in landscape at 300 dpi
        want = (round(330 * PT_PER_MM * PNG_DPI / 72), round(215 * PT_PER_MM * PNG_DPI / 72))
        if abs(width - want[0]) > 2 or abs(height - want[1]) > 2:
            raise CheckFailed(f"gambar {width} × {height} piksel, seharusnya {want[0]} × "
                              f"{want[1]}")
        ink = self._ink(paths[0])
        if ink < 0.01:
            raise CheckFailed(f"gambar hampir kosong ({ink:.1%} bertinta)")
        return f"{len(paths)} halaman, {width} × {height} piksel, {ink:.0%} bertinta"

    @staticmethod
    def _ink(path: Path) -> float:
        """The share of sampled pixels that are not white: a blank page has none."""
        from PySide6.QtGui import QImage

        image = QImage(str(path))
        step = 7
        samples = dark = 0
        for y in range(0, image.height(), step):
            for x in range(0, image.width(), step):
                samples += 1
                dark += image.pixelColor(x, y).lightness() < 200
        return dark / max(samples, 1)

    def sop_pdf(self) -> str:
        from kecamatan_desktop.export.pdf_document import F4, write_sop_pdf
        from kecamatan_desktop.layout.sheet import lay_out_sheets
        from kecamatan_desktop.services import printing

        with self.db.session() as session:
            profile = printing.office_profile(self.sop.office.name, session=session)
        path = write_sop_pdf(self.sop, self.folder / "sop.pdf", profile=profile)
        sheets = len(lay_out_sheets(self.sop, F4).pages)
        f4 = (215 * PT_PER_MM, 330 * PT_PER_MM)
        facts = pdf_facts(path)
        if facts.pages != 2 + sheets:  # cover, identity sheet, the flowchart sheets
            raise CheckFailed(f"{facts.pages} halaman, seharusnya {2 + sheets}")
        portrait = sum(_close(w, f4[0]) and _close(h, f4[1]) for w, h in facts.page_sizes)
        landscape = sum(_close(w, f4[1]) and _close(h, f4[0]) for w, h in facts.page_sizes)
        if (portrait, landscape) != (2, sheets):
            raise CheckFailed(f"ukuran halaman bukan F4: {facts.page_sizes}")
        fonts = _check_fonts(facts, path.name)
        return f"{facts.pages} halaman F4 ({sheets} lembar diagram), huruf tertanam: {fonts}"

    def complete_round(self) -> str:
        with self.db.session() as session:
            self.round = run_round(session)
        if self.round.status != "done" or self.round.current_step is not None:
            raise CheckFailed(f"putaran berstatus {self.round.status}, bukan selesai")
        done = sum(s.handed_at is not None for s in self.round.steps)
        return (f"putaran {self.round.id} selesai: {done} langkah, {len(self.round.events)} "
                f"peristiwa, {self.round.total_working_minutes} menit kerja")

    def round_report(self) -> str:
        from kecamatan_desktop.export.pdf_rounds import write_round_report

        path = write_round_report(self.round, self.folder / "laporan.pdf")
        facts = pdf_facts(path)
        if facts.pages < 1:
            raise CheckFailed("laporan tanpa halaman")
        fonts = _check_fonts(facts, path.name)
        return f"{facts.pages} halaman, huruf tertanam: {fonts}"

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def run_round(session):
    """Fill the directory's lanes, start a round on the SOP last week and complete every step,
    Ya at each decision. The one place the self-test writes through the rounds service.
    """
    from kecamatan_desktop.domain.calendar import WIB
    from kecamatan_desktop.services import officers, rounds

    for name, nip, jabatan in STAFF:
        officers.add_officer(session=session, name=name, nip=nip, jabatan=jabatan,
                             office=OFFICE)
    today = datetime.now(WIB)
    monday = today.replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(
        days=today.weekday() + 7)  # last week's Monday, 08:00 WIB: within working hours
    at = monday
    detail = rounds.start_round(SOP_ID, session=session, title=ROUND_TITLE, at=at,
                                lanes={"Tim": STAFF[1][0]})
    for _ in range(10 * len(detail.sop.steps)):  # bounded: Ya always moves forward
        if detail.current_step is None:
            break
        step = detail.sop.steps[detail.current_step - 1]
        at += timedelta(minutes=30)
        detail = rounds.complete_step(detail.id, session=session, at=at,
                                      expected_version=detail.version,
                                      decision="ya" if step.decision else None)
    return detail


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check, print one line each and a summary; 0 when all passed, else 1."""
    import os

    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window, even on a desktop
    started = time.perf_counter()
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kecamatan-uji-") as folder:
        test = SelfTest(Path(folder))
        try:
            for name, check in test.checks():
                if failed:
                    print(f"{FAILED} {name}: {SKIPPED.format(name=failed[0])}", file=out)
                    failed.append(name)
                    continue
                try:
                    detail = check()
                except Exception as exc:  # noqa: BLE001 - a check names any failure, no traceback
                    failed.append(name)
                    reason = str(exc) if isinstance(exc, CheckFailed) else (
                        f"{type(exc).__name__}: {exc}")
                    print(f"{FAILED} {name}: {reason}", file=out)
                else:
                    print(f"{PASSED} {name}: {detail}", file=out)
                out.flush()
        finally:
            test.close()
    if failed:
        print(SUMMARY_FAILED.format(names=", ".join(failed)), file=out)
        return 1
    print(SUMMARY_OK.format(n=len(test.checks()),
                            seconds=time.perf_counter() - started), file=out)
    return 0
