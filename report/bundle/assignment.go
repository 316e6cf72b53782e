package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/swanilai/swanilai/model"
)

// The format of assignment.json.
const (
	assignmentFormat  = "swanilai.assignment"
	assignmentVersion = 1
)

// assignmentDoc is assignment.json: what the coordinator asks of one OPD.
// Values are decimals with two places (4.00); dates are YYYY-MM-DD or
// empty; the coordinator's key is minisign's base64 line.
type assignmentDoc struct {
	Format         string           `json:"format"`
	Version        int              `json:"version"`
	Code           string           `json:"code"`
	Name           string           `json:"name"`
	Revision       int              `json:"revision"`
	Instansi       string           `json:"instansi"`
	Year           int              `json:"year"`
	InstrumentID   string           `json:"instrument_id"`
	InstrumentHash string           `json:"instrument_hash"`
	Indicators     []int            `json:"indicators"`
	Targets        []targetDoc      `json:"targets"`
	TargetIndex    model.Hundredths `json:"target_index"`
	Deadline       string           `json:"deadline"`
	Timeline       []milestoneDoc   `json:"timeline"`
	Coordinator    string           `json:"coordinator"`
	Sent           time.Time        `json:"sent"`
}

type milestoneDoc struct {
	Stage string `json:"stage"`
	Due   string `json:"due"`
}

// AssignmentOptions are the inputs of WriteAssignment besides the
// assignment and its instrument.
type AssignmentOptions struct {
	// Signer signs the manifest; its key must be the assignment's
	// Coordinator.
	Signer *Signer
	// Created is when the bundle is made; the manifest and the
	// assignment's Sent keep it in UTC, whole seconds. Required.
	Created time.Time
	// AppVersion is the version of the Swanilai that writes the bundle.
	AppVersion string
	// BundleID is the bundle's UUID; empty makes a new random one.
	BundleID string
	// Sender is the coordinator's workspace, which the manifest names as
	// the sender: its instansi, its unit (the coordinator's team) and ID.
	Sender model.Identity
}

// WriteAssignment writes the assignment bundle of a to w: assignment.json,
// instrument.json (the canonical JSON of p, the pack a is made against, so
// that the OPD gets the exact instrument whatever its Swanilai has built
// in), then the manifest and its signature. It sets a.Sent to the bundle's
// creation time. It stops with ctx's error when ctx is done.
func WriteAssignment(ctx context.Context, w io.Writer, a *model.Assignment, p *model.Pack, opts AssignmentOptions) error {
	id := opts.Sender
	switch {
	case a == nil || p == nil:
		return errors.New("bundle: no assignment or instrument")
	case id.Role != model.RoleCoordinator:
		return model.ErrCoordinatorOnly
	case p.Hash() != a.InstrumentHash || p.ID != a.InstrumentID || id.InstrumentHash != p.Hash():
		return fmt.Errorf("bundle: the assignment is for instrument %s %.12s, the pack is %s %s", a.InstrumentID, a.InstrumentHash, p.ID, p.ShortHash())
	case !sameText(id.Instansi, a.Instansi) || id.Year != a.Year:
		return fmt.Errorf("bundle: the assignment is for %s %d, the sender is %s %d", a.Instansi, a.Year, id.Instansi, id.Year)
	case len(a.Indicators) == 0:
		return model.ErrNothingAssigned
	case a.Revision < 1:
		return fmt.Errorf("bundle: assignment revision %d", a.Revision)
	case opts.Signer == nil || !opts.Signer.public.Equal(a.Coordinator):
		return errors.New("bundle: the signer's key is not the assignment's coordinator key")
	case opts.Created.IsZero():
		return errors.New("bundle: no creation time")
	}
	if opts.BundleID == "" {
		opts.BundleID = uuid.NewString()
	}
	a.Sent = opts.Created.UTC().Truncate(time.Second)
	contents, err := encodeAssignment(a)
	if err != nil {
		return err
	}
	pack, err := p.CanonicalJSON()
	if err != nil {
		return err
	}
	bw := &bundleWriter{ctx: ctx, zw: zip.NewWriter(w), created: a.Sent}
	var listed []File
	for _, m := range []struct {
		name string
		data []byte
	}{{AssignmentName, contents}, {InstrumentName, pack}} {
		f, err := bw.member(m.name, zip.Deflate, false, func(w io.Writer) error {
			_, err := w.Write(m.data)
			return err
		})
		if err != nil {
			return err
		}
		listed = append(listed, f)
	}
	m := &Manifest{Format: FormatName, Version: FormatVersion, Kind: KindAssignment, BundleID: opts.BundleID, Revision: a.Revision,
		Created: a.Sent, AppVersion: opts.AppVersion, Year: a.Year, Instrument: Instrument{ID: p.ID, Hash: p.Hash()},
		Sender: Sender{Instansi: id.Instansi, Unit: id.Unit, WorkspaceID: id.ID, PublicKey: PublicKeyText(a.Coordinator)}, Files: listed}
	_, _, err = bw.seal(m, opts.Signer)
	return err
}

