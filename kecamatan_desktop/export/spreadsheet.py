"""Excel workbooks (.xlsx) of round logs, for the office's SAKIP reports."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from kecamatan_desktop.domain.rounds import event_details
from kecamatan_desktop.domain.tanggal import wall_clock
from kecamatan_desktop.services.rounds import RoundDetail

STEP_HEADER = ("Putaran", "Judul", "SOP", "Revisi", "Urutan", "No", "Kegiatan", "Pelaksana",
               "Pegawai", "Diterima", "Diserahkan", "Baku (menit kerja)",
               "Nyata (menit kerja)", "Terlambat", "Keputusan", "Output", "Catatan",
               "Zona waktu", "Dikoreksi")
EVENT_HEADER = ("Putaran", "#", "Peristiwa", "Waktu kejadian", "Waktu dicatat", "Dicatat oleh",
                "Langkah", "Pegawai", "Keputusan", "Output", "Catatan", "Zona waktu",
                "Koreksi atas #", "Dikoreksi oleh #")
LATE = PatternFill("solid", fgColor="F8D7D3")


def _sheet(wb: Workbook, title: str, header: tuple[str, ...], rows: Iterable[list],
           late_column: int | None = None):
    ws = wb.create_sheet(title)
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
        if late_column is not None and row[late_column] == "Ya":
            for cell in ws[ws.max_row]:
                cell.fill = LATE
    for i, name in enumerate(header, 1):
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(45, len(name) + 4))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.is_date:
                cell.number_format = "yyyy-mm-dd hh:mm"
    ws.freeze_panes = "A2"
    return ws


def write_rounds_xlsx(details: Iterable[RoundDetail], path: Path) -> Path:
    """Sheet "Langkah": one row per pass through a step; sheet "Peristiwa": the event log."""
    details = list(details)
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Langkah", STEP_HEADER, (
        # Excel has no time zones: the office's wall-clock time, its zone in a column
        [d.id, d.title, d.sop_name, d.sop_revision, s.position, s.no,
         d.sop.steps[s.position - 1].activity, s.role, s.officer, wall_clock(s.received_at, d.tz),
         wall_clock(s.handed_at, d.tz), s.standard_minutes, s.working_minutes,
         "Ya" if s.late else "Tidak", s.decision or "", s.output, s.note, d.zone,
         "Ya" if s.corrected else ""]
        for d in details for s in d.steps), late_column=13)
    _sheet(wb, "Peristiwa", EVENT_HEADER, (
        [d.id, e.seq, e.label, wall_clock(e.occurred_at, d.tz), wall_clock(e.entered_at, d.tz),
         e.entered_by, e.position, e.officer, e.decision or "", e.output,
         event_details(e, d.tz) if e.corrects else e.note, d.zone, e.corrects,
         ", ".join(map(str, e.corrected_by))]
        for d in details for e in d.events))
    wb.save(path)
    return Path(path)
