"""Every string the window shows, in Bahasa Indonesia, in one place."""

from kecamatan_desktop.domain import sop

APP_NAME = "Kecamatan Desktop"
WINDOW_TITLE = "Kecamatan Desktop — SOP Administrasi Pemerintahan"

MENU_FILE = "&Berkas"
ACTION_IMPORT = "&Impor…"
ACTION_EXPORT = "&Ekspor…"
ACTION_QUIT = "&Keluar"
MENU_HELP = "Ba&ntuan"
ACTION_ABOUT = "&Tentang"

SEARCH_PLACEHOLDER = "Cari nama, nomor, atau isi langkah SOP…"
ALL_OFFICES = "Semua kantor"
LIST_HEADERS = ("Nama SOP", "Kantor", "Nomor SOP", "Langkah", "Rev.")
COUNT_LABEL = "{shown} dari {total} SOP"
NO_SELECTION = "Pilih SOP di daftar sebelah kiri untuk membaca lembar identitas dan prosedurnya."
LOADING = "Memuat lembar SOP dan data pelaksanaan…"

TAB_IDENTITY = "Identitas"
TAB_PROCEDURE = "Prosedur"
TAB_FLOWCHART = "Diagram alir"
PROCEDURE_HEADERS = tuple(sop.STEP_LABELS.values())
PROCEDURE_NOT_DRAWN = (
    "Prosedur SOP ini belum digambar.\n\n"
    "Lembar identitasnya sudah ada; langkah-langkah dan diagram alirnya belum ditulis."
)
DECISION_MARK = "Ya → {yes}, Tidak → {no}"
# a step in several lanes (Pelaksana), a later start, one Waktu merged over several steps
STEP_LANES_SEPARATOR = ", "
STEP_START_MARK = "▶ {no}"
STEP_START_MARK_TIP = "{no}: langkah awal (digambar sebagai terminator awal)"
TIME_SPAN_HEAD = "(langkah {first}–{last})"
TIME_SPAN_COVERED = "↑ langkah {no}"
TIME_SPAN_COVERED_TIP = "Waktu langkah ini digabung dengan Waktu langkah {no}"

IDENTITY_LABELS = sop.IDENTITY_LABELS
REVISION_NOTE = "Revisi ke-{revision}"

IMPORT_TITLE = "Impor SOP"
IMPORT_FILTER = "Berkas SOP (*.json);;Semua berkas (*)"
IMPORT_EXISTS = (
    "SOP berikut sudah ada di katalog:\n{ids}\n\n"
    "Simpan berkas impor sebagai revisi baru SOP tersebut?"
)
IMPORT_DONE = "{added} SOP ditambahkan, {revised} SOP mendapat revisi baru."
IMPORT_FAILED = "Impor gagal"
IMPORT_READING = "Membaca dan memeriksa {count} berkas…"
IMPORT_STORING = "Menyimpan {count} SOP ke katalog…"
EXPORT_TITLE = "Ekspor SOP"
EXPORT_FILTER = "Berkas SOP (*.json)"
EXPORT_NOTHING = "Pilih dulu SOP yang akan diekspor."
EXPORT_DONE = "SOP {id} diekspor ke {path}."
EXPORT_FAILED = "Ekspor gagal"
DB_ERROR_TITLE = "Basis data tidak dapat dibuka"
SCREENSHOT_EMPTY = "Katalog di {path} kosong: tidak ada yang dapat digambar"
SCREENSHOT_NOT_SAVED = "Gambar jendela tidak dapat disimpan ke {path}"

ABOUT_TITLE = "Tentang Kecamatan Desktop"
ABOUT_TEXT = (
    "<b>Kecamatan Desktop</b> {version}<br><br>"
    "Standar Operasional Prosedur Administrasi Pemerintahan (Permenpan-RB No. 35 Tahun 2012) "
    "untuk kantor kecamatan: katalog SOP, lembar identitas dan prosedur.<br><br>"
    "Basis data: {db}<br>"
    "Berkas log: {log}<br>"
    "Huruf: Liberation Sans (SIL Open Font License)."
)

# editing ------------------------------------------------------------------------------------
MENU_EDIT = "&Sunting"
ACTION_UNDO = "&Urungkan"
ACTION_REDO = "U&langi"
ACTION_NEW_SOP = "SOP &baru…"
ACTION_DUPLICATE_SOP = "&Gandakan SOP…"
ACTION_DELETE_SOP = "&Hapus SOP…"
ACTION_SAVE = "&Simpan"
ACTION_HISTORY = "&Riwayat revisi"

TAB_HISTORY = "Riwayat revisi"
DRAFT_MARK = "(draf)"
STATUS_REVISION = "Revisi ke-{revision}"
STATUS_DRAFT = "draf"
STATUS_MODIFIED = "ada perubahan yang belum disimpan"
STATUS_READ_ONLY = "hanya baca (revisi terkini: {current})"
REVISION_NOTE_DRAFT = "Revisi ke-{revision} (draf)"

STEP_ADD = "Tambah langkah"
STEP_ADD_TIP = ("Tambahkan langkah baru di akhir prosedur (Ctrl+Enter di tabel: langkah baru di "
                "bawah langkah yang dipilih)")
STEP_ADD_BELOW = "Tambah langkah di bawah"
STEP_ADD_BELOW_TIP = "Tambahkan langkah baru di bawah langkah yang dipilih (Ctrl+Enter)"
STEP_INSERT = "Sisipkan"
STEP_INSERT_TIP = "Sisipkan langkah baru di atas langkah yang dipilih"
STEP_DELETE = "Hapus"
STEP_DELETE_TIP = "Hapus langkah yang dipilih"
STEP_UP = "Naik"
STEP_UP_TIP = "Pindahkan langkah yang dipilih ke atas (Alt+↑, atau seret barisnya)"
STEP_DOWN = "Turun"
STEP_DOWN_TIP = "Pindahkan langkah yang dipilih ke bawah (Alt+↓, atau seret barisnya)"
STEP_DECISION = "Jadikan keputusan"
STEP_DECISION_TIP = "Langkah ini bertanya Ya/Tidak dan bercabang ke dua langkah"
STEP_START = "Langkah awal"
STEP_START_TIP = ("Langkah ini digambar sebagai awal (terminator), seperti prosedur yang "
                  "dimulai dari dua tempat; langkah 1 selalu awal")
STEP_JOIN_TIME = "Gabungkan Waktu dengan langkah berikut"
STEP_JOIN_TIME_TIP = ("Satu sel Waktu untuk langkah ini dan langkah sesudahnya, seperti sel "
                      "yang digabung di buku SOP; Waktu langkah sesudahnya harus kosong")
