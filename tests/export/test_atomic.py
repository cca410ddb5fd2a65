"""Files the program writes are readable as the user's other files: the umask's mode."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kecamatan_desktop.export.atomic import current_umask, replacing, replacing_one
from kecamatan_desktop.export.pdf_document import write_sop_pdf
from tests.export.sample_sops import seed_sop

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows has no POSIX modes")


@pytest.fixture(params=[0o022, 0o027, 0o077])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_umask_is_read_without_changing_it(umask):
    assert current_umask() == umask
    assert current_umask() == umask


def test_a_file_written_whole_gets_the_umasks_mode(tmp_path, umask):
    target = tmp_path / "lembar.pdf"
    with replacing_one(target) as temp:
        temp.write_bytes(b"%PDF")
    assert mode(target) == 0o666 & ~umask
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_every_file_of_a_set_gets_it(tmp_path, umask):
    targets = [tmp_path / "a.png", tmp_path / "b.svg"]
    with replacing(targets) as temps:
        for temp in temps:
            temp.write_text("x")
    assert [mode(t) for t in targets] == [0o666 & ~umask] * 2


def test_a_printed_sop_is_0644_under_umask_022(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_sop_pdf(seed_sop("poncokusumo-2018-renstra"), tmp_path / "renstra.pdf")
    finally:
        os.umask(old)
    assert mode(path) == 0o644
