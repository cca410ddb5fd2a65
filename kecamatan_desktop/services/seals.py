"""The heads of the database's chains, read in bulk: every round's event chain, and every
SOP's chain of revisions (chained here, over each revision's row, lanes, steps and branches,
as domain/segel.py links them). The segel printed on paper is the short form of a head."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlmodel import Session, select

from kecamatan_desktop.domain.segel import catalogue_head, format_segel, revision_link
from kecamatan_desktop.store.models import (
    BranchRow,
    LaneRow,
    SopRevisionRow,
    SopRow,
    StepLaneRow,
    StepRow,
)
from kecamatan_desktop.store.round_models import RoundEventRow


def round_chains(session: Session, round_ids: Iterable[int] | None = None
                 ) -> dict[int, list[str]]:
    """Each round's event hashes in order (its heads, one after each event): one query."""
    query = select(RoundEventRow.round_id, RoundEventRow.hash)
    if round_ids is not None:
        query = query.where(RoundEventRow.round_id.in_(list(round_ids)))
    chains: dict[int, list[str]] = defaultdict(list)
    for rid, head in session.exec(query.order_by(RoundEventRow.round_id, RoundEventRow.seq)):
        chains[rid].append(head)
    return dict(chains)


def round_segel(session: Session, round_id: int) -> str:
    chain = round_chains(session, [round_id]).get(round_id)
    return format_segel(chain[-1]) if chain else ""


def _rows(session: Session, model) -> list[dict]:
    table = model.__table__
    return [dict(r._mapping) for r in session.execute(select(table).order_by(table.c.id))]


def catalogue_chains(session: Session) -> dict[str, list[str]]:
    """Each SOP's revision heads in revision order, by SOP id (slug): five queries."""
    slugs = dict(session.exec(select(SopRow.id, SopRow.slug)).all())
    step_revision = {}
    parts: dict[int, dict[str, list]] = defaultdict(
        lambda: {"lanes": [], "steps": [], "step_lanes": [], "branches": []})
    for lane in _rows(session, LaneRow):
        parts[lane["revision_id"]]["lanes"].append(lane)
    for step in _rows(session, StepRow):
        step_revision[step["id"]] = step["revision_id"]
        parts[step["revision_id"]]["steps"].append(step)
    for key, model in (("step_lanes", StepLaneRow), ("branches", BranchRow)):
        for row in _rows(session, model):
            parts[step_revision[row["step_id"]]][key].append(row)
    chains: dict[str, list[str]] = defaultdict(list)
    revisions = sorted(_rows(session, SopRevisionRow),
                       key=lambda r: (r["sop_id"], r["revision"]))
    for rev in revisions:
        chain = chains[slugs[rev["sop_id"]]]
        chain.append(revision_link(chain[-1] if chain else None,
                                   {"revision": rev, **parts[rev["id"]]}))
    return dict(chains)


def catalogue_segel(session: Session) -> str:
    """The segel of the whole catalogue as it is now: over every SOP's latest head."""
    return format_segel(catalogue_head({slug: chain[-1] for slug, chain
                                        in catalogue_chains(session).items()}))
