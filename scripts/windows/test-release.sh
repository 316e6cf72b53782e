#!/usr/bin/env bash
# test-release.sh LINUX_BIN WINDOWS_CLI_EXE WINDOWS_GUI_EXE checks the
# Windows programs of a release under Wine against the Linux one:
#
#  1. the same OPD and coordinator round trip — init, set, attach, export,
#     verify, import, report, score — run by each, prints the same (once
#     ids, keys, times and sizes are masked) and writes the same report;
#  2. each verifies and imports the other's bundle;
#  3. the window of the Windows program, under Xvfb, reaches its first
#     frame (the time is printed) and a screenshot of the demo's dashboard
#     is written to build/screenshots/windows-dashboard-id.png.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
linux=$(realpath "$1")
wincli=$(realpath "$2")
wingui=$(realpath "$3")
wine="$here/../wine-exec.sh"
shots=$(realpath "$here/../..")/build/screenshots
mkdir -p "$shots"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; "$wine" wineboot -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
unset DISPLAY

fail() { echo "test-release: $*" >&2; exit 1; }

# roundtrip NAME CMD...: the round trip in $work/NAME, run by CMD.
roundtrip() {
	local name=$1
	shift
	local cmd=("$@")
	mkdir -p "$work/$name"
	(
		# Each command's exit code is recorded, not acted on.
		set +e +o pipefail
		cd "$work/$name"
		printf '%%PDF-1.4\n%% Peraturan Wali Kota Pekalongan Nomor 12 Tahun 2022\n%%%%EOF\n' >"perwal 12-2022.pdf"
		# Wine's own notes on stderr ("wine: …") are not the program's.
		run() { echo "\$ swanilai $*"; "${cmd[@]}" "$@" 2>&1 | tr -d '\r' | grep -v '^wine: '; echo "exit ${PIPESTATUS[0]}"; }
		run init -w opd.swanilai --role opd --instansi "Pemerintah Kota Pekalongan" --unit "Badan Perencanaan Pembangunan Daerah" --year 2025 --by "Rina Wulandari"
		run init -w koordinator.swanilai --role coordinator --instansi "Pemerintah Kota Pekalongan" --unit "Tim Asesor Internal" --year 2025 --by "Sari"
		run set -w opd.swanilai --by "Rina Wulandari" 1 3 --fakta "Perwal 12/2022 (perwal 12-2022.pdf) menetapkan Arsitektur SPBE." --analisis "Kriteria tingkat 3 terpenuhi."
		run set -w opd.swanilai --by "Rina Wulandari" 12 2 --fakta "Peta rencana dalam penyusunan."
		run attach -w opd.swanilai --by "Rina Wulandari" 1 "perwal 12-2022.pdf" --title "Perwal Arsitektur SPBE" --doc-no "12 Tahun 2022" --doc-date 2022-03-01 --level 3
		run export -w opd.swanilai -o kiriman.swkirim
		run verify kiriman.swkirim
		run import -w koordinator.swanilai --by Sari kiriman.swkirim
		run report -w opd.swanilai -o laporan.pdf
		run score -w opd.swanilai
		run score -w koordinator.swanilai
		run check -w koordinator.swanilai
	) >"$work/$name.log"
}

# mask hides what differs between any two runs: ids, keys, times, sizes,
# the program's name.
mask() {
	sed -E \
		-e 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<ID>/g' \
		-e 's/\b[0-9A-F]{16}\b/<KEYID>/g' \
		-e 's/[A-Za-z0-9+\/]{40,}={0,2}/<KEY>/g' \
		-e 's/\b[0-9a-f]{12,64}\b/<HASH>/g' \
		-e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?/<TIME>/g' \
		-e 's/[0-9]+(,[0-9]+)? (B|kB|MB|GB)\b/<SIZE>/g' \
		-e 's/([0-9]{4} ){5}[0-9]{4}/<FINGERPRINT>/g' \
		-e 's/(sidik kunci|Sidik kunci|fingerprint)[^;]*/\1 <KEY>/g'
}

echo "round trip, Linux"
roundtrip linux "$linux"
echo "round trip, Windows under Wine"
roundtrip windows "$wine" "$wincli"
for r in linux windows; do
	grep -q "^exit [1-9]" "$work/$r.log" && { cat "$work/$r.log" >&2; fail "a command of the $r run failed"; }
done
if ! diff <(mask <"$work/linux.log") <(mask <"$work/windows.log") >"$work/diff"; then
	cat "$work/diff" >&2
	fail "the Windows program printed otherwise than the Linux one"
fi
echo "ok: the same output from both ($(grep -c '^\$ swanilai' "$work/linux.log") commands)"
# Words, not layout: a footer's time of another length moves columns.
pdfwords() { pdftotext "$1" - | mask | sed -E -e 's/Dibuat .*$//' -e 's/\b[0-2][0-9]\.[0-5][0-9]\b/<HH.MM>/g' | tr -s '[:space:]' '\n'; }
pdfwords "$work/linux/laporan.pdf" >"$work/linux.txt"
pdfwords "$work/windows/laporan.pdf" >"$work/windows.txt"
diff "$work/linux.txt" "$work/windows.txt" >"$work/pdfdiff" || { cat "$work/pdfdiff" >&2; fail "the reports differ"; }
echo "ok: the same report ($(wc -l <"$work/linux.txt") words)"

echo "each reads the other's bundle"
cp "$work/windows/kiriman.swkirim" "$work/dari-windows.swkirim"
cp "$work/linux/kiriman.swkirim" "$work/dari-linux.swkirim"
(cd "$work" && "$linux" verify dari-windows.swkirim >/dev/null) || fail "Linux does not verify the Windows bundle"
(cd "$work" && "$wine" "$wincli" verify dari-linux.swkirim >/dev/null) || fail "Windows does not verify the Linux bundle"
(cd "$work" && "$linux" init -w silang.swanilai --role coordinator --instansi "Pemerintah Kota Pekalongan" --year 2025 --by Sari >/dev/null &&
	"$linux" import -w silang.swanilai --by Sari dari-windows.swkirim | grep -q "1 diimpor") || fail "Linux does not import the Windows bundle"
echo "ok: Linux verifies and imports the Windows bundle; Windows verifies the Linux one"

echo "the window under Wine and Xvfb"
display=:${WINE_DISPLAY:-87}
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp -noreset >/dev/null 2>&1 &
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
(cd "$work" && "$wine" "$wincli" demo -w demo.swanilai --by "Rina Wulandari" >/dev/null)
# The window at its first frame; the console twin prints the time.
first=$(cd "$work" && timeout 300 "$wine" "$wincli" -w demo.swanilai --lang id --startup-time 2>&1 | tr -d '\r' | grep -o 'first frame painted: [0-9]* ms' || true)
[ -n "$first" ] || fail "the window did not reach its first frame under Wine"
echo "ok: $first (Wine, Xvfb, software OpenGL)"
(cd "$work" && "$wine" "$wingui" -w demo.swanilai --lang id --theme light >"$work/gui.log" 2>&1 &)
wid=""
for _ in $(seq 600); do
	wid=$(xdotool search --name '^Swanilai' 2>/dev/null | head -n1 || true)
	[ -n "$wid" ] && break
	sleep 0.2
done
[ -n "$wid" ] || { cat "$work/gui.log" >&2; fail "no window of Swanilai.exe"; }
sleep "${SETTLE:-6}"
xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >"$shots/windows-dashboard-id.png"
echo "ok: screenshot $shots/windows-dashboard-id.png"
