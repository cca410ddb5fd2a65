"""Words broken with a hyphen at a syllable, headings whole, read back from a PDF on A4 with
9 lanes (issue 26, 4: "Musrenbangca/m", "Keteranga/n", "Pemerintaha/n")."""

from __future__ import annotations

from dataclasses import replace

from pypdf import PdfReader

from kecamatan_desktop.domain.sop import Step
from kecamatan_desktop.export.pdf_document import write_sop_pdf
from tests.export.sample_sops import seed_sop

ROLES = ("Camat", "Sekretaris Kecamatan", "Kasi Pemerintahan", "Kasi Trantib", "Kasi Kesra",
         "Kasi Ekbang", "Kasubag Umum", "Kasubag Keuangan", "Staf Pelaksana")


def _nine_lanes():
    steps = tuple(Step(no=str(i + 1), activity="Menyusun rancangan hasil Musrenbangcam",
                       role=ROLES[i], requirements="Berita acara Musrenbangcam",
                       time="1 hari", output="Daftar perubahan-perubahan",
                       notes="Pemerintahan")
                  for i in range(len(ROLES)))
    return replace(seed_sop("poncokusumo-2018-renja"), roles=ROLES, steps=steps)


def test_narrow_a4_columns_break_words_at_syllables_with_a_hyphen(tmp_path):
    reader = PdfReader(write_sop_pdf(_nine_lanes(), tmp_path / "sop.pdf", paper="a4"))
    sheet = reader.pages[-1].extract_text()
    lines = [line.strip() for line in sheet.splitlines()]
    assert "Musrenbang-" in lines and "cam" in lines  # Kelengkapan, 59.5 pt wide
    assert "Musrenbangca" not in sheet.replace("Musrenbangcam", "")
    assert "Pemerin-" in lines or "Pemerinta-" in lines  # Keterangan, 44.6 pt
    assert "Pemerintaha" not in sheet.replace("Pemerintahan", "")
    # headings are set smaller, never broken: "Keterangan" and the lanes' names whole
    assert "Keterangan" in lines and "Kete-" not in lines and "Ketera-" not in lines
    assert "Pemerintahan" in lines
