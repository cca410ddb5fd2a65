"""Berkas → Basis data…: a file or a PostgreSQL server, tried off the GUI thread; Pakai only
after a successful try of exactly the values shown; the password in the keyring, never in
the settings; the next start opens what was chosen."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction
from sqlalchemy.engine import make_url

from kecamatan_desktop import cli
from kecamatan_desktop.app import default_settings, saved_database
from kecamatan_desktop.paths import ServerDatabase, default_db_path, resolve_db_path
from kecamatan_desktop.services import database_choice
from kecamatan_desktop.ui.database_dialog import DatabaseDialog
from kecamatan_desktop.ui.main_window import MainWindow
from tests.conftest import use_data_folder


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot, settings):
    d = DatabaseDialog(settings)
    qtbot.addWidget(d)
    d.infos, d.errors = [], []
    d.show_info = lambda title, text: d.infos.append(text)
    d.show_error = lambda title, text: d.errors.append(text)
    d.show()
    return d


def run_test(qtbot, d: DatabaseDialog) -> None:
    qtbot.mouseClick(d.test_button, Qt.MouseButton.LeftButton)
    assert d.task is not None
    qtbot.waitUntil(lambda: d.task.done, timeout=30000)


def fill_server(qtbot, d: DatabaseDialog, *, host: str, port: int, database: str, user: str,
                password: str) -> None:
    d.server_choice.setChecked(True)
    for edit, text in ((d.host_edit, host), (d.database_edit, database), (d.user_edit, user),
                       (d.password_edit, password)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    d.port_spin.setValue(port)


@pytest.fixture
def server_fields(pg_server, monkeypatch):
    """A fresh database of KECAMATAN_TEST_PG's server, as a user types it into the dialog."""
    monkeypatch.delenv("PGPASSWORD")  # only the password typed in (or kept) may connect
    where = pg_server.fresh_database()
    url = make_url(pg_server.url)
    yield {"host": url.host, "port": url.port or 5432, "database": where.database,
           "user": url.username, "password": url.password or ""}
    pg_server.drop(where)


def test_a_server_is_kept_after_a_good_test_its_password_in_the_keyring(
        qtbot, dialog, settings, ring, server_fields, tmp_path):
    fill_server(qtbot, dialog, **server_fields)
    assert not dialog.use_button.isEnabled()  # not tested yet
    run_test(qtbot, dialog)
    assert "Tersambung" in dialog.result_label.text(), dialog.result_label.text()
    assert dialog.use_button.isEnabled()
    # another value is not what was tested
    qtbot.keyClicks(dialog.database_edit, "x")
    assert not dialog.use_button.isEnabled()
    qtbot.keyClick(dialog.database_edit, Qt.Key.Key_Backspace)
    assert dialog.use_button.isEnabled()

    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    assert "mulai dibuka lagi" in dialog.infos[0]
    password = server_fields["password"]
    assert password not in dialog.infos[0]
    kept = settings.value(database_choice.SETTING)
    assert kept.startswith("postgresql+psycopg://")
    assert ServerDatabase(kept).database == server_fields["database"]
    settings.sync()
    assert password not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    account = (f"{server_fields['user']}@{server_fields['host']}:{server_fields['port']}/"
               f"{server_fields['database']}")
    assert ring.passwords == {("Kecamatan Desktop", account): password}

    # the next start: no --db, no KECAMATAN_DB: the kept server with the kept password
    chosen = resolve_db_path(None, saved=lambda: saved_database(settings))
    assert isinstance(chosen, ServerDatabase)
    assert make_url(chosen.url).password == password
    assert "Tersambung" in database_choice.check_server(chosen)
    # --db and KECAMATAN_DB still come first
    assert resolve_db_path("lain.db", saved=lambda: saved_database(settings)).name == "lain.db"


def test_a_wrong_password_is_told_in_indonesian_and_nothing_is_kept(
        qtbot, dialog, settings, ring, server_fields):
    fill_server(qtbot, dialog, **{**server_fields, "password": "salah-sandi-123"})
    run_test(qtbot, dialog)
    told = dialog.result_label.text()
    assert "ditolak" in told and server_fields["database"] in told
    assert "salah-sandi-123" not in told and "FATAL" not in told and "password" not in told
    assert not dialog.use_button.isEnabled()
    assert not dialog.use()
    assert settings.value(database_choice.SETTING) is None and ring.passwords == {}


