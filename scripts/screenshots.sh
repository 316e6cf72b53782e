#!/usr/bin/env bash
# screenshots.sh runs the real swanilai binary on the demo workspace under
# Xvfb, at 1366×768 (the common government laptop), and writes PNGs of the
# wizard, the dashboard, an indicator page, the readiness panel and an
# evidence attach in progress, in Indonesian and in English, to
# build/screenshots. It installs what it needs through apt when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/dev.sh deps screenshots
go build -o swanilai .

out=build/screenshots
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

display=:${SCREENSHOT_DISPLAY:-93}
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp -noreset >/dev/null 2>&1 &
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

./swanilai demo -w "$work/demo.swanilai" --by "Rina Wulandari" >/dev/null
# The coordinator: one workspace with the OPDs' submissions imported, one
# with them waiting in a folder, for the import page.
# Bappeda's own workspace, kept, holds the review of its revision 1.
./swanilai demo -w "$work/koordinator.swanilai" --role coordinator --opd-workspaces "$work/opd" --by "Dewi Lestari" >/dev/null
./swanilai demo -w "$work/koordinator-impor.swanilai" --role coordinator --bundles "$work/kiriman" --by "Dewi Lestari" >/dev/null
# A file that is no bundle, refused with a reason.
printf "bukan bundel" >"$work/kiriman/catatan-rapat.zip"
# An Indeks Pemdi workspace (2026): decimal values and an external index.
pemdi="$work/bappeda-2026.swanilai"
./swanilai init -w "$pemdi" --role opd --instansi "Pemerintah Kota Pekalongan" --unit "Badan Perencanaan Pembangunan Daerah" --year 2026 --by "Rina Wulandari" >/dev/null
./swanilai set -w "$pemdi" 1 2,50 --fakta "Dokumen Rencana Induk Pemerintah Digital 2026–2030 pada data dukung 1.a.Renduk-Pemdi.pdf" --by "Rina Wulandari" >/dev/null
./swanilai set -w "$pemdi" 2 3 --by "Rina Wulandari" >/dev/null
./swanilai set -w "$pemdi" 5 --eksternal 68,75 --sumber "Hasil Evaluasi SDI 2025, Bappenas" --tanggal 2026-02-10 --berlaku-sampai 2027-02-09 --by "Rina Wulandari" >/dev/null
./swanilai report -w "$pemdi" -o "$out/pemdi-report.pdf" >/dev/null
pdftoppm -r 60 -f 2 -l 3 -png "$out/pemdi-report.pdf" "$out/pemdi-report"
# A large file, so that the attach dialog stays up long enough to be seen.
dd if=/dev/urandom of="$work/pindaian-dokumen-arsitektur.pdf" bs=1M count=1500 status=none

# shot NAME LANG ARGS...: start the window, wait until it shows and has
# settled, capture the screen, stop the window.
shot() {
	local name=$1 lang=$2
	shift 2
	export XDG_CONFIG_HOME="$work/config-$lang" XDG_DATA_HOME="$work/data-$lang" HOME="$work/home"
	mkdir -p "$HOME/Documents"
	./swanilai --lang "$lang" --theme "${THEME:-dark}" "$@" >"$work/$name-$lang.log" 2>&1 &
	local pid=$! wid=""
	for _ in $(seq 100); do
		wid=$(xdotool search --name '^Swanilai' 2>/dev/null | head -n1 || true)
		[ -n "$wid" ] && break
		sleep 0.1
	done
	[ -n "$wid" ] || { echo "screenshots: no window for $name:" >&2; tail -n 20 "$work/$name-$lang.log" >&2; return 1; }
	sleep "${SETTLE:-1.5}"
	# The window opens at 1280×720 inside the 1366×768 screen; capture it.
	xwd -id "$wid" -silent | xwdtopnm 2>/dev/null | pnmtopng >"$out/$name-$lang.png"
	kill $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	echo "$out/$name-$lang.png"
}

for lang in id en; do
	shot wizard "$lang" --view wizard
	shot dashboard "$lang" -w "$work/demo.swanilai" --view dashboard
	shot indicator "$lang" -w "$work/demo.swanilai" --view indicator:11
	shot indicator-45-levels "$lang" -w "$work/demo.swanilai" --view indicator:45:levels
	shot indicator-45-evidence "$lang" -w "$work/demo.swanilai" --view indicator:45:penjelasan
	shot readiness "$lang" -w "$work/demo.swanilai" --view readiness
	SETTLE=1.2 shot attach-progress "$lang" -w "$work/demo.swanilai" --view indicator:16 --attach "$work/pindaian-dokumen-arsitektur.pdf"
done
coord="$work/koordinator.swanilai"
for lang in id en; do
	shot coord-dashboard "$lang" -w "$coord" --view dashboard
	shot coord-opds "$lang" -w "$coord" --view opds
	shot coord-matrix "$lang" -w "$coord" --view opds:matrix
	shot coord-spread "$lang" -w "$coord" --view indicator:14
	shot coord-review "$lang" -w "$coord" --view review:BAPPEDA
	shot opd-review "$lang" -w "$work/opd/BAPPEDA.swanilai" --view indicator:13
	shot opd-review-32 "$lang" -w "$work/opd/BAPPEDA.swanilai" --view indicator:32
	# In November of the demo year: the revision round is what comes next.
	shot opd-review-dashboard "$lang" -w "$work/opd/BAPPEDA.swanilai" --view dashboard --today 2025-11-10
done
SETTLE=4 shot coord-import id -w "$work/koordinator-impor.swanilai" --import "$work/kiriman"
shot pemdi-indicator id -w "$pemdi" --view indicator:1:levels
shot pemdi-external id -w "$pemdi" --view indicator:5:levels
# The light theme too; the rest is dark, what the system gives under Xvfb.
THEME=light shot dashboard-light id -w "$work/demo.swanilai" --view dashboard
THEME=light shot indicator-light id -w "$work/demo.swanilai" --view indicator:11:levels
