package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"aead.dev/minisign"
	"github.com/google/uuid"

	"github.com/swanilai/swanilai/model"
)

// WriteOptions are the inputs of Write besides the submission.
type WriteOptions struct {
	// Signer signs the manifest; its key must be the submission's.
	Signer *Signer
	// Created is when the bundle is made; the manifest keeps it in UTC,
	// whole seconds. Required: the bundle layer never reads the clock.
	Created time.Time
	// AppVersion is the version of the Swanilai that writes the bundle.
	AppVersion string
	// BundleID is the bundle's UUID; empty makes a new random one.
	BundleID string
	// Report writes the OPD report PDF; nil leaves report.pdf out.
	Report func(w io.Writer) error
	// Evidence opens the stored bytes of an evidence file by SHA-256
	// (hex), e.g. store.Workspace.OpenEvidence. Each file is read once.
	Evidence func(sha string) (io.ReadCloser, error)
	// Progress, when not nil, is called with the bytes of assessment.json
	// and evidence written so far and their total.
	Progress func(done, total int64)
}

// Summary says what a submission bundle holds, for people to check before
// and after it is sent.
type Summary struct {
	BundleID string
	Revision int
	Created  time.Time
	// Who sends it, for which year and instrument.
	Instansi, Unit string
	Year           int
	InstrumentID   string
	InstrumentHash string
	// Fingerprint is the fingerprint of the signing key (model.PublicKey).
	Fingerprint string
	// Answered counts the answered indicators of Indicators.
	Answered, Indicators int
	// Links counts the evidence links, Files the distinct evidence files
	// and EvidenceBytes their size.
	Links, Files  int
	EvidenceBytes int64
	// History counts the history entries since the previous export, Since
	// names where they start (the zero ChainHead: from the beginning).
	History int
	Since   model.ChainHead
	// Findings are the readiness findings of the assessment: things an
	// assessor would reject. They do not stop an export.
	Findings []model.Finding
	// Report says whether report.pdf is in the bundle, ReportBytes its size.
	Report      bool
	ReportBytes int64
	// Size is the size of the bundle file; 0 before it is written.
	Size int64
}

// Summarize says what a bundle of s would hold, with the readiness
// findings as of today. It reads no evidence bytes.
func Summarize(s *model.Submission, today model.Date) Summary {
	a := s.Assessment
	id := a.Identity
	sum := Summary{BundleID: s.BundleID, Revision: s.Revision, Created: s.Created, Instansi: id.Instansi, Unit: id.Unit,
		Year: id.Year, InstrumentID: id.InstrumentID, InstrumentHash: id.InstrumentHash, Fingerprint: s.Key.Fingerprint(),
		Links: len(a.Evidence), History: len(s.History), Since: s.Since, Report: s.Report != "", ReportBytes: s.ReportSize}
	if a.Pack != nil {
		sum.Indicators = len(a.Pack.IndicatorNumbers())
		sum.Findings = a.Readiness(today)
	}
	for _, ans := range a.Answers {
		if ans.Value != model.Unanswered {
			sum.Answered++
		}
	}
	sum.Files, sum.EvidenceBytes = model.EvidenceTotals(a.Evidence)
	return sum
}

// evidenceFiles returns the size of each distinct evidence file by SHA-256.
func evidenceFiles(a *model.Assessment) map[string]int64 {
	files := map[string]int64{}
	for _, e := range a.Evidence {
		files[e.SHA256] = e.Size
	}
	return files
}

