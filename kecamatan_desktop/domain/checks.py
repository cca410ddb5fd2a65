"""Periksa SOP: rules an SOP AP (Permenpan-RB 35/2012) should keep, one function each.

Each rule reads a `Sop` (and, for the rules across SOPs, the office's catalogue) and gives
`Finding`s: which rule, how bad, where, and an Indonesian message saying what and why.
Dismissing a finding is kept elsewhere (services/checking.py); here a finding's `place` is
its key, in the form the import rules use (`legal_basis[0]`, `steps[4].time`, `roles[2]`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from kecamatan_desktop.domain.legal import LegalTable, read_citation
from kecamatan_desktop.domain.sop import IDENTITY_LABELS, Sop
from kecamatan_desktop.domain.waktu import WaktuKind, read_waktu
from kecamatan_desktop.domain.waktu_span import is_covered

ERROR, WARNING = "kesalahan", "peringatan"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # ERROR or WARNING
    sop_id: str  # for the office's decree: "keputusan:<office>"
    place: str
    message: str
    lane: str | None = None

    @property
    def step(self) -> int | None:
        """The step (0-based) the finding is about, if any."""
        match = re.match(r"steps\[(\d+)\]", self.place)
        return int(match.group(1)) if match else None

    @property
    def identity(self) -> bool:
        return self.step is None and self.lane is None


@dataclass(frozen=True)
class Verbs:
    """Base forms of administrative verbs (data/checks/verbs.txt)."""

    bases: frozenset[str]

    def starts(self, word: str) -> bool:
        return any(base in self.bases for base in _bases(word.lower()))


@dataclass(frozen=True)
class DecreeText:
    """What the checks read of an office's Keputusan Camat."""

    office: str
    recalling: tuple[str, ...]  # Mengingat
    decides: tuple[tuple[str, str], ...]  # Menetapkan/Memutuskan: (diktum, text)
    year: int


@dataclass(frozen=True)
class Context:
    legal: LegalTable
    verbs: Verbs
    catalogue: tuple[Sop, ...] = ()  # the office's SOPs in catalogue order


