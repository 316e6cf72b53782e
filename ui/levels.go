package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
)

// cardMode is how a level card relates to the chosen level.
type cardMode int

const (
	cardOther    cardMode = iota // above the chosen level, or none chosen
	cardIncluded                 // below the chosen level: levels are cumulative
	cardChosen                   // the chosen level
)

// levelCard shows one maturity level of an indicator; tapping it chooses
// the level.
type levelCard struct {
	widget.BaseWidget
	level int
	onTap func(level int)

	bg     *canvas.Rectangle
	icon   *widget.Icon
	badge  *widget.Label
	mode   cardMode
	hover  bool
	header *widget.Label
	body   fyne.CanvasObject
}

var _ desktop.Hoverable = (*levelCard)(nil)

func newLevelCard(p *model.Pack, ind *model.Indicator, l *model.Level, onTap func(int)) *levelCard {
	c := &levelCard{level: l.Level, onTap: onTap}
	c.bg = &canvas.Rectangle{CornerRadius: theme.InputRadiusSize(), StrokeWidth: 1}
	c.icon = widget.NewIcon(theme.RadioButtonIcon())
	c.header = &widget.Label{Text: lang.L("level.title", map[string]any{"Level": l.Level, "Name": p.LevelName(ind, l.Level)}), TextStyle: fyne.TextStyle{Bold: true}}
	c.badge = &widget.Label{TextStyle: fyne.TextStyle{Italic: true}, Importance: widget.HighImportance}
	parts := []fyne.CanvasObject{}
	add := func(key, text string) {
		if text == "" {
			return
		}
		parts = append(parts,
			&widget.Label{Text: lang.L(key), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText},
			&widget.Label{Text: text, Wrapping: fyne.TextWrapWord})
	}
	add("level.criteria", l.Criteria)
	add("level.fulfilment", l.Fulfilment)
	add("level.evidence", l.Evidence)
	for _, h := range l.EvidenceHints {
		// Hints are not the instrument's text: they say so, and where
		// they come from.
		parts = append(parts,
			&widget.Label{Text: lang.L("level.hint", map[string]any{"Source": h.Source}), TextStyle: fyne.TextStyle{Bold: true, Italic: true}, SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord},
			&widget.Label{Text: h.Text, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}})
	}
	c.body = container.NewVBox(parts...)
	c.ExtendBaseWidget(c)
	c.setMode(cardOther)
	return c
}

func (c *levelCard) setMode(m cardMode) {
	c.mode = m
	switch m {
	case cardChosen:
		c.icon.SetResource(theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon()))
		c.badge.SetText(lang.L("level.chosen"))
	case cardIncluded:
		c.icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		c.badge.SetText(lang.L("level.included"))
	default:
		c.icon.SetResource(theme.RadioButtonIcon())
		c.badge.SetText("")
	}
	c.Refresh()
}

// Refresh recolours the card for its mode and the current theme.
func (c *levelCard) Refresh() {
	primary := theme.Color(theme.ColorNamePrimary)
	switch c.mode {
	case cardChosen:
		c.bg.FillColor = withAlpha(primary, 0x38)
		c.bg.StrokeColor = primary
		c.bg.StrokeWidth = 2
	case cardIncluded:
		c.bg.FillColor = withAlpha(theme.Color(theme.ColorNameSuccess), 0x18)
		c.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
		c.bg.StrokeWidth = 1
	default:
		c.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
		c.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
		c.bg.StrokeWidth = 1
	}
	if c.hover && c.mode != cardChosen {
		c.bg.StrokeColor = primary
	}
	c.bg.Refresh()
	c.BaseWidget.Refresh()
}

// CreateRenderer lays the card out: header line, then the texts.
func (c *levelCard) CreateRenderer() fyne.WidgetRenderer {
	header := container.NewBorder(nil, nil, c.icon, c.badge, c.header)
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewPadded(container.NewVBox(header, c.body))))
}

// Tapped chooses the card's level.
func (c *levelCard) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap(c.level)
	}
}

// Cursor shows a hand over the card.
func (c *levelCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the card under the pointer.
func (c *levelCard) MouseIn(*desktop.MouseEvent) { c.hover = true; c.Refresh() }

// MouseMoved is part of desktop.Hoverable.
func (c *levelCard) MouseMoved(*desktop.MouseEvent) {}

// MouseOut ends the highlight.
func (c *levelCard) MouseOut() { c.hover = false; c.Refresh() }
