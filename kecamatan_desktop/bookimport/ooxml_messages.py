"""The Indonesian words of the Excel, Word and text readers: refusals and problems."""

from __future__ import annotations

# Refusals (InputError): one line naming the file and what is wrong.
NOT_FOUND = "{name}: berkas tidak ditemukan atau tidak dapat dibuka"
EMPTY = "{name}: berkas kosong"
TOO_LARGE = "{name}: berkas terlalu besar ({size} MB; paling besar {limit} MB)"
ENCRYPTED = ("{name}: berkas dilindungi kata sandi (terenkripsi); buka di Office, "
             "simpan tanpa kata sandi, lalu impor lagi")
OLD_FORMAT = ("{name}: berkas berformat lama ({kind}); simpan ulang sebagai {new} di Office, "
              "lalu impor lagi")
CORRUPT = "{name}: berkas rusak atau bukan {kind} ({detail})"
NOT_KIND = "{name}: bukan {kind} (bagian {part} tidak ada)"
PART_TOO_LARGE = ("{name}: bagian {part} terlalu besar ({size} MB setelah diurai; "
                  "paling besar {limit} MB)")
TOO_MANY_PARTS = "{name}: berkas memuat terlalu banyak bagian ({count}; paling banyak {limit})"
ZIP_BOMB = "{name}: bagian {part} mengembang tidak wajar saat diurai (kemungkinan berkas jebakan)"
DTD = "{name}: bagian {part} memuat DOCTYPE, yang tidak pernah ada di berkas Office"
TOO_MANY_CELLS = ("{name}: lembar '{sheet}' terlalu besar ({count} sel; paling banyak {limit})")
TOO_MANY_TABLE_CELLS = "{name}: tabel dokumen terlalu besar ({count} sel; paling banyak {limit})"
TOO_MANY_SHAPES = "{name}: {where} memuat terlalu banyak bentuk ({count}; paling banyak {limit})"
TOO_MANY_ROWS = "{name}: terlalu banyak baris tabel ({count}; paling banyak {limit})"
TOO_SLOW = "{name}: {where} tidak selesai dibaca dalam {seconds} detik"
NOT_TEXT = "{name}: bukan berkas teks (memuat byte biner atau bukan UTF-8)"
NO_PROCEDURE_SHEET = ("{name}: tidak ada lembar prosedur (tabel dengan kolom No, Kegiatan dan "
                      "Pelaksana atau Mutu Baku)")
NO_SOP = ("{name}: tidak ada SOP di berkas (tidak ada tabel identitas dengan Nomor SOP dan "
          "tidak ada tabel prosedur dengan kolom No dan Kegiatan)")

# Problems: what a reader could not find or is not sure of.
IDENTITY_MISSING = "{label} tidak ada di berkas"
IDENTITY_EMPTY = "{label} kosong di berkas"
KOP_EXTRA = "kop memuat baris lain yang tidak dipakai: {lines}"
NAME_FROM_TITLE = "Nama SOP tidak ada di lembar identitas; dibaca dari judul lembar '{title}'"
NO_IDENTITY_SHEET = "tidak ada lembar identitas (Nomor SOP, Nama SOP) untuk prosedur ini"
NO_PROCEDURE = "tidak ada tabel prosedur untuk SOP ini; langkah tidak terbaca"
NO_LANES = "kolom Pelaksana tidak terbaca di kepala tabel"
STEP_NO_LANE = "langkah ini tidak punya bentuk di kolom Pelaksana mana pun"
STEP_NO_CHART = "bagan alir tidak ada di berkas teks; pelaksana langkah ini tidak diketahui"
STEP_CHOICE_IN_TEXT = ("kegiatan menyebut pilihan (jika ...), tetapi keputusan dan tujuannya "
                       "tidak terbaca tanpa bagan")
STEP_NO_ACTIVITY = "baris dengan bentuk bagan tanpa Kegiatan"
STEP_NUMBER_GAP = "nomor langkah melompat dari {before} ke {after}"
TIME_EMPTY = "Waktu kosong"
MERGED_FIELD = "{label} satu sel untuk langkah {first} sampai {last}; dicatat pada langkah {first}"
PICTURE = "bentuk di kolom {lanes} adalah gambar tempelan, dibaca sebagai kotak proses"
MIXED_SHAPES = "baris memuat bentuk berbeda ({kinds}); dibaca sebagai {shape}"
SHAPE_ACROSS_LANES = "bentuk melintasi lebih dari satu kolom Pelaksana ({lanes}); dibaca di {lane}"
SHAPE_OUTSIDE = "bentuk di baris {row} tidak berada di kolom Pelaksana mana pun; diabaikan"
ARROW_LOOSE = "panah di baris {row} tidak menyebut bentuk yang dihubungkannya; diabaikan"
ARROW_UNKNOWN_END = "panah di baris {row} menuju bentuk yang tidak ada di tabel; diabaikan"
DECISION_NO_LABEL = ("keputusan tanpa label Ya/Tidak pada {count} panah keluarnya; "
                     "tujuan Ya dan Tidak tidak terbaca")
DECISION_ONE_LABEL = "hanya satu label ({label}) terbaca; cabang lainnya dianggap {other}"
DECISION_MISSING = "keputusan tanpa panah {way} yang terbaca"
CONNECTOR_UNPAIRED = "penghubung antarhalaman tanpa pasangan; tujuannya tidak terbaca"
VML_ONLY = "bentuk lama (VML) di baris {row} tidak dibaca; simpan ulang berkas di Word terbaru"
NO_ARROWS = "bagan tidak memuat panah yang menyebut bentuk; urutan dan cabang tidak terbaca"

# Identity labels as the official form prints them (for the problem texts).
LABELS = {
    "government": "Pemerintah (kop)", "office": "Nama kantor (kop)",
    "address": "Alamat kantor", "number": "Nomor SOP", "name": "Nama SOP",
    "created": "Tanggal Pembuatan", "revised": "Tanggal Revisi",
    "effective": "Tanggal Efektif", "approver_title": "Jabatan pengesah",
    "approver_name": "Nama pengesah", "approver_rank": "Pangkat pengesah",
    "approver_nip": "NIP pengesah", "legal_basis": "Dasar Hukum",
    "qualifications": "Kualifikasi Pelaksana", "related": "Keterkaitan",
    "equipment": "Peralatan/Perlengkapan", "warnings": "Peringatan",
    "records": "Pencatatan dan Pendataan",
}
STEP_FIELD_LABELS = {"requirements": "Kelengkapan", "output": "Output", "notes": "Keterangan",
                     "time": "Waktu"}
SHAPE_WORDS = {"start": "awal", "end": "akhir", "process": "proses", "decision": "keputusan",
               "connector": "penghubung"}
YES_WORD, NO_WORD = "Ya", "Tidak"
