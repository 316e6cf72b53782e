package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"strings"

	"aead.dev/minisign"

	"github.com/swanilai/swanilai/model"
)

// directoryBudget bounds what reading the zip's central directory may read:
// the end record search (up to 65 kB) and a directory of MaxMembers members
// fit many times over, and a hostile directory of millions of entries is
// refused before it fills memory.
const directoryBudget = 2<<20 + 65<<10

// errDirectory stops reading a central directory over its budget.
var errDirectory = model.NewCode("err.bundle.directory")

// OpenOptions are the inputs of Open besides the file.
type OpenOptions struct {
	// Key, when not zero, is the key the bundle must be signed with: the
	// OPD's pinned key, or one the user gives. When zero, the bundle is
	// checked with the key it names itself, which proves it intact but not
	// who sent it: the caller pins the key or has its fingerprint compared.
	Key model.PublicKey
}

// Reader is an open bundle whose signature and manifest are verified and
// whose member names are checked. Its members' contents are checked by
// Verify, or one by one as OpenFile reads them.
type Reader struct {
	files     map[string]*zip.File
	manifest  *Manifest
	raw       []byte // manifest.json as signed
	sigText   []byte // manifest.json.minisig
	signature minisign.Signature
	key       model.PublicKey
	given     bool
}

// Open reads the bundle in r, of size bytes, up to its manifest, in this
// order, stopping at the first failure: the zip's directory (ErrNotBundle,
// ErrTooManyMembers, ErrNested); the signature, parsed strictly
// (ErrNoSignature, ErrSignatureFormat); the key, opts.Key or else the one
// the signature names (ErrWrongKey, ErrUnknownKey); the signature over the
// raw manifest bytes (ErrBadSignature); only then the manifest (ErrManifest,
// ErrVersion, ErrKeyMismatch); and every member's name, type and size in
// the zip's directory against the manifest (ErrBadName, ErrNotRegular,
// ErrDuplicate, ErrUnlisted, ErrMissing, ErrUnsupported, ErrSize). It reads
// no member but the manifest and its signature.
func Open(r io.ReaderAt, size int64, opts OpenOptions) (*Reader, error) {
	if size == 0 {
		return nil, model.Errorf(ErrNotBundle, "err.bundle.not_bundle.empty")
	}
	br := &budgetReader{r: r, left: directoryBudget, limited: true}
	zr, err := zip.NewReader(br, size)
	br.limited = false
	switch {
	case errors.Is(err, errDirectory):
		return nil, fmt.Errorf("%w: %v", ErrTooManyMembers, err)
	case err != nil:
		return nil, fmt.Errorf("%w: %v", ErrNotBundle, strings.TrimPrefix(err.Error(), "zip: "))
	case len(zr.File) > MaxMembers:
		return nil, model.Errorf(ErrTooManyMembers, "err.bundle.too_many_members.count", "Members", len(zr.File), "Max", MaxMembers)
	}
	rd := &Reader{files: map[string]*zip.File{}}
	manifest, sig, err := findSigned(zr.File)
	if err != nil {
		return nil, err
	}
	if rd.sigText, err = readSmall(sig, maxSignature); err != nil {
		return nil, err
	}
	if rd.signature, err = parseSignature(rd.sigText); err != nil {
		return nil, err
	}
	if rd.key, rd.given, err = signingKey(rd.signature, opts.Key); err != nil {
		return nil, err
	}
	if rd.raw, err = readSmall(manifest, maxManifest); err != nil {
		return nil, err
	}
	pk, err := minisignPublic(rd.key)
	if err != nil || !minisign.Verify(pk, rd.raw, rd.sigText) {
		return nil, ErrBadSignature
	}
	if rd.manifest, err = ParseManifest(rd.raw); err != nil {
		return nil, err
	}
	if named, err := ParsePublicKey([]byte(rd.manifest.Sender.PublicKey)); err != nil || !named.Equal(rd.key) {
		return nil, fmt.Errorf("%w: %s", ErrKeyMismatch, named.Fingerprint())
	}
	if err := rd.checkMembers(zr.File); err != nil {
		return nil, err
	}
	return rd, nil
}

// budgetReader fails reads beyond a budget while limited.
type budgetReader struct {
	r       io.ReaderAt
	left    int64
	limited bool
}

func (b *budgetReader) ReadAt(p []byte, off int64) (int, error) {
	if b.limited {
		if int64(len(p)) > b.left {
			return 0, errDirectory
		}
		b.left -= int64(len(p))
	}
	return b.r.ReadAt(p, off)
}