STEP_SPLIT_TIME = "Pisahkan Waktu"
STEP_SPLIT_TIME_TIP = ("Setiap langkah di bawah sel Waktu yang digabung mendapat sel Waktu "
                       "sendiri; langkah pertama tetap memuat Waktunya")
DECISION_CAPTION = "Langkah {row} adalah keputusan: pilih langkah tujuan Ya dan Tidak"
DECISION_CAPTION_PLAIN = "Langkah {row} bukan keputusan"
DECISION_CAPTION_NONE = "Pilih langkah di tabel"
BRANCH_YES = "Ya →"
BRANCH_NO = "Tidak →"
BRANCH_NONE = "(belum dipilih)"
DECISION_UNSET = "?"
START_PROCEDURE = "Mulai menulis prosedur"
COPY_PROCEDURE_BUTTON = "Salin prosedur dari SOP lain…"

# reuse: a procedure copied from another SOP, and a model SOP shown beside the editor
ACTION_COPY_PROCEDURE = "&Salin prosedur dari…"
ACTION_SHOW_MODEL_SOP = "&Tampilkan SOP contoh…"
COPY_TITLE = "Salin prosedur dari SOP lain"
COPY_INTO = "Lajur dan langkah SOP yang dipilih akan mengisi prosedur \"{name}\" ({office}); " \
    "lembar identitasnya tetap. Belum disimpan sampai Anda menekan Simpan."
COPY_OK = "Salin prosedur"
COPY_SEARCH = "Cari nama SOP atau kantor…"
COPY_HEADERS = ("Nama SOP", "Kantor", "Rev.", "Langkah")
COPY_COUNT = "{shown} dari {total} SOP yang sudah punya prosedur"
COPY_REVISION = "Revisi:"
COPY_REVISION_ITEM = "Revisi {revision}"
COPY_REVISION_CURRENT = "Revisi {revision} (terkini)"
COPY_PICK = "Pilih SOP di daftar sebelah kiri untuk melihat prosedurnya."
COPY_LANES = "Lajur ({count}): {lanes}"
COPY_TAB_STEPS = "Langkah ({count})"
COPY_TAB_FLOWCHART = "Diagram alir"
COPY_STEP_HEADERS = ("No", "Kegiatan", "Pelaksana", "Waktu", "Output", "Keputusan")
COPY_NOTE = "Prosedur disalin dari {name} ({office}), revisi {revision}"
COPY_NOTE_SHOWN = "Catatan revisi saat disimpan: {note}"
COPY_REPLACE_TITLE = "Ganti prosedur?"
COPY_REPLACE_QUESTION = (
    "SOP \"{name}\" sudah punya prosedur: {steps} langkah dan {lanes} lajur.\n\n"
    "Ganti seluruhnya dengan prosedur \"{source}\"? Penggantian ini dapat diurungkan "
    "(Ctrl+Z) selama belum disimpan."
)
COPY_REPLACE = "Ganti"
COPY_READ_FAILED = "SOP ini tidak dapat dibaca: {reason}"
MODEL_TITLE = "SOP contoh (hanya baca)"
MODEL_TITLE_SOP = "SOP contoh: {name} ({office}), revisi {revision} — hanya baca"
FIRST_LANE_PROMPT = "Pelaksana langkah pertama (nama lajur), mis. Camat, Sekcam, Staf:"

LANES_TITLE = "Lajur (Pelaksana)"
LANE_ADD = "Tambah"
LANE_RENAME = "Ganti nama"
LANE_UP = "◀"
LANE_UP_TIP = "Geser lajur yang dipilih ke kiri"
LANE_DOWN = "▶"
LANE_DOWN_TIP = "Geser lajur yang dipilih ke kanan"
LANE_REMOVE = "Hapus"
LANE_REMOVE_TIP = "Hapus lajur yang dipilih (hanya bila tidak ada langkah di dalamnya)"
LANE_STEPS = "{name} ({count})"
LANE_STEPS_TIP = "{name}: {count} langkah"
LANE_FILTER_PLACEHOLDER = "Ketik sebagian nama lajur…"
LANE_FILTER_TIP = ("Ketik untuk menyaring, ↑/↓ memilih, Enter atau Tab mengisi, Esc membatalkan; "
                   "Ctrl+Spasi atau Ctrl+klik mencentang beberapa lajur untuk langkah yang "
                   "digambar di beberapa lajur")
LANE_PICKED = "Dicentang: {lanes} — Enter mengisi semuanya"
LANE_NO_MATCH = "Tidak ada lajur yang memuat '{typed}'. Hapus ketikan, atau Esc untuk batal."
LANE_ADD_TITLE = "Tambah lajur"
LANE_RENAME_TITLE = "Ganti nama lajur"
LANE_NAME_PROMPT = "Nama lajur (pelaksana):"
LANE_REMOVE_TITLE = "Lajur tidak dapat dihapus"
EDIT_REFUSED_TITLE = "Tidak dapat diubah"

PROBLEMS_TITLE = "Masalah ({count})"
PROBLEMS_NONE = "Masalah: tidak ada"
PROBLEM_IDENTITY = "Identitas — {place}: {message}"
PROBLEMS_TITLE_PASTE = "Masalah ({count}) — hasil tempel di atas"
PASTE_CLEAR = "Tutup pesan tempel"
PASTE_CLEAR_TIP = ("Hapus pesan hasil tempel dari daftar (pesan itu juga hilang pada suntingan "
                   "berikutnya)")

# copying and pasting step rows (Ctrl+C / Ctrl+V in the step table)
ROWS_COPY = "Salin baris"
ROWS_COPY_TIP = ("Salin langkah yang dipilih (Ctrl+C): sebagai tabel untuk Excel/Word, dan "
                 "lengkap dengan lajur dan keputusan untuk SOP lain")
ROWS_PASTE = "Tempel baris"
ROWS_PASTE_TIP = ("Tempel baris dari Excel, Word atau SOP lain (Ctrl+V) sesudah langkah yang "
                  "dipilih")
ROWS_PASTE_START = "Tempel dari Excel/Word (Ctrl+V)"
UNDO_PASTE = "tempel {count} langkah"
PASTE_DONE = ("Tempel: {count} langkah ditempel sebagai langkah {first}–{last}{lanes}; "
              "Urungkan (Ctrl+Z) membatalkannya.")
PASTE_DONE_ONE = ("Tempel: 1 langkah ditempel sebagai langkah {first}{lanes}; Urungkan (Ctrl+Z) "
                  "membatalkannya.")
