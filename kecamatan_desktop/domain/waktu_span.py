"""One Waktu cell merged over several steps (`Step.time_span`), carried through edits that
insert, delete, move, copy or paste steps.

A span is a group: its head holds the Waktu as written and `time_span`; the steps it covers
have no Waktu of their own (""). Every edit lists the steps in their new order, each with
the group it came from (`Placed`), and `respan` gives them their spans again:

- the steps of a group that stand together form the span, cut to what remains; the head's
  Waktu goes to the first of them (the top of the merged cell), wherever the head went;
- a group split in parts (a member moved out of it, a step with a Waktu of its own put
  between its members) keeps its Waktu in the part with its head (or, the head deleted, in
  its first part); the other parts are steps with no Waktu (Periksa names them);
- a step with no Waktu of its own and no span, put between two members of one span (a new
  step inserted inside it, an empty row pasted there), joins it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace

from kecamatan_desktop.domain.sop import Step


@dataclass(frozen=True)
class Placed:
    """A step in its new place, with the span it came from (`group` None: none)."""

    step: Step
    group: Hashable | None = None
    head: bool = False  # it held the span's Waktu
    text: str = ""  # the span's Waktu, as its head wrote it


def covering(steps: Sequence[Step]) -> list[int | None]:
    """For each step, the 0-based head of the span over it (itself for a head), or None
    when its Waktu is its own alone."""
    heads: list[int | None] = [None] * len(steps)
    for index, step in enumerate(steps):
        if step.time_span > 1 and heads[index] is None:
            for member in range(index, min(index + step.time_span, len(steps))):
                heads[member] = index
    return heads


def placed(steps: Sequence[Step], tag: Hashable = "") -> list[Placed]:
    """The steps as they stand, each with its span (groups named `(tag, head)`)."""
    heads = covering(steps)
    out = []
    for index, (step, head) in enumerate(zip(steps, heads, strict=True)):
        if head is None:
            out.append(Placed(step))
        else:
            out.append(Placed(step, (tag, head), head == index, steps[head].time))
    return out


def _joins(before: Placed | None, entry: Placed, after: Placed | None) -> bool:
    return (entry.group is None and not entry.step.time.strip()
            and entry.step.time_span == 1 and before is not None and after is not None
            and before.group is not None and before.group == after.group)


def respan(entries: Sequence[Placed]) -> tuple[Step, ...]:
    """The steps in the order given, their spans made again as the module says."""
    entries = list(entries)
    for i in range(1, len(entries) - 1):
        if _joins(entries[i - 1], entries[i], entries[i + 1]):
            before = entries[i - 1]
            entries[i] = Placed(entries[i].step, before.group, False, before.text)
    runs: list[tuple[Hashable | None, list[int]]] = []
    for i, entry in enumerate(entries):
        if entry.group is not None and runs and runs[-1][0] == entry.group:
            runs[-1][1].append(i)
        else:
            runs.append((entry.group, [i]))
    main: dict[Hashable, list[int]] = {}  # the part of each span that keeps its Waktu
    for group, members in runs:
        if group is None:
            continue
        if group not in main or (any(entries[i].head for i in members)
                                 and not any(entries[i].head for i in main[group])):
            main[group] = members
    steps = [replace(entry.step, time_span=1) for entry in entries]
    for group, members in runs:
        if group is not None and members is main[group]:
            first = members[0]
            steps[first] = replace(steps[first], time=entries[first].text,
                                   time_span=len(members))
            for i in members[1:]:
                steps[i] = replace(steps[i], time="")
    return tuple(steps)


def span_of(steps: Sequence[Step], index: int) -> range:
    """The 0-based steps the Waktu of step `index` is shared with (itself alone if none)."""
    head = covering(steps)[index]
    if head is None:
        return range(index, index + 1)
    return range(head, min(head + steps[head].time_span, len(steps)))


def is_covered(steps: Sequence[Step], index: int) -> bool:
    """Whether step `index` has no Waktu of its own because a span above covers it."""
    head = covering(steps)[index]
    return head is not None and head != index
