"""Bad interchange files: each limit refuses up front, in Indonesian, naming file and place."""

from __future__ import annotations

import copy
import json

import pytest

from kecamatan_desktop.domain.interchange import (
    MAX_FILE_BYTES,
    MAX_STEPS,
    InvalidSopFile,
    dumps,
    load_bytes,
    loads,
)
from kecamatan_desktop.domain.nip import NipError, check_nip
from kecamatan_desktop.domain.waktu import WaktuError, parse_waktu
from tests.conftest import SEED_DIR, seed_dict

RENJA_BYTES = (SEED_DIR / "sops" / "poncokusumo-2018-renja.json").read_bytes()
# What Python itself says when it fails; none of it may reach the user.
PYTHON_WORDS = ("Expecting", "Traceback", "Exceeds the limit", "codec", "invalid literal",
                "Unterminated", "delimiter", "Extra data", "RecursionError")


def refusal(raw: bytes | str, name: str = "uji.json") -> InvalidSopFile:
    with pytest.raises(InvalidSopFile) as info:
        if isinstance(raw, bytes):
            load_bytes(raw, source=name)
        else:
            loads(raw, source=name)
    message = str(info.value)
    assert message.startswith(f"Berkas {name} tidak sah:\n  - "), message
    assert not any(word in message for word in PYTHON_WORDS), message
    return info.value


def places(exc: InvalidSopFile) -> list[str]:
    return [p.place for p in exc.problems]


def renja_text(change) -> str:
    data = copy.deepcopy(seed_dict())
    change(data)
    return json.dumps(data, ensure_ascii=False, indent=2)


def test_a_file_saved_by_notepad_with_a_bom_is_read():
    sop = load_bytes(b"\xef\xbb\xbf" + RENJA_BYTES, source="renja.json")
    assert sop == load_bytes(RENJA_BYTES)
    assert dumps(sop).encode("utf-8") == RENJA_BYTES


def test_a_bom_in_already_decoded_text_is_read_too():
    assert loads("\ufeff" + RENJA_BYTES.decode("utf-8")).id == "poncokusumo-2018-renja"


def test_utf16_is_refused_with_the_way_out():
    exc = refusal(RENJA_BYTES.decode("utf-8").encode("utf-16"))
    assert "UTF-16" in str(exc) and "simpan ulang sebagai UTF-8" in str(exc)


def test_a_byte_that_is_not_utf8_is_refused_at_its_line_and_column():
    text = renja_text(lambda d: d.update(name="Penyusunan Renja Kecamatan"))
    raw = text.encode("utf-8").replace(b"Renja Kecamatan", b"Renja Kecamatan\xe9")
    exc = refusal(raw)
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "Renja Kecamatan" in s)
    column = text.splitlines()[line - 1].index("Renja Kecamatan") + len("Renja Kecamatan") + 1
    assert exc.problems[0].place == f"baris {line} kolom {column}"
    assert "bukan teks UTF-8 (bita 0xE9 tidak sah)" in exc.problems[0].message


def test_five_megabytes_is_read_and_one_byte_more_is_refused():
    padded = RENJA_BYTES + b" " * (MAX_FILE_BYTES - len(RENJA_BYTES))
    assert len(padded) == MAX_FILE_BYTES
    assert load_bytes(padded).id == "poncokusumo-2018-renja"
    exc = refusal(padded + b" ")
    assert str(exc) == "Berkas uji.json tidak sah:\n  - berkas lebih besar dari 5 MB; berkas " \
                       "sebesar itu tidak mungkin satu SOP"


