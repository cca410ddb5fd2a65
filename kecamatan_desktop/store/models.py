"""SQLModel tables: offices, SOPs with their revisions, lanes, steps and decision branches."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlmodel import Field, SQLModel

from kecamatan_desktop.store.types import UTCDateTime


def _fk(target: str, *, nullable: bool = False) -> Column:
    return Column(Integer, ForeignKey(target, ondelete="CASCADE"), nullable=nullable, index=True)


class OfficeRow(SQLModel, table=True):
    """A kantor kecamatan and its profile (letterhead, camat)."""

    __tablename__ = "office"

    id: int | None = Field(default=None, primary_key=True)
    position: int = 0
    name: str = Field(unique=True)
    government: str
    address: str | None = None
    city: str | None = None
    postal_code: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    camat_title: str | None = None
    camat_name: str | None = None
    camat_rank: str | None = None
    camat_nip: str | None = None
    book_year: int | None = None
    cover_address: str | None = None
    logo: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    # the office's clock (WIB, WITA or WIT): times are shown and working time counted in it
    time_zone: str = Field(default="WIB", sa_column=Column(String, nullable=False,
                                                           server_default="WIB"))
    # the office's own words on its sheets: its name on the identity sheet ("Kantor
    # Kecamatan Poncokusumo"; None: `name`), the lines above an SOP cover's title
    # (newline-separated; None: none), and how it writes dates
    sheet_name: str | None = None
    cover_heading: str | None = None
    date_zero_pad: bool = Field(default=True, sa_column=Column(Boolean, nullable=False,
                                                               server_default="1"))
    date_february: str = Field(default="Februari", sa_column=Column(
        String, nullable=False, server_default="Februari"))


class SopRow(SQLModel, table=True):
    """An SOP's identity across revisions; `revision` is the current one's number."""

    __tablename__ = "sop"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True)
    office_id: int = Field(sa_column=_fk("office.id"))
    position: int = 0
    revision: int = 1
    # an SOP with rounds is archived, never deleted: hidden from the catalogue, kept whole
    archived_at: datetime | None = Field(default=None,
                                         sa_column=Column(UTCDateTime, nullable=True))


class SopCoverRow(SQLModel, table=True):
    """The title on an SOP's own cover as its book prints it (newline-separated lines); an SOP
    without one prints its Nama SOP. A table of its own, not a column of `sop`: migration 0006
    reads `sop` through this model before 0007 exists."""

    __tablename__ = "sop_cover"

    sop_id: int = Field(sa_column=Column(Integer, ForeignKey("sop.id", ondelete="CASCADE"),
                                         primary_key=True))
    title: str


class SopRevisionRow(SQLModel, table=True):
    """One saved state of an SOP's identity sheet; its lanes and steps hang off it."""

    __tablename__ = "sop_revision"
    __table_args__ = (UniqueConstraint("sop_id", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    sop_id: int = Field(sa_column=_fk("sop.id"))
    revision: int
    saved_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    # saved with flow problems (e.g. a decision still missing a branch); not a finished SOP
    is_draft: bool = False
    office_government: str
    office_name: str
    office_address: str
    number: str
    name: str
    created: date | None = None  # None: the book writes no whole date (see created_text)
    revised: date | None = None
    effective: date | None = None
    # a date as the book writes it when it is not a whole date ("Oktober 2024")
    created_text: str | None = None
    revised_text: str | None = None
    effective_text: str | None = None
    approver_title: str
    approver_name: str
    approver_rank: str
    approver_nip: str
    legal_basis: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    qualifications: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    related: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    equipment: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    warnings: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    records: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # where this revision came from ("Prosedur disalin dari …"); None: nothing said
    note: str | None = None


class LaneRow(SQLModel, table=True):
    """A role column (Pelaksana) of one revision."""

    __tablename__ = "lane"
    __table_args__ = (
        UniqueConstraint("revision_id", "position"),
        UniqueConstraint("revision_id", "name"),
    )

    id: int | None = Field(default=None, primary_key=True)
    revision_id: int = Field(sa_column=_fk("sop_revision.id"))
    position: int
    name: str


class StepRow(SQLModel, table=True):
    """One row of the procedure; `position` is its 0-based place in the order."""

    __tablename__ = "step"
    __table_args__ = (UniqueConstraint("revision_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    revision_id: int = Field(sa_column=_fk("sop_revision.id"))
    position: int
    no: str
    activity: str
    lane_id: int = Field(sa_column=_fk("lane.id"))
    requirements: str = ""
    time: str = ""
    output: str = ""
    notes: str = ""
    # how many steps (this one first) its Waktu cell covers; a later step drawn as a start
    time_span: int = Field(default=1, sa_column=Column(Integer, nullable=False,
                                                        server_default="1"))
    is_start: bool = Field(default=False, sa_column=Column(Boolean, nullable=False,
                                                            server_default=false()))


class StepLaneRow(SQLModel, table=True):
    """Another lane of a step drawn in several (a shape in each): `position` 1 is its
    second lane; its first is the step's own `lane_id`."""

    __tablename__ = "step_lane"
    __table_args__ = (UniqueConstraint("step_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    step_id: int = Field(sa_column=_fk("step.id"))
    position: int
    lane_id: int = Field(sa_column=_fk("lane.id"))


class BranchRow(SQLModel, table=True):
    """A decision step's outgoing branch: answer "ya" or "tidak" and the step it goes to.

    A draft's branch may have no target yet; both branches of a decision are always stored.
    """

    __tablename__ = "branch"
    __table_args__ = (UniqueConstraint("step_id", "answer"),)

    id: int | None = Field(default=None, primary_key=True)
    step_id: int = Field(sa_column=_fk("step.id"))
    answer: str
    target_step_id: int | None = Field(default=None, sa_column=_fk("step.id", nullable=True))


class CheckDismissalRow(SQLModel, table=True):
    """Append-only: a finding of Periksa SOP set aside with a reason, or (with `undoes`) such
    a dismissal taken back. Keyed by the SOP's slug, so it stays with the SOP's revisions;
    the database refuses UPDATE and DELETE (triggers of the migration)."""

    __tablename__ = "check_dismissal"

    id: int | None = Field(default=None, primary_key=True)
    sop_slug: str = Field(index=True)
    rule: str
    place: str
    reason: str
    dismissed_by: str
    dismissed_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    undoes: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("check_dismissal.id", ondelete="RESTRICT"), nullable=True))


class DecreeVersionRow(SQLModel, table=True):
    """Append-only: one saved version of an office's Keputusan Camat (its JSON text), numbered
    per office and naming the version it supersedes; the database refuses UPDATE and DELETE
    (triggers of the migration)."""

    __tablename__ = "decree_version"
    __table_args__ = (UniqueConstraint("office_id", "version",
                                       name="uq_decree_version_office_version"),)

    id: int | None = Field(default=None, primary_key=True)
    office_id: int = Field(sa_column=Column(Integer, ForeignKey("office.id", ondelete="RESTRICT"),
                                            nullable=False, index=True))
    version: int
    decree: str = Field(sa_column=Column(Text, nullable=False))
    saved_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    supersedes: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("decree_version.id", ondelete="RESTRICT"), nullable=True))
