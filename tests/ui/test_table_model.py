"""The one table model: column specs, a sort role a proxy sorts by, Qt's model tester."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.ui.table_model import Column, KeyRole, SortRole, TableModel, natural_key

T = datetime(2026, 12, 1, 8, 0, tzinfo=WIB)
RED = QColor("#f8d7d3")


@dataclass(frozen=True)
class Line:
    id: int
    no: str | None
    when: datetime | None
    minutes: int


LINES = [Line(1, "10", T, 36 * 60), Line(2, "2", T - timedelta(days=40), 7 * 60),
         Line(3, "3a", None, 232 * 60), Line(4, "3", T - timedelta(days=7), 186 * 60),
         Line(5, None, T + timedelta(days=6), 7 * 60)]
COLUMNS = (
    Column("No", lambda r: r.no or "-", lambda r: natural_key(r.no) if r.no else None,
           alignment=Qt.AlignmentFlag.AlignRight),
    Column("Kapan", lambda r: r.when.strftime("%d %b") if r.when else "-", lambda r: r.when,
           tooltip=lambda r: f"baris {r.id}"),
    Column("Lama", lambda r: f"{r.minutes // 60} j", lambda r: r.minutes,
           background=lambda r: RED if r.minutes > 100 * 60 else None),
    Column("Teks", lambda r: f"Langkah {r.no}"),  # sorts by its text, read naturally
)


def _model(parent=None) -> TableModel[Line]:
    model = TableModel(COLUMNS, parent, key=lambda r: r.id)
    model.set_items(LINES)
    return model


def _sorted(model, column: int, order=Qt.SortOrder.AscendingOrder) -> list[str]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.sort(column, order)
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_qts_model_tester_finds_nothing_wrong(qtmodeltester):
    model = _model()
    qtmodeltester.check(model, force_py=False)
    model.set_items(LINES[:2])  # a reset under the tester
    model.set_items([])
    qtmodeltester.check(model, force_py=False)


def test_the_python_model_tester_too(qtmodeltester):
    qtmodeltester.check(_model(), force_py=True)


def test_each_column_sorts_by_its_value_through_a_proxy(qapp):
    model = _model()
    # step numbers as numbers ("2" < "3" < "3a" < "10"), nothing last
    assert _sorted(model, 0) == ["2", "3", "3a", "10", "-"]
    # times by time, not by text ("01 Dec" < "24 Nov" < "07 Dec" as text)
    assert _sorted(model, 1) == ["22 Oct", "24 Nov", "01 Dec", "07 Dec", "-"]
    # durations by minutes: 7 < 36 < 186 < 232, where text gives 186 < 232 < 36 < 7
    assert _sorted(model, 2) == ["7 j", "7 j", "36 j", "186 j", "232 j"]
    assert _sorted(model, 3) == ["Langkah 2", "Langkah 3", "Langkah 3a", "Langkah 10",
                                 "Langkah None"]
    descending = _sorted(model, 2, Qt.SortOrder.DescendingOrder)
    assert descending == ["232 j", "186 j", "36 j", "7 j", "7 j"]


def test_equal_values_share_a_rank_and_keep_their_order():
    model = _model()
    ranks = [model.index(r, 2).data(SortRole) for r in range(model.rowCount())]
    assert ranks == [1, 0, 3, 2, 0]
    assert all(isinstance(rank, int) for rank in ranks)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    for order, ids in ((Qt.SortOrder.AscendingOrder, [2, 5, 1, 4, 3]),
                       (Qt.SortOrder.DescendingOrder, [3, 4, 1, 2, 5])):
        proxy.sort(2, order)
        assert [proxy.index(r, 0).data(KeyRole) for r in range(5)] == ids


def test_roles_come_from_the_column_specs():
    model = _model()
    first = model.index(0, 0)
    assert model.index(2, 0).data(KeyRole) == 3 and first.data(KeyRole) == 1
    assert first.data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(3, 1).data(Qt.ItemDataRole.ToolTipRole) == "baris 4"
    assert first.data(Qt.ItemDataRole.ToolTipRole) is None  # the column has none
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is None  # 36 hours
    assert model.index(2, 2).data(Qt.ItemDataRole.BackgroundRole).color() == RED
    assert model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole) is None
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "No", "Kapan", "Lama", "Teks"]
    assert model.item(4) == LINES[4] and model.items() == LINES


def test_new_columns_with_new_rows():
    model = _model()
    model.set_items(LINES[:1], COLUMNS[:2])
    assert (model.rowCount(), model.columnCount()) == (1, 2)
    assert model.headerData(2, Qt.Orientation.Horizontal) is None


def test_natural_key_reads_numbers_as_numbers():
    texts = ["Renja 10", "renja 2", "Renja 2b", "Renja 2a", "", "Renja"]
    assert sorted(texts, key=natural_key) == ["", "Renja", "renja 2", "Renja 2a", "Renja 2b",
                                              "Renja 10"]
    assert natural_key(None) > natural_key("zzz")
