"""benchmarks/import_survey.py: each file read in a child process, counted by outcome."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCAN = ROOT / ".." / "shared" / "samples" / "import" / "scan" / \
    "SOP FASILITASI KEBERATAN INFORMASI PUBLIK.pdf"


def _survey():
    spec = importlib.util.spec_from_file_location("import_survey",
                                                  ROOT / "benchmarks" / "import_survey.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_problem_kinds_group_messages_by_their_first_words_values_masked():
    survey = _survey()
    assert survey.kind("Waktu '3 hari kerja' tidak terbaca sebagai menit", 4) == \
        "Waktu '…' tidak terbaca"
    assert survey.kind("diagram alir pada halaman 12 tidak terbaca", 6) == \
        "diagram alir pada halaman N tidak"


@pytest.mark.skipif(not SCAN.exists() or shutil.which("tesseract") is None,
                    reason="needs the sample scan and tesseract")
def test_a_folder_surveyed_scan_read_broken_file_refused_none_crashed(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "scan.pdf").symlink_to(SCAN.resolve())
    (tmp_path / "rusak.pdf").write_bytes(b"%PDF-1.4\nbroken")
    (tmp_path / "catatan.txt").write_text("not a PDF, not surveyed")
    survey = _survey()
    assert survey.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 PDF dibaca")
    assert "  dengan masalah: 1\n" in out and "  ditolak: 1\n" in out
    assert "  crash: 0\n" in out and "  melewati batas waktu: 0\n" in out
    assert "rusak: PDF tidak dapat dibuka" in out  # the PDF reader's refusal, counted
    assert "diagram alir pada halaman …" in out
    assert "Waktu per halaman (ocr, 1 berkas)" in out  # the broken one has no pages


@pytest.mark.skipif(not SCAN.exists() or shutil.which("tesseract") is None,
                    reason="needs the sample scan and tesseract")
def test_a_file_over_its_time_is_counted_not_waited_for():
    result = _survey().survey_file(SCAN.resolve(), timeout=0.5)
    assert result["status"] == "timeout"
