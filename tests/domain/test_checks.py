"""Periksa SOP: one case per rule, on the seed SOPs changed where the rule needs it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kecamatan_desktop.domain.checks import (
    ERROR,
    WARNING,
    Context,
    DecreeText,
    check_activity_verb,
    check_decree,
    check_legal_basis,
    check_number,
    check_qualifications,
    check_related,
    check_step_time,
    check_unused_lanes,
    load_lexicon,
    names_sop,
)
from kecamatan_desktop.domain.interchange import sop_from_dict
from kecamatan_desktop.domain.legal import load_legal_table
from tests.conftest import SEED_DIR, seed_dict

PER21 = ("Peraturan Menteri Pendayagunaan Aparatur Negara Nomor : PER/21/M.PAN/11/2008 "
         "Tentang Pedoman Penyusunan SOP Administrasi Pemerintahan")


@pytest.fixture(scope="module")
def ctx() -> Context:
    return checks_context()


def checks_context() -> Context:
    """The shipped tables: legal rules, root words and the roots written bare as verbs."""
    checks = SEED_DIR / "checks"
    return Context(legal=load_legal_table(checks / "legal_rules.json"),
                   lexicon=load_lexicon(checks / "kata-dasar.txt.gz", checks / "verbs.txt",
                                        checks / "kata-dasar-tambahan.txt"))


def renja():
    return sop_from_dict(seed_dict("poncokusumo-2018-renja"))


def test_a_replaced_rule_cited_after_its_replacement_is_an_error(ctx):
    sop = replace(renja(), legal_basis=(PER21,))
    [finding] = check_legal_basis(sop, ctx)
    assert (finding.rule, finding.severity, finding.place) == ("dasar-hukum-diganti", ERROR,
                                                              "legal_basis[0]")
    assert "Permenpan-RB Nomor 35 Tahun 2012" in finding.message


def test_a_rule_replaced_after_the_sop_was_made_is_a_warning(ctx):
    sop = replace(renja(), legal_basis=(
        "Permendagri Nomor 54 Tahun 2009 tentang Tata Naskah Dinas di Lingkungan Pemerintah "
        "Daerah",))
    [finding] = check_legal_basis(sop, ctx)
    assert finding.severity == WARNING and "Nomor 1 Tahun 2023" in finding.message


def test_a_wrong_number_is_found_by_the_rules_title(ctx):
    sop = replace(renja(), legal_basis=(
        "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor "
        "53 Tahun 2012 tentang Pedoman Penyusunan Standart Operasional Prosedur Administrasi "
        "Pemerintahan;", "Peraturan Bupati Malang No. 36 Tahun 2011 tentang Pedoman Tata "
        "Naskah Dinas"))
    [finding] = check_legal_basis(sop, ctx)  # the Perbup is no rule the table holds
    assert finding.rule == "dasar-hukum-nomor" and "Nomor 35 Tahun 2012" in finding.message


def test_the_seed_renja_cites_a_rule_in_force(ctx):
    assert check_legal_basis(renja(), ctx) == []


def test_a_rule_cited_twice(ctx):
    sop = replace(renja(), legal_basis=renja().legal_basis * 2)
    [finding] = check_legal_basis(sop, ctx)
    assert finding.rule == "dasar-hukum-ganda" and finding.place == "legal_basis[1]"


def test_a_decree_with_an_empty_diktum_and_a_wrong_law(ctx):
    decree = DecreeText(office="Kecamatan X", year=2018, enacts="KEPUTUSAN CAMAT X",
                        decides=(("PERTAMA", "SOP …"),
                                                                  ("KEDUA", " ")),
                        recalling=("Undang-Undang Nomor 29 Tahun 2009 tentang Pelayanan "
                                   "Publik;",))
    findings = check_decree(decree, ctx)
    assert [(f.rule, f.place) for f in findings] == [
        ("keputusan-menetapkan", "decree.decides[1]"),
        ("dasar-hukum-nomor", "decree.recalling[0]")]
    assert "Undang-Undang" not in findings[1].message and "UU Nomor 25 Tahun 2009" in \
        findings[1].message
    assert check_decree(replace(decree, decides=()), ctx)[0].place == "decree.decides"


def test_a_number_shared_and_a_number_out_of_sequence(ctx):
    a = replace(renja(), id="a", number="065/12/35.07.07/2018")
    b = replace(renja(), id="b", name="Lain", number="065/12/35.07.07/2018")
    c = replace(renja(), id="c", name="Ketiga", number="065/3/35.07.07/2018")
    catalogue = replace(ctx, catalogue=(a, b, c))
    assert [f.rule for f in check_number(a, catalogue)] == ["nomor-ganda"]
    assert [f.rule for f in check_number(c, catalogue)] == ["nomor-urutan"]
    # the seeds' blank register number (filled in by hand) is neither
    blank = replace(ctx, catalogue=(renja(), replace(renja(), id="d")))
    assert check_number(renja(), blank) == []


@pytest.mark.parametrize(("time", "severity"), [("", WARNING), ("0", WARNING),
                                                ("sebentar", WARNING), ("2 menit kali", ERROR),
                                                ("10 menit", None)])
def test_step_time(ctx, time, severity):
    sop = renja()
    sop = replace(sop, steps=(replace(sop.steps[0], time=time), *sop.steps[1:]))
    found = check_step_time(sop, ctx)
    assert [(f.severity, f.place) for f in found] == (
        [] if severity is None else [(severity, "steps[0].time")])


def test_an_activity_must_start_with_a_verb(ctx):
    findings = check_activity_verb(renja(), ctx)
    # the seed's step 5 "Pengetikan konsep Dokumen Renja" is a noun
    assert [(f.place, f.step) for f in findings] == [("steps[4].activity", 4)]
    assert "'Pengetikan'" in findings[0].message
    sop = renja()
    named = replace(sop, steps=(replace(sop.steps[0], activity="Camat memerintahkan"),
                                *sop.steps[1:]))
    assert "pelaksana 'Camat'" in check_activity_verb(named, ctx)[0].message
    assert all(ctx.lexicon.is_verb(w) for w in ("Memeriksa", "menyusun", "Diserahkan",
                                             "mengumpulkan", "Menandatangani", "Periksa"))


def test_a_lane_no_step_uses(ctx):
    sop = replace(renja(), roles=(*renja().roles, "Bendahara"))
    [finding] = check_unused_lanes(sop, ctx)
    assert (finding.lane, finding.place, finding.identity) == ("Bendahara", "roles[6]", False)


def test_qualifications_that_are_documents(ctx):
    siskamling = sop_from_dict(seed_dict("poncokusumo-2018-data-kinerja-siskamling"))
    assert [f.place for f in check_qualifications(siskamling, ctx)] == [
        "qualifications[0]", "qualifications[1]", "qualifications[2]"]
    assert check_qualifications(renja(), ctx) == []
    [empty] = check_qualifications(replace(renja(), qualifications=()), ctx)
    assert empty.place == "qualifications" and "Camat" in empty.message


def test_related_sops_are_looked_up_in_the_catalogue(ctx):
    lkj = sop_from_dict(seed_dict("poncokusumo-2018-lkj"))
    renstra = sop_from_dict(seed_dict("poncokusumo-2018-renstra"))
    findings = check_related(renja(), replace(ctx, catalogue=(renja(), lkj, renstra)))
    # "SOP Penyusunan Renstra" and "SOP Penyusunan LKj" are in it; the LRA SOP is not
    assert [f.place for f in findings] == ["related[0]"]
    assert "tidak ada di katalog" in findings[0].message
    assert names_sop("SOP Pengumpulan Data Kinerja ttg Adm Kependudukan",
                     "Prosedur Pengumpulan Data Kinerja Indikator Administrasi Kependudukan")
    [document] = check_related(replace(renja(), related=("RPJMD Kabupaten Malang",)), ctx)
    assert "bukan nama SOP" in document.message