// WriteAssignmentFile writes the assignment bundle of a to path as
// WriteFile writes a submission: complete under its name or not at all,
// with commit (when not nil) called once the bytes are on disk and before
// the rename. It returns the size of the file.
func WriteAssignmentFile(ctx context.Context, path string, a *model.Assignment, p *model.Pack, opts AssignmentOptions, commit func(*model.Assignment) error) (int64, error) {
	return writeFile(path, func(w io.Writer) error {
		return WriteAssignment(ctx, w, a, p, opts)
	}, func() error {
		if commit == nil {
			return nil
		}
		return commit(a)
	})
}

// sameText compares two names as people mean them: regardless of
// capitals and spacing.
func sameText(a, b string) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	return norm(a) == norm(b)
}

func encodeAssignment(a *model.Assignment) ([]byte, error) {
	doc := assignmentDoc{Format: assignmentFormat, Version: assignmentVersion, Code: a.Code, Name: a.Name, Revision: a.Revision,
		Instansi: a.Instansi, Year: a.Year, InstrumentID: a.InstrumentID, InstrumentHash: a.InstrumentHash,
		Indicators: slices.Clone(a.Indicators), Targets: []targetDoc{}, TargetIndex: a.TargetIndex, Deadline: a.Deadline.String(),
		Timeline: []milestoneDoc{}, Coordinator: PublicKeyText(a.Coordinator), Sent: a.Sent}
	for _, no := range slices.Sorted(maps.Keys(a.Targets)) {
		doc.Targets = append(doc.Targets, targetDoc{Indicator: no, Value: a.Targets[no]})
	}
	for _, m := range a.Timeline.Sorted() {
		doc.Timeline = append(doc.Timeline, milestoneDoc{Stage: string(m.Stage), Due: m.Due.String()})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("bundle: cannot encode %s: %w", AssignmentName, err)
	}
	if buf.Len() > maxAssignment {
		return nil, fmt.Errorf("%w: %s", ErrTooLarge, model.SizeText(int64(buf.Len())))
	}
	return buf.Bytes(), nil
}

// Assignment reads an assignment bundle's members, each with a hard cap at
// its declared size and checked against its SHA-256 (ErrSize,
// ErrTampered): instrument.json, which must be a valid instrument pack with
// the hash the manifest names, and assignment.json, read strictly and
// checked against the manifest, the signing key and the pack
// (ErrContents). It returns the assignment and the instrument pack it
// carries. A bundle of another kind is refused (ErrKind).
func (rd *Reader) Assignment(ctx context.Context) (*model.Assignment, *model.Pack, error) {
	m := rd.manifest
	if m.Kind != KindAssignment {
		return nil, nil, model.Errorf(ErrKind, "err.bundle.kind.want", "Kind", m.Kind, "Want", KindAssignment)
	}
	read := func(name string, max int64) ([]byte, error) {
		f, _ := m.File(name)
		if f.Size > max {
			return nil, &MemberError{Path: name, Err: ErrSize, Detail: fmt.Sprintf("maks. / max. %d B", max)}
		}
		var buf bytes.Buffer
		err := rd.check(ctx, f, &buf, nil)
		return buf.Bytes(), err
	}
	raw, err := read(InstrumentName, maxInstrument)
	if err != nil {
		return nil, nil, err
	}
	p, err := model.ParsePackBytes(raw)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %v", ErrContents, InstrumentName, err)
	}
	if p.ID != m.Instrument.ID || p.Hash() != m.Instrument.Hash {
		return nil, nil, model.Errorf(ErrContents, "err.bundle.contents.instrument", "Member", InstrumentName, "Pack", p.ID, "Hash", p.ShortHash(),
			"ManifestPack", m.Instrument.ID, "ManifestHash", model.ShortSHA(m.Instrument.Hash))
	}
	if raw, err = read(AssignmentName, maxAssignment); err != nil {
		return nil, nil, err
	}
	a, err := decodeAssignment(raw, m, p, rd.key)
	if err != nil {
		return nil, nil, err
	}
	return a, p, nil
}

