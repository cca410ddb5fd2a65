"""Berkas → Impor buku SOP…: the files chosen, read in a worker with progress per file and
page and Batal (which stops between pages and writes nothing), then the review window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from kecamatan_desktop.bookimport.batch import PER_FILE, read_batch
from kecamatan_desktop.domain.errors import Cancelled
from kecamatan_desktop.ui import strings_import as s
from kecamatan_desktop.ui.main_window import MainWindow
from tests.pg import contents
from tests.ui.book_import_fixtures import ARSIP, DISTRIBUSI, XLSX, needs_samples


@pytest.fixture
def window(qtbot, catalogue_db, tmp_path):
    w = MainWindow(catalogue_db, QSettings(str(tmp_path / "settings.ini"),
                                           QSettings.Format.IniFormat))
    w.errors = []
    w.show_error = lambda title, text: w.errors.append(text)
    w.show_info = lambda title, text: None
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_file_menu_offers_the_book_import_and_it_asks_for_files(window):
    asked = []
    window.book_import.ask_paths = lambda: asked.append(True) or []
    assert window.book_import.action in window.file_menu.actions()
    assert window.book_import.action.text() == s.ACTION_IMPORT_BOOK
    window.book_import.action.trigger()
    assert asked == [True]
    assert window.book_import.task is None  # nothing chosen, nothing read


@needs_samples
def test_reading_tells_each_page_of_each_file_and_batal_stops_between_pages():
    told = []
    entries = read_batch([ARSIP, DISTRIBUSI, XLSX], progress=lambda at: told.append(at) or True)
    assert len(entries) == 3
    pages = [(at.file, at.page, at.pages) for at in told if at.pages]
    assert pages == [(ARSIP.name, 1, 2), (ARSIP.name, 2, 2), (DISTRIBUSI.name, 1, 3),
                     (DISTRIBUSI.name, 2, 3), (DISTRIBUSI.name, 3, 3)]
    assert any(at.file == XLSX.name for at in told)  # a workbook is told as a whole file
    done = [at.done for at in told]
    assert done == sorted(done) and told[-1].done == told[-1].total == 3 * PER_FILE

    seen = []

    def stop_at_second_page(at):
        seen.append((at.file, at.page))
        return at.page < 2
    with pytest.raises(Cancelled):
        read_batch([DISTRIBUSI, ARSIP], progress=stop_at_second_page)
    assert seen[-1] == (DISTRIBUSI.name, 2)  # the second file never started
    assert all(name == DISTRIBUSI.name for name, _ in seen)


@needs_samples
def test_the_menu_reads_the_files_in_a_worker_and_opens_the_review(qtbot, window):
    window.book_import.ask_paths = lambda: [ARSIP, DISTRIBUSI]
    window.book_import.action.trigger()
    task = window.book_import.task
    reports = []
    task.progressed.connect(lambda done, total: reports.append(
        (done, total, task.dialog.labelText())))
    qtbot.waitUntil(lambda: task.done, timeout=60000)
    assert task.result is not None and window.errors == []
    assert reports and all(total == 2 * PER_FILE for _, total, _ in reports)
    assert reports[-1][0] == 2 * PER_FILE
    review = window.book_import.review
    assert review is not None and review.isVisible()
    assert [item.entry.source for item in review.items] == [ARSIP.name, DISTRIBUSI.name]
    review.show_info = lambda title, text: None
    review.ask_discard = lambda count: True
    review.reject()


@needs_samples
def test_batal_throws_the_reading_away_and_writes_nothing(qtbot, window, db_path):
    before = contents(db_path)
    window.book_import.ask_paths = lambda: [DISTRIBUSI, ARSIP, XLSX]
    window.book_import.action.trigger()
    task = window.book_import.task
    task.cancel()  # Batal while the first file is read
    cancelled = []
    task.cancelled.connect(lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: task.done, timeout=60000)
    assert cancelled == [True] and task.result is None
    assert window.book_import.review is None
    assert window.statusBar().currentMessage() == s.READ_CANCELLED
    assert contents(db_path) == before
