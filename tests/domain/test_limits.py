"""Limits on every text field: refused on reading a file, naming the field in Indonesian."""

from __future__ import annotations

import json
import time

import pytest

from kecamatan_desktop.domain.interchange import InvalidSopFile, load_bytes, sop_from_dict
from kecamatan_desktop.domain.limits import MAX_ITEM, MAX_LINE, MAX_STEP_TEXT, field_label
from tests.conftest import seed_dict


def dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _set(doc: dict, place: str, value: str) -> None:
    """`steps[2].notes`, `approved_by.nip`, `legal_basis[0]`, `name` set in `doc`."""
    target = doc
    parts = place.replace("]", "").replace("[", ".").split(".")
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    last = parts[-1]
    if last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value


@pytest.mark.parametrize(("place", "limit", "label"), [
    ("name", MAX_LINE, "Nama SOP"),
    ("number", MAX_LINE, "Nomor SOP"),
    ("office.address", MAX_LINE, "Alamat kantor"),
    ("approved_by.rank", MAX_LINE, "Disahkan oleh: pangkat"),
    ("legal_basis[0]", MAX_ITEM, "Dasar Hukum butir 1"),
    ("records[0]", MAX_ITEM, "Pencatatan dan Pendataan butir 1"),
    ("steps[2].activity", MAX_STEP_TEXT, "Langkah 3: Kegiatan"),
    ("steps[2].notes", MAX_STEP_TEXT, "Langkah 3: Keterangan"),
    ("steps[0].requirements", MAX_STEP_TEXT, "Langkah 1: Kelengkapan"),
])
def test_a_field_is_read_up_to_its_limit_and_refused_past_it(place, limit, label):
    doc = seed_dict()
    _set(doc, place, "a" * limit)
    sop_from_dict(doc)
    _set(doc, place, "a" * (limit + 1))
    with pytest.raises(InvalidSopFile) as refused:
        sop_from_dict(doc, "panjang.json")
    assert [str(p) for p in refused.value.problems] == [
        f"{place}: {label} terlalu panjang: {dotted(limit + 1)} karakter, paling banyak "
        f"{dotted(limit)}; pendekkan isinya"]


def test_a_lane_name_is_a_one_line_field():
    doc = seed_dict()
    long_lane = "L" * (MAX_LINE + 1)
    doc["roles"][0] = long_lane
    for step in doc["steps"]:
        if step["role"] == seed_dict()["roles"][0]:
            step["role"] = long_lane
    with pytest.raises(InvalidSopFile, match="Lajur 1 terlalu panjang"):
        sop_from_dict(doc)


def test_a_49_mb_one_word_name_is_refused_at_once_and_said_once():
    doc = seed_dict()
    doc["name"] = "Penyusunan" * 490_000
    raw = json.dumps(doc).encode()
    assert len(raw) > 4_900_000
    started = time.process_time()
    with pytest.raises(InvalidSopFile) as refused:
        load_bytes(raw, "nama.json")
    assert time.process_time() - started < 2
    assert str(refused.value) == ("Berkas nama.json tidak sah:\n  - name: Nama SOP terlalu "
                                  "panjang: 4.900.000 karakter, paling banyak 300; pendekkan "
                                  "isinya")


def test_a_field_too_long_is_not_also_refused_for_what_it_holds():
    doc = seed_dict()
    doc["approved_by"]["nip"] = "1" * 400  # also not 18 digits: said once, as too long
    with pytest.raises(InvalidSopFile) as refused:
        sop_from_dict(doc)
    assert [p.message for p in refused.value.problems] == [
        "Disahkan oleh: NIP terlalu panjang: 400 karakter, paling banyak 300; pendekkan isinya"]


def test_field_labels():
    assert field_label("steps[0].roles[1]") == "Langkah 1: Pelaksana"
    assert field_label("created") == "Tanggal Pembuatan"
    assert field_label("roles[2]") == "Lajur 3"
