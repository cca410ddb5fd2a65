"""PDFs of what rounds recorded: the round report, the monitoring and evaluation forms."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kecamatan_desktop.domain.round_lanes import event_names
from kecamatan_desktop.domain.round_spans import standard_text, worked_text
from kecamatan_desktop.domain.rounds import STATUS_LABELS, Status, event_details
from kecamatan_desktop.domain.tanggal import format_tanggal, format_waktu
from kecamatan_desktop.domain.zones import WIB
from kecamatan_desktop.export.atomic import replacing_one
from kecamatan_desktop.export.pdf_document import paper_size
from kecamatan_desktop.export.pdf_flowchart import HEADING_FILL
from kecamatan_desktop.export.pdf_fonts import REGULAR, sign
from kecamatan_desktop.export.pdf_sheets import CENTER_BOLD, DECREE_HEAD, TABLE_FONT, _style, para
from kecamatan_desktop.services.monitoring import EvaluationForm, MonitoringForm, segel_line
from kecamatan_desktop.services.rounds import RoundDetail

SMALL = _style("small", 8)
SMALL_BOLD = _style("small-bold", 8, True)
LATE_FILL = colors.Color(1, 0.87, 0.85)
NOT_REACHED_FILL = colors.Color(0.93, 0.93, 0.93)  # steps no round came to: set apart
MARGIN = 15 * mm


def when(t, tz=WIB) -> str:
    """A time on the office's clock (the report's heading names the zone)."""
    return format_waktu(t, tz, zone=False)


def minutes(m: int | None) -> str:
    if m is None:
        return "-"
    hours, rest = divmod(m, 60)
    return f"{hours} j {rest} m" if hours else f"{rest} m"


def report_rows(detail: RoundDetail) -> list[list[str]]:
    """The timeline table: one row per pass through a step (loops appear twice); a step in
    several lanes names them and their holders, a span of steps under one Waktu is timed
    once, on the pass ending the round's run through it."""
    tz = detail.tz
    header = ["No", "Langkah", "Pelaksana", "Pegawai", "Diterima", "Diserahkan", "Baku",
              "Nyata", "Terlambat", "Keputusan", "Output / Catatan"]
    rows = [header]
    for s in detail.steps:
        step = detail.sop.steps[s.position - 1]
        mark = " *" if s.corrected else ""  # a value of this pass comes from a correction
        rows.append([s.no + mark, step.activity, s.role, s.officer or "-",
                     when(s.received_at, tz), when(s.handed_at, tz),
                     standard_text(detail.sop, s.position, s, minutes),
                     worked_text(s, minutes),
                     "Ya" if s.late else "Tidak", (s.decision or "").capitalize(),
                     " / ".join(p for p in (s.output, s.note) if p)])
    return rows


