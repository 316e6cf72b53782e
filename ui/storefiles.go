package ui

import (
	"context"
	"os"
	"path/filepath"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/roundtrip"
	"github.com/swanilai/swanilai/store"
)

// StoreFiles opens and creates the workspace files of the window: real
// bbolt files through package store, with the round trip of package
// roundtrip. The window's starter passes it to New; tests pass fakes.
type StoreFiles struct{}

func (StoreFiles) Open(path string) (Workspace, error) {
	w, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	return storeWorkspace{w}, nil
}

func (StoreFiles) Create(path string, nw NewWorkspace) (Workspace, error) {
	p, err := model.BuiltinPack(nw.PackID)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	w, err := store.Create(path, store.CreateOptions{Role: nw.Role, Instansi: nw.Instansi, Unit: nw.Unit, Year: nw.Year, Pack: p, By: nw.By})
	if err != nil {
		return nil, err
	}
	return storeWorkspace{w}, nil
}

// storeWorkspace adapts a store workspace to what the window asks of it.
type storeWorkspace struct {
	*store.Workspace
}

func (w storeWorkspace) SaveAnswer(by string, a model.Answer) (model.Answer, error) {
	u := store.AnswerUpdate{Value: &a.Value, Fakta: &a.Fakta, Analisis: &a.Analisis, Confirm: true}
	if ind := w.Pack().Indicator(a.Indicator); ind != nil && ind.SectorService {
		u.Sector = &a.Sector
	}
	if a.External != nil {
		u.External = a.External
	} else {
		u.ClearExternal = true
	}
	return w.UpdateAnswer(by, a.Indicator, u)
}

func (w storeWorkspace) Attach(ctx context.Context, by string, no int, path string, progress func(done, total int64)) (model.Evidence, bool, error) {
	e, res, err := w.Workspace.Attach(ctx, by, no, path, store.EvidenceMeta{}, progress)
	return e, res.AlreadyStored, err
}

func (w storeWorkspace) UpdateEvidence(by string, e model.Evidence) (model.Evidence, error) {
	return w.Workspace.UpdateEvidence(by, e.Indicator, e.SHA256, store.EvidenceMeta{
		Title: e.Title, DocNo: e.DocNo, DocDate: e.DocDate, ValidUntil: e.ValidUntil, Level: e.Level,
	})
}

func (w storeWorkspace) ExportDraft(today model.Date) (bundle.Summary, error) {
	s, err := w.Workspace.ExportDraft()
	if err != nil {
		return bundle.Summary{}, err
	}
	return bundle.Summarize(s, today), nil
}

func (w storeWorkspace) KeyProtected() (bool, error) {
	k, err := w.SigningKey()
	return k.Protected(), err
}

func (w storeWorkspace) Export(ctx context.Context, path, passphrase string, progress func(done, total int64)) (bundle.Summary, error) {
	return roundtrip.ExportSubmission(ctx, w.Workspace, path, passphrase, progress)
}

func (w storeWorkspace) Detach(by string, no int, sha string) error {
	_, err := w.Workspace.Detach(by, no, sha)
	return err
}

// Latest returns the OPDs' contributions: their latest submissions, each
// with the indicators assigned to it.
func (w storeWorkspace) Latest() (map[string]*model.Assessment, error) {
	return w.Contributions()
}

func (w storeWorkspace) ExportAssignment(ctx context.Context, by, code, path, passphrase string) (model.Assignment, error) {
	return roundtrip.ExportAssignment(ctx, w.Workspace, by, code, path, passphrase, model.Date{})
}

// Import imports submissions into a coordinator's workspace and the
// assignment into an OPD's, as `swanilai import` does.
func (w storeWorkspace) Import(ctx context.Context, by string, paths []string, progress func(done, total int, file string)) []ImportOutcome {
	in := roundtrip.ImportMany(ctx, w.Workspace, paths, roundtrip.ImportOptions{By: by}, progress)
	out := make([]ImportOutcome, 0, len(in))
	for _, o := range in {
		u := ImportOutcome{File: o.File, OPD: o.Code, Revision: o.Revision, Err: o.Err, NewKey: o.NewKey}
		if u.OPD == "" {
			u.OPD = o.Unit
		}
		switch o.Outcome {
		case roundtrip.Imported:
			u.Outcome = OutcomeImported
		case roundtrip.Already:
			u.Outcome = OutcomeAlready
		default:
			u.Outcome = OutcomeRefused
		}
		out = append(out, u)
	}
	return out
}

// ExportReview writes the signed review bundle of OPD code's latest
// revision, as `swanilai review-export` does.
func (w storeWorkspace) ExportReview(ctx context.Context, by, code, path, passphrase string) (*model.Review, error) {
	return roundtrip.ExportReview(ctx, w.Workspace, by, code, path, passphrase)
}

// The window's coordinator and OPD pages find these by type assertion; the
// compiler checks here that the adapter still offers them.
var (
	_ Coordination     = storeWorkspace{}
	_ AssignmentSource = storeWorkspace{}
	_ Reviewer         = storeWorkspace{}
	_ ReviewSource     = storeWorkspace{}
)
