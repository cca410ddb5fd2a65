"""Steps copied out of one SOP and put into another: the clipboard's own format (steps with
their lanes, decisions, merged Waktu and start marks), the same rows as a spreadsheet's
text, and the insertion."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from kecamatan_desktop.domain.interchange import MAX_STEPS
from kecamatan_desktop.domain.pasted_cells import write_tsv
from kecamatan_desktop.domain.pasted_rows import (
    FIELDS,
    MAX_LANE_CHARS,
    PasteNote,
    PasteRefused,
    StepBlock,
)
from kecamatan_desktop.domain.sop import STEP_LABELS, Decision, Sop, Step
from kecamatan_desktop.domain.waktu_span import placed, respan

MIME_TYPE = "application/x-kecamatan-sop-steps+json"
FORMAT = "kecamatan-sop-steps/1"
_TEXT_FIELDS = FIELDS


class BlockUnreadable(ValueError):
    """The clipboard's own format is damaged; its text is read instead."""


# copying -----------------------------------------------------------------------------------
LANES_SEPARATOR = "; "  # a step's lanes in one Pelaksana cell of a spreadsheet


def _copied(sop: Sop, rows: list[int]) -> tuple[Step, ...]:
    """The rows' steps, a Waktu merged over rows not copied cut to the rows copied."""
    spans = placed(sop.steps)
    return respan([spans[i] for i in rows])


def copied_rows_tsv(sop: Sop, rows: list[int]) -> str:
    """The rows (0-based) under the table's headings, as Excel's clipboard text; a step in
    several lanes names them all in its Pelaksana cell."""
    table = [list(STEP_LABELS.values())]
    table += [[LANES_SEPARATOR.join(step.roles) if name == "role" else getattr(step, name)
               for name in FIELDS] for step in _copied(sop, rows)]
    return write_tsv(table)


def copied_rows_json(sop: Sop, rows: list[int]) -> str:
    """The rows (0-based) with their lanes, decisions, merged Waktu and start marks; a
    branch to a step left out of the copy is kept as cut, to be chosen again where it is
    pasted."""
    inside = {row + 1: n for n, row in enumerate(rows, 1)}
    steps = []
    for step in _copied(sop, rows):
        item: dict[str, Any] = {name: getattr(step, name) for name in _TEXT_FIELDS}
        if step.other_roles:
            item["roles"] = list(step.roles)
        if step.time_span != 1:
            item["time_span"] = step.time_span
        if step.start:
            item["start"] = True
        if step.decision is not None:
            decision: dict[str, Any] = {}
            cut = []
            for answer in ("yes", "no"):
                target = getattr(step.decision, answer)
                decision[answer] = inside.get(target) if target is not None else None
                if target is not None and target not in inside:
                    cut.append(answer)
            if cut:
                decision["cut"] = cut
            item["decision"] = decision
        steps.append(item)
    used = {lane for i in rows for lane in sop.steps[i].roles}
    return json.dumps({"format": FORMAT, "source": {"id": sop.id, "name": sop.name},
                       "roles": [r for r in sop.roles if r in used], "steps": steps},
                      ensure_ascii=False)


