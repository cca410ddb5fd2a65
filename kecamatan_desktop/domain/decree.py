"""The Keputusan Camat that opens an office's SOP book: its text as edited, its checks, its
JSON form, diktum KEDUA listing the catalogue, and a new office's decree from the template."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.legal import LegalRule, LegalTable, RuleRef
from kecamatan_desktop.domain.nip import NipError, check_nip

FORMAT = "keputusan-camat/1"
TEMPLATE_FORMAT = "keputusan-camat-templat/1"
DIKTUM_LABELS = ("PERTAMA", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH",
                 "KEDELAPAN", "KESEMBILAN", "KESEPULUH")
CATALOGUE_DIKTUM = 1  # diktum KEDUA lists the SOPs of the book
SOP_PREFIX = "SOP "
FIRST_YEAR = 1945

# The field names every message and the window use.
DECREE_LABELS = {
    "number": "Nomor", "about": "Tentang", "considering": "Menimbang",
    "recalling": "Mengingat", "decides": "Menetapkan", "place": "Ditetapkan di",
    "date": "Tanggal", "signatory.name": "Nama Camat", "signatory.nip": "NIP",
    "signatory.rank": "Pangkat",
}
# How a citation names each kind of rule of the table (domain/legal.py reads them back).
KIND_NAMES = {
    "UU": "Undang-Undang",
    "PP": "Peraturan Pemerintah",
    "Perpres": "Peraturan Presiden",
    "Permenpan-RB": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "Kepmenpan": "Keputusan Menteri Pendayagunaan Aparatur Negara",
    "Permendagri": "Peraturan Menteri Dalam Negeri",
}


@dataclass(frozen=True)
class Recital:
    """One Mengingat: a rule picked from the table (its text written from it) or free text
    (a regional rule, or a citation as an office transcribed it)."""

    text: str
    rule: RuleRef | None = None


@dataclass(frozen=True)
class Signatory:
    title: str  # "CAMAT PONCOKUSUMO"
    name: str
    rank: str = ""  # pangkat
    nip: str = ""


@dataclass(frozen=True)
class Decree:
    office: str
    letterhead: tuple[str, ...]
    title: str
    number: str
    about: str
    issuer: str
    considering: tuple[str, ...]  # Menimbang, lettered a, b, …
    recalling: tuple[Recital, ...]  # Mengingat, numbered
    decides: tuple[str, ...]  # the diktum texts: PERTAMA, KEDUA (lists the catalogue), …
    place: str
    date: date
    signatory: Signatory


@dataclass(frozen=True)
class DecreeProblem:
    field: str  # a key of DECREE_LABELS
    message: str  # Indonesian, naming the field


class DecreeInvalid(InputError):
    """The decree cannot be saved as it is; `problems` says where and why."""

    def __init__(self, problems: list[DecreeProblem]) -> None:
        super().__init__("Keputusan belum dapat disimpan:\n"
                         + "\n".join(f"- {p.message}" for p in problems))
        self.problems = problems


def enacted(decree: Decree) -> str:
    """What stands after "Menetapkan :": the decision's own title, as decrees write it
    ("KEPUTUSAN CAMAT PONCOKUSUMO KABUPATEN MALANG TENTANG STANDAR OPERASIONAL …")."""
    parts = [decree.title.strip(), decree.about.strip()]
    return " TENTANG ".join(p for p in parts if p)


def diktum_label(index: int) -> str:
    return DIKTUM_LABELS[index] if index < len(DIKTUM_LABELS) else f"KE-{index + 1}"


def catalogue_items(sop_names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Diktum KEDUA's list: the catalogue as it is, one SOP a line."""
    return tuple(f"{SOP_PREFIX}{name};" for name in sop_names)


def citation_text(rule: LegalRule) -> str:
    """The Mengingat line of a rule of the table, worded so domain/legal.py reads it back."""
    ref = rule.ref
    name = KIND_NAMES.get(ref.kind, ref.kind)
    number = (f"Nomor {ref.number}" if "/" in ref.number
              else f"Nomor {ref.number} Tahun {ref.year}")
    return f"{name} {number} tentang {rule.title};"


