"""`kecamatan-desktop image`: the flowchart of a stored SOP as PNG or SVG files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from kecamatan_desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "sop-40-langkah.json"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_image_writes_the_png_and_prints_its_path(qapp, capsys, db_path, tmp_path):
    target = tmp_path / "renstra.png"
    code, out, err = run(capsys, "--db", db_path, "image", "poncokusumo-2018-renstra",
                         "-o", target)
    assert (code, err) == (0, "")
    assert out.splitlines() == [str(target)]
    assert QImage(str(target)).width() == 3898


def test_image_of_a_long_procedure_prints_every_page(qapp, capsys, db_path, tmp_path):
    assert run(capsys, "--db", db_path, "import", FIXTURE)[0] == 0
    code, out, _ = run(capsys, "--db", db_path, "image", "uji-musrenbang-kecamatan",
                       "--output", tmp_path / "musrenbang.svg")
    paths = [Path(line) for line in out.splitlines()]
    assert code == 0 and len(paths) >= 3
    assert paths[0] == tmp_path / "musrenbang-1.svg" and all(p.exists() for p in paths)


def test_image_of_an_unknown_sop_is_bad_input(qapp, capsys, db_path, tmp_path):
    code, out, err = run(capsys, "--db", db_path, "image", "tidak-ada", "-o",
                         tmp_path / "x.png")
    assert code == 2 and out == "" and "tidak-ada" in err
    assert not (tmp_path / "x.png").exists()


def test_image_refuses_other_suffixes_and_undrawn_procedures(qapp, capsys, db_path, tmp_path):
    code, _, err = run(capsys, "--db", db_path, "image", "poncokusumo-2018-renstra", "-o",
                       tmp_path / "renstra.jpg")
    assert code == 2 and ".png atau .svg" in err
    code, _, err = run(capsys, "--db", db_path, "image", "ngantang-2021-renja", "-o",
                       tmp_path / "renja.png")
    assert code == 2 and "belum punya langkah prosedur" in err
    assert not (tmp_path / "renstra.jpg").exists() and not (tmp_path / "renja.png").exists()


def test_image_needs_an_output_file(capsys, db_path):
    try:
        code = main(["--db", str(db_path), "image", "poncokusumo-2018-renstra"])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    assert "-o" in capsys.readouterr().err


def test_image_runs_headless_in_a_fresh_process(db_path, tmp_path):
    """No display and no QT_QPA_PLATFORM: the command makes its own offscreen application."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(ROOT)
    target = tmp_path / "renja.png"
    done = subprocess.run([sys.executable, "-m", "kecamatan_desktop", "--db", str(db_path),
                           "image", "poncokusumo-2018-renja", "-o", str(target)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(target)] and target.exists()
