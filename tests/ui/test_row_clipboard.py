"""Ctrl+C and Ctrl+V on the step table: blocks from Excel and Word, rows from another SOP,
and bad pastes told in Masalah with nothing changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtGui import QGuiApplication

from kecamatan_desktop.domain.sop import Decision
from kecamatan_desktop.domain.step_block import MIME_TYPE
from tests.domain.test_pasted_rows import WORD
from tests.ui.test_editor import RENJA, dialogs, window  # noqa: F401 - fixtures

NGANTANG_RENJA = "ngantang-2021-renja"

# the exact text Excel puts on the clipboard for A1:H4 of a sheet: tabs between cells, CR LF
# after every row, a cell with Alt+Enter breaks (or quotes) quoted with its quotes doubled,
# the selection's blank last column and row included
EXCEL = (
    "No\tUraian Kegiatan\tPelaksana\tPersyaratan/Perlengkapan\tWaktu\tOutput\tKet\t\r\n"
    "1\t\"Menerima undangan\r\nMusrenbang \"\"Desa\"\"\"\tSekcam\tSurat undangan\t10 menit\t"
    "Disposisi\t\t\r\n"
    "2\tMenghimpun usulan desa\tKasi Pemerintahan\t\"Daftar usulan\nBerita acara\"\t"
    "2 menit kali\tRekap usulan\t\t\r\n"
    "3\tMemeriksa rekap usulan\tSekcam\tRekap usulan\t30 Menit\tRekap usulan\t\t\r\n"
    "\t\t\t\t\t\t\t\r\n"
)


def put_on_clipboard(text: str | None = None, html: str | None = None,
                     own: str | None = None) -> None:
    mime = QMimeData()
    if text is not None:
        mime.setText(text)
    if html is not None:
        mime.setHtml(html)
    if own is not None:
        mime.setData(MIME_TYPE, QByteArray(own.encode("utf-8")))
    QGuiApplication.clipboard().setMimeData(mime)


def press(qtbot, widget, key) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def answer_lanes(window, answer: bool) -> list[list[str]]:  # noqa: F811
    asked: list[list[str]] = []
    clipboard = window.procedure_view.row_clipboard
    clipboard.ask_add_lanes = lambda lanes, first: asked.append(lanes) or answer
    return asked


def paste_lines(window) -> list[str]:  # noqa: F811
    panel = window.procedure_view.problems_panel
    return [item.message for item in panel.model.items if item.paste]


def test_a_block_copied_from_excel_pasted_after_the_current_step(qtbot, window):  # noqa: F811
    asked = answer_lanes(window, True)
    editor = window.procedure_view
    before = window.document.sop
    editor.select_step(1)  # Sekcam, "Membentuk Tim"
    put_on_clipboard(EXCEL)
    press(qtbot, editor.table, Qt.Key.Key_V)

    sop = window.document.sop
    assert asked == [["Kasi Pemerintahan"]]  # one question, naming the new lane
    assert sop.roles == (*before.roles, "Kasi Pemerintahan")
    assert len(sop.steps) == 15
    pasted = sop.steps[2:5]
    assert [s.activity for s in pasted] == ['Menerima undangan Musrenbang "Desa"',
                                            "Menghimpun usulan desa", "Memeriksa rekap usulan"]
    assert [s.role for s in pasted] == ["Sekcam", "Kasi Pemerintahan", "Sekcam"]
    assert pasted[1].requirements == "Daftar usulan, Berita acara"
    assert [s.time for s in pasted] == ["10 menit", "2 menit kali", "30 Menit"]  # as written
    assert [s.no for s in sop.steps] == [str(i) for i in range(1, 16)]
    # Renja's decisions follow their steps: 6 (Ya 7, Tidak 5) is now 9 (Ya 10, Tidak 8)
    assert sop.steps[8].decision == Decision(yes=10, no=8)
    assert editor.table.current_row() == 2
    assert sorted({i.row() for i in editor.table.selectionModel().selectedRows()}) == [2, 3, 4]

    lines = paste_lines(window)
    assert lines[0] == ("Tempel: 3 langkah ditempel sebagai langkah 3–5 (lajur baru: Kasi "
                        "Pemerintahan); Urungkan (Ctrl+Z) membatalkannya.")
    assert lines[1].startswith("Tempel baris 2 → langkah 4, Waktu: waktu '2 menit kali' "
                               "tidak terbaca sebagai lama kerja")
    assert len(lines) == 2
    # the unreadable Waktu stays among the SOP's own problems once the paste's lines go
    assert any(m.startswith("Langkah 4: waktu '2 menit kali'")
               for m in editor.problems_panel.model.messages() if m not in lines)

    assert window.document.undo_stack.undoText() == "tempel 3 langkah"
    press(qtbot, editor.table, Qt.Key.Key_Z)  # one undo takes the whole paste back
    assert window.document.sop == before
    assert paste_lines(window) == []


def test_a_word_table_pasted_its_html_read_not_its_text(qtbot, window):  # noqa: F811
    asked = answer_lanes(window, False)
    editor = window.procedure_view
    editor.select_step(11)  # the last step: the rows go at the end
    # Word's text of the same table splits a cell's paragraphs into rows of their own
    put_on_clipboard("No\tKegiatan\r\n1\tMenerima laporan\r\nketertiban\r\n", WORD)
    press(qtbot, editor.table, Qt.Key.Key_V)

    sop = window.document.sop
    assert asked == [["Kasi Trantib"]]
    step = sop.steps[12]
    assert (step.activity, step.requirements, step.time, step.output) == (
        "Menerima laporan ketertiban", "Laporan, Foto", "15 menit", "Catatan")
    assert step.role == "Camat"  # lanes not added: the first lane, as Masalah says
    assert len(sop.steps) == 13 and "Kasi Trantib" not in sop.roles
    assert paste_lines(window)[1] == ("Tempel baris 1 → langkah 13, Pelaksana: lajur 'Kasi "
                                      "Trantib' tidak ada di SOP ini; ditaruh di lajur 'Camat'")
    # a paste line leads to its step, as the SOP's problems do
    editor.select_step(0)
    panel = editor.problems_panel
    panel.view.clicked.emit(panel.model.index(1, 0))
    assert editor.table.current_row() == 12


def test_rows_copied_from_one_sop_pasted_into_another_office_keep_a_decision(
        qtbot, window):  # noqa: F811
    answer_lanes(window, True)
    editor = window.procedure_view
    table = editor.table
    editor.select_step(4)
    for row in (5, 6):  # shift-click extends the selection, as in a spreadsheet
        rect = table.visualRect(table.model().index(row, 1))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ShiftModifier, rect.center())
    press(qtbot, table, Qt.Key.Key_C)
    copied = QGuiApplication.clipboard().mimeData()
    assert copied.text().splitlines()[0] == (
        "No\tKegiatan\tPelaksana\tKelengkapan\tWaktu\tOutput\tKeterangan")
    assert copied.text().splitlines()[1].startswith("5\tPengetikan konsep Dokumen Renja\tStaf")
    assert copied.hasFormat(MIME_TYPE)

    assert window.select_sop(NGANTANG_RENJA)  # Ngantang: lanes and steps still to draw
    assert editor.currentWidget() is editor.placeholder_page
    press(qtbot, editor.placeholder_page, Qt.Key.Key_V)
    sop = window.document.sop
    assert sop.roles == ("Tim", "Kasubag Evapor", "Staf")
    assert [s.activity[:20] for s in sop.steps] == ["Pengetikan konsep Do", "Memeriksa konsep Ren",
                                                    "Memeriksa konsep Ren"]
    assert sop.steps[1].decision == Decision(yes=3, no=1)  # both ways inside the copy
    assert sop.steps[2].decision == Decision(yes=None, no=None)  # to steps not copied
    assert editor.currentWidget() is editor.editor_page
    lines = paste_lines(window)
    assert lines[1:] == [
        "Tempel baris 3 → langkah 3, Pelaksana: cabang Ya keputusan ini menuju langkah yang "
        "tidak ikut disalin; pilih lagi tujuannya",
        "Tempel baris 3 → langkah 3, Pelaksana: cabang Tidak keputusan ini menuju langkah "
        "yang tidak ikut disalin; pilih lagi tujuannya"]


def test_ctrl_c_in_a_cell_being_typed_copies_the_text_not_the_rows(qtbot, window):  # noqa: F811
    editor = window.procedure_view
    table = editor.table
    editor.select_step(0)
    put_on_clipboard("tetap")
    table.edit(table.model().index(0, 1))
    qtbot.waitUntil(lambda: table.indexWidget(table.model().index(0, 1)) is not None
                    or QGuiApplication.focusObject() is not table)
    cell = QGuiApplication.focusObject()
    assert cell is not table
    cell.selectAll()
    qtbot.keyClick(cell, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Memerintahkan untuk penyusunan Renja"


@pytest.mark.parametrize("text, says", [
    ("Mohon segera disusun Renja tahun ini.\r\nTerima kasih.\r\n", "tidak berkolom"),
    ("".join(f"{i}\tLangkah {i}\tStaf\r\n" for i in range(1, 502)), "501 baris"),
    ("No\tKegiatan\tPelaksana\r\n1\tMenerima surat\t" + "Kepala " * 28 + "Seksi\r\n",
     "paling panjang 100 karakter"),
])
def test_a_bad_paste_is_one_line_in_masalah_and_changes_nothing(qtbot, window, text,  # noqa: F811
                                                                says):
    asked = answer_lanes(window, True)
    editor = window.procedure_view
    editor.select_step(0)
    editor.step_actions.add.trigger()  # an edit to undo afterwards
    before, undo_count = window.document.sop, window.document.undo_stack.count()
    put_on_clipboard(text)
    press(qtbot, editor.table, Qt.Key.Key_V)
    [line] = paste_lines(window)
    assert line.startswith("Tidak ditempel: ") and says in line and "\n" not in line
    assert window.document.sop == before and asked == []
    assert window.document.undo_stack.count() == undo_count
    assert window.document.undo_stack.undoText() == "tambah langkah"
    clear = editor.problems_panel.clear_paste_button
    assert clear.isVisible()
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert paste_lines(window) == [] and not clear.isVisible()


def test_masalah_takes_the_lines_it_needs(qtbot, window):  # noqa: F811
    panel = window.procedure_view.problems_panel
    assert panel.model.rowCount() == 0 and panel.view.height() == 0  # nothing: no band
    line = panel.view.fontMetrics().lineSpacing()
    put_on_clipboard("1\tMengarsipkan dokumen\tStaf\t\t10 menit\r\n")
    press(qtbot, window.procedure_view.table, Qt.Key.Key_V)
    one = panel.view.height()
    assert panel.model.rowCount() == 1 and line <= one <= 3 * line + 8  # its line or two
    qtbot.wait(50)  # the list lays its items out on the next turn of the event loop
    assert panel.view.verticalScrollBar().maximum() == 0
    put_on_clipboard("".join(f"{i}\tLangkah {i}\tStaf\t\t{i} menit kali\r\n"
                             for i in range(1, 30)))
    press(qtbot, window.procedure_view.table, Qt.Key.Key_V)
    assert panel.model.rowCount() > 50
    assert one < panel.view.height() <= 10 * line + 8  # many scroll within a bound
    qtbot.waitUntil(lambda: panel.view.verticalScrollBar().maximum() > 0)  # laid out later
