#!/usr/bin/env bash
# coordinator.sh measures the coordinator's collection: `swanilai import`
# of a folder of 60 OPD submissions of 50 MB of evidence each into a new
# coordinator workspace, against sha256sum over the same bundle files, and
# then `swanilai status` of the 60 OPDs; twice each, with peak memory.
#
#   bench/coordinator.sh                  60 OPDs, 50 MB each
#   OPDS=10 SIZE_MB=20 bench/coordinator.sh
#
# Budgets (issue 8): the import takes at most 1,5 times the time of
# sha256sum; the status of 60 OPDs comes back in under 200 ms. The bundles
# are read once before the runs, so that every tool reads them from the
# page cache; the coordinator's workspace is written to the disk. Making
# the bundles writes some 6 GB and each run 3 GB: before each run the disk
# gets SETTLE seconds (default 30) to write them back, which the host of a
# virtual machine does long after `sync` returns, so that the import is not
# timed against the writes of what came before it.
set -euo pipefail
cd "$(dirname "$0")/.."
opds=${OPDS:-60}
size_mb=${SIZE_MB:-50}
settle=${SETTLE:-30}

if [ ! -x /usr/bin/time ]; then
	echo "coordinator.sh: installing GNU time" >&2
	sudo=()
	[ "$(id -u)" -ne 0 ] && sudo=(sudo)
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq time >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/swanilai-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
go build -o "$work/swanilai" .
s="$work/swanilai"
instansi="Pemerintah Kota Pekalongan"
mkdir "$work/usb"

# The OPDs: each answers five indicators with penjelasan, attaches one
# file of random bytes and exports; its workspace is removed afterwards to
# keep the disk free for the coordinator's.
echo "making $opds submissions of $size_mb MB…" >&2
for i in $(seq 1 "$opds"); do
	opd="$work/opd-$i.swanilai"
	"$s" init -w "$opd" --role opd --instansi "$instansi" --unit "OPD Nomor $i" --year 2025 --by bench >/dev/null
	for k in 0 1 2 3 4; do
		no=$(((i * 5 + k) % 47 + 1))
		"$s" set -w "$opd" --by bench "$no" $((k % 5 + 1)) --fakta "Dokumen OPD $i untuk indikator $no (bukti-$i.pdf)." --analisis "Kriteria terpenuhi." >/dev/null
	done
	head -c $((size_mb * 1000 * 1000)) /dev/urandom >"$work/bukti-$i.pdf"
	"$s" attach -w "$opd" --by bench $(((i * 5) % 47 + 1)) "$work/bukti-$i.pdf" >/dev/null
	"$s" export -w "$opd" -o "$work/usb/opd-$i.swanilai.zip" >/dev/null
	rm -f "$opd" "$work/bukti-$i.pdf"
done
bytes=$(cat "$work"/usb/*.zip | wc -c)

# coordinator makes a new coordinator workspace with the 60 OPDs in its
# registry, each with its five indicators assigned.
coordinator() {
	local c=$1
	rm -f "$c"
	"$s" init -w "$c" --role coordinator --instansi "$instansi" --unit "Tim Asesor Internal" --year 2025 --by bench >/dev/null
	for i in $(seq 1 "$opds"); do
		"$s" opd -w "$c" add --code "OPD-$i" --name "OPD Nomor $i" --by bench >/dev/null
		nos=""
		for k in 0 1 2 3 4; do nos="$nos,$(((i * 5 + k) % 47 + 1))"; done
		"$s" assign -w "$c" --opd "OPD-$i" --indicators "${nos#,}" --target-level 4 --by bench >/dev/null
	done
}

# measure CMD...: prints "seconds maxrss_kb" of one run.
measure() {
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
	cat "$work/time"
}

sync
cat "$work"/usb/*.zip >/dev/null
fail=0
for run in 1 2; do
	c="$work/kota.swanilai"
	coordinator "$c"
	sync
	sleep "$settle"
	read -r sha_s _ < <(measure sh -c "sha256sum $work/usb/*.zip")
	read -r imp_s imp_kb < <(measure "$s" import -w "$c" --by bench "$work/usb")
	read -r st_s st_kb < <(measure "$s" status -w "$c")
	read -r js_s _ < <(measure "$s" status -w "$c" --json)
	echo "run $run: $opds bundles, $((bytes / 1000000)) MB"
	awk -v s="$sha_s" -v b="$bytes" 'BEGIN { printf "  %-22s %6.2f s  %7.1f MB/s\n", "sha256sum", s, b / s / 1e6 }'
	awk -v s="$imp_s" -v ss="$sha_s" -v b="$bytes" -v k="$imp_kb" 'BEGIN {
		printf "  %-22s %6.2f s  %7.1f MB/s  max RSS %6.1f MB  time / sha256sum = %.2f\n", "swanilai import", s, b / s / 1e6, k / 1000, s / ss
	}'
	awk -v s="$st_s" -v j="$js_s" -v k="$st_kb" 'BEGIN {
		printf "  %-22s %6.0f ms (--json %.0f ms), max RSS %.1f MB, as a new process\n", "swanilai status", s * 1000, j * 1000, k / 1000
	}'
	awk -v ss="$sha_s" -v is="$imp_s" -v st="$st_s" 'BEGIN { exit !(is <= 1.5 * ss && st < 0.2) }' || fail=1
	stat -c '  %n: %s bytes' "$c" | sed "s|$work/||"
	"$s" check -w "$c" | tail -1
done
echo "budgets: import <= 1,50 x sha256sum's time; status of $opds OPDs < 200 ms"
exit $fail
