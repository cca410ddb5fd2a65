"""The monitoring form dialog: steps no round reached are blank and set apart, not judged."""

from __future__ import annotations

from PySide6.QtCore import QDate

from kecamatan_desktop.services import monitoring
from kecamatan_desktop.ui.rounds.forms import NOT_REACHED_TEXT, MonitoringDialog
from tests.services.test_archive import RENJA, make_rounds


def test_unreached_steps_are_blank_and_grey(qtbot, catalogue_db):
    with catalogue_db.session() as session:
        make_rounds(session, titles=("Renja 2027",))
    dialog = MonitoringDialog(catalogue_db, RENJA)
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(2026, 11, 1))
    dialog.end.setDate(QDate(2026, 11, 30))
    assert dialog.fill()
    table = dialog.table
    assert table.rowCount() == 12
    assert table.item(0, 2).text() in (monitoring.GOOD, monitoring.NOT_GOOD)
    for r in range(3, 12):
        assert table.item(r, 2).text() == ""
        assert table.item(r, 3).text() == monitoring.NOT_REACHED
        assert table.item(r, 3).foreground().color().name() == NOT_REACHED_TEXT
    assert table.item(0, 3).foreground().color().name() != NOT_REACHED_TEXT
    assert monitoring.NOT_GOOD not in [table.item(r, 2).text() for r in range(2, 12)]
    table.item(5, 2).setText(monitoring.GOOD)  # the assessor may still judge it by hand
    assert dialog.edited_form().rows[5].assessment == monitoring.GOOD


def test_a_period_that_ends_before_it_starts_marks_the_end_date(qtbot, catalogue_db):
    from kecamatan_desktop.ui import field_marks

    dialog = MonitoringDialog(catalogue_db, RENJA)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = dialog.table.rowCount()
    dialog.start.setDate(QDate(2026, 11, 30))
    dialog.end.setDate(QDate(2026, 11, 1))
    assert not dialog.fill()
    assert field_marks.is_marked(dialog.end) and "border" in dialog.end.styleSheet()
    assert dialog.period_message.isVisible()
    assert "30 November 2026" in dialog.period_message.text()
    assert dialog.table.rowCount() == rows  # nothing refilled
    dialog.end.setDate(QDate(2026, 12, 31))  # corrected: the mark goes
    assert not field_marks.is_marked(dialog.end) and not dialog.period_message.isVisible()
    assert dialog.fill()


def test_refilling_typed_answers_asks_first(qtbot, catalogue_db):
    dialog = MonitoringDialog(catalogue_db, RENJA)
    qtbot.addWidget(dialog)
    answers = [False, True]
    dialog.ask_discard = lambda: answers.pop(0)
    dialog.table.item(0, 3).setText("catatan yang diketik")
    assert dialog.dirty and not dialog.fill()
    assert dialog.table.item(0, 3).text() == "catatan yang diketik"  # kept
    assert dialog.fill() and not dialog.dirty
    assert dialog.table.item(0, 3).text() != "catatan yang diketik"
