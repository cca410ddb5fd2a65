"""The history views: one function per view, each returning one plain, frozen view object
built by a fixed number of queries whatever the number of rounds (set-based over the
`round_pass` summaries; the revision and the calendar read once per view).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy import func, literal_column, text
from sqlmodel import Session, select

from kecamatan_desktop.domain.calendar import OfficeCalendar
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.round_spans import SPAN_ACTIVITY, Span, spans
from kecamatan_desktop.domain.rounds import Status
from kecamatan_desktop.domain.waktu import WORKING_DAY_MINUTES
from kecamatan_desktop.domain.waktu import standard_minutes as step_standard
from kecamatan_desktop.domain.zones import zone
from kecamatan_desktop.services.calendar import office_calendar, working_hours
from kecamatan_desktop.services.catalogue import revision_sop, sop_row
from kecamatan_desktop.services.rounds import (
    RoundDetail,
    RoundSummary,
    StepStats,
    get_round,
    now_utc,
)
from kecamatan_desktop.store.models import LaneRow, OfficeRow, SopRevisionRow, SopRow, StepRow
from kecamatan_desktop.store.round_models import RoundPassRow, RoundRow

OPEN = (Status.ACTIVE.value, Status.ON_HOLD.value)
VIEWS = {
    "aktif": OPEN,
    "terlambat": OPEN,  # those late now (worked out in Python, after the query)
    "tanpa-pemegang": OPEN,  # the current step is nobody's yet
    "semua": None,
    "berjalan": (Status.ACTIVE.value,),
    "ditahan": (Status.ON_HOLD.value,),
    "selesai": (Status.DONE.value,),
    "dibatalkan": (Status.CANCELLED.value,),
}


@dataclass(frozen=True)
class StepStatsView:
    """Per step of the SOP's current revision, across that revision's rounds."""

    sop_id: str
    sop_name: str
    revision: int
    rounds: int  # rounds on the revision
    steps: tuple[StepStats, ...]


@dataclass(frozen=True)
class RoundPage:
    """Everything a round's page shows: the round, and its SOP's step statistics."""

    detail: RoundDetail
    stats: StepStatsView


ENDED = (Status.DONE.value, Status.CANCELLED.value)


def _ended_total(which: str):
    """A finished round's working (or standard) minutes over its passes; nothing for an
    open one (CASE keeps the sum from running for the hundreds of open rows)."""
    column = "working_minutes" if which == "working" else "standard_minutes"
    return literal_column(f"CASE WHEN round.status IN ('{Status.DONE.value}', "
                f"'{Status.CANCELLED.value}') THEN (SELECT sum(p.{column}) FROM round_pass "
                "AS p WHERE p.round_id = round.id AND p.handed_at IS NOT NULL) END")


# the views of open rounds list every one; the others (thousands of finished rounds in a
# few years) list the newest, and say how many there are: the export gives them all
OPEN_VIEWS = ("aktif", "terlambat", "tanpa-pemegang", "berjalan", "ditahan")
NEWEST = 500


@dataclass(frozen=True)
class DashboardView:
    view: str
    rows: tuple[RoundSummary, ...]
    late: int  # how many of the rows are late now
    now: datetime
    total: int = 0  # rounds in the view; more than len(rows) when only the newest are listed
    day_minutes: int = WORKING_DAY_MINUTES  # one working day of the office's calendar


# CASE, not sum(late): a server keeps booleans, which it does not add up
_STATS_SQL = text("""
SELECT position, count(*), avg(working_minutes), sum(CASE WHEN late THEN 1 ELSE 0 END),
       sum(CASE WHEN decision = 'tidak' THEN 1 ELSE 0 END)
