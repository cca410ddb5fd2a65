"""One SOP gathered page by page: its identity, its numbered rows as steps with every lane
they have a shape in, and its arrows followed through off-page connectors to their steps."""

from __future__ import annotations

from dataclasses import dataclass, field

from kecamatan_desktop.bookimport.fields import waktu_problem
from kecamatan_desktop.bookimport.found import IDENTITY_KEYS, FoundSop, FoundStep, Problem
from kecamatan_desktop.bookimport.pdf_flow import Placed, read_flow
from kecamatan_desktop.bookimport.pdf_identity import title_above
from kecamatan_desktop.bookimport.pdf_page import PageContent
from kecamatan_desktop.bookimport.pdf_shapes import Drawing
from kecamatan_desktop.bookimport.pdf_table import Table, merged_cells
from kecamatan_desktop.bookimport.pdf_text import inside, text

_KEY_NAMES = {
    "government": "instansi", "office": "unit kerja", "address": "alamat", "number": "Nomor SOP",
    "name": "Nama SOP", "created": "Tanggal Pembuatan", "revised": "Tanggal Revisi",
    "effective": "Tanggal Efektif", "approver_title": "jabatan pengesah",
    "approver_name": "nama pengesah", "approver_rank": "pangkat pengesah",
    "approver_nip": "NIP pengesah", "legal_basis": "Dasar Hukum",
    "qualifications": "Kualifikasi Pelaksana", "related": "Keterkaitan",
    "equipment": "Peralatan/Perlengkapan", "warnings": "Peringatan",
    "records": "Pencatatan dan Pendataan",
}


_FIELD_NAMES = {"requirements": "Kelengkapan", "output": "Output", "notes": "Keterangan"}


@dataclass
class _Node:
    page: int
    placed: Placed
    step: int | None  # index into the draft's steps; None for a connector row
    lane: str | None


@dataclass
class _Row:
    no: str
    page: int
    cells: dict[str, str]
    nodes: list[int] = field(default_factory=list)
    spans: dict[str, int] = field(default_factory=dict)  # a merged cell: the rows it covers
    covered: set[str] = field(default_factory=set)  # fields a merged cell above holds


