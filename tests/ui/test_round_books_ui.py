"""A round through the Pelaksanaan tab on an SOP as real books write it (step 3 in the Tim
and Staf lanes, one Waktu of 1 jam over steps 4 and 5, 'Setiap saat' at step 1): the real
handoff dialog asks a receiver per lane and offers the holders as who did the step; the
round page, the dashboard and the log name both holders; the span is timed once."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QGraphicsPathItem

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.ui.rounds.handoff_dialog import HandoffDialog
from tests.services.test_round_books import BOOK, store_book_sop

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)  # a Monday


def pick(combo, name: str) -> None:
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if combo.itemText(i).startswith(name)))


def test_a_step_in_two_lanes_through_the_handoff_dialog(qtbot, workspace, catalogue_db):
    with catalogue_db.session() as s:
        store_book_sop(s)
    w = workspace
    w.ask_start = lambda sop, defaults, names, *rest: (
        "Renja buku", {"Tim": "Budi Santoso", "Staf": "Dewi Lestari"}, T0)
    assert w.start_round(BOOK) is not None and w.errors == []
    page = w.page
    seen = {}

    def dialog_for(fill, at):
        def ask(detail, offer, previous=None):
            dialog = HandoffDialog(detail.sop, offer, page, tz=detail.tz, previous=previous)
            qtbot.addWidget(dialog)
            dialog.show()
            fill(dialog)
            dialog.when.set_value(at)
            ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
            assert dialog.result() == 1, dialog.ways_message.text()
            return dialog.values()
        return ask

    def two_receivers(dialog):
        combos = dialog.lane_receivers[None]
        seen["offered"] = [c.currentText().split(" — ")[0] for c in combos]
        seen["objects"] = [c.objectName() for c in combos]
        pick(combos[1], "Rina Wati")

    page.ask_handoff = lambda detail, offer, previous=None: dict(
        decision=None, done_by=None, at=T0 + timedelta(minutes=30), output="", note="")
    qtbot.mouseClick(page.buttons["complete"], Qt.MouseButton.LeftButton)
    page.ask_handoff = dialog_for(two_receivers, T0 + timedelta(minutes=60))
    qtbot.mouseClick(page.buttons["complete"], Qt.MouseButton.LeftButton)
    assert w.errors == []
    assert seen["offered"] == ["Budi Santoso", "Dewi Lestari"]  # each lane's default
    assert seen["objects"] == ["receiver_None", "receiver_None_2"]
    d = page.detail
    assert (d.current_step, d.holder) == (3, "Budi Santoso, Rina Wati")
    assert "dipegang: Budi Santoso, Rina Wati" in page.status.text()
    assert page.steps_model.row(2)[:3] == ("3", "Tim, Staf", "Budi Santoso, Rina Wati")
    handed = [page.log_model.line(r) for r in range(page.log_model.rowCount())][-1]
    assert handed.handed_to.now == "Budi Santoso, Rina Wati"
    row = w.dashboard.model.item(0)
    assert row.holder == "Budi Santoso, Rina Wati"

    def rina_did_it(dialog):
        seen["by"] = [dialog.by.itemText(i) for i in range(1, 3)]
        pick(dialog.by, "Rina Wati")

    page.ask_handoff = dialog_for(rina_did_it, T0 + timedelta(minutes=90))
    qtbot.mouseClick(page.buttons["complete"], Qt.MouseButton.LeftButton)
    assert w.errors == []
    assert [t.split(" — ")[0] for t in seen["by"]] == ["Budi Santoso", "Rina Wati"]
    assert all(t.endswith("(pemegang)") for t in seen["by"])  # the holders first
    assert page.detail.steps[2].done_by == "Rina Wati"
    assert page.steps_model.row(2)[3] == "Rina Wati"
    # the flowchart marks the step in both of its lanes
    scene = page.flowchart.flowchart_scene()
    outlines = [i for i in page.overlay_items if isinstance(i, QGraphicsPathItem)]
    marked = {(round(i.boundingRect().center().x()), round(i.boundingRect().center().y()))
              for i in outlines}
    step3 = {(round(sh.boundingRect().center().x()), round(sh.boundingRect().center().y()))
             for sh in scene.step_shapes[2]}
    assert len(scene.step_shapes[2]) == 2 and step3 <= marked
    for minutes in (130, 170):  # steps 4 and 5, 40 minutes each: 80 against 1 jam
        page.ask_handoff = lambda detail, offer, previous=None, m=minutes: dict(
            decision=None, done_by=None, at=T0 + timedelta(minutes=m), output="", note="")
        qtbot.mouseClick(page.buttons["complete"], Qt.MouseButton.LeftButton)
    assert w.errors == []
    rows = [page.steps_model.row(r) for r in range(page.steps_model.rowCount())]
    assert rows[0][6] == "tanpa waktu baku"
    assert (rows[3][6], rows[4][6]) == ("dalam Langkah 4–5", "Langkah 4–5: 1 jam")
    assert rows[4][7] == "40 menit (Langkah 4–5: 1 jam 20 menit)"
    background = Qt.ItemDataRole.BackgroundRole
    model = page.steps_model
    assert model.data(model.index(4, 0), background) is not None  # the late span, marked
    assert model.data(model.index(3, 0), background) is None
    stats = [page.stats_model.row(r) for r in range(page.stats_model.rowCount())]
    span = next(r for r in stats if r[0] == "4–5")
    assert (span[3], span[6], span[7]) == ("1", "1 jam", "1")
