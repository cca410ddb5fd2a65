"""Rows copied and pasted keep what real books hold: a step's other lanes, its start mark and
a Waktu merged over several rows (cut to the rows copied, and cut or grown where pasted);
rows from a spreadsheet name a step's several lanes."""

from __future__ import annotations

from dataclasses import replace

from kecamatan_desktop.domain.pasted_rows import PasteNote, block_from_clipboard, block_from_grid
from kecamatan_desktop.domain.step_block import (
    block_from_json,
    copied_rows_json,
    copied_rows_tsv,
    place_block,
)
from tests.domain.real_book import real_book


def spans(steps) -> list[tuple[int, int, str]]:
    return [(i + 1, i + s.time_span, s.time) for i, s in enumerate(steps) if s.time_span > 1]


def test_copied_rows_carry_lanes_start_and_their_merged_waktu_cut_to_the_copy():
    book = real_book()
    block = block_from_json(copied_rows_json(book, [2, 3, 8]))
    assert block.steps[0].roles == ("Tim", "Kasubag Evapor", "Staf")
    assert spans(block.steps) == [(1, 2, "3 hari kerja")]  # steps 3-4 of the 3-5 copied
    assert block.steps[2].start and block.steps[2].time_span == 1
    assert set(block.lanes) >= {"Tim", "Kasubag Evapor", "Staf"}
    # without the span's first step: the rows under the merged cell keep its Waktu
    tail = block_from_json(copied_rows_json(book, [3, 4]))
    assert spans(tail.steps) == [(1, 2, "3 hari kerja")]


def test_pasted_into_another_sop_the_lanes_it_lacks_are_left_out_and_said():
    book = real_book()
    block = block_from_json(copied_rows_json(book, [2, 3]))
    target = replace(book, roles=("Camat", "Tim", "Staf"),
                     steps=tuple(replace(s, role="Camat", other_roles=(), time_span=1,
                                         time="1 jam", start=False) for s in book.steps[:2]))
    after, notes = place_block(target, block, 2, add_lanes=False)
    assert after.steps[2].roles == ("Tim", "Staf")
    assert spans(after.steps) == [(3, 4, "3 hari kerja")]
    assert notes[0] == PasteNote(1, "Pelaksana", "lajur 'Kasubag Evapor' tidak ada di SOP "
                                                 "ini; langkah ini hanya di lajur Tim, Staf")
    added, _ = place_block(target, block, 2, add_lanes=True)
    assert added.steps[2].roles == ("Tim", "Kasubag Evapor", "Staf")


def test_pasting_inside_a_merged_waktu_cuts_it_or_an_empty_row_joins_it():
    book = real_book()
    timed = block_from_grid([["Memeriksa", "Camat", "", "1 jam"]])
    cut, _ = place_block(book, timed, 3, add_lanes=False)
    assert spans(cut.steps) == [] and cut.steps[2].time == "3 hari kerja"
    assert [s.time for s in cut.steps[2:6]] == ["3 hari kerja", "1 jam", "", ""]
    empty = block_from_grid([["Memeriksa", "Camat", "", ""]])
    grown, _ = place_block(book, empty, 3, add_lanes=False)
    assert spans(grown.steps) == [(3, 6, "3 hari kerja")]


def test_a_spreadsheets_pelaksana_names_several_lanes_and_copies_them_so():
    book = real_book()
    tsv = copied_rows_tsv(book, [2])
    assert "\tTim; Kasubag Evapor; Staf\t" in tsv
    block = block_from_clipboard(tsv, None)
    assert block.steps[0].roles == ("Tim", "Kasubag Evapor", "Staf")
    marked = block_from_clipboard(
        "Kegiatan\tPelaksana\t\t\r\n\tCamat\tSekcam\tStaf\r\nMenilai\tv\t\tv\r\n", None)
    assert marked.steps[0].roles == ("Camat", "Staf") and marked.notes == ()