@dataclass
class SopDraft:
    source: str
    identity: dict = field(default_factory=dict)
    pages: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lanes: list[str] = field(default_factory=list)
    rows: list[_Row] = field(default_factory=list)
    nodes: list[_Node] = field(default_factory=list)
    edges: list[tuple[int, int, str]] = field(default_factory=list)
    loose: list[int] = field(default_factory=list)
    identity_page: bool = False

    @property
    def started(self) -> bool:
        return bool(self.identity or self.rows)

    @property
    def has_steps(self) -> bool:
        return bool(self.rows)

    def page_problem(self, page: int, message: str) -> None:
        self.problems.append(Problem(f"page {page}", message))
        if page not in self.pages:
            self.pages.append(page)

    def add_identity(self, page: int, identity: dict) -> None:
        self.identity_page = True
        self.identity.update({k: v for k, v in identity.items() if k not in self.identity})
        if page not in self.pages:
            self.pages.append(page)

    def add_table(self, page: PageContent, drawing: Drawing, table: Table) -> None:
        self.pages += [n for n in page.printed if n not in self.pages]
        if table.header and not self.rows and not self.identity.get("name"):
            title = title_above(page, table.head_top)
            if title:
                self.identity["name"] = title
                self.problems.append(Problem("identity.name", "Nama SOP tidak ada di halaman "
                                             f"identitas; dibaca dari judul tabel {title!r}"))
        names = _unique_lanes([c.name for c in table.lanes], self.problems)
        for name in names:
            if name not in self.lanes:
                self.lanes.append(name)
        first_row = len(self.rows)
        self.rows += [_Row(row.no, page.page_at(row.y0), {}) for row in table.rows]
        for col in table.columns:
            if col.role in ("lane", "no", "other"):
                continue
            # a Kegiatan is one step's; only a Mutu Baku or Keterangan cell spans steps
            cells = ([(i, i) for i in range(len(table.rows))] if col.role == "activity"
                     else merged_cells(drawing.segments, table, col))
            for first, last in cells:
                a, b = table.rows[first], table.rows[last]
                row = self.rows[first_row + first]
                row.cells[col.role] = text(inside(page.words, col.x0, a.y0, col.x1, b.y1))
                if last > first:
                    row.spans[col.role] = last - first + 1
                    for k in range(first + 1, last + 1):
                        self.rows[first_row + k].covered.add(col.role)
        flow = read_flow(page, drawing, table)
        if flow.shifted:
            self.page_problem(page.number, f"halaman {page.number}: bentuk bagan alir tidak "
                                           "berada di baris langkahnya (digambar dengan tinggi "
                                           "baris lain); tiap deret bentuk dipasangkan dengan "
                                           "langkah menurut urutannya, periksa pelaksananya")
        if flow.unread:
            self.page_problem(page.number, f"halaman {page.number}: terlalu banyak garis; "
                                           "panah bagan alir tidak diikuti")
        offset = len(self.nodes)
        for placed in flow.placed:
            row = None if placed.row is None else first_row + placed.row
            lane = None if placed.lane is None else names[placed.lane]
            self.nodes.append(_Node(page.number, placed, row, lane))
            if row is not None:
                self.rows[row].nodes.append(len(self.nodes) - 1)
        self.edges += [(offset + s, offset + t, label) for s, t, label in flow.edges]
        self.loose += [offset + t for t in flow.loose]
        if table.rows and not flow.placed and page.image_area > 0.05:
            self.page_problem(page.number, f"halaman {page.number}: bagan alir berupa gambar; "
                                           "pelaksana dan panah tiap langkah tidak terbaca")

    # -- finishing -------------------------------------------------------------------------

    def _is_connector(self, node: _Node) -> bool:
        return node.placed.shape.kind == "connector" or node.step is None or not self.rows[
            node.step].no

    def _through_connectors(self) -> list[tuple[int, int, str]]:
        """Arrows into an off-page connector continue from the connector of the same lane on
        the next page."""
        links: dict[int, list[int]] = {}
        ins = {t for _, t, _ in self.edges if self._is_connector(self.nodes[t])}
        outs = {s for s, _, _ in self.edges if self._is_connector(self.nodes[s])}
        for c in ins:
            page = self.nodes[c].page
            later = [o for o in outs if self.nodes[o].page == page + 1]
            same = [o for o in later if self.nodes[o].lane == self.nodes[c].lane]
            links[c] = same or (later if len(later) == 1 else [])
        out_of: dict[int, list[tuple[int, str]]] = {}
        for s, t, label in self.edges:
            out_of.setdefault(s, []).append((t, label))
        result = []
        for s, t, label in self.edges:
            if self._is_connector(self.nodes[s]):
                continue
            seen, todo = set(), [t]
            while todo and len(seen) <= len(self.nodes):
                node = todo.pop()
                if node in seen:
                    continue
                seen.add(node)
                if not self._is_connector(self.nodes[node]):
                    result.append((s, node, label))
                    continue
                for nxt in links.get(node, []):
                    todo.extend(x for x, _ in out_of.get(nxt, []))
                todo.extend(x for x, _ in out_of.get(node, []))
        return result

    def finish(self) -> FoundSop:
        problems = list(self.problems)
        steps_rows = [i for i, r in enumerate(self.rows) if r.no]
        index = {row: k for k, row in enumerate(steps_rows)}
        edges = self._through_connectors()
        incoming = {t for _, t, _ in edges}
        outgoing = {s for s, _, _ in self.edges}
        steps: list[FoundStep] = []
        for k, r in enumerate(steps_rows):
            row = self.rows[r]
            place = f"steps[{k + 1}]"
            nodes = [n for n in row.nodes if self.nodes[n].placed.shape.kind != "connector"]
            order = {name: i for i, name in enumerate(self.lanes)}
            lane_names = sorted({self.nodes[n].lane for n in nodes if self.nodes[n].lane},
                                key=order.__getitem__)
            kinds = {self.nodes[n].placed.shape.kind for n in nodes}
            # a terminator an arrow leaves is a start (an arrow may also come back to it)
            starts = [n for n in nodes if self.nodes[n].placed.shape.kind == "terminator"
                      and (n in outgoing or (n not in incoming and k == 0))]
            shape = ("start" if starts else "decision" if "decision" in kinds
                     else "end" if "terminator" in kinds else "process" if kinds
                     else "connector" if row.nodes else "process")
            targets = sorted({index[self.nodes[t].step] + 1 for s, t, _ in edges
                              if s in row.nodes and self.nodes[t].step in index
                              and self.nodes[t].step != r})
            yes = no = None
            if shape == "decision" or "decision" in kinds:
                for s, t, label in edges:
                    if s in nodes and self.nodes[s].placed.shape.kind == "decision" and (
                            self.nodes[t].step in index):
                        if label == "ya":
                            yes = index[self.nodes[t].step] + 1
                        elif label == "tidak":
                            no = index[self.nodes[t].step] + 1
                if yes is None or no is None:
                    problems.append(Problem(f"{place}.decision",
                                            "jalur Ya/Tidak keputusan ini tidak terbaca lengkap"))
            if any(self.nodes[n].placed.across for n in nodes):
                problems.append(Problem(f"{place}.lanes", "sebuah bentuk melintasi dua kolom "
                                                          "pelaksana; periksa pelaksananya"))
            if any(n in self.loose for n in row.nodes):
                problems.append(Problem(f"{place}.next", "panah menuju langkah ini tidak "
                                                         "berpangkal pada bentuk mana pun"))
            spans = {key: sum(bool(self.rows[x].no) for x in range(r, r + n))
                     for key, n in row.spans.items()}
            step = FoundStep(
                no=row.no, activity=row.cells.get("activity", ""),
                lanes=tuple(lane_names),
                requirements=row.cells.get("requirements", ""), time=row.cells.get("time", ""),
                output=row.cells.get("output", ""), notes=row.cells.get("notes", ""),
                shape=shape, yes=yes, no_target=no, next=tuple(targets), page=row.page,
                time_span=spans.get("time", 1))
            problems.extend(_step_problems(place, step, row.covered))
            for key, n in spans.items():
                if key != "time" and n > 1:
                    last = self.rows[max(x for x in range(r, r + row.spans[key])
                                         if self.rows[x].no)].no
                    problems.append(Problem(f"{place}.{key}", f"{_FIELD_NAMES[key]} satu sel "
                                            f"untuk langkah {row.no} sampai {last}; dicatat "
                                            f"pada langkah {row.no}"))
            steps.append(step)
        problems.extend(_number_gaps(steps))
        if not self.identity_page:
            problems.append(Problem("identity", "tidak ada halaman identitas (Nomor SOP, Nama "
                                                "SOP) untuk prosedur ini"))
        for key in IDENTITY_KEYS:
            if not self.identity.get(key):
                problems.append(Problem(f"identity.{key}", f"{_KEY_NAMES[key]} tidak tertulis "
                                                           "atau tidak terbaca di berkas"))
        if not steps:
            problems.append(Problem("steps", "tidak ada langkah yang terbaca"))
        return FoundSop(self.source, dict(self.identity), tuple(self.lanes), tuple(steps),
                        tuple(problems), tuple(self.pages))