PASTE_LANES_ADDED = " (lajur baru: {lanes})"
PASTE_REFUSED = "Tidak ditempel: {reason}"
PASTE_NOTE_ROW = "Tempel baris {row} → langkah {step}, {column}: {message}"
PASTE_NOTE_COLUMN = "Tempel, kolom {column}: {message}"
PASTE_NOTE = "Tempel: {message}"
PASTE_OWN_UNREADABLE = "data langkah salinan SOP tidak terbaca; yang ditempel teks tabelnya"
PASTE_LANES_TITLE = "Tempel langkah"
PASTE_LANES_QUESTION = (
    "Langkah yang ditempel memakai lajur yang belum ada di SOP ini:\n\n{lanes}\n\n"
    "Tambahkan lajur-lajur itu? Bila tidak, langkah-langkah itu ditaruh di lajur \"{first}\" "
    "(dapat diganti di kolom Pelaksana).")
PASTE_LANES_QUESTION_NONE = (
    "Langkah yang ditempel memakai lajur yang belum ada di SOP ini:\n\n{lanes}\n\n"
    "Tambahkan lajur-lajur itu? Bila tidak, tidak ada yang ditempel (SOP ini belum punya "
    "lajur).")

EDIT_IDENTITY = "Ubah identitas"
SHOW_SHEET = "Lihat lembar identitas"
IDENTITY_FORM_HEAD = "Kop dan pengesahan"
IDENTITY_FORM_LISTS = "Isi lembar identitas (satu butir per baris)"
OFFICE_LABELS = {
    "government": "Pemerintah (kop)",
    "name": "Nama kantor",
    "address": "Alamat kantor",
}
APPROVER_LABELS = {
    "title": "Disahkan oleh: jabatan",
    "name": "Nama",
    "rank": "Pangkat/golongan",
    "nip": "NIP",
}
REVISED_SET = "Diisi"
REVISED_SET_TIP = (
    "Tanpa centang lembar identitas mencetak '-'. Saat disimpan sebagai revisi final, Tanggal "
    "Revisi diisi tanggal hari ini, kecuali Anda mengubahnya di sini; menyimpan draf tidak "
    "mengubahnya."
)
DATE_SET_TIP = "Tanpa centang tanggal ini tidak ditulis; lembar identitas mencetak '-'."
DATE_WRITTEN_PLACEHOLDER = "atau seperti tertulis, mis. Oktober 2024"
DATE_WRITTEN_TIP = (
    "Bila buku SOP menulis tanggal yang tidak lengkap (mis. 'Oktober 2024', harinya dikosongkan "
    "untuk diisi tangan), tulis di sini persis seperti di buku; kosongkan bila tanggalnya "
    "lengkap. Periksa SOP mengingatkannya."
)
DATE_FORMAT = "dd MMMM yyyy"
DATE_FORMAT_UNPADDED = "d MMMM yyyy"  # an office that writes "1 Pebruari 2021"

HISTORY_HEADERS = ("Rev.", "Disimpan", "Tanggal Revisi", "Nama SOP", "Keterangan")
HISTORY_CURRENT = "terkini"
HISTORY_DRAFT = "draf"
HISTORY_OPEN = "Buka (hanya baca)"
HISTORY_BACK = "Kembali ke revisi terkini"

SAVE_TITLE = "Simpan SOP"
SAVE_FAILED = "Tidak dapat disimpan"
CHANGED_ELSEWHERE = ("Katalog baru saja diubah di PC lain. Perubahan Anda yang belum disimpan "
                     "tetap ada; bila SOP ini juga diubah di sana, menyimpannya akan ditolak.")
SAVE_UNCHANGED = "Tidak ada perubahan yang perlu disimpan."
SAVE_DRAFT_QUESTION = (
    "Prosedur ini masih punya {count} masalah:\n{problems}\n\n"
    "Simpan sebagai draf? Draf tersimpan sebagai revisi baru yang ditandai \"draf\"; "
    "Tanggal Revisi tidak diubah sampai SOP disimpan sebagai revisi final."
)
SAVED_REVISION = "Tersimpan sebagai revisi {revision}. Tanggal Revisi: {revised}."
SAVED_REVISED_TODAY = ("Tersimpan sebagai revisi {revision}. Tanggal Revisi diisi tanggal hari "
                       "ini: {revised}.")
SAVED_DRAFT = ("Tersimpan sebagai draf (revisi {revision}). Tanggal Revisi tidak diubah "
               "({revised}): tanggal hari ini diisi saat disimpan sebagai revisi final.")
SAVED_DRAFT_DATED = "Tersimpan sebagai draf (revisi {revision}). Tanggal Revisi: {revised}."
UNSAVED_TITLE = "Perubahan belum disimpan"
UNSAVED_QUESTION = "SOP \"{name}\" punya perubahan yang belum disimpan."
UNSAVED_SAVE = "Simpan"
UNSAVED_DISCARD = "Buang"
UNSAVED_CANCEL = "Batal"
RECOVERY_TITLE = "Pemulihan perubahan"
RECOVERY_QUESTION = (
    "Program tertutup tidak wajar saat SOP \"{name}\" (dari revisi {revision}) punya perubahan "
    "yang belum disimpan. Perubahan itu tersimpan otomatis pada {at}.\n\n"
    "Pulihkan: SOP dibuka dengan perubahan itu, belum disimpan; periksa lalu simpan.\n"
    "Buang: perubahan itu dihapus."
)
RECOVERY_RESTORE = "Pulihkan"
RECOVERY_DISCARD = "Buang"
RECOVERY_UNREADABLE = ("Berkas pemulihan perubahan yang belum disimpan rusak dan tidak dapat "
                       "dibaca; berkas itu dibuang.")
RECOVERY_GONE = ("SOP \"{name}\" ({id}) tidak ada lagi di katalog atau sudah diarsipkan, jadi "
                 "perubahannya tidak dapat dipulihkan; berkas pemulihannya dibuang.")
RECOVERY_NEWER = ("Perubahan SOP \"{name}\" dipulihkan. Perubahan itu dibuat pada revisi "
                  "{base}, sedangkan yang tersimpan kini revisi {current}: bandingkan dengan "
                  "revisi terbaru (Riwayat revisi) sebelum menyimpan.")
OK = "Oke"
YES = "Ya"
NO = "Tidak"

NEW_SOP_TITLE = "SOP baru"
NEW_SOP_ID = "Id (huruf kecil, angka, '-')"
NEW_SOP_ID_HINT = "mis. poncokusumo-2025-renja"
NEW_SOP_NAME = "Nama SOP"
NEW_SOP_OFFICE = "Kantor"
NEW_SOP_OK = "Buat"
CANCEL = "Batal"
SAVE = "Simpan"
DUPLICATE_TITLE = "Gandakan SOP"
DUPLICATE_OK = "Gandakan"
DUPLICATE_SOURCE = "Salinan dari \"{name}\" ({office}). Di kantor lain, salinannya memakai kop " \
    "dan camat kantor itu, dan Nomor SOP-nya dikosongkan."
