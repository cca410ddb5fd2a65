"""Round report, monitoring and evaluation forms as PDFs, and the Excel export, read back."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from kecamatan_desktop.export.pdf_rounds import (
    report_rows,
    write_evaluation_form,
    write_monitoring_form,
    write_round_report,
)
from kecamatan_desktop.export.spreadsheet import write_rounds_xlsx
from kecamatan_desktop.services import monitoring
from tests.services.conftest import session  # noqa: F401 (fixture)
from tests.services.test_archive import make_rounds
from tests.services.test_rounds import RENJA, run_renja


def text_of(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def test_report_rows_have_one_line_per_pass(session):  # noqa: F811
    detail = run_renja(session)
    rows = report_rows(detail)
    assert rows[0][:3] == ["No", "Langkah", "Pelaksana"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6", "5", "6", "7", "8", "9",
                                        "10", "11", "12"]
    assert rows[6][9] == "Tidak" and rows[8][9] == "Ya"


def test_round_report_pdf(session, tmp_path):  # noqa: F811
    detail = run_renja(session)
    text = text_of(write_round_report(detail, tmp_path / "laporan.pdf"))
    assert "LAPORAN PUTARAN: RENJA 2027" in text
    assert "Penyusunan Rencana Kerja (Renja)" in text
    assert "Dewi Lestari" in text and "Drs. SUKARLIN, M.Si." in text
    assert "putaran balik: 1" in text
    assert "Jumlah" in text and "Putaran selesai" in text


def test_monitoring_form_is_prefilled(session, tmp_path):  # noqa: F811
    run_renja(session)
    form = monitoring.monitoring_form(RENJA, date(2026, 11, 1), date(2026, 11, 30),
                                      session=session)
    assert form.rounds == 1 and len(form.rows) == 12
    six = form.rows[5]
    assert six.assessment == monitoring.NOT_GOOD and "1 kali dikembalikan" in six.notes
    three = form.rows[2]  # 40 minutes against 1 hari: kept to the standard
    assert three.assessment == monitoring.GOOD and three.notes == ""
    form.rows[2].notes = "Diubah sebelum dicetak"
    text = text_of(write_monitoring_form(form, tmp_path / "monitoring.pdf"))
    assert "MONITORING PELAKSANAAN SOP AP" in text and "Diubah sebelum dicetak" in text
    assert "Tindakan yang Harus Diambil" in text


def test_evaluation_form(session, tmp_path):  # noqa: F811
    form = monitoring.evaluation_form(RENJA, date(2026, 12, 1), session=session)
    assert len(form.answers) == 7
    form.answers[0].answer = True
    form.answers[1].answer = False
    form.answers[1].note = "Istilah teknis perlu dijelaskan"
    text = text_of(write_evaluation_form(form, tmp_path / "evaluasi.pdf"))
    assert "EVALUASI PENERAPAN SOP AP" in text
    assert "Sinergi satu dengan lainnya" in text and "Istilah teknis perlu dijelaskan" in text


def test_evaluation_form_check_marks_are_drawn_in_a_face_that_has_them(session,  # noqa: F811
                                                                       tmp_path):
    form = monitoring.evaluation_form(RENJA, date(2026, 12, 1), session=session)
    form.answers[0].answer = True
    form.answers[1].answer = False
    reader = PdfReader(write_evaluation_form(form, tmp_path / "evaluasi.pdf"))
    page = reader.pages[0]
    assert page.extract_text().count("✓") == 2
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1]: f.get_object()
             for f in page["/Resources"]["/Font"].values()}
    assert "DejaVuSans" in fonts  # Liberation Sans has no ✓: it printed as a box
    cmap = fonts["DejaVuSans"]["/ToUnicode"].get_object().get_data().decode("latin-1")
    assert "2713" in cmap.upper()


def test_xlsx_of_a_round(session, tmp_path):  # noqa: F811
    detail = run_renja(session)
    path = write_rounds_xlsx([detail], tmp_path / "putaran.xlsx")
    wb = load_workbook(path)
    steps = list(wb["Langkah"].values)
    assert steps[0][0] == "Putaran" and len(steps) == 1 + 14
    assert steps[1][5] == "1" and steps[1][13] == "Ya"  # step 1 took 40 of 10 minutes
    events = list(wb["Peristiwa"].values)
    assert len(events) == 1 + len(detail.events)
    assert events[1][2] == "Putaran dimulai"


def test_steps_no_round_reached_are_left_blank_not_judged(session, tmp_path):  # noqa: F811
    make_rounds(session, titles=("Renja 2027",))  # steps 1 and 2 done, step 3 in hand
    form = monitoring.monitoring_form(RENJA, date(2026, 11, 1), date(2026, 11, 30),
                                      session=session)
    assert form.rounds == 1
    assert [r.assessment != "" for r in form.rows] == [True, True] + [False] * 10
    assert (form.rows[2].notes, form.rows[2].reached) == (monitoring.IN_PROGRESS, True)
    for row in form.rows[3:]:
        assert (row.assessment, row.notes, row.action) == ("", monitoring.NOT_REACHED, "")
        assert not row.reached
    text = " ".join(text_of(write_monitoring_form(form, tmp_path / "monitoring.pdf")).split())
    assert text.count("Tidak dilaksanakan dalam periode ini") == 9
    assert text.count(monitoring.NOT_GOOD) == sum(r.assessment == monitoring.NOT_GOOD
                                                  for r in form.rows[:2])


def test_a_period_without_rounds_judges_nothing(session):  # noqa: F811
    make_rounds(session, titles=("Renja 2027",))
    form = monitoring.monitoring_form(RENJA, date(2026, 12, 1), date(2026, 12, 31),
                                      session=session)
    assert form.rounds == 0
    assert {(r.assessment, r.notes, r.reached) for r in form.rows} == {
        ("", monitoring.NOT_REACHED, False)}
