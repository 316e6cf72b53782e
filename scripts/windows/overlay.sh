#!/usr/bin/env bash
# overlay.sh writes, for the Windows tests under Wine only, a go build
# -overlay file that patches one switch of Go's standard library, and
# prints its path. Never used for a release.
#
# Why: os.RemoveAll deletes with NtSetInformationFile's
# FileDispositionInformationEx (POSIX semantics, Windows 10 1607 on) and
# falls back to the older call when Windows says it does not support it.
# Debian 12's Wine 8.0 answers STATUS_NOT_IMPLEMENTED (or
# STATUS_INVALID_DEVICE_REQUEST) instead, which Go does not take as "not
# supported", so every t.TempDir with a file in it fails its cleanup. The
# patch adds those two answers to the fallback's cases.
set -euo pipefail
out=${1:?usage: overlay.sh DIR}
src=$(go env GOROOT)/src/internal/syscall/windows/at_windows.go
mkdir -p "$out"
patched=$out/at_windows.go
sed 's|^\(\t\tSTATUS_NOT_SUPPORTED\):  *// the file system doesn.t support FILE_DISPOSITION_INFORMATION_EX or one of the flags$|\1, NTStatus(0xC0000002), NTStatus(0xC0000010): // and Wine 8.0, which does not implement it|' "$src" >"$patched"
if cmp -s "$src" "$patched"; then
	echo "overlay.sh: $src has changed; the Wine patch no longer applies" >&2
	exit 1
fi
printf '{"Replace":{"%s":"%s"}}\n' "$src" "$patched" >"$out/overlay.json"
echo "$out/overlay.json"
