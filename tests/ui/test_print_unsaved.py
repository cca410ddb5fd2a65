"""Printing an SOP with unsaved edits: Ekspor PDF, Cetak and Simpan gambar… ask whether to save
first or print the draft, every page of which says so; never the old version silently."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from kecamatan_desktop.services.printing import DRAFT_MARK
from kecamatan_desktop.ui.printing_actions import PrintChoice
from tests.ui.test_editor import KEGIATAN, RENJA, Dialogs, edit_cell, open_cell, stored
from tests.ui.test_print_preview import LONG_SOP, long_sop  # noqa: F401 - fixture
from tests.ui.test_printing_ui import window  # noqa: F401 - fixture

EDITED = "Membentuk Tim Penyusun Renja Kecamatan"


@pytest.fixture
def editor(window, qtbot):  # noqa: F811 - the printing window, with the editor's dialogs
    dialogs = Dialogs()
    dialogs.install(window)
    window.dialogs = dialogs
    window.asked_print = []
    window.print_answer = PrintChoice.CANCEL

    def ask(name: str) -> PrintChoice:
        window.asked_print.append(name)
        return window.print_answer

    window.printing.ask_unsaved_print = ask
    assert window.select_sop(RENJA)
    window.tabs.setCurrentWidget(window.procedure_view)
    edit_cell(qtbot, window, 1, KEGIATAN, EDITED)
    assert window.isWindowModified()
    return window


def texts(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_export_with_unsaved_edits_asks_and_batal_writes_nothing(editor, tmp_path,
                                                                 catalogue_db):
    editor.printing.ask_pdf_path = lambda suggested: tmp_path / suggested
    assert editor.printing.export_pdf() is None
    assert editor.asked_print == ["Penyusunan Rencana Kerja (Renja)"]
    assert list(tmp_path.glob("*.pdf")) == []
    assert stored(catalogue_db).revision == 1 and editor.isWindowModified()


def test_cetak_draf_prints_the_edits_marked_on_every_page(editor, tmp_path, finish,
                                                         catalogue_db):
    editor.print_answer = PrintChoice.DRAFT
    suggested = []
    editor.printing.ask_pdf_path = lambda name: suggested.append(name) or tmp_path / name
    path = finish(editor.printing.export_pdf())
    assert suggested == ["Penyusunan Rencana Kerja (Renja) (draf).pdf"]
    pages = texts(path)
    assert len(pages) == 3  # cover, identity sheet, one flowchart page
    assert all(DRAFT_MARK in page for page in pages)
    assert EDITED in " ".join(pages)
    # nothing was saved: the edits stay on screen, unsaved
    assert stored(catalogue_db).revision == 1 and editor.isWindowModified()


def test_simpan_dulu_saves_then_prints_the_new_revision(editor, tmp_path, finish,
                                                       catalogue_db):
    editor.print_answer = PrintChoice.SAVE_FIRST
    editor.printing.ask_pdf_path = lambda name: tmp_path / name
    path = finish(editor.printing.export_pdf())
    assert editor.asked_print == ["Penyusunan Rencana Kerja (Renja)"]
    assert stored(catalogue_db).revision == 2
    assert stored(catalogue_db).sop.steps[1].activity == EDITED
    assert not editor.isWindowModified()
    pages = texts(path)
    assert EDITED in " ".join(pages)
    assert not any(DRAFT_MARK in page for page in pages)


def test_a_save_refused_prints_nothing(editor, tmp_path, catalogue_db, qtbot):
    edit_cell(qtbot, editor, 2, KEGIATAN, "")  # a problem: the save asks for a draft
    editor.dialogs.save_draft = False
    editor.print_answer = PrintChoice.SAVE_FIRST
    editor.printing.ask_pdf_path = lambda name: tmp_path / name
    assert editor.printing.export_pdf() is None
    assert list(tmp_path.glob("*.pdf")) == [] and stored(catalogue_db).revision == 1


def test_no_question_without_edits(window, tmp_path, finish):  # noqa: F811
    window.printing.ask_unsaved_print = lambda name: pytest.fail("asked without edits")
    window.select_sop(RENJA)
    window.printing.ask_pdf_path = lambda name: tmp_path / name
    pages = texts(finish(window.printing.export_pdf()))
    assert not any(DRAFT_MARK in page for page in pages)


def test_the_text_still_typed_in_a_cell_counts_as_an_edit(editor, qtbot, tmp_path, finish):
    editor.document.undo_stack.undo()
    assert not editor.isWindowModified()
    _index, cell_editor = open_cell(editor, 1, KEGIATAN)
    cell_editor.selectAll()
    qtbot.keyClicks(cell_editor, "Rapat Tim Renja")  # no Enter: still being typed
    editor.print_answer = PrintChoice.DRAFT
    editor.printing.ask_pdf_path = lambda name: tmp_path / name
    pages = texts(finish(editor.printing.export_pdf()))
    assert editor.asked_print and "Rapat Tim Renja" in " ".join(pages)


def test_cetak_with_edits_asks_and_the_preview_shows_the_marked_draft(editor, finish):
    shown = []
    editor.printing.show_preview = shown.append
    editor.print_answer = PrintChoice.CANCEL
    assert editor.printing.print_sop() is None and shown == []
    editor.print_answer = PrintChoice.DRAFT
    finish(editor.printing.print_sop())
    assert len(shown) == 1
    preview = shown[0]
    reader = PdfReader(io.BytesIO(preview.pages.data))  # the pages the preview draws
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert len(preview.pages.images) == len(pages) == 3
    assert all(DRAFT_MARK in page for page in pages) and EDITED in " ".join(pages)
    assert preview.printer.docName().endswith("(draf)")
    preview.reject()


def test_the_mark_is_on_every_page_of_a_long_draft(qtbot, window, long_sop, tmp_path,  # noqa: F811
                                                   finish):
    Dialogs().install(window)
    window.printing.ask_unsaved_print = lambda name: PrintChoice.DRAFT
    window.select_sop(LONG_SOP)
    window.tabs.setCurrentWidget(window.procedure_view)
    edit_cell(qtbot, window, 0, KEGIATAN, EDITED)
    window.printing.ask_pdf_path = lambda name: tmp_path / name
    pages = texts(finish(window.printing.export_pdf()))
    assert len(pages) == 6  # cover, identity sheet, four flowchart pages
    assert all(DRAFT_MARK in page for page in pages)


def red_in_top_margin(path) -> int:
    """Pixels of the draft mark's red in the top 10 mm of a 300 dpi PNG."""
    band = Image.open(path).convert("RGB").crop((0, 0, Image.open(path).width,
                                                 round(300 / 25.4 * 10)))
    red, green, blue = band.split()
    mask = ImageChops.multiply(red.point(lambda v: 255 if v > 150 else 0),
                               green.point(lambda v: 255 if v < 80 else 0))
    mask = ImageChops.multiply(mask, blue.point(lambda v: 255 if v < 80 else 0))
    return mask.histogram()[255]


def test_simpan_gambar_asks_too(editor, tmp_path, finish):
    panel = editor.flowchart
    panel.ask_image_path = lambda name: tmp_path / name
    panel.show_info = lambda title, text: None
    editor.print_answer = PrintChoice.CANCEL
    panel.save_image()
    assert panel.task is None and len(editor.asked_print) == 1
    editor.print_answer = PrintChoice.DRAFT
    panel.save_image()
    [draft] = finish(panel.task)
    assert draft.name == "Penyusunan Rencana Kerja (Renja) (draf).png"
    assert red_in_top_margin(draft) > 500
    editor.print_answer = PrintChoice.SAVE_FIRST
    panel.save_image()
    [saved] = finish(panel.task)
    assert saved.name == "Penyusunan Rencana Kerja (Renja).png"
    assert red_in_top_margin(saved) == 0 and not editor.isWindowModified()
