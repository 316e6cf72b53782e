package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/swanilai/swanilai/model"
)

func TestCreateFrom(t *testing.T) {
	old := small(newTestWorkspace(t))
	dir := t.TempDir()
	shared, other := randomBytes(21, 30<<10), randomBytes(22, 5<<10)
	steps := []func() error{
		func() error {
			_, err := old.UpdateAnswer("Rina", 1, AnswerUpdate{Value: ptr[model.Hundredths](300), Fakta: ptr("Perwal (sk.pdf)"), Analisis: ptr("tingkat 3")})
			return err
		},
		func() error {
			_, err := old.UpdateAnswer("Rina", 45, AnswerUpdate{Value: ptr[model.Hundredths](200), Sector: ptr("Perizinan")})
			return err
		},
		func() error {
			_, _, err := old.Attach(t.Context(), "Rina", 1, writeFile(t, dir, "sk.pdf", shared), EvidenceMeta{Title: "SK Tim", Level: 3}, nil)
			return err
		},
		func() error {
			_, _, err := old.Attach(t.Context(), "Rina", 12, writeFile(t, dir, "sk-salinan.pdf", shared), EvidenceMeta{}, nil)
			return err
		},
		func() error {
			_, _, err := old.Attach(t.Context(), "Rina", 1, writeFile(t, dir, "foto.jpg", other), EvidenceMeta{}, nil)
			return err
		},
		func() error {
			return old.SetOfficials("Rina", model.Officials{HeadName: "Drs. Budi", Place: "Pekalongan"})
		},
		func() error { return old.SetTargetIndex("Rina", 350) },
	}
	for _, s := range steps {
		if err := s(); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, old)
	oldID := old.Identity().ID
	old.Close()

	opts := CreateOptions{Role: model.RoleOPD, Instansi: "Pemerintah Kota Pekalongan", Unit: "Diskominfo", Year: 2026, By: "Budi"}
	newPath := filepath.Join(t.TempDir(), "2026.swanilai")
	var done, total int64
	w, err := CreateFrom(t.Context(), old.Path(), newPath, opts, func(d, t int64) { done, total = d, t })
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if total != int64(len(shared)+len(other)) || done != total {
		t.Fatalf("progress %d/%d", done, total)
	}
	id := w.Identity()
	if id.ID == oldID || id.Year != 2026 || id.InstrumentID != model.DefaultPackID {
		t.Fatalf("identity %+v", id)
	}
	a, err := w.Assessment()
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answers) != 2 || a.Answers[1].Value != 300 || a.Answers[1].Fakta != "Perwal (sk.pdf)" || !a.Answers[1].Reconfirm ||
		a.Answers[1].By != "Budi" || a.Answers[45].Sector != "Perizinan" || !a.Answers[45].Reconfirm {
		t.Fatalf("answers %+v", a.Answers)
	}
	if len(a.Evidence) != 3 || a.EvidenceFor(1)[0].Title != "SK Tim" || a.EvidenceFor(1)[0].By != "Rina" {
		t.Fatalf("evidence %+v", a.Evidence)
	}
	if a.Officials.HeadName != "Drs. Budi" || a.TargetIndex != 0 {
		t.Fatalf("officials %+v, target %v", a.Officials, a.TargetIndex)
	}
	// The shared file is stored once (in chunks of the new file's size).
	if c := counts(t, w); c["blobs"] != 2 || c["links"] != 3 || c["chunks"] != 2 {
		t.Fatalf("buckets %v", c)
	}
	if !bytes.Equal(readEvidence(t, w, hexSum(shared)), shared) {
		t.Fatal("carried bytes differ")
	}
	reconfirm := 0
	for _, f := range a.Readiness(model.Date{Year: 2026, Month: 9, Day: 1}) {
		if f.Kind == model.FindingReconfirm {
			reconfirm++
		}
	}
	if reconfirm != 2 {
		t.Fatalf("%d answers to re-confirm", reconfirm)
	}
	h, _ := w.History(1)
	if len(h) != 6 || h[3].Field != model.FieldReconfirmed || h[3].New != "perlu dikonfirmasi (dibawa dari 2025)" || h[4].Field != model.FieldEvidenceAdded || h[5].Field != model.FieldEvidenceAdded {
		t.Fatalf("history %+v", h)
	}
	mustCheck(t, w)
	// Confirming clears the mark.
	if ans, err := w.UpdateAnswer("Budi", 1, AnswerUpdate{Confirm: true}); err != nil || ans.Reconfirm {
		t.Fatalf("%+v %v", ans, err)
	}
	// Last year's file is as it was.
	o, err := Open(old.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if after := snapshot(t, o); after != before {
		t.Fatal("last year's workspace changed")
	}

	if _, err := CreateFrom(t.Context(), old.Path(), newPath, opts, nil); !errors.Is(err, ErrExists) {
		t.Fatalf("over an existing file: %v", err)
	}
}

func TestCreateFromRefused(t *testing.T) {
	old := newTestWorkspace(t)
	if _, _, err := old.AttachReader(t.Context(), "Rina", 1, "a.pdf", bytes.NewReader(randomBytes(1, 100<<10)), EvidenceMeta{}, nil); err != nil {
		t.Fatal(err)
	}
	old.Close()
	var pemdi *model.Pack
	for _, p := range model.BuiltinPacks() {
		if p.ID != model.DefaultPackID {
			pemdi = p
		}
	}
	dir := t.TempDir()
	newPath := filepath.Join(dir, "2026.swanilai")
	opts := CreateOptions{Role: model.RoleOPD, Instansi: "Pemerintah Kota Pekalongan", Year: 2026, By: "Budi"}

	if pemdi != nil {
		o := opts
		o.Pack = pemdi
		if _, err := CreateFrom(t.Context(), old.Path(), newPath, o, nil); !errors.Is(err, ErrInstrumentChanged) {
			t.Fatalf("another instrument: %v", err)
		}
	}
	o := opts
	o.By = ""
	if _, err := CreateFrom(t.Context(), old.Path(), newPath, o, nil); !errors.Is(err, ErrNoAuthor) {
		t.Fatalf("no author: %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	_, err := CreateFrom(ctx, old.Path(), newPath, opts, func(done, total int64) { cancel() })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("refused new years left %d files", len(entries))
	}
}
