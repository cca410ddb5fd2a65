"""Command line: pdf, book, officers and a whole round, with refusals and exit codes."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from openpyxl import load_workbook
from pypdf import PdfReader

from kecamatan_desktop.domain.calendar import WIB
from tests.test_cli import run

STAFF = [("Siti Aminah", "19800101 200501 2 001", "Sekretaris Kecamatan"),
         ("Budi Santoso", "19810202 200601 1 002", "Kasubag Perencanaan dan Evaluasi Pelaporan"),
         ("Dewi Lestari", "19900303 201501 2 003", "Staf"),
         ("Agus Salim", "19850404 201001 1 004", "Kasubag Umum dan Kepegawaian")]


def test_pdf_and_book(capsys, db_path, tmp_path):
    code, out, _ = run(capsys, "--db", db_path, "pdf", "poncokusumo-2018-renstra", "-o",
                       tmp_path / "renstra.pdf", "--paper", "a4")
    assert code == 0 and out.strip().endswith("renstra.pdf")
    assert round(float(PdfReader(tmp_path / "renstra.pdf").pages[0].mediabox.width)) == 595
    code, _, _ = run(capsys, "--db", db_path, "book", "-o", tmp_path / "buku.pdf")
    assert code == 0
    reader = PdfReader(tmp_path / "buku.pdf")
    assert "KECAMATAN PONCOKUSUMO" in reader.pages[0].extract_text()
    code, _, err = run(capsys, "--db", db_path, "book", "-o", tmp_path / "x.pdf", "--office",
                       "Kecamatan Tumpang")
    assert code == 2 and "Kecamatan Tumpang" in err


def test_officers(capsys, db_path):
    code, out, _ = run(capsys, "--db", db_path, "officer", "add", "--name", "Siti Aminah",
                       "--nip", "19800101 200501 2 001", "--jabatan", "Sekretaris Kecamatan")
    assert code == 0 and "Siti Aminah" in out
    code, _, err = run(capsys, "--db", db_path, "officer", "add", "--name", "X", "--nip",
                       "123", "--jabatan", "Staf")
    assert code == 2 and "18 angka" in err
    people = json.loads(run(capsys, "--db", db_path, "officer", "list", "--json")[1])
    assert {p["name"] for p in people} >= {"Siti Aminah", "Drs. SUKARLIN, M.Si."}


def test_officer_import(capsys, db_path, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    for row in (("Nama", "NIP", "Jabatan"), ("Hendra Wijaya", "19780512 200212 1 003", "Staf"),
                ("Tono", "1978051220021", "Staf")):
        book.active.append(row)
    book.save(tmp_path / "pegawai.xlsx")
    code, _, err = run(capsys, "--db", db_path, "officer", "import", tmp_path / "pegawai.xlsx")
    assert code == 1 and "Baris 3, kolom NIP: NIP '1978051220021' harus 18 angka" in err
    names = {p["name"] for p in json.loads(run(capsys, "--db", db_path, "officer", "list",
                                                  "--json")[1])}
    assert "Hendra Wijaya" not in names
    code, out, _ = run(capsys, "--db", db_path, "officer", "import", tmp_path / "pegawai.xlsx",
                       "--skip-bad")
    assert code == 0 and "Diimpor: 1 pegawai; 1 baris bermasalah dilewati" in out
    code, _, err = run(capsys, "--db", db_path, "officer", "import", tmp_path / "none.xlsx")
    assert code == 2 and "tidak ada" in err


def test_a_whole_round_on_the_command_line(capsys, db_path, tmp_path):
    for name, nip, jabatan in STAFF:
        assert run(capsys, "--db", db_path, "officer", "add", "--name", name, "--nip", nip,
                   "--jabatan", jabatan, "--office", "Kecamatan Poncokusumo")[0] == 0
    code, out, err = run(capsys, "--db", db_path, "round", "start", "poncokusumo-2018-renja",
                         "--title", "Renja 2027", "--at", "2026-11-23T08:00+07:00",
                         "--lane", "Tim=Budi Santoso")
    assert code == 0, err
    shown = json.loads(run(capsys, "--db", db_path, "round", "show", "1", "--json")[1])
    assert shown["status"] == "active" and shown["current_step"] == 1
    assert shown["sop_revision"] == 1 and shown["lanes"]["Staf"] == "Dewi Lestari"
    when = datetime(2026, 11, 23, 8, 0, tzinfo=WIB)
    decisions = {6: ["tidak", "ya"], 7: ["ya"]}
    while shown["current_step"] is not None:
        when += timedelta(minutes=40)
        position = shown["current_step"]
        args = ["--db", db_path, "round", "complete", "1", "--step", str(position), "--at",
                when.isoformat()]
        if position in decisions:
            args += ["--decision", decisions[position].pop(0)]
        code, _, err = run(capsys, *args)
        assert code == 0, err
        shown = json.loads(run(capsys, "--db", db_path, "round", "show", "1", "--json")[1])
    assert shown["status"] == "done" and shown["loops"] == 1
    assert [s["position"] for s in shown["steps"]] == [1, 2, 3, 4, 5, 6, 5, 6, 7, 8, 9, 10,
                                                       11, 12]
    assert shown["steps"][0]["received_at"] == "2026-11-23T08:00+07:00"
    assert {"position", "no", "role", "officer", "received_at", "handed_at", "decision",
            "standard_minutes", "working_minutes", "late"} <= set(shown["steps"][0])
    assert shown["events"][0]["kind"] == "started"
    code, _, err = run(capsys, "--db", db_path, "round", "complete", "1", "--step", "12")
    assert code == 2 and "tidak sedang di langkah 12 (sekarang selesai)" in err
    assert run(capsys, "--db", db_path, "round", "report", "1", "-o",
               tmp_path / "r.pdf")[0] == 0
    assert "LAPORAN PUTARAN" in PdfReader(tmp_path / "r.pdf").pages[0].extract_text()
    assert run(capsys, "--db", db_path, "round", "export", "1", "-o",
               tmp_path / "r.xlsx")[0] == 0
    assert load_workbook(tmp_path / "r.xlsx")["Langkah"].max_row == 15
    listed = json.loads(run(capsys, "--db", db_path, "round", "list", "--json")[1])
    assert listed[0]["status"] == "done"
    assert json.loads(run(capsys, "--db", db_path, "round", "list", "--active",
                          "--json")[1]) == []


def test_round_refusals(capsys, db_path):
    code, _, err = run(capsys, "--db", db_path, "round", "start", "poncokusumo-2018-renja",
                       "--title", "R", "--lane", "Tim")
    assert code == 2 and "LAJUR=NAMA" in err
    code, _, err = run(capsys, "--db", db_path, "round", "start", "poncokusumo-2018-renja",
                       "--title", "R", "--at", "kemarin")
    assert code == 2 and "ISO 8601" in err
    code, _, err = run(capsys, "--db", db_path, "round", "start", "poncokusumo-2018-renja",
                       "--title", "R", "--lane", "Tim=Orang Asing")
    assert code == 2 and "tidak ada di daftar" in err
    code, _, err = run(capsys, "--db", db_path, "round", "show", "42")
    assert code == 2 and "Putaran nomor 42" in err
    assert run(capsys, "--db", db_path, "round", "start", "poncokusumo-2018-renja",
               "--title", "R", "--at", "2026-11-23T08:00")[0] == 0
    code, _, err = run(capsys, "--db", db_path, "round", "complete", "1", "--step", "1",
                       "--decision", "ya", "--at", "2026-11-23T09:00")
    assert code == 2 and "bukan keputusan" in err
    code, _, err = run(capsys, "--db", db_path, "round", "complete", "1", "--step", "1",
                       "--at", "2026-11-23T07:00")
    assert code == 2 and "lebih awal" in err
    code, _, err = run(capsys, "--db", db_path, "round", "complete", "1", "--step", "1",
                       "--by", "Siapa", "--at", "2026-11-23T09:00")
    assert code == 2 and "tidak ada di daftar" in err
    code, _, err = run(capsys, "--db", db_path, "round", "start", "ngantang-2021-iku",
                       "--title", "R")
    assert code == 2 and "belum punya langkah" in err


def test_export_all_rounds_of_a_period(capsys, db_path, tmp_path):
    for title, day in (("A", "2026-07-01"), ("B", "2026-07-20"), ("C", "2026-09-01")):
        assert run(capsys, "--db", db_path, "round", "start", "poncokusumo-2018-renja",
                   "--title", title, "--at", f"{day}T08:00")[0] == 0
    code, out, _ = run(capsys, "--db", db_path, "round", "export-period", "--from",
                       "2026-07-01", "--to", "2026-07-31", "-o", tmp_path / "juli.xlsx")
    assert code == 0 and "2 putaran" in out
    titles = {row[1] for row in load_workbook(tmp_path / "juli.xlsx")["Langkah"].iter_rows(
        min_row=2, values_only=True)}
    assert titles == {"A", "B"}
    code, _, err = run(capsys, "--db", db_path, "round", "export-period", "--from",
                       "2026-07-31", "--to", "2026-07-01", "-o", tmp_path / "x.xlsx")
    assert code == 2 and "terbalik" in err
    code, _, err = run(capsys, "--db", db_path, "round", "export-period", "--from", "juli",
                       "--to", "2026-07-01", "-o", tmp_path / "x.xlsx")
    assert code == 2 and "TTTT-BB-HH" in err


def test_handoffs_name_their_receiver_and_the_last_one_can_be_undone(capsys, db_path):
    def cli(*args):
        return run(capsys, "--db", db_path, "round", *args)

    code, out, _ = cli("start", "poncokusumo-2018-renja", "--title", "Renja 2027")
    assert code == 0
    rid = json.loads(cli("list", "--json")[1])[0]["id"]
    # nobody is Sekcam yet: refused, the choices named, nothing written
    code, _, err = cli("complete", str(rid), "--step", "1")
    assert code == 2 and "belum punya penerima" in err and "Drs. SUKARLIN" in err
    code, _, err = cli("complete", str(rid), "--step", "1", "--to", "Orang Lain")
    assert code == 2 and "'Orang Lain' tidak ada di daftar pegawai aktif" in err
    assert run(capsys, "--db", db_path, "officer", "add", "--name", "Siti Aminah", "--nip",
               "19800101 200501 2 001", "--jabatan", "Sekretaris Kecamatan")[0] == 0
    assert cli("complete", str(rid), "--step", "1")[0] == 0  # by jabatan now
    shown = json.loads(cli("show", str(rid), "--json")[1])
    assert (shown["current_step"], shown["holder"]) == (2, "Siti Aminah")
    assert cli("complete", str(rid), "--step", "2", "--to", "-")[0] == 0
    out = cli("show", str(rid))[1]
    assert "langkah 3 (Tim), dipegang (belum ditentukan)" in out
    code, out, _ = cli("undo", str(rid), "--reason", "Tim belum dibentuk")
    assert code == 0 and "dipegang Siti Aminah" in out and "DIBATALKAN oleh #6" in out
    code, _, err = cli("undo", str(rid), "--reason", "x", "--event", "4")
    assert code == 2 and "sudah dibatalkan (oleh #6)" in err
    assert cli("complete", str(rid), "--step", "2", "--to", "Siti Aminah")[0] == 0
    code, _, err = cli("undo", str(rid), "--reason", "x", "--event", "2")
    assert code == 2 and "bukan yang terakhir" in err
    shown = json.loads(cli("show", str(rid), "--json")[1])
    assert (shown["current_step"], shown["holder"], shown["version"]) == (3, "Siti Aminah", 8)
