"""Periksa SOP on what it used to miss (issue 26, 7): one test per rule, each on the seed Renja
changed where the rule needs it, the finding naming its place."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kecamatan_desktop.domain.checks import (
    ERROR,
    WARNING,
    Context,
    DecreeText,
    check_cut_off,
    check_decree,
    check_empty_cells,
    check_handoff,
    check_list_endings,
    check_procedure_drawn,
    check_repeated_words,
    check_same_name,
    check_sop,
    check_step_numbers,
)
from tests.domain.test_checks import checks_context, renja


@pytest.fixture(scope="module")
def ctx() -> Context:
    return checks_context()


def with_step(sop, i, **changes):
    steps = list(sop.steps)
    steps[i] = replace(steps[i], **changes)
    return replace(sop, steps=tuple(steps))


def numbered(sop, numbers: str):
    """`sop` with its No column written as `numbers` (one a step)."""
    return replace(sop, steps=tuple(replace(step, no=no) for step, no in
                                    zip(sop.steps, numbers.split(), strict=True)))


def rules_places(findings):
    return [(f.rule, f.place) for f in findings]


def test_step_numbers_that_start_again(ctx):
    sop = renja()
    restarted = numbered(sop, "1 2 1 2 3 4 5 6 7 8 9 10")
    [finding] = check_step_numbers(restarted, ctx)
    assert (finding.rule, finding.severity, finding.place) == ("nomor-langkah", WARNING,
                                                              "steps[2].no")
    assert "No 1 sesudah No 2" in finding.message and "1 sampai 12" in finding.message
    skipped = numbered(sop, "1 2 3 4 5 7 8 9 10 11 12 13")
    assert [f.place for f in check_step_numbers(skipped, ctx)] == ["steps[5].no"]
    assert "nomor 6 terlewat" in check_step_numbers(skipped, ctx)[0].message
    assert check_step_numbers(sop, ctx) == []


def test_an_sop_with_no_procedure_drawn(ctx):
    [finding] = check_procedure_drawn(replace(renja(), steps=()), ctx)
    assert (finding.rule, finding.place) == ("prosedur-kosong", "steps")
    assert "belum digambar" in finding.message
    assert check_procedure_drawn(renja(), ctx) == []


@pytest.mark.parametrize("ending", ["maka", "maka tidak", "untuk", "yang tidak", "serta"])
def test_a_sentence_cut_off(ctx, ending):
    sop = replace(renja(), warnings=(f"Apabila SOP ini tidak dilaksanakan, {ending}",))
    [finding] = check_cut_off(sop, ctx)
    assert (finding.rule, finding.place) == ("kalimat-terpotong", "warnings[0]")
    assert f"{ending}'" in finding.message
    step = with_step(renja(), 3, output="Konsep Renja dan")
    assert rules_places(check_cut_off(step, ctx)) == [("kalimat-terpotong",
                                                       "steps[3].output")]


def test_whole_sentences_are_not_cut_off(ctx):
    sop = replace(renja(), warnings=("Apabila SOP ini tidak dilaksanakan, maka penyusunan "
                                     "Renja terlambat",))
    decision = with_step(sop, 5, activity="Memeriksa konsep: setuju atau tidak")
    assert check_cut_off(decision, ctx) == []


def test_a_list_item_ending_in_dan(ctx):
    sop = replace(renja(), equipment=("Komputer", "Printer dan"))
    [finding] = check_list_endings(sop, ctx)
    assert (finding.rule, finding.place) == ("butir-terpotong", "equipment[1]")
    assert "butir sesudahnya tidak ada" in finding.message
    middle = replace(renja(), equipment=("Komputer atau", "Printer"))
    assert rules_places(check_list_endings(middle, ctx)) == [("butir-terpotong",
                                                              "equipment[0]")]
    # "…; dan" before the last item is how a list of rules is written
    legal = replace(renja(), legal_basis=("UU Nomor 25 Tahun 2009 tentang Pelayanan Publik; "
                                          "dan", "PP Nomor 17 Tahun 2018 tentang Kecamatan."))
    assert check_list_endings(legal, ctx) == [] and check_cut_off(legal, ctx) == []


@pytest.mark.parametrize("key", ["warnings", "related", "records"])
def test_empty_peringatan_keterkaitan_pencatatan(ctx, key):
    sop = replace(renja(), warnings=("Renja terlambat",), related=("Tidak ada",),
                  records=("Arsip Renja",))
    assert check_empty_cells(sop, ctx) == []
    [finding] = check_empty_cells(replace(sop, **{key: ("-",) if key == "records" else ()}),
                                  ctx)
    assert (finding.rule, finding.place) == ("isian-kosong", key)
    assert "kosong" in finding.message


def test_a_word_written_twice(ctx):
    sop = replace(renja(), name="Penyusunan Rencana Kerja Perangkat Daerah Daerah")
    [finding] = check_repeated_words(sop, ctx)
    assert (finding.rule, finding.place) == ("kata-ganda", "name")
    assert "'Daerah Daerah'" in finding.message
    step = with_step(renja(), 0, activity="Memerintahkan untuk untuk penyusunan Renja")
    assert rules_places(check_repeated_words(step, ctx)) == [("kata-ganda",
                                                              "steps[0].activity")]
    hyphen = with_step(renja(), 0, activity="Memerintahkan kepala-kepala seksi")
    assert check_repeated_words(hyphen, ctx) == []


def test_two_sops_with_one_name_in_a_book(ctx):
    sop = renja()
    twin = replace(sop, id="poncokusumo-2018-renja-2", number="065/ /35.07.07/2019",
                   name=" penyusunan rencana kerja  (renja)")
    book = replace(ctx, catalogue=(sop, twin))
    [finding] = check_same_name(sop, book)
    assert (finding.rule, finding.severity, finding.place) == ("nama-ganda", ERROR, "name")
    assert "065/ /35.07.07/2019" in finding.message
    assert check_same_name(sop, replace(ctx, catalogue=(sop,))) == []


def test_a_kegiatan_that_hands_the_file_to_a_lane_the_procedure_does_not_go_to(ctx):
    # step 4 (Kasubag Evapor) is followed by step 5, drawn in Staf
    wrong = with_step(renja(), 3, activity="Menyusun konsep Renja, diserahkan kepada Sekcam")
    [finding] = check_handoff(wrong, ctx)
    assert (finding.rule, finding.place) == ("serah-lajur", "steps[3].activity")
    assert "kepada Sekcam" in finding.message and "Langkah 5 (Staf)" in finding.message
    right = with_step(renja(), 3, activity="Menyusun konsep Renja lalu dikirim ke Staf")
    assert check_handoff(right, ctx) == []
    # a decision hands over along either branch; "Sekretaris" is no lane of the Renja
    assert check_handoff(renja(), ctx) == []


def test_the_decree_with_nothing_after_menetapkan(ctx):
    decree = DecreeText(office="Kecamatan X", year=2018, recalling=(),
                        decides=(("PERTAMA", "SOP …"), ("KEDUA", "Daftar")),
                        title="KEPUTUSAN CAMAT X TENTANG SOP AP")
    [finding] = check_decree(decree, ctx)
    assert (finding.rule, finding.place) == ("keputusan-menetapkan", "decree.enacts")
    assert "KEPUTUSAN CAMAT X TENTANG SOP AP" in finding.message
    assert check_decree(replace(decree, enacts="KEPUTUSAN CAMAT X TENTANG SOP AP"), ctx) == []


def test_every_new_rule_runs_in_check_sop(ctx):
    sop = replace(renja(), name="Penyusunan Renja Renja", warnings=(), equipment=("ATK dan",))
    rules = {f.rule for f in check_sop(sop, ctx)}
    assert {"kata-ganda", "isian-kosong", "butir-terpotong"} <= rules
