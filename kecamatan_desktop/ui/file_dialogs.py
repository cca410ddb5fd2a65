"""Every file dialog of the program: it starts in the folder last used for its kind of file
(the user's Documents folder at first, never the folder the program was started from) and
suggests a name made from what is saved, safe for Windows."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from kecamatan_desktop.ui import strings

# Kinds of file, each remembering its own last folder: what a clerk hands on (PDFs, workbooks,
# pictures, SOP files, officer lists, logos) and the database's own copies.
DOCUMENTS = "dokumen"
BACKUPS = "cadangan"
DATABASES = "basis-data"
SETTING = "file_dialogs/{kind}"
NAME_PARTS_SEPARATOR = " - "
# Windows refuses these characters in a name, and these names whatever the extension. A
# separator ("2027/2028") becomes "-"; the others are left out.
_SEPARATORS = re.compile(r"[\\/|]+")
_FORBIDDEN = re.compile(r'[:*?"<>\x00-\x1f]+')
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
            *(f"LPT{n}" for n in range(1, 10))}
# a folder path of ~150 characters still leaves the whole path under Windows' 260
MAX_NAME = 100
_SUFFIX = re.compile(r"(.*?)(\.[A-Za-z0-9]{1,5})?", re.DOTALL)
Options = QFileDialog.Option


def safe_file_name(text: str, suffix: str = "") -> str:
    """`text` as a Windows file name with `suffix` (".pdf"): / \\ | become "-", the other
    characters Windows refuses are left out, spaces are collapsed, no trailing dot or space,
    a device name (CON, NUL…) gets "_", at most MAX_NAME characters before the suffix; an
    empty name becomes FILE_NAME_FALLBACK."""
    stem = _FORBIDDEN.sub("", _SEPARATORS.sub("-", text))
    stem = " ".join(stem.split())[:MAX_NAME].strip(" .")
    if not stem:
        stem = strings.FILE_NAME_FALLBACK
    if stem.split(".")[0].upper() in _DEVICES:
        stem += "_"
    return stem + suffix


def file_name(*parts: str, suffix: str) -> str:
    """A suggested name from what is saved: file_name("Renja 2027", "log", suffix=".xlsx")
    is "Renja 2027 - log.xlsx"; empty parts are left out."""
    return safe_file_name(NAME_PARTS_SEPARATOR.join(p.strip() for p in parts if p.strip()),
                          suffix)


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder where there is none."""
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def settings() -> QSettings:
    """The program's settings (app.make_application names the organisation and the program)."""
    return QSettings()


def start_folder(kind: str = DOCUMENTS, first: Path | None = None) -> Path:
    """Where a dialog for `kind` opens: the folder last used for it while it exists, else
    `first` (a backup's own folder, the database's) while it exists, else Documents."""
    remembered = settings().value(SETTING.format(kind=kind))
    for folder in (Path(str(remembered)) if remembered else None, first):
        if folder is not None and folder.is_absolute() and folder.is_dir():
            return folder
    return documents_folder()


def remember_folder(kind: str, path: Path) -> None:
    store = settings()
    store.setValue(SETTING.format(kind=kind), str(path.parent))
    store.sync()


def ask_save_path(parent: QWidget | None, title: str, name: str, file_filter: str, *,
                  kind: str = DOCUMENTS, first: Path | None = None,
                  confirm_overwrite: bool = True) -> Path | None:
    """Ask where to save: `name` (made safe) suggested in the start folder of `kind`. A name
    typed without an extension gets the chosen filter's. None when the user cancels."""
    stem, suffix = _SUFFIX.fullmatch(name).groups()
    start = start_folder(kind, first) / safe_file_name(stem, suffix or "")
    options = Options(0) if confirm_overwrite else Options.DontConfirmOverwrite
    chosen, chosen_filter = save_dialog(parent, title, str(start), file_filter, options)
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(_filter_suffix(chosen_filter or file_filter))
    remember_folder(kind, path)
    return path


def ask_open_path(parent: QWidget | None, title: str, file_filter: str, *,
                  kind: str = DOCUMENTS, first: Path | None = None) -> Path | None:
    """Ask for one file to open, starting in the start folder of `kind`; None on cancel."""
    chosen, _ = open_dialog(parent, title, str(start_folder(kind, first)), file_filter)
    if not chosen:
        return None
    remember_folder(kind, Path(chosen))
    return Path(chosen)


def ask_open_paths(parent: QWidget | None, title: str, file_filter: str, *,
                   kind: str = DOCUMENTS, first: Path | None = None) -> list[Path]:
    """Ask for files to open, starting in the start folder of `kind`; [] on cancel."""
    chosen, _ = open_many_dialog(parent, title, str(start_folder(kind, first)), file_filter)
    paths = [Path(p) for p in chosen]
    if paths:
        remember_folder(kind, paths[0])
    return paths


def _filter_suffix(file_filter: str) -> str:
    """".pdf" of "PDF (*.pdf)"; the first pattern of the first filter; "" for "(*)"."""
    found = re.search(r"\*(\.[\w.]+)", file_filter)
    return found.group(1) if found else ""


# Qt's dialogs: the only calls that block, so tests replace these three ------------------------
def save_dialog(parent, title: str, start: str, file_filter: str,
                options: QFileDialog.Option) -> tuple[str, str]:
    return QFileDialog.getSaveFileName(parent, title, start, file_filter, options=options)


def open_dialog(parent, title: str, start: str, file_filter: str) -> tuple[str, str]:
    return QFileDialog.getOpenFileName(parent, title, start, file_filter)


def open_many_dialog(parent, title: str, start: str, file_filter: str
                     ) -> tuple[list[str], str]:
    return QFileDialog.getOpenFileNames(parent, title, start, file_filter)
