"""Edits of a procedure as pure functions `Sop -> Sop`: steps, decisions and lanes.

Decision targets are positions, so every edit that reorders steps carries them along:
a target follows its step wherever it moves, and a deleted target becomes None (the
decision then shows as incomplete).
"""

from __future__ import annotations

from dataclasses import replace

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.sop import Decision, Sop, Step


class EditRefused(InputError):
    """An edit that would break the document; the message says why, in Indonesian."""


class LaneInUse(EditRefused):
    """A lane that still has steps cannot be removed."""

    def __init__(self, lane: str, steps: list[int], sop: Sop) -> None:
        self.lane = lane
        self.steps = steps
        names = [_describe(sop, i) for i in steps]
        super().__init__(
            f"Lajur {lane!r} masih dipakai oleh {_enumerate(names)}. Pindahkan dulu "
            "langkah-langkah itu ke lajur lain (kolom Pelaksana), lalu hapus lajurnya."
        )


# steps ---------------------------------------------------------------------------------------
def insert_step(sop: Sop, index: int, role: str | None = None) -> Sop:
    """A new empty step at `index` (0..len), in `role` or else the first lane."""
    if role is None:
        role = sop.roles[0] if sop.roles else ""
    entries: list[tuple[int | None, Step]] = list(enumerate(sop.steps))
    entries.insert(index, (None, Step(no="", activity="", role=role)))
    return _rebuild(sop, entries)


def delete_step(sop: Sop, index: int) -> Sop:
    entries: list[tuple[int | None, Step]] = list(enumerate(sop.steps))
    del entries[index]
    return _rebuild(sop, entries)


def move_step(sop: Sop, index: int, delta: int) -> Sop:
    """Move the step at `index` by `delta` places; a move past either end changes nothing."""
    target = index + delta
    if not 0 <= target < len(sop.steps):
        return sop
    entries: list[tuple[int | None, Step]] = list(enumerate(sop.steps))
    entries.insert(target, entries.pop(index))
    return _rebuild(sop, entries)


def update_step(sop: Sop, index: int, **changes: str) -> Sop:
    """Change text fields (no, activity, role, requirements, time, output, notes) of a step."""
    steps = list(sop.steps)
    steps[index] = replace(steps[index], **changes)
    return replace(sop, steps=tuple(steps))


def make_decision(sop: Sop, index: int) -> Sop:
    """Turn a step into a decision; Ya goes on to the next step, Tidak is left to choose."""
    yes = index + 2 if index + 1 < len(sop.steps) else None
    return _set_decision(sop, index, Decision(yes=yes, no=None))


def clear_decision(sop: Sop, index: int) -> Sop:
    return _set_decision(sop, index, None)


def set_branch(sop: Sop, index: int, answer: str, target: int | None) -> Sop:
    """Point the "yes" or "no" branch of decision step `index` at 1-based step `target`."""
    decision = sop.steps[index].decision or Decision(yes=None, no=None)
    if target is not None and not (1 <= target <= len(sop.steps) and target != index + 1):
        raise EditRefused(f"langkah {target} tidak dapat menjadi tujuan cabang ini")
    return _set_decision(sop, index, replace(decision, **{answer: target}))


def _set_decision(sop: Sop, index: int, decision: Decision | None) -> Sop:
    steps = list(sop.steps)
    steps[index] = replace(steps[index], decision=decision)
    return replace(sop, steps=tuple(steps))


def _rebuild(sop: Sop, entries: list[tuple[int | None, Step]]) -> Sop:
    """Steps in a new order; `entries` pairs each with its old 0-based index (None if new)."""
    new_position = {old: i + 1 for i, (old, _) in enumerate(entries) if old is not None}

    def follow(target: int | None) -> int | None:
        return None if target is None else new_position.get(target - 1)

    steps = []
    for _, step in entries:
        if step.decision is not None:
            step = replace(step, decision=Decision(yes=follow(step.decision.yes),
                                                   no=follow(step.decision.no)))
        steps.append(step)
    if _numbered_in_order(sop.steps):
        # numbering that simply counted 1..n keeps counting; hand-made numbering is left alone
        steps = [replace(s, no=str(i)) for i, s in enumerate(steps, 1)]
    return replace(sop, steps=tuple(steps))


def _numbered_in_order(steps: tuple[Step, ...]) -> bool:
    return [s.no.strip() for s in steps] == [str(i) for i in range(1, len(steps) + 1)]


# lanes ---------------------------------------------------------------------------------------
def add_lane(sop: Sop, name: str) -> Sop:
    name = _check_lane_name(sop, name)
    return replace(sop, roles=(*sop.roles, name))


def rename_lane(sop: Sop, old: str, new: str) -> Sop:
    """Rename a lane; its steps follow the new name."""
    if new.strip() == old:
        return sop
    new = _check_lane_name(sop, new)
    roles = tuple(new if r == old else r for r in sop.roles)
    steps = tuple(replace(s, role=new) if s.role == old else s for s in sop.steps)
    return replace(sop, roles=roles, steps=steps)


def move_lane(sop: Sop, index: int, delta: int) -> Sop:
    target = index + delta
    if not 0 <= target < len(sop.roles):
        return sop
    roles = list(sop.roles)
    roles.insert(target, roles.pop(index))
    return replace(sop, roles=tuple(roles))


def remove_lane(sop: Sop, name: str) -> Sop:
    """Remove an unused lane; raise LaneInUse naming the steps that still use it."""
    users = steps_in_lane(sop, name)
    if users:
        raise LaneInUse(name, users, sop)
    return replace(sop, roles=tuple(r for r in sop.roles if r != name))


def steps_in_lane(sop: Sop, name: str) -> list[int]:
    return [i for i, s in enumerate(sop.steps) if s.role == name]


def lanes_matching(roles: tuple[str, ...], typed: str) -> list[str]:
    """The lanes whose name holds `typed`, case and spacing aside: those it begins first, then
    those with a word it begins, then the rest, each group in lane order; all for no text."""
    key = " ".join(typed.split()).casefold()
    if not key:
        return list(roles)
    ranked = []
    for order, name in enumerate(roles):
        folded = " ".join(name.split()).casefold()
        if folded.startswith(key):
            ranked.append((0, order, name))
        elif f" {key}" in f" {folded}":
            ranked.append((1, order, name))
        elif key in folded:
            ranked.append((2, order, name))
    return [name for *_, name in sorted(ranked)]


def start_procedure(sop: Sop, first_lane: str) -> Sop:
    """The first step of an empty procedure, in `first_lane` (added if it is not a lane yet)."""
    if first_lane not in sop.roles:
        sop = add_lane(sop, first_lane)
    return insert_step(sop, len(sop.steps), first_lane)


def _check_lane_name(sop: Sop, name: str) -> str:
    name = name.strip()
    if not name:
        raise EditRefused("Nama lajur (pelaksana) tidak boleh kosong.")
    if name in sop.roles:
        raise EditRefused(f"Lajur {name!r} sudah ada; nama lajur harus unik.")
    return name


def step_caption(sop: Sop, index: int, limit: int = 40) -> str:
    """`5. Pengetikan konsep Dokumen Renja`: the printed number and the start of the activity."""
    step = sop.steps[index]
    no = step.no.strip() or str(index + 1)
    activity = " ".join(step.activity.split())
    if len(activity) > limit:
        activity = activity[:limit].rsplit(" ", 1)[0] + "…"
    return f"{no}. {activity}" if activity else f"{no}."


def _describe(sop: Sop, index: int) -> str:
    return f"langkah {step_caption(sop, index)}"


def _enumerate(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " dan " + items[-1]
