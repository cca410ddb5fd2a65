"""The flowchart sheet on a paper: one page spec and one measure for the window, the images,
the PDF and Periksa gambar, so all four lay a procedure out alike, page for page."""

from __future__ import annotations

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.layout.font_metrics import font_measure
from kecamatan_desktop.layout.model import F4, PageSpec, SwimlaneLayout
from kecamatan_desktop.layout.swimlane import layout_sop

SHEET_FOOTER = 8  # pt under a flowchart's table (10 mm margin) kept for the page number


def sheet_spec(paper: tuple[float, float] = F4) -> PageSpec:
    """A landscape sheet of `paper` with room for the PDF's page number under the table."""
    return PageSpec.landscape(paper, footer=SHEET_FOOTER)


def lay_out_sheets(sop: Sop, paper: tuple[float, float] = F4) -> SwimlaneLayout:
    """The flowchart of `sop` on sheets of `paper`, measured with the embedded font's own
    widths (layout/font_metrics.py): what the window shows, the images hold and the PDF
    prints. Raises LayoutError (Indonesian) when it cannot be laid out."""
    return layout_sop(sop, sheet_spec(paper), font_measure)
