"""The interchange files `sop-ap/1` and `sop-ap/2`: strict reading into a `Sop`, and writing
back. `sop-ap/2` holds what real books contain and sop-ap/1 cannot: a step in several lanes
(`"roles"`, with `"role"` their first), one Waktu cell over several steps (`"time_span"`),
a later step drawn as a start (`"start"`), Waktu as written ("Setiap saat", "Paling lambat
17 hari kerja"), dates as written when they are not whole dates ("Oktober 2024") or not
written at all, and an approver the book does not name. An SOP that needs none of it is
written as sop-ap/1, so files for older versions stay readable by them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.flow import closed_loops
from kecamatan_desktop.domain.json_strict import StrictJsonError, key_path, parse, text_of
from kecamatan_desktop.domain.limits import too_long
from kecamatan_desktop.domain.nip import NipError, check_nip
from kecamatan_desktop.domain.sop import Approver, Decision, Office, Sop, Step
from kecamatan_desktop.domain.waktu import WaktuError, parse_waktu

FORMAT = "sop-ap/1"
FORMAT_V2 = "sop-ap/2"
FORMATS = (FORMAT, FORMAT_V2)
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LIST_KEYS = ("legal_basis", "qualifications", "related", "equipment", "warnings", "records")
TOP_KEYS = (
    "format", "id", "office", "number", "name", "created", "revised", "effective",
    "approved_by", *LIST_KEYS, "roles", "steps",
)
OFFICE_KEYS = ("government", "name", "address")
APPROVER_KEYS = ("title", "name", "rank", "nip")
STEP_KEYS = ("no", "activity", "role", "requirements", "time", "output", "notes", "decision")
STEP_KEYS_V2 = (*STEP_KEYS, "roles", "time_span", "start")
REQUIRED_STEP_KEYS = ("no", "activity", "role")
# Limits of a file (docs/interchange.md): far above any real SOP, low enough
# that a damaged or hostile file is refused before it costs time or memory.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_STEPS = 500
MAX_DEPTH = 4  # document {} > steps [] > step {} > decision {}
SHOWN_PROBLEMS = 20
SHOWN_CHARS = 300
# C0 and C1 control characters, and halves of a surrogate pair (a "\ud800" escape on its own),
# which no printed form can show and SQLite's UTF-8 cannot store.
_BAD_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where (e.g. `steps[3].role`) and what."""

    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


