#!/usr/bin/env bash
# dev.sh is the one entry point for building, running and testing Swanilai
# on a Debian/Ubuntu machine that has Go. Every target first installs, through
# apt and only when missing, the system packages it needs.
#
#   scripts/dev.sh run [ARGS...]   install what is missing, build, start the app
#   scripts/dev.sh test            install what is missing, run every check and test
#   scripts/dev.sh build           build ./swanilai
#   scripts/dev.sh bench           run the benchmarks
#   scripts/dev.sh release         build and check the downloads in dist/ (scripts/release.sh)
#   scripts/dev.sh deps [test]     only install what is missing
set -euo pipefail
cd "$(dirname "$0")/.."

# Packages to build the window (Fyne needs cgo and the X11/GL headers) and
# to run `go test -race` (cgo).
BUILD_PKGS=(gcc libc6-dev pkg-config libgl1-mesa-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev)
# Extra packages the tests read their results back with (PDF text) and
# check our signatures against (the minisign tool).
TEST_PKGS=(poppler-utils minisign)
# Packages to run the cgo-free tests a second time as Windows programs:
# the cross-compiler builds the test-only DLL of scripts/windows, Wine runs
# the programs.
WIN_PKGS=(gcc-mingw-w64-x86-64 wine64)
# Packages to make and check a release: the installer, the archives, and
# the Windows window under Wine on a virtual screen.
REL_PKGS=(nsis zip xz-utils)
# Packages to run the window on a virtual screen and capture it.
SHOT_PKGS=(xvfb x11-utils x11-apps xdotool netpbm libgl1-mesa-dri poppler-utils)

missing() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
	done
}

deps() {
	local want=("${BUILD_PKGS[@]}")
	case "${1:-}" in
	test) want+=("${TEST_PKGS[@]}" "${WIN_PKGS[@]}") ;;
	screenshots) want+=("${SHOT_PKGS[@]}") ;;
	release) want+=("${TEST_PKGS[@]}" "${WIN_PKGS[@]}" "${REL_PKGS[@]}" "${SHOT_PKGS[@]}") ;;
	esac
	if ! command -v dpkg-query >/dev/null; then
		echo "dev.sh: not a Debian/Ubuntu system; make sure these are installed: ${want[*]}" >&2
		return 0
	fi
	local need
	mapfile -t need < <(missing "${want[@]}")
	[ ${#need[@]} -eq 0 ] && return 0
	echo "dev.sh: installing ${need[*]}" >&2
	local sudo=()
	[ "$(id -u)" -ne 0 ] && sudo=(sudo)
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

build() {
	go build -o swanilai .
}

check() {
	echo "== gofmt"
	local unformatted
	unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
	if [ -n "$unformatted" ]; then
		echo "gofmt: these files are not formatted:" >&2
		echo "$unformatted" >&2
		return 1
	fi
	echo "== go vet"
	go vet ./...
	echo "== staticcheck"
	go tool staticcheck ./...
	# Everything but the window builds without cgo, for Linux and for
	# Windows; internal/archtest holds the arrows that keep it so.
	local nocgo
	mapfile -t nocgo < <(go list ./... | grep -v -e '/ui$' -e '/ui/' -e '/swanilai$')
	echo "== go vet without cgo (linux, windows)"
	CGO_ENABLED=0 go vet "${nocgo[@]}"
	CGO_ENABLED=0 GOOS=windows go vet "${nocgo[@]}"
	echo "== go test -race"
	go test -race -count=1 ./...
	echo "== go test as Windows programs, under Wine"
	wintest "${nocgo[@]}"
	echo "== build"
	build
	echo "== ok"
}

# wintest runs the tests of the packages given as Windows programs under
# Wine (scripts/wine-exec.sh), with the one test-only patch of
# scripts/windows/overlay.sh.
wintest() {
	local tmp overlay
	tmp=$(mktemp -d)
	overlay=$(scripts/windows/overlay.sh "$tmp")
	SWANILAI_WINE_PASS=1 GOOS=windows GOARCH=amd64 CGO_ENABLED=0 \
		go test -count=1 -overlay "$overlay" -exec "$PWD/scripts/wine-exec.sh" "$@"
	rm -rf "$tmp"
}

cmd=${1:-test}
shift || true
case "$cmd" in
run)
	deps
	build
	exec ./swanilai "$@"
	;;
test)
	deps test
	check
	;;
build)
	deps
	build
	;;
bench)
	deps
	# The Go benchmarks, of the packages that have any; then the
	# end-to-end run of bench/run.sh (its environment: see its header).
	mapfile -t benchpkgs < <(grep -rl --include='*_test.go' '^func Benchmark' . | xargs -n1 dirname | sort -u)
	go test -run '^$' -bench . -benchmem "${benchpkgs[@]}"
	bench/run.sh
	;;
release)
	exec scripts/release.sh
	;;
deps)
	deps "${1:-}"
	;;
*)
	echo "usage: scripts/dev.sh run|test|build|bench|release|deps" >&2
	exit 2
	;;
esac