// decodeAssignment reads assignment.json strictly and checks it against
// the manifest m, the pack p it carries and the key that signed it, in
// this order: the JSON and its format; the coordinator's key; the header
// against the manifest and the key, the OPD's name, that something is
// assigned, the OPD's code; the indicators; the targets and target index;
// the deadline and the timeline. Every failure is ErrContents.
func decodeAssignment(data []byte, m *Manifest, p *model.Pack, key model.PublicKey) (*model.Assignment, error) {
	bad := func(err error) (*model.Assignment, error) {
		return nil, fmt.Errorf("%w: %s: %v", ErrContents, AssignmentName, err)
	}
	doc, coordinator, err := parseAssignment(data, m, key)
	if err != nil {
		return bad(err)
	}
	a := &model.Assignment{Code: doc.Code, Name: doc.Name, Revision: doc.Revision, Instansi: doc.Instansi, Year: doc.Year,
		InstrumentID: doc.InstrumentID, InstrumentHash: doc.InstrumentHash, TargetIndex: doc.TargetIndex, Coordinator: coordinator, Sent: doc.Sent}
	for i, no := range doc.Indicators {
		if p.Indicator(no) == nil || slices.Contains(doc.Indicators[:i], no) {
			return bad(fmt.Errorf("indikator %d", no))
		}
	}
	a.Indicators = doc.Indicators
	if a.Targets, err = doc.targets(p); err != nil {
		return bad(err)
	}
	if t := doc.TargetIndex; t != 0 && (t < 100 || t > 500) {
		return bad(fmt.Errorf("%v: %s", model.ErrTargetRange, t.ID()))
	}
	if a.Deadline, err = model.ParseDate(doc.Deadline); err != nil {
		return bad(err)
	}
	if a.Timeline, err = doc.timeline(); err != nil {
		return bad(err)
	}
	return a, nil
}

// parseAssignment decodes assignment.json strictly and checks its format,
// the coordinator's key, which must be key, and its header against the
// manifest m. It returns the document and the coordinator's key.
func parseAssignment(data []byte, m *Manifest, key model.PublicKey) (*assignmentDoc, model.PublicKey, error) {
	var doc assignmentDoc
	if err := decodeStrict(data, &doc); err != nil {
		return nil, model.PublicKey{}, err
	}
	if doc.Format != assignmentFormat || doc.Version != assignmentVersion {
		return nil, model.PublicKey{}, model.Detailf("err.bundle.contents.format", "Format", fmt.Sprintf("%q", doc.Format), "Version", doc.Version)
	}
	coordinator, err := ParsePublicKey([]byte(doc.Coordinator))
	if err != nil {
		return nil, model.PublicKey{}, fmt.Errorf("coordinator: %v", err)
	}
	switch {
	case !m.sentAs(doc.Instansi, doc.Year, doc.InstrumentID, doc.InstrumentHash, doc.Revision, doc.Sent):
		return nil, model.PublicKey{}, model.Detailf("err.bundle.contents.differs")
	case !coordinator.Equal(key):
		return nil, model.PublicKey{}, model.Detailf("err.bundle.contents.coordinator_key")
	case !plainText(doc.Name) || strings.TrimSpace(doc.Name) == "":
		return nil, model.PublicKey{}, model.Detailf("err.bundle.contents.name", "Name", fmt.Sprintf("%q", doc.Name))
	case len(doc.Indicators) == 0:
		return nil, model.PublicKey{}, model.ErrNothingAssigned
	}
	if code, err := model.NormalizeCode(doc.Code); err != nil || code != doc.Code {
		return nil, model.PublicKey{}, model.Detailf("err.bundle.contents.code", "Code", fmt.Sprintf("%q", doc.Code))
	}
	return &doc, coordinator, nil
}

// targets returns the assigned target levels by indicator, nil when there
// are none: each a level p accepts, once per indicator.
func (doc *assignmentDoc) targets(p *model.Pack) (map[int]model.Hundredths, error) {
	var out map[int]model.Hundredths
	for _, t := range doc.Targets {
		if err := p.CheckValue(t.Indicator, t.Value); err != nil || t.Value == model.Unanswered {
			return nil, fmt.Errorf("target indikator %d: %v", t.Indicator, err)
		}
		if _, dup := out[t.Indicator]; dup {
			return nil, model.Detailf("err.bundle.contents.target_twice", "Indicator", t.Indicator)
		}
		if out == nil {
			out = map[int]model.Hundredths{}
		}
		out[t.Indicator] = t.Value
	}
	return out, nil
}

// timeline returns the timeline: each milestone with its due date, in an
// order model.Timeline.Check accepts.
func (doc *assignmentDoc) timeline() (model.Timeline, error) {
	var out model.Timeline
	for _, d := range doc.Timeline {
		due, err := model.ParseDate(d.Due)
		if err != nil || due.IsZero() {
			return nil, model.Within(model.ErrDate, "err.bundle.contents.timeline", "Due", fmt.Sprintf("%q", d.Due))
		}
		out = append(out, model.Milestone{Stage: model.Stage(d.Stage), Due: due})
	}
	if err := out.Check(); err != nil {
		return nil, err
	}
	return out, nil
}
