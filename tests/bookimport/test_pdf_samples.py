"""The real BPS SOP PDFs read as a person reads their pages: name, number, lanes, every
step's lanes, decisions and their Ya/Tidak targets, identity fields; what cannot be read
(a flowchart pasted as a picture, a table page that is a scan) is named, never invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from kecamatan_desktop.bookimport.pdf_reader import read_pdf

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "import"
BPS = SAMPLES / "bps"
pytestmark = pytest.mark.skipif(not BPS.is_dir(), reason=f"no sample folder {BPS}")


def one(prefix: str):
    path = next(BPS.glob(f"{prefix}*.pdf"))
    sops = read_pdf(path)
    assert len(sops) == 1, [s.identity.get("name") for s in sops]
    return sops[0]


def lanes_per_step(sop) -> list[list[int]]:
    """Each step's lanes as 1-based lane numbers, as a reader counts the Pelaksana columns."""
    return [[sop.lanes.index(name) + 1 for name in step.lanes] for step in sop.steps]


def paths(sop) -> set[str]:
    return {p.path for p in sop.problems}


# What the pages show, written down from the rendered pages: lanes left to right, then
# for each numbered row the lane columns holding a shape (connectors not counted).
PAGES = {
    "019": dict(
        number="SOP-019/17000/2025", name="PEMUSNAHAN ARSIP",
        lanes=("Pimpinan Unit Kearsipan II", "Penanggungjawab Unit Pengolah", "Arsiparis"),
        steps=[[3], [3], [1, 2, 3], [1], [1], [1, 3], [3], [1, 2, 3], [3]]),
    "024": dict(
        number="SOP-024/17000/2025",
        name="Pengelolaan Surat Dinas Keluar melalui PORTAL Pintar",
        lanes=("Anggota Tim", "Ketua Tim", "Sekretaris", "Bagian Umum", "Kepala BPS Provinsi"),
        steps=[[1], [1], [1], [2], [3], [3], [5], [3], [3], [4], [4]]),
    "062": dict(
        number="SOP-062/17000/2025", name="LAPORAN BERITA RESMI STATISTIK (BRS) PDRB TRIWULANAN",
        lanes=("Fungsional Statistisi", "PJ Neraca Produksi", "Ketua Tim Neraca Wilayah",
               "Tim Kerja Terkait", "Tim Kerja Terkait (2)"),
        steps=[[1, 2, 3], [1, 3], [2, 3], [1], [4, 5]]),
    "065": dict(
        number="SOP-065/17000/2025", name="PENGHITUNGAN PENGELUARAN KONSUMSI LNPRT",
        lanes=("Kepala BPS Provinsi", "Ketua Tim Neraca Wilayah", "Fungsional"),
        steps=[[1, 2], [2, 3], [2, 3], [2, 3], [1], [2], [1, 2]]),
    "098": dict(
        number="SOP-098/17000/2025",
        name="SOP Penyelenggaraan Kegiatan Sharing Knowledge Antar Pegawai (Serawai) se-BPS "
             "Provinsi Bengkulu",
        lanes=("CAN", "BPS Kabupaten/Kota", "Pegawai"),
        steps=[[1], [1], [2], [3], [1], [2], [2], [1], [1], [1], [1]]),
    "110": dict(
        number="SOP-110/17000/2025", name="SOP Pengumpulan Data Statistik Politik dan Keamanan",
        lanes=("Kepala BPS Provinsi", "Ketua Tim Statistik Sosial BPS Provinsi",
               "Tim Hansos BPS Provinsi", "BPS Kabupaten/Kota"),
        steps=[[2, 3, 4], [3, 4]]),
    "111": dict(
        number="SOP-111/17000/2025",
        name="SOP Pengolahan dan Evaluasi Statistik Politik dan Keamanan",
        lanes=("Kepala BPS Provinsi", "Ketua Tim Statistik Sosial BPS Provinsi",
               "Tim Hansos BPS Provinsi", "BPS Kabupaten/Kota"),
        steps=[[3, 4], [3], [3]]),
    "129": dict(
        number="SOP-129/17000/2025",
        name="Diseminasi Survei Tahunan Perusahaan Industri Manufaktur Komoditas",
        lanes=("Kepala BPS Provinsi", "Tim Statistik Produksi BPS Provinsi",
               "BPS Kabupaten/Kota"),
        steps=[[1, 2]]),
    "180": dict(
        number="SOP-180/17000/2025",
        name="Standar Operasional Prosedur Survei Tahunan Usaha Penggalian Bahan Industri dan "
             "Konstruksi",
        lanes=("Kepala BPS Provinsi", "Tim Statistik Produksi BPS Provinsi",
               "BPS Kabupaten/Kota"),
        steps=[[1, 2, 3], [2, 3], [2], [1, 2]]),
    "279": dict(
        number="SOP-279/17000/2025",
        name="STANDAR OPERASIONAL PROSEDUR PELAKSANAAN KONTRAK BARANG/JASA KONSULTANSI "
             "NONKONSTRUKSI/JASA LAINNYA",
        lanes=("KPA", "PPK", "Penyedia"),
        steps=[[2], [2], [2], [3], [2], [2, 3], [2, 3], [2], [3], [2], [3], [2], [3], [2, 3],
               [3], [1, 2, 3], [2, 3], [2, 3], [3], [2], [2, 3], [2], [2, 3], [2], [2, 3], [2],
               [2, 3], [2, 3], [2]]),
}


