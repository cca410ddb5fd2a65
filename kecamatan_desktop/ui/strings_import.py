"""The words of *Berkas → Impor buku SOP…* and its review window."""

from kecamatan_desktop.domain.sop import IDENTITY_LABELS, STEP_LABELS

ACTION_IMPORT_BOOK = "I&mpor buku SOP…"  # b and u are taken in Berkas
TITLE = "Impor buku SOP"
PICK_TITLE = "Pilih buku SOP (PDF, Excel, Word, teks)"
FILTER = ("Buku SOP (*.pdf *.xlsx *.xlsm *.docx *.txt *.md);;PDF (*.pdf);;"
          "Excel (*.xlsx *.xlsm);;Word (*.docx);;Teks (*.txt *.md);;Semua berkas (*)")
READING = "Membaca {count} berkas…"
READING_FILE = "Membaca berkas {number} dari {files}: {name}"
READING_PAGE = "Membaca berkas {number} dari {files}: {name}, halaman {page} dari {pages}"
READ_CANCELLED = "Pembacaan buku dibatalkan; tidak ada yang disimpan."
READ_FAILED = "Buku SOP tidak dapat dibaca"

# the review window
REVIEW_TITLE = "Tinjau buku SOP sebelum diimpor — {files}"
OFFICE_LABEL = "Kantor tujuan:"
OFFICE_TIP = ("SOP yang dicentang ditambahkan ke kantor ini sebagai revisi 1; kantor yang belum "
              "ada dibuat.")
SUMMARY = "{found} SOP terbaca · {ready} siap diimpor · {refused} belum dapat diimpor"
LIST_HEADERS = ("Impor", "SOP (berkas)")
MARK_READY = "siap"
MARK_NOTES = "{count} catatan"
MARK_REFUSED = "{count} masalah"
MARK_IMPORTED = "diimpor"
MARK_FILE = "tak terbaca"
CHECK_TIP_REFUSED = "Lengkapi isian yang disebut di Masalah; centangnya aktif setelah SOP sah."

TAB_IDENTITY = "Identitas"
TAB_STEPS = "Langkah"
TAB_FLOWCHART = "Diagram alir"
TAB_LANES = "Lajur"
PROBLEMS = "Masalah dan catatan (klik untuk menuju isiannya)"
NO_PROBLEMS = "Tidak ada masalah: SOP ini siap diimpor."
PROBLEM_LINE = "{where}: {message}"
PROBLEM_PLACES = {"identity": "Identitas", "steps": "Langkah", "page": "Halaman",
                  "lanes": "Lajur", "file": "Berkas", "ocr": "OCR", "pages": "Halaman",
                  "sop": "SOP"}

PAGE_LABEL = "Halaman {page} dari {pages}"
PAGE_PREVIOUS = "◀ Sebelumnya"
PAGE_NEXT = "Berikutnya ▶"
PAGE_FAILED = "Halaman {page} tidak dapat digambar: {reason}"
NO_PAGE_IMAGE = ("Berkas {kind} tidak punya gambar halaman. Di bawah ini yang terbaca dari "
                 "berkas, sebagaimana tertulis:")
KIND_NAMES = {".xlsx": "Excel", ".xlsm": "Excel", ".docx": "Word", ".txt": "teks",
              ".md": "teks", ".markdown": "teks"}
KIND_OTHER = "ini"
READ_HEADERS = ("No", "Kegiatan", "Pelaksana (lajur)", "Kelengkapan", "Waktu", "Output",
                "Keterangan")
FILE_REFUSED = "Berkas ini tidak memberi SOP untuk ditinjau:\n\n{refusal}"

IDENTITY_KEYS = ("name", "number", "government", "office", "address", "created", "revised",
                 "effective", "approver_title", "approver_name", "approver_rank",
                 "approver_nip")
IDENTITY_FIELD_LABELS = {
    "name": IDENTITY_LABELS["name"], "number": IDENTITY_LABELS["number"],
    "government": "Pemerintah (kop)", "office": "Nama kantor (kop)",
    "address": "Alamat kantor", "created": IDENTITY_LABELS["created"],
    "revised": IDENTITY_LABELS["revised"], "effective": IDENTITY_LABELS["effective"],
    "approver_title": "Disahkan oleh: jabatan", "approver_name": "Nama pengesah",
    "approver_rank": "Pangkat/golongan", "approver_nip": "NIP pengesah",
    **{key: IDENTITY_LABELS[key] for key in ("legal_basis", "qualifications", "related",
                                              "equipment", "warnings", "records")},
}
DATE_PLACEHOLDER = "mis. 2 Juni 2025"
LISTS_HEAD = "Isi lembar identitas (satu butir per baris)"

STEP_HEADERS = tuple(STEP_LABELS.values())
STEP_ADD = "Tambah langkah"
STEP_REMOVE = "Hapus langkah"
STEP_ROLE_TIP = "Beberapa lajur dipisah titik koma: Camat; Sekcam"

FLOWCHART_NOT_YET = "Diagram alir belum dapat digambar:\n\n{reasons}"
FLOWCHART_MORE = "… dan {count} masalah lain (lihat Masalah)"

LANES_HEAD = ("Lajur buku dicocokkan dengan jabatan kantor tujuan; berlaku untuk semua SOP "
              "buku ini. Yang sama namanya (huruf besar/kecil tidak dibedakan) sudah dipilih.")
LANES_HEADERS = ("Lajur di buku", "Menjadi jabatan")
LANE_AS_WRITTEN = "(tetap seperti tertulis)"

SAVE = "Simpan"
CLOSE = "Tutup"
SAVE_NOTHING = "Tidak ada SOP yang dicentang untuk diimpor."
SAVE_DONE = "{count} SOP ditambahkan ke {office} sebagai revisi 1."
SAVE_FAILED = "Impor buku SOP gagal; tidak ada yang disimpan"
OFFICE_EMPTY = "Kantor tujuan kosong; pilih atau tulis nama kantornya."
DISCARD_QUESTION = ("{count} SOP yang sudah Anda ubah belum diimpor. Tutup dan buang "
                    "perubahan itu?")
