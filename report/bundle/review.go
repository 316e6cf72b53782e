package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/swanilai/swanilai/model"
)

// The format of review.json.
const (
	reviewFormat  = "swanilai.review"
	reviewVersion = 1
)

// reviewDoc is review.json: the coordinator's decisions on one revision of
// one OPD's submission. Levels are decimals with two places (3.00), 0 for
// a verdict that sets none.
type reviewDoc struct {
	Format         string        `json:"format"`
	Version        int           `json:"version"`
	Code           string        `json:"code"`
	Unit           string        `json:"unit"`
	Instansi       string        `json:"instansi"`
	Year           int           `json:"year"`
	InstrumentID   string        `json:"instrument_id"`
	InstrumentHash string        `json:"instrument_hash"`
	Revision       int           `json:"revision"`
	Decisions      []decisionDoc `json:"decisions"`
	Sent           time.Time     `json:"sent"`
	By             string        `json:"by"`
}

// decisionDoc is one decision of review.json: the verdict on one
// indicator, made on the revision named, with the assessor's note.
type decisionDoc struct {
	Indicator       int              `json:"indicator"`
	Verdict         string           `json:"verdict"`
	Level           model.Hundredths `json:"level"`
	Fakta           string           `json:"fakta"`
	Analisis        string           `json:"analisis"`
	Justifikasi     string           `json:"justifikasi"`
	MissingEvidence string           `json:"missing_evidence"`
	Revision        int              `json:"revision"`
	By              string           `json:"by"`
	At              time.Time        `json:"at"`
}

// ReviewOptions are the inputs of WriteReview besides the review and its
// instrument.
type ReviewOptions struct {
	// Signer signs the manifest with the coordinator's key.
	Signer *Signer
	// Created is when the bundle is made; the manifest and the review's
	// Sent keep it in UTC, whole seconds. Required.
	Created time.Time
	// AppVersion is the version of the Swanilai that writes the bundle.
	AppVersion string
	// BundleID is the bundle's UUID; empty makes a new random one.
	BundleID string
	// Sender is the coordinator's workspace, which the manifest names as
	// the sender.
	Sender model.Identity
}

// WriteReview writes the review bundle of r to w: review.json, then the
// manifest and its signature by the coordinator's key. The manifest's
// revision is the OPD's revision reviewed, its instrument the sender's. It
// sets r.Sent to the bundle's creation time. It stops with ctx's error
// when ctx is done.
func WriteReview(ctx context.Context, w io.Writer, r *model.Review, opts ReviewOptions) error {
	id := opts.Sender
	switch {
	case r == nil:
		return errors.New("bundle: no review")
	case id.Role != model.RoleCoordinator:
		return model.ErrCoordinatorOnly
	case !sameText(id.Instansi, r.Instansi) || id.Year != r.Year:
		return fmt.Errorf("bundle: the review is for %s %d, the sender is %s %d", r.Instansi, r.Year, id.Instansi, id.Year)
	case len(r.Decisions) == 0:
		return model.ErrNoDecisions
	case r.Revision < 1:
		return fmt.Errorf("bundle: review of revision %d", r.Revision)
	case opts.Signer == nil:
		return errors.New("bundle: no signer")
	case opts.Created.IsZero():
		return errors.New("bundle: no creation time")
	}
	if opts.BundleID == "" {
		opts.BundleID = uuid.NewString()
	}
	r.Sent = opts.Created.UTC().Truncate(time.Second)
	contents, err := encodeReview(r, id)
	if err != nil {
		return err
	}
	bw := &bundleWriter{ctx: ctx, zw: zip.NewWriter(w), created: r.Sent}
	f, err := bw.member(ReviewName, zip.Deflate, false, func(w io.Writer) error {
		_, err := w.Write(contents)
		return err
	})
	if err != nil {
		return err
	}
	m := &Manifest{Format: FormatName, Version: FormatVersion, Kind: KindReview, BundleID: opts.BundleID, Revision: r.Revision,
		Created: r.Sent, AppVersion: opts.AppVersion, Year: r.Year, Instrument: Instrument{ID: id.InstrumentID, Hash: id.InstrumentHash},
		Sender: Sender{Instansi: id.Instansi, Unit: id.Unit, WorkspaceID: id.ID, PublicKey: PublicKeyText(opts.Signer.public)}, Files: []File{f}}
	_, _, err = bw.seal(m, opts.Signer)
	return err
}

// WriteReviewFile writes the review bundle of r to path as WriteFile
// writes a submission: complete under its name or not at all, with commit
// (when not nil) called once the bytes are on disk and before the rename.
// It returns the size of the file.
func WriteReviewFile(ctx context.Context, path string, r *model.Review, opts ReviewOptions, commit func(*model.Review) error) (int64, error) {
	return writeFile(path, func(w io.Writer) error {
		return WriteReview(ctx, w, r, opts)
	}, func() error {
		if commit == nil {
			return nil
		}
		return commit(r)
	})
}

func encodeReview(r *model.Review, id model.Identity) ([]byte, error) {
	doc := reviewDoc{Format: reviewFormat, Version: reviewVersion, Code: r.Code, Unit: r.Unit, Instansi: r.Instansi, Year: r.Year,
		InstrumentID: id.InstrumentID, InstrumentHash: id.InstrumentHash, Revision: r.Revision, Decisions: []decisionDoc{}, Sent: r.Sent, By: r.By}
	for _, d := range r.Decisions {
		doc.Decisions = append(doc.Decisions, decisionDoc{Indicator: d.Indicator, Verdict: string(d.Verdict), Level: d.Level, Fakta: d.Fakta,
			Analisis: d.Analisis, Justifikasi: d.Justifikasi, MissingEvidence: d.MissingEvidence, Revision: d.Revision, By: d.By, At: d.At.UTC()})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("bundle: cannot encode %s: %w", ReviewName, err)
	}
	if buf.Len() > maxReview {
		return nil, fmt.Errorf("%w: %s", ErrTooLarge, model.SizeText(int64(buf.Len())))
	}
	return buf.Bytes(), nil
}

