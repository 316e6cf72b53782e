package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/report/bundle"
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

// opdReport renders the OPD report PDF that a submission carries as
// report.pdf: the same report the OPD prints, as of the export, with the
// coordinator's review it answers. Tests that are about the bundle put a
// small fixed PDF in its place.
var opdReport = func(ctx context.Context, w io.Writer, a *model.Assessment, opts report.Options) error {
	return report.WriteOPD(ctx, w, a, opts)
}

// exportSubmission writes the signed submission of the OPD workspace w to
// path and returns what went in. The key is opened with passphrase when it
// is protected; a wrong passphrase takes no revision number. The bundle
// appears under path only once it is complete, and the workspace records
// the export just before, so that the next export carries the history after
// this one. progress counts the bytes of the evidence and assessment
// written. `swanilai export` runs it; the window's "Export untuk
// koordinator" calls it with its progress bar and a cancellable ctx, after
// showing bundle.Summarize of w.ExportDraft() with its readiness findings.
func exportSubmission(ctx context.Context, w *store.Workspace, path, passphrase string, progress func(done, total int64)) (bundle.Summary, error) {
	signer, err := signerOf(w, passphrase)
	if err != nil {
		return bundle.Summary{}, err
	}
	review, err := w.Review()
	if err != nil {
		return bundle.Summary{}, err
	}
	sub, err := w.BeginExport()
	if err != nil {
		return bundle.Summary{}, err
	}
	created := time.Now()
	opts := bundle.WriteOptions{Signer: signer, Created: created, AppVersion: version, Evidence: w.OpenEvidence, Progress: progress,
		Report: func(out io.Writer) error {
			return opdReport(ctx, out, sub.Assessment, report.Options{Generated: created, Review: review})
		}}
	sum, err := bundle.WriteFile(ctx, path, sub, opts, w.RecordExport)
	if err != nil {
		return bundle.Summary{}, fmt.Errorf("%s: %w", path, err)
	}
	return sum, nil
}

