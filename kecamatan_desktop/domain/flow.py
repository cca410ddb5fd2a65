"""Flow checks of a procedure being written: what keeps it from being a complete SOP."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.sop import Sop, Step
from kecamatan_desktop.domain.waktu import WaktuKind, read_waktu, unreadable_waktu_message


class ProblemKind(StrEnum):
    UNKNOWN_ROLE = "unknown_role"
    EMPTY_ACTIVITY = "empty_activity"
    BAD_TIME = "bad_time"
    DECISION_INCOMPLETE = "decision_incomplete"
    UNREACHABLE = "unreachable"
    EMPTY_LANE = "empty_lane"
    NO_WAY_OUT = "no_way_out"


@dataclass(frozen=True)
class FlowProblem:
    """One problem: about a step (0-based `step`) or a lane (`lane`), told in Indonesian."""

    kind: ProblemKind
    message: str
    step: int | None = None
    lane: str | None = None


def step_label(sop: Sop, index: int) -> str:
    """`Langkah 3`, with the printed number too when it differs from the position."""
    position = index + 1
    no = sop.steps[index].no.strip()
    if not no or no == str(position):
        return f"Langkah {position}"
    return f"Langkah {position} (No. {no})"


def reachable_steps(sop: Sop) -> set[int]:
    """0-based indexes reachable from the first step along next-step and branch edges."""
    return _reachable_from(sop.steps, 0) if sop.steps else set()


def _next_indexes(steps: Sequence[Step], index: int) -> list[int]:
    """Where the file can go after step `index` (0-based), as in domain.rounds.next_position;
    a branch that is missing or points at no step leads nowhere."""
    decision = steps[index].decision
    if decision is None:
        return [index + 1] if index + 1 < len(steps) else []
    return [t - 1 for t in (decision.yes, decision.no)
            if t is not None and 1 <= t <= len(steps)]


def _reachable_from(steps: Sequence[Step], start: int) -> set[int]:
    seen: set[int] = set()
    todo = [start]
    while todo:
        index = todo.pop()
        if index not in seen:
            seen.add(index)
            todo.extend(_next_indexes(steps, index))
    return seen


@dataclass(frozen=True)
class ClosedLoop:
    """Steps (0-based, in order) that the file, once in, can never leave: a round there
    never finishes. `decision` is the loop's last decision, where a way out belongs."""

    decision: int
    steps: tuple[int, ...]

    def message(self, step_count: int) -> str:
        """What is wrong, without the step's label (the caller puts its own place first)."""
        text = (f"tidak ada jalan keluar dari langkah {_positions(self.steps)}: alurnya "
                "berputar terus dan tidak pernah sampai ke akhir prosedur, jadi putarannya "
                "tidak dapat selesai")
        if self.decision == step_count - 1:
            text += ("; langkah terakhir tidak boleh berupa keputusan, karena prosedur selesai "
                     "sesudah langkah terakhir")
        return text


def closed_loops(steps: Sequence[Step]) -> list[ClosedLoop]:
    """The loops with no way out, in step order.

    The procedure ends only after its last step, and only if that step is not a decision.
    A branch still missing or pointing at no step counts as a possible way out: it is a
    problem of its own, and blaming the loop too would only repeat it.
    """
    count = len(steps)

    def may_leave(index: int, ending: set[int]) -> bool:
        decision = steps[index].decision
        if decision is None:
            return index == count - 1 or index + 1 in ending
        return any(_branch_problem(t, index, count) is not None or t - 1 in ending
                   for t in (decision.yes, decision.no))

    ending: set[int] = set()
    grew = True
    while grew:
        found = {i for i in range(count) if i not in ending and may_leave(i, ending)}
        ending |= found
        grew = bool(found)
    trapped = [i for i in range(count) if i not in ending]
    # Everything after a trapped step is trapped too; the loops to report are the places
    # the file ends up in (each step there reaches all the others), not the way in.
    onward = {i: _reachable_from(steps, i) for i in trapped}
    loops: list[ClosedLoop] = []
    seen: set[int] = set()
    for i in trapped:
        if i in seen or any(i not in onward[j] for j in onward[i]):
            continue
        members = tuple(sorted(onward[i]))
        seen.update(members)
        last_decision = max(j for j in members if steps[j].decision is not None)
        loops.append(ClosedLoop(decision=last_decision, steps=members))
    return sorted(loops, key=lambda loop: loop.decision)