DUPLICATE_NAME = "{name} (salinan)"
DUPLICATE_NOTE = "Digandakan dari {name} ({office}), revisi {revision}"
DELETE_TITLE = "Hapus SOP"
DELETE_QUESTION = (
    "Hapus SOP \"{name}\" ({id}) beserta semua revisinya?\n\n"
    "Tindakan ini tidak dapat diurungkan."
)
ARCHIVE_INSTEAD_QUESTION = (
    "SOP \"{name}\" ({id}) sudah dijalankan dalam {rounds} putaran, jadi tidak dapat dihapus: "
    "riwayat pelaksanaannya harus tetap ada.\n\n"
    "Arsipkan saja? SOP ini hilang dari daftar, tetapi semua revisi, putaran dan peristiwanya "
    "tetap tersimpan dan dapat dipulihkan (Berkas → Tampilkan arsip, lalu Pulihkan dari arsip)."
)
DELETE_REFUSED_ARCHIVED = (
    "SOP \"{name}\" ({id}) sudah diarsipkan dan tidak dapat dihapus: SOP ini sudah dijalankan "
    "dalam {rounds} putaran, dan riwayat pelaksanaannya harus tetap ada."
)
ACTION_ARCHIVE_SOP = "&Arsipkan SOP"
ACTION_UNARCHIVE_SOP = "Pu&lihkan dari arsip"
ACTION_SHOW_ARCHIVE = "&Tampilkan arsip"
ARCHIVE_TITLE = "Arsip SOP"
ARCHIVE_DONE = (
    "SOP \"{name}\" diarsipkan; {revisions} revisi dan {rounds} putaran tetap tersimpan.\n"
    "Untuk melihat atau memulihkannya: Berkas → Tampilkan arsip."
)
ARCHIVED_MARK = "(arsip)"
STATUS_ARCHIVED = "diarsipkan — hanya baca; pulihkan dari arsip untuk mengubah atau menjalankannya"

# names of undoable edits, shown after "Urungkan"/"Ulangi"
UNDO_EDIT_CELL = "ubah {column} langkah {row}"
UNDO_ADD_STEP = "tambah langkah"
UNDO_INSERT_STEP = "sisipkan langkah"
UNDO_DELETE_STEP = "hapus langkah {row}"
UNDO_MOVE_STEP = "pindahkan langkah {row}"
UNDO_MAKE_DECISION = "jadikan langkah {row} keputusan"
UNDO_CLEAR_DECISION = "jadikan langkah {row} bukan keputusan"
UNDO_BRANCH = "ubah cabang {answer} langkah {row}"
UNDO_STEP_LANE = "pindahkan langkah {row} ke lajur {lane}"
UNDO_START_MARK = "jadikan langkah {row} langkah awal"
UNDO_START_CLEAR = "jadikan langkah {row} bukan langkah awal"
UNDO_JOIN_TIME = "gabungkan Waktu langkah {row} dengan langkah berikut"
UNDO_SPLIT_TIME = "pisahkan Waktu langkah {row}"
UNDO_START = "mulai menulis prosedur"
UNDO_COPY_PROCEDURE = "salin prosedur dari {name}"
UNDO_ADD_LANE = "tambah lajur {lane}"
UNDO_RENAME_LANE = "ganti nama lajur {old} menjadi {new}"
UNDO_MOVE_LANE = "pindahkan lajur {lane}"
UNDO_REMOVE_LANE = "hapus lajur {lane}"
UNDO_IDENTITY = "ubah {field}"
UNDO_RECOVERED = "pulihkan perubahan yang belum disimpan"

# printing
ACTION_EXPORT_PDF = "Ekspor &PDF…"
ACTION_PRINT = "&Cetak…"
ACTION_PRINT_BOOK = "Cetak &Buku SOP…"
ACTION_OFFICE_PROFILE = "Profil &kantor…"
MENU_PAPER = "&Kertas"
PAPER_F4 = "F4 (215 × 330 mm)"
PAPER_A4 = "A4 (210 × 297 mm)"
PDF_TITLE = "Ekspor PDF"
PDF_FILTER = "PDF (*.pdf)"
PDF_DONE = "PDF disimpan: {path}"
PDF_FAILED = "PDF tidak dapat dibuat"
PRINT_NOTHING = "Pilih dulu SOP yang akan dicetak."
PRINT_UNSAVED_TITLE = "Perubahan belum disimpan"
PRINT_UNSAVED_QUESTION = (
    "SOP \"{name}\" punya perubahan yang belum disimpan; yang tersimpan masih versi lama.\n\n"
    "Simpan dulu: perubahan disimpan sebagai revisi baru, lalu revisi itu yang dicetak.\n"
    "Cetak draf: SOP dicetak seperti di layar, setiap halaman bertanda \"{mark}\"."
)
PRINT_SAVE_FIRST = "Simpan dulu"
PRINT_DRAFT = "Cetak draf"
DRAFT_SUFFIX = " (draf)"  # after the SOP's name: the file or print job of a draft
BOOK_TITLE = "Cetak Buku SOP"
BOOK_OFFICE = "Kantor:"
BOOK_PROGRESS = "Menyusun buku SOP {office}…"
BOOK_SKIP_QUESTION = ("SOP berikut tidak dapat dicetak:\n\n{sops}\n\nCetak buku tanpa SOP itu? "
                      "Perbaiki SOP itu lalu cetak lagi untuk buku yang lengkap.")
BOOK_DONE_SKIPPED = "PDF disimpan: {path}\n\nTidak dicetak ({count} SOP):\n{sops}"
PDF_WRITING = "Menyusun PDF…"
PRINT_PREVIEW_TITLE = "Pratinjau Cetak"
PRINT_PREPARING = "Menyiapkan pratinjau cetak…"
PRINT_PAGES_READY = "Halaman {done} dari {total} siap…"

# office profile
OFFICE_TITLE = "Profil kantor"
OFFICE_FIELDS = (("government", "Pemerintah daerah"), ("address", "Alamat"),
                 ("city", "Kota/kecamatan"), ("postal_code", "Kode pos"),
                 ("phone", "Telepon"), ("email", "E-mail"), ("website", "Situs web"),
                 ("cover_address", "Alamat di sampul SOP"))
OFFICE_LOGO = "Logo"
OFFICE_TIME_ZONE = "Zona waktu kantor"
OFFICE_LOGO_CHOOSE = "Pilih gambar…"
OFFICE_LOGO_REMOVE = "Hapus logo"
OFFICE_LOGO_NONE = "(tanpa logo: ruangnya dibiarkan kosong)"
OFFICE_LOGO_FILTER = "Gambar (*.png *.jpg *.jpeg)"

