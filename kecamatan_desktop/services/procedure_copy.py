"""Where a procedure can be copied from: the drawn SOPs of every office, and one revision of
one of them, read only (the copy itself is an edit of the open document)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.services.catalogue import list_sops
from kecamatan_desktop.services.editing import RevisionInfo, open_sop
from kecamatan_desktop.services.listing import SopSummary


@dataclass(frozen=True)
class ProcedureSource:
    """One revision of an SOP offered as a model: the document and the revisions it has."""

    sop: Sop
    revision: int
    current_revision: int
    is_draft: bool
    revisions: list[RevisionInfo]

    @property
    def office(self) -> str:
        return self.sop.office.name


def copy_sources(*, session: Session, exclude: str | None = None) -> list[SopSummary]:
    """The SOPs whose current revision has a procedure, every office's, in book order;
    `exclude` (the SOP being edited) left out."""
    return [s for s in list_sops(session=session) if s.steps and s.id != exclude]


def read_source(sop_id: str, *, session: Session, revision: int | None = None
                ) -> ProcedureSource:
    """`sop_id` at its current revision, or at `revision`, with its list of revisions."""
    opened = open_sop(sop_id, session=session, revision=revision)
    stored = opened.stored
    return ProcedureSource(sop=stored.sop, revision=stored.revision,
                           current_revision=stored.current_revision, is_draft=stored.is_draft,
                           revisions=opened.history)