def test_without_a_keyring_the_password_is_not_kept_and_nor_is_the_choice(
        qtbot, dialog, settings, no_ring, server_fields):
    fill_server(qtbot, dialog, **server_fields)
    run_test(qtbot, dialog)
    assert dialog.use_button.isEnabled()
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert "keyring" in dialog.errors[0] and "KECAMATAN_DB" in dialog.errors[0]
    assert settings.value(database_choice.SETTING) is None
    assert dialog.isVisible()  # the user can still cancel, or choose a file


def test_a_file_on_this_pc_needs_no_server_and_no_keyring(qtbot, dialog, settings, no_ring,
                                                          tmp_path):
    target = tmp_path / "kantor.db"
    dialog.ask_file = lambda: target
    qtbot.mouseClick(dialog.findChild(type(dialog.test_button), "dbPick"),
                     Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text() == str(target)
    run_test(qtbot, dialog)
    assert "belum ada" in dialog.result_label.text()
    assert not target.exists()  # the test makes nothing
    assert dialog.use_button.isEnabled()
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert settings.value(database_choice.SETTING) == str(target)
    assert resolve_db_path(None, saved=lambda: saved_database(settings)) == target
    again = DatabaseDialog(settings)  # opened again, it shows what was kept
    qtbot.addWidget(again)
    assert again.file_choice.isChecked() and again.path_edit.text() == str(target)


def test_a_file_in_a_missing_folder_is_refused(qtbot, dialog, tmp_path):
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "tidak-ada" / "kantor.db"))
    run_test(qtbot, dialog)
    assert "tidak ada" in dialog.result_label.text()
    assert not dialog.use_button.isEnabled()


def test_missing_server_fields_are_told_before_anything_is_tried(qtbot, dialog):
    dialog.server_choice.setChecked(True)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.task is None
    assert "server" in dialog.result_label.text() and not dialog.use_button.isEnabled()


def test_closing_during_a_test_stops_it_and_keeps_nothing(qtbot, dialog, settings):
    # a "server" that takes the connection and never answers, as one behind a bad network
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    held = []

    def answer_never() -> None:
        conn, _ = listener.accept()
        held.append(conn)

    threading.Thread(target=answer_never, daemon=True).start()
    fill_server(qtbot, dialog, host="127.0.0.1", port=port, database="kantor", user="camat",
                password="rahasia")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.busy.isVisible() and not dialog.test_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()  # at once, not after the connection's time-out
    qtbot.waitUntil(lambda: bool(held), timeout=5000)
    held[0].close()  # the connection ends; the stopped test is told as stopped
    listener.close()
    qtbot.waitUntil(lambda: dialog.task.done, timeout=30000)
    assert dialog.tested is None and dialog.result_label.text() == "Uji sambungan dihentikan."
    assert settings.value(database_choice.SETTING) is None


def test_the_file_menu_opens_it_on_the_database_in_use(qtbot, catalogue_db, settings):
    window = MainWindow(catalogue_db, settings)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(QAction, "chooseDatabase")
    assert action in window.file_menu.actions() and action.text() == "Basis data…"
    action.trigger()
    shown = window.database_dialog
    qtbot.waitExposed(shown)
    assert shown.file_choice.isChecked() and shown.path_edit.text() == str(catalogue_db.path)
    assert not shown.use_button.isEnabled()
    shown.reject()
    assert window.db is catalogue_db  # nothing chosen: the database in use stays open


