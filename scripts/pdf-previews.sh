#!/usr/bin/env bash
# pdf-previews.sh renders the sample reports (report/internal/sample: an OPD
# that answered part of the instrument, one that answered all 47 at length,
# an empty workspace, the recap of 60 OPDs) and turns the pages worth looking
# at into PNG images with pdftoppm:
#
#   scripts/pdf-previews.sh [DIR]      (default: build/previews)
#
# For each report it writes NAME.pdf and NAME-PAGE.png for the cover, the
# summary, the first per-indicator page and a page where a block goes on,
# the Berita Acara, and the pages of the OPD × indicator matrix.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/previews}
resolution=${RESOLUTION:-70}

if ! command -v pdftoppm >/dev/null || ! command -v pdftotext >/dev/null; then
	scripts/dev.sh deps test # installs poppler-utils
fi
mkdir -p "$out"
rm -f "$out"/*.png
go run ./report/internal/preview -out "$out"

# pages PDF TEXT... prints the numbers of the pages that contain any TEXT.
pages() {
	local pdf=$1 n i
	shift
	n=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	for ((i = 1; i <= n; i++)); do
		local text
		text=$(pdftotext -f "$i" -l "$i" -enc UTF-8 "$pdf" - | tr -s ' \n' ' ')
		for want in "$@"; do
			if [[ $text == *"$want"* ]]; then
				echo "$i"
				break
			fi
		done
	done
}

# png PDF PAGE... renders the pages to PNG beside the PDF.
png() {
	local pdf=$1 p
	shift
	for p in $(printf '%s\n' "$@" | sort -nu); do
		pdftoppm -r "$resolution" -png -f "$p" -l "$p" -singlefile "$pdf" "${pdf%.pdf}-$(printf %02d "$p")"
	done
}

for pdf in "$out"/opd-*.pdf; do
	last=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	mapfile -t blocks < <(pages "$pdf" "Penjelasan per Indikator")
	mapfile -t cont < <(pages "$pdf" "(lanjutan)")
	png "$pdf" 1 2 3 "${blocks[@]:0:1}" "${cont[@]:0:1}" "$last"
done
for pdf in "$out"/recap-*.pdf; do
	mapfile -t recap < <(pages "$pdf" "Matriks OPD" "Rekap per OPD" "Rincian per OPD")
	png "$pdf" 1 2 3 4 "${recap[@]:0:4}"
done
ls -1 "$out"
