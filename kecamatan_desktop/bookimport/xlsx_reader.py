"""Reading an SOP book kept as an Excel workbook: the cells with openpyxl, the merged
ranges and the flowchart's shapes from the sheet's XML parts. One SOP per procedure sheet;
an identity sheet (label/value cells, e.g. COVER) gives its identity to the procedure sheet
after it."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

from kecamatan_desktop.bookimport import ooxml_messages as msg
from kecamatan_desktop.bookimport.found import FoundSop, Problem
from kecamatan_desktop.bookimport.ooxml_chart import Chart
from kecamatan_desktop.bookimport.ooxml_drawing import sheet_chart
from kecamatan_desktop.bookimport.ooxml_grid import Grid, Header, clean, find_header, one_line
from kecamatan_desktop.bookimport.ooxml_identity import has_identity, read_identity
from kecamatan_desktop.bookimport.ooxml_package import Deadline, Package, q
from kecamatan_desktop.bookimport.ooxml_steps import read_table
from kecamatan_desktop.domain.errors import InputError

MAX_CELLS = 200_000  # one sheet; an SOP sheet holds a few hundred
KIND = "buku kerja Excel (.xlsx)"
_DIMENSION = re.compile(
    rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?\"")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})\"")


def read_xlsx(path: Path | str) -> list[FoundSop]:
    """Every SOP of the workbook, in sheet order; InputError when it is no readable
    workbook or holds no procedure sheet."""
    path = Path(path)
    with Package(path, KIND, ".xlsx", "Excel 97-2003 .xls") as package:
        package.require("xl/workbook.xml")
        sheets = _sheet_parts(package)
        book = _open_book(path, package.name)
        try:
            grids = [(name, part, _cells_and_merges(package, book, name, part, index))
                     for index, (name, part) in enumerate(sheets)]
        finally:
            book.close()
        return _sops(package, path.name, grids)


def _open_book(path: Path, file: str):
    import openpyxl  # imported here: only this reader needs it, and it takes a while

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of extensions it does not know
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise InputError(msg.CORRUPT.format(name=file, kind=KIND, detail=exc)) from exc


def _sheet_parts(package: Package) -> list[tuple[str, str]]:
    book = package.xml("xl/workbook.xml")
    rels = package.relationships("xl/workbook.xml")
    sheets = []
    for sheet in book.iter(q("s:sheet")):
        part = rels.get(sheet.get(q("r:id"), ""))
        if part and package.has(part):
            sheets.append((sheet.get("name", ""), part))
    return sheets


def _cells_and_merges(package: Package, book, name: str, part: str, index: int) -> Grid:
    """The sheet's cells (text as shown) and merged ranges; its size is checked from the
    part's declared dimension and length before any cell is read."""
    data = package.read(part)
    deadline = Deadline(package.name, f"lembar '{name}'")
    dimension = _DIMENSION.search(data[:4096])
    if dimension and dimension.group(3):
        rows = int(dimension.group(4)) - int(dimension.group(2)) + 1
        cols = _col(dimension.group(3)) - _col(dimension.group(1)) + 1
        if rows * cols > MAX_CELLS:
            raise InputError(msg.TOO_MANY_CELLS.format(name=package.name, sheet=name,
                                                       count=rows * cols, limit=MAX_CELLS))
    grid = Grid()
    for match in _MERGE.finditer(data):
        c0, r0, c1, r1 = match.groups()
        top, left = int(r0) - 1, _col(c0) - 1
        grid.spans[(top, left)] = (int(r1) - top, _col(c1) - left)
    for (r, c), text in _cell_values(book, index, deadline, name, package.name):
        grid.cells[(r, c)] = text
    return grid


def _cell_values(book, index: int, deadline: Deadline, sheet: str, file: str):
    try:
        sheet_ws = book.worksheets[index]
        if not hasattr(sheet_ws, "reset_dimensions"):
            return  # a chart sheet: no cells
        sheet_ws.reset_dimensions()  # the declared dimension may be wrong; the limit holds
        count = 0
        for row in sheet_ws.iter_rows():
            deadline.check()
            for cell in row:
                value = getattr(cell, "value", None)
                if value is None:
                    continue
                count += 1
                if count > MAX_CELLS:
                    raise InputError(msg.TOO_MANY_CELLS.format(
                        name=file, sheet=sheet, count=f">{MAX_CELLS}", limit=MAX_CELLS))
                yield (cell.row - 1, cell.column - 1), _text(value)
    except InputError:
        raise
    except Exception as exc:  # a damaged sheet part
        raise InputError(msg.CORRUPT.format(name=file, kind=KIND, detail=exc)) from exc


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    return str(value)


def _col(letters: bytes) -> int:
    number = 0
    for ch in letters.decode():
        number = number * 26 + ord(ch) - 64
    return number


def _sops(package: Package, file: str, grids) -> list[FoundSop]:
    sops: list[FoundSop] = []
    pending: tuple[int, Grid] | None = None  # an identity sheet waiting for its procedure
    found_procedure = False
    for index, (name, part, grid) in enumerate(grids):
        header = find_header(grid)
        if header is None:
            if has_identity(grid, 0, grid.rows):
                if pending is not None:
                    sops.append(_identity_only(file, *pending))
                pending = (index, grid)
            continue
        found_procedure = True
        deadline = Deadline(file, f"lembar '{name}'")
        chart = sheet_chart(package, part, name, deadline)
        if has_identity(grid, 0, header.row):
            identity_source = (index, grid, header.row)
        elif pending is not None:
            identity_source = (pending[0], pending[1], pending[1].rows)
            pending = None
        else:
            identity_source = None
        sops.append(_procedure(file, index, name, grid, header, chart, identity_source,
                               deadline))
    if not found_procedure:
        raise InputError(msg.NO_PROCEDURE_SHEET.format(name=file))
    if pending is not None:
        sops.append(_identity_only(file, *pending))
    return sops


def _procedure(file: str, index: int, name: str, grid: Grid, header: Header, chart: Chart,
               identity_source, deadline: Deadline) -> FoundSop:
    stop = max([grid.rows, *(s.row + 1 for s in chart.shapes)])
    table = read_table(grid, header, stop, chart, deadline, page_rows=True)
    problems: list[Problem] = []
    if identity_source is None:
        identity, missing = read_identity(Grid(), 0, 0)
        problems.append(Problem("identity", msg.NO_IDENTITY_SHEET))
        pages = (index + 1,)
    else:
        source_index, source_grid, stop_row = identity_source
        identity, missing = read_identity(source_grid, 0, stop_row)
        pages = tuple(sorted({source_index + 1, index + 1}))
    title = _title(grid, header.row)
    if not identity.get("name") and title:
        identity["name"] = title
        missing = [p for p in missing if p.path != "identity.name"]
        problems.append(Problem("identity.name", msg.NAME_FROM_TITLE.format(title=title)))
    return FoundSop(source=file, identity=identity, lanes=table.lanes, steps=table.steps,
                    problems=tuple(problems + missing + list(table.problems)), pages=pages)


def _identity_only(file: str, index: int, grid: Grid) -> FoundSop:
    identity, missing = read_identity(grid, 0, grid.rows)
    return FoundSop(source=file, identity=identity,
                    problems=(Problem("steps", msg.NO_PROCEDURE), *missing),
                    pages=(index + 1,))


def _title(grid: Grid, header_row: int) -> str:
    """The text nearest above the procedure header: the sheet's title row."""
    for r in range(header_row - 1, -1, -1):
        texts = [one_line(clean(t)) for _, t in sorted(grid.row(r).items())]
        if texts:
            return " ".join(texts)
    return ""
