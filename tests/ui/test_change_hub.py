"""One change channel: each kind of write (start a round, complete a step, hold, add an
officer, add a day off, change the office profile, revise an SOP), made from the window, from
the command line and from a second process, reaches the window's views through its hub;
after each, the status bar's counts are those of a fresh start on the same file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kecamatan_desktop.cli import main
from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.domain.jabatan import STAF
from kecamatan_desktop.services import catalogue, history, officers, rounds
from kecamatan_desktop.services.changes import Changes
from kecamatan_desktop.services.session import call, open_catalogue
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.office_profile import OfficeProfileDialog
from kecamatan_desktop.ui.rounds.calendar_dialog import CalendarDialog
from kecamatan_desktop.ui.rounds.directory import OfficerDirectory
from tests.services.test_rounds import add_staff
from tests.ui.elsewhere import OFFICE, RENJA, STARTED
from tests.ui.test_editor import KEGIATAN, edit_cell
from tests.ui.test_safety_ui import Dialogs, make_window, settings  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, catalogue_db, settings):  # noqa: F811
    with catalogue_db.session() as s:
        add_staff(s)
    w = make_window(qtbot, catalogue_db, settings, Dialogs())
    w.hub.poll.stop()  # the test drives the poll's reads itself
    w.hub.window_active = lambda: True
    w.rounds.show_error = w.rounds.page.show_error = pytest.fail
    return w


def fresh_count(path: Path) -> str:
    """The status bar's counts as a fresh start on the same file shows them."""
    db = open_catalogue(path)
    try:
        open_rounds, late = call(db, history.open_round_counts)
    finally:
        db.close()
    return strings.STATUS_ROUNDS.format(open=open_rounds, late=late)


def poll_once(hub) -> None:
    """One read of the stamps in the poll's worker thread, taken up on the GUI thread."""
    poll = hub.poll
    poll._next_read = 0
    poll._tick()
    poll._future.result(timeout=10)
    poll._tick()


def check(qtbot, w) -> None:
    """The status bar equals a fresh count (counted again when the write could move it: the
    caller blanked it); the dashboard lists what a fresh read lists; the open round is as
    stored."""
    counts = w.status_line.rounds
    qtbot.waitUntil(lambda: counts.text() == fresh_count(w.db.path), timeout=5000)
    QApplication.processEvents()  # the open round page follows on the next turn
    board = w.rounds.dashboard
    shown = {(s.id, s.current_step, s.status) for s in
             (board.model.item(r) for r in range(board.model.rowCount()))}
    stored = call(w.db, history.dashboard, view=board.status_filter.currentData())
    assert shown == {(s.id, s.current_step, s.status) for s in stored.rows}
    page = w.rounds.page.detail
    if page is not None:
        now = call(w.db, rounds.get_round, page.id)
        assert (page.version, page.current_step, page.status) == (
            now.version, now.current_step, now.status)


