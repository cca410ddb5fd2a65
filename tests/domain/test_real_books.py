"""What real books hold (sop-ap/2): Waktu read as books write it, a step in several lanes,
one Waktu over several steps, a second start, dates as written; sop-ap/1 still written for
an SOP that needs none of it."""

from __future__ import annotations

import json

import pytest

from kecamatan_desktop.domain.interchange import (
    InvalidSopFile,
    dumps,
    loads,
    needs_v2,
    sop_from_dict,
    sop_to_dict,
)
from kecamatan_desktop.domain.waktu import WaktuKind, read_waktu, standard_minutes
from tests.conftest import seed_dict


@pytest.mark.parametrize(("written", "minutes"), [
    ("10 menit", 10), ("5 \nMenit", 5), ("2 Jam", 120), ("1 jam 30 menit", 90),
    ("3 hari kerja", 3 * 450), ("Paling lambat 17 hari kerja", 17 * 450),
    ("Maksimal 2 hari", 900), ("1-2 hari", 900), ("1 s.d. 3 hari kerja", 3 * 450),
    ("30 menit - 3 Jam", 180), ("2 hari efektif", 900), ("5 minit", 5),
    ("sehari", 450), ("dua hari kerja", 900), ("1 minggu", 5 * 450), ("15 menit.", 15),
    ("0", 0),
])
def test_a_length_as_books_write_it(written, minutes):
    assert read_waktu(written).kind == WaktuKind.STANDARD
    assert standard_minutes(written) == minutes


def test_a_calendar_length_is_said_to_be_one():
    assert read_waktu("2 Bulan").calendar and not read_waktu("Setiap Saat").calendar
    assert read_waktu("2 menit/berkas").per_item and not read_waktu("2 Bulan").per_item


def test_a_working_day_is_the_offices_own():
    assert standard_minutes("3 hari kerja", day_minutes=420) == 3 * 420


@pytest.mark.parametrize(("written", "kind"), [
    ("Setiap Saat", WaktuKind.NONE), ("Pada hari dan jam kerja", WaktuKind.NONE),
    ("Sebelum periode revisi bulan berjalan", WaktuKind.NONE), ("Triwulan", WaktuKind.NONE),
    ("", WaktuKind.EMPTY), ("  - ", WaktuKind.EMPTY),
    ("2 Bulan", WaktuKind.NONE), ("1 semester", WaktuKind.NONE),
    ("Paling lambat 1 bulan", WaktuKind.NONE),
    ("2 menit/berkas", WaktuKind.NONE), ("5 menit per dokumen", WaktuKind.NONE),
    ("2 menit kali", WaktuKind.UNREADABLE), ("1 0 Hari Kerja", WaktuKind.UNREADABLE),
    ("30", WaktuKind.UNREADABLE), ("Tanggal 10 setiap bulan", WaktuKind.UNREADABLE),
])
def test_what_is_no_length_has_no_standard(written, kind):
    assert read_waktu(written).kind == kind
    assert standard_minutes(written) is None


def _book() -> dict:
    data = seed_dict()
    data["format"] = "sop-ap/2"
    roles = data["roles"]
    second = data["steps"][1]
    second["roles"] = [second["role"], *[r for r in roles if r != second["role"]][:1]]
    second["time"], second["time_span"] = "Paling lambat 3 hari kerja", 2
    data["steps"][2]["time"] = ""
    data["steps"][3]["start"] = True
    data["created"], data["effective"] = "Oktober 2024", ""
    data["approved_by"]["nip"] = ""
    return data


def test_sop_ap2_read_and_written_back_the_same():
    data = _book()
    sop = sop_from_dict(data)
    assert sop.steps[1].roles == tuple(data["steps"][1]["roles"])
    assert sop.steps[1].other_roles == tuple(data["steps"][1]["roles"][1:])
    assert (sop.steps[1].time_span, sop.steps[3].start) == (2, True)
    assert (sop.created, sop.created_text, sop.effective, sop.effective_text) == (
        None, "Oktober 2024", None, "")
    assert needs_v2(sop)
    again = loads(dumps(sop))
    assert again == sop
    written = json.loads(dumps(sop))
    assert written["format"] == "sop-ap/2" and written["effective"] is None


def test_an_sop_that_needs_nothing_new_is_written_as_sop_ap1():
    sop = sop_from_dict({**seed_dict(), "format": "sop-ap/2"})
    assert not needs_v2(sop)
    assert sop_to_dict(sop) == seed_dict()


@pytest.mark.parametrize(("change", "place", "words"), [
    (lambda d: d["steps"][1].update(roles=["Camat"]), "steps[1].roles",
     "lajur pertama harus sama dengan 'role'"),
    (lambda d: d["steps"][1]["roles"].append("Lurah"), "steps[1].roles[2]",
     "lajur 'Lurah' tidak ada"),
    (lambda d: d["steps"][1]["roles"].append(d["steps"][1]["role"]), "steps[1].roles[2]",
     "disebut dua kali"),
    (lambda d: d["steps"][-1].update(time_span=2), f"steps[{len(seed_dict()['steps']) - 1}]"
     ".time_span", "hanya ada 1 langkah"),
    (lambda d: d["steps"][0].update(time_span=0), "steps[0].time_span", "1 atau lebih"),
    (lambda d: d["steps"][0].update(start="ya"), "steps[0].start", "true atau false"),
    (lambda d: d["approved_by"].update(nip="1965"), "approved_by.nip", "harus 18 angka"),
    (lambda d: d.update(created="2024-02-30"), "created", "bukan tanggal yang ada di kalender"),
])
def test_sop_ap2_refuses_what_is_wrong_naming_the_place(change, place, words):
    data = _book()
    change(data)
    with pytest.raises(InvalidSopFile) as info:
        sop_from_dict(data)
    assert any(p.place == place and words in p.message for p in info.value.problems), (
        info.value.problems)


def test_sop_ap1_still_refuses_what_only_sop_ap2_holds():
    data = _book()
    data["format"] = "sop-ap/1"
    with pytest.raises(InvalidSopFile) as info:
        sop_from_dict(data)
    places = {p.place for p in info.value.problems}
    assert {"steps[1].roles", "steps[1].time_span", "steps[3].start", "created",
            "approved_by.nip"} <= places
