"""Every string the window shows, in Bahasa Indonesia, in one place."""

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

TAB_IDENTITY = "Identitas"
TAB_PROCEDURE = "Prosedur"
PROCEDURE_HEADERS = ("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output",
                     "Keterangan")
PROCEDURE_NOT_DRAWN = (
    "Prosedur SOP ini belum digambar.\n\n"
    "Lembar identitasnya sudah ada; langkah-langkah dan diagram alirnya belum ditulis."
)
DECISION_MARK = "Ya → {yes}, Tidak → {no}"

IDENTITY_LABELS = {
    "number": "Nomor SOP",
    "created": "Tanggal Pembuatan",
    "revised": "Tanggal Revisi",
    "effective": "Tanggal Efektif",
    "approved_by": "Disahkan oleh",
    "name": "Nama SOP",
    "legal_basis": "Dasar Hukum",
    "qualifications": "Kualifikasi Pelaksana",
    "related": "Keterkaitan",
    "equipment": "Peralatan/Perlengkapan",
    "warnings": "Peringatan",
    "records": "Pencatatan dan Pendataan",
}
REVISION_NOTE = "Revisi ke-{revision}"

IMPORT_TITLE = "Impor SOP"
IMPORT_FILTER = "Berkas SOP (*.json);;Semua berkas (*)"
IMPORT_EXISTS = (
    "SOP berikut sudah ada di katalog:\n{ids}\n\n"
    "Simpan berkas impor sebagai revisi baru SOP tersebut?"
)
IMPORT_DONE = "{added} SOP ditambahkan, {revised} SOP mendapat revisi baru."
IMPORT_FAILED = "Impor gagal"
EXPORT_TITLE = "Ekspor SOP"
EXPORT_FILTER = "Berkas SOP (*.json)"
EXPORT_NOTHING = "Pilih dulu SOP yang akan diekspor."
EXPORT_DONE = "SOP {id} diekspor ke {path}."
EXPORT_FAILED = "Ekspor gagal"
DB_ERROR_TITLE = "Basis data tidak dapat dibuka"

ABOUT_TITLE = "Tentang Kecamatan Desktop"
ABOUT_TEXT = (
    "<b>Kecamatan Desktop</b> {version}<br><br>"
    "Standar Operasional Prosedur Administrasi Pemerintahan (Permenpan-RB No. 35 Tahun 2012) "
    "untuk kantor kecamatan: katalog SOP, lembar identitas dan prosedur.<br><br>"
    "Basis data: {db}<br>"
    "Huruf: Liberation Sans (SIL Open Font License)."
)
