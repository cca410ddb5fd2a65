"""Fixtures of the service tests: a session on a real catalogue with the office's staff."""

from __future__ import annotations

import pytest

from kecamatan_desktop.services import officers
from tests.services.test_rounds import STAFF


@pytest.fixture
def session(catalogue_db):
    with catalogue_db.session() as s:
        for name, nip, jabatan in STAFF:
            officers.add_officer(session=s, name=name, nip=nip, jabatan=jabatan,
                                 office="Kecamatan Poncokusumo")
        yield s
