package ui

import (
	"fmt"

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
