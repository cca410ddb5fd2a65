"""The flowchart sheet on a paper: one page spec for the window, the images and the PDF, so
all three paginate alike."""

from __future__ import annotations

from kecamatan_desktop.layout.model import F4, PageSpec

SHEET_FOOTER = 8  # pt under a flowchart's table (10 mm margin) kept for the page number


def sheet_spec(paper: tuple[float, float] = F4) -> PageSpec:
    """A landscape sheet of `paper` with room for the PDF's page number under the table."""
    return PageSpec.landscape(paper, footer=SHEET_FOOTER)
