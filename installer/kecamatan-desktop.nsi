; Kecamatan Desktop setup: per user, no administrator rights, in Bahasa Indonesia.
;
; makensis -DVERSION=0.1.0 -DSOURCE=dist\KecamatanDesktop -DOUTFILE=dist\KecamatanDesktop-0.1.0-setup.exe
;
; Installs the PyInstaller folder into %LOCALAPPDATA%\Programs\Kecamatan Desktop, with Start
; menu and desktop shortcuts and an Apps & features entry. The database is not the program's:
; it lives in %LOCALAPPDATA%\KecamatanDesktop (the program makes it on first start). An
; upgrade copies it into the program's own backups\ folder beside it first, named as the
; program names a backup made by hand (kecamatan-YYYYMMDD-HHMMSS-manual.db: listed and
; restorable from the program, never pruned), and never touches it otherwise; uninstalling
; leaves it and its backups where they are.

Unicode true
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z"
!endif
!ifndef SOURCE
  !error "makensis -DSOURCE=folder made by PyInstaller"
!endif
!ifndef OUTFILE
  !define OUTFILE "KecamatanDesktop-${VERSION}-setup.exe"
!endif

!define APP "Kecamatan Desktop"
!define EXE "KecamatanDesktop.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\KecamatanDesktop"
!define DATA_DIR "$LOCALAPPDATA\KecamatanDesktop"
!define BACKUP_DIR "$LOCALAPPDATA\KecamatanDesktop\backups"

!include "MUI2.nsh"
!include "FileFunc.nsh"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
ShowInstDetails show
ShowUninstDetails show
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1057 "ProductName" "${APP}"
VIAddVersionKey /LANG=1057 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "FileDescription" "Pemasang ${APP}"
VIAddVersionKey /LANG=1057 "CompanyName" "${APP}"
VIAddVersionKey /LANG=1057 "LegalCopyright" "${APP}"

!define MUI_ICON "${SOURCE}\_internal\kecamatan_desktop\resources\icons\app.ico"
!define MUI_UNICON "${SOURCE}\_internal\kecamatan_desktop\resources\icons\app.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Jalankan ${APP} sekarang"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"

LangString BackupFailed ${LANG_INDONESIAN} "Cadangan basis data tidak dapat dibuat di \
${BACKUP_DIR}. Pemasangan dibatalkan; program dan basis data tidak diubah."

; Copy kecamatan.db (and its WAL journal, if the program left one: it holds the newest writes)
; to backups\; nothing else touches the database.
Function BackUpDatabase
  IfFileExists "${DATA_DIR}\kecamatan.db" 0 none
  ${GetTime} "" "L" $1 $2 $3 $4 $5 $6 $7
  StrCpy $8 "kecamatan-$3$2$1-$5$6$7-manual"
  CreateDirectory "${BACKUP_DIR}"
  ClearErrors
  CopyFiles /SILENT "${DATA_DIR}\kecamatan.db" "${BACKUP_DIR}\$8.db"
  IfFileExists "${DATA_DIR}\kecamatan.db-wal" 0 +2
    CopyFiles /SILENT "${DATA_DIR}\kecamatan.db-wal" "${BACKUP_DIR}\$8.db-wal"
  IfErrors 0 +3
    MessageBox MB_OK|MB_ICONSTOP "$(BackupFailed)" /SD IDOK
    Abort
  DetailPrint "Cadangan basis data: ${BACKUP_DIR}\$8.db"
  none:
FunctionEnd

Section "Kecamatan Desktop" SecProgram
  SectionIn RO
  SetShellVarContext current
  Call BackUpDatabase
  ; An upgrade replaces the whole program folder, so no file of an older version is left.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\kecamatan-desktop.exe"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\kecamatan-desktop.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "Basis data dan cadangannya tetap di ${DATA_DIR}"
SectionEnd
