"""The texts of *Berkas → Basis data…* (a file on this PC or a PostgreSQL server)."""

# every letter of it is another File action's key already: none of its own
ACTION_CHOOSE_DATABASE = "Basis data…"
DB_CHOICE_TITLE = "Basis data"
DB_CHOICE_INTRO = ("Pilih basis data yang dibuka program ini. Beberapa PC yang memakai data "
                   "bersama memakai satu server PostgreSQL; jangan berkas di folder jaringan.")
DB_CHOICE_FILE = "Berkas di PC ini"
DB_CHOICE_SERVER = "Server PostgreSQL"
DB_CHOICE_PATH = "Berkas basis data"
DB_CHOICE_PICK = "Pilih…"
DB_CHOICE_NO_PATH = "Isi atau pilih berkas basis data."
DB_CHOICE_PICK_TITLE = "Pilih berkas basis data"
DB_CHOICE_FILTER = "Basis data Kecamatan Desktop (*.db);;Semua berkas (*)"
DB_CHOICE_HOST = "Server (nama atau alamat IP)"
DB_CHOICE_PORT = "Port"
DB_CHOICE_DATABASE = "Nama basis data"
DB_CHOICE_USER = "Pengguna"
DB_CHOICE_PASSWORD = "Sandi"
DB_CHOICE_TEST = "Uji sambungan"
DB_CHOICE_TESTING = "Menguji sambungan…"
DB_CHOICE_TEST_CANCELLED = "Uji sambungan dihentikan."
DB_CHOICE_TEST_FIRST = "Uji sambungan dulu: Pakai dapat ditekan sesudah uji yang berhasil."
DB_CHOICE_USE = "Pakai"
DB_CHOICE_CANCEL = "Batal"
DB_CHOICE_NO_KEYRING = (
    "PC ini tidak punya tempat penyimpanan sandi yang aman (keyring), jadi sandi tidak "
    "disimpan dan pilihan ini tidak dipakai. Jalankan program dengan --db atau isi "
    "variabel lingkungan KECAMATAN_DB dengan alamat server itu.")
DB_CHOICE_SAVED = (
    "Pilihan disimpan: {where}.\n\nProgram memakai basis data itu mulai dibuka lagi; tutup "
    "lalu buka kembali program. (Bila program dijalankan dengan --db atau KECAMATAN_DB, "
    "alamat itu yang didahulukan.)")
DB_CHOICE_OPEN_NOW = (
    "Pilihan disimpan: {where}.\n\nBuka basis data itu sekarang? Jendela ini ditutup "
    "(perubahan yang belum disimpan ditanyakan dulu) lalu dibuka lagi pada basis data itu. "
    "Bila tidak, program memakainya mulai dibuka lagi.")
DB_CHOICE_OPEN_NOW_YES = "Buka sekarang"
DB_CHOICE_OPEN_NOW_NO = "Nanti"