// Review reads a review bundle's review.json, with a hard cap at its
// declared size and checked against its SHA-256 (ErrSize, ErrTampered),
// strictly, and checks it against the manifest and against p, the
// instrument of the OPD's workspace (ErrContents): the same instansi,
// year, instrument and revision, and decisions the instrument allows
// (model.Decision.Check), one per indicator, each made on the reviewed
// revision or an earlier one. A p of another instrument than the bundle's
// is refused (*model.SenderMismatchError), and so is a bundle of another
// kind (ErrKind). Whether the signing key is the coordinator's is the
// workspace's to decide (store.Workspace.ReceiveReview with Key).
func (rd *Reader) Review(ctx context.Context, p *model.Pack) (*model.Review, error) {
	m := rd.manifest
	switch {
	case m.Kind != KindReview:
		return nil, model.Errorf(ErrKind, "err.bundle.kind.want", "Kind", m.Kind, "Want", KindReview)
	case p == nil:
		return nil, errors.New("bundle: no instrument to read the review against")
	case p.Hash() != m.Instrument.Hash:
		return nil, &model.SenderMismatchError{What: model.MismatchInstrument, Want: p.ID + " " + p.ShortHash(), Got: m.Instrument.ID + " " + m.Instrument.Hash[:12]}
	}
	f, _ := m.File(ReviewName)
	if f.Size > maxReview {
		return nil, &MemberError{Path: ReviewName, Err: ErrSize, Detail: fmt.Sprintf("maks. / max. %d B", maxReview)}
	}
	var buf bytes.Buffer
	if err := rd.check(ctx, f, &buf, nil); err != nil {
		return nil, err
	}
	return decodeReview(buf.Bytes(), m, p)
}

// decodeReview reads review.json strictly and checks it against the
// manifest m and the pack p, in this order: the JSON and its format; the
// header against the manifest, the OPD and reviewer's names, that there
// are decisions, the OPD's code; then each decision. Every failure is
// ErrContents.
func decodeReview(data []byte, m *Manifest, p *model.Pack) (*model.Review, error) {
	bad := func(err error) (*model.Review, error) {
		return nil, fmt.Errorf("%w: %s: %v", ErrContents, ReviewName, err)
	}
	var doc reviewDoc
	if err := decodeStrict(data, &doc); err != nil {
		return bad(err)
	}
	if err := doc.checkHead(m); err != nil {
		return bad(err)
	}
	r := &model.Review{Code: doc.Code, Unit: doc.Unit, Instansi: doc.Instansi, Year: doc.Year, Revision: doc.Revision, Sent: doc.Sent, By: doc.By}
	for i, d := range doc.Decisions {
		dec, err := doc.decision(i, d, p)
		if err != nil {
			return bad(err)
		}
		r.Decisions = append(r.Decisions, dec)
	}
	return r, nil
}

// checkHead checks the review's format and what it says besides its
// decisions against the manifest m.
func (doc *reviewDoc) checkHead(m *Manifest) error {
	if doc.Format != reviewFormat || doc.Version != reviewVersion {
		return model.Detailf("err.bundle.contents.format", "Format", fmt.Sprintf("%q", doc.Format), "Version", doc.Version)
	}
	switch {
	case !m.sentAs(doc.Instansi, doc.Year, doc.InstrumentID, doc.InstrumentHash, doc.Revision, doc.Sent):
		return model.Detailf("err.bundle.contents.differs")
	case !plainText(doc.Unit) || strings.TrimSpace(doc.Unit) == "" || !plainText(doc.By):
		return fmt.Errorf("OPD %q", doc.Unit)
	case len(doc.Decisions) == 0:
		return model.ErrNoDecisions
	}
	if code, err := model.NormalizeCode(doc.Code); err != nil || code != doc.Code {
		return model.Detailf("err.bundle.contents.code", "Code", fmt.Sprintf("%q", doc.Code))
	}
	return nil
}

// decision returns d, the i-th decision of the review, checked: the only
// one on its indicator, made on the reviewed revision or an earlier one, a
// level only with an adjustment, and one the pack p allows
// (model.Decision.Check).
func (doc *reviewDoc) decision(i int, d decisionDoc, p *model.Pack) (model.Decision, error) {
	dec := model.Decision{Indicator: d.Indicator, Verdict: model.Verdict(d.Verdict), Level: d.Level, Fakta: d.Fakta, Analisis: d.Analisis,
		Justifikasi: d.Justifikasi, MissingEvidence: d.MissingEvidence, Revision: d.Revision, By: d.By, At: d.At}
	switch {
	case slices.ContainsFunc(doc.Decisions[:i], func(o decisionDoc) bool { return o.Indicator == d.Indicator }):
		return dec, model.Detailf("err.bundle.contents.decision_twice", "Indicator", d.Indicator)
	case d.Revision < 1 || d.Revision > doc.Revision:
		return dec, model.Detailf("err.bundle.contents.decision_revision", "Indicator", d.Indicator, "Revision", d.Revision)
	case d.Verdict != string(model.VerdictAdjusted) && d.Level != model.Unanswered:
		return dec, model.Detailf("err.bundle.contents.decision_level", "Indicator", d.Indicator)
	case !plainText(d.By):
		return dec, model.Detailf("err.bundle.contents.decision_by", "Indicator", d.Indicator, "By", fmt.Sprintf("%q", d.By))
	}
	return dec, dec.Check(p)
}
