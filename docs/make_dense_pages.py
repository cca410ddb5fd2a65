"""Renders the flowchart sheets of the densest procedure among the sample books (the most
lines between steps: flow arrows, decisions and steps in several lanes, as `import-book`
reads them from ../shared/samples/import) as the PDF prints them on F4 and on A4:
docs/padat-f4-N.png and docs/padat-a4-N.png, one PNG per sheet, rendered by pdfium. Prints
which SOP it is and what the drawing checker finds on each paper. Run as

    python docs/make_dense_pages.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = Path(__file__).resolve().parent
SAMPLES = ROOT.parent / "shared" / "samples" / "import"
DPI = 100
sys.path.insert(0, str(ROOT))


def imported_sops():
    from kecamatan_desktop.bookimport.reading import SopRefused, read_book, to_interchange
    from kecamatan_desktop.domain.interchange import sop_from_dict

    for path in sorted(SAMPLES.rglob("*")):
        if path.suffix.lower() not in (".pdf", ".xlsx"):
            continue
        for book_sop in read_book(path):
            try:
                doc, _ = to_interchange(book_sop, office=None)
            except SopRefused:
                continue
            yield path, sop_from_dict(doc)


def density(sop) -> tuple[int, int]:
    """Lines to draw (flow edges and the joins of steps in several lanes), then steps."""
    from kecamatan_desktop.layout.swimlane import flow_edges

    joins = sum(len(step.roles) - 1 for step in sop.steps)
    return len(flow_edges(sop)) + joins, len(sop.steps)


def main() -> None:
    import pypdfium2 as pdfium

    from kecamatan_desktop.export.pdf_document import write_sop_pdf
    from kecamatan_desktop.layout.model import A4, F4
    from kecamatan_desktop.layout.route_checks import drawing_faults
    from kecamatan_desktop.layout.sheet import lay_out_sheets

    path, sop = max(imported_sops(), key=lambda found: density(found[1]))
    lines, steps = density(sop)
    print(f"{sop.name} ({path.name}): {steps} langkah, {len(sop.roles)} lajur, {lines} garis")
    for name, paper in (("f4", F4), ("a4", A4)):
        layout = lay_out_sheets(sop, paper)
        print(f"  {name.upper()}: {len(layout.pages)} halaman, "
              f"{len(drawing_faults(layout))} kesalahan gambar")
        for old in DOCS.glob(f"padat-{name}-*.png"):
            old.unlink()
        with tempfile.TemporaryDirectory() as tmp:
            pdf = pdfium.PdfDocument(str(write_sop_pdf(sop, Path(tmp) / "sop.pdf",
                                                       paper=name)))
            try:
                sheets = [i for i in range(len(pdf)) if pdf[i].get_width() > pdf[i].get_height()]
                for n, index in enumerate(sheets, start=1):
                    image = pdf[index].render(scale=DPI / 72).to_pil()
                    image.save(DOCS / f"padat-{name}-{n}.png", optimize=True)
            finally:
                pdf.close()


if __name__ == "__main__":
    main()
