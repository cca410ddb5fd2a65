"""No English where a user can read it: the main window, Qt's own menus and dialogs (file,
print, preview, message boxes, progress) and the program's dialogs, on a real catalogue."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.handoffs import HandoffOffer, Way
from kecamatan_desktop.ui import message_boxes, strings
from kecamatan_desktop.ui.backup_actions import RestoreDialog
from kecamatan_desktop.ui.editor.new_sop_dialog import NewSopDialog
from kecamatan_desktop.ui.main_window import MainWindow
from kecamatan_desktop.ui.office_profile import OfficeProfileDialog
from kecamatan_desktop.ui.rounds.calendar_dialog import CalendarDialog
from kecamatan_desktop.ui.rounds.dialogs import StartRoundDialog
from kecamatan_desktop.ui.rounds.directory import OfficerDirectory
from kecamatan_desktop.ui.rounds.forms import EvaluationDialog, MonitoringDialog
from kecamatan_desktop.ui.rounds.handoff_dialog import HandoffDialog, NewOfficerDialog
from kecamatan_desktop.ui.sign_in import SignInDialog
from kecamatan_desktop.ui.worker import Task
from tests.ui.test_main_window import Dialogs

ENGLISH = ("OK", "Cancel", "Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All",
           "Save", "Open", "Print", "File name", "Look in", "Yes", "No", "Close", "Apply",
           "Reset", "Help", "Back", "Forward", "Name", "Size", "Type", "Date Modified",
           "Files of type", "Show Details", "Portrait", "Landscape", "Page", "Copies",
           "Printer", "Preview")
# whole words only, so "Nomor", "Typeset" or "Salin" never match
ENGLISH_WORD = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ENGLISH)) + r")(?!\w)")
# "No" is also Indonesian: the usual head of a numbered column (Nomor)
INDONESIAN_NO = re.compile(r"^No\.?$")
RENJA = "poncokusumo-2018-renja"


def widget_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text `top` and its children can show."""
    for w in [top, *top.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName()!r} in {type(top).__name__}"
        yield where, w.windowTitle() if w.isWindow() else ""
        yield where, w.toolTip()
        yield where, w.statusTip()
        for a in QWidget.actions(w):  # the main window's own `actions` is a dict
            yield f"action of {where}", a.text()
            yield f"action of {where}", a.toolTip()
        if isinstance(w, QMenu):
            yield where, w.title()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield where, w.text()
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            yield where, w.placeholderText()
        if isinstance(w, QTabWidget):
            yield from ((where, w.tabText(i)) for i in range(w.count()))
        if isinstance(w, QComboBox):
            yield from ((where, w.itemText(i)) for i in range(w.count()))
        header = getattr(w, "horizontalHeader", getattr(w, "header", None))
        if isinstance(w, QAbstractItemView) and header is not None and w.model() is not None:
            yield from ((f"header of {where}",
                         str(w.model().headerData(c, Qt.Orientation.Horizontal) or ""))
                        for c in range(header().count()))


def english(texts: Iterator[tuple[str, str]]) -> list[str]:
    found = []
    for where, text in texts:
        text = re.sub(r"<[^>]+>", "", text)  # rich text: its words, not its tags
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        if INDONESIAN_NO.match(text.strip()):
            continue
        words = ENGLISH_WORD.findall(text)
        if words:
            found.append(f"{where}: {text!r} ({', '.join(words)})")
    return sorted(set(found))


@pytest.fixture
def window(qtbot, catalogue_db, tmp_path):
    w = MainWindow(catalogue_db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    Dialogs().install(w)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def shown(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()  # not exec(): nothing may block
    qtbot.waitExposed(dialog)
    return dialog


def test_the_main_window_speaks_indonesian(window):
    window.sop_list.setCurrentIndex(window.proxy.index(0, 0))
    assert english(widget_texts(window)) == []


def test_qt_menus_and_message_boxes_speak_indonesian(qtbot, window):
    texts = []
    for edit in (QLineEdit(window), QPlainTextEdit("abc", window), QTextEdit("abc", window)):
        menu = edit.createStandardContextMenu()
        texts += [(f"context menu of {type(edit).__name__}", a.text()) for a in menu.actions()]
    assert [t for _, t in texts if "Urungkan" in t]  # the menus were really read
    box = QMessageBox(QMessageBox.Icon.Question, "Judul", "Teks", parent=window)
    box.addButton(strings.YES, message_boxes.Role.YesRole)  # as message_boxes.ask_choice
    Button = QMessageBox.StandardButton  # and Qt's own, as QMessageBox.question gives
    box.setStandardButtons(box.standardButtons() | Button.Ok | Button.Cancel | Button.Yes
                           | Button.No | Button.Save | Button.Open | Button.Close
                           | Button.Apply | Button.Reset | Button.Help)
    box.setDetailedText("rincian")
    shown(qtbot, box)
    task = Task(window, lambda progress: None, title="Menulis", label="Menulis berkas…")
    progress = shown(qtbot, task.make_dialog(window, 60_000))
    choice = QInputDialog(window)  # as QInputDialog.getItem and getText make it
    choice.setComboBoxItems(["satu", "dua"])
    shown(qtbot, choice)
    found = english(iter(texts))
    for dialog in (box, progress, choice):
        found += english(widget_texts(dialog))
    assert found == []


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen,
                                  QFileDialog.AcceptMode.AcceptSave])
def test_qt_file_dialogs_speak_indonesian(qtbot, window, tmp_path, mode):
    (tmp_path / "contoh.pdf").write_bytes(b"%PDF")
    dialog = QFileDialog(window, "Judul", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    shown(qtbot, dialog)
    for view in (QFileDialog.ViewMode.Detail, QFileDialog.ViewMode.List):
        dialog.setViewMode(view)
    assert english(widget_texts(dialog)) == []


def test_qt_print_and_preview_dialogs_speak_indonesian(qtbot, window):
    printer = QPrinter()
    found = []
    for dialog in (QPrintDialog(printer, window), QPrintPreviewDialog(printer, window)):
        found += english(widget_texts(shown(qtbot, dialog)))
    assert found == []


def test_the_programs_dialogs_speak_indonesian(qtbot, window, catalogue_db, tmp_path):
    from kecamatan_desktop.ui.help_dialog import HelpDialog, WelcomeDialog

    db = catalogue_db
    with db.session() as s:
        sop = catalogue.get_sop(RENJA, session=s).sop
    choices = [("Budi — Staf", 7)]
    dialogs = [OfficeProfileDialog(db, "Kecamatan Poncokusumo", window),
               NewSopDialog(["Kecamatan Poncokusumo"], parent=window),
               RestoreDialog([], tmp_path, window),
               CalendarDialog(db, window), OfficerDirectory(db, window),
               MonitoringDialog(db, RENJA, window), EvaluationDialog(db, RENJA, window),
               StartRoundDialog(sop, {}, choices, window),
               HandoffDialog(sop, HandoffOffer(1, 6, 7, (
                   Way("ya", 7, "7", "Memeriksa", "Tim", 7, "Budi"),
                   Way("tidak", 5, "5", "Mengetik", "Staf")), choices), window),
               NewOfficerDialog("Staf", "Kecamatan Poncokusumo", window),
               HelpDialog(window), WelcomeDialog(window),
               SignInDialog(catalogue_db, window, last_nip="19800101 200501 2 001"),
               SignInDialog(catalogue_db, window, first=True)]
    found = []
    for dialog in dialogs:
        found += english(widget_texts(shown(qtbot, dialog)))
    assert found == []
