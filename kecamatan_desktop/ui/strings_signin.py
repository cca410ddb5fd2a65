"""The texts of the sign-in: the dialog at start, *Berkas → Ganti pengguna…*, the status."""

ACTION_CHANGE_USER = "Ganti pe&ngguna…"
SIGN_IN_TITLE = "Masuk"
SIGN_IN_INTRO = "Masuk dengan NIP dan sandi Anda untuk mencatat di basis data ini."
FIRST_ADMIN_TITLE = "Administrator pertama"
FIRST_ADMIN_INTRO = (
    "Basis data ini belum punya pengguna. Pegawai yang masuk sekarang menjadi Admin pertama: "
    "ia dapat menambah pengguna lain (Pelaksana dan Pemantau). Pegawainya harus sudah ada di "
    "daftar pegawai.")
FIELD_NIP = "NIP"
FIELD_PASSWORD = "Sandi"
FIELD_REPEAT = "Ulangi sandi"
BUTTON_SIGN_IN = "Masuk"
PASSWORDS_DIFFER = "Kedua sandi tidak sama."
STATUS_SIGNED_IN = "Masuk sebagai {name} ({role})"
STATUS_NOBODY = "Belum masuk: hanya membaca dan mencetak"
STATUS_NO_ACCOUNTS = "Tanpa akun: catatan tidak bertanda tangan"
SIGN_IN_FAILED_TITLE = "Tidak dapat masuk"
