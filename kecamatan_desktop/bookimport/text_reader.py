"""Reading the text or Markdown a converter makes of an SOP book (as our seeds are): tables
as tab-separated or pipe-separated lines, HTML fragments in cells. Every identity table
("Nomor SOP") starts an SOP; the procedure table after it gives its steps. Text holds no
flowchart: each step's lanes and a decision's targets stay empty and are named as problems."""

from __future__ import annotations

import re
from pathlib import Path

from kecamatan_desktop.bookimport import ooxml_messages as msg
from kecamatan_desktop.bookimport.found import FoundSop, Problem
from kecamatan_desktop.bookimport.ooxml_grid import Grid, Header, find_header
from kecamatan_desktop.bookimport.ooxml_identity import label_of, read_identity
from kecamatan_desktop.bookimport.ooxml_package import Deadline
from kecamatan_desktop.bookimport.ooxml_steps import read_table
from kecamatan_desktop.domain.errors import InputError

MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_LINES = 200_000
MAX_CELLS_PER_LINE = 200
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def read_text(path: Path | str) -> list[FoundSop]:
    """Every SOP of the text book, in order; InputError when the file is no text or holds
    no identity table and no procedure table."""
    path = Path(path)
    grid, table_lines = _grid(path)
    deadline = Deadline(path.name, "berkas teks")
    starts = sorted({r for (r, c), t in grid.cells.items() if label_of(t) == "number"})
    headers = _headers(grid, deadline)
    if not starts and not headers:
        raise InputError(msg.NO_SOP.format(name=path.name))
    bounds = starts + [grid.rows]
    sops: list[FoundSop] = []
    loose = [h for h in headers if not starts or h.row < starts[0]]
    for header in loose:  # a procedure table before any identity table
        sops.append(_sop(path.name, grid, table_lines, None, header, deadline))
    for n, start in enumerate(starts):
        stop = bounds[n + 1]
        header = next((h for h in headers if start < h.row < stop), None)
        sops.append(_sop(path.name, grid, table_lines, (start, stop), header, deadline))
    return sops


def _grid(path: Path) -> tuple[Grid, set[int]]:
    """Each line a row; a line with tabs or pipes split into cells, any other line one
    cell. `table_lines` are the rows that were split (a table ends where they end)."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(msg.TOO_LARGE.format(name=path.name, size=round(size / 2**20, 1),
                                                  limit=MAX_TEXT_BYTES // 2**20))
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(msg.NOT_FOUND.format(name=path.name)) from exc
    if not raw.strip():
        raise InputError(msg.EMPTY.format(name=path.name))
    if b"\x00" in raw[:65536]:
        raise InputError(msg.NOT_TEXT.format(name=path.name))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(msg.NOT_TEXT.format(name=path.name)) from exc
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise InputError(msg.TOO_MANY_ROWS.format(name=path.name, count=len(lines),
                                                  limit=MAX_LINES))
    grid, table_lines = Grid(), set()
    r = -1
    for line in lines:
        if _PIPE_RULE.match(line) and "-" in line:
            continue  # a Markdown table's rule row: no row of the table
        r += 1
        cells = _cells(line)
        if len(cells) > 1:
            table_lines.add(r)
        for c, cell in enumerate(cells[:MAX_CELLS_PER_LINE]):
            if cell.strip():
                grid.cells[(r, c)] = cell
    return grid, table_lines


def _cells(line: str) -> list[str]:
    if "\t" in line:
        return line.split("\t")
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return [cell.strip() for cell in stripped.strip("|").split("|")]
    return [line]


def _headers(grid: Grid, deadline: Deadline) -> list[Header]:
    headers, start = [], 0
    for _ in range(grid.rows):  # each pass finds one header further on
        deadline.check()
        header = find_header(grid, start)
        if header is None:
            break
        headers.append(header)
        start = header.data_row
    return headers


def _sop(file: str, grid: Grid, table_lines: set[int], bounds, header: Header | None,
         deadline: Deadline) -> FoundSop:
    problems: list[Problem] = []
    if bounds is None:
        identity, missing = read_identity(Grid(), 0, 0)
        problems.append(Problem("identity", msg.NO_IDENTITY_SHEET))
    else:
        start, stop = bounds
        identity, missing = read_identity(grid, start, header.row if header else stop)
    if header is None:
        return FoundSop(source=file, identity=identity,
                        problems=(Problem("steps", msg.NO_PROCEDURE), *missing))
    end = header.data_row
    while end in table_lines:
        end += 1
    table = read_table(grid, header, end, None, deadline)
    return FoundSop(source=file, identity=identity, lanes=table.lanes, steps=table.steps,
                    problems=tuple(problems + missing + list(table.problems)))
