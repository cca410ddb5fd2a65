"""Whether a word is an Indonesian verb, read from its affixes over a lexicon of root words.

A Kegiatan starts with a verb: an affixed form (menyusun, memeriksa, diserahkan,
berkoordinasi, mempersiapkan), a root with -kan/-i written as an imperative (Serahkan,
Tandatangani), or one of the few roots written bare as an imperative (Periksa, Terima).
Affixes are taken off as the language puts them on: meN- with its nasal changes (meny- for
s, meng- for k or a vowel, mem- for p, men- for t: menyusun ← susun, mengetik ← ketik,
memanggil ← panggil, menolak ← tolak), menge- before a one-syllable root (mengesahkan ← sah),
di-, ber-, ter-, memper-/diper-, per- with -kan/-i; then -kan, -i, or -an after ber-. A word
that is itself in the lexicon is read as the root it is, not as an affixed form, so nouns
that only look prefixed stay nouns (berkas, menteri, dinas).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

_VOWELS = "aeiou"
_MIN_ROOT = 3
_BER_SUFFIXES = ("", "kan", "an")
_VERB_SUFFIXES = ("", "kan", "i")  # the whole stem first: pindai, not pinda + -i


@dataclass(frozen=True)
class Lexicon:
    roots: frozenset[str]  # root words (kata dasar)
    bare: frozenset[str]  # roots a Kegiatan may start with as written (Periksa, Terima)

    def known(self, root: str) -> bool:
        return len(root) >= _MIN_ROOT and (root in self.roots or root in self.bare)

    def verb_root(self, word: str) -> str | None:
        """The root of `word` read as a verb (`Menyempurnakan` → `sempurna`), else None."""
        w = word.lower().replace("-", "")
        if w in self.bare:
            return w
        if w in self.roots:
            return None  # a root as written is a noun or such unless written bare as a verb
        for stem, suffixes in _stems(w):
            for suffix in suffixes:
                if stem.endswith(suffix):
                    root = stem[:len(stem) - len(suffix)] if suffix else stem
                    if self.known(root):
                        return root
        return None

    def is_verb(self, word: str) -> bool:
        return self.verb_root(word) is not None


def _stems(w: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each way `w` may be a prefix and a stem, with the suffixes the prefix takes."""
    stems: list[tuple[str, tuple[str, ...]]] = [(w, ("kan", "i"))]  # an imperative: Serahkan

    def after(prefix: str) -> str | None:
        return w[len(prefix):] if w.startswith(prefix) and len(w) > len(prefix) + 1 else None

    for prefix in ("memper", "diper"):
        if (rest := after(prefix)) is not None:
            stems.append((rest, _VERB_SUFFIXES))
    if (rest := after("per")) is not None:
        stems.append((rest, ("kan", "i")))  # per-…-an is a noun (peraturan, permohonan)
    if (rest := after("meny")) is not None:
        stems.append(("s" + rest, _VERB_SUFFIXES))
    # meN- keeps the root's first sound too, as offices write loanwords (mengkonsep,
    # memproses, mentabulasi) and some roots do (membayar, mencetak)
    for prefix, swallowed in (("meng", "k"), ("mem", "p"), ("men", "t")):
        if (rest := after(prefix)) is not None:
            if rest[0] in _VOWELS:
                stems.append((swallowed + rest, _VERB_SUFFIXES))
            stems.append((rest, _VERB_SUFFIXES))
    if (rest := after("menge")) is not None:
        stems.append((rest, _VERB_SUFFIXES))
    if (rest := after("me")) is not None and rest[0] in "lmnrwy":
        stems.append((rest, _VERB_SUFFIXES))
    if (rest := after("di")) is not None:
        stems.append((rest, _VERB_SUFFIXES))
    if (rest := after("ber")) is not None:
        stems.append((rest, _BER_SUFFIXES))
    if (rest := after("be")) is not None and rest.startswith(("r", "ker")):
        stems.append((rest, _BER_SUFFIXES))  # berencana ← rencana, bekerja ← kerja
    if w.startswith("belajar"):
        stems.append((w[3:], _BER_SUFFIXES))
    if (rest := after("ter")) is not None:
        stems.append((rest, _VERB_SUFFIXES))
    return stems


def _words(path: Path) -> frozenset[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as file:
        lines = (line.strip().lower() for line in file)
        return frozenset(line for line in lines if line and not line.startswith("#"))


def load_lexicon(roots: Path, bare: Path, *more_roots: Path) -> Lexicon:
    """The lexicon from the shipped root words (`roots`, gzip or plain, with `more_roots`)
    and the roots written bare as a verb (`bare`); one word a line, '#' lines are notes."""
    words = _words(roots).union(*(_words(path) for path in more_roots))
    return Lexicon(roots=words, bare=_words(bare))
