package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
)

var testToday = model.Date{Year: 2026, Month: 9, Day: 15}

// startUI builds the window over files as main does, and returns it with
// the channel that receives the result of opening or creating. Work the
// window hands to the UI goroutine waits in a queue until the test runs
// it (await, settle), so that only the test's goroutine touches widgets,
// as only the event loop does in the real app.
func startUI(t *testing.T, files Workspaces, opts Options) (*App, chan error) {
	t.Helper()
	saveDelay = time.Hour // tests flush themselves
	a := test.NewTempApp(t)
	ch := make(chan error, 4)
	queue := make(chan func(), 4096)
	opts.opened = func(err error) { ch <- err }
	opts.do = func(f func()) { queue <- f }
	opts.Today = func() model.Date { return testToday }
	u := New(a, files, opts)
	queues[u] = queue
	t.Cleanup(func() {
		delete(queues, u)
		if u.view != nil {
			u.closeWorkspace()
		}
	})
	return u, ch
}

// queues holds each test window's queue of UI work.
var queues = map[*App]chan func(){}

// await runs the window's UI work until opening or creating is done.
func await(t *testing.T, u *App, ch chan error) error {
	t.Helper()
	for {
		select {
		case f := <-queues[u]:
			f()
		case err := <-ch:
			drain(u)
			return err
		case <-time.After(10 * time.Second):
			t.Fatal("the workspace did not open")
		}
	}
}

// settle runs the window's UI work until every write and attach the
// view has started is done.
func settle(t *testing.T, u *App) {
	t.Helper()
	idle := make(chan struct{})
	go func() {
		u.view.pending.Wait()
		close(idle)
	}()
	for {
		select {
		case f := <-queues[u]:
			f()
		case <-idle:
			drain(u)
			return
		case <-time.After(10 * time.Second):
			t.Fatal("background work did not end")
		}
	}
}

func drain(u *App) {
	for {
		select {
		case f := <-queues[u]:
			f()
		default:
			return
		}
	}
}

// newWorkspaceFile makes a workspace in files and returns its path.
func newWorkspaceFile(t *testing.T, files *fakeFiles) (string, *fakeWorkspace) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "Diskominfo-2025.swanilai")
	ws, err := files.Create(path, NewWorkspace{Role: model.RoleOPD, Instansi: "Pemerintah Kota Pekalongan", Unit: "Dinas Komunikasi dan Informatika", Year: 2025, PackID: "spbe-59-2020"})
	if err != nil {
		t.Fatal(err)
	}
	return path, ws.(*fakeWorkspace)
}

func openUI(t *testing.T) (*App, *fakeFiles, *fakeWorkspace, string) {
	t.Helper()
	files := newFakeFiles()
	path, ws := newWorkspaceFile(t, files)
	u, ch := startUI(t, files, Options{Path: path})
	if err := await(t, u, ch); err != nil {
		t.Fatal(err)
	}
	u.win.Resize(fyne.NewSize(1366, 768))
	return u, files, ws, path
}

// texts collects the text of every label, button and entry under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		case *widget.Entry:
			b.WriteString(w.Text + "\n")
		case *widget.Card:
			b.WriteString(w.Title + "\n" + w.Subtitle + "\n")
			if w.Content != nil {
				walk(w.Content)
			}
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			if _, isCard := o.(*widget.Card); !isCard {
				for _, child := range test.WidgetRenderer(w).Objects() {
					walk(child)
				}
			}
		}
	}
	walk(o)
	return b.String()
}

// topDialog returns the text of the dialog shown on top, if any.
func topDialog(u *App) string {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return texts(top)
}

