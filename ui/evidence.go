package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
)

// evidenceList shows and manages the evidence of one indicator.
type evidenceList struct {
	p    *indicatorPage
	rows *fyne.Container
	// attachButton opens the file dialog.
	attachButton *widget.Button
	// progress is the attach dialog while one is shown; tests read it.
	progress *progressDialog
}

func newEvidenceList(p *indicatorPage) *evidenceList {
	return &evidenceList{p: p}
}

func (l *evidenceList) buildUI() fyne.CanvasObject {
	l.rows = container.NewVBox()
	l.attachButton = &widget.Button{Text: lang.L("ev.attach"), Icon: theme.ContentAddIcon(), OnTapped: l.onAttach}
	hint := &widget.Label{Text: lang.L("ev.drop_hint"), SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord}
	l.refresh()
	return container.NewVBox(l.rows, container.NewBorder(nil, nil, l.attachButton, nil, hint))
}

// refresh rebuilds the rows from the window's copy of the evidence.
func (l *evidenceList) refresh() {
	v := l.p.v
	l.rows.RemoveAll()
	ev := v.a.EvidenceFor(l.p.ind.No)
	if len(ev) == 0 {
		l.rows.Add(&widget.Label{Text: lang.L("ev.none"), Importance: widget.LowImportance})
	}
	for _, e := range ev {
		l.rows.Add(l.row(e))
	}
}

func (l *evidenceList) row(e model.Evidence) fyne.CanvasObject {
	v := l.p.v
	name := &widget.Label{Text: e.Name, TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	var meta []string
	if e.Title != "" {
		meta = append(meta, e.Title)
	}
	if e.DocNo != "" {
		meta = append(meta, lang.L("ev.doc_no", map[string]any{"No": e.DocNo}))
	}
	if !e.DocDate.IsZero() {
		meta = append(meta, lang.L("ev.doc_date", map[string]any{"Date": v.dateText(e.DocDate)}))
	}
	if !e.ValidUntil.IsZero() {
		meta = append(meta, lang.L("ev.valid_until", map[string]any{"Date": v.dateText(e.ValidUntil)}))
	}
	if e.Level > 0 {
		meta = append(meta, lang.L("ev.level", map[string]any{"Level": e.Level}))
	}
	meta = append(meta, sizeText(e.Size), "SHA-256 "+e.ShortHash())
	details := &widget.Label{Text: strings.Join(meta, " · "), Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	if e.Expired(v.app.today()) {
		details.Importance = widget.DangerImportance
		details.Text = lang.L("ev.expired") + " · " + details.Text
	}
	open := &widget.Button{Icon: theme.FileIcon(), Importance: widget.LowImportance, OnTapped: func() { l.open(e) }}
	edit := &widget.Button{Icon: theme.DocumentCreateIcon(), Importance: widget.LowImportance, OnTapped: func() { l.edit(e) }}
	detach := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { l.confirmDetach(e) }}
	buttons := container.NewHBox(open, edit, detach)
	return container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.FileIcon()), buttons, container.NewVBox(name, details))
}

func (v *mainView) dateText(d model.Date) string {
	if v.app.settings.language() == "en" {
		return d.String()
	}
	return d.ID()
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return strings.Replace(fmt.Sprintf("%.1f GB", float64(n)/(1<<30)), ".", ",", 1)
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	case n >= 1<<10:
		return strings.Replace(fmt.Sprintf("%.0f kB", float64(n)/(1<<10)), ".", ",", 1)
	}
	return strconv.FormatInt(n, 10) + " B"
}

func (l *evidenceList) onAttach() {
	w := l.p.v.app.win
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(err, w)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		l.attach([]string{path}, nil)
	}, w)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// attachResult is what happened to one file.
type attachResult struct {
	name  string
	e     model.Evidence
	known bool
	err   error
}

// attach links the files at paths to the page's indicator, one after
// another in a goroutine, with a progress dialog whose Cancel stops the
// file being stored (the store leaves nothing of it behind). done, when
// not nil, is called on the UI goroutine at the end; tests wait on it.
func (l *evidenceList) attach(paths []string, done func()) {
	if len(paths) == 0 {
		return
	}
	v := l.p.v
	no := l.p.ind.No
	by := v.by()
	ctx, pr := newProgressDialog(v.ctx, v.app.win, v.app.do, lang.L("ev.attaching"), "")
	l.progress = pr
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		var results []attachResult
		for i, path := range paths {
			name := filepath.Base(path)
			pr.setText(lang.L("ev.attaching_file", map[string]any{"N": i + 1, "Total": len(paths), "Name": name}))
			pr.update(0, 0)
			e, known, err := v.ws.Attach(ctx, by, no, path, pr.update)
			results = append(results, attachResult{name: name, e: e, known: known, err: err})
			if errors.Is(err, context.Canceled) {
				break
			}
		}
		pr.close(func() {
			l.progress = nil
			l.finish(no, results)
			if done != nil {
				done()
			}
		})
	}()
}