def load_verbs(path: Path) -> Verbs:
    lines = (line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return Verbs(frozenset(line for line in lines if line and not line.startswith("#")))


# Prefix, and the consonant it swallows (memeriksa ← periksa, menyusun ← susun).
_PREFIXES = (("memper", ""), ("diper", ""), ("meny", "s"), ("meng", "k"), ("mem", "p"),
             ("men", "t"), ("me", ""), ("di", ""), ("ber", ""), ("ter", ""))
_SUFFIXES = ("kan", "i", "nya", "")


def _bases(word: str) -> set[str]:
    stems = {word}
    for prefix, swallowed in _PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            rest = word[len(prefix):]
            stems |= {rest, swallowed + rest} if swallowed else {rest}
    return {stem[:len(stem) - len(suffix)] if suffix else stem
            for stem in stems for suffix in _SUFFIXES if stem.endswith(suffix)}


# legal bases ----------------------------------------------------------------------------------
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


# the identity sheet ---------------------------------------------------------------------------
_DATE_KEYS = ("created", "revised", "effective")


def check_dates(sop: Sop, ctx: Context) -> list[Finding]:
    """Tanggal Pembuatan, Revisi and Efektif: written as a book writes them but not a whole
    date ("Oktober 2024"), or Pembuatan and Efektif not written at all."""
    findings = []
    for key in _DATE_KEYS:
        label, text = IDENTITY_LABELS[key], sop.date_text(key)
        if text.strip():
            findings.append(Finding("tanggal", WARNING, sop.id, key,
                                    f"{label} tertulis {' '.join(text.split())!r}, bukan "
                                    "tanggal lengkap; lengkapi tanggalnya bila sudah "
                                    "diketahui."))
        elif getattr(sop, key) is None and key != "revised":
            findings.append(Finding("tanggal", WARNING, sop.id, key,
                                    f"{label} belum diisi; lembar identitas mencetak '-'."))
    return findings


_APPROVER_PARTS = (("title", "jabatan"), ("name", "nama"), ("nip", "NIP"))


def check_approver(sop: Sop, ctx: Context) -> list[Finding]:
    """Disahkan oleh: the approver's jabatan, name or NIP not written (a book that does not
    print them): the sheet cannot be signed as it is."""
    return [Finding("pengesah", ERROR, sop.id, f"approved_by.{key}",
                    f"{IDENTITY_LABELS['approved_by']}: {part} masih kosong; isi sebelum "
                    "dicetak.")
            for key, part in _APPROVER_PARTS if not getattr(sop.approved_by, key).strip()]


def check_decree(decree: DecreeText, ctx: Context) -> list[Finding]:
    """The office's Keputusan Camat: a Menetapkan with no diktum or an empty one, and its
    Mengingat checked as a Dasar Hukum is."""
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
    return findings + _citations(decree.recalling, "decree.recalling", decree.year, owner,
                                 ctx.legal)


# across the office's SOPs ---------------------------------------------------------------------
def _register(number: str) -> tuple[str, int | None]:
    """`065/12/35.07.07/2018` → ("065/#/35.07.07/2018", 12); a blank register is None."""
    parts = [p.strip() for p in number.split("/")]
    if len(parts) < 3 or not parts[1].isdigit():
        return "/".join(parts), None
    return "/".join([parts[0], "#", *parts[2:]]), int(parts[1])


def check_number(sop: Sop, ctx: Context) -> list[Finding]:
    """Nomor SOP: the same number as another SOP of the office, or a register number lower
    than that of an SOP before it in the catalogue. A blank register number (filled in by
    hand, as the seeds print it) is neither."""
    series, register = _register(sop.number)
    if register is None:
        return []
    findings = []
    others = [s for s in ctx.catalogue if s.id != sop.id]
    same = [s for s in others if " ".join(s.number.split()) == " ".join(sop.number.split())]
    if same:
        findings.append(Finding("nomor-ganda", ERROR, sop.id, "number",
                                f"Nomor SOP {sop.number} juga dipakai SOP "
                                f"{', '.join(repr(s.name) for s in same)}; tiap SOP bernomor "
                                "sendiri."))
    ids = [s.id for s in ctx.catalogue]
    if sop.id in ids:
        before = [s for s in ctx.catalogue[:ids.index(sop.id)]
                  if _register(s.number)[0] == series and _register(s.number)[1] is not None]
        higher = [s for s in before if (_register(s.number)[1] or 0) > register]
        if higher:
            findings.append(Finding("nomor-urutan", WARNING, sop.id, "number",
                                    f"Nomor register {register} lebih kecil dari nomor SOP "
                                    f"{higher[-1].name!r} yang ada sebelumnya "
                                    f"({higher[-1].number}); nomor tidak urut."))
    return findings


# the procedure --------------------------------------------------------------------------------
def check_step_time(sop: Sop, ctx: Context) -> list[Finding]:
    """Mutu Baku Waktu, read as books write it: numbers that are no length, words with no
    length ("Setiap saat"), empty (unless a Waktu merged over several steps covers it), or
    zero."""
    findings = []
    for i, step in enumerate(sop.steps):
        place = f"steps[{i}].time"
        waktu = read_waktu(step.time)
        if waktu.kind == WaktuKind.UNREADABLE:
            findings.append(Finding("waktu", ERROR, sop.id, place,
                                    f"Waktu {step.time!r} tidak terbaca; tulis angka dan "
                                    "menit, jam atau hari (mis. '3 hari kerja'), atau kata "
                                    "tanpa angka bila tidak ada waktu baku."))
        elif waktu.kind == WaktuKind.NONE:
            findings.append(Finding("waktu", WARNING, sop.id, place,
                                    f"Waktu {' '.join(step.time.split())!r} tanpa waktu "
                                    "baku; lamanya pelaksanaan tidak dapat dinilai."))
        elif waktu.kind == WaktuKind.EMPTY and not is_covered(sop.steps, i):
            findings.append(Finding("waktu", WARNING, sop.id, place,
                                    "Waktu kosong; tanpa waktu baku "
                                    "lamanya pelaksanaan tidak dapat dinilai."))
        elif waktu.working_minutes() == 0 and waktu.kind == WaktuKind.STANDARD:
            findings.append(Finding("waktu", WARNING, sop.id, place,
                                    "Waktu 0; setiap kegiatan memakan "
                                    "waktu, tulis berapa lama."))
    return findings


def check_step_lanes(sop: Sop, ctx: Context) -> list[Finding]:
    """Pelaksana: every lane of a step (a step drawn in several lanes too) is a lane of the
    SOP."""
    lanes = set(sop.roles)
    return [Finding("pelaksana", ERROR, sop.id, f"steps[{i}].role",
                    f"Pelaksana {lane!r} bukan salah satu lajur SOP ini; tambahkan lajurnya "
                    "atau pilih lajur lain.")
            for i, step in enumerate(sop.steps) for lane in step.roles
            if lane.strip() and lane not in lanes]


def check_activity_verb(sop: Sop, ctx: Context) -> list[Finding]:
    """Kegiatan starts with a verb and does not name its actor (the actor is the lane)."""
    lanes = {lane.lower() for lane in sop.roles}
    findings = []
    for i, step in enumerate(sop.steps):
        words = re.findall(r"[A-Za-z]+", step.activity)
        if not words or ctx.verbs.starts(words[0]):
            continue
        first = words[0]
        why = (f"diawali pelaksana {first!r}; pelaksana ditunjukkan oleh lajurnya"
               if first.lower() in lanes else f"diawali {first!r}, bukan kata kerja")
        findings.append(Finding("kegiatan-kata-kerja", WARNING, sop.id,
                                f"steps[{i}].activity",
                                f"Kegiatan {why}; Permenpan-RB 35/2012 "
                                "meminta kegiatan diawali kata kerja."))
    return findings


def check_unused_lanes(sop: Sop, ctx: Context) -> list[Finding]:
    """A lane (Pelaksana column) that no step uses: an empty column on the chart."""
    if not sop.steps:
        return []
    used = {lane for step in sop.steps for lane in step.roles}  # its other lanes too
    return [Finding("lajur-kosong", WARNING, sop.id, f"roles[{i}]",
                    f"Lajur {lane!r} tidak dipakai langkah mana pun; hapus lajurnya atau "
                    "tunjuk langkah yang dikerjakannya.", lane=lane)
            for i, lane in enumerate(sop.roles) if lane not in used]


# The identity sheet holds no list of Pelaksana, only "Kualifikasi Pelaksana": what the
# performers must know or be able to do. Those start with words such as these.
_QUALIFYING = ("memiliki", "mampu", "memahami", "menguasai", "mengetahui", "berpendidikan",
               "pendidikan", "berpengalaman", "pengalaman", "mengerti", "dapat", "bisa",
               "terampil", "cakap", "paham", "pernah", "minimal", "diklat", "sehat", "jujur",
               "teliti", "disiplin", "kemampuan", "pengetahuan", "keterampilan", "lulus")


def check_qualifications(sop: Sop, ctx: Context) -> list[Finding]:
    """Kualifikasi Pelaksana: empty while the procedure has performers, or an item that
    is not a qualification (a document or equipment put in the wrong cell)."""
    if not sop.qualifications:
        if not sop.roles:
            return []
        return [Finding("kualifikasi", WARNING, sop.id, "qualifications",
                        f"Kualifikasi Pelaksana kosong, padahal ada {len(sop.roles)} pelaksana "
                        f"({', '.join(sop.roles)}); tulis apa yang harus mereka kuasai.")]
    findings = []
    for i, item in enumerate(sop.qualifications):
        first = (re.findall(r"[A-Za-z]+", item) or [""])[0].lower()
        if first not in _QUALIFYING:
            findings.append(Finding("kualifikasi", WARNING, sop.id, f"qualifications[{i}]",
                                    f"{item!r} bukan kualifikasi pelaksana (kemampuan atau "
                                    "pengetahuan); dokumen dan alat masuk Peralatan/"
                                    "Perlengkapan."))
    return findings


_STOP = {"sop", "prosedur", "ttg", "tentang", "dan", "di", "ke", "dari", "yang", "untuk"}


def _tokens(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP]


def names_sop(reference: str, name: str) -> bool:
    """Whether a Keterkaitan item names the SOP called `name`: each of its words is a word
    of the name (or abbreviates one: "Adm" for "Administrasi"), or the two read alike."""
    ref, target = _tokens(reference), _tokens(name)
    if not ref or not target:
        return False

    def found(word: str) -> bool:
        return any(t == word or (len(word) >= 3 and t.startswith(word)) for t in target)

    if all(found(word) for word in ref):
        return True
    return SequenceMatcher(None, " ".join(ref), " ".join(target)).ratio() >= 0.85


def check_related(sop: Sop, ctx: Context) -> list[Finding]:
    """Keterkaitan: an SOP not in the office's catalogue, or an item that names no SOP."""
    findings = []
    names = [s.name for s in ctx.catalogue if s.id != sop.id]
    for i, item in enumerate(sop.related):
        if any(names_sop(item, name) for name in names):
            continue
        if item.strip().lower().startswith("sop"):
            findings.append(Finding("keterkaitan", WARNING, sop.id, f"related[{i}]",
                                    f"{item!r} tidak ada di katalog kantor ini; tambahkan "
                                    "SOP-nya atau betulkan namanya."))
        else:
            findings.append(Finding("keterkaitan", WARNING, sop.id, f"related[{i}]",
                                    f"{item!r} bukan nama SOP; Keterkaitan menyebut SOP lain "
                                    "yang berhubungan, dokumen masuk Peralatan/Perlengkapan."))
    return findings


RULES: tuple[Callable[[Sop, Context], list[Finding]], ...] = (
    check_number, check_dates, check_approver, check_legal_basis, check_qualifications,
    check_related, check_unused_lanes, check_step_lanes, check_step_time, check_activity_verb,
)


def check_sop(sop: Sop, ctx: Context) -> list[Finding]:
    """Every rule over `sop`, identity sheet first, then lanes, then steps."""
    return [finding for rule in RULES for finding in rule(sop, ctx)]
