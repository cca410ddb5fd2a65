"""The Pelaksanaan dashboard on a real database, driven with qtbot: columns sorted by their
value, the filters alone and together, late first, desk time in working days, and what it
says when there is nothing to list."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, Qt

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services import rounds
from kecamatan_desktop.ui.rounds.dashboard_model import RoundIdRole

RENJA = "poncokusumo-2018-renja"
LKJ = "poncokusumo-2018-lkj"
LANES = {"Tim": "Budi Santoso", "Staf": "Dewi Lestari"}
DECISIONS = {6: "ya", 7: "ya"}


def _round(s, title, at, step, *, sop=RENJA, lanes=LANES):
    """A round started at `at` and handed on every five minutes until it is at `step`."""
    r = rounds.start_round(sop, session=s, title=title, at=at, lanes=lanes)
    while r.current_step != step:
        at += timedelta(minutes=5)
        hand = dict(expected_version=r.version, at=at, decision=DECISIONS.get(r.current_step))
        try:
            r = rounds.complete_step(r.id, session=s, **hand)
        except InputError:  # nobody for the next lane: the file goes on without a holder
            r = rounds.complete_step(r.id, session=s, no_receiver=True, **hand)
    return r


def _sortable(db):
    """Four open rounds whose text order and value order differ in every column:
    titles 2, 3, 10; steps 1, 2, 3, 10; since 26 Oktober, 03 November, 01 Desember (text:
    01 < 03 < 26); a held round (ditahan) and a cancelled one (dibatalkan)."""
    with db.session() as s:
        _round(s, "Renja 2", datetime(2026, 10, 26, 8, 0, tzinfo=WIB), 10)
        _round(s, "Renja 10", datetime(2026, 11, 3, 10, 0, tzinfo=WIB), 2)
        held = _round(s, "Renja 3", datetime(2026, 12, 1, 9, 0, tzinfo=WIB), 3)
        rounds.hold_round(held.id, session=s, expected_version=held.version,
                          at=datetime(2026, 12, 1, 10, 5, tzinfo=WIB))
        _round(s, "LKj 2026", datetime.now(WIB), 1, sop=LKJ)
        cancelled = _round(s, "Renja batal", datetime(2026, 10, 1, 8, 0, tzinfo=WIB), 1)
        rounds.cancel_round(cancelled.id, "salah judul", session=s,
                            expected_version=cancelled.version,
                            at=datetime(2026, 10, 1, 9, 0, tzinfo=WIB))


def _office(db):
    """Three rounds late for weeks: Siti Aminah's (step 2, 20 minutes), the Camat's (step 1)
    and one nobody holds (step 3, a day, there half an hour longer than Siti's); one held
    on its first morning, before anyone else's; one just begun on the LKj SOP."""
    with db.session() as s:
        held = _round(s, "Renja ditahan", datetime(2026, 10, 1, 8, 0, tzinfo=WIB), 1)
        rounds.hold_round(held.id, session=s, expected_version=held.version,
                          at=datetime(2026, 10, 1, 8, 5, tzinfo=WIB))
        _round(s, "Renja tanpa", datetime(2026, 10, 26, 7, 0, tzinfo=WIB), 3,
               lanes={"Staf": "Dewi Lestari"})
        _round(s, "Renja lama", datetime(2026, 10, 26, 8, 0, tzinfo=WIB), 2)
        _round(s, "Renja camat", datetime(2026, 11, 2, 8, 0, tzinfo=WIB), 1)
        _round(s, "LKj baru", datetime.now(WIB), 1, sop=LKJ)


def _titles(dashboard) -> list[str]:
    proxy = dashboard.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def _column(dashboard, column: int) -> list[str]:
    proxy = dashboard.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def _click_header(qtbot, dashboard, column: int) -> None:
    header = dashboard.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def _choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _choose_text(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


# sorting -------------------------------------------------------------------------------------

ASCENDING = {  # column: the titles in that column's ascending order
    0: ["LKj 2026", "Renja 2", "Renja 3", "Renja 10"],  # "Renja 10" < "Renja 2" as text
    2: ["LKj 2026", "Renja 10", "Renja 3", "Renja 2"],  # steps 1, 2, 3, 10
    3: ["Renja 2", "LKj 2026", "Renja 10", "Renja 3"],  # Camat, Camat, Sekcam, Tim
    4: ["Renja 3", "Renja 2", "LKj 2026", "Renja 10"],  # Budi, Drs. Sukarlin ×2, Siti
    5: ["Renja 2", "Renja 10", "Renja 3", "LKj 2026"],  # 26 Okt, 03 Nov, 01 Des, today
    6: ["LKj 2026", "Renja 3", "Renja 10", "Renja 2"],  # working minutes
}


def test_each_column_sorts_by_its_value_when_its_header_is_clicked(qtbot, workspace,
                                                                   catalogue_db):
    _sortable(catalogue_db)
    d = workspace.dashboard
    d.refresh()
    assert d.table.horizontalHeader().sortIndicatorSection() == -1
    assert _titles(d) == ASCENDING[5]  # at first: the longest waiting first
    for column, titles in ASCENDING.items():
        _click_header(qtbot, d, column)
        if d.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
            _click_header(qtbot, d, column)
        assert d.proxy.sortColumn() == column
        assert _titles(d) == titles, column
        _click_header(qtbot, d, column)
        assert d.proxy.sortOrder() == Qt.SortOrder.DescendingOrder
        if column not in (3, 4):  # those have ties, which keep their order both ways
            assert _titles(d) == titles[::-1], column
    # the texts themselves would have sorted otherwise: the test would catch a text sort
    d.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _column(d, 0) != sorted(_column(d, 0))
    d.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert _column(d, 2) == ["1", "2", "3", "10"] != sorted(_column(d, 2))
    d.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    since = _column(d, 5)
    assert since[:3] != sorted(since[:3])
    assert [t.split()[1] for t in since[:3]] == ["Oktober", "November", "Desember"]


def test_sop_and_status_sort_by_name_and_by_where_the_round_is_in_its_life(qtbot, workspace,
                                                                           catalogue_db):
    _sortable(catalogue_db)
    d = workspace.dashboard
    d.refresh()
    d.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _titles(d)[0] == "LKj 2026"  # Penyusunan Laporan… before Penyusunan Rencana…
    _choose(d.status_filter, "semua")
    d.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)
    statuses = _column(d, 7)
    assert statuses == ["berjalan", "berjalan", "berjalan", "ditahan", "dibatalkan"]
    assert statuses != sorted(statuses)


def test_desk_time_in_working_days_of_the_office_calendar(workspace, catalogue_db):
    _sortable(catalogue_db)
    d = workspace.dashboard
    d.refresh()
    d.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    desk = dict(zip(_titles(d), _column(d, 6), strict=True))
    # held at 10.05 on Tuesday 1 December, at step 3 since 09.10: 55 minutes of one day
    assert desk["Renja 3"] == "55 menit / 1 hari"
    late = desk["Renja 2"]  # step 10 (30 minutes) since 26 October
    assert " hari" in late and " / 30 menit (terlambat " in late and " j " not in late
    summary = d.model.item(next(r for r in range(d.model.rowCount())
                                if d.model.item(r).title == "Renja 2"))
    days = summary.working_minutes // 450
    assert late.startswith(f"{days} hari")
    tip = d.proxy.index(0, 6).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Dalam hari kerja kalender kantor: 1 hari = 7 jam 30 menit"


# filters ---------------------------------------------------------------------------------------


def test_late_filter_lists_the_late_rounds_only(workspace, catalogue_db):
    _office(catalogue_db)
    d = workspace.dashboard
    d.refresh()
    assert len(_titles(d)) == 5
    _choose(d.status_filter, "terlambat")
    assert sorted(_titles(d)) == ["Renja camat", "Renja lama", "Renja tanpa"]
    assert d.count.text() == "3 putaran; 3 terlambat"
    assert all("terlambat" in text for text in _column(d, 6))


def test_nobodys_filter_and_the_holder_filter_do_not_fight(workspace, catalogue_db):
    _office(catalogue_db)
    d = workspace.dashboard
    d.refresh()
    _choose_text(d.officer_filter, "Siti Aminah")
    assert _titles(d) == ["Renja lama"]
    _choose(d.status_filter, "tanpa-pemegang")
    assert _titles(d) == ["Renja tanpa"]
    assert _column(d, 4) == ["(belum ditentukan)"] and _column(d, 3) == ["Tim"]
    # nobody holds those rounds: a holder cannot be chosen as well
    assert not d.officer_filter.isEnabled() and d.officer_filter.currentIndex() == 0
    _choose(d.status_filter, "aktif")
    assert d.officer_filter.isEnabled() and len(_titles(d)) == 5


def test_held_filter(workspace, catalogue_db):
    _sortable(catalogue_db)
    d = workspace.dashboard
    d.refresh()
    _choose(d.status_filter, "ditahan")
    assert _titles(d) == ["Renja 3"] and _column(d, 7) == ["ditahan"]


def test_filters_combine(workspace, catalogue_db):
    _office(catalogue_db)
    d = workspace.dashboard
    d.refresh()
    _choose(d.status_filter, "terlambat")
    camat = "Drs. SUKARLIN, M.Si."
    _choose_text(d.officer_filter, camat)
    assert _titles(d) == ["Renja camat"]
    _choose_text(d.officer_filter, "Semua pegawai")
    _choose(d.sop_filter, RENJA)
    assert sorted(_titles(d)) == ["Renja camat", "Renja lama", "Renja tanpa"]
    _choose(d.status_filter, "aktif")
    _choose(d.sop_filter, LKJ)
    _choose_text(d.officer_filter, camat)
    assert _titles(d) == ["LKj baru"]


def test_a_filter_with_no_result_says_so_and_clears(qtbot, workspace, catalogue_db):
    _office(catalogue_db)
    d = workspace.dashboard
    d.refresh()
    _choose(d.sop_filter, LKJ)
    _choose(d.status_filter, "terlambat")
    assert d.proxy.rowCount() == 0 and workspace.errors == []
    assert d.stack.currentWidget().objectName() == "dashboardEmpty"
    assert d.message.text() == (
        "Tidak ada putaran yang cocok dengan saringan “Penyusunan Laporan Kinerja (LKj)”, "
        "“Terlambat”: tekan Hapus saringan untuk melihat lagi semua putaran yang berjalan.")
    assert d.clear_button.isVisible() and not d.start_button.isVisible()
    assert d.count.text() == "0 putaran; 0 terlambat"
    qtbot.mouseClick(d.clear_button, Qt.MouseButton.LeftButton)
    assert d.stack.currentWidget() is d.table and len(_titles(d)) == 5
    assert (d.sop_filter.currentData(), d.officer_filter.currentData(),
            d.status_filter.currentData()) == (None, None, "aktif")


def test_late_first_on_request(qtbot, workspace, catalogue_db):
    _office(catalogue_db)
    d = workspace.dashboard
    d.refresh()
    # at first the longest waiting first, the held round (not late) on top
    assert _titles(d) == ["Renja ditahan", "Renja tanpa", "Renja lama", "Renja camat",
                          "LKj baru"]
    d.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    d.late_first.setChecked(True)
    # the late ones, most over their standard first: Siti's 20 minutes' step is further
    # over than the day's step nobody holds, though that one arrived half an hour earlier
    assert _titles(d) == ["Renja lama", "Renja tanpa", "Renja camat", "Renja ditahan",
                          "LKj baru"]
    rows = [d.model.item(r) for r in range(d.model.rowCount())]
    over = [r.working_minutes - r.standard_minutes for r in rows[:3]]
    assert over == sorted(over, reverse=True) and all(r.late for r in rows[:3])
    assert d.table.horizontalHeader().sortIndicatorSection() == -1
    # a column's order replaces it
    _click_header(qtbot, d, 0)
    assert not d.late_first.isChecked() and d.proxy.sortColumn() == 0


def test_the_row_still_opens_its_round(workspace, catalogue_db):
    _office(catalogue_db)
    d = workspace.dashboard
    d.refresh()
    d.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert _titles(d)[0] == "Renja tanpa"
    rid = d.proxy.index(0, 0).data(RoundIdRole)
    assert d.select_round(rid) and d.table.currentIndex().row() == 0
    workspace.open_round(rid)
    assert workspace.page.detail.title == "Renja tanpa"


# nothing to list ---------------------------------------------------------------------------------


def test_an_empty_dashboard_says_how_to_start_a_round(qtbot, workspace):
    d = workspace.dashboard
    assert d.stack.currentWidget().objectName() == "dashboardEmpty"
    assert d.message.text().startswith("Tidak ada putaran yang sedang berjalan.")
    assert "Katalog SOP" in d.message.text() and "Mulai putaran SOP ini…" in d.message.text()
    assert d.start_button.isVisible() and not d.clear_button.isVisible()
    workspace.ask_sop = lambda sops: RENJA
    workspace.ask_start = lambda sop, defaults, names, *rest: ("Renja 2027", LANES, None)
    qtbot.mouseClick(d.start_button, Qt.MouseButton.LeftButton)
    assert workspace.errors == [] and workspace.page.detail.title == "Renja 2027"
    assert d.stack.currentWidget() is d.table and _titles(d) == ["Renja 2027"]


def test_no_open_round_but_finished_ones_still_says_how_to_start(workspace, catalogue_db):
    with catalogue_db.session() as s:
        r = _round(s, "Renja batal", datetime(2026, 10, 1, 8, 0, tzinfo=WIB), 2)
        rounds.cancel_round(r.id, "salah", session=s, expected_version=r.version,
                            at=datetime(2026, 10, 1, 9, 0, tzinfo=WIB))
    d = workspace.dashboard
    d.refresh()
    assert d.message.text().startswith("Tidak ada putaran yang sedang berjalan.")
    _choose(d.status_filter, "semua")
    assert d.stack.currentWidget() is d.table and _titles(d) == ["Renja batal"]
    assert _column(d, 6) == ["seluruhnya 5 menit / 10 menit"]  # step 1, handed on at 08.05
