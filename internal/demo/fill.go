package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/store"
)

// demoTarget is the demo's target index: the edge of Memuaskan.
const demoTarget model.Hundredths = 420

// Submitters returns how many OPDs the coordinator's demo has, and how
// many submissions they send in all.
func Submitters() (opds, submissions int) {
	for _, o := range demoOPDs {
		submissions += o.Revisions
	}
	return len(demoOPDs), submissions
}

// Answered is how many indicators the OPD's demo answers.
func Answered() int { return len(demoAnswers) }

// FillCoordinator fills the coordinator's demo, its OPDs' bundles
// written to bundles when not empty (and not imported), else to a
// temporary folder and imported; the OPDs' workspaces stay in opds when
// it is not empty.
func FillCoordinator(ctx context.Context, w *store.Workspace, by, bundles, opds string) error {
	dir := bundles
	if dir == "" {
		tmp, err := os.MkdirTemp("", "swanilai-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return model.NewFileError(dir, err)
	}
	if opds != "" {
		if err := os.MkdirAll(opds, 0o755); err != nil {
			return model.NewFileError(opds, err)
		}
	}
	return fillCoordinatorDemo(ctx, w, by, dir, opds, bundles != "")
}

// FillOPD fills the OPD's demo workspace w: its officials, its target and
// its answers with their evidence PDFs, made in a temporary folder; by
// makes the history.
func FillOPD(ctx context.Context, w *store.Workspace, by string) error {
	if err := w.SetOfficials(by, demoOfficials); err != nil {
		return err
	}
	if err := w.SetTargetIndex(by, demoTarget); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "swanilai-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return answerDemo(ctx, w, by, demoAnswers, dir)
}

// answerDemo stores answers in w, with their evidence documents, which it
// prints in dir (once each).
func answerDemo(ctx context.Context, w *store.Workspace, by string, answers []demoAnswer, dir string) error {
	for _, da := range answers {
		v := model.Hundredths(da.Level * 100)
		u := store.AnswerUpdate{Value: &v, Fakta: &da.Fakta, Analisis: &da.Analisis}
		if da.Sector != "" {
			u.Sector = &da.Sector
		}
		if _, err := w.UpdateAnswer(by, da.No, u); err != nil {
			return fmt.Errorf("indikator %d: %w", da.No, err)
		}
		for _, doc := range da.Docs {
			path := filepath.Join(dir, doc.File)
			if _, err := os.Stat(path); err != nil {
				if path, err = writeDemoDoc(ctx, dir, doc); err != nil {
					return err
				}
			}
			meta := store.EvidenceMeta{Title: doc.Title, DocNo: doc.DocNo, DocDate: doc.Date, ValidUntil: doc.Until, Level: doc.Level}
			if _, _, err := w.Attach(ctx, by, da.No, path, meta, nil); err != nil {
				return fmt.Errorf("indikator %d: %w", da.No, err)
			}
		}
	}
	return nil
}

// writeDemoDoc prints one of the demo's documents as a PDF in dir.
func writeDemoDoc(ctx context.Context, dir string, doc demoDoc) (string, error) {
	path := filepath.Join(dir, doc.File)
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	err = report.WriteDocument(ctx, f, report.Document{
		Issuer: "Pemerintah Kota Pekalongan", Title: doc.Title, Number: doc.DocNo, Date: doc.Date,
		Place: "Pekalongan", Signatory: "WALI KOTA PEKALONGAN", Body: doc.Body,
	}, time.Date(doc.Date.Year, doc.Date.Month, doc.Date.Day, 9, 0, 0, 0, time.UTC))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return path, err
}