// signerOf returns the signer of w's key, opened with passphrase when it
// is protected.
func signerOf(w *store.Workspace, passphrase string) (*bundle.Signer, error) {
	key, err := w.SigningKey()
	if err != nil {
		return nil, err
	}
	return bundle.NewSigner(key, passphrase)
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

// importOptions are the choices of an import besides the bundle.
type importOptions struct {
	by           string
	acceptNewKey bool
	// verifying and storing report the two passes over the bundle: the
	// members the workspace holds already checked, then the others checked
	// while they are stored.
	verifying, storing func(done, total int64)
}

// importBundle verifies the submission bundle file at path and imports it
// into the coordinator workspace w: the signature and manifest first, then
// the import rules against the workspace (pinned key, newer revision, same
// instansi, year and instrument), then every member, and only then does it
// make the submission visible, all or nothing. `swanilai import` runs it
// (through importMany) for each bundle; the window calls it after showing
// the fingerprint of a key about to be pinned (w.CheckImport of the
// bundle's Header tells whether it is new).
func importBundle(ctx context.Context, w *store.Workspace, path string, opts importOptions) (store.ImportResult, error) {
	rd, closeFile, err := openBundle(path, model.PublicKey{})
	if err != nil {
		return store.ImportResult{}, err
	}
	defer closeFile()
	return importSubmission(ctx, w, rd, opts)
}

// importSubmission imports the open submission bundle rd into w. Each byte
// of the bundle is read and hashed once: the members whose files the
// workspace holds already are checked by the reader, the others by the
// workspace while it stores them (a member that does not hash to the
// manifest's SHA-256 is then refused as tampered, and what was written for
// it is removed).
func importSubmission(ctx context.Context, w *store.Workspace, rd *bundle.Reader, opts importOptions) (store.ImportResult, error) {
	if _, err := w.CheckImport(rd.Header(), opts.acceptNewKey); err != nil {
		return store.ImportResult{}, err
	}
	var shas []string
	for _, f := range rd.Manifest().Files {
		if f.Path != bundle.AssessmentName {
			shas = append(shas, f.SHA256)
		}
	}
	held, err := w.Holds(shas)
	if err != nil {
		return store.ImportResult{}, err
	}
	sub, err := rd.VerifyExcept(ctx, w.Pack(), func(sha string) bool { return !held[sha] }, opts.verifying)
	if err != nil {
		return store.ImportResult{}, err
	}
	res, err := w.Import(ctx, sub, store.ImportOptions{By: opts.by, AcceptNewKey: opts.acceptNewKey, Open: rd.OpenSized, Progress: opts.storing})
	if errors.Is(err, store.ErrEvidenceCorrupt) {
		err = fmt.Errorf("%w (%w)", bundle.ErrTampered, err)
	}
	return res, err
}

// importAssignment verifies the open assignment bundle rd and has the OPD
// workspace w take the assignment: the coordinator's key is pinned on the
// first, and a later one signed by another key is refused unless
// opts.acceptNewKey.
func importAssignment(ctx context.Context, w *store.Workspace, rd *bundle.Reader, opts importOptions) (*model.Assignment, store.ReceiveResult, error) {
	a, _, err := rd.Assignment(ctx)
	if err != nil {
		return nil, store.ReceiveResult{}, err
	}
	res, err := w.ReceiveAssignment(*a, store.ReceiveOptions{By: opts.by, AcceptNewKey: opts.acceptNewKey})
	return a, res, err
}

// exportAssignment writes the signed assignment bundle of the OPD code of
// the coordinator workspace w to path and returns what went in: the
// indicators assigned to the OPD with their target levels, the timeline and
// the instrument pack, signed by the workspace's key, opened with
// passphrase when it is protected. deadline, when not zero, replaces the
// timeline's penilaian mandiri deadline. The bundle appears under path only
// once it is complete, and the workspace records it just before (by
// makes the record): the OPD's status becomes "assignment sent".
// `swanilai assign -o` runs it; the window's assignment matrix calls it for
// the OPD chosen.
func exportAssignment(ctx context.Context, w *store.Workspace, by, code, path, passphrase string, deadline model.Date) (model.Assignment, error) {
	a, err := w.AssignmentFor(code)
	if err != nil {
		return model.Assignment{}, err
	}
	if !deadline.IsZero() {
		a.Deadline = deadline
	}
	signer, err := signerOf(w, passphrase)
	if err != nil {
		return model.Assignment{}, err
	}
	opts := bundle.AssignmentOptions{Signer: signer, Created: time.Now(), AppVersion: version, Sender: w.Identity()}
	_, err = bundle.WriteAssignmentFile(ctx, path, &a, w.Pack(), opts, func(a *model.Assignment) error { return w.RecordAssignment(by, *a) })
	if err != nil {
		return model.Assignment{}, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// openBundle opens the bundle file at path, checked against key when it is
// not zero; the caller calls closeFile when done with the reader.
func openBundle(path string, key model.PublicKey) (rd *bundle.Reader, closeFile func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fileError(path, err)
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = errors.New("bukan berkas biasa / not a regular file")
	}
	if err == nil {
		rd, err = bundle.Open(f, st.Size(), bundle.OpenOptions{Key: key})
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return rd, func() { f.Close() }, nil
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
			return fileError(*out, err)
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
			return "", fileError(file, err)
		}
		defer f.Close()
		line, err := bufio.NewReaderSize(io.LimitReader(f, maxPassphraseFile), maxPassphraseFile).ReadString('\n')
		if err != nil && err != io.EOF {
			return "", fileError(file, err)
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
	sum, err := exportSubmission(ctx, w, *out, pass, progressTo(std, "menulis bundel / writing the bundle", bigWork))
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
			return fileError(*pubFile, err)
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
	rd, closeFile, err := openBundle(path, key)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer closeFile()
	m := rd.Manifest()
	pack, packNote := builtinPackOf(m.Instrument)
	keyNote := "BELUM DIPASTIKAN: bandingkan sidik kunci dengan OPD, mis. lewat telepon / NOT CONFIRMED: compare the fingerprint with the OPD, e.g. by phone"
	if rd.KeyGiven() {
		keyNote = "sama dengan / matches " + *pubFile
	}
	if w != nil {
		res, err := w.CheckImport(rd.Header(), false)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		pack, packNote = w.Pack(), ""
		keyNote = "sama dengan kunci yang disematkan / matches the pinned key"
		if res.NewOPD {
			keyNote = "OPD baru: kunci disematkan saat impor; bandingkan sidik kunci dengan OPD / new OPD: the key is pinned on import; compare the fingerprint with the OPD"
		}
	}
	sub, err := rd.Verify(ctx, pack, progressTo(std, "memeriksa / verifying", bigWork))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sum := bundle.Summarize(sub, model.Today())
	var size int64
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
	}
	fmt.Fprintf(std.out, "Bundel sah / bundle is valid: %s\n", path)
	row := func(label, format string, a ...any) {
		fmt.Fprintf(std.out, "  %-13s %s\n", label, fmt.Sprintf(format, a...))
	}
	row("Pengirim", "%s (%d)", sender(m.Sender.Instansi, m.Sender.Unit), m.Year)
	row("Sidik kunci", "%s (ID minisign %s)", rd.Key().Fingerprint(), rd.Key().IDText())
	row("Kunci", "%s", keyNote)
	row("Revisi", "%d, dibuat / made %s (bundel %s, Swanilai %s)", m.Revision, m.Created.Local().Format("2006-01-02 15:04"), m.BundleID, m.AppVersion)
	if pack != nil {
		row("Instrumen", "%s (%s, sha256 %.12s)", pack.Label(), m.Instrument.ID, m.Instrument.Hash)
	} else {
		row("Instrumen", "%s (sha256 %.12s) %s", m.Instrument.ID, m.Instrument.Hash, packNote)
	}
	row("Isi", "%d jawaban, %d tautan bukti dukung, %d berkas (%s), %d entri riwayat / answers, evidence links, files, history entries",
		sum.Answered, sum.Links, sum.Files, model.SizeText(sum.EvidenceBytes), sum.History)
	if sum.Report {
		row("Laporan PDF", "%s", model.SizeText(sum.ReportBytes))
	} else {
		row("Laporan PDF", "tidak ada / none")
	}
	row("Ukuran", "%s", model.SizeText(size))
	if w != nil {
		fmt.Fprintf(std.out, "Dapat diimpor ke / can be imported into %s\n", *coordinator)
	}
	return nil
}

// builtinPackOf returns the built-in pack that is exactly the instrument
// in, or nil and a note saying the contents are not checked against it.
func builtinPackOf(in bundle.Instrument) (*model.Pack, string) {
	p, err := model.BuiltinPack(in.ID)
	if err != nil || p.Hash() != in.Hash {
		return nil, "— tidak terpasang di Swanilai ini: jawaban tidak diperiksa terhadap instrumen / not installed in this Swanilai: answers not checked against the instrument"
	}
	return p, ""
}