// Write writes the bundle of s to w: assessment.json, report.pdf when
// opts.Report is set, each evidence file once, then the manifest listing
// the SHA-256 and size of each of them and its signature. Every member is
// hashed while it is written and evidence is streamed from opts.Evidence,
// so memory stays flat however large the evidence; the bytes of each
// evidence file must hash to its SHA-256. Write fills in s's BundleID,
// Created, AppVersion, Report, ReportSize, Manifest and Signature, and
// returns the summary with the readiness findings as of the day of
// opts.Created. It stops with ctx's error when ctx is done.
func Write(ctx context.Context, w io.Writer, s *model.Submission, opts WriteOptions) (Summary, error) {
	if err := checkWrite(s, &opts); err != nil {
		return Summary{}, err
	}
	contents, err := encodeContents(s)
	if err != nil {
		return Summary{}, err
	}
	files := evidenceFiles(s.Assessment)
	shas := slices.Sorted(maps.Keys(files))
	bw := &bundleWriter{ctx: ctx, zw: zip.NewWriter(w), created: s.Created, progress: opts.Progress, total: int64(len(contents))}
	for _, n := range files {
		bw.total += n
	}
	f, err := bw.member(AssessmentName, zip.Deflate, true, func(w io.Writer) error {
		_, err := w.Write(contents)
		return err
	})
	if err != nil {
		return Summary{}, err
	}
	listed := []File{f}
	if opts.Report != nil {
		f, err := bw.member(ReportName, zip.Deflate, false, opts.Report)
		if err != nil {
			return Summary{}, fmt.Errorf("%s: %w", ReportName, err)
		}
		s.Report, s.ReportSize = f.SHA256, f.Size
		listed = append(listed, f)
	}
	for _, sha := range shas {
		f, err := bw.member(EvidencePrefix+sha, zip.Store, true, func(w io.Writer) error {
			return copyEvidence(ctx, w, sha, opts.Evidence)
		})
		if err == nil && (f.SHA256 != sha || f.Size != files[sha]) {
			err = model.Detailf("err.bundle.evidence_hash", "SHA", f.SHA256, "Size", f.Size)
		}
		if err != nil {
			return Summary{}, model.Within(err, "err.bundle.evidence", "SHA", model.ShortSHA(sha))
		}
		listed = append(listed, f)
	}
	id := s.Assessment.Identity
	m := &Manifest{Format: FormatName, Version: FormatVersion, Kind: KindSubmission, BundleID: s.BundleID, Revision: s.Revision,
		Created: s.Created, AppVersion: s.AppVersion, Year: id.Year, Instrument: Instrument{ID: id.InstrumentID, Hash: id.InstrumentHash},
		Sender: Sender{Instansi: id.Instansi, Unit: id.Unit, WorkspaceID: id.ID, PublicKey: PublicKeyText(s.Key)}, Files: listed}
	if s.Manifest, s.Signature, err = bw.seal(m, opts.Signer); err != nil {
		return Summary{}, err
	}
	return Summarize(s, model.DateOf(opts.Created)), nil
}

// checkWrite checks the inputs of Write and fills in the defaults.
func checkWrite(s *model.Submission, opts *WriteOptions) error {
	switch {
	case s == nil || s.Assessment == nil:
		return errors.New("bundle: no submission")
	case s.Assessment.Identity.Role != model.RoleOPD:
		return model.ErrNotOPD
	case strings.TrimSpace(s.Assessment.Identity.Unit) == "":
		return model.ErrNoUnit
	case s.Revision < 1:
		return fmt.Errorf("bundle: revision %d", s.Revision)
	case opts.Signer == nil:
		return errors.New("bundle: no signer")
	case !opts.Signer.public.Equal(s.Key):
		return fmt.Errorf("bundle: the signer's key %s is not the submission's %s", opts.Signer.public.IDText(), s.Key.IDText())
	case opts.Created.IsZero():
		return errors.New("bundle: no creation time")
	case len(s.Assessment.Evidence) > 0 && opts.Evidence == nil:
		return errors.New("bundle: no source for the evidence")
	}
	if files := len(evidenceFiles(s.Assessment)); files > MaxMembers-4 {
		return model.Errorf(ErrTooLarge, "err.bundle.too_large.evidence", "Files", files, "Max", MaxMembers-4)
	}
	if opts.BundleID == "" {
		opts.BundleID = uuid.NewString()
	}
	s.BundleID, s.AppVersion = opts.BundleID, opts.AppVersion
	s.Created = opts.Created.UTC().Truncate(time.Second)
	s.Report, s.ReportSize = "", 0
	return nil
}

