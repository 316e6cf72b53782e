package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/roundtrip"
)

// opdsPage is the coordinator's page of OPDs: their status in the year's
// cycle, and the OPD × indicator matrix of who answers what.
type opdsPage struct {
	v *mainView
	c Coordination

	registry    []model.OPD
	status      []model.OPDStatus
	assignments map[string][]int
	timeline    model.Timeline

	tabs   *container.AppTabs
	table  *widget.Table // the status table
	fit    *fitColumns   // the status table's column widths
	matrix *widget.Table // the assignment matrix
	next   *widget.Label
}

func (v *mainView) showOPDs() {
	c := v.coordination()
	if c == nil {
		return
	}
	p := &opdsPage{v: v, c: c}
	if err := p.load(); err != nil {
		showError(err, v.app.win)
		return
	}
	v.setContent(p.buildUI(), "opds")
	v.opds = p
	v.tree.widget.UnselectAll()
}

// load reads the registry, the status and the assignments.
func (p *opdsPage) load() error {
	var err error
	if p.registry, err = p.c.Registry(); err != nil {
		return err
	}
	if p.status, err = p.c.Status(p.v.app.today()); err != nil {
		return err
	}
	if p.assignments, err = p.c.Assignments(); err != nil {
		return err
	}
	p.timeline, err = p.c.Timeline()
	return err
}

func (p *opdsPage) buildUI() fyne.CanvasObject {
	title := &widget.Label{Text: lang.L("opds.title"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	add := &widget.Button{Text: lang.L("opds.add"), Icon: theme.ContentAddIcon(), OnTapped: func() { p.editOPD(model.OPD{}) }}
	p.next = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.showNext()
	p.table = p.statusTable()
	p.fit = &fitColumns{t: p.table, widths: columnWidths()}
	p.matrix = p.matrixTable()
	hint := &widget.Label{Text: lang.L("opds.matrix_hint"), Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	p.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("opds.tab_status"), container.New(p.fit, p.table)),
		container.NewTabItem(lang.L("opds.tab_matrix"), container.NewBorder(hint, nil, nil, nil, p.matrix)),
	)
	head := container.NewVBox(container.NewBorder(nil, nil, nil, add, title), p.next)
	return container.NewPadded(container.NewBorder(head, nil, nil, nil, p.tabs))
}

// showNext says which deadline comes next, and how many OPDs are late.
func (p *opdsPage) showNext() {
	var late, sent int
	for _, s := range p.status {
		switch s.State {
		case model.OPDOverdue:
			late++
		case model.OPDSubmitted:
			sent++
		}
	}
	text := lang.L("opds.counts", map[string]any{"N": len(p.status), "Sent": sent, "Late": late})
	if m, ok := p.timeline.Next(p.v.app.today()); ok {
		text = lang.L("opds.next", map[string]any{"Stage": p.v.stageText(m.Stage), "Date": p.v.dateText(m.Due)}) + " · " + text
	}
	p.next.SetText(text)
}

func (v *mainView) stageText(s model.Stage) string {
	if v.app.settings.language() == "en" {
		return s.TextEN()
	}
	return s.Text()
}

// The columns of the status table, with their widths at 1366×768; the
// table shares out the width it gets in these proportions (fitColumns).
// An OPD's key fingerprint is in its actions dialog.
var statusColumns = []struct {
	key   string
	width float32
}{
	{"opds.col_code", 120}, {"opds.col_name", 190}, {"opds.col_state", 150}, {"opds.col_assigned", 105},
	{"opds.col_answered", 160}, {"opds.col_submission", 220},
}

func columnWidths() []float32 {
	out := make([]float32, len(statusColumns))
	for i, c := range statusColumns {
		out[i] = c.width
	}
	return out
}

// fitColumns lays out a table over the whole width it gets, so that it
// needs no horizontal scroll: the first column as wide as first (the
// longest OPD code), the others sized in proportion to widths.
type fitColumns struct {
	t      *widget.Table
	widths []float32
	first  float32
	last   float32
}

// fitFirst sets the first column's width and lays the columns out again.
func (f *fitColumns) fitFirst(w float32) {
	f.first, f.last = w, 0
	f.Layout([]fyne.CanvasObject{f.t}, f.t.Size())
}

func (f *fitColumns) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	if s.Width != f.last && s.Width > 0 {
		f.last = s.Width
		var sum float32
		for _, w := range f.widths[1:] {
			sum += w
		}
		f.t.SetColumnWidth(0, f.first)
		// Each column is followed by a divider of one padding; leave room
		// for the vertical scroll bar too.
		avail := s.Width - f.first - float32(len(f.widths))*theme.Padding() - theme.ScrollBarSize()
		for i, w := range f.widths[1:] {
			f.t.SetColumnWidth(i+1, max(48, avail*w/sum))
		}
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(s)
	}
}

func (f *fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(0, objs[0].MinSize().Height)
}