SWITCH = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from kecamatan_desktop.app import run_gui

    first, second, ini = map(Path, sys.argv[1:4])
    broken = sys.argv[4] == "rusak"  # the chosen file is spoilt between its test and Pakai
    seen = []

    from kecamatan_desktop.ui.db_open import DatabaseOpener, WayOut
    DatabaseOpener.ask_way_out = lambda self, message, ways: (
        seen.append({"refused": message}) or WayOut.QUIT)

    def shown(window, complete):
        if not complete:
            return
        seen.append({"db": str(window.db.path), "rows": window.list_model.rowCount()})
        if len(seen) > 1:
            print(json.dumps(seen), flush=True)
            window.close()
            return
        # the user: Berkas -> Basis data..., another file, Uji sambungan, Pakai, Buka sekarang
        window.findChild(QAction, "chooseDatabase").trigger()
        dialog = window.database_dialog
        dialog.ask_open_now = lambda where: seen.append({"asked": str(where)}) or True
        dialog.show_info = dialog.show_error = lambda title, text: seen.append({"told": text})
        dialog.path_edit.setText(str(second))
        dialog.test_button.click()

        def when_tested():
            if dialog.task is None or not dialog.task.done:
                QTimer.singleShot(50, when_tested)
            else:
                if broken:
                    second.write_bytes(b"bukan basis data" * 300)
                dialog.use_button.click()
        when_tested()

    from PySide6.QtGui import QAction
    run_gui(first, settings=QSettings(str(ini), QSettings.Format.IniFormat), on_shown=shown,
            welcome=False)
    print("not reached: the process ends with the last window", flush=True)
""")


def switch_in_a_program(first: Path, second: Path, ini: Path, how: str) -> list[dict]:
    """Run SWITCH in a program of its own on the catalogue `first`; what it saw."""
    from kecamatan_desktop.services.session import open_catalogue

    open_catalogue(first).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run([sys.executable, "-c", SWITCH, str(first), str(second), str(ini),
                           how], env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1  # the seen windows, once: the process then ended
    return json.loads(done.stdout.splitlines()[0])


def test_a_choice_can_be_opened_at_once_in_place_of_the_window(db_path, tmp_path):
    """Pakai → Buka sekarang: the window closes and one on the chosen database follows, in
    the same process; the choice is kept for later starts too."""
    second, ini = tmp_path / "kantor-baru.db", tmp_path / "layar.ini"
    first_window, asked, second_window = switch_in_a_program(db_path, second, ini, "baik")
    assert first_window["db"] == str(db_path) and first_window["rows"] >= 21
    assert asked == {"asked": str(second)}
    assert second_window["db"] == str(second) and second_window["rows"] >= 21  # made, seeded
    assert second.is_file()
    kept = QSettings(str(ini), QSettings.Format.IniFormat)
    assert kept.value(database_choice.SETTING) == str(second)


@pytest.fixture
def user_settings(tmp_path):
    """The program's own settings (app.default_settings) in a folder of the test's."""
    if sys.platform == "win32":
        pytest.skip("Windows keeps the program's settings in the registry")
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    before = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setPath(native, user, str(tmp_path / "config"))
    yield default_settings()
    QSettings.setPath(native, user, before)


def test_the_window_starts_on_the_kept_choice_and_the_commands_do_not(
        qtbot, user_settings, tmp_path, capsys, monkeypatch):
    use_data_folder(monkeypatch, tmp_path / "data")  # the default's own folder
    chosen = tmp_path / "pilihan.db"
    user_settings.setValue(database_choice.SETTING, str(chosen))
    user_settings.sync()
    assert cli.main(["list"]) == 0  # a command: the default database, as scripts expect
    assert not chosen.exists() and default_db_path().is_file()
    assert cli.main(["--screenshot", str(tmp_path / "layar.png")]) == 0  # the window
    assert chosen.is_file() and (tmp_path / "layar.png").is_file()
    assert cli.main(["--db", str(tmp_path / "arg.db"), "--screenshot",
                     str(tmp_path / "arg.png")]) == 0  # --db first
    assert (tmp_path / "arg.db").is_file()


def test_a_choice_that_does_not_open_after_all_brings_the_database_before_back(db_path,
                                                                           tmp_path):
    """The chosen file spoilt between its test and Pakai: it is refused with its ways out
    (the user quits them), and a window on the database before it follows."""
    second = tmp_path / "kantor-baru.db"
    first_window, asked, refused, again = switch_in_a_program(db_path, second,
                                                              tmp_path / "layar.ini", "rusak")
    assert first_window["db"] == str(db_path) and asked == {"asked": str(second)}
    assert str(second) in refused["refused"]
    assert again["db"] == str(db_path) and again["rows"] >= 21

