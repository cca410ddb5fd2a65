"""Flow checks: each kind of problem is found where it is, and goes away when fixed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kecamatan_desktop.domain.flow import (
    ClosedLoop,
    NotRunnable,
    ProblemKind,
    check_runnable,
    closed_loops,
    flow_problems,
    reachable_steps,
)
from kecamatan_desktop.domain.interchange import InvalidSopFile, sop_from_dict
from kecamatan_desktop.domain.sop import Decision, Sop
from tests.conftest import SEED_FILES, seed_dict


@pytest.fixture
def renja() -> Sop:
    # steps 6 and 7 are decisions: 6 -> (7, 5), 7 -> (8, 4)
    return sop_from_dict(seed_dict("poncokusumo-2018-renja"))


def with_step(sop: Sop, index: int, **changes) -> Sop:
    steps = list(sop.steps)
    steps[index] = replace(steps[index], **changes)
    return replace(sop, steps=tuple(steps))


def kinds(sop: Sop) -> list[tuple[ProblemKind, int | None, str | None]]:
    return [(p.kind, p.step, p.lane) for p in flow_problems(sop)]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_procedures_have_no_problems(path):
    assert flow_problems(sop_from_dict(seed_dict(path.stem))) == []


def test_empty_activity_found_and_cleared(renja):
    broken = with_step(renja, 2, activity="   ")
    problems = flow_problems(broken)
    assert [(p.kind, p.step) for p in problems] == [(ProblemKind.EMPTY_ACTIVITY, 2)]
    assert problems[0].message == "Langkah 3: Kegiatan masih kosong"
    assert flow_problems(with_step(broken, 2, activity="Menyusun konsep")) == []


def test_unparseable_waktu_found_and_cleared(renja):
    broken = with_step(renja, 4, time="10 mnt kali")
    problems = flow_problems(broken)
    assert [(p.kind, p.step) for p in problems] == [(ProblemKind.BAD_TIME, 4)]
    assert "'10 mnt kali' tidak terbaca sebagai lama kerja" in problems[0].message
    assert flow_problems(with_step(broken, 4, time="1 hari")) == []
    # as books write it: a length in words, or no length at all (no standard)
    for written in ("sehari", "Paling lambat 17 hari kerja", "Setiap saat"):
        assert flow_problems(with_step(broken, 4, time=written)) == []


def test_role_that_is_not_a_lane_found_and_cleared(renja):
    broken = with_step(renja, 0, role="Lurah")
    assert kinds(broken) == [(ProblemKind.UNKNOWN_ROLE, 0, None)]
    assert "'Lurah'" in flow_problems(broken)[0].message
    assert kinds(with_step(renja, 0, role="")) == [(ProblemKind.UNKNOWN_ROLE, 0, None)]
    assert flow_problems(with_step(broken, 0, role="Camat")) == []


def test_decision_without_a_target_found_and_cleared(renja):
    broken = with_step(renja, 5, decision=Decision(yes=7, no=None))
    problems = flow_problems(broken)
    assert [(p.kind, p.step) for p in problems] == [(ProblemKind.DECISION_INCOMPLETE, 5)]
    assert "cabang Tidak" in problems[0].message
    assert flow_problems(with_step(broken, 5, decision=Decision(yes=7, no=5))) == []


def test_decision_pointing_at_itself_or_nowhere(renja):
    assert kinds(with_step(renja, 5, decision=Decision(yes=6, no=5)))[0] == (
        ProblemKind.DECISION_INCOMPLETE, 5, None)
    found = flow_problems(with_step(renja, 5, decision=Decision(yes=7, no=40)))
    assert found[0].kind is ProblemKind.DECISION_INCOMPLETE
    assert "langkah 40 yang tidak ada" in found[0].message


def test_unreachable_step_found_and_cleared(renja):
    # step 3 becomes a decision that skips step 4: nothing else leads to 4... except 7's Tidak
    broken = with_step(renja, 6, decision=Decision(yes=8, no=3))
    broken = with_step(broken, 2, decision=Decision(yes=5, no=2))
    assert 3 not in reachable_steps(broken)
    assert (ProblemKind.UNREACHABLE, 3, None) in kinds(broken)
    fixed = with_step(broken, 2, decision=Decision(yes=4, no=2))
    assert flow_problems(fixed) == []


def test_steps_after_a_dead_end_decision_are_unreachable(renja):
    broken = with_step(renja, 0, decision=Decision(yes=None, no=None))
    found = kinds(broken)
    assert found[0] == (ProblemKind.DECISION_INCOMPLETE, 0, None)
    assert [s for k, s, _ in found if k is ProblemKind.UNREACHABLE] == list(range(1, 12))


def test_lane_without_steps_found_and_cleared(renja):
    broken = replace(renja, roles=(*renja.roles, "Lurah"))
    problems = flow_problems(broken)
    assert [(p.kind, p.lane) for p in problems] == [(ProblemKind.EMPTY_LANE, "Lurah")]
    assert problems[0].message == "Lajur 'Lurah' tidak punya langkah"
    # giving the lane a step clears it (Camat keeps its other steps)
    assert flow_problems(with_step(broken, 0, role="Lurah")) == []


def test_label_shows_the_printed_number_when_it_differs(renja):
    broken = with_step(renja, 2, no="2a", activity="")
    assert flow_problems(broken)[0].message.startswith("Langkah 3 (No. 2a):")


def test_an_sop_not_drawn_yet_has_no_problems():
    sop = sop_from_dict(seed_dict("ngantang-2021-iku"))
    assert flow_problems(sop) == []


def test_last_step_deciding_back_forever_is_a_problem_and_cannot_run(renja):
    # step 12 becomes a decision whose branches both go back: no round could ever finish
    broken = with_step(renja, 11, decision=Decision(yes=6, no=5))
    found = [p for p in flow_problems(broken) if p.kind is ProblemKind.NO_WAY_OUT]
    assert [p.step for p in found] == [11]
    assert found[0].message.startswith("Langkah 12: tidak ada jalan keluar dari langkah 4–12")
    assert "langkah terakhir tidak boleh berupa keputusan" in found[0].message
    with pytest.raises(NotRunnable, match="Langkah 12: tidak ada jalan keluar"):
        check_runnable(broken)
    check_runnable(renja)


def test_a_loop_with_no_way_out_in_the_middle_names_its_steps(renja):
    # step 7 sends Ya back to 5 instead of on to 8: 5, 6, 7 only ever go round each other
    broken = with_step(renja, 6, decision=Decision(yes=5, no=4))
    found = [p for p in flow_problems(broken) if p.kind is ProblemKind.NO_WAY_OUT]
    assert [(p.step, p.message) for p in found] == [(6, (
        "Langkah 7: tidak ada jalan keluar dari langkah 4–7: alurnya berputar terus dan "
        "tidak pernah sampai ke akhir prosedur, jadi putarannya tidak dapat selesai"))]
    # the steps after the loop are never reached, and are told so too
    assert {p.step for p in flow_problems(broken) if p.kind is ProblemKind.UNREACHABLE} == set(
        range(7, 12))
    assert not [p for p in flow_problems(with_step(broken, 6, decision=Decision(yes=8, no=4)))
                if p.kind is ProblemKind.NO_WAY_OUT]


def test_a_loop_whose_way_out_is_not_chosen_yet_is_not_blamed_twice(renja):
    broken = with_step(renja, 11, decision=Decision(yes=6, no=None))
    assert kinds(broken) == [(ProblemKind.DECISION_INCOMPLETE, 11, None)]


def test_closed_loops_names_runs_of_steps(renja):
    steps = with_step(renja, 11, decision=Decision(yes=10, no=9)).steps
    assert closed_loops(steps) == [ClosedLoop(decision=11, steps=(8, 9, 10, 11))]
    assert closed_loops(renja.steps) == []


def test_a_procedure_without_steps_cannot_run():
    sop = sop_from_dict(seed_dict("ngantang-2021-iku"))
    with pytest.raises(NotRunnable, match="belum punya langkah"):
        check_runnable(sop)


def test_an_interchange_file_with_a_loop_with_no_way_out_is_refused():
    data = seed_dict("poncokusumo-2018-renja")
    data["steps"][11]["decision"] = {"yes": 6, "no": 5}
    with pytest.raises(InvalidSopFile) as caught:
        sop_from_dict(data, source="renja.json")
    assert [p.place for p in caught.value.problems] == ["steps[11].decision"]
    assert "tidak ada jalan keluar dari langkah 4–12" in str(caught.value)
