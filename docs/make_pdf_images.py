"""Renders printed pages for the README: the Renja PDF's identity sheet and flowchart sheet,
its flowchart page on F4 and on A4 (110 dpi), and the Keputusan Camat pages of two books
(Poncokusumo's as transcribed, Ngantang's from the template), turned into PNG with pdftoppm
(Debian's poppler-utils)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from kecamatan_desktop.domain.interchange import loads  # noqa: E402
from kecamatan_desktop.export.pdf_document import write_book_pdf, write_sop_pdf  # noqa: E402
from kecamatan_desktop.resource_paths import data_dir  # noqa: E402
from kecamatan_desktop.services.printing import load_book  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402

OUT = Path(__file__).resolve().parent


def _render(pdf: Path, page: int, name: str, dpi: int = 80) -> None:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", str(pdf), str(OUT / name)], check=True)


def decrees(tmp: Path) -> None:
    """Each book's decree pages: from the page with its title to the one before the contents."""
    db = open_catalogue(tmp / "katalog.db")
    try:
        for office, slug in (("Kecamatan Poncokusumo", "poncokusumo"),
                             ("Kecamatan Ngantang", "ngantang")):
            with db.session() as session:
                book = load_book(office, session=session)
            pdf = write_book_pdf(book, tmp / f"{slug}.pdf")
            texts = [p.extract_text() for p in PdfReader(pdf).pages]
            start = next(i for i, t in enumerate(texts) if "KEPUTUSAN CAMAT" in t)
            end = next(i for i, t in enumerate(texts) if "DAFTAR ISI" in t)
            for n, page in enumerate(range(start + 1, end + 1), 1):
                _render(pdf, page, f"pdf-decree-{slug}-{n}", dpi=60)
    finally:
        db.close()


def main() -> None:
    sop = loads((data_dir() / "sops" / "poncokusumo-2018-renja.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        pdf = write_sop_pdf(sop, Path(tmp) / "renja.pdf")
        for page, name in ((2, "pdf-identity-renja"), (3, "pdf-flowchart-renja")):
            _render(pdf, page, name)
        for paper in ("f4", "a4"):
            pdf = write_sop_pdf(sop, Path(tmp) / f"renja-{paper}.pdf", paper=paper)
            _render(pdf, 3, f"flowchart-renja-{paper}", dpi=110)
        decrees(Path(tmp))


if __name__ == "__main__":
    main()
