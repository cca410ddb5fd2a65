"""The importer fuzzed: every file is imported whole and comes back the same, or refused in
Indonesian with the database file unchanged. KECAMATAN_FUZZ_EXAMPLES sets the number of
cases of each fuzz test (default 1,500; the suite runs two of them)."""

from __future__ import annotations

import copy
import json
import os
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.interchange import (
    STEP_KEYS,
    TOP_KEYS,
    dumps,
    loads,
    sop_from_dict,
)
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.session import open_catalogue
from tests.conftest import SEED_FILES, seed_dict

EXAMPLES = int(os.environ.get("KECAMATAN_FUZZ_EXAMPLES", "1500"))
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.large_base_example],
)
SEED_BYTES = [path.read_bytes() for path in SEED_FILES]
SEED_DOCS = [json.loads(raw) for raw in SEED_BYTES]
ARCHIVED = "ngantang-2021-sakip"  # an import of it must be refused after the files are read
# What Python itself says when it fails; none of it may reach the user.
PYTHON_WORDS = ("Traceback", "Expecting", "Exceeds the limit", "codec can't",
                "invalid literal", "Unterminated", "delimiter", "Extra data", "constraint",
                "has no attribute", "object is not", "RecursionError", "KeyError")


def checkpoint(path: Path) -> None:
    """Move every committed page from the -wal file into the main file and empty the -wal.

    `busy == 0` proves the checkpoint was complete. Without fsync: this test is about what
    a refused import leaves, not about power cuts.
    """
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA synchronous=OFF")
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    assert busy == 0, "checkpoint blocked: the -wal file would still hold pages"


def file_bytes(path: Path) -> tuple[bytes, bytes]:
    """The database as it lies on disk: the main file and its -wal file, byte for byte.

    Comparing both, with no checkpoint in between, is stricter than comparing what is
    committed: a write rolled back after it spilled pages into the -wal would show here
    too (a false alarm at worst, never a missed change). The -shm file is only an index
    of the -wal that readers rebuild, so it is left out.
    """
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes(), wal.read_bytes() if wal.exists() else b""


@dataclass
class Importer:
    """One real database file, shared by all cases of a test, and the property checked."""

    db: object
    folder: Path
    state: tuple[bytes, bytes]
    outcomes: Counter

    def attempt(self, files: list[bytes]) -> None:
        paths = []
        for i, raw in enumerate(files):
            paths.append(self.folder / f"berkas-{i}.json")
            paths[-1].write_bytes(raw)
        try:
            sops = catalogue.read_sop_files(paths)
        except InputError as exc:
            self.refused(exc, paths, "refused reading")
            return
        with self.db.session() as session:
            try:
                catalogue.import_sops(sops, session=session, replace=True)
            except InputError as exc:
                session.rollback()
                self.refused(exc, paths, "refused storing")
                return
            for sop in sops:
                stored = catalogue.get_sop(sop.id, session=session)
                assert stored.sop == sop, "stored SOP differs from the file's"
                assert loads(catalogue.export_sop(sop.id, session=session)) == sop
        checkpoint(self.db.path)  # keeps the -wal small, so the next comparison stays cheap
        self.state = file_bytes(self.db.path)
        self.outcomes["imported"] += 1

    def refused(self, exc: InputError, paths: list[Path], how: str) -> None:
        message = str(exc)
        assert message.startswith("Impor dibatalkan, tidak ada SOP yang diimpor:\n"), message
        assert any(str(p) in message for p in paths) or "arsip" in message or \
            "dua kali" in message, message
        # a value from the file is quoted back to the user ('Unterminated' may be one, or
        # "Expecting'" in double quotes when it holds an apostrophe); only the message's own
        # words must not be Python's
        own_words = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", "''", message)
        assert not any(word in own_words for word in PYTHON_WORDS), message
        assert file_bytes(self.db.path) == self.state, "a refused import changed the file"
        self.outcomes[how] += 1


def _no_fsync(dbapi_connection, _record) -> None:
    # Thousands of commits with an fsync each would take minutes; durability is not
    # what this test is about (the kill tests are).
    dbapi_connection.execute("PRAGMA synchronous=OFF")


@pytest.fixture
def importer(tmp_path):
    db = open_catalogue(tmp_path / "fuzz.db")
    event.listen(db.engine, "connect", _no_fsync)
    db.engine.dispose()  # connections from now on are made with the listener
    with db.session() as session:
        catalogue.archive_sop(ARCHIVED, session=session)
    checkpoint(db.path)
    folder = tmp_path / "berkas"
    folder.mkdir()
    yield Importer(db, folder, file_bytes(db.path), Counter())
    db.close()


