"""Profil kantor → Keputusan: the decree edited with the keyboard and mouse, saved as a new
version, and read back from the printed book."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from kecamatan_desktop.domain.legal import RuleRef
from kecamatan_desktop.export.pdf_document import write_book_pdf
from kecamatan_desktop.services import decrees, printing
from kecamatan_desktop.ui.decree_page import DecreePage
from kecamatan_desktop.ui.office_profile import OfficeProfileDialog

PONCO, NGANTANG = "Kecamatan Poncokusumo", "Kecamatan Ngantang"


def _button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def _decree_text(db, office: str, path) -> str:
    """The text of the printed book's decree pages (from its title to the contents)."""
    with db.session() as session:
        book = printing.load_book(office, session=session)
    texts = [p.extract_text() for p in PdfReader(write_book_pdf(book, path)).pages]
    start = next(i for i, t in enumerate(texts) if "KEPUTUSAN CAMAT" in t)
    end = next(i for i, t in enumerate(texts) if "DAFTAR ISI" in t)
    return " ".join(" ".join(texts[start:end]).split())


def _versions(db, office: str) -> list:
    with db.session() as session:
        return decrees.decree_versions(office, session=session)


@pytest.fixture
def dialog(qtbot, catalogue_db):
    d = OfficeProfileDialog(catalogue_db, PONCO)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.tabs.setCurrentWidget(d.decree_page)
    return d