// findSigned finds manifest.json and its signature, each exactly once.
func findSigned(files []*zip.File) (manifest, sig *zip.File, err error) {
	for _, f := range files {
		var slot **zip.File
		switch f.Name {
		case ManifestName:
			slot = &manifest
		case SignatureName:
			slot = &sig
		default:
			continue
		}
		if *slot != nil {
			return nil, nil, &MemberError{Path: f.Name, Err: ErrDuplicate}
		}
		*slot = f
	}
	switch {
	case manifest == nil && sig == nil:
		if len(files) == 1 && strings.HasSuffix(strings.ToLower(files[0].Name), ".zip") {
			return nil, nil, fmt.Errorf("%w: %s", ErrNested, quoteName(files[0].Name))
		}
		return nil, nil, model.Errorf(ErrNotBundle, "err.bundle.not_bundle.no_manifest", "Member", ManifestName)
	case sig == nil:
		return nil, nil, ErrNoSignature
	case manifest == nil:
		return nil, nil, &MemberError{Path: ManifestName, Err: ErrMissing}
	}
	return manifest, sig, nil
}

// readSmall reads a member of at most max bytes into memory.
func readSmall(f *zip.File, max int64) ([]byte, error) {
	if err := plainMember(f); err != nil {
		return nil, err
	}
	if f.UncompressedSize64 > uint64(max) {
		return nil, &MemberError{Path: f.Name, Err: ErrSize, Detail: fmt.Sprintf("maks. / max. %d B", max)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &MemberError{Path: f.Name, Err: ErrNotBundle, Detail: err.Error()}
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, max+1))
	switch {
	case err != nil:
		return nil, memberReadError(f.Name, err)
	case int64(len(data)) > max:
		return nil, &MemberError{Path: f.Name, Err: ErrSize, Detail: fmt.Sprintf("maks. / max. %d B", max)}
	}
	return data, nil
}

// plainMember refuses a member that is not a regular file, is encrypted or
// is compressed in a way a bundle does not use.
func plainMember(f *zip.File) error {
	switch {
	case strings.HasSuffix(f.Name, "/") || f.Mode().Type() != 0:
		return &MemberError{Path: f.Name, Err: ErrNotRegular}
	case f.Flags&0x1 != 0:
		return &MemberError{Path: f.Name, Err: ErrUnsupported, Detail: "terenkripsi / encrypted"}
	case f.Method != zip.Store && f.Method != zip.Deflate:
		return &MemberError{Path: f.Name, Err: ErrUnsupported, Detail: fmt.Sprintf("metode / method %d", f.Method)}
	}
	return nil
}

// parseSignature reads a minisign signature strictly: the prehashed form,
// and written exactly as minisign writes it, byte for byte.
func parseSignature(text []byte) (minisign.Signature, error) {
	var s minisign.Signature
	if err := s.UnmarshalText(text); err != nil {
		return s, fmt.Errorf("%w: %s", ErrSignatureFormat, strings.TrimPrefix(err.Error(), "minisign: "))
	}
	if s.Algorithm != minisign.HashEdDSA {
		return s, model.Errorf(ErrSignatureFormat, "err.bundle.signature_format.not_prehashed")
	}
	if again, err := s.MarshalText(); err != nil || !bytes.Equal(again, text) {
		return s, model.Errorf(ErrSignatureFormat, "err.bundle.signature_format.not_canonical")
	}
	return s, nil
}

// signingKey returns the key to verify s with: want when given, else the
// key the untrusted comment names.
func signingKey(s minisign.Signature, want model.PublicKey) (key model.PublicKey, given bool, err error) {
	if !want.IsZero() {
		if s.KeyID != want.ID {
			return key, true, model.Errorf(ErrWrongKey, "err.bundle.wrong_key.expected", "Key", fmt.Sprintf("%016X", s.KeyID), "Want", want.IDText())
		}
		return want, true, nil
	}
	text, ok := strings.CutPrefix(s.UntrustedComment, untrustedPrefix)
	if !ok {
		return key, false, ErrUnknownKey
	}
	if key, err = ParsePublicKey([]byte(text)); err != nil {
		return key, false, fmt.Errorf("%w: %v", ErrUnknownKey, err)
	}
	return key, false, nil
}

// checkMembers checks every member of the zip against the manifest, by its
// directory entry alone.
func (rd *Reader) checkMembers(files []*zip.File) error {
	for _, f := range files {
		name := f.Name
		if err := checkName(strings.TrimSuffix(name, "/")); err != nil {
			return &MemberError{Path: name, Err: err}
		}
		if err := plainMember(f); err != nil {
			return err
		}
		if rd.files[name] != nil {
			return &MemberError{Path: name, Err: ErrDuplicate}
		}
		rd.files[name] = f
		if name == ManifestName || name == SignatureName {
			continue
		}
		listed, ok := rd.manifest.File(name)
		if !ok {
			return &MemberError{Path: name, Err: ErrUnlisted}
		}
		if f.UncompressedSize64 != uint64(listed.Size) {
			return &MemberError{Path: name, Err: ErrSize, Detail: fmt.Sprintf("zip %d B, manifest %d B", f.UncompressedSize64, listed.Size)}
		}
	}
	for _, listed := range rd.manifest.Files {
		if rd.files[listed.Path] == nil {
			return &MemberError{Path: listed.Path, Err: ErrMissing}
		}
	}
	return nil
}

