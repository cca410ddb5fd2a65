"""A found field as sop-ap/1 can hold it: a date as written read into a whole date, a Waktu
as written into the units the model counts, text without control characters, an id from the
office and the name. Each returns the value and, where it changed or lost something, the
Indonesian sentence that says so; nothing is made up."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kecamatan_desktop.domain.waktu import WaktuKind, read_waktu

# the months as books write them: the standard name, its short forms, and older spellings
_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agust": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "nopember": 11, "november": 11, "nov": 11,
    "nop": 11, "desember": 12, "des": 12,
}
_MONTH_NAMES = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                "September", "Oktober", "November", "Desember")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)")
_WORDS = re.compile(r"(?:(?<!\d)(\d{1,2})\s+)?([A-Za-z]{3,})\.?\s+(\d{4})(?!\d)")
_NONE = re.compile(r"^[\s\-–—.]*$")  # "-" or nothing: no date written
_SPACE_CONTROLS = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
_OTHER_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
MAX_ID_CHARS = 80


class DateText:
    """What a written date says: `value` (None: no whole date could be read, or
    none was written) and `note` (what was assumed or why it is unreadable; "" when read as
    written, or when nothing or "-" was written)."""

    def __init__(self, value: date | None, note: str = "") -> None:
        self.value, self.note = value, note


def read_date(text: str) -> DateText:
    """`2 Juni 2025`, `02-06-2025`, `2025-06-02` (a spreadsheet's date cell); a month
    misspelt by a letter or two is read by its first three letters, and said so; a date
    written without its day (`      Oktober 2024`, left blank to be filled in by hand) is
    no whole date (value None), and said so: the caller keeps it as written."""
    if _NONE.match(text):
        return DateText(None)
    iso = _ISO.match(text)
    if iso:
        return _whole(text, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    numeric = _NUMERIC.search(text)
    if numeric:
        return _whole(text, int(numeric.group(3)), int(numeric.group(2)),
                      int(numeric.group(1)))
    for match in _WORDS.finditer(text):
        word = match.group(2)
        month = _MONTHS.get(word.lower()) or _MONTHS.get(word[:3].lower())
        if month is None:
            continue
        notes = []
        if word.lower() not in _MONTHS:
            notes.append(f"bulan '{word}' dibaca sebagai {_MONTH_NAMES[month - 1]}")
        day = match.group(1)
        if day is None:  # left blank to be filled in by hand: not a whole date
            return DateText(None, f"tanggal '{' '.join(text.split())}' tertulis tanpa hari")
        found = _whole(text, int(match.group(3)), month, int(day))
        if found.value is not None and notes:
            return DateText(found.value, "; ".join(notes))
        return found
    return DateText(None, f"tanggal '{text.strip()}' tidak terbaca (tulis mis. 2 Juni 2025)")


def _whole(text: str, year: int, month: int, day: int) -> DateText:
    try:
        return DateText(date(year, month, day))
    except ValueError:
        return DateText(None, f"tanggal '{text.strip()}' tidak ada di kalender")


def clean_text(text: str) -> tuple[str, str]:
    """Text a printed form can show: line breaks and tabs become one space; other control
    characters (a PDF's hyphen marks, stray bytes) are taken out, and said so."""
    spaced = _SPACE_CONTROLS.sub(" ", text)
    bad = sorted({f"U+{ord(c):04X}" for c in _OTHER_CONTROLS.findall(spaced)})
    if not bad:
        return spaced, ""
    return (_OTHER_CONTROLS.sub("", spaced),
            f"karakter kendali {', '.join(bad)} dibuang dari teks")


def slug(*parts: str) -> str:
    """An id from the office and the name: lowercase ASCII words joined by '-', at most
    MAX_ID_CHARS, cut between words; "sop" when neither has a letter or digit."""
    words: list[str] = []
    for part in parts:
        ascii_text = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
        words += re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        joined = f"{out}-{word}" if out else word
        if len(joined) > MAX_ID_CHARS:
            break
        out = joined
    return out or (words[0][:MAX_ID_CHARS] if words else "sop")


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, … : the first not yet taken in this batch."""
    if base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[:MAX_ID_CHARS - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        n += 1


def waktu_problem(written: str) -> str:
    """What a reader says of a Waktu kept as written that gives no standard time ("" when
    it is a length of working time, or empty): no length ("Setiap Saat", "Triwulan"), a
    calendar length ("2 Bulan"), or numbers that are no length ("2 menit/berkas")."""
    reading = read_waktu(written)
    if reading.kind == WaktuKind.NONE:
        what = ("lama menurut kalender" if reading.calendar
                else "lama per satuan" if reading.per_item else "tanpa lama kerja")
        return f"Waktu '{written}': {what}; disimpan seperti tertulis, tanpa waktu baku"
    if reading.kind == WaktuKind.UNREADABLE:
        return (f"Waktu '{written}' tidak terbaca sebagai lama kerja; disimpan seperti "
                "tertulis")
    return ""