func (p *opdsPage) statusTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(p.status), len(statusColumns) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			l.SetText(p.statusCell(id))
			if id.Col == 2 && id.Row < len(p.status) && p.status[id.Row].State == model.OPDOverdue {
				l.Importance = widget.DangerImportance
				l.Refresh()
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(statusColumns[id.Col].key))
		}
	}
	for i, c := range statusColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row >= 0 && id.Row < len(p.status) {
			p.opdActions(p.status[id.Row])
		}
	}
	return t
}

// statusCell is the text of one cell of the status table.
func (p *opdsPage) statusCell(id widget.TableCellID) string {
	if id.Row < 0 || id.Row >= len(p.status) {
		return ""
	}
	s := p.status[id.Row]
	switch id.Col {
	case 0:
		return s.OPD.Code
	case 1:
		return s.OPD.Name
	case 2:
		if p.v.app.settings.language() == "en" {
			return s.State.TextEN()
		}
		return s.State.Text()
	case 3:
		return strconv.Itoa(len(s.Assigned))
	case 4:
		return fmt.Sprintf("%d (%d)", s.Answered, s.WithEvidence)
	case 5:
		if s.Revision == 0 {
			return "–"
		}
		return lang.L("opds.revision", map[string]any{"N": s.Revision, "Date": p.v.dateText(s.Submitted)})
	}
	return ""
}

// matrixTable is the OPD × indicator matrix: a tap on a cell assigns the
// indicator to the OPD or takes it back.
func (p *opdsPage) matrixTable() *widget.Table {
	nos := p.v.pack.IndicatorNumbers()
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(p.registry), len(nos) },
		func() fyne.CanvasObject {
			return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(p.registry) || id.Col >= len(nos) {
				l.SetText("")
				return
			}
			code, no := p.registry[id.Row].Code, nos[id.Col]
			l.Importance = widget.MediumImportance
			switch st := p.stateOf(code, no); {
			case !slices.Contains(p.assignments[code], no):
				l.Importance = widget.LowImportance
				l.Text = "·"
			case st == model.StateAnswered:
				l.Importance = widget.SuccessImportance
				l.Text = "●"
			case st == model.StateNoEvidence:
				l.Importance = widget.WarningImportance
				l.Text = "●"
			default:
				l.Text = "○"
			}
			l.Refresh()
		})
	t.CreateHeader = func() fyne.CanvasObject {
		return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Row < 0 && id.Col >= 0 && id.Col < len(nos):
			l.SetText(strconv.Itoa(nos[id.Col]))
		case id.Col < 0 && id.Row >= 0 && id.Row < len(p.registry):
			l.SetText(p.registry[id.Row].Code)
		default:
			l.SetText("")
		}
	}
	for i := range nos {
		t.SetColumnWidth(i, 34)
	}
	p.matrix = t
	p.sizeCodeColumns()
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row < 0 || id.Col < 0 || id.Row >= len(p.registry) {
			return
		}
		p.toggle(p.registry[id.Row].Code, nos[id.Col])
	}
	return t
}

// stateOf returns the state of the answer to indicator no in the latest
// submission of OPD code: StateUnanswered before one.
func (p *opdsPage) stateOf(code string, no int) model.State {
	for _, s := range p.status {
		if s.OPD.Code == code {
			if st, ok := s.States[no]; ok {
				return st
			}
		}
	}
	return model.StateUnanswered
}

// toggle assigns indicator no to OPD code, or takes it back.
func (p *opdsPage) toggle(code string, no int) {
	v := p.v
	on := !slices.Contains(p.assignments[code], no)
	by := v.by()
	v.enqueue(func() {
		err := p.c.SetAssigned(by, code, no, on)
		v.app.do(func() {
			if err != nil {
				showError(err, v.app.win)
				return
			}
			if on {
				p.assignments[code] = append(p.assignments[code], no)
				slices.Sort(p.assignments[code])
			} else {
				p.assignments[code] = slices.DeleteFunc(p.assignments[code], func(n int) bool { return n == no })
			}
			p.reload()
		})
	})
}

// reload reads the page's data again and redraws it.
func (p *opdsPage) reload() {
	if err := p.load(); err != nil {
		showError(err, p.v.app.win)
		return
	}
	p.showNext()
	p.table.Refresh()
	p.sizeCodeColumns()
	p.matrix.Refresh()
}