# ---- byte mutations of the real files ---------------------------------------------------

INTERESTING_BYTES = [b"\xef\xbb\xbf", b"\x00", b"[", b"{", b"]", b"}", b'"', b"\\", b",",
                     b":", b"\xc3", b"\xff", b"\xed\xa0\x80", b"\\u0000", b"\\ud800", b"\t",
                     b"\n", b"9" * 30, b"NaN", b"-Infinity", b"1e999", b"null", b"[" * 50,
                     b'"name": "x", ']


@st.composite
def mutated_bytes(draw) -> bytes:
    raw = bytearray(draw(st.sampled_from(SEED_BYTES)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "flip", "letter", "letter", "set", "insert",
                                   "delete", "truncate", "copy"]))
        at = draw(st.integers(0, len(raw)))
        if op == "letter" and at < len(raw) and chr(raw[at]).isalpha():
            # a typo inside a word: the file often stays valid and must round-trip
            raw[at:at + 1] = draw(st.sampled_from(["a", "Z", "é", "ñ", "ı", "İ", "😀", "²"])
                                  ).encode("utf-8")
        elif op == "flip" and at < len(raw):
            raw[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and at < len(raw):
            raw[at] = draw(st.integers(0, 255))
        elif op == "insert":
            raw[at:at] = draw(st.one_of(st.sampled_from(INTERESTING_BYTES),
                                        st.binary(min_size=1, max_size=8)))
        elif op == "delete":
            del raw[at:at + draw(st.integers(1, 40))]
        elif op == "truncate":
            del raw[at:]
        elif op == "copy":
            start = draw(st.integers(0, len(raw)))
            raw[at:at] = raw[start:start + draw(st.integers(1, 200))]
    if draw(st.booleans()):
        raw[0:0] = b"\xef\xbb\xbf"
    return bytes(raw)


def companion(draw_id: str) -> bytes:
    """A valid file with a fresh id, imported together with a mutated one: all or nothing."""
    data = seed_dict()
    data["id"] = draw_id
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def test_byte_mutations_of_the_seed_files_import_whole_or_are_refused(importer):
    @FUZZ_SETTINGS
    @given(raw=mutated_bytes(), with_companion=st.booleans())
    def case(raw, with_companion):
        files = [raw]
        if with_companion:
            files.append(companion(f"uji-pendamping-{importer.outcomes.total()}"))
        importer.attempt(files)

    case()
    print(f"byte mutations: {dict(importer.outcomes)}")
    assert importer.outcomes["imported"] > EXAMPLES // 20
    assert importer.outcomes["refused reading"] > EXAMPLES // 5


# ---- mutations of the JSON structure ----------------------------------------------------

@dataclass(frozen=True)
class Raw:
    """A token written into the file as it is (what json.dumps would not write)."""

    text: str


@dataclass(frozen=True)
class Pairs:
    """An object written with these pairs, a key possibly more than once."""

    items: tuple


RAW_TOKENS = ["9" * 5001, "-" + "9" * 25, "1e999", "-1e999", "1" * 60 + ".5", "NaN",
              "Infinity", "-Infinity", "[" * 50 + "]" * 50, "[[[[[1]]]]]", "{}", "[]",
              '"\\ud800"', '"\\u0007"', '"a\\u0000b"', "0", "-0", "1.0", "1E2", "true"]
ODD_TEXTS = ["", " ", "1 hari", "1 harı", "²", "0" * 5000, "1" * 5000 + " menit", "Camat",
             "Staf", "Lurah", "2018-02-30", "2018-01-04", "٢٠١٨-٠١-٠٤", "19650202 198710 1 001",
             "1965020219871²0101", "\ufeff", "\u202e", "a\u2028b", "😀" * 3, "x" * 100_000,
             "baris\nbaru", "ta\tb", "ab", "Drs. SUKARLIN, M.Si.", "sop-ap/1", "SOP-AP/1"]
KEY_NAMES = list(TOP_KEYS + STEP_KEYS) + ["yes", "no", "government", "title", "nip", "decision"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 30), st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(exclude_categories=()), max_size=20),
    st.sampled_from(ODD_TEXTS), st.sampled_from(RAW_TOKENS).map(Raw),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(KEY_NAMES) | st.text(max_size=6),
                                            inner, max_size=3)),
    max_leaves=6,
)
sop_ids = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