func TestWizardCreatesWorkspace(t *testing.T) {
	files := newFakeFiles()
	u, ch := startUI(t, files, Options{View: "wizard"})
	wz := u.wizard
	if wz == nil || !wz.create.Disabled() {
		t.Fatal("the wizard should start with Create disabled")
	}
	test.Type(wz.instansi, "Pemerintah Kota Pekalongan")
	test.Type(wz.unit, "Dinas Komunikasi dan Informatika")
	wz.year.SetSelected("2026")
	if got := wz.packs[wz.instrument.SelectedIndex()].ID; got != model.DefaultPackFor(2026) {
		t.Errorf("instrument for 2026 = %s", got)
	}
	wz.year.SetSelected("2025")
	if got := wz.packs[wz.instrument.SelectedIndex()].ID; got != "spbe-59-2020" {
		t.Errorf("instrument for 2025 = %s", got)
	}
	if !strings.HasSuffix(wz.path.Text, filepath.Join("Swanilai", "Dinas-Komunikasi-dan-Informatika-2025.swanilai")) {
		t.Errorf("default path %q", wz.path.Text)
	}
	path := filepath.Join(t.TempDir(), "opd", "kominfo.swanilai")
	wz.path.SetText(path)
	if wz.create.Disabled() {
		t.Fatal("Create still disabled with a complete form")
	}
	test.Tap(wz.create)
	if err := await(t, u, ch); err != nil {
		t.Fatal(err)
	}
	ws := files.files[path]
	if ws == nil || ws.id.Instansi != "Pemerintah Kota Pekalongan" || ws.id.Unit != "Dinas Komunikasi dan Informatika" || ws.id.Year != 2025 || ws.id.Role != model.RoleOPD || ws.pack.ID != "spbe-59-2020" {
		t.Fatalf("created %+v", ws)
	}
	if u.view == nil || u.view.dash == nil {
		t.Fatal("the new workspace should open on its dashboard")
	}
	if got := u.settings.recent(); len(got) == 0 || got[0] != path {
		t.Errorf("recent = %v", got)
	}
	if !strings.Contains(u.win.Title(), "Dinas Komunikasi dan Informatika") {
		t.Errorf("title %q", u.win.Title())
	}
}

func TestWizardRefusesExistingFile(t *testing.T) {
	files := newFakeFiles()
	u, _ := startUI(t, files, Options{View: "wizard"})
	wz := u.wizard
	path := filepath.Join(t.TempDir(), "x.swanilai")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	test.Type(wz.instansi, "Pemerintah Kota Pekalongan")
	test.Type(wz.unit, "Bappeda")
	wz.path.SetText(path)
	test.Tap(wz.create)
	if !strings.Contains(wz.message.Text, "Sudah ada berkas") || len(files.files) != 0 {
		t.Fatalf("message %q, files %v", wz.message.Text, files.files)
	}
}

func TestAnswerIndicatorAndSeeScore(t *testing.T) {
	u, _, ws, _ := openUI(t)
	v := u.view
	v.showIndicator(11)
	p := v.page
	if p == nil || !strings.Contains(texts(u.win.Content()), "Arsitektur SPBE") {
		t.Fatal("indicator 11 not shown")
	}
	test.Tap(p.cards[2])
	settle(t, u)
	if got := ws.answer(11).Value; got != 300 {
		t.Fatalf("level saved %s, want 3", got)
	}
	if p.cards[2].mode != cardChosen || p.cards[0].mode != cardIncluded || p.cards[1].mode != cardIncluded || p.cards[3].mode != cardOther {
		t.Fatal("levels below the chosen one should show as included")
	}
	if p.radio.Selected != p.options[2] {
		t.Fatalf("radio %q", p.radio.Selected)
	}
	test.Type(p.fakta, "Dokumen Arsitektur SPBE pada data dukung 11.a.arsitektur.pdf")
	test.Type(p.analisis, "Memenuhi kriteria tingkat 3")
	if ws.answer(11).Fakta != "" {
		t.Fatal("saved before the pause in typing")
	}
	p.flush()
	settle(t, u)
	got := ws.answer(11)
	if got.Fakta != "Dokumen Arsitektur SPBE pada data dukung 11.a.arsitektur.pdf" || got.Analisis != "Memenuhi kriteria tingkat 3" || got.By == "" {
		t.Fatalf("saved %+v", got)
	}
	if st := v.a.State(11, testToday); st != model.StateNoEvidence {
		t.Fatalf("state %v", st)
	}
	if !strings.Contains(texts(p.hints), "Tingkat 3 dipilih tanpa bukti dukung.") {
		t.Errorf("hints: %q", texts(p.hints))
	}
	// Choosing through the radio saves as well, and switching pages
	// saves what was typed.
	p.radio.SetSelected(p.options[3])
	settle(t, u)
	test.Type(p.fakta, " halaman 4")
	v.showIndicator(12)
	settle(t, u)
	if got := ws.answer(11); got.Value != 400 || !strings.HasSuffix(got.Fakta, "halaman 4") {
		t.Fatalf("after switching: %+v", got)
	}
	v.showDashboard()
	if v.dash.index.Text != "4,00" || v.dash.predikat.Text != "Sangat Baik" || !strings.Contains(v.dash.coverage.Text, "1 dari 47 indikator") {
		t.Fatalf("dashboard %q %q %q", v.dash.index.Text, v.dash.predikat.Text, v.dash.coverage.Text)
	}
	if v.progress.Text != "1 dari 47 indikator dijawab" {
		t.Errorf("progress %q", v.progress.Text)
	}
	// The planner lists the raises to a target.
	v.dash.target.SetText("4,50")
	v.dash.onPlan()
	settle(t, u)
	if !strings.Contains(texts(v.dash.plan), "11 Arsitektur SPBE") || ws.target != 450 {
		t.Fatalf("plan %q target %s", texts(v.dash.plan), ws.target)
	}
}