def _unique_lanes(lanes: list[str], problems: list[Problem]) -> list[str]:
    out = []
    for name in lanes:
        shown, n = name, 1
        while shown in out:
            n += 1
            shown = f"{name} ({n})"
        if shown != name and not any(p.path == "lanes" and repr(name) in p.message
                                     for p in problems):
            problems.append(Problem("lanes", f"dua kolom pelaksana bernama {name!r}; yang "
                                             f"berikutnya disebut {shown!r}"))
        out.append(shown)
    return out


def _number_gaps(steps: list[FoundStep]) -> list[Problem]:
    out, previous = [], None
    for k, step in enumerate(steps, 1):
        if not step.no.isdigit():
            continue
        if previous is not None and int(step.no) > previous + 1:
            out.append(Problem(f"steps[{k}].no", f"nomor langkah melompat dari {previous} ke "
                                                 f"{step.no}"))
        previous = int(step.no)
    return out


def _step_problems(place: str, step: FoundStep, covered: set[str]) -> list[Problem]:
    out = []
    if not step.activity:
        out.append(Problem(f"{place}.activity", "kegiatan kosong"))
    if not step.lanes:
        out.append(Problem(f"{place}.lanes", "tidak ada bentuk bagan alir di baris ini; "
                                             "pelaksananya tidak terbaca"))
    if not step.time:
        if "time" not in covered:  # else one Waktu cell above covers this step too
            out.append(Problem(f"{place}.time", "Waktu kosong"))
    elif waktu_problem(step.time):
        out.append(Problem(f"{place}.time", waktu_problem(step.time)))
    return out
