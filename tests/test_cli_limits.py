"""`import` refuses a field past its limit at once, naming it, and changes nothing."""

from __future__ import annotations

import json
import time

from kecamatan_desktop.cli import main
from tests.conftest import seed_dict
from tests.pg import contents


def test_a_49_mb_one_word_sop_name_is_refused_quickly(capsys, db_path, tmp_path):
    assert main(["--db", str(db_path), "list"]) == 0
    before = contents(db_path)
    doc = seed_dict()
    doc["id"] = "uji-nama-panjang"
    doc["name"] = "N" * 4_900_000
    path = tmp_path / "nama-panjang.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    capsys.readouterr()
    started = time.process_time()
    code = main(["--db", str(db_path), "import", str(path)])
    assert time.process_time() - started < 5
    err = capsys.readouterr().err
    assert code == 2
    assert "Nama SOP terlalu panjang: 4.900.000 karakter, paling banyak 300" in err
    assert len(err) < 1000  # the name itself is not echoed back
    assert contents(db_path) == before