// seal writes the manifest m, its files sorted, and its signature by
// signer as the last members, and closes the zip. It returns the
// manifest's bytes and the signature.
func (bw *bundleWriter) seal(m *Manifest, signer *Signer) (manifest, sig []byte, err error) {
	slices.SortFunc(m.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	if manifest, err = m.marshal(); err != nil {
		return nil, nil, err
	}
	sig = sign(signer, manifest, trustedComment(m))
	for _, raw := range []struct {
		name   string
		method uint16
		data   []byte
	}{{ManifestName, zip.Deflate, manifest}, {SignatureName, zip.Store, sig}} {
		if _, err := bw.member(raw.name, raw.method, false, func(w io.Writer) error {
			_, err := w.Write(raw.data)
			return err
		}); err != nil {
			return nil, nil, err
		}
	}
	return manifest, sig, bw.zw.Close()
}

// bundleWriter writes the members of a bundle.
type bundleWriter struct {
	ctx         context.Context
	zw          *zip.Writer
	created     time.Time
	progress    func(done, total int64)
	done, total int64
}

// member writes one member with fill and returns its listing; counted says
// whether its bytes count for progress.
func (bw *bundleWriter) member(name string, method uint16, counted bool, fill func(io.Writer) error) (File, error) {
	if err := bw.ctx.Err(); err != nil {
		return File{}, err
	}
	h := &zip.FileHeader{Name: name, Method: method, Modified: bw.created}
	h.SetMode(0o644)
	zf, err := bw.zw.CreateHeader(h)
	if err != nil {
		return File{}, err
	}
	hw := &hashingWriter{w: zf, h: sha256.New()}
	if counted {
		hw.progress = bw.advance
	}
	if err := fill(hw); err != nil {
		return File{}, err
	}
	return File{Path: name, SHA256: hex.EncodeToString(hw.h.Sum(nil)), Size: hw.n}, nil
}

func (bw *bundleWriter) advance(n int64) {
	bw.done += n
	if bw.progress != nil {
		bw.progress(bw.done, bw.total)
	}
}

// hashingWriter hashes and counts what passes through it.
type hashingWriter struct {
	w        io.Writer
	h        hash.Hash
	n        int64
	progress func(n int64)
}

func (hw *hashingWriter) Write(p []byte) (int, error) {
	n, err := hw.w.Write(p)
	hw.h.Write(p[:n])
	hw.n += int64(n)
	if hw.progress != nil {
		hw.progress(int64(n))
	}
	return n, err
}

// copyBuffer is the size of the reads when a member is copied.
const copyBuffer = 256 << 10

// copyEvidence copies the evidence file sha from open to w.
func copyEvidence(ctx context.Context, w io.Writer, sha string, open func(string) (io.ReadCloser, error)) error {
	rc, err := open(sha)
	if err != nil {
		return err
	}
	defer rc.Close()
	return copyCtx(ctx, w, rc, nil)
}

// copyCtx copies r to w, checking ctx between reads; count, when not nil,
// is told the bytes of each read.
func copyCtx(ctx context.Context, w io.Writer, r io.Reader, count func(int64)) error {
	buf := make([]byte, copyBuffer)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, err := r.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return werr
			}
			if count != nil {
				count(int64(n))
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// sign returns the minisign signature of the manifest bytes, prehashed (the
// "ED" form), with the trusted comment given. The untrusted comment carries
// the public key, so that a bundle can be checked on its own. It names a
// key only: whether that key is the OPD's is decided by pinning or by
// comparing fingerprints.
func sign(s *Signer, manifest []byte, trusted string) []byte {
	r := minisign.NewReader(bytes.NewReader(manifest))
	_, _ = io.Copy(io.Discard, r) // reading a bytes.Reader cannot fail
	trusted = strings.NewReplacer("\n", " ", "\r", " ").Replace(trusted)
	return r.SignWithComments(s.private, truncate(trusted, maxText), untrustedPrefix+PublicKeyText(s.public))
}

// trustedComment is the signed comment of a bundle's signature, as
// `minisign -V` prints it: minisign's timestamp and file name, then the
// kind, revision and sender.
func trustedComment(m *Manifest) string {
	who := oneLine(m.Sender.Instansi)
	if m.Sender.Unit != "" {
		who = oneLine(m.Sender.Unit) + ", " + who
	}
	return fmt.Sprintf("timestamp:%d\tfile:%s\tswanilai %s revisi %d: %s (%s)", m.Created.Unix(), ManifestName, m.Kind,
		m.Revision, who, m.BundleID)
}

// untrustedPrefix starts the untrusted comment of a bundle signature; the
// public key follows.
const untrustedPrefix = "signature from swanilai key "

// oneLine replaces control characters (tabs, line breaks) by spaces: a
// minisign comment is one line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// truncate cuts s to at most n bytes on a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// WriteFile writes the bundle of s to a temporary file beside path, syncs
// it to disk, calls commit (when not nil) and only then renames it to path,
// replacing what was there: path is never a half-written bundle. An error,
// from commit too, leaves path as it was. The summary's Size is the file's.
func WriteFile(ctx context.Context, path string, s *model.Submission, opts WriteOptions, commit func(*model.Submission) error) (Summary, error) {
	var sum Summary
	size, err := writeFile(path, func(w io.Writer) (err error) {
		sum, err = Write(ctx, w, s, opts)
		return err
	}, func() error {
		if commit == nil {
			return nil
		}
		return commit(s)
	})
	if err != nil {
		return Summary{}, err
	}
	sum.Size = size
	return sum, nil
}

// writeFile writes a file through write into a temporary file beside
// path, syncs it to disk, calls commit and only then renames it to path,
// replacing what was there. An error, from commit too, leaves path as it
// was. It returns the size of the file.
func writeFile(path string, write func(io.Writer) error, commit func() error) (int64, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, model.DestinationError(path, err)
	}
	tmp := f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	var size int64
	if err == nil {
		var st os.FileInfo
		if st, err = f.Stat(); err == nil {
			size = st.Size()
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = commit()
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return 0, err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return size, nil
}
