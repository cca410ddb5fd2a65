"""Rows pasted from Excel and Word read as steps; rows copied out and put back in."""

from __future__ import annotations

import json

import pytest

from kecamatan_desktop.domain.interchange import loads
from kecamatan_desktop.domain.pasted_cells import read_html_tables, read_tsv, write_tsv
from kecamatan_desktop.domain.pasted_rows import (
    PasteNote,
    PasteRefused,
    block_from_clipboard,
    block_from_grid,
    heading_field,
)
from kecamatan_desktop.domain.sop import Decision
from kecamatan_desktop.domain.step_block import (
    BlockUnreadable,
    block_from_json,
    check_fits,
    copied_rows_json,
    copied_rows_tsv,
    place_block,
)
from tests.conftest import SEED_DIR

# as Excel puts a selection on the clipboard: a cell with Alt+Enter line breaks or quotes
# is quoted (its quotes doubled), every row ends in CR LF, blank columns and rows included
EXCEL = (
    "No\tUraian Kegiatan\tPelaksana\tPersyaratan/Perlengkapan\tWaktu\tOutput\tKet\t\r\n"
    "1\t\"Menerima surat\r\nmasuk \"\"Musrenbang\"\"\"\tCamat\tSurat masuk\t10 menit\t"
    "Disposisi\t\t\r\n"
    "2\tMembentuk Tim\tSekcam\t\"Disposisi\nStruktur organisasi\"\t2 menit kali\tSK Tim\t\t\r\n"
    "\t\t\t\t\t\t\t\r\n"
)


def renja():
    return loads((SEED_DIR / "sops" / "poncokusumo-2018-renja.json").read_text("utf-8"))


def test_excel_text_cells_quoted_with_line_breaks_and_blank_edges():
    assert read_tsv(EXCEL) == [
        ["No", "Uraian Kegiatan", "Pelaksana", "Persyaratan/Perlengkapan", "Waktu", "Output",
         "Ket"],
        ["1", 'Menerima surat\r\nmasuk "Musrenbang"', "Camat", "Surat masuk", "10 menit",
         "Disposisi", ""],
        ["2", "Membentuk Tim", "Sekcam", "Disposisi\nStruktur organisasi", "2 menit kali",
         "SK Tim", ""]]
    # a cell that only starts with a quote is taken as written, as Excel does
    assert read_tsv('"Surat" masuk\tCamat') == [['"Surat" masuk', "Camat"]]
    rows = [["a\tb", 'c "d"', "e\r\nf"], ["x", "", ""]]
    assert read_tsv(write_tsv(rows)) == rows


def test_excel_block_read_by_its_headings_waktu_checked():
    block = block_from_clipboard(EXCEL, None)
    first, second = block.steps
    assert first.activity == 'Menerima surat masuk "Musrenbang"'  # a sentence goes on
    assert second.requirements == "Disposisi, Struktur organisasi"  # a list keeps its items
    assert (second.role, second.time, second.output) == ("Sekcam", "2 menit kali", "SK Tim")
    assert block.lanes == ("Camat", "Sekcam")
    [note] = block.notes
    assert (note.row, note.column) == (2, "Waktu")
    assert "'2 menit kali' tidak terbaca sebagai lama kerja" in note.message
    assert "seperti tertulis" in note.message


def test_rows_without_headings_read_in_the_table_order():
    numbered = block_from_grid([["1", "Menerima surat", "Camat", "", "10 menit", "Disposisi",
                                 "", "paraf"], ["2.", "Mengetik", "Staf"]])
    assert [s.no for s in numbered.steps] == ["1", "2."]
    assert numbered.steps[0].output == "Disposisi"
    assert numbered.notes[0].row is None and "kolom ke-8" in numbered.notes[0].message
    plain = block_from_grid([["Menerima surat", "Camat", "Surat masuk", "1 jam"]])
    assert plain.steps[0].no == "" and plain.steps[0].time == "1 jam"
    assert plain.steps[0].requirements == "Surat masuk"


