#!/usr/bin/env bash
# test-installer.sh SETUP_EXE checks the per-user installer that
# scripts/windows/swanilai.nsi builds, under Wine, in a fresh prefix:
#
#  1. setup /S installs Swanilai.exe, swanilai-cli.exe, BACA-SAYA.txt and
#     Uninstall.exe into %LOCALAPPDATA%\Programs\Swanilai, the Start menu
#     shortcut, the file types .swanilai and .swkirim with their ProgIDs
#     and open commands, and the Apps & features entry, all under HKCU;
#  2. run again over it (with /D naming another folder, which an upgrade
#     ignores) it replaces the program files in the same folder and keeps
#     the file types;
#  3. Uninstall.exe /S removes all of that and the then empty folder, and
#     leaves the workspace Documents\Swanilai\x.swanilai and the bundle
#     Documents\kiriman.swkirim alone;
#  4. installed again, with a workspace saved into the program folder and
#     .swkirim given to another program meanwhile, the uninstaller keeps
#     that workspace (and so the folder) and the other program's .swkirim.
#
# One line per check ("ok: ..."); the first failure stops it, non-zero.
# Needs no display: NSIS runs silently, and DISPLAY is unset.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
setup=$(realpath "${1:?usage: test-installer.sh SETUP_EXE}")
[ -f "$setup" ] || { echo "test-installer: no such file: $1" >&2; exit 1; }
wine="$here/../wine-exec.sh"
unset DISPLAY

work=$(mktemp -d)
# wine-exec.sh makes the prefix (and its lock file beside it) on first use.
export SWANILAI_WINEPREFIX=$work/wine
export WINEPREFIX=$SWANILAI_WINEPREFIX WINEDEBUG=${WINEDEBUG:--all}
# A shortcut saved under Wine starts winemenubuilder, which writes .desktop
# files and menus into the real home folder: not during a test.
export WINEDLLOVERRIDES="winemenubuilder.exe=d${WINEDLLOVERRIDES:+;$WINEDLLOVERRIDES}"
wineserver=/usr/lib/wine/wineserver
[ -x "$wineserver" ] || wineserver=$(command -v wineserver)
trap '"$wineserver" -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

