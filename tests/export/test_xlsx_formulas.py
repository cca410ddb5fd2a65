"""Every text of every workbook we write is a string cell, never a formula: a Kegiatan,
title or note beginning with =, +, -, @ opens in Excel or LibreOffice as it was written."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date
from xml.etree import ElementTree

import pytest

from kecamatan_desktop.export.spreadsheet import write_monitoring_xlsx, write_rounds_xlsx
from kecamatan_desktop.services import catalogue, editing, monitoring, rounds
from tests.services.conftest import session  # noqa: F401 (fixture)
from tests.services.test_rounds import RENJA, run_renja

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
HYPERLINK = '=HYPERLINK("http://x","klik")'
RISKY = [HYPERLINK, "=1+1", "+62 341 123", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r\n=1+1",
         "#N/A"]


def cells(path) -> list[tuple[str | None, bool, str]]:
    """Every cell of every sheet, read from the file's XML: (its type, whether it holds a
    formula, its text)."""
    out = []
    with zipfile.ZipFile(path) as book:
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
                      for si in root.findall("m:si", NS)]
        for name in book.namelist():
            if not name.startswith("xl/worksheets/sheet"):
                continue
            for c in ElementTree.fromstring(book.read(name)).iter(f"{{{NS['m']}}}c"):
                kind = c.get("t")
                if kind == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
                elif kind == "s":
                    text = shared[int(c.find("m:v", NS).text)]
                else:
                    v = c.find("m:v", NS)
                    text = v.text if v is not None else ""
                out.append((kind, c.find("m:f", NS) is not None, text))
    return out


def assert_text_not_formula(path, value: str) -> None:
    found = cells(path)
    assert not [c for c in found if c[1]], "a cell of the workbook is a formula"
    # a line break read back as the XML holds it: LF, or CR LF where the writer kept the CR
    texts = [t.replace("\r\n", "\n") for kind, _f, t in found if kind in ("inlineStr", "s")]
    assert value.replace("\r\n", "\n") in texts, f"{value!r} is not a string cell of the workbook"


def test_a_formula_in_a_kegiatan_is_text_in_the_monitoring_workbook(session, tmp_path):  # noqa: F811
    sop = catalogue.get_sop(RENJA, session=session).sop
    first = replace(sop.steps[0], activity=HYPERLINK)
    editing.save_revision(replace(sop, steps=(first, *sop.steps[1:])), session=session)
    form = monitoring.monitoring_form(RENJA, date(2026, 11, 1), date(2026, 11, 30),
                                      session=session)
    assert form.rows[0].procedure == HYPERLINK
    path = write_monitoring_xlsx([form], tmp_path / "monitoring.xlsx")
    assert_text_not_formula(path, HYPERLINK)


@pytest.mark.parametrize("value", RISKY)
def test_every_risky_text_of_the_monitoring_form_is_a_string_cell(session, tmp_path, value):  # noqa: F811
    form = monitoring.monitoring_form(RENJA, date(2026, 11, 1), date(2026, 11, 30),
                                      session=session)
    form.rows[1].notes = value  # every field is editable before printing
    form.rows[2].action = value
    path = write_monitoring_xlsx([form], tmp_path / "monitoring.xlsx")
    assert_text_not_formula(path, value)


def test_a_formula_in_a_round_title_and_note_is_text_in_the_rounds_workbook(session, tmp_path):  # noqa: F811
    r = run_renja(session)
    detail = rounds.get_round(r.id, session=session)
    detail = replace(detail, title=HYPERLINK)
    path = write_rounds_xlsx([detail], tmp_path / "putaran.xlsx")
    assert_text_not_formula(path, HYPERLINK)
