"""Builds the QApplication, loads the bundled font, opens the catalogue and shows the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kecamatan_desktop.resource_paths import resource
from kecamatan_desktop.ui import strings

ORGANIZATION = "KecamatanDesktop"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(strings.APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    load_fonts()
    return app


def load_fonts() -> str | None:
    """Register the bundled Liberation Sans and make it the application font."""
    family = None
    for path in sorted(resource("fonts").glob("LiberationSans-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0 and family is None:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        QApplication.setFont(QFont(family, 10))
    return family


def default_settings() -> QSettings:
    return QSettings(ORGANIZATION, strings.APP_NAME)


def run_gui(db_path: Path, *, read_only: bool = False) -> int:
    from kecamatan_desktop.ui.crash import CrashReporter
    from kecamatan_desktop.ui.db_open import DatabaseOpener
    from kecamatan_desktop.ui.main_window import MainWindow
    from kecamatan_desktop.ui.single_instance import InstanceServer, bring_forward, wake_running

    app = make_application()
    if wake_running(db_path):  # already open on this PC: that window comes forward instead
        return 0
    reporter = CrashReporter(app)
    reporter.install()
    db = DatabaseOpener(db_path).open(read_only=read_only)
    if db is None:
        return 1
    window = MainWindow(db, default_settings())
    reporter.window = window
    # keyed on the file really opened: the opener may have switched to another one
    instance = InstanceServer(db.path, app)
    instance.woken.connect(lambda: bring_forward(window))
    window.show()
    try:
        return app.exec()
    finally:
        reporter.uninstall()
        db.close()
