package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/model"
)

func TestCoordinatorReviewsWithDiff(t *testing.T) {
	u, c := openCoordinator(t)
	v := u.view
	dir := t.TempDir()
	r1, r2 := filepath.Join(dir, "r1.zip"), filepath.Join(dir, "r2.zip")
	c.incoming[r1] = submission("DISKOMINFO", 1, map[int]model.Answer{
		11: {Indicator: 11, Value: 400, Fakta: "Dokumen Arsitektur SPBE 2022 pasal 4"},
		12: {Indicator: 12, Value: 300, Fakta: "Peta rencana"},
	})
	c.incoming[r2] = submission("DISKOMINFO", 2, map[int]model.Answer{
		11: {Indicator: 11, Value: 300, Fakta: "Dokumen Arsitektur SPBE 2022 pasal 4 dan reviu 2025"},
		12: {Indicator: 12, Value: 300, Fakta: "Peta rencana"},
	})
	v.showImport()
	v.imports.run([]string{r1, r2}, nil)
	settle(t, u)
	v.showReview("DISKOMINFO")
	p := v.reviews
	if p == nil || p.latest.Revision != 2 {
		t.Fatal("no review page of revision 2")
	}
	got := texts(p.rows)
	if !strings.Contains(got, "Revisi 2: 1 indikator berubah sejak revisi 1") || !strings.Contains(got, "Tingkat: 4 → 3") {
		t.Fatalf("review page:\n%s", got)
	}
	p.decide(model.Decision{Indicator: 12, Verdict: model.VerdictAccepted})
	settle(t, u)
	// An adjustment without its note is refused with plain words.
	p.decide(model.Decision{Indicator: 11, Verdict: model.VerdictAdjusted, Level: 200})
	if got := topDialog(u); !strings.Contains(got, "Catatan wajib diisi: kriteria mana yang tidak terpenuhi.") || strings.Contains(got, "a note is required") {
		t.Fatalf("dialog %q", got)
	}
	p.decide(model.Decision{Indicator: 11, Verdict: model.VerdictRevise, MissingEvidence: "notulen reviu 2025"})
	settle(t, u)
	if len(c.decisions["DISKOMINFO"]) != 2 || c.decisions["DISKOMINFO"][1].Revision != 2 {
		t.Fatalf("decisions %+v", c.decisions["DISKOMINFO"])
	}
	if got := texts(v.reviews.rows); !strings.Contains(got, "perlu revisi") || !strings.Contains(got, "diterima") {
		t.Fatalf("decisions not shown:\n%s", got)
	}
	result := errors.New("not done")
	v.reviews.writeReview(filepath.Join(dir, "reviu.zip"), "", func(err error) { result = err })
	settle(t, u)
	if result != nil || !strings.Contains(topDialog(u), "1 diterima, 0 disesuaikan, 1 perlu revisi") {
		t.Fatalf("export %v %q", result, topDialog(u))
	}
}

func TestOPDSeesTheReview(t *testing.T) {
	files := newFakeFiles()
	path, ws := newWorkspaceFile(t, files)
	// The OPD sent revision 2; the review is of revision 2 and asks to
	// revise 11, adjusts 12, accepts 13; the OPD has since changed 11.
	sent := &model.Assessment{Pack: ws.pack, Answers: map[int]model.Answer{
		11: {Indicator: 11, Value: 400, Fakta: "lama"}, 12: {Indicator: 12, Value: 400}, 13: {Indicator: 13, Value: 300},
		14: {Indicator: 14, Value: 200},
	}}
	ws.answers = map[int]model.Answer{
		11: {Indicator: 11, Value: 400, Fakta: "baru, dengan notulen"}, 12: {Indicator: 12, Value: 400}, 13: {Indicator: 13, Value: 300},
		14: {Indicator: 14, Value: 200},
	}
	review := &model.Review{Revision: 2, Decisions: []model.Decision{
		{Indicator: 11, Verdict: model.VerdictRevise, MissingEvidence: "notulen reviu"},
		{Indicator: 12, Verdict: model.VerdictAdjusted, Level: 300, Analisis: "Reviu berkala belum ada; kriteria tingkat 4 tidak terpenuhi."},
		{Indicator: 13, Verdict: model.VerdictAccepted},
		{Indicator: 14, Verdict: model.VerdictRevise, Fakta: "Dokumen tidak terlampir."},
	}}
	o := &fakeOPD{fakeWorkspace: ws, review: review, exported: map[int]*model.Assessment{2: sent}}
	files.wrap[path] = func(*fakeWorkspace) Workspace { return o }
	u, ch := startUI(t, files, Options{Path: path})
	if err := await(t, u, ch); err != nil {
		t.Fatal(err)
	}
	v := u.view
	if v.review == nil || !v.review.changed[11] || v.review.changed[14] {
		t.Fatalf("review state %+v", v.review)
	}
	if open := v.openReviewFindings(); len(open) != 1 || open[0].Indicator != 14 {
		t.Fatalf("open %+v", open)
	}
	v.showIndicator(12)
	got := texts(u.win.Content())
	if !strings.Contains(got, "level disesuaikan (reviu atas revisi 2) menjadi tingkat 3 (Terdefinisi)") || !strings.Contains(got, "kriteria tingkat 4 tidak terpenuhi") {
		t.Fatalf("indicator 12:\n%s", got)
	}
	v.showIndicator(11)
	if !strings.Contains(texts(u.win.Content()), "Sudah Anda ubah sejak reviu") {
		t.Fatal("a revised indicator does not say so")
	}
	v.showReadiness()
	if got := texts(u.win.Content()); !strings.Contains(got, "Koordinator meminta revisi 1 indikator") || !strings.Contains(got, "Dokumen tidak terlampir.") {
		t.Fatalf("readiness:\n%s", got)
	}
	// A review older than the last export says so.
	ws.revision = 3
	u.view.a.Revision = 3
	v.showIndicator(13)
	if !strings.Contains(texts(u.win.Content()), "Catatan ini untuk revisi 2; Anda sudah mengirim revisi 3.") {
		t.Fatal("no banner for a stale review")
	}
	// Revision 3 carried the change of 11: the note says it was sent.
	o.exported[3] = &model.Assessment{Pack: ws.pack, Answers: ws.answers}
	if err := v.loadReview(); err != nil {
		t.Fatal(err)
	}
	v.showIndicator(11)
	if got := texts(u.win.Content()); !strings.Contains(got, "Perubahannya sudah Anda kirim dalam revisi 3") || strings.Contains(got, "Sudah Anda ubah sejak reviu") {
		t.Fatalf("a revision sent since the review:\n%s", got)
	}
}
