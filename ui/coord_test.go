package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
)

// openCoordinator opens a coordinator's workspace with three registered
// OPDs.
func openCoordinator(t *testing.T) (*App, *fakeCoordinator) {
	t.Helper()
	files := newFakeFiles()
	path := filepath.Join(t.TempDir(), "koordinator.swanilai")
	ws, err := files.Create(path, NewWorkspace{Role: model.RoleCoordinator, Instansi: "Pemerintah Kota Pekalongan", Unit: "Tim Asesor Internal", Year: 2026, PackID: "spbe-59-2020"})
	if err != nil {
		t.Fatal(err)
	}
	c := newFakeCoordinator(ws.(*fakeWorkspace))
	for _, o := range []model.OPD{
		{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"},
		{Code: "DISKOMINFO", Name: "Dinas Komunikasi dan Informatika"},
		{Code: "INSPEKTORAT", Name: "Inspektorat Daerah"},
	} {
		c.PutOPD("t", o)
	}
	c.trend = []model.YearResult{{Year: 2023, Index: 279, Predikat: "Baik"}, {Year: 2024, Index: 376, Predikat: "Sangat Baik"}}
	files.wrap[path] = func(*fakeWorkspace) Workspace { return c }
	u, ch := startUI(t, files, Options{Path: path})
	if err := await(t, u, ch); err != nil {
		t.Fatal(err)
	}
	u.win.Resize(fyne.NewSize(1366, 768))
	return u, c
}

func submission(unit string, rev int, answers map[int]model.Answer) *model.Assessment {
	p, _ := model.BuiltinPack("spbe-59-2020")
	return &model.Assessment{Identity: model.Identity{Unit: unit, Year: 2025}, Pack: p, Answers: answers, Revision: rev}
}

func TestCoordinatorAssignsAndExports(t *testing.T) {
	u, c := openCoordinator(t)
	v := u.view
	if v.coordination() == nil {
		t.Fatal("a coordinator's workspace without the coordinator's pages")
	}
	if !strings.Contains(texts(u.win.Content()), "Perkembangan indeks") || !strings.Contains(texts(u.win.Content()), "3 OPD: 0 sudah mengirim") {
		t.Fatalf("dashboard: %q", texts(u.win.Content()))
	}
	v.showOPDs()
	p := v.opds
	if p == nil || len(p.status) != 3 {
		t.Fatal("no OPD page")
	}
	p.toggle("BAPPEDA", 12)
	p.toggle("BAPPEDA", 13)
	p.toggle("DISKOMINFO", 13)
	settle(t, u)
	if got := c.assignments["BAPPEDA"]; !slices.Equal(got, []int{12, 13}) {
		t.Fatalf("BAPPEDA assigned %v", got)
	}
	p.toggle("BAPPEDA", 12) // and back
	settle(t, u)
	if got := c.assignments["BAPPEDA"]; !slices.Equal(got, []int{13}) {
		t.Fatalf("BAPPEDA assigned %v after taking 12 back", got)
	}
	// BAPPEDA (row 0) answers 13 (column 12), not 12; nothing was sent yet.
	p.status[0].States = map[int]model.State{13: model.StateNoEvidence}
	for _, want := range []struct {
		col        int
		text       string
		importance widget.Importance
	}{{11, "·", widget.LowImportance}, {12, "●", widget.WarningImportance}} {
		l := widget.NewLabel("")
		p.matrix.UpdateCell(cell(0, want.col), l)
		if l.Text != want.text || l.Importance != want.importance {
			t.Fatalf("matrix cell %d: %q %v", want.col, l.Text, l.Importance)
		}
	}
	p.status[0].States = nil
	l := widget.NewLabel("")
	if p.matrix.UpdateCell(cell(0, 12), l); l.Text != "○" {
		t.Fatalf("an assigned indicator not answered yet: %q", l.Text)
	}
	if p.statusCell(cell(0, 3)) != "1" || p.statusCell(cell(0, 2)) != "Belum mulai" {
		t.Fatalf("status row %q %q", p.statusCell(cell(0, 2)), p.statusCell(cell(0, 3)))
	}
	out := filepath.Join(t.TempDir(), "penugasan-bappeda.swanilai.zip")
	result := os.ErrInvalid
	p.writeAssignment(c.registry[0], out, "", func(err error) { result = err })
	settle(t, u)
	if result != nil || !strings.Contains(topDialog(u), "Penugasan BAPPEDA ditulis: 1 indikator, batas 30 September 2026") {
		t.Fatalf("export: %v %q", result, topDialog(u))
	}
	if p := v.opds; p.statusCell(cell(0, 2)) != "Penugasan dikirim" {
		t.Fatalf("state after export %q", p.statusCell(cell(0, 2)))
	}
}

func TestCoordinatorImportsAndDecides(t *testing.T) {
	u, c := openCoordinator(t)
	v := u.view
	dir := t.TempDir()
	good1, good2, bad := filepath.Join(dir, "bappeda-r1.zip"), filepath.Join(dir, "kominfo-r2.zip"), filepath.Join(dir, "rusak.zip")
	c.incoming[good1] = submission("BAPPEDA", 1, map[int]model.Answer{13: {Indicator: 13, Value: 300, Fakta: "Renja Bappeda 2025"}})
	c.incoming[good2] = submission("DISKOMINFO", 2, map[int]model.Answer{13: {Indicator: 13, Value: 400, Fakta: "Dokumen keterpaduan"}, 11: {Indicator: 11, Value: 300}})
	c.incoming[good2].Evidence = []model.Evidence{{Indicator: 13, SHA256: strings.Repeat("ab", 32), Name: "keterpaduan.pdf", Size: 1200}}
	v.showImport()
	var out []ImportOutcome
	v.imports.run([]string{good1, bad, good2}, func(o []ImportOutcome) { out = o })
	settle(t, u)
	if len(out) != 3 || out[1].Outcome != OutcomeRefused {
		t.Fatalf("outcomes %+v", out)
	}
	got := texts(v.imports.results)
	for _, want := range []string{"2 diimpor, 1 ditolak, 0 sudah ada", "Diimpor: BAPPEDA, revisi 1.", "Ditolak: berkas telah diubah setelah ditandatangani", "sidik 1234 5678"} {
		if !strings.Contains(got, want) {
			t.Errorf("results lack %q:\n%s", want, got)
		}
	}
	// Indicator 13 has two differing answers: undecided until the
	// coordinator decides; 11 has one.
	if len(v.contributions(13)) != 2 || len(v.contributions(11)) != 1 {
		t.Fatalf("contributions %v / %v", v.contributions(13), v.contributions(11))
	}
	v.showIndicator(13)
	page := texts(u.win.Content())
	if !strings.Contains(page, "2 OPD menjawab berbeda (tingkat 3, 4)") || !strings.Contains(page, "DISKOMINFO · tingkat 4") {
		t.Fatalf("consolidation page lacks the spread:\n%s", page)
	}
	v.page.useContribution("DISKOMINFO")
	settle(t, u)
	if a := c.answer(13); a.Value != 400 || a.Fakta != "Dokumen keterpaduan" {
		t.Fatalf("decided %+v", a)
	}
	if ev := v.a.EvidenceFor(13); len(ev) != 1 || ev[0].Name != "keterpaduan.pdf" {
		t.Fatalf("the adopted answer's evidence: %+v", ev)
	}
	if page := texts(u.win.Content()); !strings.Contains(page, "keterpaduan.pdf") || v.page.fakta.Text != "Dokumen keterpaduan" {
		t.Fatalf("the page after adopting: fakta %q\n%s", v.page.fakta.Text, page)
	}
	v.showDashboard()
	if v.dash.index.Text != "4,00" {
		t.Fatalf("Pemda index %q", v.dash.index.Text)
	}
}

func TestOPDSeesItsAssignment(t *testing.T) {
	files := newFakeFiles()
	path, ws := newWorkspaceFile(t, files)
	o := &fakeOPD{fakeWorkspace: ws}
	files.wrap[path] = func(*fakeWorkspace) Workspace { return o }
	u, ch := startUI(t, files, Options{Path: path})
	if err := await(t, u, ch); err != nil {
		t.Fatal(err)
	}
	v := u.view
	if v.assignment != nil || len(v.tree.visibleIndicators()) != 47 {
		t.Fatal("an assignment before one was imported")
	}
	v.importOPD(o, []string{"penugasan.zip"}, nil)
	settle(t, u)
	drain(u)
	v = u.view
	if v.assignment == nil || !slices.Equal(v.tree.visibleIndicators(), []int{12, 13}) {
		t.Fatalf("after the import: %v", v.tree.visibleIndicators())
	}
	v.showIndicator(13)
	if !strings.Contains(texts(u.win.Content()), "target tingkat 4 (Terpadu dan Terukur), batas 30 September 2025") {
		t.Fatalf("indicator page: %q", texts(u.win.Content()))
	}
	v.showDashboard()
	if got := texts(u.win.Content()); !strings.Contains(got, "Koordinator menugaskan 2 indikator") || !strings.Contains(got, "Masih terbuka: 2 indikator yang ditugaskan belum dijawab") {
		t.Fatalf("the dashboard does not say what was assigned and what is open:\n%s", got)
	}
}

func cell(row, col int) widget.TableCellID { return widget.TableCellID{Row: row, Col: col} }
