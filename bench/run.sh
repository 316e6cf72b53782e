#!/usr/bin/env bash
# run.sh is the end-to-end benchmark of issue 20 (`make bench` runs it after
# the Go benchmarks). It builds ./swanilai from the tree as it is, and in one
# run pairs every bulk path with `sha256sum` and with `cat >/dev/null` of the
# same bytes, read once before so that all three read them from the page
# cache, and prints for each path its seconds, CPU seconds, the ratio of its
# speed to sha256sum's and to cat's, and its peak memory (max RSS, from
# /usr/bin/time). Then a summary table (markdown) against the issue's goals.
#
#   bench/run.sh                                   the full run (~20 GB of disk)
#   SIZES=256 OPDS=6 OPD_MB=20 bench/run.sh        a quick run
#
# What it measures:
#   - for each size of evidence in SIZES (MiB; the evidence is random bytes
#     from /dev/urandom in files of 128 MiB spread over the indicators):
#     attach (one file of the size, into an empty workspace), export of the
#     OPD workspace holding the files, verify and import of its bundle (into
#     an empty coordinator workspace), and `check -w` of the OPD workspace;
#   - folder import: OPDS OPD workspaces each export a bundle with OPD_MB MB
#     of evidence; one `import` of the folder into a coordinator workspace
#     that has the OPDs in its registry;
#   - workspace overhead: SMALL files of 5 to 400 KB (sizes from a fixed-seed
#     log-uniform draw, random bytes behind a %PDF-1.4 header) attached to the
#     47 indicators: (workspace size − empty workspace size) / their bytes − 1;
#     and the same for the one file of each size of the attach above;
#   - `swanilai demo` (OPD and coordinator): time and max RSS;
#   - the window's first frame on both demo workspaces (bench/firstframe.sh,
#     under Xvfb; median and range of FF_RUNS runs).
#
# Environment (defaults in brackets):
#   SIZES      sizes of evidence in MiB, multiples of 128 or below ["1024 4096"]
#   OPDS       folder import: number of OPD bundles [60]
#   OPD_MB     folder import: MB (10^6 bytes) of evidence per bundle [50]
#   SMALL      workspace overhead: number of small files [200]
#   FF_RUNS    first frame: measured runs [5]
#   SETTLE     seconds to wait after sync before each path that writes, for
#              the write-back of what came before (a virtual machine's host
#              writes back long after sync returns) [5]
#   TMPDIR     where the temporary files go; all are removed at the end
#
# Needs Go, cgo and the X11/GL headers to build the window (scripts/dev.sh
# deps installs them); installs GNU time, and for the first frame xvfb,
# x11-utils and libgl1-mesa-dri, through apt when missing. The default run
# needs about 13 GiB of free disk at its peak (three copies of the largest
# size) and took 12 minutes on 2 cores before the speed work of issue 20;
# it checks the disk first.
#
# On a shared or loaded machine compare the ratios, not the seconds: each
# path is measured right after its sha256sum and cat, so the three see the
# same load. Peak memory and CPU seconds do not depend on the load.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
sizes=${SIZES:-1024 4096}
opds=${OPDS:-60}
opd_mb=${OPD_MB:-50}
small=${SMALL:-200}
ff_runs=${FF_RUNS:-5}
settle=${SETTLE:-5}
started=$SECONDS

for v in $sizes "$opds" "$opd_mb" "$small" "$ff_runs" "$settle"; do
	case $v in
	'' | *[!0-9]*)
		echo "run.sh: not a whole number: $v" >&2
		exit 2
		;;
	esac
done

if [ ! -x /usr/bin/time ]; then
	echo "run.sh: installing GNU time" >&2
	sudo=()
	[ "$(id -u)" -ne 0 ] && sudo=(sudo)
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq time >/dev/null
fi

