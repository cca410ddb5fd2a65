"""Shared fixtures: headless Qt, a real SQLite catalogue in a temp folder, the seed files."""

from __future__ import annotations

import json
import os
from pathlib import Path

# Headless before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from kecamatan_desktop.resource_paths import data_dir  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402

SEED_DIR = data_dir()
SEED_FILES = sorted((SEED_DIR / "sops").glob("*.json"))


def seed_dict(sop_id: str = "poncokusumo-2018-renja") -> dict:
    return json.loads((SEED_DIR / "sops" / f"{sop_id}.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _no_env_db(monkeypatch, tmp_path_factory):
    monkeypatch.delenv("KECAMATAN_DB", raising=False)
    # the default data folder (database, log) is a temporary one, never the tester's own
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.getbasetemp() / "xdg-data"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kecamatan.db"


@pytest.fixture
def catalogue_db(db_path: Path):
    db = open_catalogue(db_path)
    yield db
    db.close()