// finish applies the attached files to the window and tells the user what
// happened: files linked that were stored already, and failures.
func (l *evidenceList) finish(no int, results []attachResult) {
	v := l.p.v
	var notes []string
	for _, r := range results {
		switch {
		case errors.Is(r.err, context.Canceled):
			notes = append(notes, lang.L("ev.cancelled", map[string]any{"Name": r.name}))
		case r.err != nil:
			notes = append(notes, r.name+": "+errorText(r.err))
		default:
			v.putEvidence(r.e)
			if r.known {
				others := v.otherIndicatorsWith(no, r.e.SHA256)
				if len(others) > 0 {
					notes = append(notes, lang.L("ev.known_other", map[string]any{"Name": r.name, "Indicators": joinInts(others)}))
				} else {
					notes = append(notes, lang.L("ev.known", map[string]any{"Name": r.name}))
				}
			}
		}
	}
	l.changed(no)
	if len(notes) > 0 {
		dialog.ShowInformation(lang.L("ev.result"), strings.Join(notes, "\n"), v.app.win)
	}
}

// changed updates what shows indicator no after its evidence changed:
// the tree, the dashboard, and this list while its page is shown.
func (l *evidenceList) changed(no int) {
	v := l.p.v
	v.changed(no)
	if l.p == v.page {
		l.refresh()
	}
}

func joinInts(ns []int) string {
	var s []string
	for _, n := range ns {
		s = append(s, strconv.Itoa(n))
	}
	return strings.Join(s, ", ")
}

func (l *evidenceList) confirmDetach(e model.Evidence) {
	v := l.p.v
	no := l.p.ind.No
	dialog.ShowConfirm(lang.L("ev.detach_title"), lang.L("ev.detach_confirm", map[string]any{"Name": e.Name}), func(ok bool) {
		if !ok {
			return
		}
		by := v.by()
		v.enqueue(func() {
			err := v.ws.Detach(by, no, e.SHA256)
			v.app.do(func() {
				if err != nil {
					showError(err, v.app.win)
					return
				}
				v.dropEvidence(no, e.SHA256)
				l.changed(no)
			})
		})
	}, v.app.win)
}

// edit asks for the document's metadata.
func (l *evidenceList) edit(e model.Evidence) {
	v := l.p.v
	title := &widget.Entry{Text: e.Title}
	docNo := &widget.Entry{Text: e.DocNo, PlaceHolder: "12 Tahun 2022"}
	docDate := &widget.Entry{Text: e.DocDate.String(), PlaceHolder: lang.L("ev.date_hint"), Validator: dateValidator}
	validUntil := &widget.Entry{Text: e.ValidUntil.String(), PlaceHolder: lang.L("ev.date_hint"), Validator: dateValidator}
	levels := []string{lang.L("ev.level_none"), "1", "2", "3", "4", "5"}
	level := widget.NewSelect(levels, nil)
	level.SetSelectedIndex(e.Level)
	items := []*widget.FormItem{
		{Text: lang.L("ev.title"), Widget: title, HintText: lang.L("ev.title_hint")},
		{Text: lang.L("ev.doc_no_label"), Widget: docNo},
		{Text: lang.L("ev.doc_date_label"), Widget: docDate},
		{Text: lang.L("ev.valid_until_label"), Widget: validUntil, HintText: lang.L("ev.valid_until_hint")},
		{Text: lang.L("ev.level_label"), Widget: level},
	}
	d := dialog.NewForm(e.Name, lang.L("button.save"), lang.L("button.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		e.Title, e.DocNo = strings.TrimSpace(title.Text), strings.TrimSpace(docNo.Text)
		e.DocDate, _ = model.ParseDate(strings.TrimSpace(docDate.Text))
		e.ValidUntil, _ = model.ParseDate(strings.TrimSpace(validUntil.Text))
		e.Level = level.SelectedIndex()
		if e.Level < 0 {
			e.Level = 0
		}
		by := v.by()
		no := e.Indicator
		v.enqueue(func() {
			stored, err := v.ws.UpdateEvidence(by, e)
			v.app.do(func() {
				if err != nil {
					showError(err, v.app.win)
					return
				}
				v.putEvidence(stored)
				l.changed(no)
			})
		})
	}, v.app.win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
}

func dateValidator(s string) error {
	_, err := model.ParseDate(strings.TrimSpace(s))
	if err != nil {
		return errors.New(model.ErrDate.In(windowLang()))
	}
	return nil
}

// open copies the evidence to a temporary file under its own name and
// opens it with the system's viewer.
func (l *evidenceList) open(e model.Evidence) {
	v := l.p.v
	go func() {
		path, err := l.extract(e)
		v.app.do(func() {
			if err != nil {
				showError(err, v.app.win)
				return
			}
			if err := v.app.openFile(path); err != nil {
				showError(err, v.app.win)
			}
		})
	}()
}

func (l *evidenceList) extract(e model.Evidence) (string, error) {
	dir, err := os.MkdirTemp("", "swanilai-")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, filepath.Base(e.Name))
	r, err := l.p.v.ws.OpenEvidence(e.SHA256)
	if err != nil {
		return "", err
	}
	defer r.Close()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		os.Remove(path)
		return "", err
	}
	return path, f.Close()
}
