package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// readinessPanel lists, per indicator, what an external assessor would
// reject; the same findings `swanilai check` prints.
type readinessPanel struct {
	v *mainView
}

func newReadinessPanel(v *mainView) *readinessPanel { return &readinessPanel{v: v} }

func (r *readinessPanel) buildUI() fyne.CanvasObject {
	v := r.v
	title := &widget.Label{Text: lang.L("ready.title"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	findings := v.a.Readiness(v.app.today())
	items := []fyne.CanvasObject{title}
	if open := v.openReviewFindings(); len(open) > 0 {
		items = append(items, &widget.Label{Text: lang.L("ready.review", map[string]any{"N": len(open), "Revision": v.review.review.Revision}), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance, TextStyle: fyne.TextStyle{Bold: true}})
		for _, d := range open {
			ind := v.pack.Indicator(d.Indicator)
			no := d.Indicator
			note := strings.TrimSpace(strings.Join([]string{d.MissingEvidence, d.Analisis, d.Justifikasi, d.Fakta}, " "))
			items = append(items, &widget.Button{
				Text: fmt.Sprintf("%d  %s", ind.No, ind.ShortName), Icon: theme.NewErrorThemedResource(theme.ErrorIcon()),
				Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance, OnTapped: func() { v.showIndicator(no) },
			}, &widget.Label{Text: "• " + note, Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance})
		}
		items = append(items, widget.NewSeparator())
	}
	if len(findings) == 0 {
		items = append(items, &widget.Label{Text: lang.L("ready.none"), Importance: widget.SuccessImportance, Wrapping: fyne.TextWrapWord})
	} else {
		items = append(items, &widget.Label{Text: lang.L("ready.count", map[string]any{"N": len(findings)}), Wrapping: fyne.TextWrapWord})
	}
	last := 0
	for _, f := range findings {
		if f.Indicator != last {
			last = f.Indicator
			ind := v.pack.Indicator(f.Indicator)
			no := f.Indicator
			items = append(items, widget.NewSeparator(), &widget.Button{
				Text: fmt.Sprintf("%d  %s", ind.No, ind.ShortName), Icon: stateIcon(v.a.State(no, v.app.today())),
				Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance,
				OnTapped: func() { v.showIndicator(no) },
			})
		}
		items = append(items, &widget.Label{Text: "• " + v.findingText(f), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
	}
	return container.NewVScroll(container.NewPadded(container.NewVBox(items...)))
}
