"""Edits of an SOP as real books write it: a step in several lanes, one Waktu over several
steps, a second start. Nothing is lost by inserting, deleting or moving steps, renaming or
removing lanes; a merged Waktu grows, shrinks, moves or is cut by the rules of
domain/waktu_span.py."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.waktu_span import covering, is_covered, span_of
from tests.domain.real_book import real_book


@pytest.fixture
def book() -> Sop:
    return real_book()


def spans(sop: Sop) -> list[tuple[int, int, str]]:
    """(first step, last step, Waktu) of each merged Waktu, 1-based."""
    return [(i + 1, i + s.time_span, s.time) for i, s in enumerate(sop.steps)
            if s.time_span > 1]


def texts(sop: Sop) -> list[str]:
    return [s.time for s in sop.steps]


def test_the_fixture_is_what_it_says(book):
    assert covering(book.steps)[:6] == [None, None, 2, 2, 2, None]
    assert spans(book) == [(3, 5, "3 hari kerja")]
    assert is_covered(book.steps, 3) and not is_covered(book.steps, 2)
    assert span_of(book.steps, 4) == range(2, 5)


def test_a_step_inserted_inside_a_span_joins_it_and_one_outside_does_not(book):
    inside = edits.insert_step(book, 3)
    assert spans(inside) == [(3, 6, "3 hari kerja")]
    assert inside.steps[3].time == "" and len(inside.steps) == 13
    before = edits.insert_step(book, 2)  # above the span's first step
    assert spans(before) == [(4, 6, "3 hari kerja")]
    after = edits.insert_step(book, 5)  # right under its last step
    assert spans(after) == [(3, 5, "3 hari kerja")]


def test_deleting_inside_a_span_shrinks_it_and_its_first_step_passes_the_waktu_on(book):
    assert spans(edits.delete_step(book, 3)) == [(3, 4, "3 hari kerja")]
    first_gone = edits.delete_step(book, 2)
    assert spans(first_gone) == [(3, 4, "3 hari kerja")]
    assert first_gone.steps[2].activity == book.steps[3].activity
    one_left = edits.delete_step(edits.delete_step(book, 2), 2)
    assert spans(one_left) == [] and one_left.steps[2].time == "3 hari kerja"


def test_moving_inside_a_span_keeps_the_waktu_at_its_top(book):
    after = edits.move_step(book, 2, 1)  # the first step of the span goes down one
    assert spans(after) == [(3, 5, "3 hari kerja")]
    assert after.steps[3].other_roles == ("Kasubag Evapor", "Staf")
    assert after.steps[3].time == ""


def test_a_step_moved_out_of_a_span_cuts_it_and_one_moved_in_cuts_it_too(book):
    out = edits.move_step(book, 4, 1)  # the span's last step goes below step 6
    assert spans(out) == [(3, 4, "3 hari kerja")]
    assert out.steps[5].activity == book.steps[4].activity and out.steps[5].time == ""
    into = edits.move_step(book, 5, -1)  # step 6 (its own Waktu) up between steps 4 and 5
    assert spans(into) == [(3, 4, "3 hari kerja")]
    assert into.steps[4].time == "10 menit" and into.steps[5].time == ""
    assert texts(into).count("3 hari kerja") == 1


def test_the_other_lanes_and_the_start_travel_with_their_step(book):
    moved = edits.move_step(book, 8, -3)
    assert moved.steps[5].start and not moved.steps[8].start
    inserted = edits.insert_step(book, 0)
    assert inserted.steps[3].roles == ("Tim", "Kasubag Evapor", "Staf")
    assert inserted.steps[9].start


def test_renaming_a_lane_renames_it_among_a_steps_other_lanes(book):
    after = edits.rename_lane(book, "Staf", "Pelaksana Teknis")
    assert after.steps[2].other_roles == ("Kasubag Evapor", "Pelaksana Teknis")
    after = edits.rename_lane(book, "Tim", "Tim Renja")
    assert after.steps[2].roles == ("Tim Renja", "Kasubag Evapor", "Staf")


def test_removing_a_lane_takes_it_from_steps_in_several_and_refuses_for_one_alone(book):
    with pytest.raises(edits.LaneInUse) as info:
        edits.remove_lane(book, "Staf")
    assert info.value.steps == [4, 11]  # step 3 has two lanes besides
    no_staf = edits.update_step(edits.update_step(book, 4, role="Sekcam"), 11, role="Sekcam")
    after = edits.remove_lane(no_staf, "Staf")
    assert after.steps[2].roles == ("Tim", "Kasubag Evapor")
    first = edits.remove_lane(edits.update_step(book, 6, role="Sekcam"), "Tim")
    assert first.steps[2].roles == ("Kasubag Evapor", "Staf")
    assert edits.steps_in_lane(book, "Staf") == [2, 4, 11]


def test_a_step_is_put_in_several_lanes_in_lane_order(book):
    after = edits.set_step_lanes(book, 0, ["Staf", "Camat", "Staf"])
    assert after.steps[0].roles == ("Camat", "Staf")
    with pytest.raises(edits.EditRefused, match="'Bupati' tidak ada"):
        edits.set_step_lanes(book, 0, ["Camat", "Bupati"])
    with pytest.raises(edits.EditRefused, match="sedikitnya satu"):
        edits.set_step_lanes(book, 0, [])
    dropped = edits.move_step_lane(book, 2, "Staf")
    assert dropped.steps[2].roles == ("Staf", "Kasubag Evapor")


def test_start_marks_a_later_step_and_the_first_always_is_one(book):
    assert edits.set_start(book, 3, True).steps[3].start
    assert not edits.set_start(book, 8, False).steps[8].start
    assert edits.set_start(book, 0, True) is book


def test_waktu_joined_over_the_next_step_and_split_again(book):
    empty_next = edits.update_step(book, 5, time="")
    joined = edits.join_time(empty_next, 3)  # from a step under the span: the span grows
    assert spans(joined) == [(3, 6, "3 hari kerja")]
    with pytest.raises(edits.EditRefused, match=r"Langkah 6 punya Waktu sendiri \('10 menit'\)"):
        edits.join_time(book, 2)
    with pytest.raises(edits.EditRefused, match="Tidak ada langkah sesudah langkah 12"):
        edits.join_time(book, 11)
    split = edits.split_time(joined, 4)
    assert spans(split) == [] and texts(split)[2:6] == ["3 hari kerja", "", "", ""]
    with pytest.raises(edits.EditRefused, match="tidak digabung"):
        edits.split_time(book, 0)


def test_the_waktu_of_a_step_under_a_span_is_its_first_steps(book):
    with pytest.raises(edits.EditRefused, match="ubah Waktu di langkah 3"):
        edits.update_step(book, 3, time="1 hari")
    assert edits.update_step(book, 3, activity="x").steps[3].time == ""
    assert edits.update_step(book, 2, time="2 hari").steps[2].time_span == 3


def test_a_procedure_copied_from_a_book_sop_keeps_all_it_holds(book):
    from kecamatan_desktop.domain.procedure_copy import copy_procedure

    target = replace(book, id="lain", name="Lain", steps=(), roles=())
    copied = copy_procedure(target, book)
    assert copied.steps == book.steps and copied.roles == book.roles
    assert copied.steps[2].roles == ("Tim", "Kasubag Evapor", "Staf")
    assert spans(copied) == [(3, 5, "3 hari kerja")] and copied.steps[8].start