// Manifest returns the bundle's verified manifest.
func (rd *Reader) Manifest() Manifest { return *rd.manifest }

// Key returns the key the bundle is signed with.
func (rd *Reader) Key() model.PublicKey { return rd.key }

// KeyGiven reports whether the bundle was checked against a key the caller
// gave (OpenOptions.Key) rather than the one it names itself.
func (rd *Reader) KeyGiven() bool { return rd.given }

// TrustedComment returns the signed comment of the signature, as
// `minisign -V` prints it.
func (rd *Reader) TrustedComment() string { return rd.signature.TrustedComment }

// Header returns the submission of a submission bundle as far as the
// manifest tells it: who sends it, revision, key, instrument; without its
// contents. Look at Manifest().Kind first: an assignment bundle has no
// submission. A coordinator checks
// it against its workspace (store.Workspace.CheckImport) before reading
// gigabytes.
func (rd *Reader) Header() *model.Submission {
	m := rd.manifest
	return &model.Submission{BundleID: m.BundleID, Revision: m.Revision, Created: m.Created, AppVersion: m.AppVersion, Key: rd.key,
		Assessment: &model.Assessment{
			Identity: model.Identity{ID: m.Sender.WorkspaceID, Role: model.RoleOPD, Instansi: m.Sender.Instansi, Unit: m.Sender.Unit,
				Year: m.Year, InstrumentID: m.Instrument.ID, InstrumentHash: m.Instrument.Hash},
			Answers: map[int]model.Answer{}, Revision: m.Revision, KeyFingerprint: rd.key.Fingerprint()},
		Manifest: bytes.Clone(rd.raw), Signature: bytes.Clone(rd.sigText)}
}

// Verify reads every member of a submission bundle, each with a hard cap
// at its declared size, and checks its SHA-256 against the manifest
// (ErrSize, ErrTampered); assessment.json first, which it parses strictly
// and checks against the manifest and, when p is not nil, against the
// instrument (ErrContents). A p of another instrument than the bundle's is
// refused (*model.SenderMismatchError), and so is a bundle of another kind
// (ErrKind). It returns the whole submission. progress, when not nil, is
// called with the bytes read and the total.
func (rd *Reader) Verify(ctx context.Context, p *model.Pack, progress func(done, total int64)) (*model.Submission, error) {
	return rd.VerifyExcept(ctx, p, nil, progress)
}

// VerifyExcept is Verify that leaves unread the files (evidence or the
// report) for which except, when not nil, reports true of their SHA-256.
// Each byte is then read once however it is used: the caller must read
// each of those files in full, through OpenFile or through OpenSized with
// its own hash, before it trusts the submission. An import does so with
// the files the workspace does not hold yet, which it hashes while it
// stores them.
func (rd *Reader) VerifyExcept(ctx context.Context, p *model.Pack, except func(sha string) bool, progress func(done, total int64)) (*model.Submission, error) {
	m := rd.manifest
	if m.Kind != KindSubmission {
		return nil, model.Errorf(ErrKind, "err.bundle.kind.want", "Kind", m.Kind, "Want", KindSubmission)
	}
	if p != nil && p.Hash() != m.Instrument.Hash {
		return nil, &model.SenderMismatchError{What: model.MismatchInstrument, Want: p.ID + " " + p.ShortHash(), Got: m.Instrument.ID + " " + m.Instrument.Hash[:12]}
	}
	skip := func(f File) bool { return f.Path != AssessmentName && except != nil && except(f.SHA256) }
	var total, done int64
	for _, f := range m.Files {
		if !skip(f) {
			total += f.Size
		}
	}
	count := func(n int64) {
		done += n
		if progress != nil {
			progress(done, total)
		}
	}
	af, _ := m.File(AssessmentName)
	if af.Size > maxAssessment {
		return nil, &MemberError{Path: AssessmentName, Err: ErrSize, Detail: fmt.Sprintf("maks. / max. %d B", maxAssessment)}
	}
	var contents bytes.Buffer
	if err := rd.check(ctx, af, &contents, count); err != nil {
		return nil, err
	}
	s, err := decodeContents(contents.Bytes(), m, p)
	if err != nil {
		return nil, err
	}
	for _, f := range m.Files {
		if f.Path == ReportName {
			s.Report, s.ReportSize = f.SHA256, f.Size
		}
		if f.Path == AssessmentName || skip(f) {
			continue
		}
		if err := rd.check(ctx, f, io.Discard, count); err != nil {
			return nil, err
		}
	}
	h := rd.Header()
	s.BundleID, s.Revision, s.Created, s.AppVersion, s.Key = h.BundleID, h.Revision, h.Created, h.AppVersion, h.Key
	s.Assessment.KeyFingerprint = rd.key.Fingerprint()
	s.Manifest, s.Signature = h.Manifest, h.Signature
	return s, nil
}

