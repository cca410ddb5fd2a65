"""Builds the QApplication, loads the bundled font, opens the catalogue and shows the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from kecamatan_desktop.domain.errors import StoreError
from kecamatan_desktop.resource_paths import resource
from kecamatan_desktop.ui import strings

ORGANIZATION = "KecamatanDesktop"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(strings.APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(QIcon(str(resource("icons", "app.ico"))))
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


def save_screenshot(db_path: Path, target: Path) -> int:
    """Open the main window offscreen on the database, save a picture of it once the catalogue
    is shown, and close; the user's saved window layout is neither used nor changed."""
    import tempfile

    from PySide6.QtCore import QEventLoop, QTimer

    from kecamatan_desktop.services.session import open_catalogue
    from kecamatan_desktop.ui.main_window import MainWindow

    app = make_application([sys.argv[0] if sys.argv else strings.APP_NAME,
                            "-platform", "offscreen"])
    try:
        db = open_catalogue(db_path)
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        with tempfile.TemporaryDirectory() as folder:
            settings = QSettings(str(Path(folder) / "layar.ini"), QSettings.Format.IniFormat)
            window = MainWindow(db, settings)
            window.resize(1360, 860)
            window.show()
            # the first rows' heights and the sheet settle, in a loop of its own: ending the
            # application's loop left windows opened later in the process (tests, under
            # Windows) unable to commit their editors
            settle = QEventLoop()
            QTimer.singleShot(300, settle.quit)
            settle.exec()
            shown = window.proxy.rowCount()
            saved = shown > 0 and window.grab().save(str(target))
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        db.close()
    if not shown:
        print(strings.SCREENSHOT_EMPTY.format(path=db_path), file=sys.stderr)
        return 1
    if not saved:
        print(strings.SCREENSHOT_NOT_SAVED.format(path=target), file=sys.stderr)
        return 1
    print(target)
    return 0