def write_round_report(detail: RoundDetail, path: Path, *, paper: str = "f4") -> Path:
    size = paper_size(paper)
    landscape = (size[1], size[0])
    doc = SimpleDocTemplate(str(path), pagesize=landscape, leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                            title=f"Laporan putaran {detail.title}", initialFontName=REGULAR)
    width = landscape[0] - 2 * MARGIN
    status = STATUS_LABELS[Status(detail.status)]
    story = [para(f"LAPORAN PUTARAN: {detail.title.upper()}", DECREE_HEAD), Spacer(1, 4),
             para(f"SOP: {detail.sop_name} (revisi {detail.sop_revision}) — "
                  f"{detail.sop.office.name}"),
             para(f"Status: {status}. Dimulai {when(detail.steps[0].received_at, detail.tz)}"
                  + (f", berakhir {when(detail.ended_at, detail.tz)}" if detail.ended_at
                     else "")
                  + f"; putaran balik: {detail.loops}. Semua waktu {detail.zone}; waktu kerja "
                    "dihitung dalam menit kerja."),
             para(detail.calendar, SMALL),
             *_segel_lines(detail),
             Spacer(1, 8)]
    if detail.chain_problem:
        story.insert(3, para(f"PERINGATAN: riwayat putaran ini tidak utuh: "
                             f"{detail.chain_problem}", SMALL_BOLD))
    data = [[Paragraph(c, SMALL_BOLD if r == 0 else SMALL) for c in row]
            for r, row in enumerate(report_rows(detail))]
    total_row = ["", "Jumlah", "", "", "", "", minutes(detail.total_standard_minutes),
                 minutes(detail.total_working_minutes),
                 str(sum(s.late for s in detail.steps)), "", ""]
    data.append([Paragraph(c, SMALL_BOLD) for c in total_row])
    widths = [0.03, 0.2, 0.08, 0.1, 0.09, 0.09, 0.07, 0.07, 0.06, 0.07, 0.14]
    table = Table(data, colWidths=[w * width for w in widths], repeatRows=1)
    style = [TABLE_FONT, ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
             ("BACKGROUND", (0, 0), (-1, 0), HEADING_FILL), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r, s in enumerate(detail.steps, 1):
        if s.late:
            style.append(("BACKGROUND", (8, r), (8, r), LATE_FILL))
    table.setStyle(TableStyle(style))
    story.append(table)
    story += [Spacer(1, 10), para("Catatan peristiwa", CENTER_BOLD), Spacer(1, 4)]
    log = [[Paragraph(c, SMALL_BOLD) for c in ("#", "Waktu", "Dicatat", "Oleh", "Peristiwa",
                                                "Langkah", "Pegawai", "Keterangan")]]
    tz = detail.tz
    for e in detail.events:
        label = e.label + (f" (dikoreksi #{', #'.join(map(str, e.corrected_by))})"
                           if e.corrected_by else "")
        cells = [escape(c) for c in (
            str(e.seq), when(e.occurred_at, tz), when(e.entered_at, tz), e.entered_by, label,
            str(e.position or "-"), event_names(e.officer, e.changes) or "-",
            event_details(e, tz))]
        if e.voided_by:  # undone: kept in the record, struck through, counted nowhere
            cells = [f"<strike>{c}</strike>" for c in cells]
            cells[4] += f" (dibatalkan #{e.voided_by})"
        log.append([Paragraph(c, SMALL) for c in cells])
    log_table = Table(log, colWidths=[w * width for w in
                                      (0.04, 0.13, 0.13, 0.1, 0.12, 0.06, 0.14, 0.28)],
                      repeatRows=1)
    log_table.setStyle(TableStyle([TABLE_FONT, ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("BACKGROUND", (0, 0), (-1, 0), HEADING_FILL)]))
    story.append(log_table)
    if any(s.corrected for s in detail.steps):
        story += [Spacer(1, 4), para("* memakai nilai hasil koreksi; kejadian aslinya tetap "
                                     "tercatat di catatan peristiwa.", SMALL)]
    with replacing_one(Path(path)) as temp:
        doc.filename = str(temp)  # the title and margins stay; only the file differs
        doc.build(story)
    return Path(path)


def _segel_lines(detail: RoundDetail) -> list:
    """The segel of the history as printed: a later rewrite of it is caught by `check`."""
    if not detail.segel:
        return []
    return [para(f"Segel riwayat putaran {detail.id}: {detail.segel} (diperiksa dengan "
                 f"kecamatan-desktop check --segel {detail.segel} --round {detail.id})",
                 SMALL)]


def _monitoring_story(form: MonitoringForm, width: float) -> list:
    story = [para("MONITORING PELAKSANAAN SOP AP", DECREE_HEAD), Spacer(1, 6),
             para(f"Nama SOP: {form.sop_name}"), para(f"Unit kerja: {form.office}"),
             para(f"Periode: {form.period} ({form.rounds} putaran tercatat)"), Spacer(1, 8)]
    header = ["No", "Prosedur", "Penilaian terhadap Penerapan", "Catatan Hasil Penilaian",
              "Tindakan yang Harus Diambil", "Paraf Penilai"]
    data = [[Paragraph(h, SMALL_BOLD) for h in header]]
    for row in form.rows:
        data.append([Paragraph(c, SMALL) for c in (row.no, row.procedure, row.assessment,
                                                   row.notes, row.action, row.initials)])
    table = Table(data, colWidths=[w * width for w in (0.05, 0.3, 0.15, 0.25, 0.17, 0.08)],
                  repeatRows=1)
    style = [TABLE_FONT, ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
             ("BACKGROUND", (0, 0), (-1, 0), HEADING_FILL), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("BACKGROUND", (0, r), (-1, r), NOT_REACHED_FILL)
              for r, row in enumerate(form.rows, 1) if not row.reached]
    table.setStyle(TableStyle(style))
    story += [table, Spacer(1, 24), para(f"Penilai: {form.assessor or '.' * 40}")]
    if form.segels:
        story += [Spacer(1, 8), para(segel_line(form), SMALL)]
    return story


def write_monitoring_form(form: MonitoringForm, path: Path, *, paper: str = "f4") -> Path:
    return write_monitoring_forms([form], path, paper=paper)


def write_monitoring_forms(forms: Sequence[MonitoringForm], path: Path, *,
                           paper: str = "f4") -> Path:
    """One form after another, each from a new page (an office's SOPs for one period)."""
    size = paper_size(paper)
    landscape = (size[1], size[0])
    doc = SimpleDocTemplate(str(path), pagesize=landscape, leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                            title="Monitoring Pelaksanaan SOP AP", initialFontName=REGULAR)
    width = landscape[0] - 2 * MARGIN
    story: list = []
    for i, form in enumerate(forms):
        if i:
            story.append(PageBreak())
        story += _monitoring_story(form, width)
    with replacing_one(Path(path)) as temp:
        doc.filename = str(temp)  # the title and margins stay; only the file differs
        doc.build(story)
    return Path(path)


def write_evaluation_form(form: EvaluationForm, path: Path, *, paper: str = "f4") -> Path:
    size = paper_size(paper)
    doc = SimpleDocTemplate(str(path), pagesize=size, leftMargin=20 * mm,
                            rightMargin=20 * mm, topMargin=20 * mm, bottomMargin=20 * mm,
                            title="Evaluasi Penerapan SOP AP", initialFontName=REGULAR)
    width = size[0] - 40 * mm
    story = [para("EVALUASI PENERAPAN SOP AP", DECREE_HEAD), Spacer(1, 6),
             para(f"Nama SOP: {form.sop_name}"), para(f"Unit kerja: {form.office}"),
             para(f"Tanggal: {format_tanggal(form.date)}"), Spacer(1, 8)]
    data = [[Paragraph(h, SMALL_BOLD) for h in ("No", "Penilaian terhadap Penerapan", "Ya",
                                                  "Tidak", "Catatan")]]
    for i, a in enumerate(form.answers, 1):
        data.append([Paragraph(c, SMALL) for c in (
            str(i), escape(a.criterion), sign("✓") if a.answer is True else "",
            sign("✓") if a.answer is False else "", escape(a.note))])
    table = Table(data, colWidths=[w * width for w in (0.06, 0.46, 0.08, 0.08, 0.32)])
    table.setStyle(TableStyle([TABLE_FONT, ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BACKGROUND", (0, 0), (-1, 0), HEADING_FILL),
                               ("ALIGN", (2, 1), (3, -1), "CENTER"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 24), para(f"Penilai: {form.assessor or '.' * 40}")]
    with replacing_one(Path(path)) as temp:
        doc.filename = str(temp)  # the title and margins stay; only the file differs
        doc.build(story)
    return Path(path)