def recital_of(rule: LegalRule) -> Recital:
    return Recital(citation_text(rule), rule.ref)


def rules_in_force(table: LegalTable) -> tuple[LegalRule, ...]:
    """The rules the picker offers: those no newer rule replaced."""
    return tuple(r for r in table.rules if r.replaced_by is None)


def validate(decree: Decree, table: LegalTable, *, today: date) -> list[DecreeProblem]:
    """What stops the decree from being saved; empty when it can be."""
    problems: list[DecreeProblem] = []

    def need(field: str, value: str) -> None:
        if not value.strip():
            problems.append(DecreeProblem(field, f"{DECREE_LABELS[field]} wajib diisi."))

    need("number", decree.number)
    need("about", decree.about)
    if not decree.considering:
        problems.append(DecreeProblem("considering", "Menimbang: isi sedikitnya satu butir."))
    for i, text in enumerate(decree.considering):
        if not text.strip():
            problems.append(DecreeProblem("considering",
                                          f"Menimbang butir {chr(ord('a') + i)} kosong."))
    for i, recital in enumerate(decree.recalling, 1):
        if not recital.text.strip():
            problems.append(DecreeProblem("recalling", f"Mengingat butir {i} kosong."))
        elif recital.rule is not None and table.find(recital.rule) is None:
            problems.append(DecreeProblem(
                "recalling", f"Mengingat butir {i}: {recital.rule.label()} tidak ada dalam "
                "daftar peraturan; pilih dari daftar atau tulis sebagai teks bebas."))
    if len(decree.decides) <= CATALOGUE_DIKTUM:
        problems.append(DecreeProblem(
            "decides", "Menetapkan: sedikitnya diktum PERTAMA dan KEDUA (yang memuat daftar "
            "SOP) harus ada."))
    for i, text in enumerate(decree.decides):
        if not text.strip():
            problems.append(DecreeProblem("decides",
                                          f"Menetapkan: diktum {diktum_label(i)} kosong."))
    need("place", decree.place)
    if not FIRST_YEAR <= decree.date.year <= today.year + 1:
        problems.append(DecreeProblem("date", f"Tanggal {decree.date.isoformat()} tidak "
                                      f"masuk akal; tahunnya {FIRST_YEAR}–{today.year + 1}."))
    need("signatory.name", decree.signatory.name)
    if decree.signatory.nip.strip():
        try:
            check_nip(decree.signatory.nip)
        except NipError as exc:
            problems.append(DecreeProblem("signatory.nip", f"NIP Camat: {exc}."))
    return problems


def check(decree: Decree, table: LegalTable, *, today: date) -> None:
    problems = validate(decree, table, today=today)
    if problems:
        raise DecreeInvalid(problems)


# JSON ----------------------------------------------------------------------------------------
def to_json(decree: Decree) -> dict[str, Any]:
    def recital(r: Recital) -> Any:
        if r.rule is None:
            return r.text
        return {"text": r.text, "rule": {"kind": r.rule.kind, "number": r.rule.number,
                                         "year": r.rule.year}}

    decides = []
    for i, text in enumerate(decree.decides):
        entry: dict[str, Any] = {"label": diktum_label(i), "text": text}
        if i == CATALOGUE_DIKTUM:
            entry["sop_list"] = "catalogue"
        decides.append(entry)
    s = decree.signatory
    return {
        "format": FORMAT, "office": decree.office, "letterhead": list(decree.letterhead),
        "title": decree.title, "number": decree.number, "about": decree.about,
        "issuer": decree.issuer, "considering": list(decree.considering),
        "recalling": [recital(r) for r in decree.recalling], "decides": decides,
        "place": decree.place, "date": decree.date.isoformat(),
        "signatory": {"title": s.title, "name": s.name, "rank": s.rank, "nip": s.nip},
    }


