"""The scan reader's pure parts: ruled lines found in pixels, Tesseract's TSV, lists."""

from __future__ import annotations

from kecamatan_desktop.bookimport.ocr_engine import GreyImage, Word, parse_tsv
from kecamatan_desktop.bookimport.ocr_grid import find_rules, table_lines, wipe
from kecamatan_desktop.bookimport.ocr_text import cell_at, items_of, label_length

W, H = 400, 300


def _page(draw) -> GreyImage:
    pixels = bytearray(b"\xff" * (W * H))
    draw(pixels)
    return GreyImage(W, H, bytes(pixels))


def _hline(pixels, y, x0, x1, thick=2, skew_every=0):
    for x in range(x0, x1):
        shift = x // skew_every if skew_every else 0
        for t in range(thick):
            pixels[(y + shift + t) * W + x] = 0


def _vline(pixels, x, y0, y1, thick=2):
    for y in range(y0, y1):
        for t in range(thick):
            pixels[y * W + x + t] = 0


def _table(pixels):
    for y in (20, 100, 280):
        _hline(pixels, y, 20, 381)
    for x in (20, 150, 380):
        _vline(pixels, x, 20, 282)
    for y in range(150, 180):  # a blob (a logo): thick ink, no rule
        pixels[y * W + 200:y * W + 300] = b"\x00" * 100
    _hline(pixels, 240, 40, 120)  # an underline: a rule, but it borders no cell
    for x in range(160, 360, 6):  # text-like ink: short strokes with gaps
        _vline(pixels, x, 60, 75)


def test_rules_found_blob_and_text_left_out_and_wiped_white():
    image = _page(_table)
    grid = find_rules(image, min_length=60, max_thickness=6)
    assert [(r.at, r.start, r.end) for r in grid.horizontal] == [
        (20, 20, 382), (100, 20, 382), (240, 40, 120), (280, 20, 382)]
    assert [(r.at, r.start, r.end) for r in grid.vertical] == [
        (20, 20, 282), (150, 20, 282), (380, 20, 282)]
    wiped = wipe(image, grid)
    assert wiped.pixels[100 * W + 70] == 255 and wiped.pixels[150 * W + 20] == 255
    assert wiped.pixels[160 * W + 250] == 0  # the blob stays: it is no rule
    assert wiped.pixels[65 * W + 160] == 0  # and the text


def test_a_skewed_rule_is_one_rule_and_a_broken_one_is_joined():
    def draw(pixels):
        _hline(pixels, 50, 10, 390, skew_every=100)  # drops a pixel every 100
        _hline(pixels, 200, 10, 150)
        _hline(pixels, 200, 156, 390)  # a stamp broke it
        _vline(pixels, 10, 50, 204)
        _vline(pixels, 388, 50, 206)
    grid = find_rules(_page(draw), min_length=60, max_thickness=6)
    assert [(r.start, r.end) for r in grid.horizontal if r.at < 100] == [(10, 390)]
    cells = table_lines(grid, reach=8)
    assert [(r.start, r.end) for r in cells.horizontal if r.at > 100] == [(10, 390)]


def test_cell_at_uses_only_rules_that_border_cells():
    grid = table_lines(find_rules(_page(_table), min_length=60, max_thickness=6), reach=8)
    assert 240 not in {r.at for r in grid.horizontal}  # the underline borders nothing
    box = cell_at(grid, 60, 250)
    assert (box.left, box.top, box.right, box.bottom) == (20, 100, 150, 280)
    assert cell_at(grid, 390, 250) is None  # outside the table


def test_tesseract_tsv_words_with_their_boxes():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
           "\tconf\ttext\n"
           "4\t1\t1\t1\t1\t0\t10\t10\t300\t40\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t10\t12\t90\t30\t96.5\tNomor\n"
           "5\t1\t1\t1\t1\t2\t110\t12\t60\t30\t91.0\t \n"
           "5\t1\t1\t1\t1\t3\t180\t12\t60\t30\tx\tbad\n")
    assert parse_tsv(tsv) == [Word("Nomor", 10, 12, 90, 30, 96.5)]


def _words(*lines: str) -> list[Word]:
    return [Word(text, 10 + 60 * i, 40 * row, 50, 20, 95.0)
            for row, line in enumerate(lines) for i, text in enumerate(line.split())]


def test_numbered_lists_with_ocr_commas_and_wrapped_lines():
    words = _words("1. Undang Undang", "tentang Pelayanan", "2, Peraturan Menteri")
    assert items_of(words) == ["Undang Undang tentang Pelayanan", "Peraturan Menteri"]


def test_labels_matched_through_small_misreadings():
    assert label_length(_words("Kualifikasi Pelaksanaan")[:2], "kualifikasi pelaksana") == 2
    assert label_length(_words("Nornor Urut SOP 69")[:4], "nomor urut sop") == 3
    assert label_length(_words("Peraturan Pemerintah")[:2], "peringatan") == 0


def test_on_windows_tesseract_is_found_where_its_installer_puts_it(tmp_path, monkeypatch):
    from kecamatan_desktop.bookimport import ocr_engine

    monkeypatch.setattr(ocr_engine.sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path))
    monkeypatch.delenv("PROGRAMFILES(X86)", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    assert ocr_engine._windows_install("tesseract") is None  # not installed
    program = tmp_path / "Tesseract-OCR" / "tesseract.exe"
    program.parent.mkdir()
    program.write_bytes(b"MZ")
    assert ocr_engine._windows_install("tesseract") == str(program)
    monkeypatch.setattr(ocr_engine.sys, "platform", "linux")
    assert ocr_engine._windows_install("tesseract") is None  # elsewhere PATH alone
