"""Printing: time to write the Renstra PDF and the whole Poncokusumo SOP book, pages/second.

Run: `python benchmarks/pdf_bench.py [--repeat N]`. Prints figures only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from kecamatan_desktop.export.pdf_document import write_book_pdf, write_sop_pdf  # noqa: E402
from kecamatan_desktop.services import catalogue, printing  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402


def median_seconds(fn, repeat: int) -> float:
    """The median wall time of `repeat` calls of `fn`."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def bench_pdf(repeat: int) -> None:
    print("Printing (ReportLab, F4, Liberation Sans embedded)")
    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogue(Path(tmp) / "pdf.db")
        with db.session() as session:
            renstra = catalogue.get_sop("poncokusumo-2018-renstra", session=session).sop
            profile = printing.office_profile(renstra.office.name, session=session)
            book = printing.load_book("Kecamatan Poncokusumo", session=session)
        db.close()
        sop_path, book_path = Path(tmp) / "renstra.pdf", Path(tmp) / "buku.pdf"
        write_sop_pdf(renstra, sop_path, profile=profile)  # fonts registered, caches warm
        sop_s = median_seconds(lambda: write_sop_pdf(renstra, sop_path, profile=profile), repeat)
        book_s = median_seconds(lambda: write_book_pdf(book, book_path), max(1, repeat // 2))
        sop_pages = len(PdfReader(sop_path).pages)
        book_pages = len(PdfReader(book_path).pages)
    print(f"  {'Renstra (12 steps)':<34} {sop_pages:>3} pages {sop_s * 1000:8.0f} ms  "
          f"{sop_pages / sop_s:6.1f} pages/s")
    print(f"  {'Poncokusumo book (9 SOPs, decree)':<34} {book_pages:>3} pages {book_s * 1000:8.0f}"
          f" ms  {book_pages / book_s:6.1f} pages/s")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    bench_pdf(parser.parse_args(argv).repeat)


if __name__ == "__main__":
    main()
