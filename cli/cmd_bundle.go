package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/roundtrip"
	"github.com/swanilai/swanilai/store"
)

func init() {
	register(&command{
		name:    "key",
		args:    "-w BERKAS show | export -o BERKAS.pub | passphrase [--passphrase-file F] [--new-passphrase-file F | --remove]",
		summary: "kunci penandatangan berkas kerja: tampilkan, ekspor kunci publik, atur kata sandi / the workspace's signing key: show, export the public key, set the passphrase",
		run:     runKey,
	})
	register(&command{
		name:    "export",
		args:    "-w BERKAS -o KELUARAN.swanilai.zip [--passphrase-file F]",
		summary: "ekspor kiriman bertanda tangan untuk koordinator / export a signed submission for the coordinator",
		run:     runExport,
	})
	register(&command{
		name:    "verify",
		args:    "BUNDEL [--pubkey BERKAS.pub] [-w BERKAS_KOORDINATOR]",
		summary: "periksa tanda tangan dan isi bundel / check a bundle's signature and contents",
		run:     runVerify,
	})
	register(&command{
		name:    "import",
		args:    "-w BERKAS BUNDEL_ATAU_FOLDER... [--accept-new-key]",
		summary: "impor kiriman OPD ke berkas kerja koordinator, atau penugasan dan reviu ke berkas kerja OPD / import OPD submissions into the coordinator's workspace, or an assignment or a review into an OPD's",
		run:     runImport,
	})
}

// keyPassphrase reads the passphrase of w's key when it is protected: the
// first line of file, or from the terminal; "" when the key has none.
func keyPassphrase(std stdio, w *store.Workspace, file string) (string, error) {
	key, err := w.SigningKey()
	if err != nil || !key.Protected() {
		return "", err
	}
	return passphrase(std, file, "passphrase-file", "Kata sandi kunci / key passphrase", false)
}

func runKey(_ context.Context, std stdio, args []string) error {
	c := findCommand("key")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, false)
	out := fs.String("o", "", "export: berkas kunci publik / public key file")
	passFile := fs.String("passphrase-file", "", "passphrase: berkas berisi kata sandi sekarang / file holding the current passphrase")
	newFile := fs.String("new-passphrase-file", "", "passphrase: berkas berisi kata sandi baru / file holding the new passphrase")
	remove := fs.Bool("remove", false, "passphrase: simpan kunci tanpa kata sandi / keep the key without a passphrase")
	pos, w, err := wf.parseOpen(fs, args, 1, 1)
	if err != nil {
		return err
	}
	defer w.Close()
	key, err := w.SigningKey()
	if err != nil {
		return err
	}
	switch pos[0] {
	case "show":
		id := w.Identity()
		yes := "tidak / no"
		if key.Protected() {
			yes = "ya / yes"
		}
		fmt.Fprintln(std.out, "Kunci penandatangan / signing key")
		fmt.Fprintf(std.out, "  %-13s %s (%d)\n", "Berkas kerja", sender(id.Instansi, id.Unit), id.Year)
		fmt.Fprintf(std.out, "  %-13s %s\n", "Sidik kunci", key.Public.Fingerprint())
		fmt.Fprintf(std.out, "  %-13s %s\n", "Kunci publik", bundle.PublicKeyText(key.Public))
		fmt.Fprintf(std.out, "  %-13s %s\n", "ID minisign", key.Public.IDText())
		fmt.Fprintf(std.out, "  %-13s %s\n", "Kata sandi", yes)
		fmt.Fprintf(std.out, "  %-13s %s\n", "Dibuat", key.Created.Local().Format("2006-01-02 15:04"))
		fmt.Fprintln(std.out, "\nBacakan sidik kunci kepada koordinator, mis. lewat telepon / read the fingerprint to the coordinator, e.g. by phone.")
		return nil
	case "export":
		if *out == "" {
			return usagef("sebutkan berkas kunci publik dengan -o / name the public key file with -o")
		}
		if err := os.WriteFile(*out, bundle.MarshalPublicKey(key.Public), 0o644); err != nil {
			return model.NewFileError(*out, err)
		}
		fmt.Fprintf(std.out, "Kunci publik ditulis / public key written: %s (sidik kunci / fingerprint %s)\n", *out, key.Public.Fingerprint())
		return nil
	case "passphrase":
		var old, next string
		if key.Protected() {
			if old, err = passphrase(std, *passFile, "passphrase-file", "Kata sandi sekarang / current passphrase", false); err != nil {
				return err
			}
		}
		if !*remove {
			if next, err = passphrase(std, *newFile, "new-passphrase-file", "Kata sandi baru / new passphrase", true); err != nil {
				return err
			}
		}
		protected, err := bundle.ProtectKey(key, old, next)
		if err != nil {
			return err
		}
		if err := w.SetSigningKey(protected); err != nil {
			return err
		}
		if protected.Protected() {
			fmt.Fprintln(std.out, "Kunci kini dilindungi kata sandi / the key is now protected by a passphrase.")
		} else {
			fmt.Fprintln(std.out, "Kunci kini disimpan tanpa kata sandi / the key is now kept without a passphrase.")
		}
		return nil
	}
	return usagef("pemakaian / usage: swanilai key %s", c.args)
}

