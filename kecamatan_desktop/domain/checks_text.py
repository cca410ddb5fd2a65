"""Periksa SOP on the writing: a sentence cut off, a list item left hanging on "dan", a word
written twice in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kecamatan_desktop.domain.checks_base import WARNING, Context, Finding
from kecamatan_desktop.domain.sop import Sop

_LISTS = ("legal_basis", "qualifications", "related", "equipment", "warnings", "records")
_STEP_TEXTS = ("activity", "requirements", "output", "notes")
_LIST_JOINS = ("dan", "atau")
# Words no sentence ends with: a conjunction or preposition still waiting for what it joins.
_DANGLING = frozenset({
    "dan", "atau", "serta", "maka", "yang", "untuk", "dengan", "oleh", "kepada", "ke", "di",
    "dari", "pada", "bahwa", "karena", "jika", "apabila", "bila", "sehingga", "agar",
    "supaya", "tetapi", "namun", "bagi", "tentang", "sebagai", "antara", "melalui", "dalam",
})
# "… maka tidak", "… yang tidak": the sentence stops before what is not done.
_DANGLING_PAIRS = frozenset({("maka", "tidak"), ("yang", "tidak"), ("maka", "akan")})


def _texts(sop: Sop) -> Iterator[tuple[str, str, bool]]:
    """Each text of the SOP: (place, text, is a list item)."""
    yield "name", sop.name, False
    for key in _LISTS:
        for i, item in enumerate(getattr(sop, key)):
            yield f"{key}[{i}]", item, True
    for i, step in enumerate(sop.steps):
        for field in _STEP_TEXTS:
            yield f"steps[{i}].{field}", getattr(step, field), False


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _tail(text: str) -> str:
    """The last few words as written, for the message: '… maka tidak'."""
    return "…" + " ".join(text.split()[-4:])


def check_cut_off(sop: Sop, ctx: Context) -> list[Finding]:
    """A text that stops on a conjunction or preposition ("… maka", "… maka tidak", "… untuk"):
    the rest of the sentence was lost. A list item's "dan"/"atau" is check_list_endings'."""
    findings = []
    for place, text, listed in _texts(sop):
        stripped = text.strip()
        if stripped.endswith((")", '"', "'")):
            continue  # a closing bracket or quote ends on a name, not a cut sentence
        words = _words(stripped)
        if not words or (listed and words[-1] in _LIST_JOINS):
            continue
        if words[-1] in _DANGLING or tuple(words[-2:]) in _DANGLING_PAIRS:
            findings.append(Finding("kalimat-terpotong", WARNING, sop.id, place,
                                    f"Kalimat terpotong: berakhir dengan {_tail(stripped)!r}; "
                                    "lengkapi kalimatnya."))
    return findings


def check_list_endings(sop: Sop, ctx: Context) -> list[Finding]:
    """A list item (Dasar Hukum, Peralatan, …) ending in "dan"/"atau": on the last item the
    item after it is missing; on another, without ';' or ',' before it, the item was cut off.
    "…; dan" before the last item is how rules list theirs, and is kept."""
    findings = []
    for key in _LISTS:
        items = getattr(sop, key)
        for i, item in enumerate(items):
            found = re.search(r"([;,]?)\s*\b(dan|atau)\s*[;,.:]?\s*$", item, re.IGNORECASE)
            if not found:
                continue
            last = i == len(items) - 1
            if not last and found.group(1):
                continue
            why = ("butir sesudahnya tidak ada" if last
                   else "butirnya terpotong (tanpa ';' sebelum kata itu)")
            findings.append(Finding("butir-terpotong", WARNING, sop.id, f"{key}[{i}]",
                                    f"Butir berakhir dengan {found.group(2)!r} ("
                                    f"{_tail(item)!r}), tetapi {why}; lengkapi atau "
                                    f"hapus {found.group(2)!r}."))
    return findings


def check_repeated_words(sop: Sop, ctx: Context) -> list[Finding]:
    """A word written twice in a row ("Daerah Daerah"); a reduplication is written with a
    hyphen (kata-kata) and is not one."""
    findings = []
    for place, text, _ in _texts(sop):
        for match in re.finditer(r"(?<![\w-])([A-Za-z]+)\s+(\1)(?![\w-])", text, re.IGNORECASE):
            findings.append(Finding("kata-ganda", WARNING, sop.id, place,
                                    f"Kata {match.group(1)!r} tertulis dua kali berturut-turut "
                                    f"({match.group(0)!r}); hapus salah satu."))
    return findings
