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


def _tall_sop_file(tmp_path):
    """An SOP within every limit whose table of number, dates and signature outgrows a page."""
    tall = ("Pembina Utama Madya pada Pemerintah Kabupaten Malang " * 6)[:300]
    doc = seed_dict()
    doc["format"] = "sop-ap/2"
    doc["id"] = "uji-kepala-tinggi"
    doc.update(name=tall, number=tall, created=tall, revised=tall, effective=tall)
    doc["approved_by"].update(title=tall, name=tall, rank=tall)
    path = tmp_path / "tinggi.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_book_names_an_sop_it_cannot_print_and_skip_bad_prints_the_rest(capsys, db_path,
                                                                        tmp_path):
    assert main(["--db", str(db_path), "import", str(_tall_sop_file(tmp_path))]) == 0
    target = tmp_path / "buku.pdf"
    capsys.readouterr()
    code = main(["--db", str(db_path), "pdf", "uji-kepala-tinggi", "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2 and not target.exists()
    assert err.startswith("SOP 'Pembina Utama Madya") and len(err.splitlines()) == 1
    assert "(uji-kepala-tinggi) tidak dapat dicetak" in err

    book = ["--db", str(db_path), "book", "--office", "Kecamatan Poncokusumo", "-o",
            str(target)]
    code = main(book)
    err = capsys.readouterr().err
    assert code == 2 and not target.exists()
    assert "(uji-kepala-tinggi) tidak dapat dicetak" in err and "--skip-bad" in err
    assert "Galat tak terduga" not in err

    code = main([*book, "--skip-bad"])
    out, err = capsys.readouterr()
    assert code == 0 and out.strip() == str(target) and target.exists()
    assert err.startswith("Dilewati: SOP 'Pembina Utama Madya")