WORD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=ProgId '
    'content=Word.Document><style><!-- p.MsoNormal {margin:0cm;} --></style></head>'
    '<body lang=EN-US><!--StartFragment-->'
    '<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 '
    'style=\'border-collapse:collapse\'>'
    '<tr><td width=30 rowspan=2><p class=MsoNormal>No</p></td>'
    '<td rowspan=2><p class=MsoNormal>Kegiatan</p></td>'
    '<td colspan=3><p class=MsoNormal align=center>Pelaksana</p></td>'
    '<td colspan=3><p class=MsoNormal>Mutu Baku</p></td>'
    '<td rowspan=2><p class=MsoNormal>Ket</p></td></tr>'
    '<tr><td><p class=MsoNormal>Camat</p></td><td><p class=MsoNormal>Sekcam</p></td>'
    '<td><p class=MsoNormal>Kasi\r\nTrantib</p></td>'
    '<td><p class=MsoNormal>Kelengkapan</p></td><td><p class=MsoNormal>Waktu (menit)</p></td>'
    '<td><p class=MsoNormal>Output</p></td></tr>'
    '<tr><td><p class=MsoNormal>(1)</p></td><td><p class=MsoNormal>(2)</p></td>'
    '<td><p>(3)</p></td><td><p>(4)</p></td><td><p>(5)</p></td><td><p>(6)</p></td>'
    '<td><p>(7)</p></td><td><p>(8)</p></td><td><p>(9)</p></td></tr>'
    '<tr><td><p class=MsoNormal>1</p></td><td><p class=MsoNormal>Menerima&nbsp;laporan'
    '</p><p class=MsoNormal>ketertiban</p></td><td><p class=MsoNormal>&nbsp;</p></td>'
    '<td><p class=MsoNormal><o:p>&nbsp;</o:p></p></td><td><p class=MsoNormal>v</p></td>'
    '<td><p class=MsoNormal><![if !supportLists]><span>-<span>&nbsp;&nbsp;</span></span>'
    '<![endif]>Laporan</p><p class=MsoNormal><![if !supportLists]><span>-<span>&nbsp;'
    '</span></span><![endif]>Foto</p></td><td><p class=MsoNormal>15</p></td>'
    '<td><p class=MsoNormal>Catatan</p></td><td></td></tr>'
    '</table><!--EndFragment--></body></html>')


def test_word_table_with_a_swimlane_heading():
    grid = read_html_tables(WORD)
    assert grid[1][2:5] == ["Camat", "Sekcam", "Kasi Trantib"]
    block = block_from_clipboard("No\tKegiatan\r\n", WORD)
    [step] = block.steps
    assert step.activity == "Menerima laporan ketertiban"
    assert step.role == "Kasi Trantib"  # the lane column with a mark
    assert step.requirements == "Laporan, Foto"  # Word's list bullets dropped
    assert step.time == "15 menit"  # the heading names the unit
    assert step.output == "Catatan"
    assert block.lanes == ("Kasi Trantib",) and block.notes == ()


def test_excel_html_gives_way_to_its_exact_text():
    html = "<html><head><meta name=ProgId content=Excel.Sheet></head><body><table><tr>" \
           "<td>rusak</td></tr></table></body></html>"
    assert block_from_clipboard(EXCEL, html).steps[0].role == "Camat"


def test_headings_books_use():
    for text, name in [("Uraian", "activity"), ("AKTIVITAS", "activity"),
                       ("Sumber Data", "requirements"), ("Persyaratan / Perlengkapan",
                                                         "requirements"),
                       ("Keluaran", "output"), ("Ket.", "notes"), ("No.", "no"),
                       ("Waktu (jam)", "time"), ("Paraf", None)]:
        assert heading_field(text) == name, text


