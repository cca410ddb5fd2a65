"""Rounds at scale: generates a database of rounds and events, then times one handoff and
opening the dashboard (the service query and the Qt model). Prints figures only.

Run: `python benchmarks/rounds_bench.py [--sizes 10000 50000 100000] [--server URL]`; with
`--server postgresql+psycopg://USER:SANDI@HOST:PORT/postgres` each size runs in a new database
of that server (made and dropped here) instead of a SQLite file.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert, select  # noqa: E402

from benchmarks.generate import chain  # noqa: E402
from kecamatan_desktop.domain.calendar import WIB  # noqa: E402
from kecamatan_desktop.services import rounds  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.store.models import SopRevisionRow, SopRow  # noqa: E402
from kecamatan_desktop.store.round_models import (  # noqa: E402
    RoundEventRow,
    RoundLaneRow,
    RoundRow,
)

CAMAT = "Drs. SUKARLIN, M.Si."  # the receiver each handoff names, as the window always does

LANES = {"Camat": "Drs. SUKARLIN, M.Si.", "Sekcam": "Sekretaris", "Tim": "Ketua Tim",
         "Kasubag Evapor": "Kasubag Evapor", "Staf": "Staf", "Kasubag Umum": "Kasubag Umum"}
ROLES = ["Camat", "Sekcam", "Tim", "Kasubag Evapor", "Staf", "Kasubag Evapor", "Tim", "Sekcam",
         "Camat", "Camat", "Kasubag Umum", "Staf"]
T0 = datetime(2025, 1, 6, 8, 0, tzinfo=WIB)


EVENT_DEFAULTS = dict(entered_by="bench", position=None, officer=None, decision=None, note="",
                      output="", officer_id=None, corrects_seq=None, changes=None)


def _event(**values) -> dict:
    # executemany needs every row to carry the same keys
    return {**EVENT_DEFAULTS, **values}


def generate(db, count: int, open_share: float = 0.05, seed: int = 7) -> int:
    """`count` Renja rounds: most finished (25 events), some open at a random step."""
    rng = random.Random(seed)
    with db.engine.begin() as conn:
        sop_id, = conn.execute(select(SopRow.id).where(
            SopRow.slug == "poncokusumo-2018-renja")).one()
        rev_id, = conn.execute(select(SopRevisionRow.id).where(
            SopRevisionRow.sop_id == sop_id)).one()
        rounds_rows, lane_rows, event_rows = [], [], []
        events_total = 0
        for n in range(1, count + 1):
            start = T0 + timedelta(minutes=37 * n)
            is_open = rng.random() < open_share
            last = rng.randint(1, 12) if is_open else 12
            t = start
            ev = [_event(round_id=n, seq=1, kind="started", occurred_at=t, entered_at=t,
                       entered_by="bench", position=1, officer=LANES["Camat"], note="",
                       output="")]
            for pos in range(1, last if is_open else 13):
                t += timedelta(minutes=rng.randint(5, 90))
                decision = "ya" if pos in (6, 7) else None
                ev.append(_event(round_id=n, seq=len(ev) + 1, kind="step_completed",
                               occurred_at=t, entered_at=t, position=pos,
                               officer=LANES[ROLES[pos - 1]], decision=decision, note="",
                               output=""))
                if pos < 12:
                    ev.append(_event(round_id=n, seq=len(ev) + 1, kind="handed_off",
                                   occurred_at=t, entered_at=t,
                                   position=pos + 1, officer=LANES[ROLES[pos]], note="",
                                   output=""))
                else:
                    ev.append(_event(round_id=n, seq=len(ev) + 1, kind="finished",
                                   occurred_at=t, entered_at=t, note="",
                                   output=""))
            chain(ev)
            events_total += len(ev)
            event_rows += ev
            rounds_rows.append(dict(
                id=n, sop_id=sop_id, revision_id=rev_id, title=f"Renja {n}",
                status="active" if is_open else "done",
                current_position=last if is_open else None,
                holder=LANES[ROLES[last - 1]] if is_open else None,
                since=t if is_open else None, held_minutes=0, loops=0, started_at=start,
                last_event_at=t, event_count=len(ev)))
            lane_rows += [dict(round_id=n, lane=lane, officer=o) for lane, o in LANES.items()]
            if len(event_rows) > 200_000:
                conn.execute(insert(RoundRow), rounds_rows)
                conn.execute(insert(RoundLaneRow), lane_rows)
                conn.execute(insert(RoundEventRow), event_rows)
                rounds_rows, lane_rows, event_rows = [], [], []
        if rounds_rows:
            conn.execute(insert(RoundRow), rounds_rows)
            conn.execute(insert(RoundLaneRow), lane_rows)
            conn.execute(insert(RoundEventRow), event_rows)
    return events_total


def timed(fn, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


@contextmanager
def new_database(server: str | None):
    """A SQLite file in a temporary folder, or a new database on `server`, dropped after."""
    if server is None:
        with tempfile.TemporaryDirectory() as tmp:
            yield Path(tmp) / "rounds.db"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from kecamatan_desktop.paths import ServerDatabase

    url = make_url(server).set(drivername="postgresql+psycopg")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"kd_bench_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield ServerDatabase(url.set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def bench(count: int, server: str | None = None) -> dict:
    with new_database(server) as where:
        db = open_catalogue(where)
        t = time.perf_counter()
        events = generate(db, count)
        gen = time.perf_counter() - t
        with db.session() as session:
            open_ids = [r.id for r in session.exec(
                select(RoundRow).where(RoundRow.status == "active")).scalars()]
            victims = iter(open_ids)
            clock = [datetime(2026, 11, 23, 8, 0, tzinfo=WIB)]

            def handoff():
                rid = next(victims)
                detail = rounds.get_round(rid, session=session)
                step = detail.sop.steps[detail.current_step - 1]
                clock[0] += timedelta(minutes=1)
                rounds.complete_step(rid, session=session, at=clock[0],
                                     expected_version=detail.version, receiver=CAMAT,
                                     decision="ya" if step.decision else None)

            now = datetime(2026, 11, 23, 9, 0, tzinfo=WIB)
            handoff_s = timed(handoff, 9)
            dashboard_s = timed(lambda: rounds.list_rounds(session=session, active_only=True,
                                                           now=now), 3)
        model_s = _dashboard_time(db)
        db.close()
    return dict(count=count, events=events, open=len(open_ids), generate=gen,
                handoff=handoff_s, dashboard=dashboard_s, model=model_s)


def _dashboard_time(db) -> float:
    """Opening the Pelaksanaan dashboard: the query, the Qt model and a first paint."""
    from PySide6.QtWidgets import QApplication

    from kecamatan_desktop.ui.rounds.dashboard import Dashboard

    QApplication.instance() or QApplication([])
    dashboard = Dashboard(db)
    dashboard.resize(1200, 700)
    dashboard.show()

    def open_it():
        dashboard.refresh()
        dashboard.grab()

    return timed(open_it, 3)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--server", metavar="URL", help="a PostgreSQL server instead of SQLite")
    args = parser.parse_args(argv)
    engine = "PostgreSQL" if args.server else "SQLite"
    print(f"Rounds on {engine}: one handoff and the dashboard, by database size")
    print(f"  {'rounds':>8} {'events':>10} {'open':>6} {'generate':>9} {'handoff':>9} "
          f"{'dashboard query':>16} {'dashboard shown':>16}")
    for size in args.sizes:
        r = bench(size, args.server)
        print(f"  {r['count']:>8} {r['events']:>10} {r['open']:>6} {r['generate']:>8.1f}s "
              f"{r['handoff'] * 1000:>7.1f}ms {r['dashboard'] * 1000:>14.1f}ms "
              f"{r['model'] * 1000:>14.1f}ms")


if __name__ == "__main__":
    main()
