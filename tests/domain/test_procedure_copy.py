"""Copying a procedure from one SOP into another: lanes, steps and decisions; identity kept."""

from __future__ import annotations

import pytest

from kecamatan_desktop.domain import edits
from kecamatan_desktop.domain.interchange import sop_from_dict
from kecamatan_desktop.domain.procedure_copy import copy_procedure, has_procedure
from tests.conftest import seed_dict


@pytest.fixture
def renja():
    return sop_from_dict(seed_dict("poncokusumo-2018-renja"))


@pytest.fixture
def ngantang():
    return sop_from_dict(seed_dict("ngantang-2021-renja"))


def test_the_procedure_comes_over_whole_and_the_identity_stays(renja, ngantang):
    after = copy_procedure(ngantang, renja)
    assert after.roles == ("Camat", "Sekcam", "Tim", "Kasubag Evapor", "Staf", "Kasubag Umum")
    assert after.steps == renja.steps and len(after.steps) == 12
    assert [(i + 1, s.decision.yes, s.decision.no) for i, s in enumerate(after.steps)
            if s.decision] == [(6, 7, 5), (7, 8, 4)]
    assert (after.id, after.office, after.name, after.number, after.approved_by) == (
        ngantang.id, ngantang.office, ngantang.name, ngantang.number, ngantang.approved_by)
    assert after.legal_basis == ngantang.legal_basis


def test_a_procedure_in_the_target_is_replaced_not_merged(renja, ngantang):
    started = edits.start_procedure(ngantang, "Lurah")
    assert has_procedure(started) and not has_procedure(ngantang)
    after = copy_procedure(started, renja)
    assert "Lurah" not in after.roles and after.steps == renja.steps


def test_nothing_to_copy_is_refused(renja, ngantang):
    with pytest.raises(edits.EditRefused, match="belum punya prosedur"):
        copy_procedure(renja, ngantang)
    with pytest.raises(edits.EditRefused, match="sudah sama"):
        copy_procedure(renja, renja)