@pytest.mark.parametrize("prefix", sorted(PAGES))
def test_name_number_lanes_and_every_steps_lanes(prefix):
    sop, page = one(prefix), PAGES[prefix]
    assert sop.identity["number"] == page["number"]
    assert sop.identity["name"] == page["name"]
    assert sop.lanes == page["lanes"]
    assert [s.no for s in sop.steps] == [str(i) for i in range(1, len(page["steps"]) + 1)]
    assert lanes_per_step(sop) == page["steps"]
    assert all(s.activity for s in sop.steps)
    assert not any(p.endswith(".lanes") for p in paths(sop))


def test_a_lane_named_twice_is_told_apart_and_said():
    sop = one("062")
    assert any(p.path == "lanes" and "Tim Kerja Terkait" in p.message for p in sop.problems)


@pytest.mark.parametrize("prefix, decisions", [
    ("024", {4: (5, 3)}),  # step 4's diamond: Ya down to 5, Tidak back to 3
    ("098", {6: (7, 8)}),  # Ya down to 7 in the same lane, Tidak across to CAN in 8
    ("111", {2: (3, 1)}),  # Y down to the end, T back up to the terminator of 1
    ("180", {3: (4, 2)}),  # Y down to 4, T back up to step 2
])
def test_decisions_and_their_ya_tidak_targets(prefix, decisions):
    sop = one(prefix)
    found = {i: (s.yes, s.no_target) for i, s in enumerate(sop.steps, 1) if s.shape == "decision"}
    assert found == decisions
    assert not any(p.endswith(".decision") for p in paths(sop))


@pytest.mark.parametrize("prefix, arrows", [
    ("019", {1: (2,), 2: (3,), 3: (4,), 4: (5,), 5: (6,), 6: (7,), 7: (8,), 8: (9,), 9: ()}),
    ("024", {1: (2,), 2: (3,), 3: (4,), 4: (3, 5), 5: (6,), 6: (7,), 7: (8,), 8: (9,),
             9: (10,), 10: (11,), 11: ()}),
    ("180", {1: (2,), 2: (3,), 3: (2, 4), 4: ()}),
])
def test_arrows_lead_to_the_steps_they_end_at(prefix, arrows):
    sop = one(prefix)
    assert {i: s.next for i, s in enumerate(sop.steps, 1)} == arrows


def test_start_and_end_from_the_terminators_and_their_arrows():
    sop = one("111")  # the start terminator is also where the Tidak way comes back
    assert [s.shape for s in sop.steps] == ["start", "decision", "end"]
    sop = one("019")
    assert sop.steps[0].shape == "start" and sop.steps[-1].shape == "end"