# rounds
MENU_ROUNDS = "&Pelaksanaan"
TAB_CATALOGUE = "Katalog SOP"
TAB_ROUNDS = "Pelaksanaan"
ACTION_START_ROUND = "&Mulai putaran SOP ini…"
ACTION_DIRECTORY = "&Daftar pegawai…"
ACTION_SHOW_ROUNDS = "&Buka dasbor pelaksanaan"

# rounds: the Pelaksanaan dashboard, a round's page, its dialogs
TAB_DASHBOARD = "Pelaksanaan"
ENDED_AT = "berakhir {when}"
TOTAL_TIME = "seluruhnya {worked} / {standard}"
DASHBOARD_HEADERS = ("Putaran", "SOP", "Langkah", "Pelaksana", "Pegawai", "Sejak",
                     "Waktu di meja", "Status")
ALL_SOPS = "Semua SOP"
ALL_OFFICERS = "Semua pegawai"
# the dashboard's views (services.history.VIEWS)
STATUS_FILTER = (("Berjalan & ditahan", "aktif"), ("Terlambat", "terlambat"),
                 ("Tanpa pemegang", "tanpa-pemegang"), ("Berjalan", "berjalan"),
                 ("Ditahan", "ditahan"), ("Selesai", "selesai"), ("Dibatalkan", "dibatalkan"),
                 ("Semua", "semua"))
STATUS_FILTER_TIP = ("Terlambat: putaran yang melewati waktu baku langkahnya sekarang.\nTanpa "
                     "pemegang: putaran yang langkahnya sekarang belum dipegang siapa pun.")
OFFICER_FILTER_OFF = "Tanpa pemegang: tidak disaring per pegawai"
DESK_TIME = "{worked} / {standard}"
DESK_TIME_LATE = "{time} (terlambat {over})"
DESK_TIME_TIP = "Dalam hari kerja kalender kantor: 1 hari = {day}"
LATE_FIRST = "Terlambat terlama dulu"
LATE_FIRST_TIP = ("Putaran terlambat di atas; yang paling lama melewati waktu bakunya paling "
                  "atas. Klik judul kolom untuk mengurutkan lagi per kolom.")
DASHBOARD_EMPTY = ("Tidak ada putaran yang sedang berjalan.\n\nUntuk memulai: pilih SOP di tab "
                   "Katalog SOP, lalu menu Pelaksanaan → Mulai putaran SOP ini…; atau tekan "
                   "Mulai putaran… di bawah ini.")
DASHBOARD_NO_MATCH = ("Tidak ada putaran yang cocok dengan saringan {filters}: tekan Hapus "
                      "saringan untuk melihat lagi semua putaran yang berjalan.")
FILTER_NAME = "“{name}”"
CLEAR_FILTERS = "Hapus saringan"
START_ROUND = "Mulai putaran…"
OPEN_ROUND = "Buka putaran"
REFRESH = "Muat ulang"
DIRECTORY = "Daftar pegawai…"
CALENDAR = "Kalender kantor…"
COUNT = "{shown} putaran; {late} terlambat"
COUNT_NEWEST = ("{shown} putaran terbaru dari {total}; {late} terlambat. Saring per SOP atau "
                "pegawai, atau ekspor ke Excel untuk semuanya.")
NOT_ASSIGNED = "(belum ditentukan)"

START_TITLE = "Mulai putaran SOP"
START_SOP = "SOP"
START_NAME = "Judul putaran"
START_NAME_HINT = "mis. Renja 2027"
START_AT = "Mulai pada"
START_NOW = "Sekarang"
START_LANES = "Pengisi lajur"
START_LANE_HEADERS = ("Lajur", "Pegawai")

COMPLETE_TITLE = "Selesaikan langkah {no}"
COMPLETE_DECISION = "Keputusan"
COMPLETE_BY = "Dikerjakan oleh"
COMPLETE_AT = "Waktu selesai"
COMPLETE_OUTPUT = "Output yang diserahkan"
COMPLETE_NOTE = "Catatan"
HANDOFF_STEP = "<b>Langkah {no}. {activity}</b><br>Lajur {lane}"
HANDOFF_NEXT = "Berikutnya: langkah {no}. {activity} (lajur {lane})"
HANDOFF_YES = "Ya → langkah {no}. {activity} (lajur {lane})"
HANDOFF_NO = "Tidak → langkah {no}. {activity} (lajur {lane})"
HANDOFF_END = "Ini langkah terakhir: putaran selesai; berkas tidak diserahkan lagi."
HANDOFF_END_WAY = "{way} → putaran selesai"
HANDOFF_TO = "Diserahkan kepada"
# a next step drawn in several lanes: one receiver per lane
HANDOFF_TO_LANE = "Kepada (lajur {lane})"
HANDOFF_TO_LANE_MISSING = ("Pilih siapa yang menerima berkas di langkah {no} untuk lajur "
                           "{lane}, atau tambahkan pegawainya dengan Tambah pegawai….")
HANDOFF_HOLDER = "{label} (pemegang)"  # a holder of the step, who may have done it
HANDOFF_CHOOSE = "— pilih penerima —"
HANDOFF_NOBODY = "(belum ditentukan)"
HANDOFF_TO_MISSING = ("Pilih siapa yang menerima berkas di langkah {no}, atau tambahkan "
                      "pegawainya dengan Tambah pegawai….")
HANDOFF_ADD = "Tambah pegawai…"
HANDOFF_ADDED = "{name} akan ditambahkan ke daftar pegawai bersama serah terima ini."
NEW_OFFICER_TITLE = "Tambah pegawai"
NEW_OFFICER_INTRO = ("Pegawai ini masuk daftar pegawai saat serah terima dicatat (Simpan); "
                     "Batal tidak menambahkan apa pun.")
NEW_OFFICER_NAME_MISSING = "Nama pegawai wajib diisi."
UNDO_TITLE = "Batalkan serah terima"
UNDO_PROMPT = ("Batalkan serah terima terakhir?\n\n{what}\n\nPutaran kembali ke langkah "
               "{no}, dipegang {holder}. Kejadiannya tetap tercatat di riwayat (dicoret) dan "
               "tidak dihitung. Alasan pembatalan:")
UNDO_NONE = "Belum ada serah terima yang dapat dibatalkan di putaran ini."
UNDO_NOT_LAST = ("Baris yang dipilih bukan serah terima terakhir: hanya yang terakhir ({last}) "
                 "yang dapat dibatalkan. Tidak ada yang diubah.")