func TestClearLevel(t *testing.T) {
	u, _, ws, _ := openUI(t)
	v := u.view
	v.showIndicator(3)
	v.page.setLevel(2)
	settle(t, u)
	v.page.setLevel(0)
	settle(t, u)
	if ws.answer(3).Value != model.Unanswered || v.page.radio.Selected != "" {
		t.Fatal("level not cleared")
	}
}

func writeFile(t *testing.T, name string, size int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	data := []byte(strings.Repeat(name+" ", size/(len(name)+1)+1))[:size]
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// attachAndWait attaches paths on the current page and waits for the end.
func attachAndWait(t *testing.T, u *App, paths ...string) {
	t.Helper()
	done := false
	u.view.page.evidence.attach(paths, func() { done = true })
	settle(t, u)
	if !done {
		t.Fatal("attach did not finish")
	}
}

func TestAttachEvidence(t *testing.T) {
	u, _, ws, _ := openUI(t)
	v := u.view
	v.showIndicator(11)
	v.page.setLevel(3)
	settle(t, u)
	doc := writeFile(t, "11.a.arsitektur.pdf", 20000)
	attachAndWait(t, u, doc)
	if len(ws.evidence) != 1 || ws.evidence[0].Name != "11.a.arsitektur.pdf" || ws.evidence[0].Size != 20000 {
		t.Fatalf("evidence %+v", ws.evidence)
	}
	if st := v.a.State(11, testToday); st != model.StateAnswered {
		t.Fatalf("state %v", st)
	}
	if !strings.Contains(texts(v.page.evidence.rows), "11.a.arsitektur.pdf") {
		t.Fatal("the attached file is not listed")
	}
	if top := topDialog(u); top != "" {
		t.Fatalf("a dialog after a plain attach: %q", top)
	}

	// The same file on another indicator is linked, not stored twice,
	// and the window says so.
	v.showIndicator(12)
	attachAndWait(t, u, doc)
	if len(ws.blobs) != 1 || len(ws.evidence) != 2 {
		t.Fatalf("blobs %d links %d", len(ws.blobs), len(ws.evidence))
	}
	if top := topDialog(u); !strings.Contains(top, "sudah tersimpan untuk indikator 11") {
		t.Fatalf("dialog %q", top)
	}
	u.win.Canvas().Overlays().Top().Hide()

	// An empty file and a folder get plain words, and nothing changes.
	empty := writeFile(t, "kosong.pdf", 0)
	attachAndWait(t, u, empty, t.TempDir())
	top := topDialog(u)
	if !strings.Contains(top, "kosong (0 byte)") || !strings.Contains(top, "adalah folder") || len(ws.evidence) != 2 {
		t.Fatalf("dialog %q, evidence %d", top, len(ws.evidence))
	}
	u.win.Canvas().Overlays().Top().Hide()

	// Detach, after confirming.
	v.page.evidence.confirmDetach(v.a.EvidenceFor(12)[0])
	confirm := u.win.Canvas().Overlays().Top()
	var yes *widget.Button
	var find func(fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Ya" {
			yes = b
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, ch := range c.Objects {
				find(ch)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, ch := range test.WidgetRenderer(w).Objects() {
				find(ch)
			}
		}
	}
	find(confirm)
	if yes == nil {
		t.Fatalf("no Ya button in %q", texts(confirm))
	}
	test.Tap(yes)
	settle(t, u)
	if len(ws.evidence) != 1 || len(v.a.EvidenceFor(12)) != 0 {
		t.Fatalf("after detach: %+v", ws.evidence)
	}
}

func TestAttachCancel(t *testing.T) {
	u, _, ws, _ := openUI(t)
	v := u.view
	v.showIndicator(16)
	ws.gate = make(chan struct{})
	done := false
	v.page.evidence.attach([]string{writeFile(t, "besar.iso", 100000)}, func() { done = true })
	pr := v.page.evidence.progress
	if pr == nil || pr.cancel.Disabled() {
		t.Fatal("no progress dialog with an active Cancel while attaching")
	}
	test.Tap(pr.cancel)
	settle(t, u)
	if !done {
		t.Fatal("cancel did not end the attach")
	}
	if len(ws.evidence) != 0 || len(ws.blobs) != 0 {
		t.Fatal("a cancelled attach left something behind")
	}
	if top := topDialog(u); !strings.Contains(top, "dibatalkan") {
		t.Fatalf("dialog %q", top)
	}
}

func TestReopenFindsEverything(t *testing.T) {
	u, files, _, path := openUI(t)
	v := u.view
	v.showIndicator(45)
	v.page.setLevel(4)
	settle(t, u)
	test.Type(v.page.sector, "Layanan Perizinan Berusaha")
	test.Type(v.page.fakta, "Aplikasi perizinan pada data dukung 45.a.png")
	attachAndWait(t, u, writeFile(t, "45.a.png", 3000))
	u.closeWorkspace() // saves what is pending and closes
	if !files.files[path].closed {
		t.Fatal("the workspace was not closed")
	}

	u2, ch := startUI(t, files, Options{Path: path, View: "indicator:45"})
	if err := await(t, u2, ch); err != nil {
		t.Fatal(err)
	}
	p := u2.view.page
	if p == nil || p.ind.No != 45 {
		t.Fatal("did not start on indicator 45")
	}
	if p.sector.Text != "Layanan Perizinan Berusaha" || p.fakta.Text != "Aplikasi perizinan pada data dukung 45.a.png" || p.radio.Selected != p.options[3] {
		t.Fatalf("after reopening: sector %q fakta %q level %q", p.sector.Text, p.fakta.Text, p.radio.Selected)
	}
	if !strings.Contains(texts(p.evidence.rows), "45.a.png") {
		t.Fatal("evidence missing after reopening")
	}
}

func TestSearchAndStep(t *testing.T) {
	u, _, _, _ := openUI(t)
	v := u.view
	test.Type(v.search, "17")
	if got := v.tree.visibleIndicators(); !slices.Equal(got, []int{17}) {
		t.Fatalf("search 17: %v", got)
	}
	v.search.SetText("pusat data")
	got := v.tree.visibleIndicators()
	if !slices.Contains(got, 5) || !slices.Contains(got, 16) || slices.Contains(got, 1) {
		t.Fatalf("search 'pusat data': %v", got)
	}
	if kids := v.tree.children(""); len(kids) != 2 {
		t.Fatalf("domains shown for 'pusat data': %v", kids)
	}
	v.search.SetText("")
	if len(v.tree.visibleIndicators()) != 47 {
		t.Fatal("clearing the search should show all")
	}
	v.showIndicator(11)
	v.step(+1)
	if v.page.ind.No != 12 {
		t.Fatalf("next after 11 = %d", v.page.ind.No)
	}
	v.step(-1)
	v.step(-1)
	if v.page.ind.No != 10 {
		t.Fatalf("two back from 12 = %d", v.page.ind.No)
	}
}

func TestTemplateInsert(t *testing.T) {
	u, _, _, _ := openUI(t)
	v := u.view
	v.showIndicator(1)
	v.page.setLevel(3)
	settle(t, u)
	attachAndWait(t, u, writeFile(t, "1.a.Perwal-12-2022.pdf", 500))
	v.page.insertTemplate(true)
	if !strings.Contains(v.page.fakta.Text, "data dukung 1.a.Perwal-12-2022.pdf") || !strings.HasPrefix(v.page.fakta.Text, "Kebijakan internal terkait") {
		t.Fatalf("fakta %q", v.page.fakta.Text)
	}
	v.page.insertTemplate(false)
	if !strings.HasPrefix(v.page.analisis.Text, "Berdasarkan norma/pasal tersebut") {
		t.Fatalf("analisis %q", v.page.analisis.Text)
	}
}

func TestOpenLockedWorkspace(t *testing.T) {
	files := newFakeFiles()
	path, _ := newWorkspaceFile(t, files)
	files.locked[path] = true
	u, ch := startUI(t, files, Options{Path: path})
	if err := await(t, u, ch); !errors.Is(err, model.ErrWorkspaceLocked) {
		t.Fatalf("got %v", err)
	}
	if top := topDialog(u); !strings.Contains(top, "sedang dibuka di jendela atau program lain") {
		t.Fatalf("dialog %q", top)
	}
	if u.view != nil {
		t.Fatal("a locked workspace was shown")
	}
}

func TestLanguageSwitch(t *testing.T) {
	u, _, _, _ := openUI(t)
	u.setLanguage("en")
	t.Cleanup(func() { _ = setLanguage("id") })
	if u.view.progress.Text != "0 of 47 indicators answered" {
		t.Fatalf("progress in English: %q", u.view.progress.Text)
	}
	if got := u.settings.language(); got != "en" {
		t.Fatalf("setting %q", got)
	}
	u.view.showIndicator(32)
	if !strings.Contains(texts(u.view.page.cards[0]), "Level 1 · Informasi") {
		t.Fatalf("card: %q", texts(u.view.page.cards[0]))
	}
	u.setLanguage("id")
	if u.view.progress.Text != "0 dari 47 indikator dijawab" || u.view.page == nil || u.view.page.ind.No != 32 {
		t.Fatal("switching back should keep the page and speak Indonesian")
	}
}

func TestReadinessPanel(t *testing.T) {
	u, _, _, _ := openUI(t)
	v := u.view
	v.showIndicator(45)
	v.page.setLevel(2)
	settle(t, u)
	v.showReadiness()
	got := texts(u.win.Content())
	for _, want := range []string{"Tingkat 2 dipilih tanpa bukti dukung.", "FAKTA belum diisi.", "Nama layanan publik sektor belum diisi.", "45  Layanan Publik Sektor 1"} {
		if !strings.Contains(got, want) {
			t.Errorf("readiness panel lacks %q", want)
		}
	}
}

func TestMissingRecentFileIsForgotten(t *testing.T) {
	files := newFakeFiles()
	gone := filepath.Join(t.TempDir(), "hilang.swanilai")
	u, ch := startUI(t, files, Options{Path: gone})
	u.settings.addRecent(gone) // as if it had been opened before
	if err := await(t, u, ch); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("got %v", err)
	}
	if slices.Contains(u.settings.recent(), gone) {
		t.Fatal("a missing file stays in the recent list")
	}
	if top := topDialog(u); !strings.Contains(top, "Berkas tidak ditemukan.") {
		t.Fatalf("dialog %q", top)
	}
}

