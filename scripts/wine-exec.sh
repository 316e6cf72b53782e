#!/usr/bin/env bash
# wine-exec.sh runs a Windows program under Wine, for the tests:
#
#   GOOS=windows CGO_ENABLED=0 go test -exec scripts/wine-exec.sh ./model
#   scripts/wine-exec.sh swanilai.exe version
#
# It keeps one Wine prefix (SWANILAI_WINEPREFIX, by default
# ~/.cache/swanilai/wine) made on first use, with the test-only
# bcryptprimitives.dll that Go's runtime needs (scripts/windows/
# processprng.c), and returns the program's exit code.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export WINEPREFIX=${SWANILAI_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/swanilai/wine}
export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES="bcryptprimitives=n;mscoree,mshtml=;${WINEDLLOVERRIDES:-}"
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || wine=$(command -v wine64 || command -v wine)
shim=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
if [ ! -f "$shim" ]; then
	# Two test binaries may start at once: one makes the prefix, the other
	# waits for it.
	mkdir -p "$(dirname "$WINEPREFIX")"
	exec 9>"$WINEPREFIX.lock"
	flock 9
	if [ ! -f "$shim" ]; then
		"$wine" wineboot -i >/dev/null 2>&1 || true
		"$(dirname "$wine")/wineserver" -w 2>/dev/null || wineserver -w 2>/dev/null || true
		tmp=$(mktemp -d)
		x86_64-w64-mingw32-gcc -O2 -shared -o "$tmp/bcryptprimitives.dll" \
			"$here/windows/processprng.c" "$here/windows/processprng.def" -ladvapi32
		cp "$tmp/bcryptprimitives.dll" "$shim"
		rm -rf "$tmp"
	fi
	flock -u 9
fi
exec "$wine" "$@"
