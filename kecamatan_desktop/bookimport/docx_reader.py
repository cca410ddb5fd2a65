"""Reading an SOP book kept as a Word document: its tables (`w:tbl`, with gridSpan and
vMerge), an identity table of label/value cells, the procedure table found by meaning and
the DrawingML shapes anchored in its cells. One SOP per procedure table; an identity table
gives its identity to the procedure table after it."""

from __future__ import annotations

from pathlib import Path

from kecamatan_desktop.bookimport import ooxml_messages as msg
from kecamatan_desktop.bookimport.found import FoundSop, Problem
from kecamatan_desktop.bookimport.ooxml_chart import Chart
from kecamatan_desktop.bookimport.ooxml_grid import Grid, clean, find_header, one_line
from kecamatan_desktop.bookimport.ooxml_identity import has_identity, read_identity
from kecamatan_desktop.bookimport.ooxml_package import Deadline, Package, local, q
from kecamatan_desktop.bookimport.ooxml_steps import read_table
from kecamatan_desktop.bookimport.ooxml_wordtable import WordTable, paragraph_text
from kecamatan_desktop.domain.errors import InputError

KIND = "dokumen Word (.docx)"
DOCUMENT = "word/document.xml"
MAX_CELLS = 200_000
MAX_SHAPES = 3000


def read_docx(path: Path | str) -> list[FoundSop]:
    """Every SOP of the document, in order; InputError when it is no readable Word document
    or holds neither an identity table nor a procedure table."""
    path = Path(path)
    with Package(path, KIND, ".docx", "Word 97-2003 .doc") as package:
        package.require(DOCUMENT)
        body = package.xml(DOCUMENT).find(q("w:body"))
        if body is None:
            raise InputError(msg.NOT_KIND.format(name=path.name, kind=KIND, part="w:body"))
        return _sops(path.name, body)


def _sops(file: str, body) -> list[FoundSop]:
    sops: list[FoundSop] = []
    pending: Grid | None = None
    title = ""
    cells = shapes = 0
    for number, element in enumerate(body, 1):
        name = local(element.tag)
        if name == "p":
            text = one_line(clean(paragraph_text(element)))
            title = text or title
            continue
        if name != "tbl":
            continue
        deadline = Deadline(file, f"tabel ke-{number}")
        table = WordTable(element, deadline)
        cells += table.cell_count
        shapes += len(table.shapes) + len(table.arrows) + len(table.labels)
        if cells > MAX_CELLS:
            raise InputError(msg.TOO_MANY_TABLE_CELLS.format(name=file, count=cells,
                                                             limit=MAX_CELLS))
        if shapes > MAX_SHAPES:
            raise InputError(msg.TOO_MANY_SHAPES.format(name=file, where="dokumen",
                                                        count=shapes, limit=MAX_SHAPES))
        grid = table.grid
        header = find_header(grid)
        if header is None:
            if has_identity(grid, 0, grid.rows):
                if pending is not None:
                    sops.append(_identity_only(file, pending))
                pending = grid
            continue
        if has_identity(grid, 0, header.row):
            source: tuple[Grid, int] | None = (grid, header.row)
        elif pending is not None:
            source, pending = (pending, pending.rows), None
        else:
            source = None
        sops.append(_procedure(file, table, header, source, title, deadline))
    if pending is not None:
        sops.append(_identity_only(file, pending))
    if not sops:
        raise InputError(msg.NO_SOP.format(name=file))
    return sops


def _procedure(file: str, table: WordTable, header, source, title: str,
               deadline: Deadline) -> FoundSop:
    chart = Chart(tuple(table.shapes), tuple(table.arrows), tuple(table.labels),
                  tuple(table.vml_rows))
    table_read = read_table(table.grid, header, table.grid.rows, chart, deadline)
    problems: list[Problem] = []
    if source is None:
        identity, missing = read_identity(Grid(), 0, 0)
        problems.append(Problem("identity", msg.NO_IDENTITY_SHEET))
    else:
        identity, missing = read_identity(source[0], 0, source[1])
    if not identity.get("name") and title:
        identity["name"] = title
        missing = [p for p in missing if p.path != "identity.name"]
        problems.append(Problem("identity.name", msg.NAME_FROM_TITLE.format(title=title)))
    for row in sorted(set(table.vml_rows)):
        problems.append(Problem("steps", msg.VML_ONLY.format(row=row + 1)))
    return FoundSop(source=file, identity=identity, lanes=table_read.lanes,
                    steps=table_read.steps,
                    problems=tuple(problems + missing + list(table_read.problems)))


def _identity_only(file: str, grid: Grid) -> FoundSop:
    identity, missing = read_identity(grid, 0, grid.rows)
    return FoundSop(source=file, identity=identity,
                    problems=(Problem("steps", msg.NO_PROCEDURE), *missing))
