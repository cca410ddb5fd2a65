"""`kecamatan-desktop periksa`: findings grouped per SOP; exit 1 when there are errors."""

from __future__ import annotations

from kecamatan_desktop.cli import main


def test_periksa_an_office_finds_the_seeds_mistakes(db_path, capsys):
    assert main(["--db", str(db_path), "periksa", "--office", "Kecamatan Ngantang"]) == 1
    out = capsys.readouterr().out
    assert "== ngantang-2021-renja: Penyusunan Perencanaan Kinerja (Renja)" in out
    # every Ngantang SOP still cites the 2008 SOP AP rule that Permenpan-RB 35/2012 replaced
    assert out.count("[kesalahan] dasar-hukum-diganti") == 12
    assert out.rstrip().endswith("0 diabaikan")


def test_periksa_one_sop_with_only_warnings_exits_0(db_path, capsys):
    assert main(["--db", str(db_path), "periksa", "poncokusumo-2018-renja"]) == 0
    out = capsys.readouterr().out
    assert "Langkah 5: Kegiatan: Kegiatan diawali 'Pengetikan'" in out
    assert "0 kesalahan, 3 peringatan" in out


def test_periksa_refuses_an_sop_and_an_office_together(db_path, capsys):
    assert main(["--db", str(db_path), "periksa", "x", "--office", "Kecamatan Ngantang"]) == 2
