"""Printing from the window: Ekspor PDF, Cetak Buku SOP (Cetak: test_print_preview.py); the
office profile's logo; starting a round from the Pelaksanaan menu."""

from __future__ import annotations

from datetime import datetime

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.export.pdf_document import write_sop_pdf
from kecamatan_desktop.services import printing
from kecamatan_desktop.ui.main_window import MainWindow
from kecamatan_desktop.ui.office_profile import OfficeProfileDialog
from tests.export.test_pdf import _png
from tests.ui.test_main_window import Dialogs


@pytest.fixture
def window(qtbot, catalogue_db, tmp_path):
    w = MainWindow(catalogue_db, QSettings(str(tmp_path / "s.ini"),
                                           QSettings.Format.IniFormat))
    dialogs = Dialogs()
    dialogs.install(w)
    w.dialogs = dialogs
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_export_pdf_of_the_selected_sop(window, tmp_path, finish):
    window.select_sop("poncokusumo-2018-renstra")
    window.printing.ask_pdf_path = lambda suggested: tmp_path / suggested
    window.printing.export_pdf_action.trigger()
    finish(window.printing.task)
    path = tmp_path / "Penyusunan Renstra.pdf"  # the SOP's name suggested
    reader = PdfReader(path)
    assert len(reader.pages) == 3
    assert window.dialogs.infos and str(path) in window.dialogs.infos[-1]


def test_a4_paper_from_the_menu(window, tmp_path, finish):
    window.select_sop("poncokusumo-2018-renstra")
    window.printing.paper_actions["a4"].trigger()
    window.printing.ask_pdf_path = lambda suggested: tmp_path / "a4.pdf"
    finish(window.printing.export_pdf())
    assert round(float(PdfReader(tmp_path / "a4.pdf").pages[0].mediabox.width), 2) == 595.28


def test_print_book_with_progress(window, tmp_path, finish):
    window.printing.ask_office = lambda offices: offices[1]
    window.printing.ask_pdf_path = lambda suggested: tmp_path / suggested
    task = window.printing.print_book()
    seen = []
    task.progressed.connect(lambda done, total: seen.append((done, total)))
    path = finish(task)
    assert path.name == "Buku SOP Kecamatan Ngantang.pdf"
    assert seen and seen[-1][0] == seen[-1][1] > 12  # SOPs drawn, then pages laid out
    assert window.dialogs.infos and str(path) in window.dialogs.infos[-1]
    # Ngantang: cover, the Keputusan Camat from the template (two pages), table of contents,
    # then 12 SOPs of cover + identity sheet each
    assert len(PdfReader(path).pages) == 1 + 2 + 1 + 12 * 2


def test_office_profile_logo(qtbot, window, catalogue_db, tmp_path):
    dialog = OfficeProfileDialog(catalogue_db, "Kecamatan Poncokusumo", window)
    qtbot.addWidget(dialog)
    bad = tmp_path / "logo.gif"
    bad.write_bytes(b"GIF89a not a png")
    dialog.ask_logo_path = lambda: bad
    assert dialog.choose_logo() is False
    assert "bukan gambar PNG atau JPG" in dialog.message.text()
    good = tmp_path / "logo.png"
    good.write_bytes(_png())
    dialog.ask_logo_path = lambda: good
    assert dialog.choose_logo() is True
    dialog.fields["phone"].setText("(0341) 787000")
    assert dialog.save() is True
    with catalogue_db.session() as session:
        profile = printing.office_profile("Kecamatan Poncokusumo", session=session)
    assert profile.logo == good.read_bytes() and profile.phone == "(0341) 787000"


def test_start_a_round_of_the_selected_sop_from_the_menu(window):
    window.select_sop("poncokusumo-2018-renja")
    window.rounds.ask_start = lambda sop, defaults, names, *rest: ("Renja 2027", {},
                                                            datetime.now(WIB))
    window.action_start_round.trigger()
    assert window.main_tabs.currentWidget() is window.rounds
    assert window.rounds.page.detail.title == "Renja 2027"
    assert window.rounds.dashboard.model.rowCount() == 1


def test_office_profile_edits_the_office_texts(qtbot, window, catalogue_db, tmp_path):
    dialog = OfficeProfileDialog(catalogue_db, "Kecamatan Ngantang", window)
    qtbot.addWidget(dialog)
    assert dialog.sheet_name.text() == "Kecamatan Ngantang"
    assert dialog.cover_heading.toPlainText() == ""  # the Ngantang book has none
    assert not dialog.date_zero_pad.isChecked()
    assert dialog.date_february.currentText() == "Pebruari"
    dialog.cover_heading.setFocus()
    qtbot.keyClicks(dialog.cover_heading, "STANDAR OPERASIONAL PROSEDUR")
    qtbot.keyClick(dialog.cover_heading, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.cover_heading, "(SOP)")
    dialog.sheet_name.clear()
    qtbot.keyClicks(dialog.sheet_name, "Kantor Kecamatan Ngantang")
    qtbot.mouseClick(dialog.date_zero_pad, Qt.MouseButton.LeftButton)
    dialog.date_february.setCurrentText("Februari")
    assert dialog.save() is True
    with catalogue_db.session() as session:
        printable = printing.load_printable("ngantang-2021-iku", session=session)
    path = write_sop_pdf(printable.sop, tmp_path / "iku.pdf", profile=printable.profile)
    cover, identity = (p.extract_text() for p in PdfReader(path).pages)
    lines = [line.strip() for line in cover.splitlines()]
    assert lines[:2] == ["STANDAR OPERASIONAL PROSEDUR", "(SOP)"]
    assert "KANTOR KECAMATAN NGANTANG" in identity and "01 Februari 2021" in identity
