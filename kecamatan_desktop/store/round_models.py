"""Tables of the running procedures: officers, rounds with their event log, the calendar."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Column:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


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


class RoundRow(SQLModel, table=True):
    """A running of one SOP revision. The columns after `title` summarise the event log
    (kept in step with it in the same transaction) so the dashboard needs no replay."""

    __tablename__ = "round"
    __table_args__ = (Index("ix_round_status_since", "status", "since"),)

    id: int | None = Field(default=None, primary_key=True)
    sop_id: int = Field(sa_column=_fk("sop.id"))
    revision_id: int = Field(sa_column=_fk("sop_revision.id", ondelete="RESTRICT"))
    title: str
    status: str = "active"
    current_position: int | None = None
    holder: str | None = None
    since: datetime | None = None
    hold_started: datetime | None = None
    held_minutes: int = 0  # working minutes on hold in the current pass, closed holds only
    loops: int = 0
    started_at: datetime
    last_event_at: datetime
    event_count: int = 0


class RoundLaneRow(SQLModel, table=True):
    """Who fills each lane of the SOP in this round."""

    __tablename__ = "round_lane"
    __table_args__ = (UniqueConstraint("round_id", "lane"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_fk("round.id"))
    lane: str
    officer: str | None = None


class RoundEventRow(SQLModel, table=True):
    """One line of a round's append-only log; `seq` orders it."""

    __tablename__ = "round_event"
    __table_args__ = (UniqueConstraint("round_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_fk("round.id"))
    seq: int
    kind: str
    occurred_at: datetime
    entered_at: datetime
    entered_by: str
    position: int | None = None
    officer: str | None = None
    decision: str | None = None
    note: str = ""
    output: str = ""


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