@pytest.mark.parametrize(
    ("text", "place", "words"),
    [
        ("halo", "baris 1 kolom 1", "harus ada nilai"),
        ('{"format": "sop-ap/1",\n  "id": }', "baris 2 kolom 9", "harus ada nilai"),
        ('{"format": "sop-ap/1" "id": 1}', "baris 1 kolom 23", "kurang tanda koma"),
        # Python 3.13 names the trailing comma itself; 3.11 asks for a key name after it
        ('{"format": "sop-ap/1",}', "baris 1 kolom 23", ("nama kunci", "koma berlebih")),
        ('{"format" "sop-ap/1"}', "baris 1 kolom 11", "titik dua"),
        ('{"format": "sop-ap/1', "baris 1 kolom 12", "tidak ditutup"),
        ('{"format": "sop\\x"}', "baris 1 kolom 16", "'\\\\'"),
        ('{"format": "\\u12"}', "baris 1 kolom 14", "'\\uXXXX'"),
        ('{}\n{}', "baris 2 kolom 1", "isi lain setelah akhir"),
        ('{"format": "sop-ap/1\t"}', "baris 1 kolom 21", "karakter kendali"),
        ("   \n ", "", "berkas kosong"),
    ],
)
def test_text_that_is_not_json_is_refused_in_indonesian_at_its_place(text, place, words):
    import json

    try:  # the place is json's own; its columns differ a little between Python versions
        json.loads(text)
    except json.JSONDecodeError as err:
        if place.startswith("baris") and "kendali" not in words and "kosong" not in words:
            place = f"baris {err.lineno} kolom {err.colno}"
    except ValueError:
        pass
    exc = refusal(text)
    assert places(exc) == [place]
    alternatives = words if isinstance(words, tuple) else (words,)
    assert any(w in exc.problems[0].message for w in alternatives)


def test_a_duplicate_key_is_refused_at_its_key_path():
    text = RENJA_BYTES.decode("utf-8")
    first = '"activity": "Membentuk Tim, memberi pengarahan",'
    text = text.replace(first, first + '\n      "activity": "Tim dibentuk",')
    text = text.replace('"name": "Penyusunan', '"name": "x",\n  "name": "Penyusunan')
    exc = refusal(text)
    assert places(exc) == ["name", "steps[1].activity"]
    assert "ditulis lebih dari sekali" in exc.problems[1].message


@pytest.mark.parametrize(
    ("change", "place", "code"),
    [
        (lambda d: d["steps"][2].update(activity="Rapat\u0007 tim"), "steps[2].activity",
         "U+0007"),
        (lambda d: d["steps"][4].update(notes="baris satu\nbaris dua"), "steps[4].notes",
         "U+000A"),
        (lambda d: d["legal_basis"].insert(0, "Perpres\t29/2014"), "legal_basis[0]", "U+0009"),
        (lambda d: d["roles"].__setitem__(1, "Sekcam\u0085"), "roles[1]", "U+0085"),
        (lambda d: d["approved_by"].update(name="Drs.\x00SUKARLIN"), "approved_by.name",
         "U+0000"),
        (lambda d: d.update(name="Renja \ud800"), "name", "U+D800"),
    ],
)
def test_a_control_character_in_a_text_field_is_refused_at_its_key_path(change, place, code):
    exc = refusal(renja_text(change))
    found = [p for p in exc.problems if p.place == place]
    assert found and code in found[0].message, exc.problems


def test_a_lone_surrogate_written_as_an_escape_is_refused():
    text = RENJA_BYTES.decode("utf-8").replace('"Staf"', '"Staf\\udc80"', 1)
    exc = refusal(text)
    assert any(p.place == "roles[4]" and "surrogate" in p.message for p in exc.problems)


def test_an_unknown_key_with_a_control_character_is_shown_escaped():
    exc = refusal(renja_text(lambda d: d["office"].update({"kota\x1b[31m": "Malang"})))
    assert places(exc) == ["office.'kota\\x1b[31m'"]
    assert "\x1b" not in str(exc)


