"""The steps of one procedure table: each row's fields, the lanes its shapes stand in, its
shape, the arrows leaving it and a decision's Ya/Tidak targets. Off-page connector rows stay
steps of their own (shape "connector", no number); `next` and a decision's targets name the
step reached through them, so a reader of the result may drop connector rows freely.

Problem paths count steps from 1, as `yes`, `no_target` and `next` do: "steps[3].time"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kecamatan_desktop.bookimport import ooxml_messages as msg
from kecamatan_desktop.bookimport.fields import waktu_problem
from kecamatan_desktop.bookimport.found import FoundStep, Problem
from kecamatan_desktop.bookimport.ooxml_chart import Chart, Shape, label_arrows
from kecamatan_desktop.bookimport.ooxml_grid import (
    Grid,
    Header,
    clean,
    is_repeated_header,
    lane_row,
    one_line,
)
from kecamatan_desktop.bookimport.ooxml_package import Deadline
from kecamatan_desktop.domain.errors import InputError

MAX_STEPS = 2000
_CHOICE = re.compile(r"\b(jika|apabila|bila)\b", re.IGNORECASE)


@dataclass
class _Row:
    row: int
    fields: dict
    shapes: list[Shape] = field(default_factory=list)


@dataclass(frozen=True)
class Table:
    lanes: tuple[str, ...]
    steps: tuple[FoundStep, ...]
    problems: tuple[Problem, ...]


def read_table(grid: Grid, header: Header, stop: int, chart: Chart | None,
               deadline: Deadline, page_rows: bool = False) -> Table:
    """The steps in rows [header.data_row, stop). `chart` is None where the file cannot hold
    a flowchart (text); `page_rows` puts each step's 1-based sheet row in `page`."""
    lane_cols = dict(header.lanes)
    rows = _rows(grid, header, stop, chart, lane_cols, deadline)
    problems: list[Problem] = []
    lanes = [name for _, name in header.lanes]
    if header.lane_text_col is not None:
        for r in rows:
            name = one_line(clean(grid.text(r.row, header.lane_text_col)))
            if name and name not in lanes:
                lanes.append(name)
    if not lanes:
        problems.append(Problem("lanes", msg.NO_LANES))
    index_of_row = {r.row: i for i, r in enumerate(rows)}
    step_of_shape = {s.key: index_of_row[r.row] for r in rows for s in r.shapes}
    edges, problems_arrows = _edges(chart, step_of_shape, index_of_row)
    problems += problems_arrows
    shapes_kind = [_shape_of(r, i, edges, problems) for i, r in enumerate(rows)]
    resolve = _resolver(shapes_kind, edges, rows, problems)
    decisions = _decisions(chart, rows, shapes_kind, step_of_shape, resolve, problems)
    steps = []
    for i, r in enumerate(rows):
        deadline.check()
        steps.append(_step(grid, header, r, i, rows, shapes_kind[i], edges, resolve,
                           decisions.get(i, (None, None)), lane_cols, chart, page_rows,
                           problems))
    _number_gaps(steps, problems)
    if chart is not None and rows and not chart.arrows and any(r.shapes for r in rows):
        problems.append(Problem("steps", msg.NO_ARROWS))
    return Table(tuple(lanes), tuple(steps), tuple(problems))


def _rows(grid: Grid, header: Header, stop: int, chart: Chart | None, lane_cols: dict,
          deadline: Deadline) -> list[_Row]:
    shapes_at: dict[int, list[Shape]] = {}
    for shape in chart.shapes if chart else ():
        if shape.col in lane_cols:
            shapes_at.setdefault(shape.row, []).append(shape)
    columns = {"no": header.no_col, "activity": header.activity_col, **header.fields}
    rows: list[_Row] = []
    for r in range(header.data_row, stop):
        deadline.check()
        if is_repeated_header(grid, r, header) or lane_row(grid, r, header):
            continue
        values = {k: clean(grid.text(r, c)) for k, c in columns.items()}
        if header.lane_text_col is not None:
            values["lane"] = one_line(clean(grid.text(r, header.lane_text_col)))
        if any(values.values()) or r in shapes_at:
            rows.append(_Row(r, values, sorted(shapes_at.get(r, []), key=lambda s: s.col)))
        if len(rows) > MAX_STEPS:
            raise InputError(msg.TOO_MANY_ROWS.format(name=deadline.name, count=len(rows),
                                                      limit=MAX_STEPS))
    return rows