tmp=${TMPDIR:-/tmp}
# The disk: the largest size is held three times at once (evidence, OPD
# workspace, bundle; or evidence, the file to attach, its workspace), the
# folder import twice (bundles, coordinator workspace).
max=0
for size in $sizes; do [ "$size" -gt "$max" ] && max=$size; done
need_mib=$((3 * max + 512))
folder_mib=$((2 * opds * opd_mb * 1000000 / 1048576 + 512))
[ "$folder_mib" -gt "$need_mib" ] && need_mib=$folder_mib
free_mib=$(df -Pm "$tmp" | awk 'NR == 2 { print $4 }')
echo "disk: $((free_mib / 1024)) GiB free in $tmp; this run needs about $(((need_mib + 1023) / 1024)) GiB"
if [ "$free_mib" -lt "$need_mib" ]; then
	echo "run.sh: not enough free disk in $tmp: $free_mib MiB free, about $need_mib MiB needed; set TMPDIR to a bigger disk, or lower SIZES or OPDS" >&2
	exit 1
fi
avail_mib=$(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo)
if [ "$avail_mib" -lt "$((max + 1024))" ]; then
	echo "run.sh: warning: $avail_mib MiB of memory available; $max MiB of evidence may not stay in the page cache, and the runs then read the disk" >&2
fi

work=$(mktemp -d "$tmp/swanilai-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
trap 'echo "run.sh: failed at line $LINENO" >&2' ERR

echo "== Swanilai end-to-end benchmark (bench/run.sh)"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  $(nproc) cores, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/^Mem:/ { print $2 }') GiB of memory"
if git rev-parse --git-dir >/dev/null 2>&1; then
	echo "tree:     commit $(git rev-parse --short HEAD), $(git status --porcelain | wc -l) paths changed or new since"
fi
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo "settings: SIZES=\"$sizes\" OPDS=$opds OPD_MB=$opd_mb SMALL=$small FF_RUNS=$ff_runs SETTLE=$settle"
go build -o "$work/swanilai" .
s="$work/swanilai"

# R holds the results the summary reads: R[KEY.speed] (× sha256sum),
# R[KEY.rss] (KiB), R[KEY.mib] (MiB of input).
declare -A R

# measure CMD...: runs CMD, its output discarded; sets t_s (wall seconds),
# t_cpu (user + sys seconds) and t_kb (max RSS, KiB).
measure() {
	local t0 t1 u sy
	t0=$EPOCHREALTIME
	/usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >/dev/null
	t1=$EPOCHREALTIME
	read -r u sy t_kb <"$work/time"
	t_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
	t_cpu=$(awk -v u="$u" -v s="$sy" 'BEGIN { printf "%.2f", u + s }')
}

# settle: let the disk write back what came before.
settle() {
	sync
	sleep "$settle"
}

# pair KEY NAME CMD...: reads the files of the array inputs once, then times
# cat and sha256sum over them and CMD, and prints one line.
pair() {
	local key=$1 name=$2 bytes cat_s sha_s
	shift 2
	bytes=$(cat "${inputs[@]}" | wc -c)
	measure cat "${inputs[@]}"
	cat_s=$t_s
	measure sha256sum "${inputs[@]}"
	sha_s=$t_s
	measure "$@"
	R[$key.speed]=$(awk -v a="$sha_s" -v b="$t_s" 'BEGIN { printf "%.2f", a / b }')
	R[$key.rss]=$t_kb
	R[$key.mib]=$((bytes / 1048576))
	awk -v n="$name" -v b="$bytes" -v s="$t_s" -v c="$t_cpu" -v k="$t_kb" -v ss="$sha_s" -v cs="$cat_s" 'BEGIN {
		printf "  %-14s %7.1f MB %7.2f s %6.1f MB/s  CPU %6.2f s  max RSS %6.1f MiB | sha256sum %6.2f s  cat %5.2f s | %5.2f× sha256sum %5.2f× cat\n",
			n, b / 1e6, s, b / s / 1e6, c, k / 1024, ss, cs, ss / s, cs / s
	}'
}

# info NAME: prints the last measure without a pair.
info() {
	awk -v n="$1" -v s="$t_s" -v c="$t_cpu" -v k="$t_kb" 'BEGIN {
		printf "  %-14s %7.2f s  CPU %6.2f s  max RSS %6.1f MiB\n", n, s, c, k / 1024
	}'
}