FROM round_pass WHERE revision_id = :rev AND handed_at IS NOT NULL GROUP BY position
""")


def _medians(session: Session, rev_id: int, counts: dict[int, int]) -> dict[int, float]:
    """The median working minutes per step in one statement: the index keeps each step's
    passes ordered by working minutes, so the middle one (or two) is read at its offset
    instead of sorting every pass of the SOP."""
    parts, params = [], {"rev": rev_id}
    for position, n in counts.items():
        if n:
            parts.append(
                f"SELECT {int(position)} AS position, avg(w) AS median FROM ("
                "SELECT working_minutes AS w FROM round_pass WHERE revision_id = :rev AND "
                f"position = {int(position)} AND handed_at IS NOT NULL "
                f"ORDER BY working_minutes LIMIT {2 - n % 2} OFFSET {(n - 1) // 2}) AS middle")
    if not parts:  # still one statement: the view's query count never depends on the data
        parts.append("SELECT 0, NULL WHERE 1 = 0")
    # a server's avg() is a Decimal
    return {position: float(median) for position, median in
            session.execute(text(" UNION ALL ".join(parts)), params).all()}


def step_stats(sop_id: str, *, session: Session) -> StepStatsView:
    """Per step: passes handed on, average and median working minutes against the
    standard, late passes and how often the step sent work back. Six queries."""
    row = sop_row(session, sop_id)
    rev_id = session.exec(select(SopRevisionRow.id).where(
        SopRevisionRow.sop_id == row.id, SopRevisionRow.revision == row.revision)).one()
    sop, revision = revision_sop(rev_id, session=session)
    day = working_hours(session=session).day_minutes
    rounds = session.exec(select(func.count()).select_from(RoundRow).where(
        RoundRow.revision_id == rev_id)).one()
    figures = {r[0]: r[1:] for r in session.execute(_STATS_SQL, {"rev": rev_id})}
    medians = _medians(session, rev_id, {p: f[0] for p, f in figures.items()})
    where = spans(sop)
    runs = _span_runs(session, rev_id, sorted(set(where.values()), key=lambda s: s.first))
    steps = []
    for i, step in enumerate(sop.steps, 1):
        passes, average, late, back = figures.get(i, (0, None, 0, 0))
        span = where.get(i)
        steps.append(StepStats(
            position=i, no=step.no, activity=step.activity, role=", ".join(step.roles),
            passes=passes, average_minutes=None if average is None else float(average),
            # in a span the standard and the lateness are the span's: its own line, below
            standard_minutes=None if span else step_standard(step.time, day),
            late_passes=0 if span else late or 0, sent_back=back or 0,
            median_minutes=medians.get(i), span=span.label if span else ""))
        if span is not None and i == span.last:
            steps.append(runs[span.first])
    return StepStatsView(sop_id=row.slug, sop_name=sop.name, revision=revision,
                         rounds=rounds, steps=tuple(steps))


# a span's runs ended by a handoff: their number, the sum of their working minutes and the
# late ones (only the pass ending a run keeps the run's minutes)
_SPAN_SQL = text("""
SELECT position, count(*), sum(span_minutes), sum(CASE WHEN late THEN 1 ELSE 0 END)
FROM round_pass WHERE revision_id = :rev AND handed_at IS NOT NULL
AND span_minutes IS NOT NULL GROUP BY position
""")


def _span_runs(session: Session, rev_id: int, found: list[Span]) -> dict[int, StepStats]:
    """One statistics line per span of steps under one Waktu (by its first position): its
    runs, their average and median working minutes against the span's standard, the late
    ones. Two statements, and none for an SOP without such a span."""
    if not found:
        return {}
    day = working_hours(session=session).day_minutes
    by_position = {r[0]: r[1:] for r in session.execute(_SPAN_SQL, {"rev": rev_id})}
    parts = []
    for span in found:
        n = sum(by_position.get(p, (0,))[0] for p in range(span.first, span.last + 1))
        if n:
            parts.append(
                f"SELECT {span.first} AS first, avg(w) AS median FROM (SELECT span_minutes AS "
                f"w FROM round_pass WHERE revision_id = :rev AND position BETWEEN {span.first} "
                f"AND {span.last} AND handed_at IS NOT NULL AND span_minutes IS NOT NULL "
                f"ORDER BY span_minutes LIMIT {2 - n % 2} OFFSET {(n - 1) // 2}) AS middle")
    medians = ({first: float(m) for first, m in session.execute(
        text(" UNION ALL ".join(parts)), {"rev": rev_id}).all()} if parts else {})
    out = {}
    for span in found:
        rows = [by_position[p] for p in range(span.first, span.last + 1) if p in by_position]
        count = sum(r[0] for r in rows)
        total = sum(r[1] or 0 for r in rows)
        out[span.first] = StepStats(
            position=span.first, no=span.label, activity=SPAN_ACTIVITY.format(span=span.label),
            role="", passes=count, average_minutes=total / count if count else None,
            standard_minutes=step_standard(span.time, day),
            late_passes=sum(r[2] or 0 for r in rows), sent_back=0,
            median_minutes=medians.get(span.first), span=span.label, span_total=True)
    return out


def round_page(round_id: int, *, session: Session, now: datetime | None = None) -> RoundPage:
    detail = get_round(round_id, session=session, now=now)
    return RoundPage(detail=detail, stats=step_stats(detail.sop_id, session=session))


def dashboard(*, session: Session, view: str = "aktif", sop_id: str | None = None,
              officer: str | None = None, status: str | None = None,
              now: datetime | None = None, newest: int | None = NEWEST,
              late_first: bool = False) -> DashboardView:
    """The Pelaksanaan dashboard: one query of plain columns (no ORM objects), working
    minutes only for the rounds that are open, one calendar per office clock. The views of
    finished or all rounds list the `newest` (None: every one) and count the rest.

    Open rounds are listed by how long their file has been where it is, the longest first;
    with `late_first` the late ones come first, the one most over its standard on top."""
    if view not in VIEWS:
        raise InputError(f"Tampilan {view!r} tidak dikenal: pilih {', '.join(VIEWS)}")
    now = now or now_utc()
    query = (select(RoundRow.id, SopRow.slug, SopRevisionRow.name, RoundRow.title,
                    RoundRow.status, RoundRow.current_position, StepRow.no, StepRow.time,
                    LaneRow.name, RoundRow.holder, RoundRow.since, RoundRow.hold_started,
                    RoundRow.held_minutes, RoundRow.loops, RoundRow.event_count,
                    OfficeRow.time_zone, RoundRow.last_event_at, _ended_total("working"),
                    _ended_total("standard"), RoundPassRow.span_minutes,
                    RoundPassRow.standard_minutes)
             .join(SopRow, SopRow.id == RoundRow.sop_id)
             .join(OfficeRow, OfficeRow.id == SopRow.office_id)
             .join(SopRevisionRow, SopRevisionRow.id == RoundRow.revision_id)
             .outerjoin(StepRow, (StepRow.revision_id == RoundRow.revision_id)
                        & (StepRow.position == RoundRow.current_position - 1))
             .outerjoin(LaneRow, LaneRow.id == StepRow.lane_id)
             # the pass on a desk now: in a span of steps under one Waktu, the run so far
             .outerjoin(RoundPassRow, (RoundPassRow.round_id == RoundRow.id)
                        & RoundPassRow.left_at.is_(None)))
    counted = select(func.count()).select_from(RoundRow).join(SopRow,
                                                              SopRow.id == RoundRow.sop_id)
    conditions = []
    if VIEWS[view] is not None:
        conditions.append(RoundRow.status.in_(VIEWS[view]))
    if status:
        conditions.append(RoundRow.status == status)
    if sop_id:
        conditions.append(SopRow.slug == sop_id)
    if officer:
        conditions.append(_holding(officer))
    if view == "tanpa-pemegang":
        conditions += [RoundRow.holder.is_(None), RoundRow.current_position.is_not(None)]
    query, counted = query.where(*conditions), counted.where(*conditions)
    limited = newest is not None and view not in OPEN_VIEWS
    if limited:
        query = query.order_by(RoundRow.id.desc()).limit(newest)
    else:
        query = query.order_by(RoundRow.since.is_(None), RoundRow.since, RoundRow.id)
    rows = session.execute(query).all()
    zones: dict[str, tzinfo] = {}
    calendars: dict[str, OfficeCalendar] = {}
    standards: dict[str | None, int | None] = {}
    earliest = min((r[10] for r in rows if r[10] is not None), default=now)
    hours = None
    out = []
    for (rid, slug, name, title, state, position, step_no, time, lane, holder, since,
         hold_started, held, loops, version, zone_text, last_event, ended_worked,
         ended_standard, span_before, span_standard) in rows:
        tz = zones.get(zone_text)
        if tz is None:
            tz = zones[zone_text] = zone(zone_text)
        worked = standard = None
        late = False
        if since is not None and position is not None:
            calendar = calendars.get(zone_text)
            if calendar is None:
                years = range(earliest.astimezone(tz).year, now.astimezone(tz).year + 1)
                calendar = calendars[zone_text] = office_calendar(years, session=session,
                                                                  tz=tz)
                hours = calendar.day_minutes
            worked = max(0, calendar.working_minutes(since, hold_started or now) - held)
            if span_before is not None:  # the span's standard, against its run so far
                worked += span_before
                standard = span_standard
            else:
                if time not in standards:
                    standards[time] = step_standard(time, hours)
                standard = standards[time]
            late = standard is not None and worked > standard
        out.append(RoundSummary(
            id=rid, sop_id=slug, sop_name=name, title=title, status=state,
            current_step=position, step_no=step_no, lane=lane, holder=holder, since=since,
            working_minutes=worked, standard_minutes=standard, late=late, loops=loops, tz=tz,
            version=version, ended_at=last_event if state in ENDED else None,
            total_minutes=ended_worked, total_standard=ended_standard, waktu=time or ""))
    if view == "terlambat":
        out = [r for r in out if r.late]
    if late_first:  # stable: the others keep their order after the late ones
        out.sort(key=lambda r: (not r.late, -_over(r) if r.late else 0))
    total = session.execute(counted).scalar_one() if limited else len(out)
    if hours is None:  # no open round read the calendar; the view still writes days
        hours = working_hours(session=session).day_minutes
    return DashboardView(view=view, rows=tuple(out), late=sum(r.late for r in out), now=now,
                         total=total, day_minutes=hours)


def _holding(officer: str):
    """The rounds `officer` holds: alone, or as one of the holders of a step drawn in
    several lanes (`holder` names them all, "Budi, Sari")."""
    h = RoundRow.holder
    return ((h == officer) | h.startswith(f"{officer}, ", autoescape=True)
            | h.endswith(f", {officer}", autoescape=True)
            | h.contains(f", {officer}, ", autoescape=True))


def _over(r: RoundSummary) -> int:
    """How many working minutes a late round is over its step's standard."""
    return (r.working_minutes or 0) - (r.standard_minutes or 0)


def open_round_counts(*, session: Session, now: datetime | None = None) -> tuple[int, int]:
    """(open rounds, how many of them are late now), for the status bar."""
    view = dashboard(session=session, view="aktif", now=now)
    return len(view.rows), view.late
