"""Start-up: the catalogue is on screen before the SQL side of the program is loaded, the
window is completed on the opened database, and closing ends the process at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QSettings

from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.listing import quick_listing
from kecamatan_desktop.services.session import call, open_catalogue
from kecamatan_desktop.store.database import open_database
from kecamatan_desktop.ui.main_window import MainWindow
from tests.store.test_backup import schema_at

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "reportlab", "openpyxl", "holidays")

CHILD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from kecamatan_desktop.app import run_gui

    seen = {}

    def shown(window, complete):
        key = "complete" if complete else "first"
        seen[key] = {
            "heavy": sorted(m for m in sys.argv[3].split(",") if m in sys.modules),
            "rows": window.list_model.rowCount(),
            "attached": window.attached,
            "open_sop": window.document.sop.id if complete and window.document.sop else None,
            "selected": window.selected_sop_id(),
        }
        if complete:
            print(json.dumps(seen), flush=True)
            window.close()

    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    run_gui(Path(sys.argv[1]), settings=settings, on_shown=shown, welcome=False)
    print("not reached: the process ends with the window", flush=True)
""")


def start_program(db: Path, ini: Path) -> tuple[dict, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", CHILD, str(db), str(ini), ",".join(HEAVY)],
                          env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    first, *rest = done.stdout.splitlines()
    return json.loads(first), "\n".join(rest)


def test_catalogue_is_painted_before_the_sql_side_loads(db_path, tmp_path):
    open_catalogue(db_path).close()
    ini = tmp_path / "layar.ini"
    QSettings(str(ini), QSettings.Format.IniFormat).setValue(
        "catalogue/last_sop", "poncokusumo-2018-renja")
    seen, after = start_program(db_path, ini)
    first, complete = seen["first"], seen["complete"]
    assert first["heavy"] == [] and first["rows"] >= 21 and not first["attached"]
    assert first["selected"] == "poncokusumo-2018-renja"  # last session's SOP, at once
    assert complete["attached"] and "sqlalchemy" in complete["heavy"]
    assert complete["open_sop"] == "poncokusumo-2018-renja"
    assert after == ""  # closing the window ended the process there and then


def test_first_start_opens_the_database_before_the_window(db_path, tmp_path):
    # nothing to read quickly yet: the database is made and seeded first, then shown whole
    seen, _ = start_program(db_path, tmp_path / "layar.ini")
    assert "first" not in seen  # its first paint was already the whole window
    assert seen["complete"]["attached"] and seen["complete"]["rows"] >= 21
    assert seen["complete"]["open_sop"] == seen["complete"]["selected"] is not None


def test_quick_listing_equals_the_services_listing(catalogue_db):
    call(catalogue_db, catalogue.archive_sop, "poncokusumo-2018-renja")  # hidden from both
    quick = quick_listing(catalogue_db.path)
    assert quick == call(catalogue_db, catalogue.catalogue_listing)
    assert "poncokusumo-2018-renja" not in {s.id for s in quick.sops}


def test_quick_listing_leaves_unusual_files_to_the_full_open(tmp_path, db_path):
    assert quick_listing(tmp_path / "none.db") is None
    assert not (tmp_path / "none.db").exists()  # never creates a file
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"bukan basis data " * 100)
    assert quick_listing(junk) is None
    old = tmp_path / "old.db"
    schema_at(old, "0004")  # an older schema: the full open backs it up and migrates it
    assert quick_listing(old) is None
    empty = tmp_path / "empty.db"
    open_database(empty).close()  # the schema, but no offices seeded yet
    assert quick_listing(empty) is None


def test_window_completed_on_the_database_keeps_the_choice_made_meanwhile(qtbot, catalogue_db,
                                                                         tmp_path):
    settings = QSettings(str(tmp_path / "layar.ini"), QSettings.Format.IniFormat)
    window = MainWindow(None, settings, path=catalogue_db.path,
                        listing=quick_listing(catalogue_db.path))
    qtbot.addWidget(window)
    window.show()
    assert window.list_model.rowCount() >= 21 and not window.attached
    assert window.select_sop("poncokusumo-2018-renstra")  # clicked before the editor is ready
    window.attach(catalogue_db)
    assert window.selected_sop_id() == "poncokusumo-2018-renstra"
    assert window.document.sop.id == "poncokusumo-2018-renstra"
    assert window.main_tabs.count() == 2  # Katalog and Pelaksanaan
    window.close()
    assert settings.value("catalogue/last_sop") == "poncokusumo-2018-renstra"


def test_the_process_ends_with_the_windows_code_even_without_streams():
    """A program with no console (its streams None, or let go by release_own_console) ends
    at once with the window's exit code, not with an error of the last flush."""
    code = ("import sys; sys.stdout = sys.stderr = None; "
            "from kecamatan_desktop.app import _end_process; _end_process(3)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 3

