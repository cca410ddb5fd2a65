"""Periksa gambar: the flowchart's drawing faults as Periksa findings, per SOP and page, in
the editor's check (the Masalah panel reads it) and in `periksa`, which then exits 1."""

from __future__ import annotations

from dataclasses import replace

from kecamatan_desktop.cli import main
from kecamatan_desktop.domain.sop import Decision, Step
from kecamatan_desktop.services import catalogue, checking
from kecamatan_desktop.services.session import open_catalogue
from tests.export.sample_sops import seed_sop

RENJA = "poncokusumo-2018-renja"


def tangled_renja():
    """Two checks in one lane sending work to each other both ways: their return lines
    still run together (a fault routing does not yet avoid), on F4 and on A4."""
    steps = tuple(Step(no=str(n), activity="Memeriksa berkas", role="Camat", requirements="",
                       time="10 menit", output="", notes="", decision=Decision(yes=y, no=y))
                  for n, y in ((1, 2), (2, 1)))
    return replace(seed_sop(RENJA), roles=("Camat",), steps=steps)


def test_the_seed_books_draw_no_fault(session):
    results = checking.check_office("Kecamatan Poncokusumo", session=session)
    assert not [f for r in results for f in r.findings if f.rule.startswith("gambar")]


def test_a_fault_is_one_finding_per_paper_naming_page_and_lines(session):
    result = checking.check_sop_value(tangled_renja(), session=session)
    drawing = [f for f in result.findings if f.rule.startswith("gambar")]
    assert [(f.rule, f.severity, f.place) for f in drawing] == [
        ("gambar-overlap", "kesalahan", "Diagram F4 halaman 1"),
        ("gambar-overlap", "kesalahan", "Diagram A4 halaman 1")]
    assert drawing[0].message.startswith(
        "garis ke langkah 2 dan ke langkah 1 berimpit")
    assert checking.place_text(drawing[0].place) == "Diagram F4 halaman 1"


def test_periksa_reports_it_and_exits_1(db_path, capsys):
    assert main(["--db", str(db_path), "periksa", RENJA]) == 0  # the seed: warnings only
    db = open_catalogue(db_path)
    try:
        with db.session() as session:
            catalogue.import_sops([tangled_renja()], session=session, replace=True)
    finally:
        db.close()
    capsys.readouterr()
    assert main(["--db", str(db_path), "periksa", RENJA]) == 1
    out = capsys.readouterr().out
    assert ("[kesalahan] gambar-overlap — Diagram F4 halaman 1: garis ke langkah 2 dan ke "
            "langkah 1 berimpit") in out
