package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"fyne.io/fyne/v2/app"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/store"
	"github.com/swanilai/swanilai/ui"
)

// appID identifies the app to the desktop and keeps its preferences.
const appID = "io.github.swanilai.swanilai"

// started is when the process started, for --startup-time.
var started = time.Now()

// windowCommand describes `swanilai` without a sub-command, for its -h.
var windowCommand = &command{
	name:    "",
	args:    "[-w BERKAS] [--view dashboard|readiness|wizard|opds|import|review:KODE|indicator:N] [--import BUNDEL] [--today TTTT-BB-HH] [--lang id|en] [--theme system|light|dark]",
	summary: "buka jendela / open the window",
}

// openWindow is what `swanilai` does without a sub-command: the window, on
// the workspace of -w, else the last one used.
func openWindow(_ context.Context, std stdio, args []string) error {
	fs := newFlags(windowCommand, std)
	path := fs.String("w", "", "berkas kerja yang dibuka / the workspace to open")
	view := fs.String("view", "", "yang ditampilkan lebih dulu / what to show first: dashboard, readiness, wizard, opds, import, review:KODE, indicator:N")
	timing := fs.Bool("startup-time", false, "cetak waktu sampai jendela tergambar lalu keluar / print the time to the first painted frame, then quit")
	language := fs.String("lang", "", "bahasa jendela / the window's language: id, en")
	colours := fs.String("theme", "", "tema / theme: system, light, dark")
	todayFlag := fs.String("today", "", "tanggal untuk batas waktu dan kesiapan (TTTT-BB-HH); bawaan hari ini / the date deadlines and readiness are judged on; default today")
	var attach, imports multiFlag
	fs.Var(&attach, "attach", "lampirkan berkas ke indikator --view indicator:N, untuk skrip / attach a file to the indicator of --view, for scripts")
	fs.Var(&imports, "import", "impor bundel (berkas atau folder) setelah berkas kerja terbuka / import a bundle (file or folder) once the workspace is open")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("perintah tidak dikenal / unknown command %q; lihat / see: swanilai help", pos[0])
	}
	if *path != "" {
		if *path, err = filepath.Abs(*path); err != nil {
			return err
		}
	}
	var today func() model.Date
	if *todayFlag != "" {
		d, err := model.ParseDate(*todayFlag)
		if err != nil {
			return usagef("--today: %v", err)
		}
		today = func() model.Date { return d }
	}
	if err := haveDisplay(); err != nil {
		return err
	}
	ui.Version = version
	a := app.NewWithID(appID)
	switch *language {
	case "", "id", "en":
	default:
		return usagef("--lang %q: pilih id atau en / choose id or en", *language)
	}
	switch *colours {
	case "", "system", "light", "dark":
	default:
		return usagef("--theme %q: pilih system, light atau dark / choose system, light or dark", *colours)
	}
	u := ui.New(a, storeFiles{}, ui.Options{Path: *path, View: *view, Language: *language, Theme: *colours, Attach: attach, Import: imports, Today: today})
	if *timing {
		u.WhenPainted(func() {
			fmt.Fprintf(std.out, "jendela tergambar / first frame painted: %d ms\n", time.Since(started).Milliseconds())
			u.Quit()
		})
	}
	u.ShowAndRun()
	return nil
}

// errNoDisplay reports a start of the window where there is no screen.
var errNoDisplay = errors.New("tidak ada layar grafis (DISPLAY kosong): jalankan di desktop, atau pakai perintahnya, lihat swanilai help / no graphical display (DISPLAY is empty): run it on a desktop, or use the commands, see swanilai help")

// haveDisplay checks, on X11 and Wayland systems, that there is a display
// to open the window on, so that a start over SSH gets a plain sentence
// rather than the toolkit's failure.
func haveDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errNoDisplay
	}
	return nil
}

// storeFiles opens and creates workspace files for the window.
type storeFiles struct{}