ACTION_COMPLETE = "Selesaikan langkah…"
ACTION_REASSIGN = "Alihkan…"
ACTION_HOLD = "Tahan"
ACTION_RESUME = "Lanjutkan"
ACTION_CANCEL = "Batalkan putaran…"
ACTION_NOTE = "Tambah catatan…"
ACTION_REPORT = "Cetak laporan…"
ACTION_XLSX = "Ekspor Excel…"
ACTION_MONITORING = "Formulir monitoring…"
ACTION_EVALUATION = "Formulir evaluasi…"
REASSIGN_PROMPT = "Alihkan langkah {no} ({lane}) kepada:"
REASSIGN_LANE_PROMPT = "Langkah {no} dikerjakan di beberapa lajur. Alihkan lajur yang mana?"
CANCEL_PROMPT = "Alasan pembatalan:"
NOTE_PROMPT = "Catatan:"
HOLD_PROMPT = "Alasan ditahan (boleh kosong):"
ACTION_CORRECT = "Koreksi…"
ACTION_UNDO_HANDOFF = "Batalkan serah terima…"
CORRECT_PICK = "Pilih dulu baris riwayat yang akan dikoreksi (tab Riwayat)."
CORRECT_TITLE = "Koreksi kejadian #{seq}: {label}"
CORRECT_INTRO = ("Kejadian aslinya tetap tercatat. Isi hanya yang salah; yang dibiarkan sama "
                 "tidak diubah. Waktu tercatat: {when}.")
CORRECT_TIME = "Waktu yang benar"
CORRECT_CHANGE_TIME = "Ubah waktu"
CORRECT_OFFICER = "Pegawai yang benar"
CORRECT_KEEP_OFFICER = "(tidak diubah)"
CORRECT_RECEIVER = "Penerima yang benar (sekarang: {now})"
CORRECT_OUTPUT = "Output yang benar"
CORRECT_NOTE = "Catatan yang benar"
CORRECT_REASON = "Alasan koreksi"
CORRECTED_MARK = " (dikoreksi #{seqs})"
STALE_TITLE = "Putaran sudah berubah"
CHAIN_WARNING = ("⚠ Riwayat putaran ini tidak utuh: {problem}. Angka di halaman ini mungkin "
                 "tidak benar; jalankan Bantuan → Periksa basis data.")
ACTION_REFRESH = "Muat &ulang"

ROUND_HEADER = "<b>{title}</b> — {sop} (revisi {revision})"
ROUND_STATUS = ("Status: <b>{status}</b> · langkah sekarang: {step} · dipegang: {holder} · "
                "sejak {since} · putaran balik: {loops} · waktu kerja {worked} dari baku {std}"
                " · waktu {zone}")
STEPS_HEADERS = ("No", "Pelaksana", "Pemegang", "Dikerjakan oleh", "Diterima", "Diserahkan",
                 "Baku", "Nyata", "Keputusan", "Output / catatan")
LOG_HEADERS = ("#", "Waktu", "Peristiwa", "Langkah", "Dikerjakan oleh", "Diserahkan kepada",
               "Keputusan", "Waktu di meja", "Catatan", "Output", "Dicatat oleh")
LOG_EMPTY = "(kosong)"
LOG_VOIDED = "{label} — dibatalkan #{seq}"
LOG_VOIDED_TIP = "Dibatalkan oleh #{seq}: {reason}. Tidak dihitung dalam waktu dan laporan."
LOG_CORRECTED_TIP = "Dikoreksi; semula: {was}. Alasan: {reasons}"
CORRECT_CHOOSE = "Koreksi baris riwayat yang mana?"
STATS_TITLE = "Kinerja langkah ({rounds} putaran)"
STATS_HEADERS = ("No", "Kegiatan", "Pelaksana", "Dilalui", "Rata-rata", "Median", "Baku",
                 "Terlambat", "Dikembalikan")
TAB_FLOW = "Diagram"
TAB_STEPS = "Langkah"
TAB_EVENTS = "Riwayat"
TAB_STATS = "Statistik SOP"

OFFICERS_TITLE = "Daftar pegawai"
OFFICER_HEADERS = ("Nama", "NIP", "Jabatan", "Kantor", "Status")
OFFICER_ADD = "Tambah"
OFFICER_SAVE = "Simpan perubahan"
OFFICER_NEW = "Kosongkan isian"
OFFICER_TOGGLE = "Aktif/nonaktif"
OFFICER_DELETE = "Hapus"
OFFICER_DELETE_CONFIRM = ("Hapus {name} dari daftar pegawai? Hanya pegawai yang belum disebut "
                          "riwayat mana pun yang dapat dihapus.")
OFFICER_ACTING = "Tanda Plt./Plh."
OFFICER_ACTING_CHOICES = (("(definitif)", ""), ("Plt. (pelaksana tugas)", "Plt."),
                          ("Plh. (pelaksana harian)", "Plh."))
OFFICER_FROM = "Menjabat sejak"
OFFICER_TO = "Sampai"
OFFICER_DATES_UNKNOWN = "(tidak diisi)"
OFFICER_PICK = "Pilih dulu pegawai di daftar."
OFFICER_SAVED = "Tersimpan: {name}. Riwayat yang sudah tercatat tetap memakai nama lama."
CHOOSE_OFFICER = "(pilih pegawai)"
COMPLETE_BY_MISSING = "Pilih siapa yang mengerjakan langkah ini."
COMPLETE_DECISION_MISSING = "Pilih Ya atau Tidak: langkah ini sebuah keputusan."
START_TITLE_MISSING = "Beri judul putaran ini, mis. Renja 2027."
OFFICER_NAME = "Nama"
OFFICER_NIP = "NIP"
# a made-up NIP of the right shape; its "birth date" 1234-56-78 cannot be anyone's
OFFICER_NIP_HINT = "18 angka, mis. 12345678 123456 1 123"
OFFICER_JABATAN = "Jabatan"
OFFICER_PANGKAT = "Pangkat/Golongan"

MONITORING_TITLE = "Monitoring Pelaksanaan SOP AP"
MONITORING_FROM = "Dari"
MONITORING_TO = "Sampai"
MONITORING_FILL = "Isi dari putaran"
MONITORING_HEADERS = ("No", "Prosedur", "Penilaian", "Catatan Hasil Penilaian",
                      "Tindakan yang Harus Diambil", "Paraf")
EVALUATION_TITLE = "Evaluasi Penerapan SOP AP"
EVALUATION_HEADERS = ("No", "Penilaian terhadap Penerapan", "Ya", "Tidak", "Catatan")
ASSESSOR = "Penilai"
PRINT = "Cetak PDF…"