def from_json(raw: dict[str, Any]) -> Decree:
    """A decree as to_json wrote it, or as transcribed in data/decrees (free-text Mengingat;
    the seed's own printed list of SOPs is not read: diktum KEDUA lists the catalogue)."""
    if raw.get("format") != FORMAT:
        raise InputError(f"Bukan berkas keputusan camat ({FORMAT}): {raw.get('format')!r}")
    decides = raw["decides"]
    listing = [i for i, d in enumerate(decides) if d.get("sop_list") == "catalogue"]
    if listing and listing != [CATALOGUE_DIKTUM]:
        raise InputError("Daftar SOP keputusan harus pada diktum KEDUA")

    def recital(item: Any) -> Recital:
        if isinstance(item, str):
            return Recital(item)
        rule = item["rule"]
        return Recital(item["text"], RuleRef(rule["kind"], str(rule["number"]),
                                             int(rule["year"])))

    sign = raw["signatory"]
    return Decree(
        office=raw["office"], letterhead=tuple(raw["letterhead"]), title=raw["title"],
        number=raw["number"], about=raw["about"], issuer=raw["issuer"],
        considering=tuple(raw["considering"]),
        recalling=tuple(recital(r) for r in raw["recalling"]),
        decides=tuple(d["text"] for d in decides), place=raw["place"],
        date=date.fromisoformat(raw["date"]),
        signatory=Signatory(title=sign["title"], name=sign["name"],
                            rank=sign.get("rank") or "", nip=sign.get("nip") or ""),
    )


# the template --------------------------------------------------------------------------------
@dataclass(frozen=True)
class OfficeFacts:
    """What the template needs to know of an office (from its profile)."""

    name: str  # "Kecamatan Ngantang"
    government: str  # "Pemerintah Kabupaten Malang"
    sheet_name: str | None = None  # as its sheets name it; None: `name`
    city: str | None = None
    camat: Signatory | None = None
    code: str | None = None  # the regional code its numbers carry, "35.07.27"

    @property
    def short_name(self) -> str:
        """"Ngantang" of "Kecamatan Ngantang"."""
        head, _, rest = self.name.partition(" ")
        return rest if head.lower() == "kecamatan" and rest else self.name

    @property
    def region(self) -> str:
        """"Kabupaten Malang" of "Pemerintah Kabupaten Malang"."""
        head, _, rest = self.government.partition(" ")
        return rest if head.lower() == "pemerintah" and rest else self.government


def office_code(numbers: list[str] | tuple[str, ...]) -> str | None:
    """The regional code (kode wilayah) the office's SOP numbers carry, "35.07.27" of
    "065 / /35.07.27/2021"; None if none carries one."""
    for number in numbers:
        found = re.search(r"\b\d{2}[.,]\d{2}[.,]\d{2}\b", number)
        if found:
            return found.group(0).replace(",", ".")
    return None


def from_template(template: dict[str, Any], office: OfficeFacts, *, when: date,
                  table: LegalTable) -> Decree:
    """The template filled for `office`, dated `when`: its Mengingat the template's rules
    of the table that existed by then, worded from the table."""
    if template.get("format") != TEMPLATE_FORMAT:
        raise InputError(f"Bukan templat keputusan camat ({TEMPLATE_FORMAT})")
    words = {"kantor": office.name, "nama": office.short_name,
             "NAMA": office.short_name.upper(), "daerah": office.region,
             "DAERAH": office.region.upper(), "tahun": str(when.year), "kode": office.code}

    def fill(text: str) -> str:
        if office.code is None:  # the office's code is not known: the number goes without
            text = text.replace("{kode}/", "")
        return text.format(**words)

    recalling = []
    for ref in template["recalling"]:
        rule = table.find(RuleRef(ref["kind"], str(ref["number"]), int(ref["year"])))
        if rule is not None and rule.ref.year <= when.year:
            recalling.append(recital_of(rule))
    camat = office.camat
    issuer = fill(template["issuer"])
    return Decree(
        office=office.name,
        letterhead=(office.government.upper(), (office.sheet_name or office.name).upper()),
        title=fill(template["title"]), number=fill(template["number"]),
        about=fill(template["about"]), issuer=issuer,
        considering=tuple(fill(t) for t in template["considering"]),
        recalling=tuple(recalling), decides=tuple(fill(t) for t in template["decides"]),
        place=office.city or office.short_name, date=when,
        signatory=Signatory(title=(camat.title if camat else issuer).upper(),
                            name=camat.name if camat else "",
                            rank=camat.rank if camat else "", nip=camat.nip if camat else ""),
    )
