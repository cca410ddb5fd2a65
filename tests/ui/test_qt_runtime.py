"""The installed PySide6 keeps None's reference count: 6.12.0 on Python 3.11 does not, and
the window then aborts after a few thousand paint calls (hence the pin in pyproject.toml)."""

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_drop_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("x")
    assert before - sys.getrefcount(None) < 100


def test_layout_baseline_constants_are_the_bundled_fonts_metrics(qtbot):
    from PySide6.QtGui import QFontMetricsF

    from kecamatan_desktop.drawing.qt_measure import EM, em_font
    from kecamatan_desktop.layout.model import ASCENT, DESCENT

    for bold in (False, True):
        metrics = QFontMetricsF(em_font(bold))
        assert abs(metrics.ascent() / EM - ASCENT) < 0.01
        assert abs(metrics.descent() / EM - DESCENT) < 0.01
