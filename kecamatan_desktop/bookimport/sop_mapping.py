"""One found SOP as a sop-ap/2 document: every field as the book writes it (a step in
several lanes, Waktu and dates as written, one Waktu over several steps, a second start),
each loss (a branch without both ways, a connector row dropped, an arrow the model cannot
hold) and each gap (an approver or date the book does not give) a problem, and what even
sop-ap/2 requires but the file lacks (the kop, the SOP's name, a step's lane) a refusal.
Step paths count from 1 in the document's steps, as the readers count theirs.

A field longer than an SOP may hold (domain/limits.py: a long list item is most often two
items the reader ran together) is neither cut nor split here: `sop_from_dict` refuses the
SOP naming the field, and the document is kept whole for the review to shorten."""

from __future__ import annotations

import re
from typing import Any

from kecamatan_desktop.bookimport.fields import (
    clean_text,
    read_date,
    slug,
    unique,
)
from kecamatan_desktop.bookimport.found import FoundSop, FoundStep, Problem
from kecamatan_desktop.domain.interchange import FORMAT_V2, LIST_KEYS
from kecamatan_desktop.domain.nip import NipError, check_nip

STEP_PATH = re.compile(r"^steps\[(\d+)\](.*)$")
# where sop_from_dict's places are, in the readers' own names (identity.KEY, lanes, steps)
_PLACES = {"office.government": "identity.government", "office.name": "identity.office",
           "office.address": "identity.address", "approved_by.title": "identity.approver_title",
           "approved_by.name": "identity.approver_name",
           "approved_by.rank": "identity.approver_rank",
           "approved_by.nip": "identity.approver_nip"}
_REQUIRED = {"government": "Pemerintah (kop)", "office": "Nama kantor (kop)",
             "name": "Nama SOP"}
# what a book may leave out: imported empty, to be filled in the review or the editor
_WANTED = {"approver_title": "Jabatan pengesah", "approver_name": "Nama pengesah"}


