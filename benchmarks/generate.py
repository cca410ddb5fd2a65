"""A realistic database of rounds for the benchmarks: rounds of every SOP of the catalogue
over several years, each following its procedure's steps (decisions sometimes sending the
work back), some held and resumed, a few corrected, the recent ones still open, a few
cancelled. Events are bulk-inserted with the program's own hash chain; the summaries are
then built by the program's own rebuild (services.summaries), so `--check` (the program's
integrity check) finds them as the write path would have left them.

Run: `python benchmarks/generate.py --rounds 10000 -o bench.db [--check]`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from kecamatan_desktop.domain import ledger  # noqa: E402
from kecamatan_desktop.domain.rounds import next_position  # noqa: E402
from kecamatan_desktop.domain.zones import WIB  # noqa: E402
from kecamatan_desktop.services import summaries  # noqa: E402
from kecamatan_desktop.services.catalogue import revision_sop  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.store.database import transaction  # noqa: E402
from kecamatan_desktop.store.models import SopRevisionRow, SopRow  # noqa: E402
from kecamatan_desktop.store.round_models import (  # noqa: E402
    RoundEventRow,
    RoundLaneRow,
    RoundRow,
)

FIRST_DAY = datetime(2022, 1, 3, 7, 30, tzinfo=WIB)
LAST_START = datetime(2026, 11, 20, 9, 0, tzinfo=WIB)
NAMES = ["Siti Aminah", "Budi Santoso", "Dewi Lestari", "Agus Salim", "Rina Wati",
         "Hadi Purnomo", "Sri Wahyuni", "Joko Susilo"]
EVENT_DEFAULTS = dict(entered_by="bench", position=None, officer=None, officer_id=None,
                      decision=None, note="", output="", corrects_seq=None, changes=None)
BATCH_EVENTS = 100_000


def _runnable_sops(session) -> list[tuple[int, int, object]]:
    """(sop id, revision id, Sop) of every SOP's current revision with steps."""
    rows = session.execute(select(SopRow.id, SopRevisionRow.id).join(
        SopRevisionRow, (SopRevisionRow.sop_id == SopRow.id)
        & (SopRevisionRow.revision == SopRow.revision)).order_by(SopRow.id)).all()
    out = []
    for sop_id, rev_id in rows:
        sop, _ = revision_sop(rev_id, session=session)
        if sop.steps:
            out.append((sop_id, rev_id, sop))
    return out


def _working(t: datetime) -> datetime:
    """Move a time onto a working morning if it fell on a weekend or at night."""
    local = t.astimezone(WIB)
    if local.hour >= 16:
        local = (local + timedelta(days=1)).replace(hour=7, minute=45)
    elif local.hour < 7:
        local = local.replace(hour=7, minute=45)
    while local.weekday() >= 5:
        local += timedelta(days=1)
    return local


def _round_events(rng: random.Random, rid: int, sop, start: datetime, now: datetime
                  ) -> tuple[list[dict], dict[str, str]]:
    """The log of one round as the program would write it, and who filled each lane."""
    lanes = {role: rng.choice(NAMES) for role in sop.roles}
    t = start
    ev: list[dict] = []

    def add(kind, at, **values):
        ev.append({**EVENT_DEFAULTS, "round_id": rid, "seq": len(ev) + 1, "kind": kind,
                   "occurred_at": at, "entered_at": at, **values})

    add("started", t, position=1, officer=lanes[sop.steps[0].role])
    recent = (now - start) < timedelta(days=45)
    stop_after = rng.randint(1, len(sop.steps)) if recent and rng.random() < 0.8 else None
    cancel_at = rng.randint(1, len(sop.steps)) if rng.random() < 0.03 else None
    position, done, backs = 1, 0, 0
    while True:
        step = sop.steps[position - 1]
        if stop_after is not None and done >= stop_after:
            return ev, lanes
        if cancel_at is not None and done >= cancel_at:
            t = _working(t + timedelta(minutes=rng.randint(10, 600)))
            add("cancelled", t, position=position, note="tidak dilanjutkan")
            return ev, lanes
        if rng.random() < 0.05:
            t = _working(t + timedelta(minutes=rng.randint(5, 120)))
            add("held", t, position=position, note="menunggu data")
            t = _working(t + timedelta(minutes=rng.randint(30, 3000)))
            add("resumed", t, position=position)
        t = _working(t + timedelta(minutes=rng.choice((5, 15, 30, 60, 120, 300, 600, 1500))
                                   + rng.randint(0, 60)))
        decision = None
        if step.decision is not None:
            decision = "tidak" if backs < 2 and rng.random() < 0.2 else "ya"
            backs += decision == "tidak"
        add("step_completed", t, position=position, officer=lanes[step.role],
            decision=decision, output="dokumen" if rng.random() < 0.3 else "")
        done += 1
        if rng.random() < 0.01:
            add("corrected", t, position=position, note="salah ketik",
                corrects_seq=len(ev), changes={"output": "dokumen (diperbaiki)"})
        target = next_position(sop, position, decision)
        if target is None:
            add("finished", t)
            return ev, lanes
        add("handed_off", t, position=target, officer=lanes[sop.steps[target - 1].role])
        position = target


