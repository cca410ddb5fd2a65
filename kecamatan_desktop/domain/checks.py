"""Periksa SOP: rules an SOP AP (Permenpan-RB 35/2012) should keep, one function each.

Each rule reads a `Sop` (and, for the rules across SOPs, the office's catalogue) and gives
`Finding`s: which rule, how bad, where, and an Indonesian message saying what and why.
Dismissing a finding is kept elsewhere (services/checking.py); here a finding's `place` is
its key, in the form the import rules use (`legal_basis[0]`, `steps[4].time`, `roles[2]`).
The rules live by what they read: checks_legal, checks_identity, checks_steps, checks_text.
"""

from __future__ import annotations

from collections.abc import Callable

from kecamatan_desktop.domain.checks_base import ERROR, WARNING, Context, DecreeText, Finding
from kecamatan_desktop.domain.checks_identity import (
    check_approver,
    check_dates,
    check_empty_cells,
    check_number,
    check_qualifications,
    check_related,
    check_same_name,
    names_sop,
)
from kecamatan_desktop.domain.checks_legal import check_decree, check_legal_basis, sop_year
from kecamatan_desktop.domain.checks_steps import (
    check_activity_verb,
    check_handoff,
    check_procedure_drawn,
    check_step_lanes,
    check_step_numbers,
    check_step_time,
    check_unused_lanes,
)
from kecamatan_desktop.domain.checks_text import (
    check_cut_off,
    check_list_endings,
    check_repeated_words,
)
from kecamatan_desktop.domain.morphology import Lexicon, load_lexicon
from kecamatan_desktop.domain.sop import Sop

__all__ = [
    "ERROR", "RULES", "WARNING", "Context", "DecreeText", "Finding", "Lexicon",
    "check_activity_verb", "check_approver", "check_cut_off", "check_dates", "check_decree",
    "check_empty_cells", "check_handoff", "check_legal_basis", "check_list_endings",
    "check_number", "check_procedure_drawn", "check_qualifications", "check_related",
    "check_repeated_words", "check_same_name", "check_sop", "check_step_lanes",
    "check_step_numbers", "check_step_time", "check_unused_lanes", "load_lexicon",
    "names_sop", "sop_year",
]

RULES: tuple[Callable[[Sop, Context], list[Finding]], ...] = (
    check_number, check_same_name, check_dates, check_approver, check_legal_basis,
    check_qualifications, check_related, check_empty_cells, check_list_endings,
    check_repeated_words, check_cut_off, check_procedure_drawn, check_unused_lanes,
    check_step_lanes, check_step_numbers, check_step_time, check_activity_verb, check_handoff,
)


def check_sop(sop: Sop, ctx: Context) -> list[Finding]:
    """Every rule over `sop`, identity sheet first, then lanes, then steps."""
    return [finding for rule in RULES for finding in rule(sop, ctx)]
