"""Legal bases (Dasar Hukum, Mengingat): citations read from their text and compared with a
dated table of the rules SOP AP books cite (data/checks/legal_rules.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

# The kinds the table knows, as the citations word them; the first match wins, so the
# keputusan (decree) comes before the peraturan of the same minister.
_KINDS = (
    ("Kepmenpan", re.compile(r"keputusan\s+menteri[^,;]*pendayagunaan|\bkepmenpan")),
    ("Permenpan-RB", re.compile(r"pendayagunaan\s+aparatur|\bpermenpan|\bmenpan")),
    ("Permendagri", re.compile(r"menteri\s+dalam\s+negeri|\bpermendagri")),
    ("Perpres", re.compile(r"peraturan\s+presiden|\bperpres\b")),
    ("PP", re.compile(r"peraturan\s+pemerintah\b|\bpp\b")),
    ("UU", re.compile(r"undang-undang|\buu\b")),
)
# "Nomor 29 Tahun 2014", "No. 36 Tahun 2011", "Nomor : PER/21/M.PAN/11/2008"
_NUMBER = re.compile(r"\b(?:nomor|no\.?)\s*:?\s*([0-9A-Za-z./-]+?)(?:\s+tahun\s+(\d{4})|[\s,;]|$)",
                     re.IGNORECASE)
_TITLE = re.compile(r"\btentang\s+(.+)$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class RuleRef:
    kind: str
    number: str
    year: int

    def label(self) -> str:
        if "/" in self.number:
            return f"{self.kind} Nomor {self.number}"
        return f"{self.kind} Nomor {self.number} Tahun {self.year}"


@dataclass(frozen=True)
class LegalRule:
    ref: RuleRef
    title: str
    replaced_by: RuleRef | None


@dataclass(frozen=True)
class LegalTable:
    as_of: str
    rules: tuple[LegalRule, ...]

    def find(self, ref: RuleRef) -> LegalRule | None:
        key = _key(ref)
        return next((r for r in self.rules if _key(r.ref) == key), None)

    def by_title(self, kind: str, title: str) -> LegalRule | None:
        """The rule of `kind` whose title this is, preferring the one in force."""
        alike = [r for r in self.rules if r.ref.kind == kind and _same_title(r.title, title)]
        alike.sort(key=lambda r: r.replaced_by is not None)
        return alike[0] if alike else None


@dataclass(frozen=True)
class Citation:
    ref: RuleRef
    title: str


def load_legal_table(path: Path) -> LegalTable:
    raw = json.loads(path.read_text(encoding="utf-8"))

    def ref(d: dict) -> RuleRef:
        return RuleRef(d["kind"], str(d["number"]), int(d["year"]))

    return LegalTable(as_of=raw["as_of"], rules=tuple(
        LegalRule(ref(r), r["title"], ref(r["replaced_by"]) if r["replaced_by"] else None)
        for r in raw["rules"]))


def read_citation(text: str) -> Citation | None:
    """The kind, number, year and title of a cited rule; None for a kind the table does not
    hold (Perda, Pergub, Perbup) or a citation with no readable number and year."""
    # the kind and number are named before "tentang"; a title may name other rules
    head = re.split(r"\btentang\b", text, maxsplit=1, flags=re.IGNORECASE)[0]
    kind = next((k for k, pattern in _KINDS if pattern.search(head.lower())), None)
    number = _NUMBER.search(head + " ")
    if kind is None or number is None:
        return None
    raw_number, year = number.group(1).strip("."), number.group(2)
    if year is None:  # "PER/21/M.PAN/11/2008": the year closes the number
        tail = re.search(r"(\d{4})$", raw_number)
        if tail is None:
            return None
        year = tail.group(1)
    title = _TITLE.search(text)
    return Citation(RuleRef(kind, raw_number, int(year)),
                    title.group(1).strip(" ;.") if title else "")


def _key(ref: RuleRef) -> tuple[str, str, int]:
    return ref.kind, re.sub(r"\s+", "", ref.number).upper(), ref.year


def _words(text: str) -> str:
    text = re.sub(r"standart", "standar", text.lower())
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _same_title(a: str, b: str) -> bool:
    a, b = _words(a), _words(b)
    if not a or not b:
        return False
    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.8
