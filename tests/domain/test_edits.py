"""Procedure edits as pure functions: decision targets follow their steps, lanes stay sound."""

from __future__ import annotations

import pytest

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.interchange import sop_from_dict
from kecamatan_desktop.domain.sop import Decision, Sop
from tests.conftest import seed_dict


@pytest.fixture
def renja() -> Sop:
    # steps 6 and 7 are decisions: 6 -> (7, 5), 7 -> (8, 4); numbered 1..12
    return sop_from_dict(seed_dict("poncokusumo-2018-renja"))


def decisions(sop: Sop) -> dict[int, tuple]:
    return {i + 1: (s.decision.yes, s.decision.no) for i, s in enumerate(sop.steps)
            if s.decision}


def test_insert_shifts_targets_and_renumbers(renja):
    after = edits.insert_step(renja, 4, role="Staf")
    assert len(after.steps) == 13
    assert after.steps[4].activity == "" and after.steps[4].role == "Staf"
    assert decisions(after) == {7: (8, 6), 8: (9, 4)}
    assert [s.no for s in after.steps] == [str(i) for i in range(1, 14)]
    assert after.steps[5].activity == renja.steps[4].activity


def test_insert_keeps_hand_made_numbering(renja):
    odd = edits.update_step(renja, 0, no="1a")
    after = edits.insert_step(odd, 1)
    assert [s.no for s in after.steps][:3] == ["1a", "", "2"]
    assert after.steps[1].role == "Camat"  # the first lane when none is given


def test_delete_of_a_target_clears_that_branch(renja):
    after = edits.delete_step(renja, 4)  # step 5 is the Tidak of step 6
    assert decisions(after) == {5: (6, None), 6: (7, 4)}


def test_move_carries_targets(renja):
    after = edits.move_step(renja, 6, -1)  # step 7 goes up above step 6
    assert after.steps[5].activity == renja.steps[6].activity
    assert decisions(after) == {6: (8, 4), 7: (6, 5)}
    assert edits.move_step(renja, 0, -1) is renja
    assert edits.move_step(renja, 11, 1) is renja


def test_decision_made_set_and_cleared(renja):
    after = edits.make_decision(renja, 2)
    assert after.steps[2].decision == Decision(yes=4, no=None)
    after = edits.set_branch(after, 2, "no", 1)
    assert after.steps[2].decision == Decision(yes=4, no=1)
    with pytest.raises(edits.EditRefused):
        edits.set_branch(after, 2, "yes", 3)  # itself
    assert edits.clear_decision(after, 2).steps[2].decision is None
    assert edits.make_decision(renja, 11).steps[11].decision == Decision(None, None)


def test_rename_lane_moves_its_steps(renja):
    after = edits.rename_lane(renja, "Staf", "Pelaksana Teknis")
    assert after.roles[4] == "Pelaksana Teknis"
    assert after.steps[4].role == "Pelaksana Teknis"
    assert not any(s.role == "Staf" for s in after.steps)
    with pytest.raises(edits.EditRefused, match="sudah ada"):
        edits.rename_lane(renja, "Staf", "Camat")
    with pytest.raises(edits.EditRefused, match="kosong"):
        edits.add_lane(renja, "  ")


def test_lane_in_use_cannot_be_removed_and_names_the_steps(renja):
    with pytest.raises(edits.LaneInUse) as info:
        edits.remove_lane(renja, "Staf")
    message = str(info.value)
    assert message.startswith("Lajur 'Staf' masih dipakai oleh langkah 5. Pengetikan konsep")
    assert " dan langkah 12. Mengagenda, menggandakan dan…" in message
    unused = edits.add_lane(renja, "Lurah")
    assert edits.remove_lane(unused, "Lurah").roles == renja.roles


def test_step_caption(renja):
    assert edits.step_caption(renja, 4) == "5. Pengetikan konsep Dokumen Renja"
    assert edits.step_caption(renja, 4, limit=20) == "5. Pengetikan konsep…"
    assert edits.step_caption(edits.update_step(renja, 0, activity=""), 0) == "1."


def test_move_lane(renja):
    assert edits.move_lane(renja, 0, 1).roles[:2] == ("Sekcam", "Camat")
    assert edits.move_lane(renja, 0, -1) is renja


def test_start_procedure_adds_lane_and_first_step():
    sop = sop_from_dict(seed_dict("ngantang-2021-iku"))
    started = edits.start_procedure(sop, "Camat")
    assert started.roles == ("Camat",)
    assert [(s.no, s.role) for s in started.steps] == [("1", "Camat")]


def test_lanes_matching_puts_names_begun_first_then_words_begun_then_the_rest():
    roles = ("Camat", "Sekcam", "Tim", "Kasubag Evapor", "Staf", "Kasubag Umum")
    assert edits.lanes_matching(roles, "Se") == ["Sekcam"]
    assert edits.lanes_matching(roles, "kasubag  u") == ["Kasubag Umum"]
    assert edits.lanes_matching(roles, "s") == ["Sekcam", "Staf", "Kasubag Evapor",
                                                "Kasubag Umum"]
    assert edits.lanes_matching(roles, "u") == ["Kasubag Umum", "Kasubag Evapor"]
    assert edits.lanes_matching(roles, "cam") == ["Camat", "Sekcam"]
    assert edits.lanes_matching(roles, "  ") == list(roles)
    assert edits.lanes_matching(roles, "Lurah") == []
