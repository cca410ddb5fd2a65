"""Sunting → Periksa SOP: findings in the Masalah panel, one set aside with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kecamatan_desktop.services import checking
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from tests.ui.test_main_window import dialogs, settings, window  # noqa: F401, F811 - fixtures


def _rows(panel) -> list[str]:
    return [panel.model.index(r).data() for r in range(panel.model.rowCount())]


def test_periksa_lists_findings_and_one_is_dismissed(qtbot, window, catalogue_db):  # noqa: F811
    assert window.select_sop("poncokusumo-2018-renja")
    panel = window.procedure_view.problems_panel
    assert _rows(panel) == [] and not panel.dismiss_button.isVisible()
    window.tabs.setCurrentWidget(window.identity_page)

    window.sop_check.action.trigger()
    assert window.tabs.currentWidget() is window.procedure_view
    rows = _rows(panel)
    assert rows == [
        "[peringatan] Keterkaitan butir 1: 'SOP Penyusunan Laporan Realisasi Anggaran' tidak "
        "ada di katalog kantor ini; tambahkan SOP-nya atau betulkan namanya.",
        "[peringatan] Peringatan: Peringatan kosong; tulis apa akibatnya bila SOP ini tidak "
        "dilaksanakan.",
        "[peringatan] Langkah 5: Kegiatan: Kegiatan diawali 'Pengetikan', bukan kata kerja; "
        "Permenpan-RB 35/2012 meminta kegiatan diawali kata kerja."]
    assert panel.title() == strings.PROBLEMS_TITLE.format(count=3)

    # activating the step's finding goes to the step, as problems do
    index = panel.model.index(2)
    panel.view.setCurrentIndex(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.view.visualRect(index).center())
    assert window.procedure_view.table.currentIndex().row() == 4

    asked = []
    window.sop_check.ask_reason = lambda text: asked.append(text) or "Istilah kantor"
    assert panel.dismiss_button.isEnabled()
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert asked == [rows[2]]
    assert _rows(panel) == rows[:2]
    stored = call(catalogue_db, checking.check_stored_sop, "poncokusumo-2018-renja")
    [(finding, dismissal)] = stored.dismissed
    assert finding.place == "steps[4].activity" and dismissal.reason == "Istilah kantor"

    # another SOP: the findings of this one go
    assert window.select_sop("poncokusumo-2018-lkj")
    assert _rows(panel) == []


def test_a_finding_set_aside_meanwhile_on_another_pc_is_told_and_leaves(qtbot, window,  # noqa: F811
                                                                       catalogue_db):
    assert window.select_sop("poncokusumo-2018-renja")
    panel = window.procedure_view.problems_panel
    window.sop_check.action.trigger()
    rows = _rows(panel)
    finding = call(catalogue_db, checking.check_stored_sop, "poncokusumo-2018-renja").findings[2]
    call(catalogue_db, checking.dismiss, finding, "sudah sesuai buku", by="ani")  # the other PC
    told = []
    window.sop_check.show_info = lambda title, text: told.append(text)
    window.sop_check.ask_reason = lambda text: "Istilah kantor"
    index = panel.model.index(2)
    panel.view.setCurrentIndex(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.view.visualRect(index).center())
    assert panel.dismiss_button.isEnabled()
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert told and "sudah diabaikan oleh ani" in told[0]
    assert _rows(panel) == rows[:2]  # shown as it stands now
