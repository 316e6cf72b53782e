package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
)

// externalEntry takes an indicator's value as another agency's index
// (SDI from Bappenas, SJIG from BIG, IPS from BPS), with its source and
// validity, and shows the indicator value the pack's bands make of it.
type externalEntry struct {
	p          *indicatorPage
	value      *widget.Entry
	source     *widget.Entry
	date       *widget.Entry
	validUntil *widget.Entry
	result     *widget.Label
}

func newExternalEntry(p *indicatorPage) *externalEntry {
	return &externalEntry{p: p}
}

func (x *externalEntry) buildUI() fyne.CanvasObject {
	ext := x.p.ind.External
	x.value = &widget.Entry{PlaceHolder: fmt.Sprintf("%s–%s", ext.Min.Compact(), ext.Max.Compact())}
	x.source = &widget.Entry{PlaceHolder: lang.L("ext.source_hint", map[string]any{"Agency": ext.Agency})}
	x.date = &widget.Entry{PlaceHolder: lang.L("ev.date_hint")}
	x.validUntil = &widget.Entry{PlaceHolder: lang.L("ev.date_hint")}
	x.result = &widget.Label{Wrapping: fyne.TextWrapWord}
	if e := x.p.ans.External; e != nil {
		x.value.SetText(e.Value.ID())
		x.source.SetText(e.Source)
		x.date.SetText(e.Date.String())
		x.validUntil.SetText(e.ValidUntil.String())
	}
	for _, e := range []*widget.Entry{x.value, x.source, x.date, x.validUntil} {
		e.OnChanged = x.onChanged
	}
	x.show()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("ext.value", map[string]any{"Short": ext.Short}), x.value),
		widget.NewFormItem(lang.L("ext.source"), x.source),
		widget.NewFormItem(lang.L("ev.doc_date_label"), x.date),
		widget.NewFormItem(lang.L("ev.valid_until_label"), x.validUntil),
	)
	title := lang.L("ext.title", map[string]any{"Index": ext.Index, "Agency": ext.Agency})
	sub := lang.L("ext.optional")
	if !ext.Official {
		sub += " " + lang.L("ext.unofficial")
	}
	return widget.NewCard("", "", container.NewVBox(
		&widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord},
		&widget.Label{Text: sub, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText},
		form, x.result))
}

// onChanged converts the typed index value; a complete entry becomes the
// answer's value and is saved after the pause in typing.
func (x *externalEntry) onChanged(string) {
	p := x.p
	if p.quiet {
		return
	}
	ev, err := x.read()
	if err == nil && ev != nil {
		var v model.Hundredths
		v, err = p.v.pack.ConvertExternal(p.ind.No, ev.Value)
		if err == nil {
			p.ans.Value, p.ans.External = v, ev
			p.showLevel()
			p.showValue()
		}
	}
	x.show()
	if err != nil {
		x.result.Importance = widget.DangerImportance
		x.result.SetText(errorText(err))
		return
	}
	p.onTextChanged("")
}

// read returns the entered external value, nil while the value is empty.
func (x *externalEntry) read() (*model.ExternalValue, error) {
	if strings.TrimSpace(x.value.Text) == "" {
		return nil, nil
	}
	v, err := model.ParseHundredths(x.value.Text)
	if err != nil {
		return nil, err
	}
	ev := &model.ExternalValue{Value: v, Source: strings.TrimSpace(x.source.Text)}
	if ev.Date, err = model.ParseDate(strings.TrimSpace(x.date.Text)); err != nil {
		return nil, err
	}
	if ev.ValidUntil, err = model.ParseDate(strings.TrimSpace(x.validUntil.Text)); err != nil {
		return nil, err
	}
	return ev, nil
}

// show says what the external value makes of the indicator.
func (x *externalEntry) show() {
	p := x.p
	e := p.ans.External
	x.result.Importance = widget.MediumImportance
	if e == nil {
		x.result.SetText("")
		return
	}
	l := p.v.pack.LevelOf(p.ind, p.ans.Value)
	x.result.SetText(lang.L("ext.result", map[string]any{
		"Short": p.ind.External.Short, "Index": e.Value.ID(), "Value": p.ans.Value.ID(), "Level": l, "Name": p.v.pack.LevelName(p.ind, l),
	}))
}

// clear empties the entries when a level is chosen directly.
func (x *externalEntry) clear() {
	x.p.quiet = true
	for _, e := range []*widget.Entry{x.value, x.source, x.date, x.validUntil} {
		e.SetText("")
	}
	x.p.quiet = false
	x.show()
}
