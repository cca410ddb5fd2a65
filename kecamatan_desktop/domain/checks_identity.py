"""Periksa SOP on the identity sheet: dates, the approver, the number among the office's
SOPs, Kualifikasi Pelaksana and Keterkaitan."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from kecamatan_desktop.domain.checks_base import ERROR, WARNING, Context, Finding
from kecamatan_desktop.domain.sop import IDENTITY_LABELS, Sop

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
        if is_none(item) or any(names_sop(item, name) for name in names):
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


# Written in a cell to say there is nothing to write: the cell is then not left empty.
_NONE = {"-", "tidak ada", "nihil"}


def is_none(item: str) -> bool:
    return " ".join(item.lower().split()).strip(" .;") in _NONE or not item.strip(" -.")


_EMPTY_CELLS = {
    "warnings": "tulis apa akibatnya bila SOP ini tidak dilaksanakan",
    "related": "sebutkan SOP lain yang berhubungan, atau tulis 'Tidak ada'",
    "records": "tulis catatan atau data apa yang disimpan dari pelaksanaan SOP ini",
}


def check_empty_cells(sop: Sop, ctx: Context) -> list[Finding]:
    """Peringatan, Keterkaitan and Pencatatan dan Pendataan with nothing written (an empty
    cell on the sheet). 'Tidak ada' written in Keterkaitan is written."""
    return [Finding("isian-kosong", WARNING, sop.id, key,
                    f"{IDENTITY_LABELS[key]} kosong; {what}.")
            for key, what in _EMPTY_CELLS.items()
            if not any(item.strip(" -.") for item in getattr(sop, key))]


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split()).strip(" .")


def check_same_name(sop: Sop, ctx: Context) -> list[Finding]:
    """Nama SOP: the same name as another SOP of the office's book."""
    same = [s for s in ctx.catalogue
            if s.id != sop.id and _name_key(s.name) == _name_key(sop.name)]
    if not same or not sop.name.strip():
        return []
    others = ", ".join(s.number.strip() or s.id for s in same)
    return [Finding("nama-ganda", ERROR, sop.id, "name",
                    f"Nama SOP {sop.name!r} juga dipakai SOP nomor {others} di buku kantor "
                    "ini; beri tiap SOP nama sendiri agar daftar isi dan Keterkaitan tidak "
                    "tertukar.")]
