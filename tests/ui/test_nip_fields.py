"""Where a NIP is asked, its example is made up: the right shape (18 digits, written 8 6 1 3),
never a real person's (no one is born on 1234-56-78), and none of the NIPs the program holds."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLineEdit

from kecamatan_desktop.domain.nip import NipError, check_nip
from kecamatan_desktop.services import officers
from kecamatan_desktop.ui.office_profile import OfficeProfileDialog
from kecamatan_desktop.ui.rounds.directory import OfficerDirectory
from tests.conftest import SEED_FILES

NIP_AS_WRITTEN = re.compile(r"\b\d{8} \d{6} \d \d{3}\b")


def nip_fields(widget) -> list[QLineEdit]:
    return [edit for edit in widget.findChildren(QLineEdit) if "nip" in edit.objectName().lower()]


def test_no_nip_field_shows_a_real_persons_nip(qtbot, catalogue_db):
    with catalogue_db.session() as session:
        known = {o.nip.replace(" ", "") for o in officers.list_officers(session=session)}
    known |= {m.replace(" ", "") for path in SEED_FILES
              for m in NIP_AS_WRITTEN.findall(path.read_text(encoding="utf-8"))}
    assert "196502021987101001" in known  # the Camat's, once the directory's example
    dialogs = [OfficerDirectory(catalogue_db),
               OfficeProfileDialog(catalogue_db, "Kecamatan Poncokusumo")]
    fields = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        fields += nip_fields(dialog)
    assert len(fields) >= 2  # the directory's and the decree signatory's
    examples = [edit.placeholderText() for edit in fields if edit.placeholderText()]
    assert examples, "the directory's NIP field shows how a NIP is written"
    for example in examples:
        shapes = NIP_AS_WRITTEN.findall(example)
        assert shapes and "18 angka" in example
        for shape in shapes:
            assert shape.replace(" ", "") not in known
            with pytest.raises(NipError, match="tanggal lahir"):
                check_nip(shape)