SAVE_PDF = "Simpan PDF"
SAVE_XLSX = "Simpan Excel"
XLSX_FILTER = "Excel (*.xlsx)"
# suggested file names (ui/file_dialogs.py makes them safe): "Renja 2027 - log.xlsx"
FILE_NAME_FALLBACK = "berkas"
FILE_ROUND_LOG = "log"
FILE_ROUND_REPORT = "laporan"
FILE_ROUNDS_LIST = "Daftar putaran"
DONE_SAVED = "Tersimpan: {path}"
ERROR_TITLE = "Tidak dapat dicatat"

# the flowchart view and its panel
ZOOM_IN = "Perbesar"
ZOOM_OUT = "Perkecil"
FIT_WIDTH = "Sesuaikan lebar"
SAVE_IMAGE = "Simpan gambar…"
SAVE_IMAGE_TITLE = "Simpan diagram alir sebagai gambar"
IMAGE_FILTERS = "Gambar PNG 300 dpi (*.png);;Gambar SVG (*.svg)"
SAVE_FAILED_TITLE = "Gambar tidak dapat disimpan"
SAVED_TITLE = "Gambar disimpan"
SAVED_TEXT = "Diagram alir disimpan sebagai:\n{paths}"
IMAGE_PAGES = "Menggambar halaman {done} dari {total}…"
ZOOM_PERCENT = "{percent}%"
TOOLTIP_NO = "No"
TOOLTIP_ACTIVITY = "Kegiatan"
TOOLTIP_ROLE = "Pelaksana"
TOOLTIP_TIME = "Waktu"
TOOLTIP_OUTPUT = "Output"
EMPTY_VALUE = "-"
LAYOUT_FAILED = "Diagram alir tidak dapat digambar:\n{reason}"

# office calendar
CALENDAR_TITLE = "Kalender kantor"
CALENDAR_YEAR = "Tahun"
CALENDAR_DAYS_HEADERS = ("Tanggal", "Hari", "Nama", "Jenis")
CALENDAR_ADD = "Tambah hari libur"
CALENDAR_REMOVE = "Hapus yang dipilih"
CALENDAR_DATE = "Tanggal"
CALENDAR_NAME = "Nama"
CALENDAR_KIND = (("Libur nasional", "libur"), ("Cuti bersama", "cuti_bersama"))
CALENDAR_HOURS = "Jam kerja (mis. 07:30-12:00, 13:00-16:00; kosong = libur)"
CALENDAR_SAVE_HOURS = "Simpan jam kerja"
CALENDAR_WEEK = "Seminggu: {hours}"
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ROUNDS_XLSX = "Ekspor Excel…"
ROUNDS_XLSX_DONE = "{count} putaran diekspor ke {path}"

# help: the database check
ACTION_CHECK_DB = "&Periksa basis data…"
CHECK_TITLE = "Periksa basis data"
CHECK_PROGRESS = "Memeriksa riwayat putaran… ({done} dari {total})"
CHECK_OK = "Basis data utuh: berkas, kunci, dan riwayat setiap putaran sesuai yang tercatat."
CHECK_PROBLEMS = "Ditemukan {count} masalah:\n\n{lines}"
CHECK_CANCELLED = "Pemeriksaan dihentikan sebelum selesai."

# backups and restores
ACTION_BACKUP = "Ca&dangkan…"
ACTION_RESTORE = "P&ulihkan…"
BACKUP_TITLE = "Cadangkan basis data"
BACKUP_FILTER = "Basis data Kecamatan Desktop (*.db);;Semua berkas (*)"
BACKUP_DONE = "Cadangan disimpan di {path}."
BACKUP_WRITING = "Mencadangkan basis data ke {path}…"
BACKUP_FAILED = "Cadangan gagal"
RESTORE_TITLE = "Pulihkan basis data"
RESTORE_RUNNING = "Memulihkan basis data dari {path}…"
RESTORE_INTRO = (
    "Pilih cadangan yang akan dipulihkan. Basis data yang sekarang dicadangkan dulu, "
    "jadi pemulihan dapat dibatalkan dengan memulihkan cadangan itu."
)
RESTORE_NONE = "Belum ada cadangan di {folder}."
RESTORE_HEADERS = ("Tanggal", "Jenis", "Ukuran")
RESTORE_KINDS = {
    "harian": "harian (saat program dibuka)",
    "sebelum-migrasi": "sebelum pembaruan skema",
    "sebelum-pemulihan": "sebelum pemulihan",
    "manual": "dibuat sendiri",
}
RESTORE_CHOSEN = "Pulihkan yang dipilih"
RESTORE_OTHER = "Pilih berkas lain…"
RESTORE_CONFIRM = (
    "Pulihkan basis data dari cadangan {when}?\n\n{path}\n\n"
    "Semua yang dicatat sesudah cadangan itu dibuat tidak akan tampak lagi; basis data yang "
    "sekarang disimpan lebih dulu di folder cadangan."
)
RESTORE_DONE = "Basis data dipulihkan dari {path}.\nBasis data sebelumnya disimpan di {previous}."
RESTORE_FAILED = "Pemulihan gagal"
READ_ONLY_MARK = "Hanya baca: perubahan tidak disimpan"

# a database that does not open
DB_WAY_OUT_QUESTION = "Apa yang ingin dilakukan?"
DB_WAY_RESTORE = "Pulihkan cadangan terakhir ({when})"
DB_WAY_READ_ONLY = "Buka hanya untuk membaca dan mencetak"
DB_WAY_RETRY = "Coba lagi"
DB_WAY_OTHER = "Pilih berkas lain…"
DB_WAY_QUIT = "Keluar"
DB_OPEN_OTHER = "Pilih basis data"

# work running in the background (ui/worker.py)
TASK_CANCEL = "Batal"
TASK_WRITING = "Menulis berkas…"
TASK_ROWS = "Menulis baris {done} dari {total}…"
TASK_STOPPING = "Menghentikan…"
TASK_OS_FAILED = "Berkas {path} tidak dapat dipakai: {reason}."
TASK_OS_DENIED = ("tidak ada izin menulis di sana (berkas terbuka di program lain, atau folder "
                  "hanya-baca)")
TASK_OS_MISSING = "folder atau berkasnya tidak ada"
TASK_OS_FULL = "disk penuh"
TASK_OS_OTHER = "kesalahan sistem nomor {code}"

# an unexpected error
CRASH_TITLE = "Terjadi kesalahan"
CRASH_TEXT = (
    "Terjadi kesalahan yang tidak terduga saat {doing}. Program tetap berjalan, dan yang "
    "sudah disimpan tetap aman; periksa apakah langkah terakhir tadi tercatat.\n\n"
    "Rincian kesalahan dicatat di berkas log:\n{log}\n\n"
    "Bila kesalahan ini berulang, kirimkan berkas itu kepada pengelola program."
)
CRASH_DOING_ACTION = "menjalankan «{action}»"
CRASH_DOING_UNKNOWN = "memakai program"

