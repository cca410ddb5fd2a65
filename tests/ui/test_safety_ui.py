"""The window's safety: Cadangkan…/Pulihkan…, the start-up dialog for a database that will
not open, the dialog for an unexpected error, and Tentang."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kecamatan_desktop import __version__, logs
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.store import backup
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.backup_actions import RestoreDialog
from kecamatan_desktop.ui.crash import CrashReporter
from kecamatan_desktop.ui.db_open import DatabaseOpener, WayOut
from kecamatan_desktop.ui.main_window import MainWindow
from tests.ui.test_main_window import Dialogs, visible_ids


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialogs():
    return Dialogs()


def make_window(qtbot, db, settings, dialogs) -> MainWindow:
    w = MainWindow(db, settings)
    dialogs.install(w)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, catalogue_db, settings, dialogs):
    return make_window(qtbot, catalogue_db, settings, dialogs)


def test_cadangkan_writes_a_whole_copy_where_the_user_chose(qtbot, window, dialogs, tmp_path):
    suggested = []
    target = tmp_path / "flashdisk.db"

    def ask(path):
        suggested.append(path)
        return target

    window.backups.ask_backup_path = ask
    window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: window.backups.task.done, timeout=30000)
    assert suggested[0].parent == window.db.path.parent / "backups"
    assert suggested[0].name.endswith("-manual.db")
    con = sqlite3.connect(target)
    assert con.execute("SELECT count(*) FROM sop").fetchone()[0] == 21
    con.close()
    assert dialogs.infos == [strings.BACKUP_DONE.format(path=target)]


def test_the_restore_dialog_lists_backups_newest_first_with_their_dates(qtbot, catalogue_db):
    day = datetime(2026, 3, 2, 7, 45)
    for n, kind in enumerate((backup.DAILY, backup.BEFORE_MIGRATION, backup.DAILY)):
        backup.make_backup(catalogue_db.path, kind, now=day + timedelta(days=n))
    items = backup.list_backups(catalogue_db.path)
    dialog = RestoreDialog(items, backup.backups_dir(catalogue_db.path))
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert [r[:2] for r in rows] == [
        ["04-03-2026 07.45.00", "harian (saat program dibuka)"],
        ["03-03-2026 07.45.00", "sebelum pembaruan skema"],
        ["02-03-2026 07.45.00", "harian (saat program dibuka)"],
    ]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen == items[0].path  # the newest is chosen unless another row is


def test_pulihkan_brings_the_backup_back_into_the_open_window(window, dialogs, finish):
    saved = backup.make_backup(window.db.path, backup.MANUAL)
    window.select_sop("poncokusumo-2018-renja")
    window.confirm_delete = lambda name, sop_id: True
    window.action_delete.trigger()
    assert "poncokusumo-2018-renja" not in visible_ids(window)
    window.backups.choose_backup = lambda items: items[0].path if items else None
    asked = []
    window.backups.confirm_restore = lambda source, when: asked.append(when) or True
    window.backups.restore_action.trigger()
    assert not window.hub.poll.isActive()  # the file is replaced under it: no polling
    finish(window.backups.task)  # restored in a worker
    assert dialogs.errors == [] and window.hub.poll.isActive()
    assert "poncokusumo-2018-renja" in visible_ids(window)
    assert len(visible_ids(window)) == 21
    # two backups in one second: their order is the name's, so find it by its kind
    [previous] = [b for b in backup.list_backups(window.db.path)
                  if b.kind == backup.BEFORE_RESTORE]
    assert asked == [f"{saved.made_at:%d-%m-%Y %H.%M.%S}"]
    assert str(previous.path) in dialogs.infos[-1]


def test_pulihkan_names_a_trigger_the_backup_carried_and_leaves_it_behind(window, dialogs,
                                                                           finish):
    saved = backup.make_backup(window.db.path, backup.MANUAL)
    con = sqlite3.connect(saved.path)
    con.executescript("CREATE TRIGGER ganti AFTER INSERT ON round_event BEGIN "
                      "UPDATE officer SET name = 'DIGANTI'; END;")
    con.close()
    window.backups.choose_backup = lambda items: saved.path
    window.backups.confirm_restore = lambda source, when: True
    window.backups.restore_action.trigger()
    finish(window.backups.task)
    assert dialogs.errors == []
    assert dialogs.infos[-1].endswith(
        "\nCadangan membawa pemicu 'ganti' yang tidak dikenal; tidak ikut dipulihkan.")
    con = sqlite3.connect(window.db.path)
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ganti'").fetchone() == (0,)
    con.close()
    assert len(visible_ids(window)) == 21


def test_pulihkan_refuses_a_file_that_is_not_ours_and_keeps_the_window_working(
        window, dialogs, tmp_path, finish):
    other = tmp_path / "bukan.db"
    other.write_bytes(b"bukan basis data" * 100)
    window.backups.choose_backup = lambda items: other
    window.backups.confirm_restore = lambda source, when: True
    window.backups.restore_action.trigger()
    finish(window.backups.task)
    assert "bukan basis data Kecamatan Desktop" in dialogs.errors[0]
    window.reload()
    assert len(visible_ids(window)) == 21


class Answers:
    """Stands in for the start-up dialog: records what it was shown, answers in turn."""

    def __init__(self, opener: DatabaseOpener, *answers: WayOut, other=None) -> None:
        self.shown = []
        self.answers = list(answers)
        opener.ask_way_out = self.ask
        opener.ask_other_file = lambda: other
        opener.show_error = lambda text: self.shown.append(("error", text))

    def ask(self, message, ways):
        self.shown.append((message, ways))
        return self.answers.pop(0)


def test_a_lost_database_is_restored_from_the_latest_backup_at_start(db_path):
    open_catalogue(db_path).close()
    latest = backup.daily_backup(db_path)
    db_path.unlink()
    opener = DatabaseOpener(db_path)
    answers = Answers(opener, WayOut.RESTORE)
    db = opener.open()
    message, ways = answers.shown[0]
    assert "tidak ada, padahal ada cadangannya" in message
    assert ways.latest_backup.path == latest.path and not ways.read_only
    with sqlite3.connect(db.path) as con:
        assert con.execute("SELECT count(*) FROM sop").fetchone()[0] == 21
    db.close()


def test_quitting_at_the_dialog_leaves_nothing_behind(tmp_path):
    path = tmp_path / "salah ketik" / "kecamatan.db"
    opener = DatabaseOpener(path)
    answers = Answers(opener, WayOut.QUIT)
    assert opener.open() is None
    message, ways = answers.shown[0]
    assert "tidak ada" in message and ways.latest_backup is None
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_server_at_start_offers_to_try_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    opener = DatabaseOpener("postgresql+psycopg://kantor:rahasia@127.0.0.1:1/kecamatan")
    answers = Answers(opener, WayOut.RETRY, WayOut.QUIT)
    assert opener.open() is None
    assert len(answers.shown) == 2  # asked again after the retry failed too
    message, ways = answers.shown[0]
    assert "127.0.0.1:1" in message and "kecamatan" in message and "rahasia" not in message
    assert ways.retry and not ways.read_only and ways.latest_backup is None
    assert list(tmp_path.iterdir()) == []


def test_choosing_another_file_opens_that_one(tmp_path):
    broken = tmp_path / "rusak.db"
    broken.write_bytes(b"x" * 5000)
    good = tmp_path / "baik.db"
    open_catalogue(good).close()
    opener = DatabaseOpener(broken)
    Answers(opener, WayOut.CHOOSE_OTHER, other=good)
    db = opener.open()
    assert db.path == good and opener.path == good
    db.close()
    assert broken.read_bytes() == b"x" * 5000


def test_a_read_only_database_opens_to_print_in_a_read_only_window(
        qtbot, db_path, settings, dialogs):
    open_catalogue(db_path).close()
    db_path.chmod(stat.S_IRUSR)
    try:
        opener = DatabaseOpener(db_path)
        answers = Answers(opener, WayOut.READ_ONLY)
        db = opener.open()
        assert answers.shown[0][1].read_only
        w = make_window(qtbot, db, settings, dialogs)
        assert len(visible_ids(w)) == 21
        mark = w.findChild(QLabel, "readOnlyMark")
        assert mark is not None and mark.text() == strings.READ_ONLY_MARK
        assert not w.backups.restore_action.isEnabled()
        w.select_sop("poncokusumo-2018-renja")
        w.confirm_archive_instead = lambda *a: True
        w.action_archive.trigger()
        assert any("hanya untuk dibaca dan dicetak" in e for e in dialogs.errors)
        w.close()
        db.close()
    finally:
        db_path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_is_told_once_logged_and_the_window_goes_on(
        qtbot, qapp, window, db_path):
    log_file = logs.setup_logging(db_path)
    reporter = CrashReporter(qapp, window)
    told = []
    reporter.show_crash = told.append
    reporter.install()
    try:
        button = QPushButton("Hitung ulang", window)
        clicks = []

        def slot():
            clicks.append(1)
            raise ZeroDivisionError("pembagian dengan nol di kode program")

        button.clicked.connect(slot)
        button.show()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(told) == 1)
        assert "menjalankan «Hitung ulang»" in told[0] and str(log_file) in told[0]
        text = log_file.read_text(encoding="utf-8")
        assert "Traceback" in text and "pembagian dengan nol di kode program" in text
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the program went on
        qtbot.waitUntil(lambda: len(told) == 2)
        assert clicks == [1, 1] and window.isVisible()
    finally:
        reporter.uninstall()


def test_tentang_names_version_database_and_log(window, db_path):
    log_file = logs.setup_logging(db_path)
    text = window.about_text()
    assert __version__ in text and str(db_path) in text and str(log_file) in text