// check copies member f to w, checked, stopping when ctx is done.
func (rd *Reader) check(ctx context.Context, f File, w io.Writer, count func(int64)) error {
	r, err := rd.open(f)
	if err != nil {
		return err
	}
	defer r.Close()
	return copyCtx(ctx, w, r, count)
}

// OpenFile opens the member holding the bytes with the given SHA-256 (hex):
// an evidence file or the report. The reader stops at the declared size and
// returns a *MemberError (ErrSize, ErrTampered) instead of io.EOF when the
// bytes are not the ones the manifest lists.
func (rd *Reader) OpenFile(sha string) (io.ReadCloser, error) { return rd.openBySum(sha, true) }

// OpenSized is OpenFile for a caller that hashes the bytes itself, as the
// workspace's import does while it stores them under their SHA-256: it
// still stops at the declared size (ErrSize), but leaves the hash to the
// caller rather than computing it twice.
func (rd *Reader) OpenSized(sha string) (io.ReadCloser, error) { return rd.openBySum(sha, false) }

func (rd *Reader) openBySum(sha string, hashed bool) (io.ReadCloser, error) {
	f, ok := rd.manifest.File(EvidencePrefix + sha)
	if !ok {
		if f, ok = rd.manifest.File(ReportName); !ok || f.SHA256 != sha {
			return nil, fmt.Errorf("%.12s: %w", sha, model.ErrNoSuchEvidence)
		}
	}
	r, err := rd.open(f)
	if err == nil && !hashed {
		r.h = nil
	}
	return r, err
}

func (rd *Reader) open(f File) (*memberReader, error) {
	zf := rd.files[f.Path]
	rc, err := zf.Open()
	if err != nil {
		return nil, damaged(f.Path, err)
	}
	return &memberReader{f: f, rc: rc, h: sha256.New()}, nil
}

// memberReader reads a member up to one byte past its declared size,
// hashing it, and at the end reports whether it is the listed file. With
// no hash it checks the size only.
type memberReader struct {
	f   File
	rc  io.ReadCloser
	h   hash.Hash // nil: not hashed here
	n   int64
	err error
}

func (r *memberReader) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	// Never ask for more than one byte past the declared size: a member
	// that inflates further is stopped here, not after gigabytes.
	if rest := r.f.Size + 1 - r.n; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := r.rc.Read(p)
	if r.h != nil {
		r.h.Write(p[:n])
	}
	r.n += int64(n)
	switch {
	case r.n > r.f.Size:
		r.err = &MemberError{Path: r.f.Path, Err: ErrSize, Detail: fmt.Sprintf("lebih dari / more than %d B", r.f.Size)}
		return 0, r.err
	case err == io.EOF:
		switch {
		case r.n != r.f.Size:
			r.err = &MemberError{Path: r.f.Path, Err: ErrSize, Detail: fmt.Sprintf("%d B, bukan / not %d B", r.n, r.f.Size)}
		case r.h != nil && hex.EncodeToString(r.h.Sum(nil)) != r.f.SHA256:
			r.err = &MemberError{Path: r.f.Path, Err: ErrTampered}
		default:
			r.err = io.EOF
		}
	case err != nil:
		r.err = memberReadError(r.f.Path, err)
	}
	if r.err != nil && r.err != io.EOF {
		return 0, r.err
	}
	return n, r.err
}

func (r *memberReader) Close() error { return r.rc.Close() }

// memberReadError words an error met while inflating a member.
func memberReadError(path string, err error) error {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, zip.ErrFormat):
		// archive/zip refuses bytes past the size in the zip's directory,
		// which the manifest's size already equals.
		return &MemberError{Path: path, Err: ErrSize, Detail: "lebih besar / larger"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &MemberError{Path: path, Err: ErrSize, Detail: "terpotong / cut short"}
	case errors.Is(err, zip.ErrChecksum), errors.As(err, &corrupt):
		return &MemberError{Path: path, Err: ErrTampered, Detail: strings.TrimPrefix(err.Error(), "zip: ")}
	}
	return damaged(path, err)
}

// damaged words a member the zip cannot give back: its entry points at
// bytes that are not there or not a member. An error of the file system
// itself (a USB stick pulled out) is passed on as it is.
func damaged(path string, err error) error {
	if _, ok := errors.AsType[*fs.PathError](err); ok {
		return fmt.Errorf("%s: %w", path, err)
	}
	return &MemberError{Path: path, Err: ErrTampered, Detail: strings.TrimPrefix(err.Error(), "zip: ")}
}
