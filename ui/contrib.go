package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
)

// reloadSubmissions reads the OPDs' latest submissions again (after an
// import) and redraws what shows them.
func (v *mainView) reloadSubmissions() {
	c := v.coordination()
	if c == nil {
		return
	}
	latest, err := c.Latest()
	if err != nil {
		showError(err, v.app.win)
		return
	}
	v.latest = latest
	v.tree.widget.Refresh()
	if v.dash != nil {
		v.dash.refresh()
	}
}

// contributions returns what the OPDs answered for indicator no in their
// latest submissions, by OPD code.
func (v *mainView) contributions(no int) []model.Contribution {
	var out []model.Contribution
	for _, s := range model.Spreads(v.pack, v.latest) {
		if s.Indicator == no {
			return s.Contributions
		}
	}
	return out
}

// contributionsUI is the part of a coordinator's indicator page that shows
// every contributing OPD's answer, penjelasan and evidence, with the
// spread of their levels; "Pakai" takes an OPD's answer as the Pemda's
// to start from.
func (p *indicatorPage) contributionsUI() fyne.CanvasObject {
	v := p.v
	contrib := v.contributions(p.ind.No)
	box := container.NewVBox()
	if len(contrib) == 0 {
		box.Add(&widget.Label{Text: lang.L("contrib.none"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance})
		return box
	}
	levels := map[model.Hundredths]bool{}
	for _, c := range contrib {
		levels[c.Answer.Value] = true
	}
	if len(levels) > 1 {
		var vals []string
		for l := range levels {
			vals = append(vals, l.Compact())
		}
		sort.Strings(vals)
		box.Add(&widget.Label{Text: lang.L("contrib.spread", map[string]any{"N": len(contrib), "Levels": strings.Join(vals, ", ")}), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
	}
	for _, c := range contrib {
		c := c
		a := c.Answer
		name := v.pack.LevelName(p.ind, v.pack.LevelOf(p.ind, a.Value))
		head := &widget.Label{Text: fmt.Sprintf("%s · %s %s %s", c.OPD, lang.L("contrib.level"), a.Value.Compact(), name), TextStyle: fyne.TextStyle{Bold: true}}
		use := &widget.Button{Text: lang.L("contrib.use"), Icon: theme.ContentCopyIcon(), Importance: widget.LowImportance, OnTapped: func() { p.useContribution(a) }}
		parts := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, use, head)}
		for _, t := range []struct{ label, text string }{{"FAKTA", a.Fakta}, {"ANALISIS", a.Analisis}} {
			if strings.TrimSpace(t.text) != "" {
				parts = append(parts, &widget.Label{Text: t.label + ": " + t.text, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText})
			}
		}
		if sub := v.latest[c.OPD]; sub != nil {
			for _, e := range sub.EvidenceFor(p.ind.No) {
				e := e
				open := &widget.Button{Text: e.Name, Icon: theme.FileIcon(), Importance: widget.LowImportance, Alignment: widget.ButtonAlignLeading, OnTapped: func() { p.evidence.open(e) }}
				parts = append(parts, open)
			}
		}
		box.Add(container.NewVBox(parts...))
		box.Add(widget.NewSeparator())
	}
	return box
}

// useContribution takes an OPD's answer as the start of the Pemda's.
func (p *indicatorPage) useContribution(a model.Answer) {
	p.ans.Value, p.ans.External = a.Value, a.External
	p.quiet = true
	p.fakta.SetText(a.Fakta)
	p.analisis.SetText(a.Analisis)
	if p.sector != nil {
		p.sector.SetText(a.Sector)
	}
	p.quiet = false
	p.showLevel()
	p.showValue()
	p.dirty = true
	p.flush()
}

// targetUI lets the coordinator set the indicator's target level, which
// the assignment bundles carry to the OPDs.
func (p *indicatorPage) targetUI() fyne.CanvasObject {
	v := p.v
	c := v.coordination()
	opts := []string{lang.L("ev.level_none"), "1", "2", "3", "4", "5"}
	sel := widget.NewSelect(opts, nil)
	if t := v.a.Targets[p.ind.No]; t != model.Unanswered {
		sel.SetSelectedIndex(int(t / 100))
	} else {
		sel.SetSelectedIndex(0)
	}
	sel.OnChanged = func(string) {
		level := model.Hundredths(max(sel.SelectedIndex(), 0) * 100)
		by := v.by()
		no := p.ind.No
		v.enqueue(func() {
			err := c.SetTarget(by, no, level)
			v.app.do(func() {
				if err != nil {
					showError(err, v.app.win)
					return
				}
				if v.a.Targets == nil {
					v.a.Targets = map[int]model.Hundredths{}
				}
				v.a.Targets[no] = level
			})
		})
	}
	return container.NewBorder(nil, nil, widget.NewLabel(lang.L("contrib.target")), nil, container.NewHBox(sel))
}

// assignmentUI shows an OPD the target level and deadline of an indicator
// its coordinator assigned.
func (p *indicatorPage) assignmentUI() fyne.CanvasObject {
	v := p.v
	if v.assignment == nil {
		return nil
	}
	assigned := false
	for _, no := range v.assignment.Indicators {
		assigned = assigned || no == p.ind.No
	}
	if !assigned {
		return &widget.Label{Text: lang.L("assign.not_yours"), Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
	}
	text := lang.L("assign.yours", map[string]any{"Date": v.dateText(v.assignment.Deadline)})
	if t, ok := v.assignment.Targets[p.ind.No]; ok && t != model.Unanswered {
		text = lang.L("assign.target", map[string]any{"Level": t.Compact(), "Name": v.pack.LevelName(p.ind, v.pack.LevelOf(p.ind, t)), "Date": v.dateText(v.assignment.Deadline)})
	}
	return &widget.Label{Text: text, Importance: widget.HighImportance, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
}
