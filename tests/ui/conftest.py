"""Fixtures of the window tests: the Pelaksanaan workspace on a real catalogue."""

from __future__ import annotations

import pytest

from kecamatan_desktop.app import speak_indonesian
from kecamatan_desktop.services import officers
from kecamatan_desktop.ui.rounds.workspace import RoundsWorkspace
from tests.keyrings import no_ring, ring  # noqa: F401 - fixtures
from tests.services.test_rounds import STAFF


@pytest.fixture(scope="session", autouse=True)
def _qt_in_indonesian(qapp):
    """The tests' application speaks as the program's does (app.make_application)."""
    speak_indonesian(qapp)


@pytest.fixture(autouse=True)
def _clipboard_emptied(qapp):
    """What a test put on the clipboard is gone after it: mime data the clipboard still owns
    when the application is torn down at the end of the run crashed the process."""
    yield
    qapp.clipboard().clear()


@pytest.fixture
def workspace(qtbot, catalogue_db):
    with catalogue_db.session() as s:
        for name, nip, jabatan in STAFF:
            officers.add_officer(session=s, name=name, nip=nip, jabatan=jabatan,
                                 office="Kecamatan Poncokusumo")
    w = RoundsWorkspace(catalogue_db)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    w.errors = []
    w.show_error = lambda title, text: w.errors.append(text)
    w.page.show_error = lambda title, text: w.errors.append(text)
    w.page.show_info = lambda title, text: None
    return w


@pytest.fixture
def finish(qtbot):
    """Wait for a Task (ui/worker.py) to end and give back its result (None if it failed)."""

    def wait(task, timeout: int = 30000):
        assert task is not None
        qtbot.waitUntil(lambda: task.done, timeout=timeout)
        return task.result

    return wait
