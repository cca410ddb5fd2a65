"""Excel workbooks (.xlsx) of round logs and monitoring forms, for the office's SAKIP
reports.

The rounds workbook streams its rows into the file as they come (export/xlsx_stream.py:
time and memory grow with the rows, not with their square); the small monitoring workbook
is openpyxl's write-only mode. Both write every text as a string cell, never a formula
(export/xlsx_text.py). Both go to a temporary file in the same folder that replaces
the target only when whole: a cancelled or failed export leaves no half file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from kecamatan_desktop.domain.errors import Cancelled
from kecamatan_desktop.export.atomic import replacing_one
from kecamatan_desktop.export.xlsx_stream import StreamingWorkbook
from kecamatan_desktop.export.xlsx_text import row_cells, text_cell
from kecamatan_desktop.services.monitoring import MonitoringForm, segel_line
from kecamatan_desktop.services.rounds import RoundDetail
from kecamatan_desktop.services.workbook import (
    EVENT_HEADER,
    LATE_COLUMN,
    STEP_HEADER,
    RoundsWorkbook,
    workbook_of_details,
)

BOLD = Font(bold=True)
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


def _rows_under_header(ws, header: tuple[str, ...], rows: Iterable[list]) -> None:
    """A bold header, then the rows (openpyxl, for the small monitoring workbook); every
    text a string cell, never a formula (export/xlsx_text.py)."""
    for i, name in enumerate(header, 1):
        ws.column_dimensions[get_column_letter(i)].width = _width(name)
    ws.append([text_cell(ws, name, font=BOLD) for name in header])
    for row in rows:
        ws.append(row_cells(ws, row))


def _width(name: str) -> int:
    return max(10, min(45, len(name) + 4))


def _save_whole(path: Path, write: Callable[[Path], None]) -> Path:
    """Write into a temporary file beside `path`, then put it in place (export/atomic.py): a
    failed or cancelled export leaves neither a half file nor the temporary one."""
    with replacing_one(Path(path)) as temp:
        write(temp)
    return Path(path)


def write_workbook(book: RoundsWorkbook, path: Path, *, progress: Progress = None) -> Path:
    """Sheet "Langkah": one row per pass through a step; sheet "Peristiwa": the event log.
    `progress(done, total)` is told every thousand rows; False cancels (Cancelled)."""
    counter = _Rows(book.passes + book.events, progress)

    def write(temp: Path) -> None:
        with StreamingWorkbook(temp) as wb:
            for title, header, rows, late in (
                    ("Langkah", STEP_HEADER, book.step_rows, LATE_COLUMN),
                    ("Peristiwa", EVENT_HEADER, book.event_rows, None)):
                wb.sheet(title, header, rows, widths=[_width(h) for h in header],
                         late_column=late, on_row=counter.tick)

    return _save_whole(path, write)


MONITORING_HEADER = ("No", "Prosedur", "Penilaian terhadap Penerapan",
                     "Catatan Hasil Penilaian", "Tindakan yang Harus Diambil", "Paraf Penilai")


def write_monitoring_xlsx(forms: Iterable[MonitoringForm], path: Path, *,
                          progress: Progress = None) -> Path:
    """One sheet per SOP: the monitoring form's heading lines, then a row per step."""
    forms = list(forms)
    counter = _Rows(len(forms), progress)

    def write(temp: Path) -> None:
        wb = Workbook(write_only=True)
        used: set[str] = set()
        for i, form in enumerate(forms, 1):
            title = form.sop_name[:26].strip(" []:*?/\\") or "SOP"
            if title in used:
                title = f"{title[:22]} ({i})"
            used.add(title)
            heading = [[f"Nama SOP: {form.sop_name}"], [f"Unit kerja: {form.office}"],
                       [f"Periode: {form.period} ({form.rounds} putaran tercatat)"],
                       *([[segel_line(form)]] if form.segels else []), []]
            rows = [[r.no, r.procedure, r.assessment, r.notes, r.action, r.initials]
                    for r in form.rows]
            ws = wb.create_sheet(title)
            for line in heading:
                ws.append(row_cells(ws, line))
            _rows_under_header(ws, MONITORING_HEADER, rows)
            try:
                counter.tick()
            except Cancelled:
                for sheet in wb.worksheets:  # end openpyxl's scratch file of each sheet
                    sheet.close()
                raise
        wb.save(temp)

    return _save_whole(path, write)


def write_rounds_xlsx(details: Iterable[RoundDetail], path: Path, *,
                      progress: Progress = None) -> Path:
    """The workbook of rounds already read (a round's page, a few rounds)."""
    return write_workbook(workbook_of_details(details), path, progress=progress)
