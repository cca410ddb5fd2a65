"""Bad files met where the user meets them: reading files for import, and the CLI."""

from __future__ import annotations

import pytest

from kecamatan_desktop.cli import main
from kecamatan_desktop.domain.interchange import MAX_FILE_BYTES
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.catalogue import ImportRefused
from tests.conftest import SEED_DIR

RENJA_BYTES = (SEED_DIR / "sops" / "poncokusumo-2018-renja.json").read_bytes()


def test_a_notepad_file_with_a_bom_is_imported_and_exported_without_it(catalogue_db, tmp_path):
    path = tmp_path / "renja-notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + RENJA_BYTES.replace(b"poncokusumo-2018-renja",
                                                            b"uji-notepad", 1))
    sops = catalogue.read_sop_files([path])
    with catalogue_db.session() as session:
        catalogue.import_sops(sops, session=session)
        exported = catalogue.export_sop("uji-notepad", session=session)
    assert exported.encode("utf-8") == path.read_bytes()[3:]


def test_a_file_over_five_megabytes_is_refused(tmp_path):
    path = tmp_path / "besar.json"
    with path.open("wb") as file:
        file.truncate(64 * 1024**2)
    with pytest.raises(ImportRefused) as info:
        catalogue.read_sop_files([path])
    assert f"Berkas {path} tidak sah:\n  - berkas lebih besar dari 5 MB" in str(info.value)


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "pas.json"
    path.write_bytes(RENJA_BYTES + b"\n" * (MAX_FILE_BYTES - len(RENJA_BYTES)))
    assert [s.id for s in catalogue.read_sop_files([path])] == ["poncokusumo-2018-renja"]


def test_a_folder_is_refused_by_name(tmp_path):
    with pytest.raises(ImportRefused, match="adalah folder, bukan berkas SOP"):
        catalogue.read_sop_files([tmp_path])


def test_every_bad_file_of_a_batch_is_named_and_none_is_imported(tmp_path):
    files = {
        "baik.json": RENJA_BYTES,
        "dalam.json": b"[" * 100_000,
        "angka.json": RENJA_BYTES.replace(b'"yes": 7', b'"yes": ' + b"7" * 5001, 1),
        "ganda.json": RENJA_BYTES.replace(b'"number"', b'"name": "x",\n  "number"', 1),
        "latin.json": RENJA_BYTES.replace(b"Renja", b"Renja\xe9", 1),
    }
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    with pytest.raises(ImportRefused) as info:
        catalogue.read_sop_files([tmp_path / name for name in files])
    message = str(info.value)
    assert "baik.json" not in message
    assert f"{tmp_path / 'dalam.json'} tidak sah:\n  - baris 1 kolom 5: tanda '['" in message
    assert "steps[5].decision.yes: angka 5001 digit terlalu panjang" in message
    assert "  - name: kunci ini ditulis lebih dari sekali" in message
    assert "bukan teks UTF-8 (bita 0xE9 tidak sah)" in message


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"[" * 100_000, "bersarang lebih dari 4 tingkat"),
        (RENJA_BYTES.replace(b'"yes": 7', b'"yes": ' + b"1" * 5001, 1), "5001 digit"),
        (RENJA_BYTES.replace(b'"no": 5', b'"no": NaN', 1), "NaN bukan angka"),
    ],
)
def test_the_cli_refuses_a_bad_file_in_one_message_without_a_traceback(
        tmp_path, capsys, raw, words):
    path = tmp_path / "rusak.json"
    path.write_bytes(raw)
    db = tmp_path / "kecamatan.db"
    assert main(["--db", str(db), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Impor dibatalkan, tidak ada SOP yang diimpor:\nBerkas {path} tidak "
                          "sah:\n")
    assert words in err and "Traceback" not in err
    assert not db.exists()  # files are read before the database is opened
