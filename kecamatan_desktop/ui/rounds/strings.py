"""Every string the rounds pages show, in Bahasa Indonesia."""

TAB_DASHBOARD = "Pelaksanaan"
DASHBOARD_HEADERS = ("Putaran", "SOP", "Langkah", "Pelaksana", "Pegawai", "Sejak",
                     "Waktu di meja", "Status")
ALL_SOPS = "Semua SOP"
ALL_OFFICERS = "Semua pegawai"
STATUS_FILTER = (("Berjalan & ditahan", "open"), ("Berjalan", "active"), ("Ditahan", "on_hold"),
                 ("Selesai", "done"), ("Dibatalkan", "cancelled"), ("Semua", "all"))
LATE_MARK = "terlambat"
START_ROUND = "Mulai putaran…"
OPEN_ROUND = "Buka putaran"
REFRESH = "Muat ulang"
DIRECTORY = "Daftar pegawai…"
CALENDAR = "Kalender kantor…"
COUNT = "{shown} putaran; {late} terlambat"
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
COMPLETE_YES = "Ya (lanjut ke langkah {no})"
COMPLETE_NO = "Tidak (kembali ke langkah {no})"
COMPLETE_BY = "Dikerjakan oleh"
COMPLETE_AT = "Waktu selesai"
COMPLETE_OUTPUT = "Output yang diserahkan"
COMPLETE_NOTE = "Catatan"

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
CANCEL_PROMPT = "Alasan pembatalan:"
NOTE_PROMPT = "Catatan:"
HOLD_PROMPT = "Alasan ditahan (boleh kosong):"

ROUND_HEADER = "<b>{title}</b> — {sop} (revisi {revision})"
ROUND_STATUS = ("Status: <b>{status}</b> · langkah sekarang: {step} · dipegang: {holder} · "
                "sejak {since} · putaran balik: {loops} · waktu kerja {worked} dari baku {std}")
STEPS_HEADERS = ("No", "Pelaksana", "Pegawai", "Diterima", "Diserahkan", "Baku", "Nyata",
                 "Keputusan", "Output / catatan")
EVENTS_HEADERS = ("Waktu", "Peristiwa", "Langkah", "Pegawai", "Keterangan", "Dicatat oleh")
STATS_TITLE = "Kinerja langkah ({rounds} putaran)"
STATS_HEADERS = ("No", "Kegiatan", "Pelaksana", "Dilalui", "Rata-rata", "Baku", "Terlambat",
                 "Dikembalikan")
TAB_FLOW = "Diagram"
TAB_STEPS = "Langkah"
TAB_EVENTS = "Riwayat"
TAB_STATS = "Statistik SOP"

OFFICERS_TITLE = "Daftar pegawai"
OFFICER_HEADERS = ("Nama", "NIP", "Jabatan", "Pangkat/Gol.", "Kantor", "Aktif")
OFFICER_ADD = "Tambah"
OFFICER_TOGGLE = "Aktif/nonaktif"
OFFICER_NAME = "Nama"
OFFICER_NIP = "NIP"
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
PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"
DONE_SAVED = "Tersimpan: {path}"
ERROR_TITLE = "Tidak dapat dicatat"