def _positions(indexes: Sequence[int]) -> str:
    """0-based indexes as 1-based positions with runs joined: `3–5, 8 dan 10`."""
    runs: list[list[int]] = []
    for position in (i + 1 for i in sorted(indexes)):
        if runs and position == runs[-1][-1] + 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs]
    text = ", ".join(parts)
    head, sep, tail = text.rpartition(", ")
    return f"{head} dan {tail}" if sep else text


def flow_problems(sop: Sop) -> list[FlowProblem]:
    """Every flow problem, step by step in order, then the lanes without steps."""
    problems: list[FlowProblem] = []
    lanes = set(sop.roles)
    reachable = reachable_steps(sop)
    loops = {loop.decision: loop for loop in closed_loops(sop.steps)}
    for index, step in enumerate(sop.steps):
        label = step_label(sop, index)

        def add(kind: ProblemKind, message: str, index: int = index) -> None:
            problems.append(FlowProblem(kind, message, step=index))

        if not step.role.strip():
            add(ProblemKind.UNKNOWN_ROLE, f"{label}: pelaksana (lajur) belum dipilih")
        for lane in step.roles:  # a step drawn in several lanes: each must be a lane
            if lane.strip() and lane not in lanes:
                add(ProblemKind.UNKNOWN_ROLE,
                    f"{label}: pelaksana {lane!r} bukan salah satu lajur SOP ini")
        if not step.activity.strip():
            add(ProblemKind.EMPTY_ACTIVITY, f"{label}: Kegiatan masih kosong")
        if read_waktu(step.time).kind == WaktuKind.UNREADABLE:
            add(ProblemKind.BAD_TIME, f"{label}: {unreadable_waktu_message(step.time)}")
        if step.decision is not None:
            for answer, target in (("Ya", step.decision.yes), ("Tidak", step.decision.no)):
                message = _branch_problem(target, index, len(sop.steps))
                if message:
                    add(ProblemKind.DECISION_INCOMPLETE,
                        f"{label}: cabang {answer} keputusan ini {message}")
        if index not in reachable:
            add(ProblemKind.UNREACHABLE,
                f"{label} tidak dapat dicapai dari langkah 1 (tidak ada panah menuju ke sana)")
        if index in loops:
            add(ProblemKind.NO_WAY_OUT, f"{label}: {loops[index].message(len(sop.steps))}")
    used = {lane for step in sop.steps for lane in step.roles}  # its other lanes too
    for lane in sop.roles:
        if lane not in used:
            problems.append(FlowProblem(ProblemKind.EMPTY_LANE,
                                        f"Lajur {lane!r} tidak punya langkah", lane=lane))
    return problems


class NotRunnable(InputError):
    """A procedure a round cannot run on; nothing was recorded."""


def check_runnable(sop: Sop) -> None:
    """Refuse a procedure that is not a finished flow: no steps yet, or any flow problem
    (above all a loop with no way out, where a round would never finish)."""
    if not sop.steps:
        raise NotRunnable(f"SOP {sop.name!r} belum punya langkah; gambar prosedurnya dulu")
    problems = flow_problems(sop)
    if problems:
        raise NotRunnable(
            f"Putaran tidak dapat dimulai: prosedur SOP {sop.name!r} masih punya masalah; "
            "perbaiki dulu di tab Prosedur:\n" + "\n".join(f"  - {p.message}" for p in problems))


def _branch_problem(target: int | None, own_index: int, count: int) -> str | None:
    if target is None:
        return "belum menunjuk langkah mana pun"
    if not 1 <= target <= count:
        return f"menunjuk langkah {target} yang tidak ada"
    if target == own_index + 1:
        return "menunjuk ke langkah itu sendiri"
    return None
