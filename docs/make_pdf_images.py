"""Renders printed pages for the README: the Renja PDF's identity sheet and flowchart sheet,
and its flowchart page on F4 and on A4 (110 dpi), turned into PNG with pdftoppm (Debian's
poppler-utils)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kecamatan_desktop.domain.interchange import loads  # noqa: E402
from kecamatan_desktop.export.pdf_document import write_sop_pdf  # noqa: E402
from kecamatan_desktop.resource_paths import data_dir  # noqa: E402

OUT = Path(__file__).resolve().parent


def main() -> None:
    sop = loads((data_dir() / "sops" / "poncokusumo-2018-renja.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        pdf = write_sop_pdf(sop, Path(tmp) / "renja.pdf")
        for page, name in ((2, "pdf-identity-renja"), (3, "pdf-flowchart-renja")):
            subprocess.run(["pdftoppm", "-r", "80", "-f", str(page), "-l", str(page), "-png",
                            "-singlefile", str(pdf), str(OUT / name)], check=True)
        for paper in ("f4", "a4"):
            pdf = write_sop_pdf(sop, Path(tmp) / f"renja-{paper}.pdf", paper=paper)
            subprocess.run(["pdftoppm", "-r", "110", "-f", "3", "-l", "3", "-png", "-singlefile",
                            str(pdf), str(OUT / f"flowchart-renja-{paper}")], check=True)


if __name__ == "__main__":
    main()
