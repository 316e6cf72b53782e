#!/bin/sh
# install.sh installs Swanilai for the current user, without root: the
# program in ~/.local/bin, its menu entry, its icon and its file types
# (double-clicking a .swanilai workspace opens it, a .swkirim bundle opens
# its import). Run it from the unpacked folder: ./install.sh
# ./install.sh --uninstall removes them again; workspaces stay.
set -eu
cd "$(dirname "$0")"
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
if [ "${1:-}" = "--uninstall" ]; then
	rm -f "$bin/swanilai" "$data/applications/swanilai.desktop" "$data/mime/packages/swanilai-mime.xml"
	for f in "$data"/icons/hicolor/*/apps/swanilai.png; do rm -f "$f"; done
else
	mkdir -p "$bin" "$data/applications" "$data/mime/packages"
	install -m 755 swanilai "$bin/swanilai"
	sed "s|^Exec=swanilai|Exec=$bin/swanilai|" swanilai.desktop >"$data/applications/swanilai.desktop"
	install -m 644 swanilai-mime.xml "$data/mime/packages/swanilai-mime.xml"
	for f in icons/icon-*.png; do
		size=${f#icons/icon-}
		size=${size%.png}
		mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
		install -m 644 "$f" "$data/icons/hicolor/${size}x${size}/apps/swanilai.png"
	done
fi
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
if [ "${1:-}" = "--uninstall" ]; then
	echo "Swanilai dihapus / removed (berkas kerja tetap / workspaces stay)."
else
	echo "Swanilai terpasang di / installed in $bin/swanilai; cari \"Swanilai\" di menu / find \"Swanilai\" in the menu."
fi
