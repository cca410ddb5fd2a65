"""Strict JSON for files from outside: bytes to text, limits checked before decoding, and
every refusal told in Indonesian with its place (line and column, or key path)."""

from __future__ import annotations

import json
import math
import re
from typing import Any

BOM = b"\xef\xbb\xbf"  # Notepad writes it in front of UTF-8
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Notepad's "Unicode" (UTF-16)
MAX_INT_DIGITS = 20
MAX_FLOAT_CHARS = 40
SHOWN_KEY_CHARS = 60

# A string (closed or not) or one bracket: what the depth pre-scan looks at.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)

# json's own messages (English) by their opening words, and what the user is told instead.
_JSON_MESSAGES = (
    ("Expecting value", "di sini harus ada nilai (teks \"…\", angka, daftar […], objek {…}, "
                        "true, false atau null)"),
    ("Expecting property name", "di sini harus ada nama kunci di antara tanda kutip ganda "
                                "(mungkin ada koma berlebih sebelum '}')"),
    ("Expecting ':'", "kurang tanda titik dua ':' setelah nama kunci"),
    ("Expecting ','", "kurang tanda koma ',' di antara dua isian, atau kurang tanda penutup "
                      "']' atau '}'"),
    ("Unterminated string", "teks tidak ditutup dengan tanda kutip ganda"),
    ("Invalid control character", "ada karakter kendali (tab, baris baru, dll.) di dalam teks"),
    ("Invalid \\uXXXX", "kode '\\uXXXX' di dalam teks tidak sah"),
    ("Invalid \\escape", "tanda '\\' di dalam teks harus ditulis '\\\\'"),
    ("Extra data", "ada isi lain setelah akhir dokumen JSON"),
    ("Illegal trailing comma", "ada koma berlebih sebelum tanda penutup"),
)


class StrictJsonError(ValueError):
    """A document refused before or while decoding: `(place, message)` pairs, Indonesian."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{p}: {m}" if p else m for p, m in problems))


def text_of(raw: bytes, *, max_bytes: int) -> str:
    """The UTF-8 text of a file's bytes (a leading BOM dropped), or StrictJsonError."""
    if len(raw) > max_bytes:
        raise StrictJsonError([("", f"berkas lebih besar dari {_megabytes(max_bytes)}; "
                                    "berkas sebesar itu tidak mungkin satu SOP")])
    if raw.startswith(_UTF16_BOMS):
        raise StrictJsonError([("", "berkas tersimpan sebagai UTF-16 (\"Unicode\"); simpan "
                                    "ulang sebagai UTF-8")])
    raw = raw.removeprefix(BOM)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        raise StrictJsonError([(
            f"baris {line} kolom {column}",
            f"bukan teks UTF-8 (bita 0x{raw[exc.start]:02X} tidak sah); simpan ulang berkas "
            "sebagai UTF-8",
        )]) from None


def parse(text: str, *, max_depth: int) -> Any:
    """Decode one JSON document, refusing what Python's json would accept silently or
    crash on: nesting deeper than `max_depth`, duplicate keys, NaN and Infinity, numbers too
    long to be meant."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise StrictJsonError([("", "berkas kosong")])
    _check_depth(text, max_depth)
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_int=_int,
                          parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise StrictJsonError([(f"baris {exc.lineno} kolom {exc.colno}",
                                f"bukan JSON yang sah: {_translated(exc.msg)}")]) from None
    problems: list[tuple[str, str]] = []
    _collect_refused(data, "", problems)
    if problems:
        raise StrictJsonError(problems)
    return data


def key_path(place: str, key: str) -> str:
    """`steps[3]` + `activity` -> `steps[3].activity`; a key that cannot be shown as it is
    (control characters, very long) is shown quoted and escaped."""
    if not key.isprintable() or len(key) > SHOWN_KEY_CHARS or not key:
        key = repr(key[:SHOWN_KEY_CHARS])
    return f"{place}.{key}" if place else key


class _Refused:
    """A value the decoder would not take; reported with its key path after decoding."""

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


class _DuplicateKeys(dict):
    """An object in which some key appeared more than once (json keeps the last silently)."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    obj = _DuplicateKeys(obj)
    seen: set[str] = set()
    obj.duplicates = tuple(dict.fromkeys(k for k, _ in pairs if k in seen or seen.add(k)))
    return obj


def _int(text: str) -> int | _Refused:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        return _Refused(f"angka {digits} digit terlalu panjang (paling banyak {MAX_INT_DIGITS})")
    return int(text)


def _float(text: str) -> float | _Refused:
    if len(text) > MAX_FLOAT_CHARS:
        return _Refused(f"angka {len(text)} karakter terlalu panjang")
    value = float(text)
    if not math.isfinite(value):
        return _Refused(f"angka {text} di luar jangkauan")
    return value


def _constant(name: str) -> _Refused:
    return _Refused(f"{name} bukan angka yang sah di berkas ini")


def _collect_refused(value: Any, place: str, problems: list[tuple[str, str]]) -> None:
    # Recursion is bounded: _check_depth has already limited the nesting.
    if isinstance(value, _Refused):
        problems.append((place or "(dokumen)", value.message))
    elif isinstance(value, dict):
        for key in getattr(value, "duplicates", ()):
            problems.append((key_path(place, key),
                             "kunci ini ditulis lebih dari sekali; setiap kunci hanya boleh "
                             "ada satu kali"))
        for key, item in value.items():
            _collect_refused(item, key_path(place, key), problems)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _collect_refused(item, f"{place}[{i}]", problems)


def _check_depth(text: str, max_depth: int) -> None:
    """Refuse nesting deeper than the format has, before json could recurse into it.

    Brackets inside strings do not count; an unclosed string ends the scan (json.loads
    reports it). For valid JSON this is exactly the nesting, and json.loads never nests
    deeper than the brackets it has seen, so it can no longer hit RecursionError.
    """
    depth = 0
    for match in _TOKENS.finditer(text):
        char = text[match.start()]
        if char in "[{":
            depth += 1
            if depth > max_depth:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - text.rfind("\n", 0, match.start())
                raise StrictJsonError([(
                    f"baris {line} kolom {column}",
                    f"tanda '{char}' membuat isian bersarang lebih dari {max_depth} tingkat; "
                    "format berkas ini tidak sedalam itu",
                )])
        elif char in "]}":
            depth -= 1


def _translated(message: str) -> str:
    for opening, indonesian in _JSON_MESSAGES:
        if message.startswith(opening):
            return indonesian
    return "susunan tanda baca tidak sesuai aturan JSON"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB".replace(".", ",")
