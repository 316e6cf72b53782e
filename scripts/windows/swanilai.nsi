; swanilai.nsi builds Swanilai's per-user installer for Windows 10 and 11:
;
;   makensis -DVERSION=0.1.0 -DSRCDIR=build/release/windows \
;            -DOUTFILE=dist/Swanilai-0.1.0-windows-amd64-setup.exe \
;            scripts/windows/swanilai.nsi
;
; SRCDIR holds Swanilai.exe (the window), swanilai-cli.exe (its console
; twin), BACA-SAYA.txt and swanilai.ico (the setup's own icon).
;
; It needs no administrator rights: everything goes to the user's own
; folders and to HKCU. The program goes to
; %LOCALAPPDATA%\Programs\Swanilai, a shortcut to the Start menu, the
; file types .swanilai (workspace, opens with -w) and .swkirim (bundle,
; opens with --import) to HKCU\Software\Classes, the uninstaller to
; HKCU\...\Uninstall\Swanilai. Running a newer setup over an installed
; one replaces the program files in the same folder. The uninstaller
; removes what was installed, by name, and never a workspace or a bundle:
; they live in the user's Documents, which it does not touch.
; /S runs the setup and the uninstaller silently.
; scripts/windows/test-installer.sh checks all of this under Wine.

Unicode true
; The program is amd64 only, and so is the setup: a 64-bit process sees
; the real registry and folders, with no WOW64 redirection.
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "define VERSION, e.g. -DVERSION=0.1.0"
!endif
!ifndef SRCDIR
  !error "define SRCDIR, the folder with Swanilai.exe, swanilai-cli.exe, BACA-SAYA.txt and swanilai.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "Swanilai-${VERSION}-windows-amd64-setup.exe"
!endif

!define APP "Swanilai"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Swanilai"
!define CLASSES "Software\Classes"
!define PROGID_WORK "Swanilai.BerkasKerja"
!define PROGID_BUNDLE "Swanilai.Kiriman"
!define SHCNE_ASSOCCHANGED 0x08000000

; The version resource wants four numbers: 1.2.3 (or 1.2.3-rc1) gives 1.2.3.0.
!searchparse /noerrors "${VERSION}" "" V_MAJOR "." V_MINOR "." V_PATCH
!ifndef V_MAJOR | V_MINOR | V_PATCH
  !error "VERSION must look like 1.2.3, not ${VERSION}"
!endif
!searchparse /noerrors "${V_PATCH}" "" V_PATCHNUM "-"
!ifndef V_PATCHNUM
  !define V_PATCHNUM ${V_PATCH}
!endif

Name "${APP}"
Caption "${APP} ${VERSION}"
BrandingText "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Swanilai"
; An installed Swanilai keeps its folder: .onInit takes it from here.
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${V_MAJOR}.${V_MINOR}.${V_PATCHNUM}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "CompanyName" "${APP}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${APP}"
VIAddVersionKey /LANG=0 "FileDescription" "Pemasang ${APP} ${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Var Upgrade

; ---- pages -------------------------------------------------------------

!define MUI_ICON "${SRCDIR}\swanilai.ico"
!define MUI_UNICON "${SRCDIR}\swanilai.ico"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\Swanilai.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunSwanilai)"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UnKeepsData)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Indonesian first: it is the default, and the one shown wherever Windows
; speaks neither language. English only where Windows speaks English and
; the user's regional format is not Indonesian (see PickLanguage).
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString RunSwanilai ${LANG_INDONESIAN} "Jalankan Swanilai"
LangString RunSwanilai ${LANG_ENGLISH} "Run Swanilai"
LangString ShortcutDesc ${LANG_INDONESIAN} "Penilaian mandiri SPBE"
LangString ShortcutDesc ${LANG_ENGLISH} "SPBE self-assessment"
LangString StillRunning ${LANG_INDONESIAN} "Swanilai sedang berjalan ($0).$\r$\n$\r$\nTutup semua jendela Swanilai dan swanilai-cli, lalu klik Coba Lagi (Retry). Berkas kerja Anda tidak terpengaruh."
LangString StillRunning ${LANG_ENGLISH} "Swanilai is running ($0).$\r$\n$\r$\nClose every Swanilai window and swanilai-cli, then click Retry. Your workspaces are not affected."
LangString UnKeepsData ${LANG_INDONESIAN} "Program Swanilai akan dihapus dari folder di bawah ini. Berkas kerja (.swanilai) dan berkas kiriman (.swkirim) Anda, misalnya di Dokumen\Swanilai, TIDAK dihapus."
LangString UnKeepsData ${LANG_ENGLISH} "Swanilai will be removed from the folder below. Your workspaces (.swanilai) and bundles (.swkirim), for example in Documents\Swanilai, are NOT removed."
LangString UpgradeNote ${LANG_INDONESIAN} "Swanilai sudah terpasang di $INSTDIR; program di folder itu diperbarui ke versi ${VERSION}."
LangString UpgradeNote ${LANG_ENGLISH} "Swanilai is installed in $INSTDIR; the program there is updated to version ${VERSION}."