// maxPassphraseFile bounds a passphrase file.
const maxPassphraseFile = 4 << 10

// passphrase reads a passphrase: the first line of file when one is named,
// else from the terminal without echo (twice when confirm); a command whose
// input is not a terminal must name a file with the flag named.
func passphrase(std stdio, file, flag, prompt string, confirm bool) (string, error) {
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return "", model.NewFileError(file, err)
		}
		defer f.Close()
		line, err := bufio.NewReaderSize(io.LimitReader(f, maxPassphraseFile), maxPassphraseFile).ReadString('\n')
		if err != nil && err != io.EOF {
			return "", model.NewFileError(file, err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" || !utf8.ValidString(line) {
			return "", fmt.Errorf("%s: baris pertama kosong atau bukan teks / the first line is empty or not text", file)
		}
		return line, nil
	}
	in, ok := std.in.(*os.File)
	if !ok || !term.IsTerminal(int(in.Fd())) {
		return "", usagef("kata sandi dibutuhkan: berikan --%s atau jalankan di terminal / a passphrase is needed: give --%s or run in a terminal", flag, flag)
	}
	read := func(prompt string) (string, error) {
		fmt.Fprintf(std.err, "%s: ", prompt)
		b, err := term.ReadPassword(int(in.Fd()))
		fmt.Fprintln(std.err)
		return string(b), err
	}
	p, err := read(prompt)
	if err != nil {
		return "", err
	}
	if confirm {
		again, err := read("Ulangi / repeat")
		if err != nil {
			return "", err
		}
		if again != p {
			return "", errors.New("kata sandi tidak sama / the passphrases differ")
		}
	}
	return p, nil
}

// sender is how an OPD reads in messages: "Dinas X — Pemerintah Kota Y".
func sender(instansi, unit string) string {
	if unit == "" {
		return instansi
	}
	return unit + " — " + instansi
}

func runExport(ctx context.Context, std stdio, args []string) error {
	c := findCommand("export")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, false)
	out := fs.String("o", "", "berkas bundel yang ditulis, mis. dinas-kominfo-2025.swanilai.zip / the bundle file to write")
	passFile := fs.String("passphrase-file", "", "berkas berisi kata sandi kunci / file holding the key's passphrase")
	_, w, err := wf.parseOpen(fs, args, 0, 0)
	if err != nil {
		return err
	}
	defer w.Close()
	if *out == "" {
		return usagef("sebutkan berkas bundel dengan -o / name the bundle file with -o")
	}
	pass, err := keyPassphrase(std, w, *passFile)
	if err != nil {
		return err
	}
	sum, err := roundtrip.ExportSubmission(ctx, w, *out, pass, progressTo(std, "menulis bundel / writing the bundle", bigWork))
	if err != nil {
		return err
	}
	fmt.Fprintf(std.out, "Bundel ditulis / bundle written: %s (%s)\n", *out, model.SizeText(sum.Size))
	row := func(label, format string, a ...any) {
		fmt.Fprintf(std.out, "  %-13s %s\n", label, fmt.Sprintf(format, a...))
	}
	row("Pengirim", "%s (%d)", sender(sum.Instansi, sum.Unit), sum.Year)
	row("Revisi", "%d (bundel %s)", sum.Revision, sum.BundleID)
	row("Instrumen", "%s (sha256 %.12s)", sum.InstrumentID, sum.InstrumentHash)
	row("Jawaban", "%d dari %d indikator / of %d indicators", sum.Answered, sum.Indicators, sum.Indicators)
	row("Bukti dukung", "%d tautan, %d berkas, %s / links, files", sum.Links, sum.Files, model.SizeText(sum.EvidenceBytes))
	if sum.Since.Seq == 0 {
		row("Riwayat", "%d entri sejak awal / entries from the start", sum.History)
	} else {
		row("Riwayat", "%d entri sejak ekspor sebelumnya / entries since the previous export", sum.History)
	}
	if sum.Report {
		row("Laporan PDF", "%s", model.SizeText(sum.ReportBytes))
	} else {
		row("Laporan PDF", "tidak disertakan / not included")
	}
	row("Sidik kunci", "%s", sum.Fingerprint)
	for _, f := range sum.Findings {
		fmt.Fprintf(std.out, "PERINGATAN / WARNING  indikator %d: %s / %s\n", f.Indicator, f.Text(), f.TextEN())
	}
	if n := len(sum.Findings); n > 0 {
		fmt.Fprintf(std.out, "%d temuan kesiapan; bundel tetap ditulis, periksa sebelum dikirim / %d readiness findings; the bundle was written, check before sending it\n", n, n)
	}
	return nil
}

