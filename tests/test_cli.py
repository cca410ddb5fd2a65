"""The command line: list, export, import, exit codes; a failed import changes nothing."""

from __future__ import annotations

import json
import subprocess
import sys

from kecamatan_desktop.cli import main
from tests.conftest import SEED_DIR, seed_dict
from tests.pg import contents, rows_of_every_table


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json(capsys, db_path):
    code, out, _ = run(capsys, "--db", db_path, "list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 21
    assert rows[1] == {"id": "poncokusumo-2018-renja", "name": "Penyusunan Rencana Kerja (Renja)",
                       "number": "065/ /35.07.07/2018", "office": "Kecamatan Poncokusumo",
                       "revision": 1, "steps": 12, "archived": False}


def test_list_text(capsys, db_path):
    code, out, _ = run(capsys, "--db", db_path, "list")
    assert code == 0 and len(out.splitlines()) == 21 and "Penyusunan Renstra" in out


def test_env_variable_points_at_the_database(capsys, monkeypatch, db_path):
    monkeypatch.setenv("KECAMATAN_DB", str(db_path))
    code, out, _ = run(capsys, "list")
    assert code == 0 and len(out.splitlines()) == 21
    assert "sop" in rows_of_every_table(db_path)


def test_export_to_stdout_and_file(capsys, db_path, tmp_path):
    code, out, _ = run(capsys, "--db", db_path, "export", "poncokusumo-2018-lkj")
    seed = (SEED_DIR / "sops" / "poncokusumo-2018-lkj.json").read_text(encoding="utf-8")
    assert code == 0 and out == seed
    target = tmp_path / "lkj.json"
    assert run(capsys, "--db", db_path, "export", "poncokusumo-2018-lkj", "-o", target)[0] == 0
    assert target.read_text(encoding="utf-8") == seed


def test_export_unknown_is_bad_input(capsys, db_path):
    code, _, err = run(capsys, "--db", db_path, "export", "tidak-ada")
    assert code == 2 and "tidak-ada" in err


def test_import_then_replace(capsys, db_path, tmp_path):
    data = seed_dict()
    data["id"] = "poncokusumo-2019-renja"
    path = tmp_path / "renja-2019.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--db", db_path, "import", path)
    assert code == 0 and "Ditambahkan: poncokusumo-2019-renja" in out
    code, _, err = run(capsys, "--db", db_path, "import", path)
    assert code == 2 and "sudah ada" in err
    code, out, _ = run(capsys, "--db", db_path, "import", path, "--replace")
    assert code == 0 and "Revisi baru: poncokusumo-2019-renja" in out
    rows = json.loads(run(capsys, "--db", db_path, "list", "--json")[1])
    assert next(r for r in rows if r["id"] == "poncokusumo-2019-renja")["revision"] == 2


def test_failed_import_leaves_the_database_unchanged(capsys, db_path, tmp_path):
    run(capsys, "--db", db_path, "list")
    before = contents(db_path)
    good = seed_dict()
    good["id"] = "uji-baik"
    bad = seed_dict()
    bad["id"] = "uji-buruk"
    bad["created"] = "2018-13-01"
    (tmp_path / "a.json").write_text(json.dumps(good), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(bad), encoding="utf-8")
    code, out, err = run(capsys, "--db", db_path, "import", tmp_path / "a.json",
                         tmp_path / "b.json")
    assert code == 2
    assert "b.json" in err and "created" in err and "tidak ada SOP yang diimpor" in err
    assert contents(db_path) == before
    ids = [r["id"] for r in json.loads(run(capsys, "--db", db_path, "list", "--json")[1])]
    assert "uji-baik" not in ids and len(ids) == 21


def test_missing_import_file_is_bad_input(capsys, db_path, tmp_path):
    code, _, err = run(capsys, "--db", db_path, "import", tmp_path / "hilang.json")
    assert code == 2 and "tidak ditemukan" in err


def test_corrupt_database_is_refused_with_message(capsys, tmp_path):
    path = tmp_path / "rusak.db"
    path.write_bytes(b"bukan sqlite" * 100)
    code, _, err = run(capsys, "--db", path, "list")
    assert code == 2 and "bukan basis data Kecamatan Desktop" in err


def test_usage_error_is_bad_input(capsys):
    code = None
    try:
        main(["list", "--tidak-ada"])
    except SystemExit as exc:
        code = exc.code
    assert code == 2


def test_python_dash_m_runs_the_same_entry_point(db_path):
    result = subprocess.run(
        [sys.executable, "-m", "kecamatan_desktop", "--db", str(db_path), "list", "--json"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 21