func TestPemdiDecimalAndExternalValues(t *testing.T) {
	files := newFakeFiles()
	path := filepath.Join(t.TempDir(), "pemdi.swanilai")
	if _, err := files.Create(path, NewWorkspace{Role: model.RoleOPD, Instansi: "Pemerintah Kota Pekalongan", Unit: "Bappeda", Year: 2026, PackID: "pemdi-8-2026"}); err != nil {
		t.Fatal(err)
	}
	ws := files.files[path]
	u, ch := startUI(t, files, Options{Path: path})
	if err := await(t, u, ch); err != nil {
		t.Fatal(err)
	}
	v := u.view
	// An instrument of aspects only shows its aspects at the top.
	if kids := v.tree.children(""); len(kids) != 7 || kids[0] != "a1" {
		t.Fatalf("top of the tree: %v", kids)
	}
	if strings.Contains(texts(u.win.Content()), "Indeks per domain") {
		t.Error("a dashboard of domains for an instrument without them")
	}
	v.showIndicator(1)
	p := v.page
	if p.value == nil {
		t.Fatal("no decimal value entry for Indeks Pemdi")
	}
	test.Type(p.value, "2,50")
	p.flush()
	settle(t, u)
	if got := ws.answer(1).Value; got != 250 {
		t.Fatalf("saved %s, want 2,50", got)
	}
	if p.cards[1].mode != cardChosen || !strings.Contains(p.valueMsg.Text, "tingkat 2 · Cukup") {
		t.Fatalf("2,50 should mark level 2 (Cukup): %q", p.valueMsg.Text)
	}
	// Indicator 5 takes the SDI from Bappenas: 68,75 becomes 3,75.
	v.showIndicator(5)
	p = v.page
	if p.external == nil {
		t.Fatal("no external index entry for indicator 5")
	}
	test.Type(p.external.source, "Hasil Evaluasi SDI 2025, Bappenas")
	test.Type(p.external.value, "68,75")
	p.flush()
	settle(t, u)
	got := ws.answer(5)
	if got.Value != 375 || got.External == nil || got.External.Value != 6875 || got.External.Source != "Hasil Evaluasi SDI 2025, Bappenas" {
		t.Fatalf("saved %+v (external %+v)", got, got.External)
	}
	if !strings.Contains(p.external.result.Text, "SDI 68,75 menjadi nilai indikator 3,75") {
		t.Fatalf("result %q", p.external.result.Text)
	}
	// Choosing a level directly replaces the external value.
	p.setLevel(2)
	settle(t, u)
	if got := ws.answer(5); got.Value != 200 || got.External != nil || p.external.value.Text != "" {
		t.Fatalf("after choosing level 2: %+v", got)
	}
	v.showDashboard()
	if !strings.Contains(v.dash.predikat.Text, "(") {
		t.Errorf("predikat without its aliases: %q", v.dash.predikat.Text)
	}
}

