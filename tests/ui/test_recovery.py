"""Autosave: unsaved edits written every minute to a recovery file (the timer driven here
directly), removed when saved, discarded or closed normally, and offered back at the next
start after a crash; a damaged file is told in one line and removed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSettings

from kecamatan_desktop.domain.recovery_file import (
    Recovery,
    RecoveryFileError,
    decode,
    encode,
)
from kecamatan_desktop.domain.sop import Decision
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.editor.recovery import INTERVAL_MS, recovery_path
from kecamatan_desktop.ui.editor.sop_editing import UnsavedAnswer
from kecamatan_desktop.ui.main_window import MainWindow
from tests.ui.test_editor import KEGIATAN, RENJA, Dialogs, edit_cell, stored
from tests.ui.test_startup import ROOT

EDITED = "Membentuk Tim Penyusun Renja"


def open_window(qtbot, db, tmp_path, name: str = "s.ini") -> MainWindow:
    w = MainWindow(db, QSettings(str(tmp_path / name), QSettings.Format.IniFormat))
    w.dialogs = Dialogs()
    w.dialogs.install(w)
    w.dialogs.unsaved = UnsavedAnswer.DISCARD
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, catalogue_db, tmp_path):
    w = open_window(qtbot, catalogue_db, tmp_path)
    assert w.select_sop(RENJA)
    w.tabs.setCurrentWidget(w.procedure_view)
    return w


def tick(window) -> None:
    """A minute passes: the autosave timer fires."""
    assert window.autosave.timer.isActive()
    window.autosave.timer.timeout.emit()


def test_unsaved_edits_are_written_every_minute_and_go_when_saved(qtbot, window):
    path = window.autosave.path
    assert window.autosave.timer.interval() == INTERVAL_MS == 60_000
    assert not window.autosave.timer.isActive()  # nothing to keep yet
    edit_cell(qtbot, window, 1, KEGIATAN, EDITED)
    assert not path.exists()  # the first write comes a minute later
    tick(window)
    recovery = decode(path.read_text(encoding="utf-8"))
    assert recovery.sop == window.document.sop and recovery.sop.steps[1].activity == EDITED
    assert (recovery.sop_id, recovery.base_revision) == (RENJA, 1)
    assert recovery.database == str(window.db.path)
    assert path.parent == window.autosave.path.parent and not list(
        path.parent.glob(".~*"))  # written whole: no temporary file left beside it
    edit_cell(qtbot, window, 2, KEGIATAN, "Mengumpulkan bahan Renja")
    tick(window)
    assert decode(path.read_text(encoding="utf-8")).sop.steps[2].activity == (
        "Mengumpulkan bahan Renja")
    window.action_save.trigger()
    assert stored(window.db).revision == 2
    assert not path.exists() and not window.autosave.timer.isActive()


def test_discarding_or_undoing_the_edits_removes_the_file(qtbot, window):
    path = window.autosave.path
    edit_cell(qtbot, window, 1, KEGIATAN, EDITED)
    tick(window)
    window.document.undo_stack.undo()  # back to the saved revision
    assert not path.exists() and not window.autosave.timer.isActive()
    edit_cell(qtbot, window, 1, KEGIATAN, EDITED)
    tick(window)
    assert window.select_sop("poncokusumo-2018-renstra")  # asks; the answer is Buang
    assert window.dialogs.asked == ["unsaved:Penyusunan Rencana Kerja (Renja)"]
    assert not path.exists()


def test_a_crash_leaves_the_edits_and_the_next_start_offers_them(qtbot, window, catalogue_db,
                                                                 tmp_path):
    path = window.autosave.path
    edit_cell(qtbot, window, 1, KEGIATAN, EDITED)
    tick(window)
    left = path.read_bytes()
    window.close()  # closed normally (the edits discarded): nothing to recover
    assert not path.exists()
    path.write_bytes(left)  # as a crash would have left it

    again = open_window(qtbot, catalogue_db, tmp_path, "s2.ini")
    asked = []
    again.autosave.ask_restore = lambda recovery: asked.append(recovery) or True
    assert again.autosave.offer() is True, again.dialogs.errors
    assert [r.sop.name for r in asked] == ["Penyusunan Rencana Kerja (Renja)"]
    assert again.sop_editing.sop_id == RENJA and again.selected_sop_id() == RENJA
    assert again.document.sop.steps[1].activity == EDITED
    assert again.isWindowModified() and stored(catalogue_db).revision == 1  # not saved
    assert again.document.undo_stack.undoText() == strings.UNDO_RECOVERED
    assert again.dialogs.errors == again.dialogs.infos == []
    assert path.exists()  # still kept until the edits are saved or discarded
    again.action_save.trigger()
    assert stored(catalogue_db).sop.steps[1].activity == EDITED and not path.exists()


def test_the_edits_can_be_discarded_at_the_start(qtbot, catalogue_db, tmp_path, window):
    edit_cell(qtbot, window, 1, KEGIATAN, EDITED)
    tick(window)
    left = window.autosave.path.read_bytes()
    window.close()
    window.autosave.path.write_bytes(left)
    again = open_window(qtbot, catalogue_db, tmp_path, "s2.ini")
    again.autosave.ask_restore = lambda recovery: False
    assert again.autosave.offer() is False
    assert not again.autosave.path.exists() and not again.isWindowModified()


@pytest.mark.parametrize("content", [
    b'{"format": "kecamatan-pemulihan/1", "sop": {"id": "x", "ste',  # cut short
    b"\xff\xfe not text",
    b'{"format": "sop-ap/1"}',  # another format
    b'[1, 2, 3]',
])
def test_a_damaged_recovery_file_is_told_in_one_line_and_removed(qtbot, catalogue_db,
                                                                 tmp_path, content):
    w = open_window(qtbot, catalogue_db, tmp_path)
    w.autosave.path.parent.mkdir(parents=True, exist_ok=True)
    w.autosave.path.write_bytes(content)
    w.autosave.ask_restore = lambda recovery: pytest.fail("a damaged file offered")
    assert w.autosave.offer() is False
    assert w.dialogs.errors == [strings.RECOVERY_UNREADABLE]
    assert "\n" not in strings.RECOVERY_UNREADABLE
    assert not w.autosave.path.exists() and not w.isWindowModified()


def test_edits_of_an_sop_deleted_since_are_told_and_removed(qtbot, catalogue_db, tmp_path):
    w = open_window(qtbot, catalogue_db, tmp_path)
    sop = stored(catalogue_db).sop
    gone = replace(sop, id="sudah-dihapus")
    w.autosave.path.parent.mkdir(parents=True, exist_ok=True)
    w.autosave.path.write_text(encode(Recovery(gone, "sudah-dihapus", 3, str(w.db.path),
                                               datetime.now(UTC))), encoding="utf-8")
    w.autosave.ask_restore = lambda recovery: True
    assert w.autosave.offer() is False
    assert len(w.dialogs.errors) == 1 and "sudah-dihapus" in w.dialogs.errors[0]
    assert not w.autosave.path.exists() and not w.isWindowModified()


def test_edits_made_on_an_older_revision_say_so(qtbot, catalogue_db, tmp_path):
    w = open_window(qtbot, catalogue_db, tmp_path)
    sop = stored(catalogue_db).sop
    w.autosave.path.parent.mkdir(parents=True, exist_ok=True)
    edited = replace(sop, name="Renja (dipulihkan)")
    w.autosave.path.write_text(encode(Recovery(edited, RENJA, 0, str(w.db.path),
                                               datetime.now(UTC))), encoding="utf-8")
    w.autosave.ask_restore = lambda recovery: True
    assert w.autosave.offer() is True
    assert w.document.sop.name == "Renja (dipulihkan)"
    assert len(w.dialogs.infos) == 1 and "revisi 0" in w.dialogs.infos[0]


def test_the_recovery_file_keeps_unfinished_edits_exactly():
    """What the import rules refuse (an empty Kegiatan, a decision without its targets, a NIP
    half typed, an unknown lane) comes back as it was."""
    from tests.export.sample_sops import seed_sop

    sop = seed_sop("poncokusumo-2018-renja")
    steps = list(sop.steps)
    steps[1] = replace(steps[1], activity="", role="Lajur baru")
    steps[2] = replace(steps[2], decision=Decision(yes=None, no=None))
    unfinished = replace(sop, steps=tuple(steps),
                         approved_by=replace(sop.approved_by, nip="1965"), revised=None)
    recovery = Recovery(unfinished, sop.id, 4, "C:/data/kecamatan.db",
                        datetime(2026, 12, 7, 3, 0, tzinfo=UTC))
    assert decode(encode(recovery)) == recovery
    with pytest.raises(RecoveryFileError):
        decode(encode(recovery).replace('"revised": null', '"revised": 12'))


CHILD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from kecamatan_desktop.app import run_gui
    from kecamatan_desktop.ui.editor.recovery import Autosave
    from kecamatan_desktop.ui.editor.sop_editing import UnsavedAnswer

    Autosave.ask_restore = lambda self, recovery: True  # the question, answered Pulihkan

    def shown(window, complete):
        if not complete:
            return
        print(json.dumps({"open_sop": window.document.sop.id,
                          "activity": window.document.sop.steps[1].activity,
                          "modified": window.isWindowModified()}), flush=True)
        window.ask_unsaved_changes = lambda name: UnsavedAnswer.DISCARD
        window.close()

    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    run_gui(Path(sys.argv[1]), settings=settings, on_shown=shown, welcome=False)
""")


def test_the_program_offers_the_edits_a_crash_left_when_it_starts(catalogue_db, db_path,
                                                                    tmp_path):
    sop = stored(catalogue_db).sop
    steps = list(sop.steps)
    steps[1] = replace(steps[1], activity=EDITED)
    path = recovery_path(str(db_path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(encode(Recovery(replace(sop, steps=tuple(steps)), RENJA, 1, str(db_path),
                                    datetime.now(UTC))), encoding="utf-8")
    catalogue_db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", CHILD, str(db_path),
                           str(tmp_path / "layar.ini")], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[0])
    assert seen == {"open_sop": RENJA, "activity": EDITED, "modified": True}
    assert not path.exists()  # discarded when the window closed