def test_edit_the_poncokusumo_decree_and_print_it(qtbot, dialog, catalogue_db, tmp_path):
    page = dialog.decree_page
    assert page.number.text() == "180/01.A/KEP/35.07.07/2018"
    assert "buku SOP" in page.source.text()  # as transcribed
    assert page.catalogue.rowCount() == 9  # diktum KEDUA: the catalogue as it is
    page.number.selectAll()
    qtbot.keyClicks(page.number, "180/02/KEP/35.07.07/2026")
    # a third Menimbang, typed after clicking Tambah
    page.considering.select(1)
    qtbot.mouseClick(_button(page.considering, "Tambah"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.considering.editor, "bahwa katalog SOP telah diperbarui;")
    # Mengingat: the outdated PP 19/2008 out, PP 17/2018 in from the table
    page.recalling.select(2)
    assert "Nomor 19 Tahun 2008" in page.recalling.editor.toPlainText()
    qtbot.mouseClick(_button(page.recalling, "Hapus"), Qt.MouseButton.LeftButton)
    page.ask_rule = lambda: next(r for r in decrees.rules_in_force()
                                 if r.ref == RuleRef("PP", "17", 2018))
    qtbot.mouseClick(_button(page.recalling, "Tambah dari daftar peraturan…"),
                     Qt.MouseButton.LeftButton)
    assert "daftar peraturan: PP Nomor 17 Tahun 2018" in page.recalling.note.text()
    page.date.setDate(QDate(2026, 2, 3))
    qtbot.keyClicks(page.nip, "19650202 198710 1 001")
    qtbot.keyClicks(page.rank, "Pembina Tk. I")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Keputusan disimpan sebagai versi 1."
    assert "Versi 1, disimpan" in page.source.text()
    [saved] = _versions(catalogue_db, PONCO)
    assert saved.number == "180/02/KEP/35.07.07/2026"

    text = _decree_text(catalogue_db, PONCO, tmp_path / "buku.pdf")
    assert "NOMOR: 180/02/KEP/35.07.07/2026" in text
    assert "c. bahwa katalog SOP telah diperbarui;" in text
    assert "3. Peraturan Pemerintah Nomor 19 Tahun 2008" not in text
    assert "4. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan;" in text
    assert "Pada tanggal 03 Februari 2026" in text
    assert "Pembina Tk. I" in text and "NIP. 19650202 198710 1 001" in text
    assert "1. SOP Penyusunan Renstra;" in text and "9. SOP Penyusunan Laporan Kinerja" in text


def test_a_missing_nomor_and_a_bad_nip_are_named(qtbot, dialog, catalogue_db):
    page = dialog.decree_page
    page.number.clear()
    qtbot.keyClicks(page.nip, "1965")
    page.considering.select(0)
    page.considering.editor.clear()
    assert dialog.save() is False  # the dialog's Simpan saves the changed decree first
    assert dialog.tabs.currentWidget() is page and dialog.isVisible()
    message = page.message.text()
    assert "Nomor wajib diisi." in message and "Menimbang butir a kosong." in message
    assert "NIP Camat: NIP '1965' harus 18 angka" in message
    assert page.number.property("fieldError")  # the first field outlined
    assert _versions(catalogue_db, PONCO) == []
    qtbot.keyClicks(page.number, "180/03")
    page.nip.clear()
    page.considering.editor.setPlainText("bahwa …;")
    assert dialog.save() is True
    assert [v.number for v in _versions(catalogue_db, PONCO)] == ["180/03"]


def test_a_save_from_a_screen_opened_before_another_save_is_refused(qtbot, catalogue_db):
    first, second = DecreePage(catalogue_db, NGANTANG), DecreePage(catalogue_db, NGANTANG)
    for page in (first, second):
        qtbot.addWidget(page)
    assert "templat" in first.source.text()
    first.number.setText("180/1/KEP/35.07.27/2021")
    assert first.save() is True
    second.number.setText("180/lain")
    assert second.save() is False
    assert "sudah disimpan dari layar lain (versi 1" in second.message.text()
    assert "perubahan Anda tidak disimpan" in second.message.text()
    assert [v.number for v in _versions(catalogue_db, NGANTANG)] == ["180/1/KEP/35.07.27/2021"]
    second.load()  # reopened: the newest version, and saving works again
    assert second.number.text() == "180/1/KEP/35.07.27/2021"
    second.number.setText("180/2/KEP/35.07.27/2021")
    assert second.save() is True and second.current.version == 2


def test_ngantang_prints_the_template_decree(catalogue_db, tmp_path):
    text = _decree_text(catalogue_db, NGANTANG, tmp_path / "ngantang.pdf")
    assert "KECAMATAN NGANTANG" in text and "KANTOR KECAMATAN" not in text
    assert "KEPUTUSAN CAMAT NGANTANG KABUPATEN MALANG" in text
    assert "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 " \
           "Tahun 2012" in text
    assert "Ditetapkan di Ngantang Pada tanggal 1 Pebruari 2021" in text
    assert "AKHMAD TAUFIQ J., S.STP" in text and "NIP. 19780605 199612 1 001" in text
    assert "1. SOP Penyusunan Perjanjian Kinerja;" in text
    assert "12. SOP Penyusunan Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP);" in text


def test_the_picker_lists_rules_in_force(qtbot, catalogue_db):
    from kecamatan_desktop.ui.decree_lists import RulePicker

    picker = RulePicker(decrees.rules_in_force(), "2026-12-06")
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.filter, "Kecamatan")
    assert picker.proxy.rowCount() == 1
    picker.view.setCurrentIndex(picker.proxy.index(0, 0))
    assert picker.chosen().ref == RuleRef("PP", "17", 2018)


def test_closing_with_an_unsaved_decree_asks_first(qtbot, dialog, catalogue_db):
    dialog.tabs.setCurrentIndex(0)
    qtbot.keyClicks(dialog.decree_page.place, " Kota")
    asked = []
    dialog.ask_discard = lambda: asked.append(True) or False
    qtbot.mouseClick(_button(dialog, "Batal"), Qt.MouseButton.LeftButton)
    assert asked and dialog.isVisible() and dialog.tabs.currentWidget() is dialog.decree_page
    dialog.ask_discard = lambda: True
    dialog.reject()
    assert not dialog.isVisible() and _versions(catalogue_db, PONCO) == []
