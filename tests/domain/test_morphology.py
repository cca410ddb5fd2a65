"""A Kegiatan's first word read as a verb by its affixes over the shipped root words: the
office verbs of every day pass, nouns that only look like verbs do not."""

from __future__ import annotations

import pytest

from kecamatan_desktop.domain.morphology import Lexicon, load_lexicon
from tests.conftest import SEED_DIR

# The 14 of issue 26 first (reported as "bukan kata kerja" by the closed list), then the
# verbs an office writes every day, affixed as books write them.
_OFFICE_VERBS = """
Mengesahkan Meneruskan Mengetik Memastikan Membayar Mengundang Menolak Memanggil Memimpin
Menunggu Memindai Menelepon Mencocokkan Menyempurnakan
Menerima Memeriksa Menyusun Menyiapkan Menandatangani Mengirim Mengirimkan Menyerahkan
Menyampaikan Mencatat Mengarsipkan Mengagendakan Mendisposisikan Memverifikasi Memvalidasi
Menginput Mencetak Menggandakan Mendistribusikan Melaporkan Membuat Mengoreksi Merevisi
Menyetujui Memberikan Mengumpulkan Mengolah Menganalisis Mengevaluasi Memantau
Mengkoordinasikan Berkoordinasi Mengajukan Memproses Menghitung Menetapkan Menerbitkan
Menindaklanjuti Mengunggah Mengisi Melengkapi Memperbaiki Mempersiapkan Menyimpan Menelaah
Meneliti Menginformasikan Menghubungi Mengambil Menyalin Memparaf Diserahkan Ditandatangani
Dikembalikan
"""
OFFICE_VERBS = _OFFICE_VERBS.split()

# Imperatives (a root bare or with -kan/-i) and forms offices write for loanwords.
OTHER_VERBS = ("Periksa", "Terima", "Serahkan", "Sampaikan", "Tandatangani", "Mengonfirmasi",
               "Memfasilitasi", "Mengupload", "Memfotokopi", "Mengecek", "Menyosialisasikan",
               "Mensosialisasikan", "Melegalisir", "Menyerahterimakan", "Bekerja",
               "Bermusyawarah", "Meng-input", "Merekap")

# Nouns (peN-an, per-an, -an, bare roots) and words that only look prefixed.
NOT_VERBS = ("Pengetikan", "Penyusunan", "Surat", "Rapat", "Berkas", "Hasil", "Dokumen",
             "Pemeriksaan", "Penyerahan", "Penyampaian", "Persetujuan", "Permohonan",
             "Peraturan", "Menteri", "Dinas", "Laporan", "Data", "Agenda", "Daftar",
             "Rekomendasi", "Sekcam", "Pegawai", "Pendokumentasian", "Penyempurnaan",
             "Elaborasi", "Konsep", "Mereka")


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    checks = SEED_DIR / "checks"
    return load_lexicon(checks / "kata-dasar.txt.gz", checks / "verbs.txt",
                        checks / "kata-dasar-tambahan.txt")


def test_68_everyday_office_verbs_give_no_false_alarm(lexicon):
    assert len(OFFICE_VERBS) == len(set(OFFICE_VERBS)) == 68
    assert [word for word in OFFICE_VERBS if not lexicon.is_verb(word)] == []


def test_imperatives_and_loanword_verbs(lexicon):
    assert [word for word in OTHER_VERBS if not lexicon.is_verb(word)] == []


def test_nouns_are_still_caught(lexicon):
    assert [word for word in NOT_VERBS if lexicon.is_verb(word)] == []


@pytest.mark.parametrize(("word", "root"), [
    ("Menyempurnakan", "sempurna"), ("Memanggil", "panggil"), ("Menolak", "tolak"),
    ("Mengetik", "ketik"), ("Memindai", "pindai"), ("Mencocokkan", "cocok"),
    ("Membayar", "bayar"), ("Menunggu", "tunggu"), ("Mempersiapkan", "siap"),
    ("Berkoordinasi", "koordinasi"), ("Diserahkan", "serah"), ("Serahkan", "serah"),
])
def test_the_nasal_changes_give_back_the_root(lexicon, word, root):
    assert lexicon.verb_root(word) == root


def test_the_lexicon_is_the_shipped_word_list_with_its_licence(lexicon):
    assert len(lexicon.roots) > 25_000
    licence = (SEED_DIR / "checks" / "kata-dasar-LICENSE.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in licence and "id_ID.dic" in licence


def test_a_root_the_lexicon_lacks_is_no_verb(tmp_path):
    (tmp_path / "roots.txt").write_text("# notes\nserah\n", encoding="utf-8")
    (tmp_path / "bare.txt").write_text("periksa\n", encoding="utf-8")
    small = load_lexicon(tmp_path / "roots.txt", tmp_path / "bare.txt")
    assert small.is_verb("Menyerahkan") and small.is_verb("periksa")
    assert not small.is_verb("Mengetik") and not small.is_verb("Serah")
