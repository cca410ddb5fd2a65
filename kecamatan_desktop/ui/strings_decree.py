"""The texts of the Keputusan Camat tab of *Profil kantor*."""

from kecamatan_desktop.domain import decree

OFFICE_TAB_GENERAL = "Umum"
OFFICE_TAB_DECREE = "Keputusan"
DECREE_LABELS = decree.DECREE_LABELS  # the field names the checks use too
DECREE_HINT = ("Keputusan Camat yang membuka buku SOP kantor ini. Simpan membuat versi baru; "
               "versi lama tetap tersimpan.")
DECREE_SOURCE = {"tersimpan": "Versi {version}, disimpan {when}.",
                 "transkripsi": "Teks seperti tertulis di buku SOP kantor (belum diubah).",
                 "templat": "Dari templat keputusan (belum pernah disimpan)."}
DECREE_KEDUA = "Diktum KEDUA memuat daftar SOP (dari katalog, ikut berubah bersama katalog)"
DECREE_SAVE = "Simpan keputusan"
DECREE_SAVED = "Keputusan disimpan sebagai versi {version}."
DECREE_DISCARD = "Perubahan pada Keputusan Camat belum disimpan. Tutup tanpa menyimpannya?"
DECREE_ADD = "Tambah"
DECREE_REMOVE = "Hapus"
DECREE_UP = "Naik"
DECREE_DOWN = "Turun"
DECREE_ADD_RULE = "Tambah dari daftar peraturan…"
DECREE_ITEM_EDIT = "Teks butir terpilih:"
DECREE_NEW_ITEM = "bahwa …"
DECREE_NEW_RECITAL = "Peraturan … Nomor … Tahun … tentang …;"
DECREE_NEW_DIKTUM = "…"
DECREE_RULE_FROM_TABLE = "Butir ini dari daftar peraturan: {rule}"
DECREE_RULE_FREE = "Butir ini teks bebas (tidak dari daftar peraturan)."
DECREE_PICK_TITLE = "Daftar peraturan yang berlaku"
DECREE_PICK_FILTER = "Cari nomor, tahun atau judul…"
DECREE_PICK_ADD = "Tambahkan"
DECREE_PICK_AS_OF = "Daftar per {as_of}; hanya peraturan yang belum diganti."
