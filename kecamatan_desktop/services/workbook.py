"""The rows of the rounds workbook (sheet Langkah: one row per pass; sheet Peristiwa: the
event log), streamed from set-based queries over the pass summaries and the events.

Rows are plain lists in the sheets' column order; times are the office's wall clock (Excel
has no time zones; the zone is a column). The query count does not grow with the rounds
(for a list of round ids, one pair of queries per 5,000 ids).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from types import SimpleNamespace
from typing import TypeVar

from sqlalchemy import String, func, type_coerce
from sqlmodel import Session, select

from kecamatan_desktop.domain import rounds as machine
from kecamatan_desktop.domain.calendar import OfficeCalendar
from kecamatan_desktop.domain.round_lanes import event_names
from kecamatan_desktop.domain.round_spans import spans, standard_text
from kecamatan_desktop.domain.rounds import EventKind, event_details
from kecamatan_desktop.domain.tanggal import stored_utc, wall_clock, wall_clock_stored
from kecamatan_desktop.domain.zones import zone, zone_name
from kecamatan_desktop.services.calendar import office_calendar
from kecamatan_desktop.services.catalogue import revision_sops, sop_row
from kecamatan_desktop.services.rounds import RoundDetail, now_utc
from kecamatan_desktop.store.models import OfficeRow, SopRevisionRow, SopRow
from kecamatan_desktop.store.round_models import RoundEventRow, RoundPassRow, RoundRow

T = TypeVar("T")

STEP_HEADER = ("Putaran", "Judul", "SOP", "Revisi", "Urutan", "No", "Kegiatan", "Pelaksana",
               "Pegawai", "Diterima", "Diserahkan", "Baku (menit kerja)",
               "Nyata (menit kerja)", "Terlambat", "Keputusan", "Output", "Catatan",
               "Satu Waktu (langkah)", "Nyata satu Waktu (menit kerja)", "Zona waktu",
               "Dikoreksi")
EVENT_HEADER = ("Putaran", "#", "Peristiwa", "Waktu kejadian", "Waktu dicatat", "Dicatat oleh",
                "Langkah", "Pegawai", "Keputusan", "Output", "Catatan", "Zona waktu",
                "Koreksi atas #", "Dikoreksi oleh #")
LATE_COLUMN = STEP_HEADER.index("Terlambat")
IDS_AT_ONCE = 5_000


@dataclass(frozen=True)
class RoundsWorkbook:
    """What the workbook holds: counts up front (for progress) and the rows, streamed."""

    rounds: int
    passes: int
    events: int
    step_rows: Iterable[list]
    event_rows: Iterable[list]


def _step_row(rid, title, sop_name, revision, position, sop, officer, received, handed,
              standard, worked, late, decision, output, note, zone_text, corrected,
              span_minutes=None) -> list:
    """A pass's row. At a step under one Waktu with others (`span_minutes` given on the
    pass ending the round's run through it) the Baku is the span's, written once; a Baku
    that is no number says why ('tanpa waktu baku', 'dalam Langkah 3–4')."""
    step = sop.steps[position - 1]
    span = spans(sop).get(position)
    timing = SimpleNamespace(standard_minutes=standard, span=span,
                             span_end=span_minutes is not None)
    baku = standard if standard is not None else standard_text(sop, position, timing, str)
    return [rid, title, sop_name, revision, position, step.no, step.activity,
            ", ".join(step.roles), officer, received, handed,
            None if baku == "-" else baku, worked, "Ya" if late else "Tidak",
            decision or "", output, note, span.label if span else "", span_minutes,
            zone_text, "Ya" if corrected else ""]


def _event_row(rid, e, tz, zone_text, corrected_by, occurred, entered) -> list:
    details = event_details(e, tz) if e.corrects else e.note
    if getattr(e, "voided_by", None):
        details = f"{details} [dibatalkan oleh #{e.voided_by}]".strip()
    return _event_cells(rid, e.seq, e.kind, occurred, entered, e.entered_by, e.position,
                        event_names(e.officer, e.changes), e.decision, e.output, details,
                        zone_text, e.corrects, corrected_by)


def _event_cells(rid, seq, kind, occurred, entered, entered_by, position, officer, decision,
                 output, details, zone_text, corrects, corrected_by) -> list:
    return [rid, seq, LABELS[kind], occurred, entered, entered_by, position, officer,
            decision or "", output, details, zone_text, corrects,
            ", ".join(map(str, corrected_by))]


LABELS = {kind.value: label for kind, label in machine.EVENT_LABELS.items()}


def workbook_of_details(details: Iterable[RoundDetail]) -> RoundsWorkbook:
    """The workbook of rounds already read (a round's page, a few rounds)."""
    details = list(details)
    steps = [_step_row(d.id, d.title, d.sop_name, d.sop_revision, s.position, d.sop, s.officer,
                       wall_clock(s.received_at, d.tz), wall_clock(s.handed_at, d.tz),
                       s.standard_minutes, s.working_minutes, s.late, s.decision, s.output,
                       s.note, d.zone, s.corrected, s.span_minutes if s.span_end else None)
             for d in details for s in d.steps]
    events = [_event_row(d.id, e, d.tz, d.zone, e.corrected_by,
                         wall_clock(e.occurred_at, d.tz), wall_clock(e.entered_at, d.tz))
              for d in details for e in d.events]
    return RoundsWorkbook(rounds=len(details), passes=len(steps), events=len(events),
                          step_rows=steps, event_rows=events)


def _text(column):
    """A stored time as the database holds it: parsed by the export, not per value by
    the column type (millions of rows). SQLite holds text; a server's driver gives
    datetimes and JSON values already read."""
    return type_coerce(column, String)


class _Reader:
    """Streams the sheets' rows for the rounds a condition selects."""

    def __init__(self, session: Session, conditions: list[list], now: datetime):
        self.session, self.conditions, self.now = session, conditions, now
        self.calendars: dict[str, OfficeCalendar] = {}
        used = select(RoundRow.revision_id).distinct().join(
            SopRow, SopRow.id == RoundRow.sop_id).join(
            OfficeRow, OfficeRow.id == SopRow.office_id)
        revisions = {r for where in conditions for r in session.exec(used.where(*where))}
        self.sops = {rev: sop for rev, (sop, _n) in
                     revision_sops(revisions, session=session).items()}

    def _rounds(self, where):
        return (select(RoundRow.id).join(SopRow, SopRow.id == RoundRow.sop_id)
                .join(OfficeRow, OfficeRow.id == SopRow.office_id).where(*where))

    def count(self, column, where) -> int:
        return self.session.exec(select(func.count(column)).where(
            column.in_(self._rounds(where)))).one()

    def calendar(self, zone_text: str, since: datetime) -> OfficeCalendar:
        """For the passes still on a desk: their working minutes run until now."""
        cached = self.calendars.get(zone_text)
        if cached is None:
            tz = zone(zone_text)
            first = self.session.exec(select(func.min(RoundRow.since))).one() or since
            years = range(min(first, since).astimezone(tz).year,
                          self.now.astimezone(tz).year + 1)
            cached = self.calendars[zone_text] = office_calendar(years, session=self.session,
                                                                 tz=tz)
        return cached

    def step_rows(self) -> Iterator[list]:
        p = RoundPassRow
        conn = self.session.connection()
        for where in self.conditions:
            query = (select(RoundRow.id, RoundRow.title, SopRevisionRow.name,
                            SopRevisionRow.revision, p.revision_id, p.position, p.officer,
                            _text(p.received_at), _text(p.handed_at), p.standard_minutes,
                            p.working_minutes,
                            p.late, p.decision, p.output, p.note, p.corrected,
                            OfficeRow.time_zone, _text(RoundRow.hold_started),
                            RoundRow.held_minutes, p.span_minutes)
                     .join(p, p.round_id == RoundRow.id)
                     .join(SopRevisionRow, SopRevisionRow.id == RoundRow.revision_id)
                     .join(SopRow, SopRow.id == RoundRow.sop_id)
                     .join(OfficeRow, OfficeRow.id == SopRow.office_id).where(*where)
                     .order_by(RoundRow.started_at, RoundRow.id, p.ordinal))
            for (rid, title, name, revision, rev_id, position, officer, received, handed,
                 standard, worked, late, decision, output, note, corrected, zone_text,
                 hold_started, held, span_minutes) in conn.execute(query):
                tz = zone(zone_text)
                if worked is None:  # on a desk now: counted until now, as the page does
                    since = stored_utc(received)
                    calendar = self.calendar(zone_text, since)
                    until = stored_utc(hold_started) if hold_started else self.now
                    worked = max(0, calendar.working_minutes(since, until) - held)
                    if span_minutes is not None:  # a span: its run so far, and this pass
                        span_minutes += worked
                    late = standard is not None and (
                        span_minutes if span_minutes is not None else worked) > standard
                yield _step_row(rid, title, name, revision, position, self.sops[rev_id],
                                officer, wall_clock_stored(received, tz),
                                wall_clock_stored(handed, tz), standard, worked, late,
                                decision, output, note, zone_name(tz), corrected,
                                span_minutes)

    def event_rows(self) -> Iterator[list]:
        e = RoundEventRow
        conn = self.session.connection()
        for where in self.conditions:
            fixes: dict[tuple[int, int], list[int]] = defaultdict(list)
            for rid, target, seq in self.session.execute(
                    select(e.round_id, e.corrects_seq, e.seq)
                    .where(e.kind == EventKind.CORRECTED.value,
                           e.round_id.in_(self._rounds(where)))):
                fixes[rid, target].append(seq)
            gone: dict[tuple[int, int], int] = {}  # (round, seq) -> the undo that voided it
            for rid, seq, changes in self.session.execute(
                    select(e.round_id, e.seq, _text(e.changes))
                    .where(e.kind == EventKind.UNDONE.value,
                           e.round_id.in_(self._rounds(where)))):
                voids = json.loads(changes) if isinstance(changes, str) else changes or {}
                for target in voids.get("voids", ()):
                    gone[rid, target] = seq
            query = (select(e.round_id, e.seq, e.kind, _text(e.occurred_at), _text(e.entered_at),
                            e.entered_by, e.position, e.officer, e.decision, e.output, e.note,
                            e.corrects_seq, _text(e.changes), OfficeRow.time_zone)
                     .join(RoundRow, RoundRow.id == e.round_id)
                     .join(SopRow, SopRow.id == RoundRow.sop_id)
                     .join(OfficeRow, OfficeRow.id == SopRow.office_id).where(*where)
                     .order_by(RoundRow.started_at, RoundRow.id, e.seq))
            zones: dict[str, tuple[tzinfo, str]] = {}
            # plain tuples: a Row's attribute access costs more than the rest of the row
            for (rid, seq, kind, occurred, entered, entered_by, position, officer, decision,
                 output, note, corrects, changes, zone_text) in conn.execute(query):
                known = zones.get(zone_text)
                if known is None:
                    tz = zone(zone_text)
                    known = zones[zone_text] = (tz, zone_name(tz))
                tz, name = known
                if corrects:
                    details = event_details(SimpleNamespace(
                        kind=kind, corrects=corrects, changes=json.loads(changes)
                        if isinstance(changes, str) else changes,
                        note=note), tz)
                else:
                    details = note
                if (rid, seq) in gone:
                    details = f"{details} [dibatalkan oleh #{gone[rid, seq]}]".strip()
                if changes and kind in (EventKind.HANDED_OFF.value, EventKind.STARTED.value):
                    officer = event_names(officer, json.loads(changes)
                                          if isinstance(changes, str) else changes)
                yield _event_cells(rid, seq, kind, wall_clock_stored(occurred, tz),
                                   wall_clock_stored(entered, tz), entered_by, position,
                                   officer, decision, output, details, name, corrects,
                                   sorted(fixes.get((rid, seq), ())))


def rounds_workbook(*, session: Session, round_ids: Iterable[int] | None = None,
                    sop_id: str | None = None, start: date | None = None,
                    end: date | None = None, now: datetime | None = None) -> RoundsWorkbook:
    """The workbook of the listed rounds, or of every round (of one SOP, if given) started
    from `start` to `end`, both days included, on the office's calendar."""
    from kecamatan_desktop.services.monitoring import _bounds, _period_zone

    if round_ids is not None:
        ids = sorted(set(round_ids))
        conditions = [[RoundRow.id.in_(ids[i:i + IDS_AT_ONCE])]
                      for i in range(0, len(ids), IDS_AT_ONCE)]
    else:
        lo, hi = _bounds(start, end, _period_zone(sop_id, session=session))
        where = [RoundRow.started_at >= lo, RoundRow.started_at < hi]
        if sop_id:
            where.append(RoundRow.sop_id == sop_row(session, sop_id).id)
        conditions = [where]
    reader = _Reader(session, conditions, now or now_utc())
    counted = [sum(reader.count(column, where) for where in conditions)
               for column in (RoundRow.id, RoundPassRow.round_id, RoundEventRow.round_id)]
    return RoundsWorkbook(rounds=counted[0], passes=counted[1], events=counted[2],
                          step_rows=reader.step_rows(), event_rows=reader.event_rows())


def with_rounds_workbook(write: Callable[[RoundsWorkbook], T], *, session: Session,
                         **which) -> T:
    """`write(book)` for `rounds_workbook(**which)` while its rows can still be read: they
    stream from this session, so a caller without one (the window) hands in the writer."""
    return write(rounds_workbook(session=session, **which))
