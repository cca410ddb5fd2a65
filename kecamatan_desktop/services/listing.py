"""The catalogue list's lines, and the quick read of them at start-up: SQLite only, no
SQLAlchemy, so the window can show the catalogue before the rest of the program loads."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SopSummary:
    """One line of the catalogue list."""

    id: str
    name: str
    number: str
    office: str
    revision: int
    steps: int
    search_text: str
    is_draft: bool = False
    archived: bool = False


@dataclass(frozen=True)
class CatalogueListing:
    """The window's list: the SOPs and the offices to filter them by."""

    sops: list[SopSummary]
    offices: list[str]


def summaries(sops: Iterable[tuple], steps: Iterable[tuple], *,
              include_archived: bool = False) -> list[SopSummary]:
    """Lines of the list from (revision id, slug, name, number, office, revision, is_draft,
    archived) rows and their steps' (revision id, activity, requirements, output, notes);
    archived SOPs only with `include_archived`."""
    step_text: dict[int, list[str]] = defaultdict(list)
    for rev_id, *texts in steps:
        step_text[rev_id].append(" ".join(texts))
    return [SopSummary(id=slug, name=name, number=number, office=office, revision=revision,
                       steps=len(step_text[rev_id]),
                       search_text=" ".join([name, number, *step_text[rev_id]]),
                       is_draft=bool(is_draft), archived=bool(archived))
            for rev_id, slug, name, number, office, revision, is_draft, archived in sops
            if include_archived or not archived]


def quick_listing(path: Path) -> CatalogueListing | None:
    """The catalogue as the window first shows it (archived SOPs left out), or None when the
    file needs the full way in first (missing, older or newer schema, locked, damaged)."""
    from kecamatan_desktop.store.snapshot import read_catalogue

    rows = read_catalogue(path)
    if rows is None:
        return None
    return CatalogueListing(summaries(rows.sops, rows.steps), rows.offices)
