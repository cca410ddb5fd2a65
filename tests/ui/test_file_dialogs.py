"""Save and open dialogs (ui/file_dialogs.py): they start in the Documents folder, then in the
folder last used, never in the folder the program was started from; they suggest a name made
from what is saved, safe for Windows. Qt's own dialog is replaced by the test's answer."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings

from kecamatan_desktop.ui import file_dialogs, strings
from kecamatan_desktop.ui.backup_actions import RestoreDialog
from kecamatan_desktop.ui.file_dialogs import file_name, safe_file_name
from tests.ui import test_printing_ui

window = test_printing_ui.window  # the same window fixture


class FakeUser:
    """Stands in for Qt's file dialogs: notes where each opened and answers as told."""

    def __init__(self, monkeypatch) -> None:
        self.starts: list[str] = []
        self.answer: str | list[str] = ""
        self.chosen_filter = ""
        for name in ("save_dialog", "open_dialog", "open_many_dialog"):
            monkeypatch.setattr(file_dialogs, name, self._dialog)

    def _dialog(self, parent, title, start, file_filter, *options):
        self.starts.append(start)
        return self.answer, self.chosen_filter


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A user's home with a Documents folder; the program started in a folder of its own;
    the remembered folders kept in the test's own settings file."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    if sys.platform != "win32":  # Windows asks the shell for Documents, not HOME
        monkeypatch.setenv("HOME", str(home))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    ini = QSettings(str(tmp_path / "dialogs.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(file_dialogs, "settings", lambda: ini)
    return home


@pytest.fixture
def user(monkeypatch) -> FakeUser:
    return FakeUser(monkeypatch)


def documents(home: Path) -> Path:
    return home / "Documents" if sys.platform != "win32" else file_dialogs.documents_folder()


def test_the_first_save_starts_in_documents_and_the_next_in_the_folder_used(
        home, user, window, tmp_path, finish):
    flashdisk = tmp_path / "flashdisk"
    flashdisk.mkdir()
    window.select_sop("poncokusumo-2018-renstra")
    user.answer = str(flashdisk / "renstra")  # typed without .pdf
    finish(window.printing.export_pdf())
    assert Path(user.starts[0]) == documents(home) / "Penyusunan Renstra.pdf"
    assert Path(user.starts[0]).parent != Path.cwd()
    assert len(PdfReader(flashdisk / "renstra.pdf").pages) == 3  # the filter's .pdf added

    window.printing.ask_office = lambda offices: "Kecamatan Ngantang"
    user.answer = ""  # Batal
    assert window.printing.print_book() is None
    assert Path(user.starts[1]) == flashdisk / "Buku SOP Kecamatan Ngantang.pdf"

    shutil.rmtree(flashdisk)  # the flash disk taken out: back to Documents
    window.printing.print_book()
    assert Path(user.starts[2]).parent == documents(home)


def test_each_kind_of_file_remembers_its_own_folder(home, user, qtbot, tmp_path):
    backups_folder = tmp_path / "kecamatan" / "backups"
    backups_folder.mkdir(parents=True)
    dialog = RestoreDialog([], backups_folder)
    qtbot.addWidget(dialog)
    user.answer = ""
    assert dialog.ask_other_file() is None
    assert Path(user.starts[-1]) == backups_folder  # a backup's own folder at first
    sops = tmp_path / "kiriman"
    sops.mkdir()
    user.answer = [str(sops / "a.json"), str(sops / "b.json")]
    assert file_dialogs.ask_open_paths(None, strings.IMPORT_TITLE, strings.IMPORT_FILTER) == [
        sops / "a.json", sops / "b.json"]
    assert Path(user.starts[-1]) == documents(home)
    user.answer = ""
    file_dialogs.ask_open_path(None, strings.OFFICE_LOGO_TITLE, strings.OFFICE_LOGO_FILTER)
    assert Path(user.starts[-1]) == sops  # documents: where the SOP files came from
    dialog.ask_other_file()
    assert Path(user.starts[-1]) == backups_folder  # backups: untouched by that


def test_a_name_typed_without_extension_gets_the_chosen_filters(home, user, tmp_path):
    user.answer, user.chosen_filter = str(tmp_path / "alur"), "Gambar SVG (*.svg)"
    assert file_dialogs.ask_save_path(None, strings.SAVE_IMAGE_TITLE, "Renja.png",
                                      strings.IMAGE_FILTERS) == tmp_path / "alur.svg"
    user.answer, user.chosen_filter = str(tmp_path / "alur.png"), "Gambar SVG (*.svg)"
    assert file_dialogs.ask_save_path(None, strings.SAVE_IMAGE_TITLE, "Renja.png",
                                      strings.IMAGE_FILTERS) == tmp_path / "alur.png"


def test_suggested_names_are_made_from_the_title_and_safe_for_windows(home, user):
    assert file_name("Renja 2027", strings.FILE_ROUND_LOG, suffix=".xlsx") == \
        "Renja 2027 - log.xlsx"
    assert file_name("Renja 2027", strings.FILE_ROUND_REPORT, suffix=".pdf") == \
        "Renja 2027 - laporan.pdf"
    assert file_name(strings.FILE_ROUNDS_LIST, suffix=".xlsx") == "Daftar putaran.xlsx"
    assert safe_file_name('Renja 2027/2028: "revisi" <a|b> *?\\', ".pdf") == \
        "Renja 2027-2028 revisi a-b -.pdf"
    assert safe_file_name("Laporan akhir. . ", ".pdf") == "Laporan akhir.pdf"
    assert safe_file_name("  ", ".pdf") == "berkas.pdf"
    assert safe_file_name("con", ".xlsx") == "con_.xlsx"
    assert safe_file_name("LPT1.laporan") == "LPT1.laporan_"
    assert len(safe_file_name("Renja " * 60, ".xlsx")) == file_dialogs.MAX_NAME + 5
    user.answer = ""
    file_dialogs.ask_save_path(None, strings.SAVE_ROUND_XLSX, "Renja 27/28? - log.xlsx",
                               strings.XLSX_FILTER)
    assert Path(user.starts[0]).name == "Renja 27-28 - log.xlsx"  # a "/" is no folder


def test_the_sop_image_and_pdf_are_named_after_the_sop(home, user, window, finish):
    window.select_sop("poncokusumo-2018-renja")
    user.answer = ""
    window.flowchart.save_image()
    window.printing.export_pdf()
    assert [Path(start).name for start in user.starts] == [
        "Penyusunan Rencana Kerja (Renja).png", "Penyusunan Rencana Kerja (Renja).pdf"]