; ---- shared functions --------------------------------------------------

; PickLanguage: NSIS takes the language of Windows' user interface. An
; English Windows set to Indonesian regional formats (common on office
; laptops) gets Indonesian too.
!macro PickLanguage
  System::Call 'kernel32::GetUserDefaultLCID() i .r0'
  IntOp $0 $0 & 0x3FF
  ${If} $0 = 0x21
    StrCpy $LANGUAGE ${LANG_INDONESIAN}
  ${EndIf}
!macroend

; WaitClosed FILE: a running program cannot be replaced or deleted. Until
; FILE can be opened for writing, ask to close it (Retry) or stop
; (Cancel, the silent answer).
!macro WaitClosed UN
Function ${UN}WaitClosed
  Exch $0
  ${If} ${FileExists} "$0"
    ${Do}
      ClearErrors
      FileOpen $1 "$0" a
      ${IfNot} ${Errors}
        FileClose $1
        ${Break}
      ${EndIf}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDRETRY retry
      Abort "$(StillRunning)"
      retry:
    ${Loop}
  ${EndIf}
  Pop $0
FunctionEnd
!macroend
!insertmacro WaitClosed ""
!insertmacro WaitClosed "un."

!macro Notify
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
!macroend

; ---- install -----------------------------------------------------------

Function .onInit
  !insertmacro PickLanguage
  SetShellVarContext current
  StrCpy $Upgrade 0
  ; Upgrade in place: an installed Swanilai is replaced where it is, even
  ; if /D names another folder, so there is never a second copy.
  ReadRegStr $0 HKCU "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\Swanilai.exe"
    StrCpy $INSTDIR $0
    StrCpy $Upgrade 1
  ${EndIf}
FunctionEnd

Function SkipDirectoryOnUpgrade
  ${If} $Upgrade = 1
    Abort
  ${EndIf}
FunctionEnd