size_of() { stat -c %s "$1"; }

# overhead WS EMPTY BYTES: the workspace's bytes beyond the files', in %.
overhead() {
	awk -v w="$(size_of "$1")" -v e="$2" -v b="$3" 'BEGIN { printf "%.1f", ((w - e) / b - 1) * 100 }'
}

newopd() { # PATH UNIT
	"$s" init -w "$1" --role opd --instansi "Pemerintah Kota Pekalongan" --unit "$2" --year 2025 --by bench >/dev/null
}
newcoordinator() { # PATH
	"$s" init -w "$1" --role coordinator --instansi "Pemerintah Kota Pekalongan" --unit "Tim Asesor Internal" --year 2025 --by bench >/dev/null
}

echo
echo "== demo workspaces"
mkdir "$work/demo"
measure "$s" demo -w "$work/demo/demo.swanilai" --by bench
info "demo (OPD)"
R[demo_opd.s]=$t_s R[demo_opd.rss]=$t_kb
measure "$s" demo -w "$work/demo/koordinator.swanilai" --role coordinator --by bench
info "demo (coord.)"
R[demo_coord.s]=$t_s R[demo_coord.rss]=$t_kb

echo
echo "== the window's first frame (bench/firstframe.sh)"
SWANILAI=$s RUNS=$ff_runs RESULT="$work/ff-opd" bench/firstframe.sh "$work/demo/demo.swanilai"
SWANILAI=$s RUNS=$ff_runs RESULT="$work/ff-coord" bench/firstframe.sh "$work/demo/koordinator.swanilai"
rm -rf "$work/demo"

echo
echo "== workspace overhead: $small small PDF-like files"
d="$work/small"
mkdir -p "$d/bukti"
# Sizes from 5 000 to 400 000 bytes, log-uniform, drawn by a Park–Miller
# generator (exact in awk's doubles, the same in every awk) from seed 20.
awk -v n="$small" 'BEGIN {
	x = 20
	for (i = 0; i < n; i++) {
		x = (x * 16807) % 2147483647
		printf "%d\n", int(5000 * exp(log(80) * x / 2147483647))
	}
}' >"$d/sizes"
i=0
while read -r n; do
	{
		printf '%%PDF-1.4\n'
		head -c $((n - 9)) /dev/urandom
	} >"$d/bukti/bukti-$i.pdf"
	i=$((i + 1))
