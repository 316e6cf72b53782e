package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/swanilai/swanilai/roundtrip"
)

// importPage collects the OPDs' submissions: files or a whole folder (the
// USB stick), with progress, going on past a bad file, and a result line
// per file.
type importPage struct {
	v       *mainView
	c       Coordination
	results *fyne.Container
	// progress is the dialog shown while importing; tests read it.
	progress *progressDialog
}

func (v *mainView) showImport() {
	c := v.coordination()
	if c == nil {
		return
	}
	p := &importPage{v: v, c: c}
	v.setContent(p.buildUI(), "import")
	v.imports = p
	v.tree.widget.UnselectAll()
}

func (p *importPage) buildUI() fyne.CanvasObject {
	title := &widget.Label{Text: lang.L("import.title"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	intro := &widget.Label{Text: lang.L("import.intro"), Wrapping: fyne.TextWrapWord}
	files := &widget.Button{Text: lang.L("import.file"), Icon: theme.FileIcon(), OnTapped: p.onFile}
	folder := &widget.Button{Text: lang.L("import.folder"), Icon: theme.FolderOpenIcon(), Importance: widget.HighImportance, OnTapped: p.onFolder}
	p.results = container.NewVBox()
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, intro, container.NewHBox(folder, files), widget.NewSeparator(), p.results)))
}

// bundleFilter lists only bundles in the import's file dialog: the
// extension Swanilai writes, and .zip, which it wrote before.
var bundleFilter = storage.NewExtensionFileFilter([]string{roundtrip.BundleExt, ".zip"})

func (p *importPage) onFile() {
	v := p.v
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			showError(err, v.app.win)
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		p.run([]string{path}, nil)
	}, v.app.win)
	d.SetFilter(bundleFilter)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (p *importPage) onFolder() {
	v := p.v
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			showError(err, v.app.win)
			return
		}
		p.run([]string{l.Path()}, nil)
	}, v.app.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// run imports paths off the UI goroutine with a progress dialog and
// Cancel, then lists what became of each file; done, when set, is called
// on the UI goroutine at the end.
func (p *importPage) run(paths []string, done func([]ImportOutcome)) {
	v := p.v
	ctx, pr := newProgressDialog(v.ctx, v.app.win, v.app.do, lang.L("import.busy"), "")
	p.progress = pr
	by := v.by()
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		out := p.c.Import(ctx, by, paths, func(d, t int, file string) {
			pr.update(int64(d), int64(t))
			pr.setText(lang.L("ev.attaching_file", map[string]any{"N": min(d+1, t), "Total": t, "Name": filepath.Base(file)}))
		})
		pr.close(func() {
			p.progress = nil
			p.show(out)
			v.reloadSubmissions()
			if done != nil {
				done(out)
			}
		})
	}()
}

// show lists the outcome of every file.
func (p *importPage) show(out []ImportOutcome) {
	p.results.RemoveAll()
	var imported, refused, already int
	for _, o := range out {
		switch o.Outcome {
		case OutcomeImported:
			imported++
		case OutcomeRefused:
			refused++
		case OutcomeAlready:
			already++
		}
	}
	p.results.Add(&widget.Label{Text: lang.L("import.summary", map[string]any{"Imported": imported, "Refused": refused, "Already": already}), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord})
	for _, o := range out {
		var icon fyne.Resource
		var text string
		switch o.Outcome {
		case OutcomeImported:
			icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
			text = lang.L("import.imported", map[string]any{"OPD": o.OPD, "N": o.Revision})
			if o.NewKey != "" {
				text += " " + lang.L("import.pinned", map[string]any{"Fingerprint": o.NewKey})
			}
		case OutcomeAlready:
			icon = theme.NewWarningThemedResource(theme.InfoIcon())
			text = lang.L("import.already", map[string]any{"OPD": o.OPD, "N": o.Revision})
		default:
			icon = theme.NewErrorThemedResource(theme.ErrorIcon())
			text = lang.L("import.refused", map[string]any{"Reason": errorText(o.Err)})
		}
		row := container.NewBorder(nil, nil, widget.NewIcon(icon), nil, container.NewVBox(
			&widget.Label{Text: filepath.Base(o.File), TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
			&widget.Label{Text: text, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText},
		))
		p.results.Add(row)
	}
	p.results.Refresh()
}

// importPaths imports paths as the import page does: a coordinator's on
// the import page, with its progress and list of outcomes; an OPD's with
// the window then showing what came in.
func (v *mainView) importPaths(paths []string) {
	if v.coordination() != nil {
		v.showImport()
		v.imports.run(paths, nil)
		return
	}
	if im, ok := v.ws.(Importer); ok {
		v.importOPD(im, paths, nil)
	}
}

// onImportOPD lets an OPD import what its coordinator sent: the
// assignment (and, later, reviews).
func (v *mainView) onImportOPD() {
	im, ok := v.ws.(Importer)
	if !ok {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			showError(err, v.app.win)
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		v.importOPD(im, []string{path}, nil)
	}, v.app.win)
	d.SetFilter(bundleFilter)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// importOPD imports paths into an OPD's workspace off the UI goroutine and
// shows the window again with what came in; done, when set, is called on
// the UI goroutine at the end.
func (v *mainView) importOPD(im Importer, paths []string, done func([]ImportOutcome)) {
	by := v.by()
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		out := im.Import(v.ctx, by, paths, nil)
		v.app.do(func() {
			var notes []string
			for _, o := range out {
				switch o.Outcome {
				case OutcomeImported:
					notes = append(notes, filepath.Base(o.File)+": "+lang.L("import.bundle_in"))
				case OutcomeAlready:
					notes = append(notes, filepath.Base(o.File)+": "+lang.L("import.assignment_already"))
				default:
					notes = append(notes, filepath.Base(o.File)+": "+errorText(o.Err))
				}
			}
			if src, ok := v.ws.(AssignmentSource); ok {
				if a, err := src.Assignment(); err == nil {
					v.assignment = a
				}
			}
			if err := v.loadReview(); err != nil {
				showError(err, v.app.win)
			}
			v.app.rebuild()
			dialog.ShowInformation(lang.L("import.title_opd"), strings.Join(notes, "\n"), v.app.win)
			if done != nil {
				done(out)
			}
		})
	}()
}
