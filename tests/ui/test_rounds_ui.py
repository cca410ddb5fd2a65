"""A whole Renja round through the window's Pelaksanaan tab, driven with qtbot; then the
dashboard, the database and the report PDF tell the same story."""

from __future__ import annotations

from datetime import datetime, timedelta

from pypdf import PdfReader
from PySide6.QtWidgets import QPushButton
from sqlmodel import select

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.services import officers
from kecamatan_desktop.store.round_models import RoundEventRow, RoundRow
from kecamatan_desktop.ui.rounds.dashboard_model import RoundIdRole

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)


def test_a_whole_renja_round_through_the_window(qtbot, workspace, catalogue_db, tmp_path,
                                                finish):
    w = workspace
    w.ask_start = lambda sop, defaults, names, *rest: (
        "Renja 2027", {"Tim": "Budi Santoso", "Staf": "Dewi Lestari"}, T0)
    round_id = w.start_round("poncokusumo-2018-renja")
    assert round_id is not None and w.errors == []
    assert w.page.isVisible()
    assert w.dashboard.model.rowCount() == 1
    t = T0
    answers = {6: ["tidak", "ya"], 7: ["ya"]}
    completed = 0
    while w.page.detail.current_step is not None and completed < 20:
        position = w.page.detail.current_step
        t += timedelta(minutes=40)
        decision = answers[position].pop(0) if position in answers else None
        w.page.ask_handoff = lambda detail, offer, previous=None, d=decision, at=t: dict(
            decision=d, done_by=None, at=at, output=f"hasil langkah {detail.current_step}",
            note="")
        qtbot.mouseClick(w.page.buttons["complete"], qtbot_left())
        completed += 1
        assert w.errors == []
        if position == 6 and decision == "tidak":
            assert w.page.detail.current_step == 5  # the draft went back to the Staf
    assert completed == 14
    d = w.page.detail
    assert d.status == "done" and d.loops == 1
    assert [s.position for s in d.steps] == [1, 2, 3, 4, 5, 6, 5, 6, 7, 8, 9, 10, 11, 12]
    assert "selesai" in w.page.status.text() and "putaran balik: 1" in w.page.status.text()
    # the passes table shows one line per pass
    assert w.page.steps_model.rowCount() == 14
    assert w.page.steps_model.row(4)[2] == "Dewi Lestari"
    # dashboard (all statuses) tells the same story
    w.dashboard.status_filter.setCurrentIndex(w.dashboard.status_filter.findData("semua"))
    assert w.dashboard.model.rowCount() == 1
    summary = w.dashboard.model.item(0)
    assert (summary.status, summary.loops, summary.current_step) == ("done", 1, None)
    # the database holds one pass record per completion, in the event log
    with catalogue_db.session() as s:
        completions = s.exec(select(RoundEventRow).where(
            RoundEventRow.kind == "step_completed")).all()
        assert [e.position for e in completions] == [1, 2, 3, 4, 5, 6, 5, 6, 7, 8, 9, 10, 11,
                                                     12]
        assert s.exec(select(RoundRow)).one().loops == 1
    # the report PDF
    w.page.ask_save_path = lambda title, suggested, f: tmp_path / "laporan.pdf"
    path = finish(w.page.print_report())
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "putaran balik: 1" in text and "Dewi Lestari" in text
    squashed = "".join(text.split())
    assert squashed.count("Memeriksakonsep") == 3  # step 6 twice (one loop), step 7 once


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_dashboard_double_click_opens_and_marks_late(qtbot, workspace):
    w = workspace
    w.ask_start = lambda sop, defaults, names, *rest: ("Renja lama", {"Tim": "Budi Santoso"},
                                                 T0 - timedelta(days=30))
    rid = w.start_round("poncokusumo-2018-renja")
    w.page.setVisible(False)
    w.dashboard.refresh()
    index = w.dashboard.proxy.index(0, 0)
    assert index.data(RoundIdRole) == rid
    assert "terlambat" in w.dashboard.proxy.index(0, 6).data()
    rect = w.dashboard.table.visualRect(index)
    # a real double click is a press-release followed by a double-click event
    qtbot.mouseClick(w.dashboard.table.viewport(), qtbot_left(), pos=rect.center())
    qtbot.mouseDClick(w.dashboard.table.viewport(), qtbot_left(), pos=rect.center())
    assert w.page.isVisible() and w.page.detail.id == rid


def test_refused_action_shows_the_message_and_records_nothing(qtbot, workspace, catalogue_db):
    w = workspace
    w.ask_start = lambda sop, defaults, names, *rest: ("Renja", {}, T0)
    w.start_round("poncokusumo-2018-renja")
    w.page.ask_handoff = lambda detail, offer, previous=None: None if previous else dict(
        decision="ya", done_by=None, at=T0 + timedelta(hours=1), output="", note="")
    w.page.complete_step()
    assert w.errors and "bukan keputusan" in w.errors[-1]
    with catalogue_db.session() as s:
        assert len(s.exec(select(RoundEventRow)).all()) == 1


def test_hold_resume_and_cancel_buttons(qtbot, workspace):
    w = workspace
    w.ask_start = lambda sop, defaults, names, *rest: ("Renja", {}, None)
    w.start_round("poncokusumo-2018-renja")
    w.page.ask_text = lambda title, prompt: "menunggu data"
    w.page.hold_or_resume()
    assert w.page.detail.status == "on_hold"
    assert not w.page.buttons["complete"].isEnabled()
    w.page.hold_or_resume()
    assert w.page.detail.status == "active"
    w.page.cancel()
    assert w.page.detail.status == "cancelled"
    assert [e.kind for e in w.page.detail.events] == ["started", "held", "resumed",
                                                      "cancelled"]


