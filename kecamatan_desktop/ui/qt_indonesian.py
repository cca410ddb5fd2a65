"""Qt's own texts (standard buttons, context menus, file, print and preview dialogs) in Bahasa
Indonesia, since Qt ships no qtbase_id.qm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

# Qt's texts, not ours: they are keyed by Qt's (context, source) pairs, so they stay out of
# strings.py. The source texts are the ones Qt 6 passes to tr() (see qtbase_de.qm for a list).
TEXTS: dict[tuple[str, str], str] = {
    # standard buttons (QMessageBox, QDialogButtonBox, QInputDialog, QFileDialog)
    ("QPlatformTheme", "OK"): "Oke",
    ("QPlatformTheme", "Save"): "Simpan",
    ("QPlatformTheme", "Save All"): "Simpan semua",
    ("QPlatformTheme", "Open"): "Buka",
    ("QPlatformTheme", "&Yes"): "&Ya",
    ("QPlatformTheme", "Yes to &All"): "Ya untuk &semua",
    ("QPlatformTheme", "&No"): "&Tidak",
    ("QPlatformTheme", "N&o to All"): "T&idak untuk semua",
    ("QPlatformTheme", "Abort"): "Hentikan",
    ("QPlatformTheme", "Retry"): "Coba lagi",
    ("QPlatformTheme", "Ignore"): "Abaikan",
    ("QPlatformTheme", "Close"): "Tutup",
    ("QPlatformTheme", "Cancel"): "Batal",
    ("QPlatformTheme", "Discard"): "Buang",
    ("QPlatformTheme", "Help"): "Bantuan",
    ("QPlatformTheme", "Apply"): "Terapkan",
    ("QPlatformTheme", "Reset"): "Atur ulang",
    ("QPlatformTheme", "Restore Defaults"): "Kembalikan ke bawaan",
    ("QDialogButtonBox", "OK"): "Oke",
    ("QMessageBox", "Show Details..."): "Tampilkan rincian…",
    ("QMessageBox", "Hide Details..."): "Sembunyikan rincian…",
    ("QMessageBox", "About Qt"): "Tentang Qt",
    ("QProgressDialog", "Cancel"): "Batal",
    ("QInputDialog", "Enter a value:"): "Masukkan nilai:",
    ("QErrorMessage", "&OK"): "&Oke",
    ("QErrorMessage", "&Show this message again"): "&Tampilkan pesan ini lagi",
    ("QTabBar", "Scroll Left"): "Gulir ke kiri",
    ("QTabBar", "Scroll Right"): "Gulir ke kanan",
    # the context menus of text fields
    **{(context, source): text
       for context in ("QLineEdit", "QWidgetTextControl")
       for source, text in (("&Undo", "&Urungkan"), ("&Redo", "U&langi"), ("Cu&t", "&Potong"),
                            ("&Copy", "&Salin"), ("&Paste", "T&empel"), ("Delete", "Hapus"),
                            ("Select All", "Pilih semua"))},
    ("QWidgetTextControl", "Copy &Link Location"): "Salin &alamat tautan",
    # the file dialog (when not the system's own) and its list
    ("QFileDialog", "&Look in:"): "&Cari di:",
    ("QFileDialog", "File &name:"): "&Nama berkas:",
    ("QFileDialog", "Files of &type:"): "&Jenis berkas:",
    ("QFileDialog", "&Open"): "&Buka",
    ("QFileDialog", "&Save"): "&Simpan",
    ("QFileDialog", "&Choose"): "&Pilih",
    ("QFileDialog", "Open"): "Buka",
    ("QFileDialog", "Save As"): "Simpan sebagai",
    ("QFileDialog", "Find Directory"): "Pilih folder",
    ("QFileDialog", "Back"): "Kembali",
    ("QFileDialog", "Go back"): "Kembali",
    ("QFileDialog", "Forward"): "Maju",
    ("QFileDialog", "Go forward"): "Maju",
    ("QFileDialog", "Parent Directory"): "Folder induk",
    ("QFileDialog", "Go to the parent directory"): "Ke folder induk",
    ("QFileDialog", "Create New Folder"): "Buat folder baru",
    ("QFileDialog", "Create a New Folder"): "Buat folder baru",
    ("QFileDialog", "New Folder"): "Folder baru",
    ("QFileDialog", "&New Folder"): "&Folder baru",
    ("QFileDialog", "List View"): "Tampilan daftar",
    ("QFileDialog", "Change to list view mode"): "Tampilkan sebagai daftar",
    ("QFileDialog", "Detail View"): "Tampilan rinci",
    ("QFileDialog", "Change to detail view mode"): "Tampilkan dengan rincian",
    ("QFileDialog", "Sidebar"): "Bilah samping",
    ("QFileDialog", "List of places and bookmarks"): "Daftar tempat dan penanda",
    ("QFileDialog", "Recent Places"): "Tempat terakhir",
    ("QFileDialog", "Files"): "Berkas",
    ("QFileDialog", "Directories"): "Folder",
    ("QFileDialog", "Directory:"): "Folder:",
    ("QFileDialog", "All Files (*)"): "Semua berkas (*)",
    ("QFileDialog", "All files (*)"): "Semua berkas (*)",
    ("QFileDialog", "&Rename"): "&Ganti nama",
    ("QFileDialog", "&Delete"): "&Hapus",
    ("QFileDialog", "Delete"): "Hapus",
    ("QFileDialog", "Remove"): "Hapus",
    ("QFileDialog", "Show &hidden files"): "Tampilkan berkas &tersembunyi",
    ("QFileDialog", "Show "): "Tampilkan ",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"):
        "%1 sudah ada.\nGanti dengan yang baru?",
    ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."):
        "%1\nBerkas tidak ditemukan.\nPeriksa apakah nama berkasnya benar.",
    ("QFileDialog",
     "%1\nDirectory not found.\nPlease verify the correct directory name was given."):
        "%1\nFolder tidak ditemukan.\nPeriksa apakah nama foldernya benar.",
    ("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"):
        "'%1' dilindungi dari penulisan.\nTetap hapus?",
    ("QFileDialog", "Are you sure you want to delete '%1'?"): "Yakin akan menghapus '%1'?",
    ("QFileDialog", "Could not delete directory."): "Folder tidak dapat dihapus.",
    ("QFileSystemModel", "Name"): "Nama",
    ("QFileSystemModel", "Size"): "Ukuran",
    ("QFileSystemModel", "Type"): "Jenis",
    ("QFileSystemModel", "Kind"): "Jenis",
    ("QFileSystemModel", "Date Modified"): "Tanggal diubah",
    ("QFileSystemModel", "My Computer"): "Komputer",
    ("QFileSystemModel", "Computer"): "Komputer",
    ("QAbstractFileIconProvider", "Unknown"): "Tidak dikenal",
    # the print dialog
    ("QPrintDialog", "Print"): "Cetak",
    ("QPrintDialog", "&Print"): "&Cetak",
    ("QPrintDialog", "&Options >>"): "&Pilihan >>",
    ("QPrintDialog", "&Options <<"): "&Pilihan <<",
    ("QPrintDialog", "All Pages"): "Semua halaman",
    ("QPrintDialog", "Odd Pages"): "Halaman ganjil",
    ("QPrintDialog", "Even Pages"): "Halaman genap",
    ("QPrintDialog", "Local file"): "Berkas lokal",
    ("QPrintDialog", "Write PDF file"): "Tulis berkas PDF",
    ("QPrintDialog", "Print to File (PDF)"): "Cetak ke berkas (PDF)",
    ("QPrintDialog", "Print To File ..."): "Cetak ke berkas…",
    ("QPrintDialog", "Left to Right, Top to Bottom"): "Kiri ke kanan, atas ke bawah",
    ("QPrintDialog", "Left to Right, Bottom to Top"): "Kiri ke kanan, bawah ke atas",
    ("QPrintDialog", "Right to Left, Bottom to Top"): "Kanan ke kiri, bawah ke atas",
    ("QPrintDialog", "Right to Left, Top to Bottom"): "Kanan ke kiri, atas ke bawah",
    ("QPrintDialog", "Bottom to Top, Left to Right"): "Bawah ke atas, kiri ke kanan",
    ("QPrintDialog", "Bottom to Top, Right to Left"): "Bawah ke atas, kanan ke kiri",
    ("QPrintDialog", "Top to Bottom, Left to Right"): "Atas ke bawah, kiri ke kanan",
    ("QPrintDialog", "Top to Bottom, Right to Left"): "Atas ke bawah, kanan ke kiri",
    ("QPrintDialog", "%1 already exists.\nDo you want to overwrite it?"):
        "%1 sudah ada.\nTimpa berkas itu?",
    ("QPrintDialog", "%1 is a directory.\nPlease choose a different file name."):
        "%1 adalah folder.\nPilih nama berkas lain.",
    ("QPrintDialog", "File %1 is not writable.\nPlease choose a different file name."):
        "Berkas %1 tidak dapat ditulis.\nPilih nama berkas lain.",
    ("QPrintDialog", "Invalid Pages Definition"): "Halaman tidak sah",
    ("QPrintDialog",
     "%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, "
     "'-' to define ranges and make sure ranges do not intersect with each other."):
        "%1 tidak sesuai aturan penulisan. Pisahkan halaman dan rentang dengan ',', tulis "
        "rentang dengan '-', dan pastikan rentang tidak saling tumpang-tindih.",
    ("QPrintDialog", "The 'From' value cannot be greater than the 'To' value."):
        "Halaman 'dari' tidak boleh lebih besar daripada halaman 'sampai'.",
    ("QPrintDialog", "Duplex Settings Conflicts"): "Pengaturan dua sisi bertentangan",
    ("QPrintDialog", "There are conflicts in duplex settings. Do you want to fix them?"):
        "Pengaturan cetak dua sisi saling bertentangan. Perbaiki?",
    ("QPrintDialog",
     "Options 'Pages Per Sheet' and 'Page Set' cannot be used together.\n"
     "Please turn one of those options off."):
        "Pilihan 'Halaman per lembar' dan 'Kumpulan halaman' tidak dapat dipakai bersama.\n"
        "Matikan salah satunya.",
    ("QPrintWidget", "Printer"): "Pencetak",
    ("QPrintWidget", "&Name:"): "&Nama:",
    ("QPrintWidget", "P&roperties"): "P&roperti",
    ("QPrintWidget", "Location:"): "Lokasi:",
    ("QPrintWidget", "Preview"): "Pratinjau",
    ("QPrintWidget", "Type:"): "Jenis:",
    ("QPrintWidget", "Output &file:"): "&Berkas hasil:",
    ("QPrintWidget", "Form"): "Formulir",
    ("QPrintSettingsOutput", "Form"): "Formulir",
    ("QPrintSettingsOutput", "Copies"): "Salinan",
    ("QPrintSettingsOutput", "Copies:"): "Jumlah salinan:",
    ("QPrintSettingsOutput", "Collate"): "Susun per salinan",
    ("QPrintSettingsOutput", "Reverse"): "Urutan terbalik",
    ("QPrintSettingsOutput", "Print range"): "Rentang cetak",
    ("QPrintSettingsOutput", "Print all"): "Cetak semua",
    ("QPrintSettingsOutput", "Pages from"): "Halaman",
    ("QPrintSettingsOutput", "to"): "sampai",
    ("QPrintSettingsOutput", "Pages"): "Halaman",
    ("QPrintSettingsOutput", "Current Page"): "Halaman ini",
    ("QPrintSettingsOutput", "Selection"): "Pilihan",
    ("QPrintSettingsOutput", "Page &Set:"): "&Kumpulan halaman:",
    ("QPrintSettingsOutput", "Output Settings"): "Pengaturan hasil",
    ("QPrintSettingsOutput", "Options"): "Pilihan",
    ("QPrintSettingsOutput", "Color Mode"): "Mode warna",
    ("QPrintSettingsOutput", "Color"): "Berwarna",
    ("QPrintSettingsOutput", "Grayscale"): "Skala abu-abu",
    ("QPrintSettingsOutput", "Double Sided Printing"): "Cetak dua sisi",
    ("QPrintSettingsOutput", "Off"): "Mati",
    ("QPrintSettingsOutput", "Long side binding"): "Jilid sisi panjang",
    ("QPrintSettingsOutput", "Short side binding"): "Jilid sisi pendek",
    ("QPrintSettingsOutput",
     "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
     "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9."):
        "Tulis halaman atau rentang, dipisah koma. Rentang ditulis dua angka dipisah tanda "
        "hubung. Misalnya: 3,5-7,9 mencetak halaman 3, 5, 6, 7 dan 9.",
    ("QPrintPropertiesDialog", "Printer Properties"): "Properti pencetak",
    ("QPrintPropertiesDialog", "Job Options"): "Pilihan pekerjaan cetak",
    ("QPrintPropertiesDialog", "Page Setup Conflicts"): "Pengaturan halaman bertentangan",
    ("QPrintPropertiesDialog", "Advanced Option Conflicts"): "Pilihan lanjutan bertentangan",
    ("QPrintPropertiesDialog",
     "There are conflicts in page setup options. Do you want to fix them?"):
        "Pengaturan halaman saling bertentangan. Perbaiki?",
    ("QPrintPropertiesDialog",
     "There are conflicts in some advanced options. Do you want to fix them?"):
        "Beberapa pilihan lanjutan saling bertentangan. Perbaiki?",
    ("QPrintPropertiesWidget", "Form"): "Formulir",
    ("QPrintPropertiesWidget", "Page"): "Halaman",
    ("QPrintPropertiesWidget", "Advanced"): "Lanjutan",
    ("QPrintPropertiesWidget", "There are conflicts in some options. Please fix them."):
        "Beberapa pilihan saling bertentangan. Perbaiki dahulu.",
    # page setup, inside the print dialog and on its own
    ("QPageSetupWidget", "Form"): "Formulir",
    ("QPageSetupWidget", "Paper"): "Kertas",
    ("QPageSetupWidget", "Page size:"): "Ukuran kertas:",
    ("QPageSetupWidget", "Width:"): "Lebar:",
    ("QPageSetupWidget", "Height:"): "Tinggi:",
    ("QPageSetupWidget", "Paper source:"): "Sumber kertas:",
    ("QPageSetupWidget", "Orientation"): "Orientasi",
    ("QPageSetupWidget", "Portrait"): "Tegak",
    ("QPageSetupWidget", "Landscape"): "Mendatar",
    ("QPageSetupWidget", "Reverse landscape"): "Mendatar terbalik",
    ("QPageSetupWidget", "Reverse portrait"): "Tegak terbalik",
    ("QPageSetupWidget", "Margins"): "Margin",
    ("QPageSetupWidget", "top margin"): "margin atas",
    ("QPageSetupWidget", "left margin"): "margin kiri",
    ("QPageSetupWidget", "right margin"): "margin kanan",
    ("QPageSetupWidget", "bottom margin"): "margin bawah",
    ("QPageSetupWidget", "Page Layout"): "Tata letak halaman",
    ("QPageSetupWidget", "Page &order:"): "&Urutan halaman:",
    ("QPageSetupWidget", "Pages &per sheet:"): "Halaman &per lembar:",
    ("QPageSetupWidget", "Custom"): "Ukuran sendiri",
    ("QPageSetupWidget", "Millimeters (mm)"): "Milimeter (mm)",
    ("QPageSetupWidget", "Inches (in)"): "Inci (in)",
    ("QPageSetupWidget", "Points (pt)"): "Poin (pt)",
    ("QPageSize", "Custom"): "Ukuran sendiri",
    # print preview
    ("QPrintPreviewDialog", "Print Preview"): "Pratinjau cetak",
    ("QPrintPreviewDialog", "Next page"): "Halaman berikutnya",
    ("QPrintPreviewDialog", "Previous page"): "Halaman sebelumnya",
    ("QPrintPreviewDialog", "First page"): "Halaman pertama",
    ("QPrintPreviewDialog", "Last page"): "Halaman terakhir",
    ("QPrintPreviewDialog", "Fit width"): "Sesuaikan lebar",
    ("QPrintPreviewDialog", "Fit page"): "Sesuaikan halaman",
    ("QPrintPreviewDialog", "Zoom in"): "Perbesar",
    ("QPrintPreviewDialog", "Zoom out"): "Perkecil",
    ("QPrintPreviewDialog", "Portrait"): "Tegak",
    ("QPrintPreviewDialog", "Landscape"): "Mendatar",
    ("QPrintPreviewDialog", "Show single page"): "Satu halaman",
    ("QPrintPreviewDialog", "Show facing pages"): "Dua halaman berhadapan",
    ("QPrintPreviewDialog", "Show overview of all pages"): "Ikhtisar semua halaman",
    ("QPrintPreviewDialog", "Print"): "Cetak",
    ("QPrintPreviewDialog", "Page setup"): "Pengaturan halaman",
    ("QPrintPreviewDialog", "Page Setup"): "Pengaturan halaman",
    ("QPrintPreviewDialog", "Export to PDF"): "Ekspor ke PDF",
    ("QPrintPreviewDialog", "Close"): "Tutup",
}


class QtIndonesian(QTranslator):
    """Answers Qt's own tr() calls from TEXTS; anything else is left to Qt (its English)."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return TEXTS.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def install(app: QCoreApplication) -> QtIndonesian:
    """Put Qt's texts into Indonesian for `app`; the translator lives as long as the app."""
    translator = QtIndonesian(app)
    app.installTranslator(translator)
    return translator
