package roundtrip

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/swanilai/swanilai/assets"
	"github.com/swanilai/swanilai/internal/platform"
	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/store"
)

// OPDReport renders the OPD report PDF that a submission carries as
// report.pdf: the same report the OPD prints, as of the export, with the
// coordinator's review it answers. Tests that are about the bundle put a
// small fixed PDF in its place.
var OPDReport = func(ctx context.Context, w io.Writer, a *model.Assessment, opts report.Options) error {
	return report.WriteOPD(ctx, w, a, opts)
}

// ExportSubmission writes the signed submission of the OPD workspace w to
// path and returns what went in. The key is opened with passphrase when it
// is protected; a wrong passphrase takes no revision number. The bundle
// appears under path only once it is complete, and the workspace records
// the export just before, so that the next export carries the history after
// this one. progress counts the bytes of the evidence and assessment
// written. `swanilai export` runs it; the window's "Export untuk
// koordinator" calls it with its progress bar and a cancellable ctx, after
// showing bundle.Summarize of w.ExportDraft() with its readiness findings.
func ExportSubmission(ctx context.Context, w *store.Workspace, path, passphrase string, progress func(done, total int64)) (bundle.Summary, error) {
	if err := fitsFileSystem(w, path); err != nil {
		return bundle.Summary{}, err
	}
	signer, err := Signer(w, passphrase)
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
	opts := bundle.WriteOptions{Signer: signer, Created: created, AppVersion: assets.Version, Evidence: w.OpenEvidence, Progress: progress,
		Report: func(out io.Writer) error {
			return OPDReport(ctx, out, sub.Assessment, report.Options{Generated: created, Review: review})
		}}
	sum, err := bundle.WriteFile(ctx, path, sub, opts, w.RecordExport)
	if err != nil {
		return bundle.Summary{}, fmt.Errorf("%s: %w", path, err)
	}
	return sum, nil
}

// ErrTooLargeForDisk reports a bundle that would not fit the file size
// limit of the file system it is written to: a FAT32 USB stick holds no
// file of 4 GiB or more.
var ErrTooLargeForDisk = model.NewCode("err.roundtrip.too_large_for_disk")

// fileSystemOf tells the file system a bundle is written to; tests put
// a FAT32 stick in its place.
var fileSystemOf = platform.FileSystemOf

// bundleOverhead is more than a bundle holds besides its evidence: the
// manifest, its signature, assessment.json (at most 32 MiB) and the PDF
// report, with the zip's headers.
const bundleOverhead = 64 << 20

// fitsFileSystem refuses, before anything is written or a revision taken,
// the export of w to path when the folder is on a file system whose file
// size limit the bundle could pass.
func fitsFileSystem(w *store.Workspace, path string) error {
	dir := filepath.Dir(path)
	fs := fileSystemOf(dir)
	if fs.MaxFile <= 0 {
		return nil
	}
	draft, err := w.ExportDraft()
	if err != nil {
		return err
	}
	_, size := model.EvidenceTotals(draft.Assessment.Evidence)
	if size+bundleOverhead <= fs.MaxFile {
		return nil
	}
	return model.Errorf(ErrTooLargeForDisk, "err.roundtrip.too_large_for_disk.detail",
		"Dir", dir, "FS", fs.Name, "Size", model.SizeText(size), "Max", model.SizeText(fs.MaxFile))
}

// Signer returns the signer of w's key, opened with passphrase when it is
// protected.
func Signer(w *store.Workspace, passphrase string) (*bundle.Signer, error) {
	key, err := w.SigningKey()
	if err != nil {
		return nil, err
	}
	return bundle.NewSigner(key, passphrase)
}

// ImportOptions are the choices of an import besides the bundle.
type ImportOptions struct {
	// By names who imports, for the history.
	By string
	// AcceptNewKey takes a bundle signed by a new key of its sender, once
	// its fingerprint is confirmed with the sender.
	AcceptNewKey bool
	// Verifying and Storing report the two passes over the bundle: the
	// members the workspace holds already checked, then the others checked
	// while they are stored.
	Verifying, Storing func(done, total int64)
}

// ImportBundle verifies the submission bundle file at path and imports it
// into the coordinator workspace w, in the order of checks of the package
// doc, all or nothing. `swanilai import` runs it (through ImportMany) for
// each bundle.
func ImportBundle(ctx context.Context, w *store.Workspace, path string, opts ImportOptions) (store.ImportResult, error) {
	rd, closeFile, err := OpenBundle(path, model.PublicKey{})
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
func importSubmission(ctx context.Context, w *store.Workspace, rd *bundle.Reader, opts ImportOptions) (store.ImportResult, error) {
	if _, err := w.CheckImport(rd.Header(), opts.AcceptNewKey); err != nil {
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
	sub, err := rd.VerifyExcept(ctx, w.Pack(), func(sha string) bool { return !held[sha] }, opts.Verifying)
	if err != nil {
		return store.ImportResult{}, err
	}
	res, err := w.Import(ctx, sub, store.ImportOptions{By: opts.By, AcceptNewKey: opts.AcceptNewKey, Open: rd.OpenSized, Progress: opts.Storing})
	if errors.Is(err, store.ErrEvidenceCorrupt) {
		err = fmt.Errorf("%w (%w)", bundle.ErrTampered, err)
	}
	return res, err
}

// OpenBundle opens the bundle file at path, checked against key when it is
// not zero; the caller calls closeFile when done with the reader.
func OpenBundle(path string, key model.PublicKey) (rd *bundle.Reader, closeFile func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, model.NewFileError(path, err)
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
