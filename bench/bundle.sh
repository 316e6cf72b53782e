#!/usr/bin/env bash
# bundle.sh measures `swanilai export`, `verify` and `import` of an OPD
# workspace with 2 GiB of evidence against sha256sum over the same files,
# and the peak memory (max RSS) of each, twice.
#
#   bench/bundle.sh                     16 files of 128 MiB
#   SIZE_MB=512 FILES=8 bench/bundle.sh
#
# Budgets (issue 7): export and import at least half the speed of
# sha256sum; max RSS under 100 MB. The evidence is read once before the
# runs, so that every tool reads it from the page cache. The OPD's key has
# no passphrase: opening a protected key costs minisign's scrypt (1 GiB,
# seconds) once per export, whatever the size of the evidence.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${SIZE_MB:-2048}
files=${FILES:-16}

if [ ! -x /usr/bin/time ]; then
	echo "bundle.sh: installing GNU time" >&2
	sudo=()
	[ "$(id -u)" -ne 0 ] && sudo=(sudo)
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq time >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/swanilai-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
go build -o "$work/swanilai" .
s="$work/swanilai"
opd="$work/opd.swanilai"
"$s" init -w "$opd" --role opd --instansi "Pemerintah Kota Pekalongan" --unit "Dinas Komunikasi dan Informatika" --year 2025 --by bench >/dev/null
"$s" set -w "$opd" --by bench 1 3 --fakta "Pindaian dokumen (pindaian-1.pdf)" --analisis "Tingkat 3 terpenuhi." >/dev/null
mkdir "$work/bukti"
per=$((size_mb / files))
for i in $(seq 1 "$files"); do
	head -c $((per << 20)) /dev/urandom >"$work/bukti/pindaian-$i.pdf"
	# Spread the files over the indicators, as an OPD's evidence is.
	"$s" attach -w "$opd" --by bench $(((i - 1) % 47 + 1)) "$work/bukti/pindaian-$i.pdf" >/dev/null
done
bytes=$((per * files << 20))
# Let the new files reach the disk first: their write-back would compete
# with the runs for the disk.
sync
cat "$work"/bukti/* >/dev/null

# measure CMD...: prints "seconds maxrss_kb" of one run.
measure() {
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
	cat "$work/time"
}

report() { # name seconds kb sha_seconds
	awk -v n="$1" -v s="$2" -v k="$3" -v ss="$4" -v b="$bytes" 'BEGIN {
		printf "  %-17s %6.2f s  %7.1f MB/s  max RSS %6.1f MB  speed / sha256sum = %.2f\n", n, s, b / s / 1e6, k / 1000, ss / s
	}'
}

fail=0
for run in 1 2; do
	rm -f "$work/kiriman.swanilai.zip" "$work/kota.swanilai"
	"$s" init -w "$work/kota.swanilai" --role coordinator --instansi "Pemerintah Kota Pekalongan" --year 2025 --by bench >/dev/null
	sync
	read -r sha_s sha_kb < <(measure sh -c "sha256sum $work/bukti/* >/dev/null")
	read -r exp_s exp_kb < <(measure "$s" export -w "$opd" -o "$work/kiriman.swanilai.zip")
	read -r ver_s ver_kb < <(measure "$s" verify "$work/kiriman.swanilai.zip")
	sync
	read -r imp_s imp_kb < <(measure "$s" import -w "$work/kota.swanilai" --by bench "$work/kiriman.swanilai.zip")
	echo "run $run: $files files, $((bytes >> 20)) MiB of evidence"
	awk -v s="$sha_s" -v b="$bytes" 'BEGIN { printf "  %-17s %6.2f s  %7.1f MB/s\n", "sha256sum", s, b / s / 1e6 }'
	report "swanilai export" "$exp_s" "$exp_kb" "$sha_s"
	report "swanilai verify" "$ver_s" "$ver_kb" "$sha_s"
	report "swanilai import" "$imp_s" "$imp_kb" "$sha_s"
	awk -v ss="$sha_s" -v es="$exp_s" -v is="$imp_s" -v ek="$exp_kb" -v ik="$imp_kb" -v vk="$ver_kb" 'BEGIN {
		exit !(ss / es >= 0.5 && ss / is >= 0.5 && ek < 100000 && ik < 100000 && vk < 100000)
	}' || fail=1
	stat -c '  %n: %s bytes' "$work/kiriman.swanilai.zip" "$work/kota.swanilai" | sed "s|$work/||"
done
echo "budgets: export and import >= 0.50 of sha256sum's speed, max RSS < 100 MB"
"$s" check -w "$work/kota.swanilai" | tail -1
exit $fail
