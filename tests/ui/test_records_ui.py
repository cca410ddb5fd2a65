"""The records in the window: a stale page is refused and refreshed, *Koreksi*, the chain
warning, refresh from elsewhere, the start dialog that keeps what was typed, the done-by
default, the directory's edits, and *Periksa basis data* off the GUI thread."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from kecamatan_desktop.services import officers, rounds
from kecamatan_desktop.services.handoffs import HandoffOffer, Way
from kecamatan_desktop.ui.rounds.dialogs import StartRoundDialog
from kecamatan_desktop.ui.rounds.handoff_dialog import HandoffDialog
from kecamatan_desktop.ui.rounds.log_view import HtmlRole
from tests.services.test_rounds import RENJA, T0


def _start(w, title="Renja 2027", lanes=None):
    w.ask_start = lambda sop, defaults, names, *rest: (title, lanes or {}, T0)
    return w.start_round(RENJA)


def _elsewhere(db, round_id, **kw):
    """Another PC (or the CLI) writes to the same round (handing the file to Siti Aminah
    unless told otherwise)."""
    if not kw.get("no_receiver"):
        kw.setdefault("receiver", "Siti Aminah")
    with db.session() as s:
        seen = rounds.get_round(round_id, session=s)
        return rounds.complete_step(round_id, session=s, expected_version=seen.version, **kw)


def test_a_stale_page_is_refused_with_what_happened_and_refreshed(qtbot, workspace,
                                                                    catalogue_db):
    w = workspace
    rid = _start(w)
    assert w.page.detail.current_step == 1
    _elsewhere(catalogue_db, rid, at=T0 + timedelta(minutes=15), note="dari PC lain")
    w.page.ask_handoff = lambda detail, offer, previous=None: None if previous else dict(
        decision=None, done_by=None, at=T0 + timedelta(minutes=20), output="",
        note="untuk langkah 1")
    assert w.page.complete_step() is False
    assert "Langkah 1 sudah diselesaikan oleh Drs. SUKARLIN, M.Si." in w.errors[-1]
    assert w.page.detail.current_step == 2  # the page shows the round as it is now
    assert all(e.note != "untuk langkah 1" for e in w.page.detail.events)


def test_the_page_and_dashboard_follow_changes_made_elsewhere(qtbot, workspace, catalogue_db):
    w = workspace
    rid = _start(w)
    hub = w.hub
    hub.window_active = lambda: True
    assert hub.poll.isActive() and hub.poll.interval() == 2000
    assert hub.refresh_if_changed() is False  # the tab's own start is known already
    _elsewhere(catalogue_db, rid, at=T0 + timedelta(minutes=15))
    qtbot.waitUntil(lambda: w.page.detail.current_step == 2, timeout=5000)  # the timer
    assert w.dashboard.model.item(0).current_step == 2
    assert hub.refresh_if_changed() is False  # nothing new since
    hub.window_active = lambda: False
    _elsewhere(catalogue_db, rid, at=T0 + timedelta(minutes=30))
    assert hub.refresh_if_changed() is False  # not while the window is in the background
    assert hub.refresh_if_changed(force=True)  # F5
    qtbot.waitUntil(lambda: w.page.detail.current_step == 3, timeout=5000)


def test_koreksi_keeps_the_original_visible_and_uses_the_new_time(qtbot, workspace):
    w = workspace
    _start(w)
    w.page.ask_handoff = lambda detail, offer, previous=None: None if previous else dict(
        decision=None, done_by=None, at=T0 + timedelta(hours=2), output="", note="")
    assert w.page.complete_step()
    offered = []
    w.page.ask_choice = lambda title, prompt, items: offered.append(items)  # no row: a list
    assert w.page.correct_event() is False
    assert offered == [["#2 Serah terima langkah 1 → 2", "#1 Putaran dimulai langkah 1"]]
    w.page.events_view.selectRow(1)  # the handoff of step 1
    w.page.ask_correction = lambda event, choices, line=None: dict(
        reason="jam salah", occurred_at=T0 + timedelta(minutes=10))
    assert w.page.correct_event()
    model = w.page.log_model
    line = model.line(1)
    assert (line.seq, line.at, line.at_was) == (2, T0 + timedelta(minutes=10),
                                                T0 + timedelta(hours=2))
    assert model.index(1, 1).data().endswith("08.10")
    assert "<s>23 November 2026 10.00</s> 23 November 2026 08.10" in model.index(1, 1).data(
        HtmlRole)
    assert "jam salah" in model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    last = model.line(model.rowCount() - 1)
    assert (last.label, last.refers_to, last.note.now) == ("Koreksi", (2,), "jam salah")
    assert w.page.detail.steps[0].working_minutes == 10


def test_a_broken_chain_shows_a_warning_never_silently(qtbot, workspace, catalogue_db):
    w = workspace
    rid = _start(w)
    raw = sqlite3.connect(catalogue_db.path)
    raw.execute("DROP TRIGGER round_event_no_update")
    raw.execute("UPDATE round_event SET entered_by = 'siapa' WHERE round_id = ?", (rid,))
    raw.commit()
    raw.close()
    w.page.show_round(rid)
    assert not w.page.warning.isHidden()
    assert "tidak utuh" in w.page.warning.text() and "#1" in w.page.warning.text()


def test_a_refused_start_asks_again_with_everything_typed_kept(qtbot, workspace):
    w = workspace
    asked = []

    def ask(sop, defaults, choices, tz, previous=None):
        asked.append(previous)
        if len(asked) == 1:
            return ("Renja 2027", {"Camat": None}, T0 + timedelta(days=3650))  # future
        return None  # the user gives up the second time

    w.ask_start = ask
    assert w.start_round(RENJA) is None
    assert "belum terjadi" in w.errors[-1]
    assert asked[1] == ("Renja 2027", {"Camat": None}, T0 + timedelta(days=3650))


def test_the_start_dialog_shows_what_was_typed_before(qtbot, catalogue_db):
    from kecamatan_desktop.domain.zones import WITA
    from kecamatan_desktop.services import catalogue

    with catalogue_db.session() as s:
        sop = catalogue.get_sop(RENJA, session=s).sop
    dialog = StartRoundDialog(sop, {}, [("Budi — Staf", 7)], tz=WITA,
                              previous=("Renja 2027", {"Staf": 7}, T0))
    qtbot.addWidget(dialog)
    title, lanes, at = dialog.values()
    assert title == "Renja 2027" and lanes["Staf"] == 7 and lanes["Camat"] is None
    assert at == T0 and "WITA" in dialog.when.at.displayFormat()


def test_the_handoff_dialog_defaults_and_asks_for_what_is_missing(qtbot, catalogue_db):
    from kecamatan_desktop.services import catalogue

    with catalogue_db.session() as s:
        sop = catalogue.get_sop(RENJA, session=s).sop
    choices = [("A — Camat", 1), ("B — Staf", 2)]
    plain = HandoffDialog(sop, HandoffOffer(1, 1, 2, (Way(None, 2, "2", "x", "Sekcam", 1, "A"),),
                                            choices))
    qtbot.addWidget(plain)
    assert plain.by.currentData() == 2 and plain.receivers[None].currentData() == 1
    assert plain.values()["receiver"] == 1 and plain.values()["no_receiver"] is False
    nobody = HandoffDialog(sop, HandoffOffer(1, 1, None, (Way(None, 2, "2", "x", "Sekcam"),),
                                             choices))
    qtbot.addWidget(nobody)
    assert nobody.by.currentData() is None
    nobody.accept()  # no receiver chosen: asked for, with the way to add one
    assert nobody.result() == 0 and "Tambah pegawai" in nobody.ways_message.text()
    nobody.receivers[None].setCurrentIndex(nobody.receivers[None].findData(-1))
    nobody.accept()  # "(belum ditentukan)" is a choice; who did it is still missing
    assert nobody.result() == 0 and "Pilih siapa" in nobody.by_message.text()
    assert nobody.values()["no_receiver"] is True
    decision = HandoffDialog(sop, HandoffOffer(1, 6, 2, (
        Way("ya", 7, "7", "Memeriksa", "Tim", 1, "A"), Way("tidak", 5, "5", "Ketik", "Staf")),
        choices))
    qtbot.addWidget(decision)
    assert decision.receivers["ya"].isEnabled() and decision.receivers["tidak"].isEnabled()
    decision.radios["tidak"].click()
    assert not decision.receivers["ya"].isEnabled()
    decision.ask_new_officer = lambda jabatan, office: dict(
        name="Dewi", nip="19900303 201501 2 003", jabatan=jabatan, pangkat="", office=office)
    decision.add_officer()
    values = decision.values()
    assert values["decision"] == "tidak" and values["receiver"] == "19900303 201501 2 003"
    assert values["new_officers"][0]["jabatan"] == "Staf"  # the lane's jabatan
    again = HandoffDialog(sop, decision.offer, previous=values)
    qtbot.addWidget(again)
    assert again.values() == values  # asked again after a refusal: nothing lost
    # the added officer refused (a NIP already there, say): choosing someone else drops it
    receiver = again.receivers["tidak"]
    receiver.setCurrentIndex(receiver.findData(2))
    assert again.values()["new_officers"] == [] and again.values()["receiver"] == 2
    gone = HandoffDialog(sop, HandoffOffer(1, 1, 2, (Way(None, 2, "2", "x", "Sekcam", 99,
                                                         "Tidak aktif lagi"),), choices))
    qtbot.addWidget(gone)  # a default no longer in the active list: the clerk must choose
    assert gone.receivers[None].currentData() is None


def test_koreksi_starts_from_the_values_as_they_stand(qtbot):
    from kecamatan_desktop.domain.round_log import LogLine, Value
    from kecamatan_desktop.services.rounds import EventView
    from kecamatan_desktop.ui.rounds.dialogs import CorrectEventDialog

    event = EventView(seq=2, kind="step_completed", label="Langkah selesai",
                      occurred_at=T0, entered_at=T0, entered_by="op", position=1,
                      officer="A", decision=None, note="draf lama", output="", corrected_by=(4,))
    line = LogLine(kind="handoff", label="Serah terima", seq=2, seqs=(2, 3),
                   at=T0 + timedelta(minutes=10), at_was=T0, step="1", next_step="2",
                   note=Value("draf baru", "draf lama", ("salah",)))
    dialog = CorrectEventDialog(event, [("A — Camat", 1)], tz=T0.tzinfo, line=line)
    qtbot.addWidget(dialog)
    assert dialog.note.text() == "draf baru"  # after the earlier correction
    dialog.note.setText("draf lama")
    assert dialog.values()["note"] == "draf lama"  # going back is a change, not nothing


def test_the_directory_edits_and_keeps_history_names(qtbot, workspace, catalogue_db):
    from kecamatan_desktop.ui.rounds.directory import OfficerDirectory

    w = workspace
    _start(w)
    dialog = OfficerDirectory(catalogue_db)
    qtbot.addWidget(dialog)
    row = next(i for i, o in enumerate(dialog.people) if o.name == "Drs. SUKARLIN, M.Si.")
    dialog.table.selectRow(row)
    assert dialog.name.text() == "Drs. SUKARLIN, M.Si."
    dialog.name.setText("Dr. SUKARLIN, M.Si.")
    dialog.acting.setCurrentIndex(dialog.acting.findData("Plt."))
    assert dialog.save_selected(), dialog.message.text()
    assert "Riwayat yang sudah tercatat" in dialog.message.text()
    titles = {dialog.model.row(i)[0]: dialog.model.row(i)[2] for i in range(
        dialog.model.rowCount())}
    assert titles["Dr. SUKARLIN, M.Si."] == "Plt. Camat"
    dialog.confirm = lambda text: True
    dialog.table.selectRow(next(i for i, o in enumerate(dialog.people)
                                if o.name == "Dr. SUKARLIN, M.Si."))
    assert dialog.delete_selected() is False and "nonaktifkan saja" in dialog.message.text()
    w.page.show_round(w.page.detail.id)
    assert w.page.detail.events[0].officer == "Drs. SUKARLIN, M.Si."
    with catalogue_db.session() as s:
        assert officers.find_officer("Dr. SUKARLIN, M.Si.", session=s).acting == "Plt."


def test_periksa_basis_data_runs_off_the_gui_thread(qtbot, catalogue_db, tmp_path):
    from PySide6.QtCore import QSettings

    from kecamatan_desktop.ui.check_dialog import DatabaseCheck
    from kecamatan_desktop.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(catalogue_db, settings)
    qtbot.addWidget(window)
    told = []
    DatabaseCheck.show_result = lambda self, text, ok: told.append((text, ok))
    check = window.check_database()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert told[-1] == (told[-1][0], True) and "Basis data utuh" in told[-1][0]
    assert check.task.done and check.result == []


@pytest.fixture(autouse=True)
def _restore_show_result():
    from kecamatan_desktop.ui.check_dialog import DatabaseCheck

    original = DatabaseCheck.show_result
    yield
    DatabaseCheck.show_result = original


def test_the_correction_dialog_returns_only_what_changed(qtbot, workspace):
    from kecamatan_desktop.ui.rounds.dialogs import CorrectEventDialog

    w = workspace
    _start(w)
    d = w.page.detail
    dialog = CorrectEventDialog(d.events[0], [("Siti Aminah — Sekretaris Kecamatan", 2)],
                                tz=d.tz)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.reason, "salah orang")
    assert dialog.values() == {"reason": "salah orang"}
    dialog.officer.setCurrentIndex(dialog.officer.findData(2))
    dialog.change_time.setChecked(True)
    values = dialog.values()
    assert values["officer"] == 2 and values["occurred_at"] == T0
