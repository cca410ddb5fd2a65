"""Indonesian hyphenation (issue 26, 4): a word too long for its column breaks between
syllables with a visible hyphen, and a heading is set smaller before a word of it breaks."""

from __future__ import annotations

import pytest

from kecamatan_desktop.layout.hyphenation import syllable_breaks
from kecamatan_desktop.layout.model import Style
from kecamatan_desktop.layout.table import MIN_HEADING_SIZE, heading_size
from kecamatan_desktop.layout.text import approximate_measure, wrap


def _syllables(word: str) -> str:
    cuts = (0, *syllable_breaks(word), len(word))
    return "-".join(word[a:b] for a, b in zip(cuts, cuts[1:], strict=False))


@pytest.mark.parametrize(("word", "syllables"), [
    ("Musrenbangcam", "Mus-ren-bang-cam"),
    ("perubahan", "pe-ru-ba-han"),
    ("Keterangan", "Ke-te-ra-ngan"),  # ng is one consonant
    ("Pemerintahan", "Pe-me-rin-ta-han"),
    ("masyarakat", "ma-sya-ra-kat"),  # sy too
    ("instruksi", "ins-truk-si"),  # tr opens a borrowed word's syllable
    ("Sekretaris", "Sek-re-ta-ris"),
    ("akhirnya", "akhir-nya"),  # no single letter left alone at either end
    ("Poncokusumo", "Pon-co-ku-su-mo"),
])
def test_words_break_between_their_syllables(word, syllables):
    assert _syllables(word) == syllables


def test_vowels_side_by_side_and_signs_are_not_parted():
    assert syllable_breaks("Kediaman") == (2, 5)  # Ke-dia-man: ia not parted
    assert syllable_breaks("2018/KEP") == ()


def _measure(text: str, size: float, bold: bool = False) -> float:
    return len(text) * size * 0.5  # every sign 2 pt at 4 pt: widths read off as letters


@pytest.mark.parametrize(("word", "width", "lines"), [
    ("Musrenbangcam", 16, ("Musren-", "bangcam")),
    ("Keterangan", 12, ("Kete-", "rangan")),
    ("Keterangan", 14, ("Ketera-", "ngan")),
    ("Pemerintahan", 16, ("Pemerin-", "tahan")),
    # its own hyphen ends the line and gets no second one
    ("perubahan-perubahan", 20, ("perubahan-", "perubahan")),
    ("perubahan-perubahan", 18, ("peruba-", "han-peru-", "bahan")),
])
def test_a_word_longer_than_its_column_breaks_at_a_syllable_with_a_hyphen(word, width,
                                                                          lines):
    assert wrap(word, width, _measure, 4.0) == lines
    assert all(_measure(line, 4.0) <= width for line in lines)


def test_a_word_without_a_syllable_that_fits_breaks_between_letters_with_a_hyphen():
    assert wrap("1234567890", 8, _measure, 4.0) == ("123-", "456-", "7890")
    assert wrap("xxxx", 2, _measure, 4.0) == ("x", "x", "x", "x")  # no room for a hyphen


def test_words_that_fit_a_line_are_never_broken():
    assert wrap("rapat Musrenbangcam desa", 16, _measure, 4.0) == (
        "rapat", "Musren-", "bangcam", "desa")


def test_a_heading_shrinks_until_its_longest_word_fits_then_stops_at_the_floor():
    style = Style()
    width = approximate_measure("Pemerintahan", style.heading_size, True) + 2 * style.cell_pad
    assert heading_size("Kasi Pemerintahan", width, style, approximate_measure) == (
        style.heading_size)
    size = heading_size("Kasi Pemerintahan", width - 4, style, approximate_measure)
    assert MIN_HEADING_SIZE <= size < style.heading_size
    assert approximate_measure("Pemerintahan", size, True) <= width - 4 - 2 * style.cell_pad
    assert heading_size("Kasi Pemerintahan", 20, style, approximate_measure) == (
        MIN_HEADING_SIZE)
