"""Liberation Sans registered with ReportLab (embedded in every PDF), and its measure; DejaVu
Sans for the few signs Liberation Sans has no glyph for (the evaluation form's ✓)."""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kecamatan_desktop.resource_paths import font_path

REGULAR = "LiberationSans"
BOLD = "LiberationSans-Bold"
ITALIC = "LiberationSans-Italic"
BOLD_ITALIC = "LiberationSans-BoldItalic"
SIGNS = "DejaVuSans"
_FILES = {REGULAR: "LiberationSans-Regular.ttf", BOLD: "LiberationSans-Bold.ttf",
          ITALIC: "LiberationSans-Italic.ttf", BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
          SIGNS: "DejaVuSans.ttf"}


def register_fonts() -> None:
    """Register the faces once, Liberation Sans as one family so <b> and <i> work in
    Paragraphs. A registered face is embedded only where a PDF uses it."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_path(file))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)


def sign(text: str) -> str:
    """Paragraph markup drawing `text` (e.g. "✓") in the face that has its glyph."""
    return f'<font name="{SIGNS}">{text}</font>'


def measure(text: str, size: float, bold: bool = False) -> float:
    """The layout's Measure with ReportLab's metrics of the embedded font."""
    register_fonts()
    return pdfmetrics.stringWidth(text, BOLD if bold else REGULAR, size)
