"""sop-ap/1 validation: every rule refuses with an Indonesian message naming the place."""

from __future__ import annotations

import copy
import json

import pytest

from kecamatan_desktop.domain.interchange import InvalidSopFile, dumps, loads, sop_from_dict
from tests.conftest import SEED_FILES, seed_dict


def problems_of(data: dict) -> list[str]:
    with pytest.raises(InvalidSopFile) as info:
        sop_from_dict(data, source="uji.json")
    assert str(info.value).startswith("Berkas uji.json tidak sah:")
    return [str(p) for p in info.value.problems]


def mutated(change) -> dict:
    data = copy.deepcopy(seed_dict())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "place", "words"),
    [
        (lambda d: d.update(format="sop-ap/3"), "format", "harus 'sop-ap/1' atau 'sop-ap/2'"),
        (lambda d: d.update(id="Renja 2018"), "id", "huruf kecil"),
        (lambda d: d.update(id="renja_2018"), "id", "huruf kecil"),
        (lambda d: d.update(created="04-01-2018"), "created", "bukan tanggal ISO"),
        (lambda d: d.update(effective="2018-02-30"), "effective",
         "bukan tanggal yang ada di kalender"),
        (lambda d: d.update(revised="kemarin"), "revised", "bukan tanggal ISO"),
        (lambda d: d["approved_by"].update(nip="19650202 198710 1 00"), "approved_by.nip",
         "harus 18 angka"),
        (lambda d: d["approved_by"].update(nip="1965020219871010O1"), "approved_by.nip",
         "hanya boleh berisi angka"),
        (lambda d: d["approved_by"].update(nip="19651302 198710 1 001"), "approved_by.nip",
         "tanggal lahir"),
        (lambda d: d["approved_by"].update(nip="19650202 198710 3 001"), "approved_by.nip",
         "jenis kelamin"),
        (lambda d: d["roles"].append("Camat"), "roles[6]", "harus unik"),
        (lambda d: d["roles"].append("  "), "roles[6]", "tidak boleh kosong"),
        (lambda d: d["steps"][3].update(role="Lurah"), "steps[3].role", "tidak ada di 'roles'"),
        (lambda d: d["steps"][5].update(decision={"yes": 7, "no": 40}), "steps[5].decision.no",
         "tidak ada"),
        (lambda d: d["steps"][5].update(decision={"yes": 6, "no": 5}), "steps[5].decision.yes",
         "itu sendiri"),
        (lambda d: d["steps"][5].update(decision={"yes": 7}), "steps[5].decision.no",
         "wajib diisi"),
        (lambda d: d["steps"][2].update(time="sehari"), "steps[2].time", "tidak dikenali"),
        (lambda d: d["steps"][2].update(time="2 minggu"), "steps[2].time", "tidak dikenali"),
        (lambda d: d["steps"][0].update(activity=""), "steps[0].activity", "tidak boleh kosong"),
        (lambda d: d["steps"][0].update(actvity="x"), "steps[0].actvity", "tidak dikenal"),
        (lambda d: d.update(nama="x"), "nama", "tidak dikenal"),
        (lambda d: d.pop("roles"), "roles", "wajib diisi"),
        (lambda d: d["office"].pop("name"), "office.name", "wajib diisi"),
        (lambda d: d.update(legal_basis="Perpres 29/2014"), "legal_basis", "daftar teks"),
        (lambda d: d.update(name=""), "name", "tidak boleh kosong"),
    ],
)
def test_each_rule_is_refused_with_its_place(change, place, words):
    found = problems_of(mutated(change))
    assert any(p.startswith(f"{place}:") and words in p for p in found), found


def test_all_problems_of_a_file_are_reported_together():
    def change(d):
        d["id"] = "X"
        d["steps"][1]["role"] = "Lurah"
        d["steps"][4]["time"] = "lama"

    found = problems_of(mutated(change))
    assert [p.split(":")[0] for p in found] == ["id", "steps[1].role", "steps[4].time"]


def test_malformed_json_names_line_and_column():
    with pytest.raises(InvalidSopFile) as info:
        loads('{"format": "sop-ap/1",\n  "id": }', source="rusak.json")
    assert "rusak.json" in str(info.value)
    assert "baris 2 kolom" in str(info.value)


@pytest.mark.parametrize("time", ["10 menit", "15 Menit", "1 jam", "1 Jam", "1 hari", "0", ""])
def test_printed_waktu_forms_are_accepted(time):
    data = mutated(lambda d: d["steps"][0].update(time=time))
    assert sop_from_dict(data).steps[0].time == time


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_file_round_trips_to_the_same_text(path):
    text = path.read_text(encoding="utf-8")
    sop = loads(text, source=path.name)
    assert sop.id == path.stem
    assert json.loads(dumps(sop)) == json.loads(text)
    assert dumps(sop) == text