func (storeFiles) Open(path string) (ui.Workspace, error) {
	w, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	return uiWorkspace{w}, nil
}

func (storeFiles) Create(path string, nw ui.NewWorkspace) (ui.Workspace, error) {
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
	return uiWorkspace{w}, nil
}

// uiWorkspace adapts a store workspace to what the window asks of it.
type uiWorkspace struct {
	*store.Workspace
}

func (w uiWorkspace) SaveAnswer(by string, a model.Answer) (model.Answer, error) {
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

func (w uiWorkspace) Attach(ctx context.Context, by string, no int, path string, progress func(done, total int64)) (model.Evidence, bool, error) {
	e, res, err := w.Workspace.Attach(ctx, by, no, path, store.EvidenceMeta{}, progress)
	return e, res.AlreadyStored, err
}

func (w uiWorkspace) UpdateEvidence(by string, e model.Evidence) (model.Evidence, error) {
	return w.Workspace.UpdateEvidence(by, e.Indicator, e.SHA256, store.EvidenceMeta{
		Title: e.Title, DocNo: e.DocNo, DocDate: e.DocDate, ValidUntil: e.ValidUntil, Level: e.Level,
	})
}

func (w uiWorkspace) ExportDraft(today model.Date) (bundle.Summary, error) {
	s, err := w.Workspace.ExportDraft()
	if err != nil {
		return bundle.Summary{}, err
	}
	return bundle.Summarize(s, today), nil
}

func (w uiWorkspace) KeyProtected() (bool, error) {
	k, err := w.SigningKey()
	return k.Protected(), err
}

func (w uiWorkspace) Export(ctx context.Context, path, passphrase string, progress func(done, total int64)) (bundle.Summary, error) {
	return exportSubmission(ctx, w.Workspace, path, passphrase, progress)
}

func (w uiWorkspace) Detach(by string, no int, sha string) error {
	_, err := w.Workspace.Detach(by, no, sha)
	return err
}

// Latest returns the OPDs' contributions: their latest submissions, each
// with the indicators assigned to it.
func (w uiWorkspace) Latest() (map[string]*model.Assessment, error) {
	return w.Contributions()
}

func (w uiWorkspace) ExportAssignment(ctx context.Context, by, code, path, passphrase string) (model.Assignment, error) {
	return exportAssignment(ctx, w.Workspace, by, code, path, passphrase, model.Date{})
}

// Import imports submissions into a coordinator's workspace and the
// assignment into an OPD's, as `swanilai import` does.
func (w uiWorkspace) Import(ctx context.Context, by string, paths []string, progress func(done, total int, file string)) []ui.ImportOutcome {
	in := importMany(ctx, w.Workspace, paths, importOptions{by: by}, progress)
	out := make([]ui.ImportOutcome, 0, len(in))
	for _, o := range in {
		u := ui.ImportOutcome{File: o.File, OPD: o.Code, Revision: o.Revision, Err: o.Err, NewKey: o.NewKey}
		if u.OPD == "" {
			u.OPD = o.Unit
		}
		switch o.Outcome {
		case outcomeImported:
			u.Outcome = ui.OutcomeImported
		case outcomeAlready:
			u.Outcome = ui.OutcomeAlready
		default:
			u.Outcome = ui.OutcomeRefused
		}
		out = append(out, u)
	}
	return out
}

// ExportReview writes the signed review bundle of OPD code's latest
// revision, as `swanilai review-export` does.
func (w uiWorkspace) ExportReview(ctx context.Context, by, code, path, passphrase string) (*model.Review, error) {
	return exportReview(ctx, w.Workspace, by, code, path, passphrase)
}

// The window's coordinator and OPD pages find these by type assertion; the
// compiler checks here that the adapter still offers them.
var (
	_ ui.Coordination     = uiWorkspace{}
	_ ui.AssignmentSource = uiWorkspace{}
	_ ui.Reviewer         = uiWorkspace{}
	_ ui.ReviewSource     = uiWorkspace{}
)
