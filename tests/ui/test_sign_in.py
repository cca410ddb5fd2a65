"""The window's sign-in: it opens on the dialog with the last user's NIP filled in, a wrong
password is told in the dialog, *Berkas → Ganti pengguna…* signs another officer in, and a
script's `--user NIP` with KECAMATAN_PASSWORD (the window's, and run_gui's) needs no dialog."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QSettings

from kecamatan_desktop.services import accounts, identity
from kecamatan_desktop.ui.main_window import MainWindow
from kecamatan_desktop.ui.sign_in import LAST_USER
from tests.services.test_accounts import BUDI, SITI, office_with_users
from tests.services.test_rounds import add_staff
from tests.ui.test_startup import ROOT


@pytest.fixture
def office_db(catalogue_db):
    with catalogue_db.session() as s:
        add_staff(s)
        office_with_users(s)  # passwords 'rahasia1'
    return catalogue_db


@pytest.fixture
def window(qtbot, office_db, tmp_path):
    settings = QSettings(str(tmp_path / "layar.ini"), QSettings.Format.IniFormat)
    settings.setValue(LAST_USER, BUDI)
    w = MainWindow(office_db, settings)
    qtbot.addWidget(w)
    w.asked = []
    w.signing.tell = lambda text: w.asked.append(("told", text))
    return w


def typing(qtbot, window, *passwords):
    """The dialog as a user meets it: each password typed and Masuk pressed in turn."""
    def ask(dialog):
        window.asked.append(("nip", dialog.nip.text()))
        for password in passwords:
            dialog.password.clear()
            qtbot.keyClicks(dialog.password, password)
            dialog.try_accept()
            window.asked.append(("error", dialog.error.text()))
        return dialog.result() == dialog.DialogCode.Accepted
    window.signing.ask = ask


def test_the_window_opens_on_a_sign_in_with_the_last_user(qtbot, window):
    typing(qtbot, window, "salah-sandi", "rahasia1")
    window.signing.at_start()
    assert window.asked[0] == ("nip", BUDI)
    assert "Sandi untuk Budi Santoso salah (percobaan ke-1 dari 5)" in window.asked[1][1]
    assert window.asked[2] == ("error", "")
    assert identity.current().name == "Budi Santoso"
    assert window.signing.label.text() == "Masuk sebagai Budi Santoso (Pelaksana)"


def test_ganti_pengguna_in_the_menu_signs_another_in(qtbot, window):
    typing(qtbot, window, "rahasia1")
    window.signing.at_start()
    change = next(a for a in window.file_menu.actions() if a.objectName() == "changeUser")
    assert change.text() == "Ganti pe&ngguna…"
    def as_siti(dialog):
        dialog.nip.setText(SITI)
        qtbot.keyClicks(dialog.password, "rahasia1")
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted
    window.signing.ask = as_siti
    change.trigger()
    assert identity.current().name == "Siti Aminah"
    assert window.signing.label.text() == "Masuk sebagai Siti Aminah (Admin)"
    assert window.settings.value(LAST_USER) == "19800101 200501 2 001"  # as the directory has it


def test_a_cancelled_sign_in_leaves_nobody_to_write(qtbot, window):
    window.signing.ask = lambda dialog: False
    window.signing.at_start()
    assert identity.current() is None
    assert window.signing.label.text() == "Belum masuk: hanya membaca dan mencetak"


def test_a_script_user_signs_the_window_in_without_the_dialog(qtbot, window):
    window.signing.ask = lambda dialog: pytest.fail("no dialog for a script's user")
    window.signing.at_start(user=SITI, password="salah-sandi")
    assert window.asked == [("told", "Sandi untuk Siti Aminah salah (percobaan ke-1 dari 5)")]
    assert identity.current() is None
    window.signing.at_start(user=SITI, password="rahasia1")
    assert identity.current().name == "Siti Aminah"


def test_the_first_start_makes_the_first_administrator(qtbot, catalogue_db, tmp_path):
    with catalogue_db.session() as s:
        add_staff(s)
    w = MainWindow(catalogue_db, QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    assert w.signing.label.text() == "Tanpa akun: catatan tidak bertanda tangan"

    def first(dialog):
        assert dialog.first and dialog.windowTitle() == "Administrator pertama"
        dialog.nip.setText(SITI)
        qtbot.keyClicks(dialog.password, "rahasia1")
        qtbot.keyClicks(dialog.repeat, "rahasia2")
        dialog.try_accept()
        assert dialog.error.text() == "Kedua sandi tidak sama."
        qtbot.keyClicks(dialog.password, "rahasia1")
        qtbot.keyClicks(dialog.repeat, "rahasia1")
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted
    w.signing.ask = first
    w.signing.at_start(first_start=True)
    assert identity.current().role is identity.Role.ADMIN
    with catalogue_db.session() as s:
        assert [u.name for u in accounts.list_users(session=s)] == ["Siti Aminah"]


CHILD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from kecamatan_desktop.app import run_gui
    from kecamatan_desktop.services import identity

    def shown(window, complete):
        if complete:
            from PySide6.QtCore import QTimer
            def report():
                signed = identity.current()
                print(json.dumps({"user": signed.name if signed else None,
                                  "label": window.signing.label.text()}), flush=True)
                window.close()
            QTimer.singleShot(0, report)

    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    run_gui(Path(sys.argv[1]), settings=settings, on_shown=shown, welcome=False,
            user=sys.argv[3])
""")


def test_run_gui_takes_the_user_as_the_command_line_does(office_db, tmp_path):
    office_db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               KECAMATAN_PASSWORD="rahasia1")
    done = subprocess.run([sys.executable, "-c", CHILD, str(office_db.path),
                           str(tmp_path / "layar.ini"), SITI], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0]) == {
        "user": "Siti Aminah", "label": "Masuk sebagai Siti Aminah (Admin)"}