@pytest.mark.parametrize(
    ("token", "words"),
    [
        ("9" * 5001, "angka 5001 digit terlalu panjang"),
        ("-" + "9" * 21, "angka 21 digit terlalu panjang"),
        ("1e999", "angka 1e999 di luar jangkauan"),
        ("-1e999", "di luar jangkauan"),
        ("0." + "5" * 60, "terlalu panjang"),
        ("NaN", "NaN bukan angka yang sah"),
        ("Infinity", "Infinity bukan angka yang sah"),
        ("-Infinity", "-Infinity bukan angka yang sah"),
    ],
)
def test_a_number_too_long_or_not_finite_is_refused_at_its_key_path(token, words):
    text = RENJA_BYTES.decode("utf-8").replace('"yes": 7', f'"yes": {token}', 1)
    assert text != RENJA_BYTES.decode("utf-8")
    exc = refusal(text)
    assert places(exc) == ["steps[5].decision.yes"]
    assert words in exc.problems[0].message


def test_a_long_number_where_a_text_belongs_is_refused_too():
    exc = refusal(RENJA_BYTES.decode("utf-8").replace('"revised": null', '"revised": '
                                                      + "1" * 5001))
    assert places(exc) == ["revised"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("[" * 100_000, "baris 1 kolom 5"),
        ('{"a": ' * 100_000, "baris 1 kolom 25"),
        ("[" * 100_000 + "]" * 100_000, "baris 1 kolom 5"),
    ],
)
def test_nesting_deeper_than_the_format_is_refused_before_decoding(text, place):
    exc = refusal(text)
    assert places(exc) == [place]
    assert "lebih dari 4 tingkat" in exc.problems[0].message


def test_one_level_deeper_than_a_decision_is_refused_and_brackets_in_text_do_not_count():
    deeper = RENJA_BYTES.decode("utf-8").replace('"yes": 7', '"yes": [7]', 1)
    assert "lebih dari 4 tingkat" in refusal(deeper).problems[0].message
    in_text = renja_text(lambda d: d["steps"][0].update(notes="[[[[{{{{\"]]]]"))
    assert loads(in_text).steps[0].notes == "[[[[{{{{\"]]]]"


def _steps(count: int) -> list[dict]:
    return [{"no": str(i + 1), "activity": f"Kegiatan {i + 1}", "role": "Staf",
             "requirements": "", "time": "10 menit", "output": "", "notes": ""}
            for i in range(count)]


def test_five_hundred_steps_are_read_and_one_more_is_refused():
    assert len(loads(renja_text(lambda d: d.update(steps=_steps(MAX_STEPS)))).steps) == 500
    exc = refusal(renja_text(lambda d: d.update(steps=_steps(MAX_STEPS + 1))))
    assert [str(p) for p in exc.problems] == [
        "steps: 501 langkah; satu SOP paling banyak 500 langkah"]


def test_a_file_with_many_problems_shows_twenty_and_counts_the_rest():
    exc = refusal(renja_text(lambda d: d.update(legal_basis=list(range(100)))))
    lines = str(exc).splitlines()
    assert len(exc.problems) == 100
    assert len(lines) == 1 + 20 + 1
    assert lines[-1] == "  - … dan 80 masalah lain"


def test_a_huge_value_is_quoted_short_in_the_message():
    exc = refusal(renja_text(lambda d: d.update(id="X" * 1_000_000)))
    assert len(str(exc)) < 400
    assert "XXX…" in str(exc)


@pytest.mark.parametrize("time", ["1 harı", "1 HARİ", "²", "² menit", "1" * 5000 + " menit",
                                  "1234567 jam"])
def test_odd_digits_and_letters_in_waktu_are_refused_not_crashed(time):
    with pytest.raises(WaktuError, match="tidak dikenali"):
        parse_waktu(time)


def test_zeros_and_unicode_spaces_in_waktu_still_read():
    assert parse_waktu("0" * 5000).working_minutes() == 0
    assert parse_waktu("1\u00a0jam").working_minutes() == 60


@pytest.mark.parametrize("nip", ["1965020219871²0101", "١٩٦٥٠٢٠٢١٩٨٧١٠١٠٠١"])
def test_a_nip_with_digits_other_than_0_to_9_is_refused_not_crashed(nip):
    with pytest.raises(NipError, match="hanya boleh berisi angka"):
        check_nip(nip)
