"""History at scale: every figure of issue 12 at each database size, as medians, with the
ratio to its target. Prints a table; asserts nothing.

Run: `python benchmarks/history.py --sizes 10000 100000 [--repeat 7]`.

Databases come from benchmarks/generate.py and are cached under ~/.cache/kecamatan-bench/
by size and schema; each run works on a copy (a handoff writes). Start-up against a bare
PySide6 window is measured in the same run (benchmarks/run.py's probe).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.generate import make  # noqa: E402
from kecamatan_desktop.store.migrate import SCHEMA_HEAD  # noqa: E402

CAMAT = "Drs. SUKARLIN, M.Si."  # the receiver each handoff names, as the window always does

CACHE = Path.home() / ".cache" / "kecamatan-bench"
XLSX_ROUNDS = 10_000
# figure: target in ms (None: no target set, shown for information)
TARGETS = {
    "handoff (complete_step)": 10,
    "dashboard: open rounds": 50,
    "dashboard: semua": None,
    "round page": 100,
    "step statistics of an SOP": 100,
    "monitoring form, one SOP, a year": 500,
    "monitoring, all SOPs of an office, a year": 500,
    f"xlsx of {XLSX_ROUNDS:,} rounds": 10_000,
    "CLI --help": 150,
    "CLI list": None,
    "bare python (reference)": None,
    "start-up: bare PySide6 window": None,
    "start-up: catalogue painted": None,
    "start-up: window complete": None,
    "closing": 50,
}


def cached_database(size: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"rounds-{size}-{SCHEMA_HEAD}.db"
    if not path.exists():
        temp = path.with_name(path.name + ".tmp")
        for leftover in CACHE.glob(temp.name + "*"):
            leftover.unlink()
        print(f"  generating {size:,} rounds into {path} (once) ...", flush=True)
        events, took = make(temp, size)
        print(f"  {events:,} events in {took:.0f} s", flush=True)
        os.replace(temp, path)
    return path


def median_ms(fn, repeat: int) -> float:
    from benchmarks.pdf_bench import median_seconds

    return median_seconds(fn, repeat) * 1000


def _cli_ms(args: list[str], repeat: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    return median_ms(lambda: subprocess.run([sys.executable, *args], env=env,
                                            capture_output=True, check=True), repeat)


def bench(size: int, repeat: int, work: Path) -> dict[str, float]:
    from sqlalchemy import func, select

    from kecamatan_desktop.export.spreadsheet import write_workbook
    from kecamatan_desktop.services import history, monitoring, rounds
    from kecamatan_desktop.services.session import open_catalogue
    from kecamatan_desktop.services.workbook import rounds_workbook
    from kecamatan_desktop.store.models import OfficeRow, SopRow
    from kecamatan_desktop.store.round_models import RoundRow

    db_path = work / f"rounds-{size}.db"
    shutil.copy(cached_database(size), db_path)
    db = open_catalogue(db_path)
    out: dict[str, float] = {}
    try:
        with db.session() as s:
            busiest, office = s.execute(
                select(SopRow.slug, SopRow.office_id).join(RoundRow, RoundRow.sop_id == SopRow.id)
                .group_by(SopRow.id).order_by(func.count().desc())).first()
            office_name = s.get(OfficeRow, office).name
            open_rows = history.dashboard(session=s, view="aktif").rows
            ids = [r.id for r in open_rows if r.status == "active"]
            now = datetime.now(UTC)
            year = (date(2025, 1, 1), date(2025, 12, 31))
            # warm the per-run caches once, as the window would have
            history.round_page(ids[0], session=s)
            pages = iter(ids)
            out["round page"] = median_ms(
                lambda: history.round_page(next(pages), session=s), repeat)
            out["step statistics of an SOP"] = median_ms(
                lambda: history.step_stats(busiest, session=s), repeat)
            out["dashboard: open rounds"] = median_ms(
                lambda: history.dashboard(session=s, view="aktif"), repeat)
            out["dashboard: semua"] = median_ms(
                lambda: history.dashboard(session=s, view="semua"), max(3, repeat // 2))
            out["monitoring form, one SOP, a year"] = median_ms(
                lambda: monitoring.monitoring_form(busiest, *year, session=s), repeat)
            out["monitoring, all SOPs of an office, a year"] = median_ms(
                lambda: monitoring.office_monitoring(office_name, *year, session=s), repeat)
            first_ids = s.execute(select(RoundRow.id).order_by(RoundRow.id)
                                  .limit(XLSX_ROUNDS)).scalars().all()
            out[f"xlsx of {XLSX_ROUNDS:,} rounds"] = median_ms(
                lambda: write_workbook(rounds_workbook(session=s, round_ids=first_ids),
                                       work / "rounds.xlsx"), 1)
            victims = iter(ids[repeat + 1:])
            clock = [now - timedelta(minutes=repeat + 5)]

            def handoff():
                rid = next(victims)
                version = s.execute(select(RoundRow.event_count)
                                    .where(RoundRow.id == rid)).scalar()
                s.rollback()
                clock[0] += timedelta(seconds=30)
                try:
                    rounds.complete_step(rid, session=s, expected_version=version,
                                         at=clock[0], decision=None, receiver=CAMAT)
                except rounds.InputError:  # a decision step: answer it
                    rounds.complete_step(rid, session=s, expected_version=version,
                                         at=clock[0], decision="ya", receiver=CAMAT)

            out["handoff (complete_step)"] = median_ms(handoff, repeat)
    finally:
        db.close()
    out["CLI list"] = _cli_ms(["-m", "kecamatan_desktop", "--db", str(db_path), "list"], 5)
    db_path.unlink()
    return out


def startup(repeat: int) -> dict[str, float]:
    from benchmarks.run import startup_figures

    out = {"CLI --help": _cli_ms(["-m", "kecamatan_desktop", "--help"], repeat),
           "bare python (reference)": _cli_ms(["-c", "pass"], repeat)}
    figures = startup_figures(repeat)
    out["start-up: catalogue painted"] = figures["app"]["first"] * 1000
    out["start-up: window complete"] = figures["app"]["complete"] * 1000
    out["start-up: bare PySide6 window"] = figures["bare"]["first"] * 1000
    out["closing"] = figures["app"]["close"] * 1000
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            print(f"measuring {size:,} rounds ...", flush=True)
            results[size] = bench(size, args.repeat, Path(tmp))
    common = startup(args.repeat)
    head = "".join(f" | {f'{size:,} rounds':>16} | {'÷ target':>8}" for size in args.sizes)
    print(f"\n{'figure (median)':<44} | {'target':>9}{head}")
    print("-" * (58 + 30 * len(args.sizes)))
    for name, target in TARGETS.items():
        cells = ""
        for size in args.sizes:
            value = results[size].get(name, common.get(name))
            ratio = f"{value / target:.2f}" if target else "-"
            cells += f" | {value:>13.1f} ms | {ratio:>8}"
        goal = f"{target:,} ms" if target else "-"
        print(f"{name:<44} | {goal:>9}{cells}")
    bare = common["start-up: bare PySide6 window"]
    print(f"\nstart-up, bare PySide6 window {bare:.0f} ms; catalogue painted "
          f"{common['start-up: catalogue painted']:.0f} ms = "
          f"{common['start-up: catalogue painted'] / bare:.2f}x (targets 1.5x, at most 2.5x); "
          f"window complete {common['start-up: window complete']:.0f} ms = "
          f"{common['start-up: window complete'] / bare:.2f}x; closing {common['closing']:.0f} ms "
          "(target under 50 ms)")


if __name__ == "__main__":
    main()
