"""The identity form stops typing at a field's limit and never cuts a longer saved text."""

from __future__ import annotations

from dataclasses import replace

from kecamatan_desktop.services.catalogue import StoredSop
from kecamatan_desktop.ui.editor.document import SopDocument
from kecamatan_desktop.ui.editor.identity_form import IdentityForm
from tests.export.sample_sops import seed_sop


def _form(qtbot, sop) -> tuple[SopDocument, IdentityForm]:
    document = SopDocument()
    document.load(StoredSop(sop, revision=1, current_revision=1))
    form = IdentityForm(document)
    qtbot.addWidget(form)
    return document, form


def test_typing_stops_at_the_limit_of_the_field(qtbot):
    document, form = _form(qtbot, seed_sop("poncokusumo-2018-renja"))
    name = form.line_edits["name"]
    name.selectAll()
    qtbot.keyClicks(name, "N" * 305)
    assert document.sop.name == "N" * 300
    written = form.date_texts["created"]
    form.date_set["created"].setChecked(True)
    qtbot.keyClicks(written, "Oktober 2024 " * 30)  # 390 characters typed
    assert len(document.sop.created_text) == 300


def test_a_longer_text_saved_before_is_shown_whole_not_cut(qtbot):
    long_name = "Penyusunan Rencana Kerja " * 16  # 400 characters, from an older database
    document, form = _form(qtbot, replace(seed_sop("poncokusumo-2018-renja"), name=long_name))
    assert form.line_edits["name"].text() == long_name
    assert document.sop.name == long_name and not document.is_modified
