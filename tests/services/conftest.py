"""Fixtures of the service tests: a session on a real catalogue with the office's staff."""

from __future__ import annotations

import pytest

from tests.keyrings import no_ring, ring  # noqa: F401 - fixtures
from tests.services.test_rounds import add_staff


@pytest.fixture
def session(catalogue_db):
    with catalogue_db.session() as s:
        add_staff(s)
        yield s