def nodes(doc, path=()):
    """Every place in a document, as a path of keys and indices."""
    yield path
    if isinstance(doc, dict):
        for key, item in doc.items():
            yield from nodes(item, (*path, key))
    elif isinstance(doc, list):
        for i, item in enumerate(doc):
            yield from nodes(item, (*path, i))


def at(doc, path):
    for key in path:
        doc = doc[key]
    return doc


@st.composite
def mutated_documents(draw):
    doc = copy.deepcopy(draw(st.sampled_from(SEED_DOCS)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["set", "set text", "set text", "drop", "add", "new id",
                                   "duplicate", "swap"]))
        if not isinstance(doc, dict):
            break
        places = list(nodes(doc))
        path = draw(st.sampled_from(places[1:]))
        parent, key = at(doc, path[:-1]), path[-1]
        if op == "set":
            parent[key] = draw(values)
        elif op == "set text" and isinstance(parent[key], str):
            parent[key] = draw(st.text(st.characters(exclude_categories=("Cs", "Cc")),
                                       max_size=30))
        elif op == "drop":
            del parent[key]
        elif op == "add":
            target = at(doc, path) if isinstance(at(doc, path), dict | list) else parent
            if isinstance(target, dict):
                target[draw(st.sampled_from(KEY_NAMES) | st.text(max_size=6))] = draw(values)
            else:
                target.insert(draw(st.integers(0, len(target))), draw(values))
        elif op == "new id":
            doc["id"] = draw(sop_ids)
        elif op == "duplicate" and isinstance(parent, dict):
            parent_path = path[:-1]
            items = (*parent.items(), (key, draw(values)))
            if parent_path:
                at(doc, parent_path[:-1])[parent_path[-1]] = Pairs(items)
            else:
                doc = Pairs(items)
        elif op == "swap" and isinstance(parent, list) and len(parent) > 1:
            other = draw(st.integers(0, len(parent) - 1))
            parent[key], parent[other] = parent[other], parent[key]
    # Resized last: listing the places of a 600-step document for every change costs seconds.
    steps = doc.get("steps") if isinstance(doc, dict) else None
    if isinstance(steps, list) and steps and draw(st.integers(0, 9)) == 0:
        count = draw(st.sampled_from([0, 1, 2, 499, 500, 501, 600]))
        doc["steps"] = [steps[i % len(steps)] for i in range(count)]
    return doc


def write(value, ascii_only: bool) -> str:
    """Our own JSON writer, so that a file can hold what json.dumps refuses to write."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict | Pairs):
        items = value.items if isinstance(value, Pairs) else value.items()
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=ascii_only)}: "
                               f"{write(v, ascii_only)}" for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(write(v, ascii_only) for v in value) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


@st.composite
def structured_files(draw) -> bytes:
    text = write(draw(mutated_documents()), ascii_only=draw(st.booleans()))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16",
                                     "latin-1"]))
    # A lone surrogate written without escaping is not UTF-8 at all: the file is refused.
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf")
                       else "replace")


# found by CI on 2026-12-06: a format holding an apostrophe is quoted back in double quotes
APOSTROPHE = json.dumps(dict(seed_dict("ngantang-2021-iku"), format="Expecting'")).encode()


def test_mutated_json_structures_import_whole_or_are_refused(importer):
    @FUZZ_SETTINGS
    @given(raw=structured_files())
    @example(raw=APOSTROPHE)
    def case(raw):
        importer.attempt([raw])

    case()
    print(f"structure mutations: {dict(importer.outcomes)}")
    assert importer.outcomes["imported"] > EXAMPLES // 20
    assert importer.outcomes["refused reading"] > EXAMPLES // 5


# ---- the property's own checks can fail ---------------------------------------------------

def test_the_comparison_sees_a_committed_change_still_in_the_wal(importer):
    data = seed_dict()
    data["id"] = "uji-pembanding"
    with importer.db.session() as session:
        catalogue.import_sops([sop_from_dict(data)], session=session)
    main, wal = file_bytes(importer.db.path)
    assert main == importer.state[0] and wal != importer.state[1]


def test_an_archived_sop_in_a_batch_refuses_the_whole_batch_and_leaves_the_file(importer):
    archived = dumps(sop_from_dict(seed_dict(ARCHIVED))).encode("utf-8")
    importer.attempt([companion("uji-baru"), archived])
    assert importer.outcomes == Counter({"refused storing": 1})
    with importer.db.session() as session:
        assert "uji-baru" not in {s.id for s in catalogue.list_sops(session=session)}
