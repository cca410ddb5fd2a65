"""Periksa SOP on an SOP as real books write it: Waktu as written ("Setiap saat" has no
standard, numbers that are no length an error), a step under a merged Waktu not empty, dates
written but not whole, an approver a book does not name, steps in several lanes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kecamatan_desktop.domain.checks import (
    ERROR,
    WARNING,
    Context,
    check_approver,
    check_dates,
    check_legal_basis,
    check_sop,
    check_step_lanes,
    check_step_time,
    check_unused_lanes,
    sop_year,
)
from kecamatan_desktop.domain.flow import ProblemKind, flow_problems
from tests.domain.real_book import real_book, with_steps
from tests.domain.test_checks import PER21, checks_context


@pytest.fixture(scope="module")
def ctx() -> Context:
    return checks_context()


def test_waktu_as_books_write_it_and_the_steps_under_a_merged_waktu(ctx):
    book = with_steps(real_book(), s0={"time": "Setiap Saat"},
                      s1={"time": "2 menit kali"}, s5={"time": "Paling lambat 17 hari kerja"})
    found = {f.place: f for f in check_step_time(book, ctx)}
    assert set(found) == {"steps[0].time", "steps[1].time"}  # 4 and 5 are under step 3
    assert found["steps[0].time"].severity == WARNING
    assert "'Setiap Saat' tanpa waktu baku" in found["steps[0].time"].message
    assert found["steps[1].time"].severity == ERROR
    split = with_steps(book, s2={"time_span": 1})
    assert {f.place for f in check_step_time(split, ctx)} >= {"steps[3].time", "steps[4].time"}


def test_dates_not_whole_or_not_written_are_named_by_field(ctx):
    book = replace(real_book(), created=None, created_text="      Oktober 2024",
                   effective=None, revised=None)
    found = check_dates(book, ctx)
    assert [(f.severity, f.place) for f in found] == [(WARNING, "created"),
                                                      (WARNING, "effective")]
    assert found[0].message.startswith("Tanggal Pembuatan tertulis 'Oktober 2024', bukan "
                                       "tanggal lengkap")
    assert found[1].message.startswith("Tanggal Efektif belum diisi")
    assert check_dates(real_book(), ctx) == []
    assert sop_year(book) == 2024 and sop_year(replace(book, created_text="")) is None


def test_a_replaced_rule_in_an_sop_without_a_date_is_told_not_a_crash(ctx):
    undated = replace(real_book(), created=None, effective=None, legal_basis=(PER21,))
    [finding] = check_legal_basis(undated, ctx)
    assert finding.rule == "dasar-hukum-diganti" and finding.severity == WARNING


def test_an_approver_the_book_does_not_name_is_an_error_before_printing(ctx):
    book = replace(real_book(), approved_by=replace(real_book().approved_by, name=" ", nip=""))
    found = check_approver(book, ctx)
    assert [(f.severity, f.place) for f in found] == [(ERROR, "approved_by.name"),
                                                      (ERROR, "approved_by.nip")]
    assert all(f.identity and f.message.endswith("isi sebelum dicetak.") for f in found)
    assert check_approver(real_book(), ctx) == []


def test_a_step_in_several_lanes_uses_each_and_needs_each_to_exist(ctx):
    book = real_book()
    only_other = with_steps(book, s4={"role": "Tim"}, s11={"role": "Tim"})  # Staf: step 3's
    assert check_unused_lanes(only_other, ctx) == []
    assert not [p for p in flow_problems(only_other) if p.kind == ProblemKind.EMPTY_LANE]
    gone = replace(book, roles=tuple(r for r in book.roles if r != "Kasubag Evapor"))
    gone = with_steps(gone, s3={"role": "Tim"}, s5={"role": "Tim"})
    [finding] = check_step_lanes(gone, ctx)
    assert (finding.severity, finding.place) == (ERROR, "steps[2].role")
    assert "'Kasubag Evapor' bukan salah satu lajur" in finding.message
    assert [p.step for p in flow_problems(gone) if p.kind == ProblemKind.UNKNOWN_ROLE] == [2]
    assert check_step_lanes(book, ctx) == []


def test_every_rule_runs_on_a_book_sop_without_a_crash(ctx):
    bare = replace(real_book(), created=None, effective=None, revised=None,
                   approved_by=replace(real_book().approved_by, title="", name="", nip=""))
    rules = {f.rule for f in check_sop(bare, ctx)}
    assert {"tanggal", "pengesah"} <= rules
