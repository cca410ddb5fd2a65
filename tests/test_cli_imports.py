"""The command line starts light: `--help` loads no SQL and no Qt, `list` and `export` no Qt."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from kecamatan_desktop.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("MODULES", " ".join(sorted(m for m in ("sqlalchemy", "sqlmodel", "PySide6",
                                             "reportlab") if m in sys.modules)))
"""


def _loaded(*args: str, env=None) -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                         text=True, env=env, timeout=120)
    line = next(x for x in out.stdout.splitlines() if x.startswith("MODULES"))
    return set(line.split()[1:])


def test_help_imports_neither_sql_nor_qt():
    assert _loaded("--help") == set()


def test_list_and_export_import_no_qt(db_path):
    loaded = _loaded("--db", str(db_path), "list")
    assert "sqlalchemy" in loaded and "PySide6" not in loaded
    loaded = _loaded("--db", str(db_path), "export", "poncokusumo-2018-renja")
    assert "PySide6" not in loaded and "reportlab" not in loaded