func TestPrintReport(t *testing.T) {
	u, _, _, _ := openUI(t)
	v := u.view
	v.showIndicator(11)
	v.page.setLevel(3)
	settle(t, u)
	path := filepath.Join(t.TempDir(), "laporan.pdf")
	result := errors.New("not done")
	v.printTo(path, func(err error) { result = err })
	settle(t, u)
	if result != nil {
		t.Fatal(result)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("no PDF written: %v", err)
	}
	if top := topDialog(u); !strings.Contains(top, "Laporan PDF ditulis") {
		t.Fatalf("dialog %q", top)
	}
}

func TestExportForCoordinator(t *testing.T) {
	u, _, ws, _ := openUI(t)
	v := u.view
	v.showIndicator(11)
	v.page.setLevel(3)
	settle(t, u)
	ws.passphrase = "kata sandi uji"
	v.onExport()
	e := v.export
	if e == nil || e.pass == nil {
		t.Fatal("no export dialog asking for the passphrase")
	}
	top := topDialog(u)
	if !strings.Contains(top, "Kiriman ini: revisi 1") || !strings.Contains(top, "1 dari 47 indikator") || !strings.Contains(top, "temuan yang akan ditolak asesor") {
		t.Fatalf("summary %q", top)
	}
	// A wrong passphrase gets plain words and writes nothing.
	path := filepath.Join(t.TempDir(), "kiriman.swanilai.zip")
	test.Type(e.pass, "salah sekali")
	var result error
	e.write(path, func(err error) { result = err })
	settle(t, u)
	if !errors.Is(result, bundle.ErrPassphrase) || !strings.Contains(topDialog(u), "Kata sandi kunci salah.") {
		t.Fatalf("wrong passphrase: %v, dialog %q", result, topDialog(u))
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("a bundle was written with a wrong passphrase")
	}
	// The right one writes it, and cancelling a long one leaves nothing.
	e.pass.SetText("kata sandi uji")
	e.write(path, func(err error) { result = err })
	settle(t, u)
	if result != nil || !strings.Contains(topDialog(u), "Bundel revisi 1 ditulis") {
		t.Fatalf("export: %v, dialog %q", result, topDialog(u))
	}
	ws.gate = make(chan struct{})
	other := filepath.Join(t.TempDir(), "batal.swanilai.zip")
	e.write(other, func(err error) { result = err })
	test.Tap(e.progress.cancel)
	settle(t, u)
	if !errors.Is(result, context.Canceled) {
		t.Fatalf("cancel: %v", result)
	}
	if _, err := os.Stat(other); !os.IsNotExist(err) {
		t.Fatal("a cancelled export left a file")
	}
}
