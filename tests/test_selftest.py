"""`--self-test`, `--screenshot` and the CLI's UTF-8 output, as an installed program uses them."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from kecamatan_desktop import cli
from kecamatan_desktop.selftest import CheckFailed, _check_fonts, pdf_facts, png_size


def test_self_test_passes_every_check_and_says_so(capsys):
    assert cli.main(["--self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line.split(":")[0] for line in lines[:-1]]
    assert names == ["LULUS basis data", "LULUS katalog", "LULUS diagram alir PNG",
                     "LULUS PDF SOP", "LULUS putaran", "LULUS laporan putaran PDF"]
    assert "3898 × 2539 piksel" in lines[2]
    assert "putaran 1 selesai" in lines[4]
    assert lines[-1].startswith("Uji mandiri selesai: 6 pemeriksaan lulus")


def test_self_test_leaves_the_users_database_alone(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KECAMATAN_DB", str(tmp_path / "mine.db"))
    assert cli.main(["--self-test"]) == 0
    assert not (tmp_path / "mine.db").exists()


def test_pdf_checks_find_a_font_that_is_not_embedded(tmp_path):
    path = tmp_path / "helvetica.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica", 12)  # one of the 14 standard fonts: never embedded
    canvas.drawString(72, 720, "Penyusunan Renja")
    canvas.showPage()
    canvas.showPage()
    canvas.save()
    facts = pdf_facts(path)
    assert facts.pages == 2
    with pytest.raises(CheckFailed, match="tidak tertanam: Helvetica"):
        _check_fonts(facts, path.name)


def test_pdf_and_png_checks_refuse_cut_or_wrong_files(tmp_path):
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Page >>\n")
    with pytest.raises(CheckFailed, match="bukan PDF yang utuh"):
        pdf_facts(cut)
    with pytest.raises(CheckFailed, match="bukan PNG"):
        png_size(cut)


def test_screenshot_saves_the_main_window_with_the_catalogue(qtbot, tmp_path, capsys):
    from PySide6.QtGui import QImage

    target = tmp_path / "jendela.png"
    assert cli.main(["--db", str(tmp_path / "k.db"), "--screenshot", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1360, 860)


def test_screenshot_that_cannot_be_written_says_so(qtbot, tmp_path, capsys):
    target = tmp_path / "no-such-folder" / "jendela.png"
    assert cli.main(["--db", str(tmp_path / "k.db"), "--screenshot", str(target)]) == 1
    assert "tidak dapat disimpan" in capsys.readouterr().err
    assert not target.exists()


def test_cli_writes_utf8_even_when_the_console_code_page_is_cp1252(monkeypatch):
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp1252"))
    cli._utf8_output()
    print("Putaran 1: Renja 2027 — Penyusunan Renja, Tidak → langkah 6")
    sys.stdout.flush()
    assert raw.getvalue().decode("utf-8").startswith("Putaran 1: Renja 2027 — ")


def test_the_shipped_icon_has_every_size_from_16_to_256():
    from PIL import Image

    from kecamatan_desktop.resource_paths import resource

    icon = Image.open(Path(resource("icons", "app.ico")))
    assert {16, 24, 32, 48, 256} <= {w for w, _ in icon.info["sizes"]}


def test_screenshot_signs_the_user_in_as_the_window_does(qtbot, tmp_path, capsys, monkeypatch):
    from kecamatan_desktop.services import identity
    from kecamatan_desktop.services.session import open_catalogue
    from tests.services.test_accounts import SITI, office_with_users
    from tests.services.test_rounds import add_staff

    db = open_catalogue(tmp_path / "k.db")
    with db.session() as s:
        add_staff(s)
        office_with_users(s)  # passwords 'rahasia1'
    db.close()
    target = tmp_path / "jendela.png"
    monkeypatch.setenv(identity.PASSWORD_ENV, "salah")
    args = ["--db", str(tmp_path / "k.db"), "--user", SITI, "--screenshot", str(target)]
    assert cli.main(args) == 2
    assert "salah (percobaan ke-1 dari 5)" in capsys.readouterr().err
    assert not target.exists()
    monkeypatch.setenv(identity.PASSWORD_ENV, "rahasia1")
    assert cli.main(args) == 0
    assert target.exists()
    assert identity.current().name == "Siti Aminah"  # signed in, as the status bar shows
