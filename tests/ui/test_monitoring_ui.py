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