done <"$d/sizes"
small_bytes=$(cat "$d"/bukti/*.pdf | wc -c)
newopd "$d/kerja.swanilai" "Dinas Komunikasi dan Informatika"
empty=$(size_of "$d/kerja.swanilai")
# The files spread over the 47 indicators, one attach per indicator.
for no in $(seq 1 47); do
	files=()
	for i in $(seq $((no - 1)) 47 $((small - 1))); do files+=("$d/bukti/bukti-$i.pdf"); done
	if [ ${#files[@]} -gt 0 ]; then
		"$s" attach -w "$d/kerja.swanilai" --by bench "$no" "${files[@]}" >/dev/null
	fi
done
R[small.overhead]=$(overhead "$d/kerja.swanilai" "$empty" "$small_bytes")
echo "  $small files, $small_bytes bytes (smallest $(sort -n "$d/sizes" | head -n1), largest $(sort -n "$d/sizes" | tail -n1)); empty workspace $empty bytes, after the attach $(size_of "$d/kerja.swanilai") bytes: overhead ${R[small.overhead]} %"
rm -rf "$d"

for size in $sizes; do
	nfiles=$(((size + 127) / 128))
	per=$((size * 1048576 / nfiles))
	d="$work/s$size"
	mkdir -p "$d/bukti"
	echo
	echo "== $size MiB of evidence: $nfiles files of $((per / 1048576)) MiB"
	for i in $(seq 1 "$nfiles"); do
		head -c "$per" /dev/urandom >"$d/bukti/pindaian-$i.pdf"
	done

	# attach: one file of the size, into an empty workspace.
	cat "$d"/bukti/*.pdf >"$d/pindaian.pdf"
	newopd "$d/attach.swanilai" "Dinas Komunikasi dan Informatika"
	empty=$(size_of "$d/attach.swanilai")
	settle
	inputs=("$d/pindaian.pdf")
	pair "attach.$size" attach "$s" attach -w "$d/attach.swanilai" --by bench 1 "$d/pindaian.pdf"
	R[attach.$size.overhead]=$(overhead "$d/attach.swanilai" "$empty" "$((per * nfiles))")
	echo "  (workspace overhead of the one file: ${R[attach.$size.overhead]} %)"
	rm -f "$d/pindaian.pdf" "$d/attach.swanilai"

	# The OPD's workspace: the files spread over the indicators.
	opd="$d/opd.swanilai"
	newopd "$opd" "Dinas Komunikasi dan Informatika"
	"$s" set -w "$opd" --by bench 1 3 --fakta "Pindaian dokumen (pindaian-1.pdf)" --analisis "Tingkat 3 terpenuhi." >/dev/null
	for i in $(seq 1 "$nfiles"); do
		"$s" attach -w "$opd" --by bench $(((i - 1) % 47 + 1)) "$d/bukti/pindaian-$i.pdf" >/dev/null
	done

	settle
	inputs=("$d"/bukti/*.pdf)
	pair "export.$size" export "$s" export -w "$opd" -o "$d/kiriman.swkirim"
	rm -rf "$d/bukti"

	inputs=("$d/kiriman.swkirim")
	pair "verify.$size" verify "$s" verify "$d/kiriman.swkirim"

	newcoordinator "$d/kota.swanilai"
	settle
	pair "import.$size" import "$s" import -w "$d/kota.swanilai" --by bench "$d/kiriman.swkirim"
	rm -f "$d/kota.swanilai" "$d/kiriman.swkirim"

	inputs=("$opd")
	pair "check.$size" "check" "$s" check -w "$opd"
	rm -rf "$d"
done

echo
echo "== folder import: $opds bundles of $opd_mb MB"
d="$work/folder"
mkdir -p "$d/usb"
# The OPDs: each answers five indicators with penjelasan, attaches one file
# and exports; its workspace is removed afterwards to keep the disk free.
for i in $(seq 1 "$opds"); do
	opd="$d/opd-$i.swanilai"
	newopd "$opd" "OPD Nomor $i"
	for k in 0 1 2 3 4; do
		no=$(((i * 5 + k) % 47 + 1))
		"$s" set -w "$opd" --by bench "$no" $((k % 5 + 1)) --fakta "Dokumen OPD $i untuk indikator $no (bukti-$i.pdf)." --analisis "Kriteria terpenuhi." >/dev/null
	done
	head -c $((opd_mb * 1000000)) /dev/urandom >"$d/bukti-$i.pdf"
	"$s" attach -w "$opd" --by bench $(((i * 5) % 47 + 1)) "$d/bukti-$i.pdf" >/dev/null
	"$s" export -w "$opd" -o "$d/usb/opd-$i.swkirim" >/dev/null
	rm -f "$opd" "$d/bukti-$i.pdf"
done
# The coordinator: the OPDs in its registry, each with its five indicators.
c="$d/kota.swanilai"
newcoordinator "$c"
for i in $(seq 1 "$opds"); do
	"$s" opd -w "$c" add --code "OPD-$i" --name "OPD Nomor $i" --by bench >/dev/null
	nos=""
	for k in 0 1 2 3 4; do nos="$nos,$(((i * 5 + k) % 47 + 1))"; done
	"$s" assign -w "$c" --opd "OPD-$i" --indicators "${nos#,}" --target-level 4 --by bench >/dev/null
done
settle
inputs=("$d"/usb/*.swkirim)
pair folder "folder import" "$s" import -w "$c" --by bench "$d/usb"
rm -rf "$d"

echo
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) at the end; the run took $((SECONDS - started)) s"

# The summary against the goals of issue 20.
echo
echo "== summary against the goals of issue 20"
echo
echo "| goal | measured | |"
echo "|---|---|---|"
met() { # OK: prints the verdict
	if [ "$1" = 1 ]; then echo "met"; else echo "**not met**"; fi
}
speed_row() { # KEY LABEL MIN
	[ -n "${R[$1.speed]:-}" ] || return 0
	local ok
	ok=$(awk -v v="${R[$1.speed]}" -v m="$3" 'BEGIN { print (v >= m) ? 1 : 0 }')
	echo "| $2 ≥ $3× sha256sum | ${R[$1.speed]}× | $(met "$ok") |"
}
rss_row() { # KEY LABEL MAX_MIB
	[ -n "${R[$1.rss]:-}" ] || return 0
	local ok mib
	mib=$(awk -v k="${R[$1.rss]}" 'BEGIN { printf "%.1f", k / 1024 }')
	ok=$(awk -v k="${R[$1.rss]}" -v m="$3" 'BEGIN { print (k <= m * 1024) ? 1 : 0 }')
	echo "| $2 peak ≤ $3 MiB | $mib MiB | $(met "$ok") |"
}
# size_label names a size in MiB as people read it: "256 MiB", "4 GiB".
size_label() {
	if [ "$1" -ge 1024 ] && [ $(($1 % 1024)) -eq 0 ]; then
		echo "$(($1 / 1024)) GiB"
	else
		echo "$1 MiB"
	fi
}
for size in $sizes; do
	label=$(size_label "$size")
	speed_row "attach.$size" "attach $label" 1.5
	speed_row "export.$size" "export $label" 2
	speed_row "import.$size" "import $label" 2
	speed_row "check.$size" "check $label" 2
	echo "| verify $label (no goal; the yardstick for the others) | ${R[verify.$size.speed]}× sha256sum | |"
done
speed_row folder "folder import $opds × $opd_mb MB" 2
for size in $sizes; do
	label=$(size_label "$size")
	rss_row "attach.$size" "attach $label" 64
	rss_row "export.$size" "export $label" 64
	rss_row "verify.$size" "verify $label" 64
	rss_row "import.$size" "import $label" 64
	rss_row "check.$size" "check $label" 100
done
rss_row folder "folder import $opds × $opd_mb MB" 64
ok=$(awk -v v="${R[small.overhead]}" 'BEGIN { print (v <= 5) ? 1 : 0 }')
echo "| workspace overhead, $small small PDFs ≤ 5 % | ${R[small.overhead]} % | $(met "$ok") |"
for size in $sizes; do
	echo "| workspace overhead, one file of $size MiB (no goal) | ${R[attach.$size.overhead]} % | |"
done
ff_rows() { # RESULT_FILE LABEL
	local w_med w_min w_max c_med c_min c_max k_med k_min k_max ok
	read -r w_med w_min w_max c_med c_min c_max k_med k_min k_max <"$1"
	ok=$(awk -v v="$c_med" 'BEGIN { print (v <= 0.35) ? 1 : 0 }')
	echo "| first frame, $2: CPU ≤ 0.35 s (median of $ff_runs) | $c_med s ($c_min–$c_max); wall $w_med ms ($w_min–$w_max) | $(met "$ok") |"
	ok=$(awk -v v="$k_med" 'BEGIN { print (v * 1024 <= 120e6) ? 1 : 0 }')
	echo "| first frame, $2: memory ≤ 120 MB (median) | $(awk -v a="$k_med" -v b="$k_min" -v c="$k_max" 'BEGIN { printf "%.0f MB (%.0f–%.0f)", a * 1.024 / 1000, b * 1.024 / 1000, c * 1.024 / 1000 }') | $(met "$ok") |"
}
ff_rows "$work/ff-opd" "OPD demo"
ff_rows "$work/ff-coord" "coordinator demo"
echo "| coordinator demo (README says 1,0 s; no goal) | $(awk -v s="${R[demo_coord.s]}" -v k="${R[demo_coord.rss]}" 'BEGIN { printf "%.2f s, peak %.1f MiB", s, k / 1024 }') | |"
echo "| OPD demo (no goal) | $(awk -v s="${R[demo_opd.s]}" -v k="${R[demo_opd.rss]}" 'BEGIN { printf "%.2f s, peak %.1f MiB", s, k / 1024 }') | |"