def writes_from_the_window(qtbot, w):
    """Each kind of write through the window's own widgets."""
    rid = None

    def start():
        nonlocal rid
        w.select_sop(RENJA)
        w.rounds.ask_start = lambda sop, defaults, names, *rest: ("Renja jendela", {}, STARTED)
        rid = w.start_round()
        assert w.rounds.page.detail.id == rid

    def complete():
        w.rounds.page.ask_handoff = lambda detail, offer, previous=None: dict(
            decision=None, done_by=None, at=STARTED + timedelta(hours=1), output="", note="")
        assert w.rounds.page.complete_step()
        assert w.rounds.page.detail.current_step == 2

    def hold():
        w.rounds.page.ask_text = lambda title, prompt: "menunggu data"
        assert w.rounds.page.hold_or_resume()

    def officer():
        directory = OfficerDirectory(w.db, w)
        qtbot.addWidget(directory)
        directory.name.setText("Wawan Jendela")
        directory.nip.setText("19910606 201601 1 006")
        directory.jabatan.setCurrentText(STAF)
        assert directory.add()
        board = w.rounds.dashboard.officer_filter
        assert board.findData("Wawan Jendela") >= 0  # the dashboard's filter names them

    def day_off():
        dialog = CalendarDialog(w.db, w)
        qtbot.addWidget(dialog)
        day = date.today() - timedelta(days=4)
        dialog.new_date.setDate(day)
        dialog.new_name.setText("Libur dari jendela")
        assert dialog.add_day()

    def office():
        dialog = OfficeProfileDialog(w.db, OFFICE, w)
        qtbot.addWidget(dialog)
        dialog.time_zone.setCurrentIndex(dialog.time_zone.findData("WITA"))
        assert dialog.save()

    def revise():
        w.main_tabs.setCurrentIndex(0)
        w.select_sop(RENJA)
        edit_cell(qtbot, w, 0, KEGIATAN, "Diubah di jendela")
        assert w.save()
        assert w.document.current_revision == 2 and not w.document.is_modified

    return [(start, True), (complete, True), (hold, True), (officer, False),
            (day_off, True), (office, True), (revise, False)]


def test_writes_from_the_window_reach_every_view_at_once(qtbot, window):
    seen: list[Changes] = []
    window.hub.changed.connect(seen.append)
    for write, moves_counts in writes_from_the_window(qtbot, window):
        window.main_tabs.setCurrentWidget(window.rounds)
        if moves_counts:
            window.status_line.rounds.setText("?")  # counted again, or the check fails
        before = len(seen)
        write()
        # at once: nothing waited for the poll, which is stopped
        assert len(seen) > before and not any(c.elsewhere for c in seen[before:])
        check(qtbot, window)
        assert window.hub.refresh_if_changed() is False  # the window's writes are not news


def cli(*args) -> str:
    from contextlib import redirect_stdout
    from io import StringIO

    out = StringIO()
    with redirect_stdout(out):
        assert main([str(a) for a in args]) == 0
    return out.getvalue()


def test_writes_from_the_command_line_reach_the_window_by_its_poll(qtbot, window, tmp_path):
    db = ["--db", window.db.path]
    started = STARTED.isoformat()
    window.select_sop(RENJA)
    window.main_tabs.setCurrentWidget(window.rounds)
    steps = [
        (lambda: cli(*db, "round", "start", RENJA, "--title", "Renja CLI", "--at", started),
         True),
        (lambda: cli(*db, "round", "complete", rid(window), "--step", "1", "--at",
                     (STARTED + timedelta(hours=1)).isoformat()), True),
        (lambda: cli(*db, "round", "hold", rid(window), "--note", "menunggu"), True),
        (lambda: cli(*db, "officer", "add", "--name", "Wawan CLI", "--nip",
                     "19910606 201601 1 007", "--jabatan", STAF), False),
        (lambda: cli(*db, "import", "--replace", revised_file(window, tmp_path)), False),
    ]
    for write, moves_counts in steps:
        if moves_counts:
            window.status_line.rounds.setText("?")
        write()
        poll_once(window.hub)
        check(qtbot, window)
    assert window.rounds.dashboard.officer_filter.findData("Wawan CLI") >= 0
    assert window.document.current_revision == 2  # Renja, open and unedited, followed


def rid(window) -> int:
    """The newest round (the one the last command started)."""
    return max(call(window.db, history.dashboard, view="semua").rows, key=lambda s: s.id).id


