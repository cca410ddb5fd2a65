"""The procedure table's header found by meaning even where its words also stand in the text
above it (procurement SOPs of the openSOP collection: a Peringatan mentioning "aktivitas"
and "waktu" a line above the header's "No.")."""

from __future__ import annotations

from kecamatan_desktop.bookimport.pdf_page import Box, PageContent, Word
from kecamatan_desktop.bookimport.pdf_shapes import Segment
from kecamatan_desktop.bookimport.pdf_table import find_header

COLUMNS = (50.0, 80.0, 250.0, 350.0, 420.0)  # No | Kegiatan | Camat | Waktu
RULES = (100.0, 125.0, 175.0, 225.0)


def word(text: str, x: float, y: float) -> Word:
    return Word(text, Box(x, y, x + 6.0 * len(text), y + 8.0), 8.0)


def page(words: list[Word]) -> PageContent:
    return PageContent(1, 600.0, 400.0, tuple(words), (), sum(len(w.text) for w in words), 0,
                       0.0)


def grid() -> tuple[Segment, ...]:
    verticals = [Segment(x, RULES[0], x, RULES[-1]) for x in COLUMNS]
    horizontals = [Segment(COLUMNS[0], y, COLUMNS[-1], y) for y in RULES]
    return tuple(verticals + horizontals)


def header_and_rows() -> list[Word]:
    return [word("No.", 55, 108), word("Kegiatan", 120, 108), word("Camat", 270, 108),
            word("Waktu", 360, 108),
            word("1", 60, 145), word("Menerima", 90, 145), word("1", 360, 145),
            word("hari", 370, 145),
            word("2", 60, 195), word("Mengirim", 90, 195)]


def test_the_header_under_a_paragraph_that_names_its_words():
    warning = [word("Kegagalan", 90, 80), word("aktivitas", 160, 80), word("dan", 220, 80),
               word("waktu", 260, 88)]  # a line above, within reach of the header's "No."
    table = find_header(page(warning + header_and_rows()), grid())
    assert table is not None
    assert [c.role for c in table.columns] == ["no", "activity", "lane", "time"]
    assert table.lanes[0].name == "Camat"
    assert [r.no for r in table.rows] == ["1", "2"]


def test_no_header_when_only_the_paragraph_names_the_words():
    warning = [word("No.", 55, 80), word("aktivitas", 160, 80), word("waktu", 260, 88)]
    assert find_header(page(warning), grid()) is None


def test_judul_sop_is_the_name_label_as_nama_sop_is():
    """Some BPS teams label the name "Judul SOP" (openSOP 012, 033, 036, 041…)."""
    from kecamatan_desktop.bookimport.pdf_identity import _labels

    for label in (["Nama", "SOP"], ["Judul", "SOP"]):
        words = [word(label[0], 300, 200), word(label[1], 340, 200),
                 word("Pengumpulan", 362, 200), word("Data", 432, 200)]
        box, rest = _labels(page(words))["name"]
        assert [w.text for w in rest] == ["Pengumpulan", "Data"] and box.x0 == 300