def _edges(chart: Chart | None, step_of_shape: dict, index_of_row: dict
           ) -> tuple[dict[int, list[tuple[int, int]]], list[Problem]]:
    """Arrows between steps: step → [(target step, arrow index)], in drawing order."""
    edges: dict[int, list[tuple[int, int]]] = {}
    problems: list[Problem] = []
    for n, arrow in enumerate(chart.arrows if chart else ()):
        where = _path_near(arrow.row, index_of_row)
        if arrow.start is None or arrow.end is None:
            problems.append(Problem(where, msg.ARROW_LOOSE.format(row=arrow.row + 1)))
            continue
        a, b = step_of_shape.get(arrow.start), step_of_shape.get(arrow.end)
        if a is None or b is None:
            problems.append(Problem(where, msg.ARROW_UNKNOWN_END.format(row=arrow.row + 1)))
            continue
        if a != b and all(t != b for t, _ in edges.get(a, [])):
            edges.setdefault(a, []).append((b, n))
    return edges, problems


def _path_near(row: int, index_of_row: dict) -> str:
    before = [i for r, i in index_of_row.items() if r <= row]
    return f"steps[{max(before) + 1}].next" if before else "steps"


def _shape_of(r: _Row, i: int, edges: dict, problems: list[Problem]) -> str:
    kinds = {s.kind for s in r.shapes}
    incoming = any(t == i for targets in edges.values() for t, _ in targets)
    outgoing = bool(edges.get(i))
    if "decision" in kinds:
        shape = "decision"
    elif "terminator" in kinds:
        # A terminator arrows leave is a start, even one a Tidak way returns to.
        shape = "start" if outgoing or (not incoming and i == 0) else "end"
    elif kinds == {"connector"}:
        shape = "connector"
    else:
        shape = "process"
    if len(kinds) > 1:
        problems.append(Problem(f"steps[{i + 1}].shape", msg.MIXED_SHAPES.format(
            kinds=", ".join(sorted(kinds)), shape=msg.SHAPE_WORDS[shape])))
    return shape


def _resolver(kinds: list[str], edges: dict, rows: list[_Row], problems: list[Problem]):
    """Follow off-page connectors to the step they lead to. A connector with nothing leaving
    it is joined to the next connector with nothing entering it (the pair printed at a page
    break), preferring one with the same text."""
    incoming = {t for targets in edges.values() for t, _ in targets}
    pair: dict[int, int] = {}
    outs = [i for i, k in enumerate(kinds) if k == "connector" and not edges.get(i)]
    ins = [i for i, k in enumerate(kinds) if k == "connector" and i not in incoming]
    for i in outs:
        text = " ".join(s.text for s in rows[i].shapes)
        later = [j for j in ins if j > i and j not in pair.values()]
        same = [j for j in later if " ".join(s.text for s in rows[j].shapes) == text]
        match = (same or later or [None])[0]
        if match is None:
            problems.append(Problem(f"steps[{i + 1}].next", msg.CONNECTOR_UNPAIRED))
        else:
            pair[i] = match

    def follow(i: int) -> int | None:
        for _ in range(len(kinds) + 1):  # a chain of connectors visits each step once
            if kinds[i] != "connector":
                return i
            nxt = pair.get(i, edges.get(i, [(None, 0)])[0][0])
            if nxt is None:
                return None
            i = nxt
        return None

    follow.pair = pair  # type: ignore[attr-defined]
    return follow


def _decisions(chart, rows, kinds, step_of_shape, resolve, problems) -> dict:
    """Decision step → (yes, no) as 1-based step indexes reached."""
    if chart is None:
        return {}
    diamonds = {s.key: s for r in rows for s in r.shapes if s.kind == "decision"}
    labelled = label_arrows(chart, diamonds)
    found: dict[int, tuple[int | None, int | None]] = {}
    for i, kind in enumerate(kinds):
        if kind != "decision":
            continue
        ways: dict[bool, int] = {}
        unlabelled: list[int] = []
        for n, arrow in enumerate(chart.arrows):
            if arrow.start not in diamonds or step_of_shape.get(arrow.start) != i:
                continue
            target = step_of_shape.get(arrow.end or "")
            if target is None or target == i:
                continue
            reached = resolve(target)
            if reached is None:
                continue
            if n in labelled and labelled[n] not in ways:
                ways[labelled[n]] = reached + 1
            else:
                unlabelled.append(reached + 1)
        path = f"steps[{i + 1}].shape"
        if not ways and unlabelled:
            problems.append(Problem(path, msg.DECISION_NO_LABEL.format(count=len(unlabelled))))
        elif len(ways) == 1 and len(unlabelled) == 1:
            known = next(iter(ways))
            ways[not known] = unlabelled[0]
            problems.append(Problem(path, msg.DECISION_ONE_LABEL.format(
                label=msg.YES_WORD if known else msg.NO_WORD,
                other=msg.NO_WORD if known else msg.YES_WORD)))
        for way, word in ((True, msg.YES_WORD), (False, msg.NO_WORD)):
            if ways and way not in ways:
                problems.append(Problem(path, msg.DECISION_MISSING.format(way=word)))
        found[i] = (ways.get(True), ways.get(False))
    return found


