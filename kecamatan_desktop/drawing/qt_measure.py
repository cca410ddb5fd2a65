"""Text widths in points from Qt's metrics of the bundled Liberation Sans, for the layout."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication

from kecamatan_desktop.resource_paths import resource

FALLBACK_FAMILY = "Liberation Sans"
# Text is measured, and drawn, at a 1000-pixel em scaled down to its size. A pixel size is
# independent of any device's DPI, hinting is negligible at that size, and Qt rounds a font's
# pixel size to a whole number (7.5 pt would be set as 8 px, 6 % too wide).
EM = 1000

_family: str | None = None


def ensure_fonts() -> str:
    """Register the bundled Liberation Sans faces once; returns the family name."""
    global _family
    if _family is None:
        if QGuiApplication.instance() is None:
            raise RuntimeError("Qt text metrics need a QGuiApplication")
        family = None
        for path in sorted(resource("fonts").glob("LiberationSans-*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0 and family is None:
                family = QFontDatabase.applicationFontFamilies(font_id)[0]
        _family = family or FALLBACK_FAMILY
    return _family


def base_font(bold: bool = False) -> QFont:
    """The face the flowchart is measured and drawn with, size not yet set.

    Kerning is off and hinting is not wanted, so a line is as wide as the sum of the
    glyphs' advance widths: the same width ReportLab gives the PDF, at every zoom.
    """
    font = QFont(ensure_fonts())
    font.setBold(bold)
    font.setKerning(False)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def em_font(bold: bool = False) -> QFont:
    """The face at `EM` pixels: draw with it under a painter scaled by size / EM."""
    font = base_font(bold)
    font.setPixelSize(EM)
    return font


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> QFontMetricsF:
    return QFontMetricsF(em_font(bold))


@lru_cache(maxsize=65536)
def _em_width(text: str, bold: bool) -> float:
    return _metrics(bold).horizontalAdvance(text)


def qt_measure(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` in points at `size` points: a layout `Measure`."""
    return _em_width(text, bold) * size / EM
