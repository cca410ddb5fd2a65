"""A clerk's whole Renja round in the real window, from a directory holding only the camats:
officers added from the handoff dialog, a wrong decision undone and made again (a Tidak
loop), a note corrected. At every step the holder shown is the receiver chosen and the
status bar equals a fresh count of the same file."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kecamatan_desktop.domain.calendar import WIB
from kecamatan_desktop.domain.jabatan import KASUBAG_EVAPOR, KASUBAG_UMUM, SEKCAM, STAF
from kecamatan_desktop.services import officers
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui.rounds.dialogs import CorrectEventDialog
from kecamatan_desktop.ui.rounds.handoff_dialog import HandoffDialog
from kecamatan_desktop.ui.rounds.log_view import HtmlRole
from tests.ui.test_change_hub import fresh_count
from tests.ui.test_safety_ui import Dialogs, make_window, settings  # noqa: F401

RENJA = "poncokusumo-2018-renja"
CAMAT = "Drs. SUKARLIN, M.Si."
NEW = {"Siti Aminah": ("19800101 200501 2 001", SEKCAM),
       "Budi Santoso": ("19810202 200601 1 002", KASUBAG_EVAPOR),
       "Dewi Lestari": ("19900303 201501 2 003", STAF),
       "Agus Salim": ("19850404 201001 1 004", KASUBAG_UMUM)}


@pytest.fixture
def window(qtbot, catalogue_db, settings):  # noqa: F811
    w = make_window(qtbot, catalogue_db, settings, Dialogs())
    w.hub.poll.stop()  # nothing else writes: the window's own writes must be enough
    w.rounds.show_error = w.rounds.page.show_error = pytest.fail
    return w


class Clerk:
    """Fills the real handoff dialog as a clerk would: picks the way, keeps the offered
    receiver or picks/adds one, sets the time."""

    def __init__(self, window) -> None:
        self.w = window
        self.t = datetime.now(WIB) - timedelta(days=20)
        self.offered: list[str | None] = []
        window.rounds.page.ask_handoff = self.fill

    def hand_on(self, decision=None, to=None, note=""):
        self.plan = (decision, to, note)
        self.t += timedelta(hours=3)
        assert self.w.rounds.page.complete_step()

    def fill(self, detail, offer, previous=None):
        decision, to, note = self.plan
        dialog = HandoffDialog(detail.sop, offer, self.w.rounds.page, tz=detail.tz,
                               previous=previous)
        if decision:
            dialog.radios[decision].click()
        combo = dialog.receivers.get(decision)
        self.offered.append(combo.currentText().split(" — ")[0] if combo else None)
        if to in NEW and all(name != to for name, _ in offer.officers
                             if name.startswith(to)):
            nip, jabatan = NEW[to]
            dialog.ask_new_officer = lambda j, office: dict(
                name=to, nip=nip, jabatan=jabatan, pangkat="", office=office)
            dialog.add_officer()
        elif to is not None:
            combo.setCurrentIndex(next(i for i in range(combo.count())
                                       if combo.itemText(i).startswith(to)))
        dialog.when.set_value(self.t)
        dialog.note.setPlainText(note)
        dialog.accept()
        assert dialog.result() == 1, dialog.ways_message.text() + dialog.by_message.text()
        return dialog.values()


def shows(w, holder: str | None, step: int | None) -> None:
    """The round page, the dashboard and the status bar say the same as the database."""
    page = w.rounds.page
    d = page.detail
    assert (d.current_step, d.holder) == (step, holder)
    if step is not None:
        assert f"dipegang: {holder}" in page.status.text()
        row = next(w.rounds.dashboard.model.item(r)
                   for r in range(w.rounds.dashboard.model.rowCount()))
        assert (row.current_step, row.holder) == (step, holder)
    assert w.status_line.rounds.text() == fresh_count(w.db.path)


def test_a_whole_renja_round_from_an_empty_directory(qtbot, window):
    w = window
    assert {o.name for o in call(w.db, officers.list_officers)} == {
        CAMAT, "AKHMAD TAUFIQ J., S.STP"}  # the new database's two camats, nobody else
    clerk = Clerk(w)
    w.select_sop(RENJA)
    w.rounds.ask_start = lambda sop, defaults, names, *rest: ("Renja 2027", {}, clerk.t)
    w.start_round()
    shows(w, CAMAT, 1)
    assert w.status_line.rounds.text().startswith("1 putaran")
    for decision, to, step, note in (
            (None, "Siti Aminah", 2, ""),  # Sekcam: nobody yet, added here
            (None, "Budi Santoso", 3, ""),  # Tim: no jabatan names it, added here
            (None, None, 4, "konsep awal"),  # Kasubag Evapor: Budi by his jabatan
            (None, "Dewi Lestari", 5, ""),  # Staf: added here
            (None, None, 6, ""),  # Kasubag Evapor again: Budi
            ("ya", None, 7, "")):  # wrong: the draft was not agreed; Tim: Budi held it
        clerk.hand_on(decision, to, note)
        expected = to or ("Budi Santoso" if step in (4, 6, 7) else None)
        shows(w, expected, step)
    assert clerk.offered[2:] == ["Budi Santoso", "— pilih penerima —", "Budi Santoso",
                                 "Budi Santoso"]
    # Batalkan serah terima: back at step 6 with Budi, the wrong Ya struck through
    w.rounds.page.ask_text = lambda title, prompt: "salah pilih: konsep belum disetujui"
    assert w.rounds.page.undo_handoff()
    shows(w, "Budi Santoso", 6)
    voided = [line for line in w.rounds.page.detail.log if line.voided_by]
    assert [(line.step, line.decision) for line in voided] == [("6", "ya")]
    assert w.rounds.page.log_model.index(
        w.rounds.page.detail.log.index(voided[0]), 2).data().endswith("dibatalkan #14")
    # the decision made again: Tidak sends the draft back to the Staf, then on
    for decision, to, step in (("tidak", None, 5), (None, None, 6), ("ya", None, 7),
                               ("ya", None, 8), (None, None, 9), (None, None, 10),
                               (None, "Agus Salim", 11), (None, None, 12)):
        clerk.hand_on(decision, to)
        expected = to or {5: "Dewi Lestari", 6: "Budi Santoso", 7: "Budi Santoso",
                          8: "Siti Aminah", 9: CAMAT, 10: CAMAT, 12: "Dewi Lestari"}[step]
        shows(w, expected, step)
    clerk.hand_on()
    shows(w, None, None)
    d = w.rounds.page.detail
    assert d.status == "done" and d.loops == 1
    assert [s.position for s in d.steps] == [1, 2, 3, 4, 5, 6, 5, 6, 7, 8, 9, 10, 11, 12]
    assert {o.name for o in call(w.db, officers.list_officers)} >= set(NEW)
    # Koreksi of a note, on the row of step 3's handoff, in the real dialog
    page = w.rounds.page
    row = next(i for i, line in enumerate(d.log) if line.kind == "handoff"
               and line.step == "3")
    page.events_view.selectRow(row)

    def correct(event, choices, line=None):
        dialog = CorrectEventDialog(event, choices, page, tz=d.tz, line=line)
        dialog.note.setText("konsep awal dari Tim")
        dialog.reason.setText("catatan kurang lengkap")
        return dialog.values()

    page.ask_correction = correct
    assert page.correct_event()
    line = page.detail.log[row]
    assert (line.note.now, line.note.was) == ("konsep awal dari Tim", "konsep awal")
    html = page.log_model.index(row, 8).data(HtmlRole)
    assert html == "<s>konsep awal</s> konsep awal dari Tim"
    shows(w, None, None)
