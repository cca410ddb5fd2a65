"""A day made easier: F1 opens the shipped guide, Ctrl+F goes to the search box, F5 reads
again what another desk wrote, the status bar tells the standing facts, and the very first
start greets the user once."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMainWindow

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.services import editing, rounds
from kecamatan_desktop.services.session import open_catalogue
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.main_window import MainWindow
from kecamatan_desktop.ui.status_line import StatusLine
from tests.ui.test_safety_ui import Dialogs, make_window, settings  # noqa: F401


@pytest.fixture
def window(qtbot, catalogue_db, settings):  # noqa: F811
    w = make_window(qtbot, catalogue_db, settings, Dialogs())
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    return w


def test_f1_opens_the_indonesian_guide_with_its_pictures(qtbot, window):
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.HelpContents))
    qtbot.waitUntil(lambda: getattr(window, "help_dialog", None) is not None
                    and window.help_dialog.isVisible(), timeout=5000)
    browser = window.help_dialog.browser
    text = browser.toPlainText()
    for part in ("Apa itu SOP AP?", "Menggambar prosedur", "Menjalankan putaran",
                 "Permenpan-RB Nomor 35 Tahun 2012", "Ctrl+F"):
        assert part in text
    html = browser.toHtml()
    for picture in ("katalog.png", "prosedur.png", "pelaksanaan.png"):
        assert picture in html
        assert not browser.loadResource(2, picture).isNull(), picture  # 2: ImageResource


def _pictures(browser) -> list:
    """(position, name, width shown) of each picture in the guide, in order."""
    found, block = [], browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            image = it.fragment().charFormat().toImageFormat()
            if image.isValid():
                found.append((it.fragment().position(), image.name(), image.width()))
            it += 1
        block = block.next()
    return found


def test_the_help_pictures_fill_the_width_and_a_click_shows_one_at_its_own_size(qtbot,
                                                                                 window):
    window.show_help()
    dialog = window.help_dialog
    qtbot.waitExposed(dialog)
    browser = dialog.browser
    area = window.screen().availableGeometry()
    assert dialog.height() >= area.height() - 100  # as tall as the screen allows

    def natural(name: str) -> QImage:
        return QImage(browser.picture_path(name))

    for width in (dialog.width(), 520):  # and after the window is made narrower
        dialog.resize(width, dialog.height())
        qtbot.waitUntil(lambda w=width: browser.picture_width() < w)
        pictures = _pictures(browser)
        assert [name for _position, name, _width in pictures] == [
            "katalog.png", "prosedur.png", "pelaksanaan.png"]
        for _position, name, shown in pictures:
            assert shown == min(browser.picture_width(), natural(name).width()) > 0
    assert _pictures(browser)[0][2] == browser.picture_width()  # the whole width, not 640

    position, name, _shown = _pictures(browser)[1]
    cursor = browser.textCursor()
    cursor.setPosition(position)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    on_picture = browser.cursorRect(cursor).topLeft() + QPoint(40, 40)
    assert browser.picture_at(on_picture) == name
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=on_picture)
    enlarged = dialog.picture
    assert enlarged is not None and enlarged.isVisible()
    assert enlarged.windowTitle() == strings.HELP_PICTURE_TITLE
    assert enlarged.picture.pixmap().size() == natural(name).size()  # its own size
    assert enlarged.scroll.widget() is enlarged.picture and not enlarged.scroll.widgetResizable()
    enlarged.close()
    on_text = on_picture + QPoint(0, browser.cursorRect(cursor).height()
                                  + 2 * browser.fontMetrics().height())
    assert browser.picture_at(on_text) == ""
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=on_text)
    assert dialog.picture is enlarged  # a click on the text enlarges nothing


def test_ctrl_f_goes_to_the_search_box_from_another_tab(qtbot, window):
    window.main_tabs.setCurrentWidget(window.rounds)
    window.search_box.setText("renja")
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    assert window.main_tabs.currentIndex() == 0
    qtbot.waitUntil(window.search_box.hasFocus, timeout=5000)
    assert window.search_box.selectedText() == "renja"


def test_f5_shows_what_another_desk_wrote_and_the_status_bar_counts(qtbot, window,
                                                                     catalogue_db):
    line = window.status_line
    assert line.database.text() == f"Basis data: {catalogue_db.path.name}"
    assert line.sops.text() == "21 SOP" and line.office.text() == "Semua kantor"
    assert line.rounds.text() == "0 putaran berjalan, 0 terlambat"
    other = open_catalogue(catalogue_db.path)  # another desk on the same file
    try:
        with other.session() as s:
            editing.create_sop("poncokusumo-2026-baru", "Prosedur Baru Sekali",
                               "Kecamatan Poncokusumo", session=s)
            rounds.start_round("poncokusumo-2018-renja", session=s, title="Renja 2027",
                               at=datetime.now(WIB) - timedelta(days=20))
    finally:
        other.close()
    window.select_sop("poncokusumo-2018-renja")
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Refresh))
    assert line.sops.text() == "22 SOP"
    assert line.rounds.text() == "1 putaran berjalan, 1 terlambat"
    assert window.selected_sop_id() == "poncokusumo-2018-renja"  # the selection is kept
    window.office_filter.setCurrentIndex(window.office_filter.findData("Kecamatan Ngantang"))
    assert line.office.text() == "Kecamatan Ngantang" and line.sops.text() == "12 SOP"


def test_the_welcome_comes_once_at_the_first_start(qtbot, catalogue_db, settings):  # noqa: F811
    asked, profiles = [], []

    def build() -> MainWindow:
        w = make_window(qtbot, catalogue_db, settings, Dialogs())
        w.ask_welcome = lambda: asked.append(True) or "profile"
        w.edit_office_profile = lambda: profiles.append(True)
        return w

    first = build()
    assert first.maybe_welcome() == "profile"
    assert first.maybe_welcome() is None
    first.close()
    again = build()  # the next start, same settings
    assert again.maybe_welcome() is None
    assert asked == [True] and profiles == [True]


def test_the_welcome_dialog_offers_profile_help_and_skip(qtbot):
    from kecamatan_desktop.ui.help_dialog import WelcomeDialog

    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert "F1" in dialog.findChild(QLabel, "welcomeText").text()
    dialog.help_button.click()
    assert dialog.choice == "help" and dialog.result() == dialog.DialogCode.Accepted


def test_names_found_by_a_search_are_never_cut(qtbot, window):
    """Rows a search brings back are measured again for their wrapped names (they kept the
    height of the row that stood there before, and long names were cut)."""
    window.resize(900, 700)
    window.sop_list.horizontalHeader().resizeSection(0, 150)  # a narrow name column
    qtbot.wait(50)
    for text in ("kinerja", "", "indikator", "laporan"):
        window.search_box.setText(text)
        qtbot.wait(50)
        view = window.sop_list
        for row in range(window.proxy.rowCount()):
            assert view.rowHeight(row) >= view.sizeHintForRow(row), (text, row)
    window.office_filter.setCurrentIndex(window.office_filter.findData("Kecamatan Ngantang"))
    window.search_box.setText("kinerja")
    qtbot.wait(50)
    offices = {window.proxy.index(r, 1).data() for r in range(window.proxy.rowCount())}
    assert offices == {"Ngantang"}  # the search stays within the office chosen


def test_the_identity_tab_shows_the_sheet_in_the_offices_own_words(qtbot, window):
    """As the printed sheet: Ngantang is "KECAMATAN NGANTANG" (no forced KANTOR) with its
    dates as its book writes them; Poncokusumo keeps its "KANTOR KECAMATAN"."""
    assert window.select_sop("ngantang-2021-iku")
    text = window.identity_view.toPlainText()
    assert "KECAMATAN NGANTANG" in text and "KANTOR KECAMATAN NGANTANG" not in text
    assert "1 Pebruari 2021" in text
    assert window.select_sop("poncokusumo-2018-renja")
    text = window.identity_view.toPlainText()
    assert "KANTOR KECAMATAN PONCOKUSUMO" in text and "04 Januari 2018" in text


def test_a_database_in_a_network_folder_is_marked_in_the_status_bar(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    line = StatusLine(window)
    line.show_database(tmp_path / "kecamatan.db")
    assert line.database.text() == "Basis data: kecamatan.db"
    assert window.statusBar().currentMessage() == ""
    line.show_database(Path(r"\\server-kantor\data\kecamatan.db"))
    assert "folder jaringan" in line.database.text()
    warning = window.statusBar().currentMessage()
    assert "tidak aman" in warning and "PostgreSQL" in warning
    assert "Berkas → Basis data" in warning and warning == line.database.toolTip()