# reading the own format --------------------------------------------------------------------
def block_from_json(text: str) -> StepBlock:
    """The steps of our own clipboard format; BlockUnreadable when it is not that."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise BlockUnreadable(str(exc)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BlockUnreadable("format")
    roles, raw = data.get("roles"), data.get("steps")
    if (not isinstance(roles, list) or not all(isinstance(r, str) for r in roles)
            or not isinstance(raw, list) or not raw):
        raise BlockUnreadable("roles/steps")
    if len(raw) > MAX_STEPS:
        raise PasteRefused(f"Yang ditempel berisi {len(raw)} langkah; satu SOP paling "
                           f"banyak {MAX_STEPS} langkah.")
    notes: list[PasteNote] = []
    steps = [_read_step(item, n, len(raw), notes) for n, item in enumerate(raw, 1)]
    lanes = list(dict.fromkeys([*roles, *(lane for s in steps for lane in s.roles if lane)]))
    # a merged Waktu reaching past the block is cut to it
    return StepBlock(respan(placed(steps)), tuple(lanes), tuple(notes))


def _read_step(item: Any, number: int, count: int, notes: list[PasteNote]) -> Step:
    if not isinstance(item, dict) or not all(isinstance(item.get(k, ""), str)
                                             for k in _TEXT_FIELDS):
        raise BlockUnreadable(f"steps[{number - 1}]")
    step = Step(**{k: " ".join(item.get(k, "").split()) if k != "no" else item.get(k, "")
                   for k in _TEXT_FIELDS})
    lanes, span, start = item.get("roles", []), item.get("time_span", 1), item.get("start", False)
    if (not isinstance(lanes, list) or not all(isinstance(lane, str) for lane in lanes)
            or not isinstance(span, int) or isinstance(span, bool) or span < 1
            or not isinstance(start, bool)):
        raise BlockUnreadable(f"steps[{number - 1}]")
    others = tuple(lane for lane in dict.fromkeys(lanes) if lane and lane != step.role)
    step = replace(step, other_roles=others, time_span=span, start=start)
    raw = item.get("decision")
    if raw is None:
        return step
    if not isinstance(raw, dict):
        raise BlockUnreadable(f"steps[{number - 1}].decision")
    targets: dict[str, int | None] = {}
    cut = raw.get("cut") if isinstance(raw.get("cut"), list) else []
    for answer, label in (("yes", "Ya"), ("no", "Tidak")):
        target = raw.get(answer)
        ok = (isinstance(target, int) and not isinstance(target, bool)
              and 1 <= target <= count and target != number)
        targets[answer] = target if ok else None
        if answer in cut:
            notes.append(PasteNote(number, "Pelaksana", (
                f"cabang {label} keputusan ini menuju langkah yang tidak ikut disalin; pilih "
                "lagi tujuannya")))
    return replace(step, decision=Decision(yes=targets["yes"], no=targets["no"]))


# putting the block in ----------------------------------------------------------------------
def check_fits(sop: Sop, block: StepBlock) -> None:
    """Refuse a block that would make the SOP too long or bring a lane name too long."""
    if len(sop.steps) + len(block.steps) > MAX_STEPS:
        raise PasteRefused(
            f"SOP ini sudah punya {len(sop.steps)} langkah; dengan {len(block.steps)} "
            f"langkah yang ditempel menjadi lebih dari {MAX_STEPS} langkah. Tidak ada yang "
            "ditempel.")
    for lane in unknown_lanes(sop, block):
        if len(lane) > MAX_LANE_CHARS:
            raise PasteRefused(f"Nama lajur {lane[:40]!r}… {len(lane)} karakter; paling "
                               f"panjang {MAX_LANE_CHARS} karakter. Tidak ada yang ditempel.")


def unknown_lanes(sop: Sop, block: StepBlock) -> list[str]:
    """The block's lanes the SOP has not, in the block's order."""
    return [lane for lane in block.lanes if lane not in sop.roles]


def place_block(sop: Sop, block: StepBlock, index: int, *, add_lanes: bool,
                fallback: str | None = None) -> tuple[Sop, list[PasteNote]]:
    """`sop` with the block's steps inserted at `index` (0..len), in one value.

    Lanes the SOP has not are added after its own when `add_lanes`; otherwise those steps,
    like steps with no lane, go to `fallback` (the first lane when None) and a note says
    so. Decisions inside the block keep pointing at their steps; the SOP's own branches
    follow the steps they pointed at. Numbering that counted 1..n keeps counting.
    """
    check_fits(sop, block)
    missing = unknown_lanes(sop, block)
    roles = (*sop.roles, *missing) if add_lanes else sop.roles
    fallback = fallback if fallback in roles else (roles[0] if roles else None)
    notes: list[PasteNote] = []
    pasted = []
    for number, entry in enumerate(placed(block.steps, "block"), 1):
        step = _in_lanes(entry.step, roles, fallback, number, notes)
        if step.decision is not None:
            step = replace(step, decision=Decision(
                yes=None if step.decision.yes is None else step.decision.yes + index,
                no=None if step.decision.no is None else step.decision.no + index))
        pasted.append(replace(entry, step=step))

    def shifted(target: int | None) -> int | None:
        return target + len(pasted) if target is not None and target > index else target

    own = [replace(p, step=replace(p.step, decision=Decision(
        shifted(p.step.decision.yes), shifted(p.step.decision.no))))
        if p.step.decision is not None else p for p in placed(sop.steps, "own")]
    # a Waktu merged over the place pasted into is cut there, or grows over empty rows
    steps = list(respan(own[:index] + pasted + own[index:]))
    if [s.no.strip() for s in sop.steps] == [str(i) for i in range(1, len(sop.steps) + 1)]:
        steps = [replace(s, no=str(i)) for i, s in enumerate(steps, 1)]
    return replace(sop, roles=tuple(roles), steps=tuple(steps)), notes


def _in_lanes(step: Step, roles: tuple[str, ...], fallback: str | None, number: int,
              notes: list[PasteNote]) -> Step:
    """The step in the SOP's lanes: a lane it has not is left out (said in a note), and a
    step left with none goes to `fallback`."""
    kept = [lane for lane in step.roles if lane in roles]
    dropped = [lane for lane in step.roles if lane and lane not in roles]
    if kept:
        if dropped:
            notes.append(PasteNote(number, "Pelaksana", (
                f"lajur {', '.join(repr(x) for x in dropped)} tidak ada di SOP ini; langkah "
                f"ini hanya di lajur {', '.join(kept)}")))
        return replace(step, role=kept[0], other_roles=tuple(kept[1:]))
    if fallback is None:
        raise PasteRefused("SOP ini belum punya lajur, dan lajur yang ditempel tidak "
                           "ditambahkan. Tidak ada yang ditempel.")
    why = (f"lajur {', '.join(repr(x) for x in dropped)} tidak ada di SOP ini" if dropped
           else "tidak ada pelaksana")
    notes.append(PasteNote(number, "Pelaksana", f"{why}; ditaruh di lajur {fallback!r}"))
    return replace(step, role=fallback, other_roles=())
