"""Tables of the running procedures: officers, rounds with their event log, the calendar.

History hangs off its parents with ON DELETE RESTRICT: nothing that deletes an SOP, a
round or an officer can take a round's record with it. The event log and the calendar's
change log are append-only; the database itself refuses UPDATE and DELETE on them
(triggers of migration 0005).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from kecamatan_desktop.store.types import UTCDateTime


def _fk(target: str, *, nullable: bool = False, ondelete: str = "RESTRICT") -> Column:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


def _time(*, nullable: bool = False):
    return Field(default=None, sa_column=Column(UTCDateTime, nullable=nullable))


class OfficerRow(SQLModel, table=True):
    """A person in the office directory."""

    __tablename__ = "officer"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    nip: str = Field(unique=True)
    jabatan: str
    pangkat: str = ""
    office: str | None = None  # the kantor kecamatan, when the directory serves several
    active: bool = True
    acting: str = Field(default="", sa_column=Column(String, nullable=False, server_default=""))
    holds_from: date | None = None  # the dates the officer holds the jabatan, when known
    holds_to: date | None = None


class RoundRow(SQLModel, table=True):
    """A running of one SOP revision. The columns after `title` summarise the event log
    (kept in step with it in the same transaction) so the dashboard needs no replay;
    `event_count` is the round's version, which every write must name."""

    __tablename__ = "round"
    __table_args__ = (Index("ix_round_status_since", "status", "since"),
                      Index("ix_round_started_at", "started_at"))

    id: int | None = Field(default=None, primary_key=True)
    sop_id: int = Field(sa_column=_fk("sop.id"))
    revision_id: int = Field(sa_column=_fk("sop_revision.id"))
    title: str
    status: str = "active"
    current_position: int | None = None
    holder: str | None = None
    holder_id: int | None = Field(default=None, sa_column=_fk("officer.id", nullable=True))
    since: datetime | None = _time(nullable=True)
    hold_started: datetime | None = _time(nullable=True)
    held_minutes: int = 0  # working minutes on hold in the current pass, closed holds only
    loops: int = 0
    started_at: datetime = _time()
    last_event_at: datetime = _time()
    event_count: int = 0


class RoundPassRow(SQLModel, table=True):
    """One pass of a round's file through one step, as its events give it: a cache for the
    history views, not history. Rewritten with the round's summary in the transaction of
    every event, rebuilt from the events by `check --rebuild`. `working_minutes` and `late`
    are set once the pass's end is fixed (handed on, or the round ended)."""

    __tablename__ = "round_pass"
    __table_args__ = (UniqueConstraint("round_id", "ordinal"),
                      # covers the step statistics: no table row is read for them
                      Index("ix_round_pass_revision_position", "revision_id", "position",
                            "working_minutes", "handed_at", "late", "decision"),
                      Index("ix_round_pass_sop_position", "sop_id", "position"))

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_fk("round.id"))
    ordinal: int  # 1 for the round's first pass
    sop_id: int = Field(sa_column=Column(Integer, nullable=False))
    revision_id: int = Field(sa_column=Column(Integer, nullable=False))
    position: int
    officer: str | None = None
    received_at: datetime = _time()
    handed_at: datetime | None = _time(nullable=True)
    left_at: datetime | None = _time(nullable=True)  # handed on or the round ended; None: open
    decision: str | None = None
    done_by: str | None = None
    output: str = ""
    note: str = ""
    working_minutes: int | None = None
    standard_minutes: int | None = None
    late: bool = False
    corrected: bool = False
    held: bool = False  # the pass was on hold at some time
    # at a step under one Waktu with others (domain.round_spans): the working minutes of
    # the round's run through the span up to this pass's end (an open pass: its reception)
    span_minutes: int | None = None


class RoundLaneRow(SQLModel, table=True):
    """Who fills each lane of the SOP in this round."""

    __tablename__ = "round_lane"
    __table_args__ = (UniqueConstraint("round_id", "lane"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_fk("round.id"))
    lane: str
    officer: str | None = None  # the name as it was when assigned
    officer_id: int | None = Field(default=None, sa_column=_fk("officer.id", nullable=True))


class RoundEventRow(SQLModel, table=True):
    """One line of a round's append-only log; `seq` orders it, `hash` chains it."""

    __tablename__ = "round_event"
    __table_args__ = (UniqueConstraint("round_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_fk("round.id"))
    seq: int
    kind: str
    occurred_at: datetime = _time()
    entered_at: datetime = _time()
    entered_by: str
    position: int | None = None
    officer: str | None = None  # the name as written then; a later rename leaves it
    officer_id: int | None = Field(default=None, sa_column=_fk("officer.id", nullable=True))
    decision: str | None = None
    note: str = ""
    output: str = ""
    corrects_seq: int | None = None  # a correction names the event it corrects
    changes: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    hash: str = Field(sa_column=Column(String(64), nullable=False))


class WorkingHoursRow(SQLModel, table=True):
    """One working interval of a weekday (0 = Monday), minutes after midnight."""

    __tablename__ = "working_hours"

    id: int | None = Field(default=None, primary_key=True)
    weekday: int
    start_minute: int
    end_minute: int


class DayOffRow(SQLModel, table=True):
    """A public holiday or cuti bersama; `removed` keeps a user's deletion of a listed day."""

    __tablename__ = "day_off"

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(unique=True)
    name: str
    kind: str  # "libur" or "cuti_bersama"
    source: str = "holidays"  # "holidays" (the package) or "manual"
    removed: bool = False


class CalendarYearRow(SQLModel, table=True):
    """Years whose days off were already loaded from the holidays package."""

    __tablename__ = "calendar_year"

    year: int = Field(primary_key=True)


class CalendarChangeRow(SQLModel, table=True):
    """Append-only log of changes to the working calendar: who, when, what."""

    __tablename__ = "calendar_change"

    id: int | None = Field(default=None, primary_key=True)
    changed_at: datetime = _time()
    changed_by: str
    what: str
