"""Periksa SOP on rules cited: a Dasar Hukum (and the decree's Mengingat) cited twice, with a
wrong number or year, or since replaced; the decree's Menetapkan and its dikta."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kecamatan_desktop.domain.checks_base import ERROR, WARNING, Context, DecreeText, Finding
from kecamatan_desktop.domain.legal import LegalTable, read_citation
from kecamatan_desktop.domain.sop import Sop


def _citations(items: Sequence[str], where: str, year: int | None, owner: str,
               legal: LegalTable) -> list[Finding]:
    findings = []
    seen: dict[str, int] = {}
    for i, text in enumerate(items):
        place = f"{where}[{i}]"
        key = " ".join(text.lower().split()).strip(" ;.")
        if key in seen:
            findings.append(Finding("dasar-hukum-ganda", WARNING, owner, place,
                                    f"Disebut dua kali (sama dengan butir {seen[key] + 1}): "
                                    f"{text}"))
            continue
        seen[key] = i
        citation = read_citation(text)
        if citation is None:
            continue
        rule = legal.find(citation.ref)
        if rule is None:
            named = legal.by_title(citation.ref.kind, citation.title)
            if named is not None:
                findings.append(Finding(
                    "dasar-hukum-nomor", ERROR, owner, place,
                    f"{citation.ref.label()} tentang {citation.title}: nomor atau tahunnya "
                    f"salah; aturan tentang {named.title} adalah {named.ref.label()}."))
            continue
        newer = rule.replaced_by
        if newer is not None:
            # cited after the newer rule came: an error; before it (or the SOP's year not
            # written): still worth revising
            severity = ERROR if year is not None and year > newer.year else WARNING
            findings.append(Finding(
                "dasar-hukum-diganti", severity, owner, place,
                f"{rule.ref.label()} tentang {rule.title} sudah dicabut dan diganti "
                f"{newer.label()}; sebutkan aturan yang berlaku."))
    return findings


def check_legal_basis(sop: Sop, ctx: Context) -> list[Finding]:
    """Dasar Hukum: a rule cited twice, with a wrong number or year, or since replaced."""
    return _citations(sop.legal_basis, "legal_basis", sop_year(sop), sop.id, ctx.legal)


def sop_year(sop: Sop) -> int | None:
    """The year the SOP took effect: of Tanggal Efektif, else of Tanggal Pembuatan, else the
    year a date as written names ("Oktober 2024"); None when none is written."""
    for day, text in ((sop.effective, sop.effective_text), (sop.created, sop.created_text)):
        if day is not None:
            return day.year
        found = re.search(r"\b(19|20)\d\d\b", text)
        if found:
            return int(found.group())
    return None



def check_decree(decree: DecreeText, ctx: Context) -> list[Finding]:
    """The office's Keputusan Camat: a Menetapkan with no diktum or an empty one, or with
    nothing written after it (the decision's title), and its Mengingat checked as a Dasar
    Hukum is."""
    owner = f"keputusan:{decree.office}"
    findings = []
    if not decree.decides:
        findings.append(Finding("keputusan-menetapkan", ERROR, owner, "decree.decides",
                                "Keputusan Camat tidak punya diktum MENETAPKAN; keputusan "
                                "tanpa isi tidak menetapkan SOP apa pun."))
    for i, (label, text) in enumerate(decree.decides):
        if not text.strip():
            findings.append(Finding("keputusan-menetapkan", ERROR, owner,
                                    f"decree.decides[{i}]",
                                    f"Diktum {label or i + 1} kosong; tulis apa yang "
                                    "ditetapkannya."))
    if not decree.enacts.strip():
        what = f": {decree.title}" if decree.title.strip() else " (KEPUTUSAN CAMAT … TENTANG …)"
        findings.append(Finding("keputusan-menetapkan", WARNING, owner, "decree.enacts",
                                "Sesudah 'Menetapkan :' tidak tertulis apa pun; yang "
                                f"ditetapkan adalah judul keputusan ini{what}."))
    return findings + _citations(decree.recalling, "decree.recalling", decree.year, owner,
                                 ctx.legal)
