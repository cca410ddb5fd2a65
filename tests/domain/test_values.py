"""Waktu, NIP and Indonesian dates."""

from datetime import date

import pytest

from kecamatan_desktop.domain.nip import NipError, check_nip, format_nip
from kecamatan_desktop.domain.tanggal import TanggalStyle, format_tanggal
from kecamatan_desktop.domain.waktu import WaktuError, parse_waktu


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("10 menit", 10), ("15 Menit", 15), ("1 jam", 60), ("1 Jam", 60), ("1 hari", 450),
     ("2 hari", 900), ("0", 0), (" 20  menit ", 20)],
)
def test_waktu_in_working_minutes(text, minutes):
    assert parse_waktu(text).working_minutes() == minutes


def test_one_day_follows_the_office_working_day():
    assert parse_waktu("1 hari").working_minutes(day_minutes=480) == 480


def test_empty_waktu_is_no_standard():
    assert parse_waktu("") is None


@pytest.mark.parametrize("text", ["sepuluh menit", "1,5 jam", "1 minggu", "-", "menit"])
def test_bad_waktu_is_refused(text):
    with pytest.raises(WaktuError, match="tidak dikenali"):
        parse_waktu(text)


def test_nip_shapes():
    assert check_nip("19650202 198710 1 001") == "196502021987101001"
    assert format_nip("196502021987101001") == "19650202 198710 1 001"
    with pytest.raises(NipError, match="18 angka"):
        check_nip("1965 0202")
    with pytest.raises(NipError, match="kosong"):
        check_nip("  ")


def test_indonesian_dates():
    assert format_tanggal(date(2018, 1, 4)) == "04 Januari 2018"
    assert format_tanggal(date(2021, 2, 1)) == "01 Februari 2021"
    assert format_tanggal(None) == "-"


def test_an_office_writes_its_dates_its_own_way():
    ngantang = TanggalStyle(zero_pad=False, february="Pebruari")
    assert format_tanggal(date(2021, 2, 1), style=ngantang) == "1 Pebruari 2021"
    assert format_tanggal(date(2018, 1, 4), style=ngantang) == "4 Januari 2018"
    assert format_tanggal(date(2021, 12, 25), style=ngantang) == "25 Desember 2021"
    with pytest.raises(ValueError):
        TanggalStyle(february="Febuari")
