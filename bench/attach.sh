#!/usr/bin/env bash
# attach.sh measures `swanilai attach` on a big file against sha256sum on
# the same file, and the peak memory (max RSS) of the attach, twice.
#
#   bench/attach.sh            a 1 GiB file
#   SIZE_MB=256 bench/attach.sh
#
# Budgets (issue 4): max RSS under 100 MB; at least half the speed of
# sha256sum. The source file is read once before the runs, so that both
# tools read it from the page cache.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${SIZE_MB:-1024}

if [ ! -x /usr/bin/time ]; then
	echo "attach.sh: installing GNU time" >&2
	sudo=()
	[ "$(id -u)" -ne 0 ] && sudo=(sudo)
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq time >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/swanilai-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
go build -o "$work/swanilai" .
head -c $((size_mb << 20)) /dev/urandom >"$work/pindaian.pdf"
# Let the new file reach the disk first: its write-back would compete with
# the attach for the disk.
sync
cat "$work/pindaian.pdf" >/dev/null
bytes=$((size_mb << 20))

# measure NAME CMD...: prints "seconds maxrss_kb" of one run.
measure() {
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
	cat "$work/time"
}

fail=0
for run in 1 2; do
	read -r sha_s sha_kb < <(measure sha256sum "$work/pindaian.pdf")
	rm -f "$work/kerja.swanilai"
	"$work/swanilai" init -w "$work/kerja.swanilai" --role opd --instansi "Bench" --year 2025 --by bench >/dev/null
	sync
	read -r att_s att_kb < <(measure "$work/swanilai" attach -w "$work/kerja.swanilai" --by bench 1 "$work/pindaian.pdf")
	awk -v run="$run" -v b="$bytes" -v ss="$sha_s" -v sk="$sha_kb" -v as="$att_s" -v ak="$att_kb" 'BEGIN {
		printf "run %d: %d MiB\n", run, b / 1048576
		printf "  sha256sum        %6.2f s  %7.1f MB/s  max RSS %6.1f MB\n", ss, b / ss / 1e6, sk / 1000
		printf "  swanilai attach  %6.2f s  %7.1f MB/s  max RSS %6.1f MB\n", as, b / as / 1e6, ak / 1000
		printf "  attach speed / sha256sum speed = %.2f (budget >= 0.50); RSS budget < 100 MB\n", ss / as
		exit !(ss / as >= 0.5 && ak < 100000)
	}' || fail=1
	ls -l "$work/kerja.swanilai" | awk '{ printf "  workspace file   %d bytes\n", $5 }'
done
"$work/swanilai" check -w "$work/kerja.swanilai" | tail -1
exit $fail