def test_officer_directory_adds_and_refuses(qtbot, catalogue_db):
    from kecamatan_desktop.ui.rounds.directory import OfficerDirectory

    dialog = OfficerDirectory(catalogue_db)
    qtbot.addWidget(dialog)
    before = dialog.model.rowCount()
    qtbot.keyClicks(dialog.name, "Hendra Wijaya")
    qtbot.keyClicks(dialog.nip, "19910101 201801 1 00")
    dialog.jabatan.setCurrentText("Kasi Pemerintahan")
    assert dialog.add() is False
    assert "18 angka" in dialog.message.text() and dialog.model.rowCount() == before
    dialog.nip.setText("19910101 201801 1 009")
    assert dialog.add() is True
    assert dialog.model.rowCount() == before + 1
    with catalogue_db.session() as s:
        names = [o.name for o in officers.list_officers(session=s)]
    assert "Hendra Wijaya" in names


def test_monitoring_and_evaluation_forms_print(qtbot, workspace, catalogue_db, tmp_path,
                                                finish):
    from kecamatan_desktop.ui.rounds.forms import EvaluationDialog, MonitoringDialog

    w = workspace
    w.ask_start = lambda sop, defaults, names, *rest: ("Renja", {}, datetime.now(WIB))
    w.start_round("poncokusumo-2018-renja")
    monitor = MonitoringDialog(catalogue_db, "poncokusumo-2018-renja")
    qtbot.addWidget(monitor)
    told, asked = [], []
    monitor.show_info = told.append
    monitor.ask_discard = lambda: asked.append("monitoring") or False
    assert monitor.table.rowCount() == 12 and not monitor.dirty
    monitor.table.item(0, 3).setText("Disposisi cepat")
    monitor.show()
    monitor.findChild(QPushButton, "closeForm").click()  # Tutup: typed, not printed
    assert asked == ["monitoring"] and monitor.isVisible()  # kept open: nothing lost
    monitor.ask_save_path = lambda suggested: tmp_path / "monitoring.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(finish(monitor.print_pdf())).pages)
    assert "Disposisi cepat" in text
    assert told == [f"Formulir disimpan sebagai PDF:\n{tmp_path / 'monitoring.pdf'}"]
    monitor.findChild(QPushButton, "closeForm").click()  # printed: closes without asking
    assert asked == ["monitoring"] and not monitor.isVisible()
    evaluation = EvaluationDialog(catalogue_db, "poncokusumo-2018-renja")
    qtbot.addWidget(evaluation)
    evaluation.show_info = told.append
    evaluation.ask_discard = lambda: True
    evaluation.answers[0][0].setChecked(True)
    evaluation.answers[2][1].setChecked(True)
    evaluation.answers[2][2].setText("Langkah 3 terlalu umum")
    evaluation.ask_save_path = lambda suggested: tmp_path / "evaluasi.pdf"
    form = evaluation.filled_form()
    assert [a.answer for a in form.answers[:3]] == [True, None, False]
    text = "\n".join(p.extract_text() for p in PdfReader(finish(evaluation.print_pdf())).pages)
    assert "Langkah 3 terlalu umum" in text


def test_calendar_dialog_days_off_and_hours(qtbot, catalogue_db):
    from datetime import date

    from PySide6.QtCore import QDate

    from kecamatan_desktop.services import calendar
    from kecamatan_desktop.ui.rounds.calendar_dialog import CalendarDialog

    dialog = CalendarDialog(catalogue_db)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2026)
    names = [dialog.model.row(r)[2] for r in range(dialog.model.rowCount())]
    assert "Cuti Bersama Hari Raya Natal" in names
    dialog.new_date.setDate(QDate(2026, 11, 25))
    qtbot.keyClicks(dialog.new_name, "Hari Jadi Kabupaten")
    assert dialog.add_day()
    with catalogue_db.session() as s:
        assert date(2026, 11, 25) in {d.day for d in calendar.days_off(2026, session=s)}
    dialog.hours[4].setText("07:30-11:30, 13:00-1630")
    assert not dialog.save_hours() and "Jumat" in dialog.message.text()
    dialog.hours[4].setText("07:30-11:30, 13:00-16:30")
    dialog.hours[5].setText("08:00-12:00")  # Saturday mornings
    assert dialog.save_hours()
    assert "41 j 30 m" in dialog.week.text()
    with catalogue_db.session() as s:
        assert calendar.working_hours(session=s).days[5] == ((480, 720),)


def test_dashboard_exports_the_listed_rounds(qtbot, workspace, tmp_path, finish):
    from openpyxl import load_workbook

    w = workspace
    w.ask_start = lambda sop, defaults, names, *rest: ("Renja", {}, T0)
    w.start_round("poncokusumo-2018-renja")
    w.dashboard.ask_save_path = lambda suggested: tmp_path / "putaran.xlsx"
    infos = []
    w.dashboard.show_info = infos.append
    path = finish(w.dashboard.export_listed())
    assert load_workbook(path)["Peristiwa"].max_row == 2
    assert infos and "1 putaran" in infos[0]
