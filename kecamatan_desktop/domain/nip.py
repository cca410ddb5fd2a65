"""NIP: the 18-digit civil-servant number (birth date, appointment month, sex, sequence)."""

from __future__ import annotations

from datetime import date

from kecamatan_desktop.domain.errors import InputError


class NipError(InputError):
    pass


def check_nip(text: str) -> str:
    """Return the NIP's 18 digits, or raise NipError naming what is wrong with it."""
    digits = text.replace(" ", "")
    if not digits:
        raise NipError("NIP kosong")
    if not (digits.isascii() and digits.isdigit()):  # "²" is a digit that int() refuses
        raise NipError(f"NIP {text!r} hanya boleh berisi angka dan spasi")
    if len(digits) != 18:
        raise NipError(f"NIP {text!r} harus 18 angka, bukan {len(digits)}")
    try:
        date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise NipError(f"NIP {text!r}: 8 angka pertama bukan tanggal lahir yang sah") from None
    if not 1 <= int(digits[12:14]) <= 12:
        raise NipError(f"NIP {text!r}: angka ke-9 s.d. 14 bukan tahun dan bulan pengangkatan")
    if digits[14] not in "12":
        raise NipError(f"NIP {text!r}: angka ke-15 (jenis kelamin) harus 1 atau 2")
    return digits


def format_nip(text: str) -> str:
    """The printed form `19650202 198710 1 001`."""
    d = check_nip(text)
    return f"{d[0:8]} {d[8:14]} {d[14]} {d[15:18]}"