class SopMapping:
    """Builds the document of one found SOP; `problems` and `refusals` fill as it goes."""

    def __init__(self, found: FoundSop) -> None:
        self.found = found
        self.problems: list[Problem] = []
        self.refusals: list[Problem] = []
        kept = [i for i, s in enumerate(found.steps, 1) if s.shape != "connector"]
        self.position = {old: new for new, old in enumerate(kept, 1)}  # found → document

    def text(self, value: Any, path: str) -> str:
        cleaned, note = clean_text(value if isinstance(value, str) else "")
        if note:
            self.problems.append(Problem(path, note))
        return cleaned.strip()

    def document(self, office: str | None, taken: set[str]) -> dict:
        found = self.found
        self.problems += self._found_problems()
        ident = {key: self.text(found.identity.get(key, ""), f"identity.{key}")
                 for key in ("government", "office", "address", "number", "name",
                             "approver_title", "approver_name", "approver_rank",
                             "approver_nip")}
        if office is not None:
            ident["office"] = office.strip()
        for key, label in _REQUIRED.items():
            if not ident[key]:
                self.refusals.append(Problem(f"identity.{key}", f"{label} tidak ada di berkas; "
                                     "SOP tanpa itu tidak dapat disimpan"))
        for key, label in _WANTED.items():
            if not ident[key] and not any(p.path == f"identity.{key}" for p in self.problems):
                self.problems.append(Problem(f"identity.{key}", f"{label} tidak ada di berkas; "
                                             "dibiarkan kosong, isi sebelum dicetak"))
        self._check_nip(ident["approver_nip"])
        if found.ocr and not any(p.path.startswith(("page", "ocr")) for p in found.problems):
            self.problems.append(Problem("ocr", "teks dibaca dengan OCR: periksa setiap isian"))
        sop_id = unique(slug(ident["office"], ident["name"]), taken)
        return {
            "format": FORMAT_V2, "id": sop_id,
            "office": {"government": ident["government"], "name": ident["office"],
                       "address": ident["address"]},
            "number": ident["number"], "name": ident["name"],
            "created": self._date("created", required=True),
            "revised": self._date("revised", required=False),
            "effective": self._date("effective", required=True),
            "approved_by": {"title": ident["approver_title"], "name": ident["approver_name"],
                            "rank": ident["approver_rank"], "nip": ident["approver_nip"]},
            **{key: self._list(key) for key in LIST_KEYS},
            "roles": [self.text(lane, "lanes") for lane in found.lanes],
            "steps": self._steps(),
        }

    def _found_problems(self) -> list[Problem]:
        """The reader's problems with their step paths counted in the document's steps;
        one on a connector row (dropped) is said of the table's row."""
        out = []
        for p in self.found.problems:
            match = STEP_PATH.match(p.path)
            if match is None:
                out.append(p)
                continue
            old = int(match.group(1))
            new = self.position.get(old)
            if new is None:
                out.append(Problem("steps", f"penghubung antarhalaman (baris ke-{old} tabel): "
                                            f"{p.message}"))
            else:
                out.append(Problem(f"steps[{new}]{match.group(2)}", p.message))
        return out

    def _check_nip(self, nip: str) -> None:
        path = "identity.approver_nip"
        if not nip:
            if not any(p.path == path for p in self.problems):
                self.problems.append(Problem(path, "NIP pengesah tidak ada di berkas; "
                                             "dibiarkan kosong, isi sebelum dicetak"))
            return
        try:
            check_nip(nip)
        except NipError as exc:
            self.refusals.append(Problem(path, f"{exc}; perbaiki NIP-nya (18 angka)"))

    def _date(self, key: str, *, required: bool) -> str | None:
        """An ISO date when the book writes a whole date; else the text as written (kept,
        with a problem), or None when the book writes none."""
        raw = self.found.identity.get(key, "")
        written = raw if isinstance(raw, str) else ""
        read = read_date(written)
        path = f"identity.{key}"
        if read.value is None:
            kept, _ = clean_text(written)
            kept = kept.strip()
            if kept.strip("-–— "):
                why = read.note or f"'{kept}' bukan tanggal utuh"
                self.problems.append(Problem(path, f"{why}; disimpan seperti tertulis"))
                return kept
            if required and not any(p.path == path for p in self.problems):
                self.problems.append(Problem(path, "tidak ada di berkas; dibiarkan kosong"))
            return None
        if read.note:
            self.problems.append(Problem(path, read.note))
        return read.value.isoformat()

    def _list(self, key: str) -> list[str]:
        value = self.found.identity.get(key, [])
        items = [value] if isinstance(value, str) else list(value)
        texts = (self.text(item, f"identity.{key}") for item in items)
        return [text for text in texts if text]

    def _steps(self) -> list[dict]:
        found = self.found
        steps = []
        for old, step in enumerate(found.steps, 1):
            new = self.position.get(old)
            if new is None:
                continue  # an off-page connector: arrows already lead through it
            path = f"steps[{new}]"
            lanes = [self.text(lane, f"{path}.lanes") for lane in step.lanes]
            if not lanes:
                self.refusals.append(Problem(f"{path}.lanes", "tanpa pelaksana (lajur); setiap "
                                             "langkah memerlukan sedikitnya satu lajur"))
            out = {"no": self.text(step.no, f"{path}.no"),
                   "activity": self.text(step.activity, f"{path}.activity"),
                   "role": lanes[0] if lanes else "",
                   "requirements": self.text(step.requirements, f"{path}.requirements"),
                   "time": self._time(step, path),
                   "output": self.text(step.output, f"{path}.output"),
                   "notes": self.text(step.notes, f"{path}.notes")}
            if len(lanes) > 1:
                out["roles"] = list(dict.fromkeys(lanes))
            span = self._span(step, old)
            if span > 1:
                out["time_span"] = span
            if step.shape == "start" and new != 1:
                out["start"] = True
            decision = self._decision(step, old, new, path)
            if decision is not None:
                out["decision"] = decision
            self._flow(step, old, new, path)
            steps.append(out)
        return steps

    def _time(self, step: FoundStep, path: str) -> str:
        """Waktu as written, its lines joined ("5 \nMenit" is "5 Menit")."""
        written, _ = clean_text(step.time)
        return " ".join(written.split())

    def _span(self, step: FoundStep, old: int) -> int:
        """A Waktu cell over several rows, counted in the document's steps (connector rows
        inside it are not steps)."""
        if step.time_span <= 1:
            return 1
        last = min(old + step.time_span - 1, len(self.found.steps))
        return sum(1 for i in range(old, last + 1) if i in self.position)

    def _target(self, index: int | None) -> int | None:
        """A found step index as a document position, followed through connector rows."""
        seen: set[int] = set()
        while index is not None and index not in seen and 1 <= index <= len(self.found.steps):
            if index in self.position:
                return self.position[index]
            seen.add(index)
            ahead = self.found.steps[index - 1].next
            index = ahead[0] if len(ahead) == 1 else None
        return None

    def _decision(self, step: FoundStep, old: int, new: int, path: str) -> dict | None:
        if step.shape != "decision":
            return None
        yes, no = self._target(step.yes), self._target(step.no_target)
        if yes is not None and no is not None and new not in (yes, no) and yes != no:
            return {"yes": yes, "no": no}
        missing = [word for word, target in (("Ya", yes), ("Tidak", no)) if target is None]
        why = (f"tujuan {' dan '.join(missing)} tidak terbaca" if missing
               else "kedua cabang menuju langkah yang sama" if yes == no
               else "sebuah cabang menuju langkah itu sendiri")
        self.problems.append(Problem(f"{path}.decision", (
            f"keputusan di langkah {new}: {why}; keputusan memerlukan tujuan Ya dan Tidak, "
            "jadi disimpan sebagai langkah biasa")))
        return None

    def _flow(self, step: FoundStep, old: int, new: int, path: str) -> None:
        """What the model cannot draw: an end before the last step, an arrow from a plain
        step to anywhere but the step after it (a later start is kept: "start")."""
        count = len(self.position)
        if step.shape == "end" and new != count:
            self.problems.append(Problem(f"{path}.shape", (
                f"langkah {new} digambar sebagai akhir; model ini hanya punya satu akhir, "
                "langkah terakhir")))
        if step.shape == "decision":
            return
        targets = sorted({t for t in map(self._target, step.next) if t is not None})
        if targets and targets != [new + 1]:
            self.problems.append(Problem(f"{path}.next", (
                f"panah dari langkah {new} menuju langkah {_and([str(t) for t in targets])}; "
                "model ini hanya menyimpan urutan langkah dan cabang Ya/Tidak keputusan")))


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} dan {items[-1]}"


def document_place(place: str) -> str:
    """A place as sop_from_dict names it (steps from 0) in the readers' words."""
    match = STEP_PATH.match(place)
    if match:
        rest = ".lanes" if match.group(2) == ".role" else match.group(2)
        return f"steps[{int(match.group(1)) + 1}]{rest}"
    if place in _PLACES:
        return _PLACES[place]
    head = place.split("[")[0].split(".")[0]
    if head == "roles":
        return "lanes"
    if head in ("number", "name", "created", "revised", "effective", *LIST_KEYS):
        return f"identity.{head}"
    return place or "sop"
