"""The officer directory dialog: formatted NIPs, sorting and search, add/edit/deactivate, and
a spreadsheet import whose bad rows are marked before anything is written."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt

from kecamatan_desktop.services import officers
from kecamatan_desktop.ui.rounds.directory import NAME, NIP, OfficerDirectory

STAFF = [("Siti Aminah", "198001012005012001", "Sekretaris Kecamatan"),
         ("budi Santoso", "19810202 200601 1 002", "Staf"),
         ("Agus Salim", "19850404 201001 1 004", "Kasi Pemerintahan")]


@pytest.fixture
def dialog(qtbot, catalogue_db):
    with catalogue_db.session() as s:
        for name, nip, jabatan in STAFF:
            officers.add_officer(session=s, name=name, nip=nip, jabatan=jabatan)
    d = OfficerDirectory(catalogue_db)
    qtbot.addWidget(d)
    return d


def column(d, col) -> list[str]:
    return [d.proxy.index(r, col).data() for r in range(d.proxy.rowCount())]


def click_header(qtbot, d, col) -> None:
    header = d.table.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_nips_are_printed_and_headers_sort(qtbot, dialog):
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "19800101 200501 2 001" in column(dialog, NIP)
    names = column(dialog, NAME)
    assert names == sorted(names, key=str.casefold) and "budi Santoso" in names
    click_header(qtbot, dialog, NIP)
    nips = column(dialog, NIP)
    assert nips in (sorted(nips), sorted(nips, reverse=True)) and len(set(nips)) > 2
    click_header(qtbot, dialog, NIP)
    assert column(dialog, NIP) == nips[::-1] and column(dialog, NAME) != names


def test_search_filters_on_name_nip_and_jabatan(qtbot, dialog):
    qtbot.keyClicks(dialog.search, "AMINAH")
    assert column(dialog, NAME) == ["Siti Aminah"]
    dialog.search.setText("198504042010")  # the NIP typed without its spaces
    assert column(dialog, NAME) == ["Agus Salim"]
    dialog.search.setText("kasi pem")
    assert column(dialog, NAME) == ["Agus Salim"] and dialog.shown.text().startswith("1 dari")
    dialog.search.clear()
    assert dialog.proxy.rowCount() == dialog.model.rowCount()


def test_add_edit_and_deactivate_through_the_dialog(qtbot, dialog, catalogue_db):
    qtbot.keyClicks(dialog.name, "Hendra Wijaya")
    qtbot.keyClicks(dialog.nip, "197805122002121003")
    dialog.jabatan.setCurrentText("Staf")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "19780512 200212 1 003" in column(dialog, NIP)
    dialog.search.setText("hendra")
    dialog.table.selectRow(0)
    assert dialog.nip.text() == "19780512 200212 1 003"
    dialog.name.setText("Hendra W.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.search.setText("hendra w")
    assert column(dialog, NAME) == ["Hendra W."]
    dialog.table.selectRow(0)
    dialog.toggle_selected()
    assert column(dialog, 4) == ["Nonaktif"]
    with catalogue_db.session() as s:
        hendra = next(o for o in officers.list_officers(session=s) if o.name == "Hendra W.")
    assert not hendra.active and hendra.nip == "19780512 200212 1 003"


def _sheet(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_import_marks_the_bad_row_and_imports_only_after_yes(qtbot, dialog, catalogue_db,
                                                            db_path, tmp_path, finish):
    path = _sheet(tmp_path / "pegawai.xlsx", [
        ("NAMA", "Nip", "Jabatan", "Keterangan"),
        ("Hendra Wijaya", "19780512 200212 1 003", "Staf", "baru"),
        ("Tono", "1978051220021", "Staf", ""),
        ("Rina Wati", "19870505 201101 2 005", "Staf", "")])
    dialog.ask_import_path = lambda: path
    previews = []
    dialog.confirm_import = lambda preview: previews.append(preview) or False
    before = db_path.read_bytes()
    finish(dialog.import_sheet())
    preview = previews[0]
    assert preview.import_button.text() == "Impor 2 pegawai" and preview.bad == 1
    marked = [preview.model.row(r)[0] for r in range(preview.model.rowCount())
              if preview.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is not None]
    assert marked == ["3"]
    assert "NIP: NIP '1978051220021' harus 18 angka" in preview.model.row(1)[4]
    assert "dibatalkan" in dialog.message.text() and db_path.read_bytes() == before
    dialog.confirm_import = lambda preview: True
    finish(dialog.import_sheet())
    assert "Diimpor: 2 pegawai; 1 baris bermasalah dilewati" in dialog.message.text()
    assert {"Hendra Wijaya", "Rina Wati"} <= set(column(dialog, NAME))
    assert "Tono" not in column(dialog, NAME)


def test_a_malformed_file_is_named_and_changes_nothing(dialog, db_path, tmp_path, finish):
    path = _sheet(tmp_path / "pegawai.xlsx", [("Nama", "Jabatan"), ("Tono", "Staf")])
    dialog.ask_import_path = lambda: path
    dialog.confirm_import = lambda preview: pytest.fail("no preview for a malformed file")
    before = db_path.read_bytes()
    finish(dialog.import_sheet())
    assert "tidak punya kolom NIP" in dialog.message.text() and db_path.read_bytes() == before
