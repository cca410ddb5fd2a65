"""Benchmarks: prints figures, asserts nothing. Run: `python benchmarks/run.py [--repeat N]`.

Startup: wall time from process start to the main window shown with the catalogue loaded,
next to a bare PySide6 window measured in the same run (both headless, offscreen).

Flowchart: time to lay out a procedure with Qt's text metrics (measure cache emptied first),
to build its graphics scene, and to paint its first page, for the 12-step Renstra and for
generated procedures of 50 to 200 steps.
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


def _startup_once(*args: str) -> dict[str, float]:
    """One start of the probe: seconds from process start to the first paint, to the whole
    window, and from the close request to the process's end; peak memory in MiB."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPATH=str(HERE.parent))
    started = time.time()
    out = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, text=True,
                         env=env, check=True).stdout
    ended = time.time()
    seen = dict(line.split() for line in out.splitlines() if line[:1].isalpha())
    return {"first": float(seen["first"]) - started,
            "complete": float(seen["complete"]) - started,
            "close": ended - float(seen["close"]),
            "rss": float(seen["rss"]) / 1024}


def startup_figures(repeat: int) -> dict[str, dict[str, float]]:
    """Medians of `repeat` starts of a bare PySide6 window and of the program, alternated in
    the same run, on a seeded database (its first start, which seeds it, is not counted)."""
    samples: dict[str, list[dict[str, float]]] = {"bare": [], "app": []}
    # An installed program starts from bytecode (pip compiles on install; the Windows
    # build ships it), and so does PySide6 here. A checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would compile every module on every start instead.
    import compileall

    compileall.compile_dir(str(HERE.parent / "kecamatan_desktop"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        ini = str(Path(tmp) / "settings.ini")
        _startup_once("app", str(db), ini)  # creates, migrates and seeds the database
        for _ in range(repeat):
            samples["bare"].append(_startup_once("bare"))
            samples["app"].append(_startup_once("app", str(db), ini))
    return {kind: {key: statistics.median(s[key] for s in runs) for key in runs[0]}
            for kind, runs in samples.items()}


# (label, figure, how it is compared, target): ratio targets are against the bare window
STARTUP_ROWS = (
    ("first paint, catalogue listed", "first", "ratio", 1.5),
    ("window complete (editor, rounds)", "complete", "ratio", 2.5),
    ("closing (close asked -> process end)", "close", "ms", 50),
    ("peak memory", "rss", "ratio", None),
)


def bench_startup(repeat: int) -> None:
    print(f"Start-up: process start -> window shown (offscreen, median of {repeat})")
    figures = startup_figures(repeat)
    bare, app = figures["bare"], figures["app"]
    print(f"  {'':<38}{'bare':>9}{'program':>10}{'ratio':>8}{'target':>9}")
    for label, key, kind, target in STARTUP_ROWS:
        unit = "MiB" if key == "rss" else "ms"
        scale = 1 if key == "rss" else 1000
        ratio = app[key] / bare[key]
        goal = "-" if target is None else (f"<{target} ms" if kind == "ms" else f"{target}x")
        met = "" if target is None else (
            "  ok" if (app[key] * 1000 if kind == "ms" else ratio) <= target else "  over")
        print(f"  {label:<38}{bare[key] * scale:>6.0f} {unit:<3}{app[key] * scale:>6.0f} {unit:<3}"
              f"{ratio:>6.2f}x{goal:>9}{met}")


def _generated_sop(count: int):
    """A `count`-step procedure over six lanes; every seventh step is a check sending work back."""
    from dataclasses import replace

    from kecamatan_desktop.domain.interchange import loads
    from kecamatan_desktop.domain.sop import Decision, Step

    base = loads((HERE.parent / "data" / "sops" / "poncokusumo-2018-renstra.json")
                 .read_text(encoding="utf-8"))
    roles = base.roles
    steps = []
    for i in range(count):
        decision = None
        if i % 7 == 6 and i + 1 < count:
            decision = Decision(yes=i + 2, no=max(1, i - 3))
        steps.append(Step(
            no=str(i + 1), role=roles[(i * 5) % len(roles)],
            activity=f"Memeriksa berkas nomor {i + 1} beserta lampirannya, lalu meneruskannya "
                     "kepada pejabat berikutnya sesuai disposisi",
            requirements=f"Berkas {i + 1}, lembar disposisi", time=("10 menit", "1 jam")[i % 2],
            output=f"Berkas {i + 1} diteruskan", notes="" if i % 5 else "Dicatat dalam agenda",
            decision=decision))
    return replace(base, id=f"uji-{count}", name=f"Prosedur Uji {count} Langkah",
                   steps=tuple(steps))


def bench_flowchart(repeat: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(HERE.parent))
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from kecamatan_desktop.domain.interchange import loads
    from kecamatan_desktop.drawing import qt_measure
    from kecamatan_desktop.drawing.scene import lay_out
    from kecamatan_desktop.export.image import ensure_application
    from kecamatan_desktop.ui.flowchart.scene import FlowchartScene

    ensure_application()

    def measure(sop) -> tuple[float, float, float, int]:
        lay, build, paint = [], [], []
        pages = 0
        for _ in range(repeat):
            qt_measure._em_width.cache_clear()
            t0 = time.perf_counter()
            layout = lay_out(sop)
            t1 = time.perf_counter()
            scene = FlowchartScene(layout, sop)
            t2 = time.perf_counter()
            sheet = scene.page_rect(0)
            image = QImage(int(sheet.width() * 1.5), int(sheet.height() * 1.5),
                           QImage.Format.Format_RGB32)
            painter = QPainter(image)
            scene.render(painter, QRectF(0, 0, image.width(), image.height()), sheet)
            painter.end()
            t3 = time.perf_counter()
            lay.append(t1 - t0)
            build.append(t2 - t1)
            paint.append(t3 - t2)
            pages = len(layout.pages)
        return (statistics.median(lay), statistics.median(build), statistics.median(paint), pages)

    print("Flowchart: layout with Qt metrics, scene build, first page painted at 108 dpi "
          f"(median of {repeat})")
    print(f"  {'procedure':<26}{'pages':>6}{'layout':>11}{'scene':>10}{'paint p.1':>11}"
          f"{'layout/step':>13}")
    renstra = loads((HERE.parent / "data" / "sops" / "poncokusumo-2018-renstra.json")
                    .read_text(encoding="utf-8"))
    cases = [("Renstra, 12 steps", renstra)]
    cases += [(f"generated, {n} steps", _generated_sop(n)) for n in (50, 100, 150, 200)]
    for label, sop in cases:
        lay, build, paint, pages = measure(sop)
        print(f"  {label:<26}{pages:>6}{lay * 1000:>8.1f} ms{build * 1000:>7.1f} ms"
              f"{paint * 1000:>8.1f} ms{lay * 1000 / len(sop.steps):>10.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", choices=["startup", "flowchart", "pdf", "rounds"],
                        help="run one section (default: all)")
    parser.add_argument("--rounds", type=int, nargs="+", default=[10_000, 50_000, 100_000],
                        metavar="N", help="database sizes for the rounds section")
    args = parser.parse_args()
    if args.only in (None, "startup"):
        bench_startup(args.repeat)
    if args.only in (None, "flowchart"):
        bench_flowchart(args.repeat)
    if args.only in (None, "pdf"):
        from pdf_bench import bench_pdf

        bench_pdf(args.repeat)
    if args.only in (None, "rounds"):
        import rounds_bench

        rounds_bench.main(["--sizes", *map(str, args.rounds)])


if __name__ == "__main__":
    main()
