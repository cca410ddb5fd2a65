"""Command line: a round on an SOP with a step drawn in two lanes and one Waktu over two
steps; `round complete --to` names one receiver per lane, and `round show` says who holds
the file in each lane and times the span once."""

from __future__ import annotations

import json

from kecamatan_desktop.services.session import open_catalogue
from tests.services.test_round_books import BOOK, store_book_sop
from tests.services.test_rounds import add_staff
from tests.test_cli import run


def test_complete_names_a_receiver_per_lane(capsys, db_path):
    db = open_catalogue(db_path)
    try:
        with db.session() as session:
            add_staff(session)
            store_book_sop(session)
    finally:
        db.close()
    code, out, err = run(capsys, "--db", db_path, "round", "start", BOOK, "--title", "Renja",
                         "--at", "2026-11-23T08:00+07:00", "--lane", "Tim=Budi Santoso",
                         "--lane", "Staf=Dewi Lestari")
    assert code == 0, err
    round_id = int(out.split()[1].rstrip(":"))
    for step, at in ((1, "08:30"), (2, "09:00")):
        extra = ("--to", "Budi Santoso,") if step == 2 else ()  # Staf keeps its offer
        code, out, err = run(capsys, "--db", db_path, "round", "complete", round_id, "--step",
                             step, "--at", f"2026-11-23T{at}+07:00", *extra)
        assert code == 0, err
    assert "dipegang Budi Santoso (Tim), Dewi Lestari (Staf)" in out
    code, out, err = run(capsys, "--db", db_path, "round", "complete", round_id, "--step", 3,
                         "--at", "2026-11-23T09:30+07:00", "--by", "Dewi Lestari")
    assert code == 0, err
    code, _, err = run(capsys, "--db", db_path, "round", "complete", round_id, "--step", 4,
                       "--at", "2026-11-23T10:10+07:00", "--to", "Dewi Lestari,Rina Wati")
    assert code == 2 and "'Dewi Lestari,Rina Wati' tidak ada" in err  # step 5: one lane
    for step, at in ((4, "10:10"), (5, "10:50")):
        code, out, err = run(capsys, "--db", db_path, "round", "complete", round_id, "--step",
                             step, "--at", f"2026-11-23T{at}+07:00")
        assert code == 0, err
    assert "baku dalam Langkah 4–5" in out and "baku Langkah 4–5: 60, Langkah 4–5 80 menit" \
        in out and "baku tanpa waktu baku" in out
    shown = json.loads(run(capsys, "--db", db_path, "round", "show", round_id, "--json")[1])
    three = shown["steps"][2]
    assert (three["role"], three["officer"], three["done_by"]) == (
        "Tim, Staf", "Budi Santoso, Dewi Lestari", "Dewi Lestari")
    five = shown["steps"][4]
    assert (five["standard_minutes"], five["span_minutes"], five["late"]) == (60, 80, True)


def test_a_multi_lane_step_needs_a_name_per_lane(capsys, db_path):
    db = open_catalogue(db_path)
    try:
        with db.session() as session:
            add_staff(session)
            store_book_sop(session)
    finally:
        db.close()
    out = run(capsys, "--db", db_path, "round", "start", BOOK, "--title", "Renja", "--at",
              "2026-11-23T08:00+07:00", "--lane", "Tim=Budi Santoso")[1]
    round_id = int(out.split()[1].rstrip(":"))
    run(capsys, "--db", db_path, "round", "complete", round_id, "--step", 1, "--at",
        "2026-11-23T08:30+07:00")
    code, _, err = run(capsys, "--db", db_path, "round", "complete", round_id, "--step", 2,
                       "--at", "2026-11-23T09:00+07:00", "--to", "Budi Santoso,Rina Wati,Agus")
    assert code == 2 and "2 lajur (Tim, Staf)" in err and "bukan 3" in err
    code, out, err = run(capsys, "--db", db_path, "round", "complete", round_id, "--step", 2,
                         "--at", "2026-11-23T09:00+07:00", "--to", "Budi Santoso;Rina Wati")
    assert code == 0 and "Budi Santoso (Tim), Rina Wati (Staf)" in out
