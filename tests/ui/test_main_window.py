"""The main window with real widgets over a real catalogue file, driven by qtbot."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester

from kecamatan_desktop.services import catalogue
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.main_window import MainWindow
from tests.conftest import seed_dict


class Dialogs:
    """Stands in for the modal dialogs: answers are set up front, messages are collected."""

    def __init__(self) -> None:
        self.open_paths = []
        self.save_path = None
        self.replace = True
        self.errors: list[str] = []
        self.infos: list[str] = []

    def install(self, window: MainWindow) -> None:
        window.ask_import_paths = lambda: self.open_paths
        window.ask_export_path = lambda suggested: self.save_path
        window.ask_replace = lambda ids: self.replace
        window.show_error = lambda title, text: self.errors.append(text)
        window.show_info = lambda title, text: self.infos.append(text)


def import_through_menu(qtbot, window) -> None:
    """Berkas → Impor…, waiting for its tasks (reading, then storing) to end."""
    window.action_import.trigger()
    tasks = window.interchange
    qtbot.waitUntil(lambda: tasks.task is not None and tasks.task.done, timeout=30000)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialogs():
    return Dialogs()


@pytest.fixture
def window(qtbot, catalogue_db, settings, dialogs):
    w = MainWindow(catalogue_db, settings)
    dialogs.install(w)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def visible_ids(w: MainWindow) -> list[str]:
    return [w.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
            for r in range(w.proxy.rowCount())]


def test_lists_all_21_sops(window):
    assert window.sop_list.model().rowCount() == 21
    assert window.count_label.text() == "21 dari 21 SOP"


def test_models_pass_the_qt_model_tester(window):
    QAbstractItemModelTester(window.list_model)
    QAbstractItemModelTester(window.proxy)
    QAbstractItemModelTester(window.procedure_view.model)


def test_typing_in_the_search_box_narrows_the_list(qtbot, window):
    qtbot.keyClicks(window.search_box, "renja")
    ids = visible_ids(window)
    assert "poncokusumo-2018-renja" in ids and "ngantang-2021-renja" in ids
    assert len(ids) < 21
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "penggandaan")  # only in step text
    assert visible_ids(window) == ["poncokusumo-2018-renstra", "poncokusumo-2018-renja",
                                   "poncokusumo-2018-lkj"]
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "35.07.27")  # only in the Nomor of Ngantang
    assert len(visible_ids(window)) == 12
    assert window.count_label.text() == "12 dari 21 SOP"


def test_office_filter(window):
    window.office_filter.setCurrentIndex(window.office_filter.findData("Kecamatan Ngantang"))
    assert len(visible_ids(window)) == 12
    assert all(i.startswith("ngantang-") for i in visible_ids(window))
    window.office_filter.setCurrentIndex(0)
    assert len(visible_ids(window)) == 21


def test_selecting_an_sop_shows_its_nomor_and_steps(qtbot, window):
    row = visible_ids(window).index("poncokusumo-2018-renja")
    rect = window.sop_list.visualRect(window.proxy.index(row, 0))
    qtbot.mouseClick(window.sop_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.title_label.text() == "Penyusunan Rencana Kerja (Renja)"
    identity = window.identity_view.toPlainText()
    assert "065/ /35.07.07/2018" in identity
    assert "04 Januari 2018" in identity and "11 Januari 2018" in identity
    assert "Drs. SUKARLIN, M.Si." in identity and "NIP. 19650202 198710 1 001" in identity
    assert "Dokumen Renja" in identity
    table = window.procedure_view.model
    assert window.procedure_view.currentWidget() is window.procedure_view.editor_page
    assert table.rowCount() == 12
    assert table.index(4, 1).data() == "Pengetikan konsep Dokumen Renja"
    assert table.index(4, 2).data() == "Staf"
    assert table.index(5, 2).data().startswith("Kasubag Evapor")
    assert "Tidak → 5" in table.index(5, 2).data()
    assert table.index(2, 4).data() == "1 hari"


def test_sop_without_steps_invites_drawing(window):
    assert window.select_sop("ngantang-2021-iku")
    assert window.procedure_view.currentWidget() is window.procedure_view.placeholder_page
    assert "belum digambar" in window.procedure_view.placeholder.text()
    assert "065 / /35.07.27/2021" in window.identity_view.toPlainText()


def test_import_through_the_menu(qtbot, window, dialogs, tmp_path, catalogue_db):
    data = seed_dict()
    data["id"] = "poncokusumo-2027-renja"
    data["name"] = "Penyusunan Renja 2027"
    path = tmp_path / "renja-2027.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    dialogs.open_paths = [path]
    import_through_menu(qtbot, window)
    assert dialogs.errors == []
    assert window.list_model.rowCount() == 22
    assert window.selected_sop_id() == "poncokusumo-2027-renja"
    assert window.title_label.text() == "Penyusunan Renja 2027"


def test_bad_import_shows_the_problem_and_changes_nothing(qtbot, window, dialogs, tmp_path,
                                                           catalogue_db):
    data = seed_dict()
    data["id"] = "uji"
    data["steps"][3]["role"] = "Lurah"
    path = tmp_path / "buruk.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    dialogs.open_paths = [path]
    import_through_menu(qtbot, window)
    assert len(dialogs.errors) == 1
    assert "buruk.json" in dialogs.errors[0] and "steps[3].role" in dialogs.errors[0]
    with catalogue_db.session() as session:
        assert len(catalogue.list_sops(session=session)) == 21
    assert window.list_model.rowCount() == 21


def test_reimport_asks_and_declining_keeps_the_revision(qtbot, window, dialogs, tmp_path,
                                                        catalogue_db):
    path = tmp_path / "renja.json"
    path.write_text(json.dumps(seed_dict()), encoding="utf-8")
    dialogs.open_paths = [path]
    dialogs.replace = False
    import_through_menu(qtbot, window)
    with catalogue_db.session() as session:
        assert catalogue.get_sop("poncokusumo-2018-renja", session=session).revision == 1
    dialogs.replace = True
    import_through_menu(qtbot, window)
    with catalogue_db.session() as session:
        assert catalogue.get_sop("poncokusumo-2018-renja", session=session).revision == 2
    window.select_sop("poncokusumo-2018-renja")
    assert "Revisi ke-2" in window.identity_view.toPlainText()


def test_export_through_the_menu(window, dialogs, tmp_path):
    window.select_sop("poncokusumo-2018-renstra")
    dialogs.save_path = tmp_path / "renstra.json"
    window.action_export.trigger()
    assert json.loads(dialogs.save_path.read_text(encoding="utf-8")) == seed_dict(
        "poncokusumo-2018-renstra")
    assert dialogs.infos and "renstra.json" in dialogs.infos[0]


def test_menus_speak_indonesian(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == [strings.MENU_FILE, strings.MENU_EDIT, strings.MENU_ROUNDS,
                      strings.MENU_HELP]
    file_actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()
                    if a.text()]
    assert file_actions == ["SOP &baru…", "&Gandakan SOP…", "&Hapus SOP…", "&Arsipkan SOP",
                            "Pu&lihkan dari arsip", "&Tampilkan arsip", "&Simpan",
                            "&Riwayat revisi", "&Impor…", "I&mpor buku SOP…", "&Ekspor…",
                            "Ekspor &PDF…",
                            "&Cetak…", "Cetak &Buku SOP…", "&Kertas", "Profil &kantor…",
                            "Basis data…", "Ganti pe&ngguna…", "Ca&dangkan…", "P&ulihkan…",
                            "&Keluar"]
    edit_actions = [a.text() for a in window.menuBar().actions()[1].menu().actions()]
    assert edit_actions == ["&Urungkan", "U&langi", "", "&Cari SOP", "&Periksa SOP", "",
                            "&Salin prosedur dari…", "&Tampilkan SOP contoh…"]


def test_window_size_and_last_sop_are_remembered(qtbot, catalogue_db, settings, window):
    window.resize(790, 590)
    window.select_sop("poncokusumo-2018-pengukuran-kinerja")
    window.close()
    again = MainWindow(catalogue_db, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.selected_sop_id() == "poncokusumo-2018-pengukuran-kinerja"
    assert (again.width(), again.height()) == (790, 590)
    assert again.title_label.text() == "Pengukuran Kinerja"
