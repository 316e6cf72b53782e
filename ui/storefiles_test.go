package ui

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/swanilai/swanilai/model"
)

// TestStoreForWindow drives the adapter the window works through over a
// real workspace file: what the window saves is what the store keeps.
func TestStoreForWindow(t *testing.T) {
	var files Workspaces = StoreFiles{}
	path := filepath.Join(t.TempDir(), "baru", "kerja.swanilai")
	ws, err := files.Create(path, NewWorkspace{Role: model.RoleOPD, Instansi: "Pemerintah Kota Pekalongan", Unit: "Bappeda", Year: 2025, PackID: "spbe-59-2020", By: "Rina"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := files.Create(path, NewWorkspace{Role: model.RoleOPD, Instansi: "X", Unit: "Y", Year: 2025, PackID: "spbe-59-2020", By: "Rina"}); !errors.Is(err, model.ErrWorkspaceExists) {
		t.Fatalf("create over an existing file: %v", err)
	}
	if _, err := files.Open(path); !errors.Is(err, model.ErrWorkspaceLocked) {
		t.Fatalf("a second open: %v", err)
	}
	// The sector is passed only for the sector indicators; the store
	// refuses it elsewhere.
	if _, err := ws.SaveAnswer("Rina", model.Answer{Indicator: 12, Value: 300, Fakta: "F", Analisis: "A", Sector: ""}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.SaveAnswer("Rina", model.Answer{Indicator: 45, Value: 200, Sector: "Perizinan"}); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(t.TempDir(), "12.a.peta-rencana.pdf")
	if err := os.WriteFile(doc, []byte("%PDF-1.4 peta rencana"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, known, err := ws.Attach(t.Context(), "Rina", 12, doc, nil)
	if err != nil || known {
		t.Fatalf("attach: %v known=%v", err, known)
	}
	if _, known, err = ws.Attach(t.Context(), "Rina", 45, doc, nil); err != nil || !known {
		t.Fatalf("second attach of the same bytes: %v known=%v", err, known)
	}
	e.Title, e.DocNo = "Peta Rencana SPBE", "13 Tahun 2022"
	if _, err := ws.UpdateEvidence("Rina", e); err != nil {
		t.Fatal(err)
	}
	if err := ws.Detach("Rina", 45, e.SHA256); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetOfficials("Rina", model.Officials{HeadName: "Drs. H. Gunawan"}); err != nil {
		t.Fatal(err)
	}
	// Export for the coordinator, as the window does it.
	draft, err := ws.ExportDraft(model.Date{Year: 2025, Month: 9, Day: 1})
	if err != nil || draft.Revision != 1 || draft.Answered != 2 || len(draft.Findings) == 0 {
		t.Fatalf("draft %+v %v", draft, err)
	}
	if protected, err := ws.KeyProtected(); err != nil || protected {
		t.Fatalf("a new workspace's key protected=%v %v", protected, err)
	}
	out := filepath.Join(t.TempDir(), "kiriman.swanilai.zip")
	sum, err := ws.Export(t.Context(), out, "", nil)
	if err != nil || sum.Revision != 1 || !sum.Report || sum.Size == 0 {
		t.Fatalf("export %+v %v", sum, err)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}

	ws, err = files.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	a, err := ws.Assessment()
	if err != nil {
		t.Fatal(err)
	}
	if a.Answers[12].Value != 300 || a.Answers[12].Fakta != "F" || a.Answers[45].Sector != "Perizinan" || a.Officials.HeadName != "Drs. H. Gunawan" {
		t.Fatalf("answers %+v officials %+v", a.Answers, a.Officials)
	}
	if len(a.Evidence) != 1 || a.Evidence[0].Title != "Peta Rencana SPBE" || a.Evidence[0].Indicator != 12 {
		t.Fatalf("evidence %+v", a.Evidence)
	}
}

// TestCoordinationForWindow drives the coordinator's and the OPD's pages'
// adapter over real files: the assignment goes out and in, the submission
// comes back, and the coordinator adopts its answer with the evidence.
func TestCoordinationForWindow(t *testing.T) {
	var files Workspaces = StoreFiles{}
	dir := t.TempDir()
	instansi := "Pemerintah Kota Pekalongan"
	cw, err := files.Create(filepath.Join(dir, "koordinator.swanilai"), NewWorkspace{Role: model.RoleCoordinator, Instansi: instansi, Year: 2025, PackID: "spbe-59-2020", By: "Dewi"})
	if err != nil {
		t.Fatal(err)
	}
	defer cw.Close()
	c, ok := cw.(Coordination)
	if !ok {
		t.Fatal("the coordinator's workspace offers no coordination")
	}
	if err := c.PutOPD("Dewi", model.OPD{Code: "bappeda", Name: "Bappeda"}); err != nil {
		t.Fatal(err)
	}
	for _, no := range []int{1, 12} {
		if err := c.SetAssigned("Dewi", "BAPPEDA", no, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.SetTarget("Dewi", 12, 400); err != nil {
		t.Fatal(err)
	}
	assignment := filepath.Join(dir, "penugasan-bappeda.swanilai.zip")
	if _, err := c.ExportAssignment(t.Context(), "Dewi", "BAPPEDA", assignment, "salah"); err != nil {
		t.Fatalf("a key without passphrase takes any: %v", err)
	}

	ow, err := files.Create(filepath.Join(dir, "bappeda.swanilai"), NewWorkspace{Role: model.RoleOPD, Instansi: instansi, Unit: "Bappeda", Year: 2025, PackID: "spbe-59-2020", By: "Rina"})
	if err != nil {
		t.Fatal(err)
	}
	defer ow.Close()
	out := ow.(Importer).Import(t.Context(), "Rina", []string{assignment}, nil)
	if len(out) != 1 || out[0].Outcome != OutcomeImported {
		t.Fatalf("the OPD's import of its assignment: %+v", out)
	}
	got, err := ow.(AssignmentSource).Assignment()
	if err != nil || got == nil || len(got.Indicators) != 2 || got.Targets[12] != 400 {
		t.Fatalf("assignment %+v %v", got, err)
	}
	for _, a := range []model.Answer{{Indicator: 1, Value: 200, Fakta: "Belum ada Perwal"}, {Indicator: 12, Value: 300, Fakta: "Perwal 13/2022", Analisis: "Dijalankan"}, {Indicator: 2, Value: 500}} {
		if _, err := ow.SaveAnswer("Rina", a); err != nil {
			t.Fatal(err)
		}
	}
	doc := filepath.Join(dir, "perwal.pdf")
	if err := os.WriteFile(doc, []byte("%PDF-1.4 perwal"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ow.Attach(t.Context(), "Rina", 12, doc, nil); err != nil {
		t.Fatal(err)
	}
	submission := filepath.Join(dir, "bappeda-1.swanilai.zip")
	if _, err := ow.Export(t.Context(), submission, "", nil); err != nil {
		t.Fatal(err)
	}

	var progress int
	out = c.Import(t.Context(), "Dewi", []string{submission, doc}, func(int, int, string) { progress++ })
	if len(out) != 2 || progress == 0 {
		t.Fatalf("outcomes %+v, %d progress calls", out, progress)
	}
	for _, o := range out {
		switch filepath.Base(o.File) {
		case "bappeda-1.swanilai.zip":
			if o.Outcome != OutcomeImported || o.OPD != "BAPPEDA" || o.Revision != 1 || o.NewKey == "" {
				t.Errorf("the submission: %+v", o)
			}
		case "perwal.pdf":
			if o.Outcome != OutcomeRefused || o.Err == nil {
				t.Errorf("a file that is no bundle: %+v", o)
			}
		}
	}
	if again := c.Import(t.Context(), "Dewi", []string{submission}, nil); len(again) != 1 || again[0].Outcome != OutcomeAlready {
		t.Fatalf("a second import of the same bundle: %+v", again)
	}
	latest, err := c.Latest()
	if err != nil {
		t.Fatal(err)
	}
	// Indicator 2 was not assigned to Bappeda: it does not count.
	if b := latest["BAPPEDA"]; b == nil || len(b.Answers) != 2 || b.Answers[12].Value != 300 {
		t.Fatalf("contributions %+v", latest)
	}
	st, err := c.Status(model.Date{Year: 2025, Month: 9, Day: 1})
	if err != nil || len(st) != 1 || st[0].Revision != 1 {
		t.Fatalf("status %+v %v", st, err)
	}
	adopted, err := c.AdoptAnswer("Dewi", 12, "BAPPEDA")
	if err != nil || adopted.Value != 300 || adopted.Fakta != "Perwal 13/2022" {
		t.Fatalf("adopted %+v %v", adopted, err)
	}
	a, err := cw.Assessment()
	if err != nil {
		t.Fatal(err)
	}
	if ev := a.EvidenceFor(12); len(ev) != 1 || ev[0].Name != "perwal.pdf" {
		t.Fatalf("the Pemda's evidence of 12: %+v", ev)
	}

	// The review goes back as the review page makes it.
	r, ok := cw.(Reviewer)
	if !ok {
		t.Fatal("the coordinator's workspace offers no review")
	}
	if revs, err := r.Revisions("BAPPEDA"); err != nil || len(revs) != 1 || revs[0] != 1 {
		t.Fatalf("revisions %v %v", revs, err)
	}
	if sent, err := r.Submitted("BAPPEDA", 1); err != nil || sent.Answers[12].Value != 300 {
		t.Fatalf("revision 1 %+v %v", sent, err)
	}
	for _, d := range []model.Decision{
		{Indicator: 12, Verdict: model.VerdictAccepted},
		{Indicator: 1, Verdict: model.VerdictRevise, Analisis: "Rancangan Perwal belum ditetapkan", MissingEvidence: "Perwal yang ditetapkan"},
	} {
		if err := r.SetDecision("Dewi", "BAPPEDA", d); err != nil {
			t.Fatal(err)
		}
	}
	if ds, err := r.Decisions("BAPPEDA"); err != nil || len(ds) != 2 {
		t.Fatalf("decisions %+v %v", ds, err)
	}
	reviewFile := filepath.Join(dir, "reviu-bappeda-1.swanilai.zip")
	sent, err := r.ExportReview(t.Context(), "Dewi", "BAPPEDA", reviewFile, "")
	if err != nil || sent.Revision != 1 || len(sent.Decisions) != 2 {
		t.Fatalf("review %+v %v", sent, err)
	}
	out = ow.(Importer).Import(t.Context(), "Rina", []string{reviewFile}, nil)
	if len(out) != 1 || out[0].Outcome != OutcomeImported {
		t.Fatalf("the OPD's import of its review: %+v", out)
	}
	src := ow.(ReviewSource)
	got2, err := src.Review()
	if err != nil || got2 == nil || got2.Revision != 1 || len(got2.Decisions) != 2 {
		t.Fatalf("the OPD's review %+v %v", got2, err)
	}
	if was, err := src.Exported(1); err != nil || was == nil || was.Answers[1].Fakta != "Belum ada Perwal" {
		t.Fatalf("what the OPD sent in revision 1: %+v %v", was, err)
	}
	if again := ow.(Importer).Import(t.Context(), "Rina", []string{reviewFile}, nil); len(again) != 1 || again[0].Outcome != OutcomeAlready {
		t.Fatalf("a second import of the review: %+v", again)
	}
}
