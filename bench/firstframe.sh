#!/usr/bin/env bash
# firstframe.sh measures the window's first frame: it starts
# `swanilai -w WORKSPACE --startup-time` under Xvfb (on a free display, with
# a fresh HOME and XDG directories, so the user's own settings are neither
# read nor touched) RUNS times, after one warm-up run that is shown but not
# counted (it fills the shader and font caches, as any second start finds
# them), and prints for each run the wall time to the first painted frame
# (what the program prints), the CPU time (user + sys, from /usr/bin/time)
# and the peak memory (max RSS), then the median and range of each.
#
#   bench/firstframe.sh                    build ./swanilai, make the OPD demo
#                                          workspace, measure it
#   bench/firstframe.sh WORKSPACE          measure that workspace
#
# Environment:
#   SWANILAI=PATH  the binary to run (default: build one with go build)
#   RUNS=N         measured runs (default 5)
#   RESULT=FILE    also write one line "wall_ms_median wall_ms_min wall_ms_max
#                  cpu_s_median cpu_s_min cpu_s_max rss_kib_median rss_kib_min
#                  rss_kib_max" to FILE, for bench/run.sh
#
# Measure the CPU time, which the machine's load does not change; the wall
# time is only what this run saw. It installs, through apt and only when
# missing, xvfb, x11-utils, libgl1-mesa-dri and time.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
runs=${RUNS:-5}

missing=()
for p in xvfb x11-utils libgl1-mesa-dri time; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
	echo "firstframe.sh: installing ${missing[*]}" >&2
	sudo=()
	[ "$(id -u)" -ne 0 ] && sudo=(sudo)
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/swanilai-firstframe.XXXXXX")
xvfb=""
cleanup() {
	if [ -n "$xvfb" ]; then
		kill "$xvfb" 2>/dev/null || true
		wait "$xvfb" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

s=${SWANILAI:-}
if [ -z "$s" ]; then
	go build -o "$work/swanilai" .
	s="$work/swanilai"
fi
ws=${1:-}
if [ -z "$ws" ]; then
	ws="$work/demo.swanilai"
	"$s" demo -w "$ws" --by bench >/dev/null
fi

# Xvfb picks a free display itself and writes its number once it listens.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp -noreset 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 100); do
	[ -s "$work/display" ] && break
	sleep 0.1
done
if [ ! -s "$work/display" ]; then
	echo "firstframe.sh: Xvfb did not start:" >&2
	cat "$work/xvfb.log" >&2
	exit 1
fi
DISPLAY=":$(head -n1 "$work/display")"
export DISPLAY
xdpyinfo >/dev/null
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
mkdir -p "$HOME"

# one: a start to the first frame; sets ms, cpu (s) and kb (max RSS, KiB).
one() {
	timeout 120 /usr/bin/time -f '%U %S %M' -o "$work/time" "$s" -w "$ws" --startup-time >"$work/out" 2>"$work/err" || {
		echo "firstframe.sh: the window failed:" >&2
		cat "$work/out" "$work/err" >&2
		exit 1
	}
	local u sy
	ms=$(sed -n 's/.*first frame painted: \([0-9]*\) ms.*/\1/p' "$work/out")
	[ -n "$ms" ] || {
		echo "firstframe.sh: no time printed:" >&2
		cat "$work/out" "$work/err" >&2
		exit 1
	}
	read -r u sy kb <"$work/time"
	cpu=$(awk -v u="$u" -v s="$sy" 'BEGIN { printf "%.2f", u + s }')
}

echo "first frame of $(basename "$ws") under Xvfb (display $DISPLAY), $runs runs after one warm-up"
one
printf "  warm-up  %5d ms  CPU %5.2f s  max RSS %6.1f MiB  (not counted)\n" "$ms" "$cpu" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
: >"$work/runs"
for i in $(seq 1 "$runs"); do
	one
	echo "$ms $cpu $kb" >>"$work/runs"
	printf "  run %-3d  %5d ms  CPU %5.2f s  max RSS %6.1f MiB\n" "$i" "$ms" "$cpu" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
done

# stats COLUMN: "median min max" of one column of the runs.
stats() {
	sort -g -k"$1","$1" "$work/runs" | awk -v c="$1" '{ v[NR] = $c } END {
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		print m, v[1], v[NR]
	}'
}
read -r w_med w_min w_max < <(stats 1)
read -r c_med c_min c_max < <(stats 2)
read -r k_med k_min k_max < <(stats 3)
awk -v a="$w_med" -v b="$w_min" -v c="$w_max" -v d="$c_med" -v e="$c_min" -v f="$c_max" -v g="$k_med" -v h="$k_min" -v i="$k_max" 'BEGIN {
	printf "  median   %5d ms (%d–%d)  CPU %.2f s (%.2f–%.2f)  max RSS %.1f MiB (%.1f–%.1f) = %.1f MB\n", a, b, c, d, e, f, g / 1024, h / 1024, i / 1024, g * 1.024 / 1000
}'
if [ -n "${RESULT:-}" ]; then
	echo "$w_med $w_min $w_max $c_med $c_min $c_max $k_med $k_min $k_max" >"$RESULT"
fi
