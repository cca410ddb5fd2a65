"""Where an Indonesian word may be hyphenated: between its syllables, by the spelling rules.

A consonant between two vowels opens the next syllable (ba-pak: V-CV); of two or more
consonants between vowels only the last opens it (ren-bang, pan-tai: VC-CV), or of three
the last two where they are a borrowed word's onset (ins-truk-si); ng, ny, kh and sy are one
consonant (ke-te-ra-ngan, ma-sya-ra-kat). Vowels standing side by side are not
parted (the rules read ai, au and oi as one sound in some words and two in others), and a
break never leaves fewer than two letters on either side.
"""

from __future__ import annotations

VOWELS = frozenset("aeiou")
DIGRAPHS = ("ng", "ny", "kh", "sy")
# consonant pairs that open a syllable of a borrowed word: eks-tra, ins-truk-si, kom-pleks
ONSETS = frozenset({"bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr"})
MIN_PART = 2


def _units(word: str) -> list[tuple[int, str]]:
    """The word's letters as (index, sound): a digraph one unit, other letters one each;
    anything not a letter is a unit of its own kind ('#') no break lies next to."""
    units, i, low = [], 0, word.lower()
    while i < len(low):
        if low[i:i + 2] in DIGRAPHS:
            units.append((i, "c"))
            i += 2
            continue
        ch = low[i]
        units.append((i, "v" if ch in VOWELS else "c" if ch.isalpha() else "#"))
        i += 1
    return units


def syllable_breaks(word: str) -> tuple[int, ...]:
    """Character indexes at which `word` may be broken with a hyphen, in order."""
    units = _units(word)
    breaks = []
    vowel_at = [n for n, (_, kind) in enumerate(units) if kind == "v"]
    for a, b in zip(vowel_at, vowel_at[1:], strict=False):
        between = units[a + 1:b]
        if not between or any(kind == "#" for _, kind in between):
            continue
        # V-CV: before the lone consonant; VC-CV: before the last consonant
        cut = between[-1][0]
        if len(between) >= 3 and word[between[-2][0]:cut + 1].lower() in ONSETS:
            cut = between[-2][0]
        breaks.append(cut)
    return tuple(i for i in breaks if MIN_PART <= i <= len(word) - MIN_PART)
