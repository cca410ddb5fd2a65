"""Shared fixtures: headless Qt, a real SQLite catalogue in a temp folder, the seed files.

With KECAMATAN_TEST_PG naming a PostgreSQL server, every database test of tests/services,
tests/store and tests/test_cli*.py runs twice, on SQLite and on a fresh database of that
server (tests/pg.py); tests marked `sqlite_only` are about the SQLite file itself.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

# Headless before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import Phase, settings  # noqa: E402

from kecamatan_desktop.resource_paths import data_dir  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from tests import pg  # noqa: E402

SEED_DIR = data_dir()
SEED_FILES = sorted((SEED_DIR / "sops").glob("*.json"))


def seed_dict(sop_id: str = "poncokusumo-2018-renja") -> dict:
    return json.loads((SEED_DIR / "sops" / f"{sop_id}.json").read_text(encoding="utf-8"))


# Property tests draw the same examples on every run (CI included): a failure is one a
# developer can run again, never a coin toss on the day the suite must pass. A fresh search
# is `HYPOTHESIS_PROFILE=explore python -m pytest tests/layout`.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.register_profile("noshrink", derandomize=True, database=None,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

def use_data_folder(monkeypatch, base) -> None:
    """The user's data folder (paths.data_folder) under `base`, on Linux and on Windows:
    platformdirs reads XDG_DATA_HOME on one and WIN_PD_OVERRIDE_LOCAL_APPDATA on the other."""
    monkeypatch.setenv("XDG_DATA_HOME", str(base))
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", str(base))


@pytest.fixture(autouse=True)
def _no_env_db(monkeypatch, tmp_path_factory):
    monkeypatch.delenv("KECAMATAN_DB", raising=False)
    # the default data folder (database, log, witnesses) is a temporary one, never the
    # tester's own
    use_data_folder(monkeypatch, tmp_path_factory.getbasetemp() / "xdg-data")
    # nobody signed in before a test, and nobody left signed in after it
    from kecamatan_desktop.services import identity

    identity.set_current(None)
    yield
    identity.set_current(None)


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: a test of the SQLite file itself, run "
                                       "on SQLite only")
    config.addinivalue_line("markers", "postgresql: needs KECAMATAN_TEST_PG (skipped without)")
    config.pg_server = pg.PgServer(pg.PG_URL) if pg.PG_URL else None


def pytest_unconfigure(config):
    if getattr(config, "pg_server", None) is not None:
        config.pg_server.close()


def pytest_generate_tests(metafunc):
    """The database tests of the chosen folders, on both engines when a server is named."""
    if (pg.PG_URL and "db_engine" in metafunc.fixturenames
            and metafunc.module.__name__.startswith(pg.BOTH_ENGINES)
            and not metafunc.definition.get_closest_marker("sqlite_only")):
        metafunc.parametrize("db_engine", ["sqlite", "postgresql"], indirect=True)


def pytest_terminal_summary(terminalreporter, config):
    server = getattr(config, "pg_server", None)
    if server is not None:
        terminalreporter.write_line(f"PostgreSQL: {server.used} tests run against "
                                    f"{server.describe()}")


@pytest.fixture
def db_engine(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def pg_server(request, monkeypatch) -> pg.PgServer:
    """The server of KECAMATAN_TEST_PG (the test is skipped without one)."""
    server = request.config.pg_server
    if server is None:
        pytest.skip(f"{pg.ENV} names no PostgreSQL server")
    monkeypatch.setenv("PGPASSWORD", server.password)
    server.used += 1
    return server


@pytest.fixture
def server_db(pg_server):
    """A fresh database on the server: the catalogue, the office's staff, one round started."""
    from kecamatan_desktop.services.session import open_catalogue
    from tests.services.test_rounds import add_staff, start

    where = pg_server.fresh_database()
    db = open_catalogue(where)
    with db.session() as s:
        add_staff(s)
        start(s)
    yield db
    db.close()
    pg_server.drop(where)


@pytest.fixture
def db_path(request, tmp_path: Path, db_engine: str):
    """Where the test's database is: a file in a temp folder, or a fresh server database."""
    if db_engine == "sqlite":
        yield tmp_path / "kecamatan.db"
        return
    server = request.getfixturevalue("pg_server")
    where = server.fresh_database()
    yield where
    server.drop(where)


@pytest.fixture
def catalogue_db(db_path: Path):
    db = open_catalogue(db_path)
    yield db
    db.close()
