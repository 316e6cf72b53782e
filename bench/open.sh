#!/usr/bin/env bash
# open.sh measures opening a full OPD workspace — 47 answers with their
# penjelasan and 500 evidence files of 20 to 200 KiB — in a new process, as
# `swanilai evidence` and the window do, twice; then the same in-process
# with `go test -bench BenchmarkOpen`. Budget (issue 4): under 100 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/swanilai-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
go build -o "$work/swanilai" .
s="$work/swanilai"
ws="$work/kerja.swanilai"
"$s" init -w "$ws" --role opd --instansi "Pemerintah Kota Pekalongan" --unit Diskominfo --year 2025 --by bench >/dev/null
text="Dokumen Peraturan Wali Kota Nomor 12 Tahun 2022 tentang Arsitektur SPBE, ditetapkan dan berlaku."
mkdir "$work/bukti"
for no in $(seq 1 47); do
	"$s" set -w "$ws" --by bench "$no" $((no % 5 + 1)) --fakta "$text" --analisis "$text" >/dev/null
done
for i in $(seq 0 499); do
	head -c $((20480 + (i * 7919) % 184320)) /dev/urandom >"$work/bukti/bukti-$i.pdf"
done
for no in $(seq 1 47); do
	files=()
	for i in $(seq $((no - 1)) 47 499); do files+=("$work/bukti/bukti-$i.pdf"); done
	"$s" attach -w "$ws" --by bench "$no" "${files[@]}" >/dev/null
done
"$s" evidence -w "$ws" | tail -1
ls -l "$ws" | awk '{ printf "workspace file: %d bytes\n", $5 }'
for run in 1 2; do
	start=$(date +%s%N)
	"$s" evidence -w "$ws" >/dev/null
	end=$(date +%s%N)
	echo "run $run: swanilai evidence -w, a new process that opens the workspace, reads its 500 links and prints them: $(((end - start) / 1000000)) ms"
done
go test -run '^$' -bench 'BenchmarkOpen$' -count 2 ./store | grep -E '^Benchmark|workspace:'