def test_waktu_kept_as_written_and_what_cannot_be_read_named():
    sop = one("098")
    assert sop.steps[0].time == "3 Hari Kerja"
    assert sop.steps[9].time == "Triwulan"
    assert "steps[1].time" not in paths(sop)  # "3 Hari Kerja": 3 working days
    assert "steps[10].time" in paths(sop)  # "Triwulan": no length, no standard
    sop = one("024")
    assert sop.steps[0].time == "30 menit"
    assert "steps[1].time" not in paths(sop)


def test_mutu_baku_cells_read_in_any_column_order():
    sop = one("279")  # Kelengkapan | Waktu | Output under numbered header rows (1)…(9)
    step = sop.steps[0]
    assert step.requirements == "Semua dokumen hasil pelaksanaan pemilihan."
    assert step.time == "1 hari kerja"
    assert step.output == "Laporan Hasil Pemilihan Penyedia dari Pokja Pemilihan."
    assert sop.steps[16].time == "Sesuai kebutuhan"


def test_identity_fields_as_written():
    sop = one("019")
    assert sop.identity["created"] == "2 Juni 2025"
    assert sop.identity["revised"] == "-"
    assert sop.identity["approver_title"] == "Kepala BPS Provinsi Bengkulu"
    assert sop.identity["approver_name"] == "Ir. Win Rizal, M.E."
    assert sop.identity["approver_nip"] == "196608251988021001"
    assert sop.identity["government"] == "BADAN PUSAT STATISTIK PROVINSI BENGKULU"
    assert sop.identity["office"] == "TIM BAGIAN UMUM"
    assert sop.identity["related"] == ["SOP Pengelolaan Arsip Aktif",
                                       "SOP Pengelolaan Arsip Inaktif"]
    assert sop.identity["legal_basis"][0] == "Undang-undang Nomor 43 tahun 2009 tentang Kearsipan;"
    assert len(sop.identity["legal_basis"]) == 7

    sop = one("279")  # labels and values in one cell, split by ":"
    assert sop.identity["created"] == "2 Januari 2024"
    assert sop.identity["revised"] == "2 Januari 2025"
    assert sop.identity["effective"] == "10 Januari 2025"
    assert sop.identity["approver_title"] == "Kepala Badan Pusat Statistik Provinsi Bengkulu"
    assert sop.identity["approver_name"] == "Win Rizal"
    assert sop.identity["qualifications"][0] == (
        "PPK mampu mengendalikan kontrak dan menyerahkan hasil pekerjaan kepada KPA;")
    assert len(sop.identity["equipment"]) == 33

    sop = one("062")  # Tanggal Revisi left empty on the page: empty, and said
    assert "revised" not in sop.identity
    assert "identity.revised" in paths(sop)
    assert sop.identity["qualifications"] == [
        "Memiliki kompetensi memadai dalam penyusunan PDRB Lapangan Usaha",
        "Pernah mengikuti pelatihan penyusunan PDRB Lapangan Usaha"]
    assert "identity.related" in paths(sop)  # Keterkaitan left empty


def test_a_flowchart_pasted_as_a_picture_is_named_and_its_lanes_left_empty():
    sop = one("004")
    assert len(sop.steps) == 17 and all(s.activity for s in sop.steps)
    assert sop.steps[0].time == "1 minggu"
    assert any(p.path == "page 2" and "gambar" in p.message for p in sop.problems)
    assert all(s.lanes == () for s in sop.steps)
    assert {f"steps[{i}].lanes" for i in range(1, 18)} <= paths(sop)
    assert sop.lanes[0] == "Satker Penerima - Tim Layanan Gudang/Bagian Umum/ Subbagian Umum"
    assert sop.lanes[3] == "Satker Pengirim - Tim Layanan Gudang/Bagian Umum/ Subbagian Umum"


def test_a_table_page_that_is_a_scan_is_named_and_no_step_invented():
    sop = one("207")
    assert sop.identity["name"] == "PELAKSANAAN SURVEI PERTANIAN TANAMAN PANGAN/UBINAN PALAWIJA"
    assert sop.identity["created"] == "Januari 2014"  # no day, as written
    assert sop.steps == ()
    assert any(p.path == "page 2" and "OCR" in p.message for p in sop.problems)
