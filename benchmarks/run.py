"""Benchmarks: prints figures, asserts nothing. Run: `python benchmarks/run.py [--repeat N]`.

Startup: wall time from process start to the main window shown with the catalogue loaded,
next to a bare PySide6 window measured in the same run (both headless, offscreen).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROBE = HERE / "startup_probe.py"


def _startup_once(*args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPATH=str(HERE.parent))
    started = time.time()
    out = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, text=True,
                         env=env, check=True).stdout
    return float(out.strip().splitlines()[-1]) - started


def _report(label: str, samples: list[float]) -> None:
    print(f"  {label:<44} median {statistics.median(samples) * 1000:7.0f} ms   "
          f"min {min(samples) * 1000:7.0f} ms   (n={len(samples)})")


def bench_startup(repeat: int) -> None:
    print("Start-up: process start -> window shown (offscreen)")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        ini = str(Path(tmp) / "settings.ini")
        first = _startup_once("app", str(db), ini)  # creates, migrates and seeds the database
        bare, app = [], []
        for _ in range(repeat):
            bare.append(_startup_once("bare"))
            app.append(_startup_once("app", str(db), ini))
    _report("bare PySide6 QMainWindow", bare)
    _report("Kecamatan Desktop, catalogue of 21 SOPs", app)
    print(f"  {'first start (create, migrate, seed 21 SOPs)':<44} once   {first * 1000:7.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bench_startup(args.repeat)


if __name__ == "__main__":
    main()
