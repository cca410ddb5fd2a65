"""Command line: archive, unarchive and delete; `list` hides the archive unless --all."""

from __future__ import annotations

import json

from kecamatan_desktop.services.session import open_catalogue
from tests.services.test_archive import RENJA, RENSTRA, make_rounds
from tests.test_cli import run


def listed(capsys, db_path, *flags) -> dict[str, bool]:
    code, out, _ = run(capsys, "--db", db_path, "list", "--json", *flags)
    assert code == 0
    return {row["id"]: row["archived"] for row in json.loads(out)}


def test_delete_is_refused_naming_the_rounds_and_archive_keeps_them(capsys, db_path):
    db = open_catalogue(db_path)
    with db.session() as session:
        made = make_rounds(session)
    db.close()
    code, out, err = run(capsys, "--db", db_path, "delete", RENJA)
    assert code == 2 and out == ""
    assert "tidak dapat dihapus" in err and "Traceback" not in err
    for detail in made:
        assert f"putaran {detail.id}: {detail.title}" in err
    assert RENJA in listed(capsys, db_path)

    code, out, _ = run(capsys, "--db", db_path, "archive", RENJA)
    assert code == 0 and out.strip() == (
        f"Diarsipkan: {RENJA} (1 revisi dan 2 putaran tetap tersimpan)")
    assert RENJA not in listed(capsys, db_path)
    assert listed(capsys, db_path, "--all")[RENJA] is True
    code, out, _ = run(capsys, "--db", db_path, "list", "--all")
    assert [line for line in out.splitlines() if line.startswith(RENJA)][0].endswith("[arsip]")
    code, _, err = run(capsys, "--db", db_path, "round", "show", str(made[0].id), "--json")
    assert code == 0
    code, _, err = run(capsys, "--db", db_path, "archive", RENJA)
    assert code == 2 and "sudah diarsipkan" in err

    code, out, _ = run(capsys, "--db", db_path, "unarchive", RENJA)
    assert code == 0 and out.strip() == f"Dipulihkan dari arsip: {RENJA}"
    assert listed(capsys, db_path)[RENJA] is False
    code, _, err = run(capsys, "--db", db_path, "unarchive", RENJA)
    assert code == 2 and "tidak ada di arsip" in err


def test_delete_an_sop_never_run(capsys, db_path):
    code, out, _ = run(capsys, "--db", db_path, "delete", RENSTRA)
    assert code == 0 and out.strip() == f"Dihapus: {RENSTRA} (1 revisi)"
    assert RENSTRA not in listed(capsys, db_path, "--all")
    code, _, err = run(capsys, "--db", db_path, "delete", RENSTRA)
    assert code == 2 and "tidak ada di katalog" in err
