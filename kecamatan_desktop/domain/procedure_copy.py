"""Reuse of a procedure: another SOP's lanes and steps, decisions kept, in the SOP edited."""

from __future__ import annotations

from dataclasses import replace

from kecamatan_desktop.domain.edits import EditRefused
from kecamatan_desktop.domain.sop import Sop


def has_procedure(sop: Sop) -> bool:
    """Whether copying into `sop` would replace something: a lane or a step."""
    return bool(sop.roles or sop.steps)


def copy_procedure(target: Sop, source: Sop) -> Sop:
    """`target` with the lanes and steps of `source` in place of its own; its identity sheet
    (office, number, name, dates, approver) stays as it was.

    Decision targets are positions in the step list, and the whole list is taken in its
    order, so every branch points at the same step as in `source`.
    """
    if not source.steps:
        raise EditRefused(f"SOP {source.name!r} belum punya prosedur; tidak ada yang disalin.")
    if source.id == target.id and source.roles == target.roles and source.steps == target.steps:
        raise EditRefused(f"Prosedur SOP {target.name!r} sudah sama dengan yang akan disalin.")
    return replace(target, roles=source.roles, steps=source.steps)