@pytest.mark.parametrize("text, says", [
    ("Mohon segera disusun\r\nRenja tahun ini.\r\n", "tidak berkolom"),
    ("", "kosong"),
    ("No\tPelaksana\tWaktu\r\n1\tCamat\t1 jam\r\n", "tidak punya kolom Kegiatan"),
    ("".join(f"{i}\tLangkah {i}\tStaf\r\n" for i in range(1, 502)), "501 baris"),
    ("1\tMenerima surat\t" + "K" * 200 + "\r\n", "200 karakter; paling panjang 100"),
])
def test_bad_pastes_refused_with_one_line(text, says):
    with pytest.raises(PasteRefused) as refused:
        block_from_clipboard(text, None)
    assert says in str(refused.value) and "\n" not in str(refused.value)


def test_copied_rows_keep_their_decision_into_another_sop():
    sop = renja()
    rows = [4, 5, 6]  # Pengetikan, the two checks (6: Ya 7, Tidak 5; 7: Ya 8, Tidak 4)
    tsv = copied_rows_tsv(sop, rows)
    assert tsv.startswith("No\tKegiatan\tPelaksana\tKelengkapan\tWaktu\tOutput\tKeterangan\r\n")
    assert block_from_clipboard(tsv, None).steps[0].activity == sop.steps[4].activity
    block = block_from_json(copied_rows_json(sop, rows))
    assert block.steps[1].decision == Decision(yes=3, no=1)
    assert block.steps[2].decision == Decision(yes=None, no=None)  # both ways left the copy
    assert [(n.row, n.column) for n in block.notes] == [(3, "Pelaksana"), (3, "Pelaksana")]
    assert block.lanes == ("Tim", "Kasubag Evapor", "Staf")  # in the source's lane order

    target = replace_steps(sop, 2)  # Camat, Sekcam
    after, notes = place_block(target, block, 1, add_lanes=True)
    assert after.roles == ("Camat", "Sekcam", "Tim", "Kasubag Evapor", "Staf")
    assert [s.no for s in after.steps] == ["1", "2", "3", "4", "5"]
    assert after.steps[2].decision == Decision(yes=4, no=2)
    assert notes == []


def replace_steps(sop, keep: int):
    from dataclasses import replace
    steps = sop.steps[:keep]
    return replace(sop, steps=steps, roles=tuple(dict.fromkeys(s.role for s in steps)))


def test_place_block_moves_the_sops_own_branches_and_lanes_declined():
    sop = renja()
    block = block_from_grid([["Menelaah", "Kasi Trantib"], ["Mencatat", ""]])
    after, notes = place_block(sop, block, 5, add_lanes=False)
    assert len(after.steps) == 14 and after.roles == sop.roles
    assert [s.role for s in after.steps[5:7]] == ["Camat", "Camat"]
    assert notes == [PasteNote(1, "Pelaksana", "lajur 'Kasi Trantib' tidak ada di SOP ini; "
                                               "ditaruh di lajur 'Camat'"),
                     PasteNote(2, "Pelaksana", "tidak ada pelaksana; ditaruh di lajur 'Camat'")]
    # step 6 (Ya 7, Tidak 5) is now step 8 (Ya 9, Tidak 5); step 7 (Ya 8, Tidak 4) is 9
    assert after.steps[7].decision == Decision(yes=9, no=5)
    assert after.steps[8].decision == Decision(yes=10, no=4)
    added, _ = place_block(sop, block, 5, add_lanes=True)
    assert added.roles == (*sop.roles, "Kasi Trantib")


def test_limits_of_the_sop_checked_before_asking():
    sop = renja()
    block = block_from_grid([[f"Langkah {i}", "Staf"] for i in range(490)])
    with pytest.raises(PasteRefused, match="lebih dari 500 langkah"):
        check_fits(sop, block)


def test_damaged_own_format_is_unreadable_not_a_crash():
    for text in ("{", json.dumps({"format": "lain"}), json.dumps(
            {"format": "kecamatan-sop-steps/1", "roles": [], "steps": [{"activity": 5}]})):
        with pytest.raises(BlockUnreadable):
            block_from_json(text)