// sizeCodeColumns makes the first column of the matrix and of the status
// table, the OPD codes, as wide as the longest code.
func (p *opdsPage) sizeCodeColumns() {
	w := fyne.MeasureText("KODE", theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	for _, o := range p.registry {
		w = max(w, fyne.MeasureText(o.Code, theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	w += 2*theme.InnerPadding() + 2*theme.Padding()
	p.matrix.SetColumnWidth(-1, w)
	if p.fit != nil {
		p.fit.fitFirst(w)
	}
}

// opdActions offers what can be done with one OPD.
func (p *opdsPage) opdActions(s model.OPDStatus) {
	v := p.v
	var d dialog.Dialog
	key := lang.L("opds.no_key")
	if !s.OPD.Key.IsZero() {
		key = lang.L("opds.key", map[string]any{"Fingerprint": s.OPD.Key.Fingerprint()})
	}
	info := &widget.Label{Text: fmt.Sprintf("%s · %s\n%s\n%s", s.OPD.Code, s.OPD.Name, s.OPD.Contact, key), Wrapping: fyne.TextWrapWord}
	export := &widget.Button{Text: lang.L("opds.export"), Icon: theme.MailSendIcon(), Importance: widget.HighImportance, OnTapped: func() {
		d.Hide()
		p.exportAssignment(s.OPD)
	}}
	if len(s.Assigned) == 0 {
		export.Disable()
	}
	edit := &widget.Button{Text: lang.L("opds.edit"), Icon: theme.DocumentCreateIcon(), OnTapped: func() { d.Hide(); p.editOPD(s.OPD) }}
	remove := &widget.Button{Text: lang.L("opds.remove"), Icon: theme.DeleteIcon(), OnTapped: func() { d.Hide(); p.removeOPD(s.OPD) }}
	d = dialog.NewCustom(s.OPD.Code, lang.L("button.close"), container.NewVBox(info, export, edit, remove), v.app.win)
	d.Show()
}

// editOPD adds an OPD (o empty) or changes one.
func (p *opdsPage) editOPD(o model.OPD) {
	v := p.v
	code := &widget.Entry{Text: o.Code, PlaceHolder: "DISKOMINFO"}
	name := &widget.Entry{Text: o.Name, PlaceHolder: "Dinas Komunikasi dan Informatika"}
	contact := &widget.Entry{Text: o.Contact, PlaceHolder: lang.L("opds.contact_hint")}
	if o.Code != "" {
		code.Disable()
	}
	title := lang.L("opds.add")
	if o.Code != "" {
		title = lang.L("opds.edit")
	}
	d := dialog.NewForm(title, lang.L("button.save"), lang.L("button.cancel"), []*widget.FormItem{
		{Text: lang.L("opds.col_code"), Widget: code, HintText: lang.L("opds.code_hint")},
		{Text: lang.L("opds.col_name"), Widget: name, HintText: lang.L("opds.name_hint")},
		{Text: lang.L("opds.contact"), Widget: contact},
	}, func(ok bool) {
		if !ok {
			return
		}
		n := model.OPD{Code: strings.TrimSpace(code.Text), Name: strings.TrimSpace(name.Text), Contact: strings.TrimSpace(contact.Text), Key: o.Key}
		by := v.by()
		v.enqueue(func() {
			err := p.c.PutOPD(by, n)
			v.app.do(func() {
				if err != nil {
					showError(err, v.app.win)
					return
				}
				p.reload()
			})
		})
	}, v.app.win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
}

func (p *opdsPage) removeOPD(o model.OPD) {
	v := p.v
	dialog.ShowConfirm(lang.L("opds.remove"), lang.L("opds.remove_confirm", map[string]any{"Code": o.Code}), func(ok bool) {
		if !ok {
			return
		}
		by := v.by()
		v.enqueue(func() {
			err := p.c.RemoveOPD(by, o.Code)
			v.app.do(func() {
				if err != nil {
					showError(err, v.app.win)
					return
				}
				p.reload()
			})
		})
	}, v.app.win)
}

// exportAssignment asks for the key's passphrase when it has one, then
// where the assignment bundle of o goes, and writes it.
func (p *opdsPage) exportAssignment(o model.OPD) {
	p.v.askPassphrase(lang.L("opds.export"), func(passphrase string) {
		p.chooseAssignmentFile(o, passphrase)
	})
}

// chooseAssignmentFile asks where the assignment bundle of o goes and
// writes it there.
func (p *opdsPage) chooseAssignmentFile(o model.OPD, passphrase string) {
	v := p.v
	name := fmt.Sprintf("penugasan-%s-%d%s", strings.ToLower(o.Code), v.ws.Identity().Year, roundtrip.BundleExt)
	showSaveFile(v.app.win, saveOptions{name: name, ext: roundtrip.BundleExt}, func(path string) {
		p.writeAssignment(o, path, passphrase, nil)
	})
}

// writeAssignment writes the assignment bundle off the UI goroutine; done,
// when set, is called on the UI goroutine at the end.
func (p *opdsPage) writeAssignment(o model.OPD, path, passphrase string, done func(error)) {
	v := p.v
	by := v.by()
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		a, err := p.c.ExportAssignment(context.Background(), by, o.Code, path, passphrase)
		v.app.do(func() {
			if err != nil {
				showError(err, v.app.win)
			} else {
				dialog.ShowInformation(lang.L("opds.export"), lang.L("opds.exported", map[string]any{
					"Code": o.Code, "N": len(a.Indicators), "Date": v.dateText(a.Deadline), "Path": path,
				}), v.app.win)
				p.reload()
			}
			if done != nil {
				done(err)
			}
		})
	}()
}
