package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/ui"
)

// TestStoreForWindow drives the adapter the window works through over a
// real workspace file: what the window saves is what the store keeps.
func TestStoreForWindow(t *testing.T) {
	var files ui.Workspaces = storeFiles{}
	path := filepath.Join(t.TempDir(), "baru", "kerja.swanilai")
	ws, err := files.Create(path, ui.NewWorkspace{Role: model.RoleOPD, Instansi: "Pemerintah Kota Pekalongan", Unit: "Bappeda", Year: 2025, PackID: "spbe-59-2020", By: "Rina"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := files.Create(path, ui.NewWorkspace{Role: model.RoleOPD, Instansi: "X", Unit: "Y", Year: 2025, PackID: "spbe-59-2020", By: "Rina"}); !errors.Is(err, model.ErrWorkspaceExists) {
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
