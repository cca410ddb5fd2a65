"""Edits of a procedure as pure functions `Sop -> Sop`: steps, decisions and lanes.

Decision targets are positions, so every edit that reorders steps carries them along:
a target follows its step wherever it moves, and a deleted target becomes None (the
decision then shows as incomplete). A Waktu merged over several steps follows the rules of
domain/waktu_span.py; a step's other lanes follow their lanes' renaming and removal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.sop import Decision, Sop, Step
from kecamatan_desktop.domain.waktu_span import Placed, is_covered, placed, respan, span_of


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
    """Change text fields (no, activity, role, requirements, time, output, notes) of a step.
    A new `role` (first lane) leaves the step's other lanes, less that one; the Waktu of a
    step under a merged Waktu cell is the first step's to change."""
    step = sop.steps[index]
    if "time" in changes and changes["time"] != step.time and is_covered(sop.steps, index):
        head = span_of(sop.steps, index).start
        raise EditRefused(
            f"Waktu langkah {index + 1} digabung dengan Waktu langkah {head + 1}; ubah Waktu "
            f"di langkah {head + 1}, atau pisahkan Waktunya dulu.")
    if "role" in changes:
        changes = {**changes, "other_roles": tuple(
            r for r in step.other_roles if r != changes["role"])}
    return _replace_step(sop, index, replace(step, **changes))


def set_step_lanes(sop: Sop, index: int, lanes: Sequence[str]) -> Sop:
    """The step drawn in each of `lanes` (a shape in each), kept in the SOP's lane order;
    the first of them is its `role`."""
    chosen = set(lanes)
    if not chosen:
        raise EditRefused(f"Langkah {index + 1} memerlukan sedikitnya satu pelaksana (lajur).")
    unknown = [lane for lane in dict.fromkeys(lanes) if lane not in sop.roles]
    if unknown:
        raise EditRefused(f"Lajur {_enumerate([repr(x) for x in unknown])} tidak ada di SOP "
                          "ini; tambahkan lajurnya dulu.")
    ordered = [lane for lane in sop.roles if lane in chosen]
    step = replace(sop.steps[index], role=ordered[0], other_roles=tuple(ordered[1:]))
    return _replace_step(sop, index, step)


def move_step_lane(sop: Sop, index: int, lane: str) -> Sop:
    """The step's first lane becomes `lane` (a step dropped on a lane in the flowchart); its
    other lanes stay, less `lane`."""
    return update_step(sop, index, role=lane)


def set_start(sop: Sop, index: int, start: bool) -> Sop:
    """Draw step `index` as a start terminator (a procedure that starts from two places);
    the first step always is one."""
    if index == 0:
        return sop
    return _replace_step(sop, index, replace(sop.steps[index], start=start))


def join_time(sop: Sop, index: int) -> Sop:
    """The Waktu cell of step `index` (and of the steps it is merged with) merged over the
    next step too; that step must have no Waktu of its own."""
    span = span_of(sop.steps, index)
    following = span.stop
    if following >= len(sop.steps):
        raise EditRefused(f"Tidak ada langkah sesudah langkah {span.stop} untuk digabung "
                          "Waktunya.")
    other = sop.steps[following]
    if other.time.strip():
        raise EditRefused(
            f"Langkah {following + 1} punya Waktu sendiri ({other.time!r}); kosongkan dulu "
            f"Waktunya, karena sel Waktu yang digabung memuat Waktu langkah {span.start + 1}.")
    head = sop.steps[span.start]
    return _replace_step(sop, span.start, replace(
        head, time_span=len(span) + max(other.time_span, 1)))


def split_time(sop: Sop, index: int) -> Sop:
    """Each step under the merged Waktu cell of step `index` back to a Waktu of its own: the
    first keeps the Waktu, the others have none until one is written."""
    span = span_of(sop.steps, index)
    if len(span) == 1:
        raise EditRefused(f"Waktu langkah {index + 1} tidak digabung dengan langkah lain.")
    return _replace_step(sop, span.start, replace(sop.steps[span.start], time_span=1))


def _replace_step(sop: Sop, index: int, step: Step) -> Sop:
    steps = list(sop.steps)
    steps[index] = step
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
    """Steps in a new order; `entries` pairs each with its old 0-based index (None if new).
    Decisions follow their targets, merged Waktu cells their steps (domain/waktu_span.py)."""
    new_position = {old: i + 1 for i, (old, _) in enumerate(entries) if old is not None}
    spans = placed(sop.steps)

    def follow(target: int | None) -> int | None:
        return None if target is None else new_position.get(target - 1)

    moved = []
    for old, step in entries:
        if step.decision is not None:
            step = replace(step, decision=Decision(yes=follow(step.decision.yes),
                                                   no=follow(step.decision.no)))
        moved.append(Placed(step) if old is None else replace(spans[old], step=step))
    steps = list(respan(moved))
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
    """Rename a lane; its steps follow the new name, those drawn in several lanes too."""
    if new.strip() == old:
        return sop
    new = _check_lane_name(sop, new)
    roles = tuple(new if r == old else r for r in sop.roles)
    steps = tuple(replace(s, role=new if s.role == old else s.role,
                          other_roles=tuple(new if r == old else r for r in s.other_roles))
                  if old in s.roles else s for s in sop.steps)
    return replace(sop, roles=roles, steps=steps)


def move_lane(sop: Sop, index: int, delta: int) -> Sop:
    target = index + delta
    if not 0 <= target < len(sop.roles):
        return sop
    roles = list(sop.roles)
    roles.insert(target, roles.pop(index))
    return replace(sop, roles=tuple(roles))


def remove_lane(sop: Sop, name: str) -> Sop:
    """Remove a lane no step needs: a step drawn in it and other lanes stays in the others
    (the next becoming its first); a step drawn in it alone refuses (LaneInUse names it)."""
    alone = [i for i, s in enumerate(sop.steps) if s.roles == (name,)]
    if alone:
        raise LaneInUse(name, alone, sop)
    steps = tuple(replace(s, role=rest[0], other_roles=rest[1:]) if name in s.roles else s
                  for s in sop.steps
                  for rest in [tuple(r for r in s.roles if r != name)])
    return replace(sop, roles=tuple(r for r in sop.roles if r != name), steps=steps)


def steps_in_lane(sop: Sop, name: str) -> list[int]:
    """The steps drawn in lane `name`, as their only lane or one of several."""
    return [i for i, s in enumerate(sop.steps) if name in s.roles]


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
