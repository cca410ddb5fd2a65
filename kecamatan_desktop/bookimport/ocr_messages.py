"""The Indonesian words of the scan (OCR) reader: refusals and problems."""

from __future__ import annotations

# Refusals (InputError): one line naming the file and what is wrong.
NOT_FOUND = "{name}: berkas tidak ditemukan atau tidak dapat dibuka"
EMPTY = "{name}: berkas kosong"
TOO_LARGE = "{name}: berkas terlalu besar ({size} MB; paling besar {limit} MB)"
TOO_MANY_PAGES = "{name}: terlalu banyak halaman ({count}; paling banyak {limit})"
PAGE_TOO_LARGE = ("{name}: halaman {page} terlalu besar ({width} × {height} cm; paling besar "
                  "{limit} cm)")
ENCRYPTED = ("{name}: PDF dilindungi kata sandi (terenkripsi); simpan tanpa kata sandi, "
             "lalu impor lagi")
CORRUPT = "{name}: berkas rusak atau bukan PDF ({detail})"
NO_PAGES = "{name}: PDF tanpa halaman"
TOO_SLOW = "{name}: halaman {page} tidak terbaca: {detail}"
NO_SOP = ("{name}: tidak ada SOP yang terbaca dari pindaian (tidak ada tabel identitas dengan "
          "Nomor atau Nama SOP, dan tidak ada tabel prosedur dengan kolom No dan Kegiatan)")

# The engine: why there is no OCR, or why a page was not read.
NO_ENGINE = ("mesin OCR (Tesseract) tidak tersedia di komputer ini: isi kolom dengan melihat "
             "halaman pindaian")
ENGINE_BROKEN = ("mesin OCR (Tesseract) tidak dapat dijalankan: isi kolom dengan melihat "
                 "halaman pindaian")
ENGLISH_ONLY = ("data bahasa Indonesia Tesseract (tesseract-ocr-ind) tidak terpasang: dibaca "
                "dengan data bahasa Inggris, periksa ejaannya")
NO_LANGUAGE = ("Tesseract tidak memiliki data bahasa Indonesia maupun Inggris: isi kolom "
               "dengan melihat halaman pindaian")
ENGINE_TIMEOUT = "Tesseract tidak selesai dalam {seconds:.0f} detik"
ENGINE_START = "Tesseract tidak dapat dijalankan ({detail})"
ENGINE_FAILED = "Tesseract gagal membaca halaman ({detail})"

# Problems: what the reader could not find or is not sure of.
NO_ENGINE_PAGES = "halaman {pages}: isi SOP dengan melihat halaman pindaian"
OCR_TEXT = ("teks dibaca dengan OCR: periksa setiap kolom terhadap halaman (keyakinan "
            "rata-rata {conf:.0f}%)")
CHART_UNREAD = ("diagram alir pada halaman {page} tidak terbaca dari pindaian: periksa lajur "
                "tiap langkah")
STEP_LANES = "lajur langkah ini tidak terbaca dari pindaian (diagram alir berupa gambar)"
TABLE_UNRULED = ("kepala tabel prosedur terbaca pada halaman {page}, tetapi garis tabelnya "
                 "tidak; langkah halaman ini tidak terbaca")
NO_LANES = "kolom Pelaksana tidak terbaca di kepala tabel halaman {page}"
IDENTITY_MISSING = "{label} tidak terbaca dari pindaian"
NAME_FROM_TITLE = "Nama SOP tidak terbaca di tabel identitas; dibaca dari judul halaman '{title}'"
NO_IDENTITY_PAGE = "tidak ada halaman identitas (Nomor SOP, Nama SOP) untuk prosedur ini"
NO_PROCEDURE = "tidak ada tabel prosedur yang terbaca untuk SOP ini; langkah tidak terbaca"
STEP_NO_NUMBER = "nomor langkah tidak terbaca"
STEP_NO_ACTIVITY = "Kegiatan tidak terbaca"
STEP_LOW_CONF = "teks langkah ini kurang jelas (keyakinan OCR {conf:.0f}%)"
STEP_BRANCH = ("label Ya/Tidak terbaca di kolom Pelaksana baris ini: langkah ini mungkin "
               "keputusan; periksa bentuk dan cabangnya")
TIME_EMPTY = "Waktu kosong"
PAGE_SKIPPED = "halaman {page} bukan tabel identitas atau prosedur SOP; dilewati"

# The identity fields by the names the page gives them.
LABELS = {
    "government": "Pemerintah (kop)", "office": "Nama instansi (kop)", "address": "Alamat",
    "number": "Nomor SOP", "name": "Nama SOP", "created": "Tanggal Pembuatan",
    "revised": "Tanggal Revisi", "effective": "Tanggal Efektif",
    "approver_title": "Jabatan pengesah", "approver_name": "Nama pengesah",
    "approver_rank": "Pangkat pengesah", "approver_nip": "NIP pengesah",
    "legal_basis": "Dasar Hukum", "qualifications": "Kualifikasi Pelaksana",
    "related": "Keterkaitan", "equipment": "Peralatan/Perlengkapan",
    "warnings": "Peringatan", "records": "Pencatatan dan Pendataan",
}
