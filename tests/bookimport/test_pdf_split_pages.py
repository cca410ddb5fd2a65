"""A workbook printed to PDF (LibreOffice Calc) with its procedure table too wide for the
paper: each sheet's columns printed band by band on pages side by side (sheet 2 also too
long: rows 13-14 on pages of their own, printed "down, then over"), and the flowchart's shapes
drawn at the workbook's taller row heights, below the rows they belong to. Read as the pages
show it, and as the workbook beside it gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kecamatan_desktop.bookimport.pdf_reader import read_pdf
from kecamatan_desktop.bookimport.xlsx_reader import read_xlsx

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "import"
BOOK = SAMPLES / "excel" / "SOP PENANGANAN INFORMASI POTENSI BENCANA KECELAKAAN DI BCC (1)"
pytestmark = pytest.mark.skipif(not BOOK.with_suffix(".pdf").is_file(),
                                reason=f"no sample {BOOK}.pdf")

# Written down from the rendered pages: page 1 No, Kegiatan and the first two lanes; page 2
# the lanes under "Pelaksanaan"; page 3 three more lanes and Mutu Baku; page 4 Keterangan.
LANES_1 = ("Instansi lain/ Sosial Media", "Petugas Komunikasi", "Kagahar", "Asisten Kagahar",
           "Kakansar", "BSG", "Pengawas", "Direktur Kesiapsiagaan", "Direktur Operasi",
           "Deops", "Kabasarnas")
LANES_2 = ("Instansi lain/ Sosial Media/ Pelapor", "Petugas Komunikasi", "Kagahar",
           "Asisten Kagahar", "Kakansar", "BSG", "Pengawas", "Direktur Kesiapsiagaan",
           "Direktur Operasi", "Direktur Bina Potensi", "Direktur Sarana Prasarana",
           "Direktur Sistem Komunikasi", "Karo Humas dan Umum", "Deops", "Kabasarnas")
# each step's lanes (1-based) from the bands of shapes, top to bottom
STEPS_1 = [[1], [2, 5], [3], [2, 4, 6], [7], [8, 9, 10, 11]]
STEPS_2 = [[1], [2, 5], [3], [2, 4, 6], [7], [8, 9, 14, 15], [14], [9], [10], [11], [12],
           [13], [9]]


@pytest.fixture(scope="module")
def sops():
    return read_pdf(BOOK.with_suffix(".pdf"))


def lanes_per_step(sop) -> list[list[int]]:
    return [[sop.lanes.index(name) + 1 for name in step.lanes] for step in sop.steps]


def flat(text: str) -> str:
    return " ".join(text.split())


def paths(sop) -> set[str]:
    return {p.path for p in sop.problems}


def test_each_sheet_is_one_sop_from_its_pages_joined(sops):
    assert [s.pages for s in sops] == [(1, 2, 3, 4), (5, 6, 7, 8, 9, 10, 11, 12)]
    assert [s.identity["name"] for s in sops] == [
        "SOP PENANGANAN INFORMASI POTENSI BENCANA/KECELAKAAN DI BASARNAS COMMAND CENTER (BCC)",
        "SOP PENANGANAN LAPORAN BENCANA NASIONAL DI BASARNAS COMMAND CENTER (BCC)"]
    # no identity page: the name is read from the title over the table, and that is said
    assert all({"identity", "identity.name", "identity.number"} <= paths(s) for s in sops)


def test_lanes_from_every_band_of_columns(sops):
    assert sops[0].lanes == LANES_1
    assert sops[1].lanes == LANES_2


def test_steps_with_their_mutu_baku_from_the_last_band(sops):
    first, second = sops
    assert [s.no for s in first.steps] == ["1", "2", "3", "4", "5", "6"]
    assert [s.no for s in second.steps] == [str(n) for n in (1, 2, 3, 4, 5, 6, 8, 9, 10, 11,
                                                             12, 13, 14)]
    step = first.steps[0]
    assert step.activity == "Informasi potensi bencana/ kecelakaan secara resmi yang valid"
    assert (step.requirements, step.time, step.output) == (
        "Berita resmi", "5 menit", "Laporan bencana nasional")
    assert step.notes == "BNPB, BMKG, PVMBG, TNI/POLRI, ataupun instansi terkait"
    assert first.steps[3].time == "30 menit"
    assert first.steps[3].notes == "Dilaksanakan secara simultan"
    # rows 13 and 14 printed on the pages under the others
    assert second.steps[11].activity == "Pembuatan Press Release Kabasarnas"
    assert second.steps[11].output == "Press Release Kabasarnas"
    assert second.steps[11].page == 6
    assert second.steps[12].time == "" and "steps[13].time" in paths(second)
    assert "steps[7].no" in paths(second)  # the page skips number 7


def test_one_keterangan_cell_over_four_steps_is_the_first_steps(sops):
    second = sops[1]
    assert second.steps[8].notes == "Dilaksanakan secara simultan"  # step 10
    assert [s.notes for s in second.steps[9:12]] == ["", "", ""]
    assert "steps[9].notes" in paths(second)


def test_shapes_below_their_rows_go_to_the_steps_in_their_order(sops):
    assert lanes_per_step(sops[0]) == STEPS_1
    assert lanes_per_step(sops[1]) == STEPS_2
    assert not any(p.endswith(".lanes") for s in sops for p in paths(s))
    # that the shapes were matched by order, not by where they are, is said
    assert all(any(p.path.startswith("page") and "urutan" in p.message for p in s.problems)
               for s in sops)


def test_start_end_and_arrows(sops):
    first, second = sops
    assert [s.shape for s in first.steps] == ["start"] + ["process"] * 4 + ["end"]
    assert [s.shape for s in second.steps] == ["start"] + ["process"] * 11 + ["end"]
    assert {i: s.next for i, s in enumerate(first.steps, 1)} == {
        1: (2,), 2: (), 3: (4, 5), 4: (), 5: (6,), 6: ()}
    assert second.steps[5].next == (7, 9, 10, 11, 12, 13)  # step 6 to 8, 10, 11, 12, 13, 14
    # the arrow from 2 to 3 runs along the rule between two lane columns: not followed, said
    assert "steps[3].next" in paths(first)


def test_the_pdf_gives_what_the_workbook_gives():
    pdf, xlsx = read_pdf(BOOK.with_suffix(".pdf")), read_xlsx(BOOK.with_suffix(".xlsx"))
    assert len(pdf) == len(xlsx) == 2
    for a, b in zip(pdf, xlsx, strict=True):
        assert a.identity["name"] == b.identity["name"]
        assert a.lanes == b.lanes
        for s, t in zip(a.steps, b.steps, strict=True):
            assert (s.no, s.lanes, s.shape) == (t.no, t.lanes, t.shape)
            # a line break typed in a cell looks on paper like a line wrapped
            assert [flat(x) for x in (s.activity, s.requirements, s.time, s.output, s.notes)
                    ] == [flat(x) for x in (t.activity, t.requirements, t.time, t.output,
                                            t.notes)]
            assert (s.yes, s.no_target) == (t.yes, t.no_target)
        # every arrow the workbook names but one: step 2 to 3 (see above)
        assert [s.next for s in a.steps][2:] == [s.next for s in b.steps][2:]
