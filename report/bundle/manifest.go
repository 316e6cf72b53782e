package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/swanilai/swanilai/model"
)

// The bundle format this build writes and reads.
const (
	// FormatName is the manifest's "format": it tells a Swanilai bundle
	// manifest from any other JSON.
	FormatName = "swanilai.bundle"
	// FormatVersion is the manifest's "version". A reader refuses a newer
	// version (ErrVersion): it cannot know what the new fields mean.
	FormatVersion = 1
	// KindSubmission is an OPD's submission to its coordinator.
	KindSubmission = "submission"
	// KindAssignment is a coordinator's assignment to one OPD.
	KindAssignment = "assignment"
	// KindReview is a coordinator's review of one OPD's submission.
	KindReview = "review"
)

// Member names.
const (
	ManifestName   = "manifest.json"
	SignatureName  = "manifest.json.minisig"
	AssessmentName = "assessment.json"
	ReportName     = "report.pdf"
	// EvidencePrefix is followed by the SHA-256 of the file in lower-case
	// hex.
	EvidencePrefix = "evidence/"
	// AssignmentName and InstrumentName are the members of an assignment
	// bundle: what the OPD is asked, and the instrument pack's canonical
	// JSON.
	AssignmentName = "assignment.json"
	InstrumentName = "instrument.json"
	// ReviewName is the member of a review bundle: the decisions on each
	// reviewed answer.
	ReviewName = "review.json"
)

// Limits of what a reader accepts. A bundle that exceeds one is refused
// before its contents are read.
const (
	// MaxMembers bounds the members of a bundle: 4 096, far above the
	// evidence of one OPD.
	MaxMembers = 4096
	// MaxMemberSize bounds the declared size of one member: 1 TiB.
	MaxMemberSize = 1 << 40
	// maxManifest bounds manifest.json: a manifest of MaxMembers members
	// takes some 600 kB.
	maxManifest = 1 << 20
	// maxSignature bounds manifest.json.minisig: a signature with its two
	// comments takes under 2 kB.
	maxSignature = 4 << 10
	// maxAssessment bounds assessment.json, which is read into memory.
	maxAssessment = 32 << 20
	// maxAssignment bounds assignment.json and maxInstrument
	// instrument.json, which are read into memory; the built-in packs take
	// under 500 kB.
	maxAssignment = 1 << 20
	maxInstrument = 16 << 20
	// maxReview bounds review.json, which is read into memory: the notes
	// of every indicator of the instrument take under 500 kB.
	maxReview = 4 << 20
	// maxText bounds the trusted comment and names in the manifest.
	maxText = 1000
)

// Manifest is the signed table of contents of a bundle.
type Manifest struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Kind    string `json:"kind"`
	// BundleID is a UUID; Revision numbers the sender's exports from 1.
	BundleID string `json:"bundle_id"`
	Revision int    `json:"revision"`
	// Created is when the bundle was made, UTC, whole seconds.
	Created    time.Time  `json:"created"`
	AppVersion string     `json:"app_version"`
	Year       int        `json:"year"`
	Instrument Instrument `json:"instrument"`
	Sender     Sender     `json:"sender"`
	// Files lists every member but the manifest and its signature, ordered
	// by path.
	Files []File `json:"files"`
}

// Instrument names the instrument pack a submission is filled against.
type Instrument struct {
	ID string `json:"id"`
	// Hash is the pack's content hash (model.Pack.Hash).
	Hash string `json:"hash"`
}

// Sender is who made the bundle.
type Sender struct {
	Instansi string `json:"instansi"`
	Unit     string `json:"unit"`
	// WorkspaceID is the UUID of the sender's workspace.
	WorkspaceID string `json:"workspace_id"`
	// PublicKey is the signing key as minisign's base64 line (PublicKeyText).
	PublicKey string `json:"public_key"`
}

// File is one member of the bundle with its SHA-256 (lower-case hex) and
// size in bytes.
type File struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// File returns the listed member with the given path.
func (m *Manifest) File(path string) (File, bool) {
	i, ok := slices.BinarySearchFunc(m.Files, path, func(f File, p string) int { return strings.Compare(f.Path, p) })
	if !ok {
		return File{}, false
	}
	return m.Files[i], true
}

// marshal returns the manifest's bytes as they are signed.
func (m *Manifest) marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("bundle: cannot encode the manifest: %w", err)
	}
	return buf.Bytes(), nil
}