class InvalidSopFile(InputError):
    """A file that is not a valid sop-ap/1 document; names the file and every problem."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        lines = [f"Berkas {source} tidak sah:"]
        lines += [f"  - {_cut(str(p), SHOWN_CHARS)}" for p in problems[:SHOWN_PROBLEMS]]
        if len(problems) > SHOWN_PROBLEMS:
            lines.append(f"  - … dan {len(problems) - SHOWN_PROBLEMS} masalah lain")
        super().__init__("\n".join(lines))


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.v2 = False  # reading sop-ap/2
        self.too_long: set[str] = set()  # places whose refusal is their length, said once

    def fail(self, place: str, message: str) -> None:
        if place not in self.too_long:
            self.problems.append(Problem(place, message))

    def keys(
        self, obj: Any, place: str, allowed: tuple[str, ...], required: tuple[str, ...]
    ) -> bool:
        if not isinstance(obj, dict):
            self.fail(place, "harus berupa objek {…}")
            return False
        for key in obj:
            if key not in allowed:
                self.fail(_join(place, key), "kunci tidak dikenal (salah ketik?)")
        for key in required:
            if key not in obj:
                self.fail(_join(place, key), "wajib diisi tetapi tidak ada")
        return True

    def text(self, obj: dict, key: str, place: str, *, required: bool = False) -> str:
        value = obj.get(key, "")
        if not isinstance(value, str):
            self.fail(_join(place, key), "harus berupa teks")
            return ""
        if required and not value.strip():
            self.fail(_join(place, key), "tidak boleh kosong")
        self.printable(value, _join(place, key))
        return value

    def printable(self, value: str, where: str) -> None:
        """No character a printed form cannot show, and no more of them than it can."""
        refusal = too_long(value, where)
        if refusal is not None:
            self.fail(where, refusal)
            self.too_long.add(where)
            return  # the rest of a field that long is not worth reading
        bad = _BAD_CHARS.search(value)
        if bad is None:
            return
        code = f"U+{ord(bad.group()):04X}"
        if bad.group() >= "\ud800":
            self.fail(where, f"berisi {code}, separuh pasangan surrogate yang bukan huruf")
        else:
            self.fail(where, f"berisi karakter kendali {code} (tab, baris baru, dll.) pada "
                             f"karakter ke-{bad.start() + 1}; hapus karakter itu")

    def written_day(self, obj: dict, key: str) -> tuple[date | None, str]:
        """sop-ap/2: an ISO date, or the text the book writes instead ("Oktober 2024"),
        or nothing ("" or null)."""
        value = obj.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None, ""
        if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            self.printable(value, key)
            return None, value
        return self.day(obj, key, ""), ""

    def day(self, obj: dict, key: str, place: str, *, nullable: bool = False) -> date | None:
        value = obj.get(key)
        where = _join(place, key)
        if value is None:
            if not nullable:
                self.fail(where, "tanggal wajib diisi (format TTTT-BB-HH)")
            return None
        if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            self.fail(where, f"{_shown(value)} bukan tanggal ISO (format TTTT-BB-HH, "
                             "mis. 2018-01-04)")
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(where, f"{value!r} bukan tanggal yang ada di kalender")
            return None

    def strings(self, obj: dict, key: str, place: str) -> tuple[str, ...]:
        value = obj.get(key, [])
        where = _join(place, key)
        if not isinstance(value, list):
            self.fail(where, "harus berupa daftar teks […]")
            return ()
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.fail(f"{where}[{i}]", "harus berupa teks")
            else:
                self.printable(item, f"{where}[{i}]")
                out.append(item)
        return tuple(out)


def _join(place: str, key: str) -> str:
    return key_path(place, key)


def _shown(value: Any) -> str:
    """A value as quoted in a message, cut short: a file may hold megabytes in one field."""
    return _cut(repr(value), 60)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def sop_from_dict(data: Any, source: str = "<data>") -> Sop:
    """Validate a decoded sop-ap/1 document; raise InvalidSopFile listing every problem."""
    r = _Reader()
    # Without every key the rest cannot be read; what is missing or unknown is reason enough.
    if not r.keys(data, "", TOP_KEYS, TOP_KEYS) or any(key not in data for key in TOP_KEYS):
        raise InvalidSopFile(source, r.problems)
    if data.get("format") not in FORMATS:
        r.fail("format", f"harus {FORMAT!r} atau {FORMAT_V2!r}, bukan "
                         f"{_shown(data.get('format'))}")
    r.v2 = data.get("format") == FORMAT_V2
    sop_id = data.get("id")
    if not isinstance(sop_id, str) or not ID_PATTERN.fullmatch(sop_id):
        r.fail("id", f"{_shown(sop_id)} harus huruf kecil a-z, angka dan tanda '-' (mis. "
                     "'poncokusumo-2018-renja')")
        sop_id = ""

    office = Office("", "", "")
    if r.keys(data["office"], "office", OFFICE_KEYS, OFFICE_KEYS):
        o = data["office"]
        office = Office(
            government=r.text(o, "government", "office", required=True),
            name=r.text(o, "name", "office", required=True),
            address=r.text(o, "address", "office"),
        )
    approver = Approver("", "", "", "")
    if r.keys(data["approved_by"], "approved_by", APPROVER_KEYS, APPROVER_KEYS):
        a = data["approved_by"]
        approver = Approver(
            title=r.text(a, "title", "approved_by", required=not r.v2),
            name=r.text(a, "name", "approved_by", required=not r.v2),
            rank=r.text(a, "rank", "approved_by"),
            nip=r.text(a, "nip", "approved_by"),
        )
        try:
            if approver.nip.strip() or not r.v2:  # a book may not print the NIP
                check_nip(approver.nip)
        except NipError as exc:
            r.fail("approved_by.nip", str(exc))

    lists = {key: r.strings(data, key, "") for key in LIST_KEYS}
    roles = r.strings(data, "roles", "")
    seen: set[str] = set()
    for i, role in enumerate(roles):
        if not role.strip():
            r.fail(f"roles[{i}]", "nama lajur (pelaksana) tidak boleh kosong")
        elif role in seen:
            r.fail(f"roles[{i}]", f"lajur {_shown(role)} sudah ada; nama lajur harus unik")
        seen.add(role)

    steps = _read_steps(r, data["steps"], set(roles))
    number = r.text(data, "number", "")
    name = r.text(data, "name", "", required=True)
    written = {}
    if r.v2:
        created, written["created_text"] = r.written_day(data, "created")
        revised, written["revised_text"] = r.written_day(data, "revised")
        effective, written["effective_text"] = r.written_day(data, "effective")
    else:
        created = r.day(data, "created", "")
        revised = r.day(data, "revised", "", nullable=True)
        effective = r.day(data, "effective", "")
    if r.problems:
        raise InvalidSopFile(source, r.problems)
    return Sop(
        id=sop_id,
        office=office,
        number=number,
        name=name,
        created=created,
        revised=revised,
        effective=effective,
        approved_by=approver,
        roles=roles,
        steps=steps,
        **lists,
        **written,
    )


def _read_steps(r: _Reader, raw: Any, roles: set[str]) -> tuple[Step, ...]:
    if not isinstance(raw, list):
        r.fail("steps", "harus berupa daftar langkah […]")
        return ()
    if len(raw) > MAX_STEPS:
        r.fail("steps", f"{len(raw)} langkah; satu SOP paling banyak {MAX_STEPS} langkah")
        return ()
    steps = []
    whole = True  # every step and every decision read as written
    for i, s in enumerate(raw):
        place = f"steps[{i}]"
        if not r.keys(s, place, STEP_KEYS_V2 if r.v2 else STEP_KEYS, REQUIRED_STEP_KEYS):
            whole = False
            continue
        role = r.text(s, "role", place, required=True)
        if role and role not in roles:
            r.fail(f"{place}.role", f"lajur {_shown(role)} tidak ada di 'roles'")
        other_roles = _read_other_roles(r, s, place, role, roles)
        time = r.text(s, "time", place)  # sop-ap/2: as written; Periksa names what is unread
        if not r.v2:
            try:
                parse_waktu(time)
            except WaktuError as exc:
                r.fail(f"{place}.time", str(exc))
        span = _read_span(r, s, place, i, len(raw))
        start = s.get("start", False)
        if not isinstance(start, bool):
            r.fail(f"{place}.start", "harus true atau false")
            start = False
        decision = None
        if "decision" in s:
            decision = _read_decision(r, s["decision"], f"{place}.decision", i + 1, len(raw))
            whole = whole and decision is not None
        steps.append(Step(
            no=r.text(s, "no", place),
            activity=r.text(s, "activity", place, required=True),
            role=role,
            requirements=r.text(s, "requirements", place),
            time=time,
            output=r.text(s, "output", place),
            notes=r.text(s, "notes", place),
            decision=decision,
            other_roles=other_roles,
            time_span=span,
            start=start,
        ))
    if whole:
        # a loop with no way out is refused like a branch to nowhere: no round could finish
        for loop in closed_loops(steps):
            r.fail(f"steps[{loop.decision}].decision", loop.message(len(steps)))
    return tuple(steps)


def _read_other_roles(r: _Reader, s: dict, place: str, role: str,
                      roles: set[str]) -> tuple[str, ...]:
    """sop-ap/2 "roles": every lane of the step in order, the first being "role"."""
    if "roles" not in s:
        return ()
    lanes = r.strings(s, "roles", place)
    where = f"{place}.roles"
    if not lanes or lanes[0] != role:
        r.fail(where, f"lajur pertama harus sama dengan 'role' ({_shown(role)})")
        return ()
    for j, lane in enumerate(lanes):
        if lane not in roles:
            r.fail(f"{where}[{j}]", f"lajur {_shown(lane)} tidak ada di 'roles'")
        elif lane in lanes[:j]:
            r.fail(f"{where}[{j}]", f"lajur {_shown(lane)} disebut dua kali")
    return tuple(lanes[1:])


def _read_span(r: _Reader, s: dict, place: str, index: int, count: int) -> int:
    """sop-ap/2 "time_span": how many steps, this one first, one Waktu cell covers."""
    span = s.get("time_span", 1)
    where = f"{place}.time_span"
    if not isinstance(span, int) or isinstance(span, bool) or span < 1:
        r.fail(where, "harus bilangan bulat 1 atau lebih")
        return 1
    if index + span > count:
        r.fail(where, f"Waktu langkah ini meliputi {span} langkah, tetapi hanya ada "
                      f"{count - index} langkah sampai akhir")
        return 1
    return span


def _read_decision(r: _Reader, raw: Any, place: str, own: int, count: int) -> Decision | None:
    if not r.keys(raw, place, ("yes", "no"), ("yes", "no")):
        return None
    targets = {}
    for key in ("yes", "no"):
        value = raw.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            r.fail(f"{place}.{key}", "harus nomor urut langkah (bilangan bulat)")
        elif not 1 <= value <= count:
            r.fail(f"{place}.{key}", f"langkah ke-{value} tidak ada (ada {count} langkah)")
        elif value == own:
            r.fail(f"{place}.{key}", "tidak boleh menunjuk ke langkah itu sendiri")
        else:
            targets[key] = value
    if len(targets) != 2:
        return None
    return Decision(yes=targets["yes"], no=targets["no"])


def needs_v2(sop: Sop) -> bool:
    """Whether the SOP holds what only sop-ap/2 can say."""
    if sop.created is None or sop.effective is None:
        return True
    if sop.created_text or sop.revised_text or sop.effective_text:
        return True
    if not (sop.approved_by.title.strip() and sop.approved_by.name.strip()):
        return True
    try:
        check_nip(sop.approved_by.nip)
    except NipError:
        return True
    for step in sop.steps:
        if step.other_roles or step.time_span != 1 or step.start:
            return True
        try:
            parse_waktu(step.time)
        except WaktuError:
            return True
    return False


def _written(day: date | None, text: str) -> str | None:
    return day.isoformat() if day is not None else (text or None)


def sop_to_dict(sop: Sop) -> dict[str, Any]:
    """The document of an SOP, keys in the documented order: sop-ap/1 when it needs
    nothing of sop-ap/2."""
    v2 = needs_v2(sop)
    steps = []
    for s in sop.steps:
        step: dict[str, Any] = {
            "no": s.no, "activity": s.activity, "role": s.role, "requirements": s.requirements,
            "time": s.time, "output": s.output, "notes": s.notes,
        }
        if s.decision is not None:
            step["decision"] = {"yes": s.decision.yes, "no": s.decision.no}
        if s.other_roles:
            step["roles"] = list(s.roles)
        if s.time_span != 1:
            step["time_span"] = s.time_span
        if s.start:
            step["start"] = True
        steps.append(step)
    return {
        "format": FORMAT_V2 if v2 else FORMAT,
        "id": sop.id,
        "office": {"government": sop.office.government, "name": sop.office.name,
                   "address": sop.office.address},
        "number": sop.number,
        "name": sop.name,
        "created": _written(sop.created, sop.created_text),
        "revised": _written(sop.revised, sop.revised_text),
        "effective": _written(sop.effective, sop.effective_text),
        "approved_by": {"title": sop.approved_by.title, "name": sop.approved_by.name,
                        "rank": sop.approved_by.rank, "nip": sop.approved_by.nip},
        **{key: list(getattr(sop, key)) for key in LIST_KEYS},
        "roles": list(sop.roles),
        "steps": steps,
    }


def dumps(sop: Sop) -> str:
    return json.dumps(sop_to_dict(sop), ensure_ascii=False, indent=2) + "\n"


def loads(text: str, source: str = "<data>") -> Sop:
    """Decode and validate; malformed JSON is reported with its line and column, a refused
    value (duplicate key, NaN, a number too long) with its key path."""
    try:
        data = parse(text, max_depth=MAX_DEPTH)
    except StrictJsonError as exc:
        raise InvalidSopFile(source, [Problem(p, m) for p, m in exc.problems]) from None
    return sop_from_dict(data, source)


def load_bytes(raw: bytes, source: str = "<data>") -> Sop:
    """A file's bytes as read from disk: UTF-8 with or without a BOM, at most 5 MB."""
    try:
        text = text_of(raw, max_bytes=MAX_FILE_BYTES)
    except StrictJsonError as exc:
        raise InvalidSopFile(source, [Problem(p, m) for p, m in exc.problems]) from None
    return loads(text, source)