def revised_file(window, tmp_path: Path) -> Path:
    data = json.loads(call(window.db, catalogue.export_sop, RENJA))
    data["steps"][0]["activity"] = "Diubah dari baris perintah"
    path = tmp_path / "renja.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_writes_from_a_second_process_reach_the_window_by_its_poll(qtbot, window):
    window.main_tabs.setCurrentWidget(window.rounds)

    def elsewhere(kind: str, *args) -> str:
        done = subprocess.run([sys.executable, "-m", "tests.ui.elsewhere", str(window.db.path),
                               kind, *map(str, args)], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    started = int(elsewhere("start"))
    poll_once(window.hub)
    check(qtbot, window)
    window.rounds.open_round(started)  # the other process's round, open here
    for kind, moves_counts in (("complete", True), ("hold", True), ("officer", False),
                               ("day_off", True), ("office", True), ("revise", False)):
        if moves_counts:
            window.status_line.rounds.setText("?")
        elsewhere(kind, started)
        poll_once(window.hub)
        check(qtbot, window)
    assert window.rounds.page.detail.status == "on_hold"
    assert window.rounds.dashboard.officer_filter.findData("Yuni Proses") >= 0
    assert window.list_model.row_of(RENJA) >= 0


def test_a_tab_hidden_during_a_change_catches_up_when_shown(qtbot, window):
    window.main_tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not window.rounds.isVisible())
    other = open_catalogue(window.db.path)
    try:
        with other.session() as s:
            rounds.start_round(RENJA, session=s, title="Renja PC lain", at=STARTED)
    finally:
        other.close()
    poll_once(window.hub)
    assert window.status_line.rounds.text() == fresh_count(window.db.path)  # always shown
    window.main_tabs.setCurrentWidget(window.rounds)
    check(qtbot, window)
    assert window.rounds.dashboard.model.rowCount() == 1


def test_changes_elsewhere_while_writing_here_are_told_as_well(qtbot, window):
    """Another PC added an officer just before this window started a round: the round is
    the window's own news, the officer found by the same look at the stamps."""
    seen: list[Changes] = []
    window.hub.changed.connect(seen.append)
    with window.db.session() as s:  # the other PC, on the same file
        officers.add_officer(session=s, name="Yuni PC Lain", nip="19930909 201901 2 010",
                             jabatan=STAF, office=OFFICE)
    window.select_sop(RENJA)
    window.rounds.ask_start = lambda sop, defaults, names, *rest: ("Renja", {}, STARTED)
    rid_ = window.start_round()
    assert seen[0] == Changes(rounds=frozenset({rid_}))
    assert seen[1] == Changes(officers=True, elsewhere=True)
    assert window.rounds.dashboard.officer_filter.findData("Yuni PC Lain") >= 0
    assert window.hub.refresh_if_changed() is False


def test_the_status_bar_never_lies_after_a_whole_round(qtbot, window):
    """The issue's case: a round started and nine handoffs made with the window open."""
    window.select_sop(RENJA)
    window.rounds.ask_start = lambda sop, defaults, names, *rest: (
        "Renja 2027", {"Tim": "Budi Santoso", "Staf": "Dewi Lestari"},
        datetime.now(WIB) - timedelta(days=30))
    window.start_round()
    page = window.rounds.page
    t = datetime.now(WIB) - timedelta(days=29)
    for _ in range(9):
        t += timedelta(hours=2)
        decision = "ya" if page.detail.current_step in (6, 7) else None
        page.ask_handoff = lambda detail, offer, previous=None, at=t, d=decision: dict(
            decision=d, done_by=None, at=at, output="", note="")
        assert page.complete_step()
        assert window.status_line.rounds.text() == fresh_count(window.db.path)
    assert window.status_line.rounds.text() != strings.STATUS_ROUNDS.format(open=0, late=0)


def test_the_changes_noted_by_a_widget_write_need_no_wiring(qtbot, window):
    """A widget's `call` on the window's database reaches the hub with nothing at the call
    site: the directory dialog knows nothing of the hub."""
    seen: list[Changes] = []
    window.hub.changed.connect(seen.append)
    directory = OfficerDirectory(window.db, None)
    qtbot.addWidget(directory)
    directory.name.setText("Tanpa Kabel")
    directory.nip.setText("19910606 201601 1 008")
    assert directory.add()
    assert seen == [Changes(officers=True)]
