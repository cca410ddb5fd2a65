"""Excel workbooks (.xlsx) of round logs, for the office's SAKIP reports.

Written in openpyxl's write-only mode, row by row as the rows stream in (memory and time
grow with the rows, not with their square), to a temporary file in the same folder that
replaces the target only when whole: a cancelled or failed export leaves no half file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from kecamatan_desktop.domain.errors import Cancelled
from kecamatan_desktop.services.monitoring import MonitoringForm
from kecamatan_desktop.services.rounds import RoundDetail
from kecamatan_desktop.services.workbook import (
    EVENT_HEADER,
    LATE_COLUMN,
    STEP_HEADER,
    RoundsWorkbook,
    workbook_of_details,
)

LATE = PatternFill("solid", fgColor="F8D7D3")
BOLD = Font(bold=True)
TIME_FORMAT = "yyyy-mm-dd hh:mm"
PROGRESS_EVERY = 1_000  # rows between two progress reports

Progress = Callable[[int, int], bool] | None


class _Rows:
    """Counts rows written across both sheets and reports them; False from `progress`
    stops the export."""

    def __init__(self, total: int, progress: Progress):
        self.done, self.total, self.progress = 0, total, progress

    def tick(self) -> None:
        self.done += 1
        due = self.done % PROGRESS_EVERY == 0 or self.done == self.total
        if due and self.progress is not None and self.progress(self.done, self.total) is False:
            raise Cancelled("Ekspor dibatalkan; tidak ada berkas yang ditulis")


def _sheet(wb: Workbook, title: str, header: tuple[str, ...], rows: Iterable[list],
           counter: _Rows, late_column: int | None = None) -> None:
    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    _rows_under_header(ws, header, rows, counter, late_column)


def _rows_under_header(ws, header: tuple[str, ...], rows: Iterable[list],
                       counter: _Rows | None = None, late_column: int | None = None) -> None:
    """A bold header, then the rows; a late row filled, times in the office's format."""
    for i, name in enumerate(header, 1):
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(45, len(name) + 4))

    def cell(value, fill=None):
        c = WriteOnlyCell(ws, value)
        if isinstance(value, datetime):
            c.number_format = TIME_FORMAT
        if fill is not None:
            c.fill = fill
        return c

    head = []
    for name in header:
        c = WriteOnlyCell(ws, name)
        c.font = BOLD
        head.append(c)
    ws.append(head)
    for row in rows:
        if late_column is not None and row[late_column] == "Ya":
            ws.append([cell(v, LATE) for v in row])
        else:
            ws.append([cell(v) if isinstance(v, datetime) else v for v in row])
        if counter is not None:
            counter.tick()


def _save_whole(path: Path, fill: Callable[[Workbook], None]) -> Path:
    """Build the workbook into a temporary file beside `path`, then put it in place."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    wb = Workbook(write_only=True)
    try:
        try:
            fill(wb)
        except BaseException:
            for ws in wb.worksheets:  # end each sheet's scratch file, which openpyxl keeps
                ws.close()
            raise
        wb.save(temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return path


def write_workbook(book: RoundsWorkbook, path: Path, *, progress: Progress = None) -> Path:
    """Sheet "Langkah": one row per pass through a step; sheet "Peristiwa": the event log.
    `progress(done, total)` is told every thousand rows; False cancels (Cancelled)."""
    counter = _Rows(book.passes + book.events, progress)

    def fill(wb: Workbook) -> None:
        _sheet(wb, "Langkah", STEP_HEADER, book.step_rows, counter, late_column=LATE_COLUMN)
        _sheet(wb, "Peristiwa", EVENT_HEADER, book.event_rows, counter)

    return _save_whole(path, fill)


MONITORING_HEADER = ("No", "Prosedur", "Penilaian terhadap Penerapan",
                     "Catatan Hasil Penilaian", "Tindakan yang Harus Diambil", "Paraf Penilai")


def write_monitoring_xlsx(forms: Iterable[MonitoringForm], path: Path, *,
                          progress: Progress = None) -> Path:
    """One sheet per SOP: the monitoring form's heading lines, then a row per step."""
    forms = list(forms)
    counter = _Rows(len(forms), progress)

    def fill(wb: Workbook) -> None:
        used: set[str] = set()
        for i, form in enumerate(forms, 1):
            title = form.sop_name[:26].strip(" []:*?/\\") or "SOP"
            if title in used:
                title = f"{title[:22]} ({i})"
            used.add(title)
            heading = [[f"Nama SOP: {form.sop_name}"], [f"Unit kerja: {form.office}"],
                       [f"Periode: {form.period} ({form.rounds} putaran tercatat)"], []]
            rows = [[r.no, r.procedure, r.assessment, r.notes, r.action, r.initials]
                    for r in form.rows]
            ws = wb.create_sheet(title)
            for line in heading:
                ws.append(line)
            _rows_under_header(ws, MONITORING_HEADER, rows)
            counter.tick()

    return _save_whole(path, fill)


def write_rounds_xlsx(details: Iterable[RoundDetail], path: Path, *,
                      progress: Progress = None) -> Path:
    """The workbook of rounds already read (a round's page, a few rounds)."""
    return write_workbook(workbook_of_details(details), path, progress=progress)