Section "Swanilai" SecMain
  SectionIn RO
  SetShellVarContext current
  ${If} $Upgrade = 1
    DetailPrint "$(UpgradeNote)"
  ${EndIf}

  Push "$INSTDIR\Swanilai.exe"
  Call WaitClosed
  Push "$INSTDIR\swanilai-cli.exe"
  Call WaitClosed

  SetOutPath "$INSTDIR"
  SetOverwrite on
  File "${SRCDIR}\Swanilai.exe"
  File "${SRCDIR}\swanilai-cli.exe"
  File "${SRCDIR}\BACA-SAYA.txt"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  ; The Start menu shortcut, with the exe's own icon; its working folder is
  ; the program's (the output path at this point).
  CreateShortcut "$SMPROGRAMS\Swanilai.lnk" "$INSTDIR\Swanilai.exe" "" "$INSTDIR\Swanilai.exe" 0 SW_SHOWNORMAL "" "$(ShortcutDesc)"

  ; File types, for this user only.
  WriteRegStr HKCU "${CLASSES}\${PROGID_WORK}" "" "Berkas kerja Swanilai"
  WriteRegStr HKCU "${CLASSES}\${PROGID_WORK}\DefaultIcon" "" "$INSTDIR\Swanilai.exe,0"
  WriteRegStr HKCU "${CLASSES}\${PROGID_WORK}\shell\open\command" "" '"$INSTDIR\Swanilai.exe" -w "%1"'
  WriteRegStr HKCU "${CLASSES}\.swanilai" "" "${PROGID_WORK}"
  WriteRegStr HKCU "${CLASSES}\.swanilai\OpenWithProgids" "${PROGID_WORK}" ""

  WriteRegStr HKCU "${CLASSES}\${PROGID_BUNDLE}" "" "Berkas kiriman Swanilai"
  WriteRegStr HKCU "${CLASSES}\${PROGID_BUNDLE}\DefaultIcon" "" "$INSTDIR\Swanilai.exe,0"
  WriteRegStr HKCU "${CLASSES}\${PROGID_BUNDLE}\shell\open\command" "" '"$INSTDIR\Swanilai.exe" --import "%1"'
  WriteRegStr HKCU "${CLASSES}\.swkirim" "" "${PROGID_BUNDLE}"
  WriteRegStr HKCU "${CLASSES}\.swkirim\OpenWithProgids" "${PROGID_BUNDLE}" ""

  ; Apps & features.
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\Swanilai.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0

  !insertmacro Notify
SectionEnd

; ---- uninstall ---------------------------------------------------------

Function un.onInit
  !insertmacro PickLanguage
  SetShellVarContext current
FunctionEnd

; DeleteKeyIfEmpty KEY: deletes HKCU's KEY if it has neither a value (the
; default one included) nor a subkey. EnumRegValue sets the error flag
; when there is no value at the index; EnumRegKey gives "" when there is
; no subkey (a subkey never has an empty name).
!macro DeleteKeyIfEmpty KEY
  ClearErrors
  EnumRegValue $1 HKCU "${KEY}" 0
  ${If} ${Errors}
    EnumRegKey $1 HKCU "${KEY}" 0
    ${If} $1 == ""
      DeleteRegKey HKCU "${KEY}"
    ${EndIf}
  ${EndIf}
!macroend

; ForgetExtension EXT PROGID: takes PROGID out of HKCU's EXT key, and the
; key itself once nothing else is in it. An extension that another
; program has taken over since keeps its default and its key.
!macro ForgetExtension EXT PROGID
  DeleteRegValue HKCU "${CLASSES}\${EXT}\OpenWithProgids" "${PROGID}"
  !insertmacro DeleteKeyIfEmpty "${CLASSES}\${EXT}\OpenWithProgids"
  ClearErrors
  ReadRegStr $0 HKCU "${CLASSES}\${EXT}" ""
  ${IfNot} ${Errors}
  ${AndIf} $0 == "${PROGID}"
    DeleteRegValue HKCU "${CLASSES}\${EXT}" ""
  ${EndIf}
  !insertmacro DeleteKeyIfEmpty "${CLASSES}\${EXT}"
!macroend

Section "Uninstall"
  SetShellVarContext current
  Push "$INSTDIR\Swanilai.exe"
  Call un.WaitClosed
  Push "$INSTDIR\swanilai-cli.exe"
  Call un.WaitClosed

  ; Only the files this setup wrote, by name: never a folder's contents.
  Delete "$INSTDIR\Swanilai.exe"
  Delete "$INSTDIR\swanilai-cli.exe"
  Delete "$INSTDIR\BACA-SAYA.txt"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\Swanilai.lnk"

  !insertmacro ForgetExtension ".swanilai" "${PROGID_WORK}"
  !insertmacro ForgetExtension ".swkirim" "${PROGID_BUNDLE}"
  DeleteRegKey HKCU "${CLASSES}\${PROGID_WORK}"
  DeleteRegKey HKCU "${CLASSES}\${PROGID_BUNDLE}"

  DeleteRegKey HKCU "${UNINST_KEY}"
  !insertmacro Notify
SectionEnd
