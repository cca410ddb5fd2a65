"""Builds the QApplication, loads the bundled font, opens the catalogue and shows the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from kecamatan_desktop.domain.errors import StoreError
from kecamatan_desktop.paths import DbLocation
from kecamatan_desktop.resource_paths import resource
from kecamatan_desktop.services.identity import PASSWORD_ENV
from kecamatan_desktop.ui import qt_indonesian, strings

ORGANIZATION = "KecamatanDesktop"
INDONESIA = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    speak_indonesian(app)
    app.setApplicationName(strings.APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(QIcon(str(resource("icons", "app.ico"))))
    load_fonts()
    return app


def speak_indonesian(app: QApplication) -> None:
    """Qt's own buttons, menus and dialogs in Indonesian, and Indonesian day and month names;
    before any widget is built. Once per application (the translator is the app's child)."""
    QLocale.setDefault(INDONESIA)
    if app.findChild(qt_indonesian.QtIndonesian) is None:
        qt_indonesian.install(app)


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


def saved_database(settings: QSettings | None = None) -> DbLocation | None:
    """The database chosen in Berkas → Basis data…, a server's with its password from the
    keyring; None when none was chosen."""
    from kecamatan_desktop.services.database_choice import SETTING, saved_location

    value = (settings or default_settings()).value(SETTING)
    return saved_location(str(value) if value else None)


def release_own_console() -> bool:
    """kecamatan-desktop.exe is a console program (the command line needs one). Started for
    the window from a taskbar pin or by a double-click, Windows gives it a console of its
    own; that empty black window would stay beside the program's, and closing it would end
    the program. A console only this process uses is let go (True); one shared with cmd.exe
    or PowerShell is kept, as is every console outside Windows."""
    if sys.platform != "win32":
        return False
    import ctypes

    kernel32 = ctypes.windll.kernel32
    attached = (ctypes.c_uint32 * 2)()
    if kernel32.GetConsoleProcessList(attached, 2) != 1:
        return False
    released = bool(kernel32.FreeConsole())
    if released:  # their handles died with the console: what is printed goes nowhere
        sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    return released


def run_gui(db_path: Path, *, read_only: bool = False, settings: QSettings | None = None,
            on_shown=None, end_process: bool = True, welcome: bool = True,
            user: str | None = None) -> int:
    """The window on the database at `db_path`, until it closes; the exit code.

    The catalogue is read with plain SQLite and shown at once; the database is opened (and
    the rest of the program imported) in a thread meanwhile, and the window completed when
    it is ready. A database the quick read cannot take (first start, older schema, damaged)
    is opened first, with its ways out, as before. `on_shown(window, complete)` is called
    when the window is first on screen and when it is complete (the start-up benchmark).
    With `welcome`, the very first start greets the user once the window is complete.
    The window signs in first (ui/sign_in.py): `user` (a NIP) with KECAMATAN_PASSWORD
    without its dialog, as `--user` does on the command line; else the dialog, and on a
    database with no account yet at a first start (`welcome`), the first administrator's.

    A window closed to open another database (`MainWindow.switch_database`) is followed by a
    window on that one, in the same process; should that one not open after all, by a
    window on the database before it again.

    With `end_process`, the process ends as soon as the window has closed and everything is
    saved, closed and logged: tearing down thousands of Qt and Python objects one by one
    would keep a closed program in memory for a quarter of a second more.
    """
    release_own_console()
    app = make_application()
    settings = settings or default_settings()
    previous = None
    while True:
        code, window = _one_window(app, db_path, read_only=read_only, settings=settings,
                                   on_shown=on_shown, welcome=welcome, user=user)
        if window is not None:
            window.deleteLater()  # its timers stop with it; a next window's loop deletes it
        # none made (refused), or made but never complete; code 0 without a window: it is
        # open in another window of this PC, which came forward instead
        refused = code != 0 and (window is None or window.db is None)
        if refused and previous is not None:  # Berkas → Basis data…: did not open after all
            log.warning("the chosen database did not open; back to the one before")
            db_path, previous, welcome = previous, None, False
            continue
        if window is None or window.switch_to is None:
            break
        log.info("window reopened on another database")  # Berkas → Basis data… → Buka sekarang
        previous, db_path, welcome = db_path, window.switch_to, False
    if end_process:
        _end_process(code)
    return code


def _one_window(app, db_path: DbLocation, *, read_only: bool, settings: QSettings, on_shown,
                welcome: bool, user: str | None = None):
    """run_gui's window on `db_path` until it closes: (exit code, the window or None when
    none was made: the database refused, or already open in another window of this PC)."""
    from PySide6.QtCore import QTimer

    from kecamatan_desktop.services.listing import quick_listing
    from kecamatan_desktop.ui.crash import CrashReporter
    from kecamatan_desktop.ui.db_open import BackgroundOpen, DatabaseOpener
    from kecamatan_desktop.ui.main_window import MainWindow
    from kecamatan_desktop.ui.single_instance import InstanceServer, bring_forward, wake_running

    if wake_running(db_path):  # already open on this PC: that window comes forward instead
        return 0, None
    reporter = CrashReporter(app)
    reporter.install()
    listing = None if read_only else quick_listing(db_path)
    db = None
    if listing is None:
        db = DatabaseOpener(db_path).open(read_only=read_only)
        if db is None:
            reporter.uninstall()
            return 1, None
    window = MainWindow(db, settings, path=db_path, listing=listing)  # window.db once open
    reporter.window = window
    server: InstanceServer | None = None

    def listen(path: Path) -> None:
        """Answer later starts on the file really opened (the opener may switch files)."""
        nonlocal server
        if server is not None:
            server.close()
        server = InstanceServer(path, app)
        server.woken.connect(lambda: bring_forward(window))

    listen(db.path if db is not None else db_path)

    def sign_in() -> None:
        password = os.environ.get(PASSWORD_ENV) if user is not None else None
        window.signing.at_start(user=user, password=password, first_start=welcome)

    def complete(result) -> None:
        opened = result
        if isinstance(result, StoreError):  # the ways out, on the GUI thread
            opened = DatabaseOpener(db_path, window).open(read_only=read_only)
            if opened is None:
                window.close()
                app.exit(1)
                return
        if opened.path != db_path:
            listen(opened.path)
        window.attach(opened)
        QTimer.singleShot(0, sign_in)
        QTimer.singleShot(0, window.autosave.offer)  # edits a crash left behind
        if on_shown is not None:
            QTimer.singleShot(0, lambda: on_shown(window, True))
        if welcome:
            QTimer.singleShot(0, window.maybe_welcome)

    opening = None
    if db is None:
        opening = BackgroundOpen(db_path, parent=window)
        opening.done.connect(complete)
        window.first_painted.connect(opening.start)  # the thread's imports would slow it
    if on_shown is not None:
        window.first_painted.connect(lambda: on_shown(window, window.db is not None))
    if db is not None:
        window.first_painted.connect(sign_in)
        window.first_painted.connect(window.autosave.offer)  # edits a crash left behind
    if welcome and db is not None:  # complete from the start (the first start is so)
        window.first_painted.connect(window.maybe_welcome)
    window.show()
    try:
        code = app.exec()
    finally:
        reporter.uninstall()
        server.close()
        if window.db is None and opening is not None:  # closed before it was complete
            opening.wait()
            if hasattr(opening.result, "close"):
                opening.result.close()
        if window.db is not None:
            window.db.close()
    return code, window


def _end_process(code: int) -> None:
    import contextlib

    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()  # a task still writing finishes first
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # a windowed Python has no streams
            continue
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to tell
            stream.flush()
    os._exit(code)


def save_screenshot(db_path: Path, target: Path, user: str | None = None) -> int:
    """Open the main window offscreen on the database, save a picture of it once the catalogue
    is shown, and close; the user's saved window layout is neither used nor changed. `user`
    (a NIP, with KECAMATAN_PASSWORD) is signed in first, as `--user` signs the window in."""
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
            refused: list[str] = []
            if user is not None:
                window.signing.tell = refused.append  # one line on stderr, not a message box
                window.signing.at_start(user=user, password=os.environ.get(PASSWORD_ENV, ""))
            if refused:
                print(refused[0], file=sys.stderr)
                return 2  # bad input: a wrong password, a locked or deactivated user
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