def generate(db, count: int, *, seed: int = 12, now: datetime | None = None) -> int:
    """Add `count` rounds to the database; returns the number of events written."""
    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    span = (min(LAST_START, now - timedelta(days=2)) - FIRST_DAY).total_seconds()
    with db.session() as session:
        sops = _runnable_sops(session)
        first_id = (session.execute(select(RoundRow.id).order_by(RoundRow.id.desc()))
                    .scalars().first() or 0) + 1
        starts = sorted(_working(FIRST_DAY + timedelta(seconds=rng.random() * span))
                        for _ in range(count))
        total = 0
        with transaction(session, immediate=True):
            rounds_rows, lane_rows, event_rows = [], [], []
            for n, start in enumerate(starts):
                rid = first_id + n
                sop_id, rev_id, sop = rng.choice(sops)
                ev, lanes = _round_events(rng, rid, sop, start, now)
                chain(ev)
                total += len(ev)
                event_rows += ev
                # placeholders: the rebuild below writes what the events give
                rounds_rows.append(dict(
                    id=rid, sop_id=sop_id, revision_id=rev_id, title=f"{sop.name[:30]} {rid}",
                    status="active", held_minutes=0, loops=0, started_at=start,
                    last_event_at=start, event_count=len(ev)))
                lane_rows += [dict(round_id=rid, lane=role, officer=name)
                              for role, name in lanes.items()]
                if len(event_rows) >= BATCH_EVENTS:
                    _flush(session, rounds_rows, lane_rows, event_rows)
            _flush(session, rounds_rows, lane_rows, event_rows)
            summaries.rebuild(session)
    return total


def chain(events: list[dict]) -> list[dict]:
    """Give a round's events the hash chain the program writes."""
    previous = None
    for e in events:
        e["hash"] = previous = ledger.event_hash(previous, e)
    return events


def _flush(session, rounds_rows: list, lane_rows: list, event_rows: list) -> None:
    if rounds_rows:
        session.execute(insert(RoundRow.__table__), rounds_rows)
        session.execute(insert(RoundLaneRow.__table__), lane_rows)
        session.execute(insert(RoundEventRow.__table__), event_rows)
    rounds_rows.clear()
    lane_rows.clear()
    event_rows.clear()


def make(path: Path, count: int, *, check: bool = False) -> tuple[int, float]:
    db = open_catalogue(path)
    try:
        t = time.perf_counter()
        events = generate(db, count)
        took = time.perf_counter() - t
        if check:
            from kecamatan_desktop.services.integrity import check_database

            with db.session() as session:
                problems = check_database(session=session)
            for p in problems[:20]:
                print(p.text)
            print("check:", "OK" if not problems else f"{len(problems)} masalah")
    finally:
        db.close()
    return events, took


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, required=True)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="run the integrity check after")
    args = parser.parse_args(argv)
    if args.output.exists():
        parser.error(f"{args.output} exists; choose a new file")
    events, took = make(args.output, args.rounds, check=args.check)
    print(f"{args.rounds} rounds, {events} events in {took:.1f} s: {args.output}")


if __name__ == "__main__":
    main()
