"""Flow checks of a procedure being written: what keeps it from being a complete SOP."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.waktu import WaktuError, parse_waktu


class ProblemKind(StrEnum):
    UNKNOWN_ROLE = "unknown_role"
    EMPTY_ACTIVITY = "empty_activity"
    BAD_TIME = "bad_time"
    DECISION_INCOMPLETE = "decision_incomplete"
    UNREACHABLE = "unreachable"
    EMPTY_LANE = "empty_lane"


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
    count = len(sop.steps)
    seen: set[int] = set()
    todo = [0] if count else []
    while todo:
        index = todo.pop()
        if index in seen:
            continue
        seen.add(index)
        decision = sop.steps[index].decision
        if decision is None:
            targets = [index + 2] if index + 1 < count else []
        else:
            targets = [t for t in (decision.yes, decision.no) if t is not None]
        todo.extend(t - 1 for t in targets if 1 <= t <= count)
    return seen


def flow_problems(sop: Sop) -> list[FlowProblem]:
    """Every flow problem, step by step in order, then the lanes without steps."""
    problems: list[FlowProblem] = []
    lanes = set(sop.roles)
    reachable = reachable_steps(sop)
    for index, step in enumerate(sop.steps):
        label = step_label(sop, index)

        def add(kind: ProblemKind, message: str, index: int = index) -> None:
            problems.append(FlowProblem(kind, message, step=index))

        if not step.role.strip():
            add(ProblemKind.UNKNOWN_ROLE, f"{label}: pelaksana (lajur) belum dipilih")
        elif step.role not in lanes:
            add(ProblemKind.UNKNOWN_ROLE,
                f"{label}: pelaksana {step.role!r} bukan salah satu lajur SOP ini")
        if not step.activity.strip():
            add(ProblemKind.EMPTY_ACTIVITY, f"{label}: Kegiatan masih kosong")
        try:
            parse_waktu(step.time)
        except WaktuError as exc:
            add(ProblemKind.BAD_TIME, f"{label}: {exc}")
        if step.decision is not None:
            for answer, target in (("Ya", step.decision.yes), ("Tidak", step.decision.no)):
                message = _branch_problem(target, index, len(sop.steps))
                if message:
                    add(ProblemKind.DECISION_INCOMPLETE,
                        f"{label}: cabang {answer} keputusan ini {message}")
        if index not in reachable:
            add(ProblemKind.UNREACHABLE,
                f"{label} tidak dapat dicapai dari langkah 1 (tidak ada panah menuju ke sana)")
    used = {step.role for step in sop.steps}
    for lane in sop.roles:
        if lane not in used:
            problems.append(FlowProblem(ProblemKind.EMPTY_LANE,
                                        f"Lajur {lane!r} tidak punya langkah", lane=lane))
    return problems


def _branch_problem(target: int | None, own_index: int, count: int) -> str | None:
    if target is None:
        return "belum menunjuk langkah mana pun"
    if not 1 <= target <= count:
        return f"menunjuk langkah {target} yang tidak ada"
    if target == own_index + 1:
        return "menunjuk ke langkah itu sendiri"
    return None