fail() { echo "test-installer: FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# settle waits until every Windows process of the prefix has ended: the
# uninstaller started with /S copies itself to %TEMP% and returns at once.
settle() { "$wineserver" -w; }

# winenv VAR: a variable of the Windows environment, as Windows writes it.
winenv() { "$wine" cmd /c echo "%$1%" | tr -d '\r'; }
# unixpath WINPATH: where WINPATH is on this side, through drive_c rather
# than Wine's dosdevices/c: link.
unixpath() { realpath -m "$("$wine" winepath -u "$1" | tr -d '\r')"; }

# regval KEY [NAME]: the data of value NAME of KEY (the default value
# without NAME); fails if either is missing, with reg's answer in $regout.
regval() {
	local rc=0
	if [ $# -eq 2 ]; then
		regout=$("$wine" reg query "$1" /v "$2" 2>&1) || rc=$?
	else
		regout=$("$wine" reg query "$1" /ve 2>&1) || rc=$?
	fi
	regout=$(printf '%s\n' "$regout" | tr -d '\r')
	[ $rc -eq 0 ] || { regout="reg query exited with $rc: $regout"; return 1; }
	printf '%s\n' "$regout" | sed -nE 's/^    .*    REG_[A-Z_]+    (.*)$/\1/p' | head -n 1 | grep .
}
# regkey KEY: succeeds if KEY exists, fails if reg says it does not, and
# stops the test on any other answer.
regkey() {
	local out rc=0
	out=$("$wine" reg query "$1" 2>&1) || rc=$?
	[ $rc -eq 0 ] && return 0
	grep -q 'Unable to find' <<<"$out" && return 1
	fail "reg query $1 exited with $rc: $(tr -d '\r' <<<"$out")"
}

# expect_val KEY NAME WANT: the value NAME ("" for the default one) of KEY
# is WANT.
expect_val() {
	local got
	if [ -n "$2" ]; then
		got=$(regval "$1" "$2") || fail "$1 has no value $2 ($(regval "$1" "$2" || echo "$regout"))"
	else
		got=$(regval "$1") || fail "$1 is missing or has no default value ($(regval "$1" || echo "$regout"))"
	fi
	[ "$got" = "$3" ] || fail "$1 ${2:-(default)} is [$got], want [$3]"
}

# run_setup ARGS...: runs the setup, which must succeed.
run_setup() {
	local rc=0
	"$wine" "$setup" "$@" || rc=$?
	settle
	[ $rc -eq 0 ] || fail "setup $* exited with $rc"
}

echo "== a fresh Wine prefix in $WINEPREFIX"
localappdata=$(winenv LOCALAPPDATA)
appdata=$(winenv APPDATA)
profile=$(winenv USERPROFILE)
[[ $localappdata == [A-Za-z]:\\* ]] || fail "no %LOCALAPPDATA% in the prefix: [$localappdata]"
# Wine links the profile's Documents, Desktop, ... to $HOME: make them real
# folders of the prefix, so that no test file lands in the home folder.
uprofile=$(unixpath "$profile")
for d in "$uprofile"/*; do
	if [ -L "$d" ]; then rm "$d" && mkdir "$d"; fi
done
instwin="$localappdata\\Programs\\Swanilai"
inst=$(unixpath "$instwin")
programs=$(dirname "$inst")
startmenu=$(unixpath "$appdata\\Microsoft\\Windows\\Start Menu\\Programs")
docs=$(unixpath "$profile\\Documents")
lnk=$startmenu/Swanilai.lnk
ok "%LOCALAPPDATA% is $localappdata, so the program goes to ${inst#"$WINEPREFIX"/}"

files=(Swanilai.exe swanilai-cli.exe BACA-SAYA.txt Uninstall.exe)
classes='HKCU\Software\Classes'
uninst='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Swanilai'
version=$(basename "$setup" | sed -nE 's/^Swanilai-([0-9][^-]*(-[a-z0-9.]+)?)-windows-.*$/\1/p')

check_installed() {
	local f
	for f in "${files[@]}"; do
		[ -s "$inst/$f" ] || fail "$instwin\\$f is missing"
	done
	ok "the program files are in $instwin: ${files[*]}"
	[ -f "$lnk" ] || fail "no Start menu shortcut $lnk"
	tr -d '\0' <"$lnk" | grep -aqF 'Programs\Swanilai\Swanilai.exe' || fail "the Start menu shortcut does not point to Swanilai.exe"
	ok "the Start menu shortcut Swanilai.lnk points to Swanilai.exe"
	expect_val "$classes\\.swanilai" "" Swanilai.BerkasKerja
	expect_val "$classes\\Swanilai.BerkasKerja" "" "Berkas kerja Swanilai"
	expect_val "$classes\\Swanilai.BerkasKerja\\DefaultIcon" "" "$instwin\\Swanilai.exe,0"
	expect_val "$classes\\Swanilai.BerkasKerja\\shell\\open\\command" "" "\"$instwin\\Swanilai.exe\" -w \"%1\""
	ok ".swanilai -> Swanilai.BerkasKerja, opened by \"...\\Swanilai.exe\" -w \"%1\""
	expect_val "$classes\\.swkirim" "" Swanilai.Kiriman
	expect_val "$classes\\Swanilai.Kiriman" "" "Berkas kiriman Swanilai"
	expect_val "$classes\\Swanilai.Kiriman\\shell\\open\\command" "" "\"$instwin\\Swanilai.exe\" --import \"%1\""
	ok ".swkirim -> Swanilai.Kiriman, opened by \"...\\Swanilai.exe\" --import \"%1\""
	expect_val "$uninst" DisplayName Swanilai
	expect_val "$uninst" Publisher Swanilai
	expect_val "$uninst" InstallLocation "$instwin"
	expect_val "$uninst" UninstallString "\"$instwin\\Uninstall.exe\""
	expect_val "$uninst" QuietUninstallString "\"$instwin\\Uninstall.exe\" /S"
	expect_val "$uninst" DisplayIcon "$instwin\\Swanilai.exe,0"
	expect_val "$uninst" NoModify 0x1
	expect_val "$uninst" NoRepair 0x1
	local v size
	v=$(regval "$uninst" DisplayVersion) || fail "no DisplayVersion"
	[ -z "$version" ] || [ "$v" = "$version" ] || fail "DisplayVersion is $v, the setup's name says $version"
	size=$(regval "$uninst" EstimatedSize) || fail "no EstimatedSize"
	[ $((size)) -gt 0 ] || fail "EstimatedSize is $size"
	ok "the Uninstall key: Swanilai $v, $((size)) KiB, uninstalled by \"$instwin\\Uninstall.exe\" /S"
}

check_removed() {
	local f
	for f in "${files[@]}"; do
		[ ! -e "$inst/$f" ] || fail "$instwin\\$f is still there"
	done
	ok "the program files are gone"
	[ ! -e "$lnk" ] || fail "the Start menu shortcut is still there"
	ok "the Start menu shortcut is gone"
	! regkey "$classes\\Swanilai.BerkasKerja" || fail "the ProgID Swanilai.BerkasKerja is still there"
	! regkey "$classes\\Swanilai.Kiriman" || fail "the ProgID Swanilai.Kiriman is still there"
	ok "the ProgIDs Swanilai.BerkasKerja and Swanilai.Kiriman are gone"
	! regkey "$uninst" || fail "the Uninstall key is still there"
	ok "the Uninstall key is gone"
}

check_user_files() {
	[ "$(cat "$docs/Swanilai/x.swanilai")" = "workspace" ] || fail "the workspace Documents\\Swanilai\\x.swanilai is gone or changed"
	[ "$(cat "$docs/kiriman.swkirim")" = "bundle" ] || fail "the bundle Documents\\kiriman.swkirim is gone or changed"
	ok "the workspace Documents\\Swanilai\\x.swanilai and the bundle Documents\\kiriman.swkirim are untouched"
}

uninstall() {
	local rc=0
	# Without _?= the uninstaller runs from a copy in %TEMP%, so that it
	# can delete itself and the folder; settle waits for that copy.
	"$wine" "$inst/Uninstall.exe" /S || rc=$?
	settle
	[ $rc -eq 0 ] || fail "Uninstall.exe /S exited with $rc"
}

echo "== install: $(basename "$setup") /S ($(($(stat -c %s "$setup") / 1024)) KiB)"
run_setup /S
check_installed
out=$("$wine" "$inst/swanilai-cli.exe" version 2>&1 | tr -d '\r') || fail "the installed swanilai-cli.exe version failed: $out"
ok "the installed swanilai-cli.exe runs: $(head -n 1 <<<"$out")"

mkdir -p "$docs/Swanilai"
echo workspace >"$docs/Swanilai/x.swanilai"
echo bundle >"$docs/kiriman.swkirim"
ok "made the workspace Documents\\Swanilai\\x.swanilai and the bundle Documents\\kiriman.swkirim"

echo "== upgrade in place: the same setup again, /S /D=C:\\Lain"
sums=$(cd "$inst" && sha256sum Swanilai.exe swanilai-cli.exe BACA-SAYA.txt)
# Stand-ins for an older version's files.
for f in Swanilai.exe swanilai-cli.exe BACA-SAYA.txt; do
	echo "older $f" >"$inst/$f"
done
run_setup /S '/D=C:\Lain'
[ ! -e "$(unixpath 'C:\Lain')" ] || fail "the upgrade installed into C:\\Lain instead of $instwin"
[ "$(cd "$programs" && ls -d Swanilai*)" = "Swanilai" ] || fail "more than one install folder: $(ls "$programs")"
[ "$(cd "$inst" && sha256sum Swanilai.exe swanilai-cli.exe BACA-SAYA.txt)" = "$sums" ] || fail "the upgrade did not replace the program files"
ok "the upgrade replaced the program files in the same folder (and not in C:\\Lain)"
check_installed
check_user_files

echo "== uninstall: Uninstall.exe /S"
uninstall
check_removed
! regkey "$classes\\.swanilai" || fail "the key .swanilai, which only Swanilai used, is still there"
! regkey "$classes\\.swkirim" || fail "the key .swkirim, which only Swanilai used, is still there"
ok "the extension keys .swanilai and .swkirim are gone"
[ ! -e "$inst" ] || fail "the empty install folder is still there: $(ls -A "$inst")"
ok "the empty install folder is gone"
check_user_files

echo "== install again; a workspace in the program folder; .swkirim taken by another program; uninstall"
run_setup /S
check_installed
echo workspace >"$inst/disimpan-di-sini.swanilai"
"$wine" reg add "$classes\\.swkirim" /ve /d Lain.Kiriman /f >/dev/null || fail "reg add .swkirim failed"
uninstall
check_removed
[ "$(cat "$inst/disimpan-di-sini.swanilai" 2>/dev/null)" = workspace ] || fail "the uninstaller removed a workspace saved in the program folder"
[ "$(ls -A "$inst")" = disimpan-di-sini.swanilai ] || fail "the program folder holds more than the workspace: $(ls -A "$inst")"
ok "a workspace saved in the program folder stays, and so does the folder"
expect_val "$classes\\.swkirim" "" Lain.Kiriman
! regval "$classes\\.swkirim\\OpenWithProgids" Swanilai.Kiriman >/dev/null || fail ".swkirim still lists Swanilai.Kiriman under OpenWithProgids"
! regkey "$classes\\.swanilai" || fail "the key .swanilai is still there"
ok ".swkirim, taken over by another program, keeps it; .swanilai is gone"
check_user_files
echo "ok: the installer installs, upgrades in place and uninstalls cleanly"