# --- help, welcome, status bar, shortcuts (issue 13) ---
CLOSE = "Tutup"
HELP_TITLE = "Bantuan Kecamatan Desktop"
HELP_PICTURE_TITLE = "Gambar bantuan (ukuran asli)"
ACTION_HELP = "&Bantuan…"
ACTION_FIND = "&Cari SOP"
WELCOME_TITLE = "Selamat datang di Kecamatan Desktop"
WELCOME_TEXT = (
    "Kecamatan Desktop menyimpan SOP AP kantor Anda (Permenpan-RB Nomor 35 Tahun 2012), "
    "menggambar diagram alirnya, mencetaknya dalam format resmi, dan mencatat setiap "
    "putaran pelaksanaannya.\n\n"
    "Katalog sudah berisi SOP dari dua buku SOP Kabupaten Malang sebagai contoh.\n\n"
    "Mulailah dengan mengisi profil kantor Anda (nama, alamat, Camat, logo): profil ini "
    "dipakai di kop, sampul, dan keputusan yang dicetak.\n\n"
    "Bantuan selalu ada di menu Bantuan atau dengan tombol F1.")
WELCOME_PROFILE = "Isi profil kantor…"
WELCOME_HELP = "Baca bantuan"
WELCOME_SKIP = "Lewati"
STATUS_DATABASE = "Basis data: {name}"
ALL_OFFICES_STATUS = "Semua kantor"
STATUS_SOPS = "{count} SOP"
STATUS_ROUNDS = "{open} putaran berjalan, {late} terlambat"
STATUS_DATABASE_NETWORK = "Basis data: {name} (di folder jaringan!)"
NETWORK_DB_WARNING = (
    "Berkas basis data {path} ada di folder jaringan. Berkas di folder jaringan tidak aman "
    "dipakai bersama oleh beberapa PC: data dapat rusak. Untuk beberapa PC, pakai server "
    "PostgreSQL lewat Berkas → Basis data….")

# --- officer directory (issue 13) ---
OFFICER_ACTIVE = "Aktif"
OFFICER_INACTIVE = "Nonaktif"
OFFICER_SEARCH = "Cari nama, NIP atau jabatan…"
OFFICER_SHOWN = "{shown} dari {total} pegawai"
OFFICER_OFFICE = "Kantor"
OFFICER_PERIOD = "Masa jabatan"
OFFICER_IMPORT = "Impor dari Excel…"
OFFICER_IMPORT_TITLE = "Impor daftar pegawai"
OFFICER_IMPORT_PICK = "Pilih lembar kerja daftar pegawai"
OFFICER_IMPORT_FILTER = "Lembar kerja Excel (*.xlsx)"
OFFICER_IMPORT_READING = "Membaca lembar kerja…"
OFFICER_IMPORT_HEADERS = ("Baris", "Nama", "NIP", "Jabatan", "Keterangan")
OFFICER_IMPORT_READY = "Siap diimpor"
OFFICER_IMPORT_ALL_GOOD = ("Semua {good} baris benar. Pegawai diimpor dengan kantor kosong; "
                           "pangkat dan kantor dapat diisi sesudahnya.")
OFFICER_IMPORT_SOME_BAD = ("{bad} baris bermasalah (ditandai merah) dan tidak akan diimpor. "
                           "Impor {good} baris yang benar saja, atau batalkan, perbaiki lembar "
                           "kerjanya, lalu impor lagi (baris yang sudah masuk akan ditandai "
                           "\"sudah terdaftar\").")
OFFICER_IMPORT_NONE_GOOD = ("Tidak ada baris yang dapat diimpor: semua {bad} baris bermasalah "
                            "(ditandai merah). Perbaiki lembar kerjanya lalu impor lagi.")
OFFICER_IMPORT_DO = "Impor {good} pegawai"
OFFICER_IMPORT_CANCEL = "Batal"
OFFICER_IMPORT_CANCELLED = "Impor dibatalkan; tidak ada yang diubah."
OFFICER_IMPORT_DONE = "Diimpor: {added} pegawai."
OFFICER_IMPORT_DONE_SKIPPED = "Diimpor: {added} pegawai; {skipped} baris bermasalah dilewati."
FORM_SAVED = "Formulir disimpan sebagai PDF:\n{path}"
FORM_SAVE_TITLE = "Simpan {form} sebagai PDF"
FORM_DISCARD = ("Isian formulir ini belum dicetak dan akan hilang.\n"
                "Tutup atau isi ulang tanpa mencetaknya?")
PERIOD_BACKWARDS = "Tanggal akhir sebelum tanggal awal ({start})."

# --- Qt in Indonesian, dialog titles (issue 13) ---
SAVE_ROUND_REPORT = "Simpan laporan putaran (PDF)"
SAVE_ROUND_XLSX = "Simpan putaran sebagai Excel"
SAVE_ROUNDS_XLSX = "Simpan putaran yang tampil sebagai Excel"
ROUND_REPORT_TITLE = "Laporan putaran (PDF)"
ROUND_XLSX_TITLE = "Ekspor putaran ke Excel"
ROUNDS_XLSX_TITLE = "Ekspor putaran ke Excel"
WRITE_FAILED_TITLE = "Berkas tidak dapat ditulis"
OFFICE_LOGO_TITLE = "Pilih logo kantor"

# --- Periksa SOP (issue 14) ---
ACTION_CHECK_SOP = "&Periksa SOP"
CHECK_FINDING = "[{severity}] {place}: {message}"
CHECK_CLEAN = "Periksa SOP tidak menemukan apa pun pada SOP ini."
CHECK_CLEAN_TITLE = "Periksa SOP"
DISMISS_FINDING = "Abaikan temuan…"
DISMISS_TITLE = "Abaikan temuan"
DISMISS_PROMPT = "Mengapa temuan ini boleh diabaikan? (disimpan bersama SOP)\n\n{finding}"

# --- office texts (issue 14) ---
OFFICE_SHEET_NAME = "Nama kantor di lembar identitas"
OFFICE_SHEET_NAME_HINT = "mis. Kantor Kecamatan Poncokusumo (kosong: nama kantor)"
OFFICE_COVER_HEADING = "Judul di atas nama SOP pada sampul"
OFFICE_COVER_HEADING_HINT = "satu baris cetak per baris; kosong: tidak dicetak"
OFFICE_DATE_STYLE = "Penulisan tanggal"
OFFICE_DATE_ZERO_PAD = "Tanggal dengan nol di depan (04 Januari, bukan 4 Januari)"
OFFICE_DATE_FEBRUARY = "Ejaan bulan kedua"

