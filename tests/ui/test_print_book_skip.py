"""Cetak Buku SOP with an SOP that cannot be laid out: it is named, and the rest of the book
is printed only if the user agrees."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings

from kecamatan_desktop.services import catalogue
from kecamatan_desktop.ui.main_window import MainWindow
from tests.export.test_pdf_identity_length import TALL, tall_header
from tests.ui.test_main_window import Dialogs


@pytest.fixture
def window(qtbot, catalogue_db, tmp_path):
    with catalogue_db.session() as session:
        catalogue.import_sops([tall_header()], session=session)
    w = MainWindow(catalogue_db, QSettings(str(tmp_path / "s.ini"),
                                           QSettings.Format.IniFormat))
    w.dialogs = Dialogs()
    w.dialogs.install(w)
    qtbot.addWidget(w)
    w.printing.ask_office = lambda offices: "Kecamatan Poncokusumo"
    w.printing.ask_pdf_path = lambda suggested: tmp_path / suggested
    return w


def _asked(window, answer: bool) -> list[str]:
    asked: list[str] = []
    window.printing.ask_print_rest = lambda sops: asked.append(sops) or answer
    return asked


def test_the_sop_is_named_and_nothing_is_printed_when_the_user_says_no(window, tmp_path,
                                                                      finish):
    asked = _asked(window, False)
    task = window.printing.print_book()
    finish(task)
    assert len(asked) == 1 and len(asked[0].splitlines()) == 1
    assert "(uji-kepala-tinggi) tidak dapat dicetak" in asked[0]
    assert window.printing.task is task  # no second run
    assert not (tmp_path / "Buku SOP Kecamatan Poncokusumo.pdf").exists()
    assert window.dialogs.errors == [] and window.dialogs.infos == []


def test_the_rest_of_the_book_is_printed_when_the_user_agrees(window, tmp_path, finish):
    asked = _asked(window, True)
    first = window.printing.print_book()
    finish(first)
    assert len(asked) == 1 and window.printing.task is not first
    path = finish(window.printing.task, timeout=60000)
    assert path == tmp_path / "Buku SOP Kecamatan Poncokusumo.pdf"
    # every SOP of the office in the outline but the one that cannot be laid out (the
    # decree still lists it: it is in the catalogue the decree sets)
    outline = [item.title for item in PdfReader(path).outline if not isinstance(item, list)]
    assert "Penyusunan Rencana Kerja (Renja)" in outline and TALL not in outline
    assert len(outline) == 1 + 1 + 1 + 9  # cover, decree, contents, the office's 9 SOPs
    assert "Tidak dicetak (1 SOP)" in window.dialogs.infos[-1]
    assert "(uji-kepala-tinggi) tidak dapat dicetak" in window.dialogs.infos[-1]
    assert len(asked) == 1  # the book without it was not asked about again