func runVerify(ctx context.Context, std stdio, args []string) error {
	c := findCommand("verify")
	fs := newFlags(c, std)
	pubFile := fs.String("pubkey", "", "kunci publik minisign OPD (berkas .pub) yang harus menandatangani / the OPD's minisign public key that must have signed")
	coordinator := fs.String("w", "", "berkas kerja koordinator: periksa juga terhadap kunci yang disematkan dan aturan impor / coordinator workspace: also check against the pinned key and the import rules")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := wantArgs(c, pos, 1, 1); err != nil {
		return err
	}
	path := pos[0]
	var key model.PublicKey
	if *pubFile != "" {
		text, err := os.ReadFile(*pubFile)
		if err != nil {
			return model.NewFileError(*pubFile, err)
		}
		if key, err = bundle.ParsePublicKey(text); err != nil {
			return fmt.Errorf("%s: %w", *pubFile, err)
		}
	}
	var w *store.Workspace
	if *coordinator != "" {
		if w, err = store.Open(*coordinator); err != nil {
			return err
		}
		defer w.Close()
	}
	v, err := roundtrip.Verify(ctx, path, key, w, progressTo(std, "memeriksa / verifying", bigWork))
	if err != nil {
		return err
	}
	m, sum := v.Manifest, v.Summary
	keyNote := "BELUM DIPASTIKAN: bandingkan sidik kunci dengan OPD, mis. lewat telepon / NOT CONFIRMED: compare the fingerprint with the OPD, e.g. by phone"
	switch {
	case v.Workspace && v.NewOPD:
		keyNote = "OPD baru: kunci disematkan saat impor; bandingkan sidik kunci dengan OPD / new OPD: the key is pinned on import; compare the fingerprint with the OPD"
	case v.Workspace:
		keyNote = "sama dengan kunci yang disematkan / matches the pinned key"
	case v.KeyGiven:
		keyNote = "sama dengan / matches " + *pubFile
	}
	fmt.Fprintf(std.out, "Bundel sah / bundle is valid: %s\n", path)
	row := func(label, format string, a ...any) {
		fmt.Fprintf(std.out, "  %-13s %s\n", label, fmt.Sprintf(format, a...))
	}
	row("Pengirim", "%s (%d)", sender(m.Sender.Instansi, m.Sender.Unit), m.Year)
	row("Sidik kunci", "%s (ID minisign %s)", v.Key.Fingerprint(), v.Key.IDText())
	row("Kunci", "%s", keyNote)
	row("Revisi", "%d, dibuat / made %s (bundel %s, Swanilai %s)", m.Revision, m.Created.Local().Format("2006-01-02 15:04"), m.BundleID, m.AppVersion)
	if v.Pack != nil {
		row("Instrumen", "%s (%s, sha256 %.12s)", v.Pack.Label(), m.Instrument.ID, m.Instrument.Hash)
	} else {
		row("Instrumen", "%s (sha256 %.12s) %s", m.Instrument.ID, m.Instrument.Hash,
			"— tidak terpasang di Swanilai ini: jawaban tidak diperiksa terhadap instrumen / not installed in this Swanilai: answers not checked against the instrument")
	}
	row("Isi", "%d jawaban, %d tautan bukti dukung, %d berkas (%s), %d entri riwayat / answers, evidence links, files, history entries",
		sum.Answered, sum.Links, sum.Files, model.SizeText(sum.EvidenceBytes), sum.History)
	if sum.Report {
		row("Laporan PDF", "%s", model.SizeText(sum.ReportBytes))
	} else {
		row("Laporan PDF", "tidak ada / none")
	}
	row("Ukuran", "%s", model.SizeText(v.Size))
	if w != nil {
		fmt.Fprintf(std.out, "Dapat diimpor ke / can be imported into %s\n", *coordinator)
	}
	return nil
}
