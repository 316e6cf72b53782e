#!/usr/bin/env bash
# release.sh builds what users download, into dist/, and checks it:
#
#   Swanilai-VERSION-windows-amd64-setup.exe  per-user installer (NSIS)
#   Swanilai-VERSION-windows-amd64.zip        the portable program
#   Swanilai-VERSION-linux-amd64.tar.xz       the binary, a .desktop file, icons
#   SHA256SUMS
#
# The Windows programs are cross-compiled with cgo and mingw-w64:
# Swanilai.exe (the window, GUI subsystem, so no console flashes) and its
# console twin swanilai-cli.exe for cmd.exe and PowerShell (a GUI program
# can attach to the console it was started from, but cmd.exe neither waits
# for it nor sees its exit code, so scripts cannot rely on it). Both carry
# the icon and a version resource. Then, under Wine: the installer
# installs, upgrades and uninstalls (scripts/windows/test-installer.sh);
# the console twin runs init → set → attach → export → verify → import →
# report → score with the same results as the Linux binary, and each reads
# the other's bundles; the window reaches its first frame, and a
# screenshot goes to build/screenshots/windows-*.png. Any failure fails the
# release. The first cgo build of Fyne for Windows takes long (over 30
# minutes on 2 cores); Go's build cache makes the next ones quick.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/dev.sh deps release

version=$(sed -n 's/^var Version = "\(.*\)"$/\1/p' assets/version.go)
[ -n "$version" ] || { echo "release: no version in assets/version.go" >&2; exit 1; }
grep -q "Version = \"$version\"" FyneApp.toml || { echo "release: FyneApp.toml does not say version $version" >&2; exit 1; }
IFS=. read -r vmaj vmin vpatch <<<"$version"
build=build/release
rm -rf "$build" dist
mkdir -p "$build/linux" "$build/windows" "$build/icons" dist build/screenshots

echo "== icons"
go run ./tools/appicon -ico "$build/swanilai.ico" -png-sizes "$build/icons"

echo "== linux"
go build -tags migrated_fynedo -ldflags "-s -w" -o "$build/linux/swanilai" .
[ "$("$build/linux/swanilai" version)" = "swanilai $version" ]

echo "== windows resources"
cat >"$build/swanilai.rc" <<RC
#include <winver.h>
1 ICON "swanilai.ico"
1 VERSIONINFO
FILEVERSION $vmaj,$vmin,$vpatch,0
PRODUCTVERSION $vmaj,$vmin,$vpatch,0
FILEFLAGSMASK 0x3fL
FILEFLAGS 0x0L
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
FILESUBTYPE 0x0L
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "042104b0"
    BEGIN
      VALUE "CompanyName", "Swanilai"
      VALUE "FileDescription", "Swanilai - penilaian mandiri SPBE"
      VALUE "FileVersion", "$version"
      VALUE "InternalName", "swanilai"
      VALUE "LegalCopyright", "Swanilai"
      VALUE "OriginalFilename", "Swanilai.exe"
      VALUE "ProductName", "Swanilai"
      VALUE "ProductVersion", "$version"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0421, 1200
  END
END
RC
# Go links the .syso files of the main package's folder; it lives there
# only for these two builds.
syso=rsrc_windows_amd64.syso
trap 'rm -f "$syso"' EXIT
(cd "$build" && x86_64-w64-mingw32-windres -O coff -o swanilai.syso swanilai.rc)
cp "$build/swanilai.syso" "$syso"

echo "== windows (cgo, mingw-w64)"
export CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
go build -tags migrated_fynedo -ldflags "-s -w -H windowsgui" -o "$build/windows/Swanilai.exe" .
go build -tags migrated_fynedo -ldflags "-s -w" -o "$build/windows/swanilai-cli.exe" .
unset CGO_ENABLED GOOS GOARCH CC
rm -f "$syso"

echo "== packages"
cp scripts/windows/BACA-SAYA.txt "$build/swanilai.ico" "$build/windows/"
portable=Swanilai-$version-windows-amd64
rm -rf "$build/$portable" && mkdir "$build/$portable"
cp "$build/windows/Swanilai.exe" "$build/windows/swanilai-cli.exe" scripts/windows/BACA-SAYA.txt "$build/$portable/"
(cd "$build" && zip -q -X -r "../../dist/$portable.zip" "$portable")
makensis -V2 -DVERSION="$version" -DSRCDIR="$PWD/$build/windows" -DOUTFILE="$PWD/dist/$portable-setup.exe" scripts/windows/swanilai.nsi

linux=Swanilai-$version-linux-amd64
mkdir -p "$build/$linux"
cp "$build/linux/swanilai" scripts/linux/install.sh scripts/linux/swanilai.desktop scripts/linux/swanilai-mime.xml "$build/$linux/"
mkdir -p "$build/$linux/icons"
cp "$build"/icons/icon-*.png "$build/$linux/icons/"
tar -C "$build" --owner=0 --group=0 -cJf "dist/$linux.tar.xz" "$linux"
(cd dist && sha256sum -- *.exe *.zip *.tar.xz >SHA256SUMS)

echo "== installer under Wine"
scripts/windows/test-installer.sh "dist/$portable-setup.exe"
echo "== the Windows program under Wine, against the Linux one"
scripts/windows/test-release.sh "$build/linux/swanilai" "$build/windows/swanilai-cli.exe" "$build/windows/Swanilai.exe"

echo "== dist"
ls -l dist
cat dist/SHA256SUMS