// ParseManifest reads a manifest strictly: one JSON object, no field the
// format does not define, no field twice, nothing after it; then every
// value is checked. A manifest of a newer format version is refused with
// ErrVersion, any other fault with ErrManifest.
func ParseManifest(data []byte) (*Manifest, error) {
	bad := func(err error) (*Manifest, error) {
		return nil, fmt.Errorf("%w: %v", ErrManifest, err)
	}
	if len(data) > maxManifest {
		return nil, model.Errorf(ErrManifest, "err.bundle.manifest.over", "Max", maxManifest)
	}
	if err := uniqueKeys(data); err != nil {
		return bad(err)
	}
	// The format and version come first: a newer version may well have
	// fields this build does not know, and must be told as such.
	var head struct {
		Format  string          `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return bad(err)
	}
	if head.Format != FormatName {
		return nil, model.Errorf(ErrManifest, "err.bundle.manifest.format", "Format", fmt.Sprintf("%q", head.Format), "Want", fmt.Sprintf("%q", FormatName))
	}
	var version int
	if err := json.Unmarshal(head.Version, &version); err != nil {
		return nil, model.Errorf(ErrManifest, "err.bundle.manifest.version", "Version", string(head.Version))
	}
	switch {
	case version > FormatVersion:
		return nil, model.Errorf(ErrVersion, "err.bundle.version.newer", "Version", version, "Max", FormatVersion)
	case version < 1:
		return nil, model.Errorf(ErrManifest, "err.bundle.manifest.version", "Version", version)
	}
	var m Manifest
	if err := decodeStrict(data, &m); err != nil {
		return bad(err)
	}
	if err := m.check(); err != nil {
		return bad(err)
	}
	return &m, nil
}

// check checks the values of a decoded manifest, in this order: the kind,
// bundle id, revision, times, year, instrument and app version; the
// sender; the number of files; the sender's key; and the files.
func (m *Manifest) check() error {
	if err := m.checkHead(); err != nil {
		return err
	}
	if err := m.checkSender(); err != nil {
		return err
	}
	if len(m.Files) > MaxMembers-2 {
		return model.Detailf("err.bundle.manifest.files", "Files", len(m.Files))
	}
	if _, err := ParsePublicKey([]byte(m.Sender.PublicKey)); err != nil {
		return fmt.Errorf("public_key: %v", err)
	}
	return m.checkFiles()
}

// checkHead checks what the manifest says of the bundle itself and of its
// instrument.
func (m *Manifest) checkHead() error {
	switch {
	case m.Kind != KindSubmission && m.Kind != KindAssignment && m.Kind != KindReview:
		return model.Detailf("err.bundle.manifest.kind", "Kind", fmt.Sprintf("%q", m.Kind))
	case !isUUID(m.BundleID):
		return fmt.Errorf("bundle_id %q", m.BundleID)
	case m.Revision < 1:
		return model.Detailf("err.bundle.manifest.revision", "Revision", m.Revision)
	case m.Created.IsZero() || m.Created.Year() < 2000 || m.Created.Year() > 2200:
		return fmt.Errorf("created %v", m.Created)
	case m.Year < 2000 || m.Year > 2100:
		return model.Detailf("err.bundle.manifest.year", "Year", m.Year)
	case m.Instrument.ID == "" || !plainText(m.Instrument.ID) || !model.IsHexSHA256(m.Instrument.Hash):
		return model.Detailf("err.bundle.manifest.instrument", "Instrument", fmt.Sprintf("%q", m.Instrument.ID), "Hash", fmt.Sprintf("%q", m.Instrument.Hash))
	case !plainText(m.AppVersion):
		return fmt.Errorf("app_version %q", m.AppVersion)
	}
	return nil
}

// checkSender checks the sender's names and workspace id; a submission
// names its OPD.
func (m *Manifest) checkSender() error {
	switch {
	case strings.TrimSpace(m.Sender.Instansi) == "" || !plainText(m.Sender.Instansi):
		return fmt.Errorf("instansi %q", m.Sender.Instansi)
	case (m.Kind == KindSubmission && strings.TrimSpace(m.Sender.Unit) == "") || !plainText(m.Sender.Unit):
		return fmt.Errorf("unit %q", m.Sender.Unit)
	case !isUUID(m.Sender.WorkspaceID):
		return fmt.Errorf("workspace_id %q", m.Sender.WorkspaceID)
	}
	return nil
}

// checkFiles checks the listed files, in order: each one's entry, then
// whether a bundle of its kind holds such a member, and last that the
// members its kind requires are all there.
func (m *Manifest) checkFiles() error {
	required := m.requiredMembers()
	for i, f := range m.Files {
		var prev *File
		if i > 0 {
			prev = &m.Files[i-1]
		}
		if err := checkFileEntry(prev, f); err != nil {
			return err
		}
		if _, ok := required[f.Path]; ok {
			required[f.Path] = true
			continue
		}
		if err := m.checkOptionalMember(f); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(required)) {
		if !required[name] {
			return model.Detailf("err.bundle.manifest.missing", "Member", name)
		}
	}
	return nil
}

// requiredMembers returns the members a bundle of m's kind must list, each
// marked not seen yet.
func (m *Manifest) requiredMembers() map[string]bool {
	switch m.Kind {
	case KindAssignment:
		return map[string]bool{AssignmentName: false, InstrumentName: false}
	case KindReview:
		return map[string]bool{ReviewName: false}
	}
	return map[string]bool{AssessmentName: false}
}

// checkFileEntry checks one listed file f, which follows prev (nil for the
// first): a safe name after prev's, a SHA-256 and a size.
func checkFileEntry(prev *File, f File) error {
	if err := checkName(f.Path); err != nil {
		return fmt.Errorf("files: %v: %q", err, f.Path)
	}
	if prev != nil && prev.Path >= f.Path {
		return model.Detailf("err.bundle.manifest.order", "Path", fmt.Sprintf("%q", f.Path))
	}
	if !model.IsHexSHA256(f.SHA256) {
		return fmt.Errorf("files: %s: sha256 %q", f.Path, f.SHA256)
	}
	if f.Size < 0 || f.Size > MaxMemberSize {
		return model.Detailf("err.bundle.manifest.size", "Path", f.Path, "Size", f.Size)
	}
	return nil
}

// checkOptionalMember checks that f, a file its kind does not require, is
// one a bundle of m's kind may hold: a submission's report or evidence
// files, each of the latter named by its SHA-256 and not empty.
func (m *Manifest) checkOptionalMember(f File) error {
	switch {
	case m.Kind != KindSubmission:
		return model.Detailf("err.bundle.manifest.not_member_of_kind", "Path", fmt.Sprintf("%q", f.Path), "Kind", m.Kind)
	case f.Path == ReportName:
	case strings.HasPrefix(f.Path, EvidencePrefix):
		if f.Path[len(EvidencePrefix):] != f.SHA256 || f.Size == 0 {
			return fmt.Errorf("files: %s: sha256 %s, %d B", f.Path, f.SHA256, f.Size)
		}
	default:
		return model.Detailf("err.bundle.manifest.not_member", "Path", fmt.Sprintf("%q", f.Path))
	}
	return nil
}

// sentAs reports whether a bundle's document with the given instansi,
// year, instrument, revision and time of sending is the one the manifest
// describes.
func (m *Manifest) sentAs(instansi string, year int, instrumentID, instrumentHash string, revision int, sent time.Time) bool {
	return instansi == m.Sender.Instansi && year == m.Year && instrumentID == m.Instrument.ID &&
		instrumentHash == m.Instrument.Hash && revision == m.Revision && sent.Equal(m.Created)
}

// decodeStrict decodes data, one JSON object, into v: no field v does not
// define, no field twice, nothing after the object.
func decodeStrict(data []byte, v any) error {
	if err := uniqueKeys(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "json: "))
	}
	if _, err := dec.Token(); err != io.EOF {
		return model.Detailf("err.bundle.trailing_data")
	}
	return nil
}

// uniqueKeys refuses JSON in which an object has the same key twice: the
// decoder would silently keep the last, and another reader the first.
func uniqueKeys(data []byte) error {
	type frame struct {
		keys map[string]bool // nil for an array
		key  bool            // in an object, the next token is a key
	}
	var stack []*frame
	top := func() *frame {
		if len(stack) == 0 {
			return nil
		}
		return stack[len(stack)-1]
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{':
				stack = append(stack, &frame{keys: map[string]bool{}, key: true})
				continue
			case '[':
				stack = append(stack, &frame{})
				continue
			}
			stack = stack[:len(stack)-1]
		} else if f := top(); f != nil && f.keys != nil && f.key {
			k := tok.(string)
			if f.keys[k] {
				return model.Detailf("err.bundle.field_twice", "Field", fmt.Sprintf("%q", k))
			}
			f.keys[k], f.key = true, false
			continue
		}
		// A value ended; in an object a key comes next.
		if f := top(); f != nil && f.keys != nil {
			f.key = true
		}
	}
}

// checkName refuses member names that are not safe on any system. A safe
// name may still be unknown; the manifest decides which names belong.
func checkName(name string) error {
	switch {
	case name == "" || len(name) > 255 || !utf8.ValidString(name):
		return ErrBadName
	case strings.ContainsAny(name, `\:`), strings.HasPrefix(name, "/"):
		return ErrBadName
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return ErrBadName
		}
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return ErrBadName
		}
	}
	return nil
}

// plainText reports whether s is one line of valid UTF-8 of at most maxText
// bytes.
func plainText(s string) bool {
	if len(s) > maxText || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}

func isUUID(s string) bool {
	u, err := uuid.Parse(s)
	return err == nil && u.String() == s
}