def _step(grid, header, r: _Row, i: int, rows, shape: str, edges, resolve, decision,
          lane_cols: dict, chart, page_rows: bool, problems: list[Problem]) -> FoundStep:
    path = f"steps[{i + 1}]"
    values = r.fields
    if header.lane_text_col is not None:
        lanes = (values["lane"],) if values.get("lane") else ()
    else:
        lanes = tuple(dict.fromkeys(lane_cols[s.col] for s in r.shapes))
    pictures = [lane_cols[s.col] for s in r.shapes if s.picture]
    if pictures:
        problems.append(Problem(f"{path}.lanes", msg.PICTURE.format(lanes=", ".join(pictures))))
    for s in r.shapes:
        reached = [lane_cols[c] for c in range(s.col, s.to_col + 1) if c in lane_cols]
        if len(reached) > 1:
            problems.append(Problem(f"{path}.lanes", msg.SHAPE_ACROSS_LANES.format(
                lanes=", ".join(reached), lane=reached[0])))
    if not lanes and shape != "connector":
        problems.append(Problem(f"{path}.lanes",
                                msg.STEP_NO_CHART if chart is None else msg.STEP_NO_LANE))
    if chart is None and _CHOICE.search(values["activity"]):
        problems.append(Problem(f"{path}.shape", msg.STEP_CHOICE_IN_TEXT))
    if r.shapes and not values["activity"] and shape != "connector":
        problems.append(Problem(f"{path}.activity", msg.STEP_NO_ACTIVITY))
    spans = _spans(grid, header, r, rows, path, problems)
    time = one_line(values.get("time", ""))
    if shape != "connector":
        _check_time(time, r, rows, header, grid, path, problems)
    if shape == "connector":
        pair = resolve.pair.get(i)  # type: ignore[attr-defined]
        nxt = (pair + 1,) if pair is not None else tuple(t + 1 for t, _ in edges.get(i, []))
    else:
        reached = (resolve(t) for t, _ in edges.get(i, []))
        nxt = tuple(dict.fromkeys(t + 1 for t in reached if t is not None))
    yes, no = decision
    return FoundStep(
        no=one_line(values["no"]), activity=values["activity"], lanes=lanes,
        requirements=values.get("requirements", ""), time=time,
        output=values.get("output", ""), notes=values.get("notes", ""), shape=shape,
        yes=yes, no_target=no, next=nxt, time_span=spans.get("time", 1),
        page=r.row + 1 if page_rows else None)


def _spans(grid: Grid, header: Header, r: _Row, rows, path: str,
           problems: list[Problem]) -> dict[str, int]:
    """How many step rows a merged Mutu Baku or Keterangan cell of this row covers."""
    spans = {}
    for key, col in header.fields.items():
        height = grid.row_span(r.row, col)
        if height <= 1:
            continue
        covered = [x for x in rows if r.row <= x.row < r.row + height]
        spans[key] = len(covered)
        if key != "time" and len(covered) > 1:
            problems.append(Problem(f"{path}.{key}", msg.MERGED_FIELD.format(
                label=msg.STEP_FIELD_LABELS[key], first=one_line(covered[0].fields["no"]),
                last=one_line(covered[-1].fields["no"]))))
    return spans


def _check_time(time: str, r: _Row, rows, header: Header, grid: Grid, path: str,
                problems: list[Problem]) -> None:
    if "time" not in header.fields:
        return
    if not time:
        col = header.fields["time"]
        covered = any(x.row < r.row < x.row + grid.row_span(x.row, col) for x in rows)
        if not covered:
            problems.append(Problem(f"{path}.time", msg.TIME_EMPTY))
        return
    if waktu_problem(time):
        problems.append(Problem(f"{path}.time", waktu_problem(time)))


def _number_gaps(steps: list[FoundStep], problems: list[Problem]) -> None:
    previous = None
    for i, step in enumerate(steps):
        if not step.no.rstrip(".").isdigit():
            continue
        number = int(step.no.rstrip("."))
        if previous is not None and number > previous + 1:
            problems.append(Problem(f"steps[{i + 1}].no", msg.STEP_NUMBER_GAP.format(
                before=previous, after=number)))
        previous = number
