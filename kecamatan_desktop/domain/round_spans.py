"""A round's time against the Mutu Baku where a book merges one Waktu cell over several
steps (`Step.time_span`): the standard belongs to the span as a whole, so the steps inside
it have none of their own, and the span's working time runs from its first step being
received to its last step being handed on (holds left out, as on any desk).

A round goes through a span in runs: passes one after another at steps of the span (a
decision inside it may send the file round within it). The run's last pass carries the
span's standard, the run's working minutes and whether it was late; the passes before it
carry the run's minutes so far and no standard. Steps outside every span are timed as
before, one pass against its own Waktu.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from kecamatan_desktop.domain.calendar import OfficeCalendar
from kecamatan_desktop.domain.rounds import StepPass, pass_timing
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.waktu import WaktuKind, read_waktu
from kecamatan_desktop.domain.waktu import standard_minutes as step_standard

NO_STANDARD = "tanpa waktu baku"  # Waktu in words with no length ("Setiap saat")
SPAN_ACTIVITY = "Langkah {span} (satu Waktu)"  # a span's line in the statistics


@dataclass(frozen=True)
class Span:
    """Steps `first`..`last` (1-based positions) under one Waktu."""

    first: int
    last: int
    time: str  # the Waktu as the book writes it, on the span's first step
    label: str  # `3–4`: the steps' printed numbers

    def __contains__(self, position: int) -> bool:
        return self.first <= position <= self.last


def spans(sop: Sop) -> dict[int, Span]:
    """The span each position lies in, for the positions in a span of two steps or more."""
    out: dict[int, Span] = {}
    for first, step in enumerate(sop.steps, 1):
        if step.time_span > 1:
            last = min(first + step.time_span - 1, len(sop.steps))
            span = Span(first, last, step.time,
                        f"{step.no}–{sop.steps[last - 1].no}")
            out.update((position, span) for position in range(first, last + 1))
    return out


@dataclass(frozen=True)
class Timing:
    """One pass on the desk against the Mutu Baku. In a span, `standard_minutes` and
    `late` are the span's, on the pass that ends its run (None and False before it), and
    `span_minutes` the run's working minutes up to this pass's end."""

    standard_minutes: int | None
    working_minutes: int
    late: bool
    span: Span | None = None
    span_minutes: int | None = None
    span_end: bool = False


def timings(sop: Sop, passes: Sequence[StepPass], calendar: OfficeCalendar,
            until: datetime) -> list[Timing]:
    """Each pass's timing, in order; `until` is now for an open round and the last event of
    an ended one (a pass not yet handed on runs until then)."""
    where = spans(sop)
    own = [pass_timing(sop, p, calendar, until) for p in passes]
    out: list[Timing] = []
    run = 0  # working minutes of the span run so far
    for i, (p, timing) in enumerate(zip(passes, own, strict=True)):
        span = where.get(p.position)
        if span is None:
            out.append(Timing(timing.standard_minutes, timing.working_minutes, timing.late))
            continue
        before = passes[i - 1].position if i else None
        run = (run if before is not None and before in span else 0) + timing.working_minutes
        after = passes[i + 1].position if i + 1 < len(passes) else None
        ends = after is None or after not in span
        standard = step_standard(span.time, calendar.day_minutes) if ends else None
        out.append(Timing(standard, timing.working_minutes,
                          standard is not None and run > standard, span, run, ends))
    return out


def standard_text(sop: Sop, position: int, timing, fmt: Callable[[int], str]) -> str:
    """The Baku of a pass as the round page and the reports write it (minutes written by
    `fmt`): `1 hari`, `tanpa waktu baku` for Waktu in words, `Langkah 3–4: 3 hari` once
    for a span (on the pass ending its run) and `dalam Langkah 3–4` on the passes before.
    `timing` is a Timing, or anything with its standard_minutes, span (or span label) and
    span_end."""
    label = _label(timing)
    if label:
        if not getattr(timing, "span_end", False):
            return f"dalam Langkah {label}"
        time = spans(sop)[position].time
        return f"Langkah {label}: {_standard(timing.standard_minutes, time, fmt)}"
    return _standard(timing.standard_minutes, sop.steps[position - 1].time, fmt)


def worked_text(timing, fmt: Callable[[int], str]) -> str:
    """The working time of a pass, and on the pass ending a span's run the span's too."""
    text = fmt(timing.working_minutes)
    label = _label(timing)
    if label and getattr(timing, "span_end", False) and timing.span_minutes is not None:
        text += f" (Langkah {label}: {fmt(timing.span_minutes)})"
    return text


def _label(timing) -> str:
    span = getattr(timing, "span", None)
    return span.label if isinstance(span, Span) else (span or "")


def _standard(minutes: int | None, time: str, fmt: Callable[[int], str]) -> str:
    if minutes is not None:
        return fmt(minutes)
    return NO_STANDARD if read_waktu(time).kind == WaktuKind.NONE else "-"
