package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
)

// saveDelay is how long typing must pause before the text is saved.
// Tests set it very long and call flush themselves.
var saveDelay = 700 * time.Millisecond

// indicatorPage is where one indicator is answered: the question and its
// guidance, the five levels, the penjelasan, the evidence and what is
// still missing. Everything saves by itself.
type indicatorPage struct {
	v   *mainView
	ind *model.Indicator
	// ans is the answer as the page shows it, ahead of the store while
	// a save is pending.
	ans model.Answer

	radio   *widget.RadioGroup
	options []string // the radio's options, level 1 first
	// value is the decimal value entry of a pack with decimal values.
	value *widget.Entry
	// external holds the entries of an external index value, for the
	// indicators whose value can come from another agency's index.
	external *externalEntry
	// valueMsg says what is wrong with a typed value, or what it means.
	valueMsg *widget.Label
	cards    []*levelCard
	fakta    *widget.Entry
	analisis *widget.Entry
	sector   *widget.Entry
	status   *widget.Label
	icon     *widget.Icon
	hints    *fyne.Container
	banner   *fyne.Container
	evidence *evidenceList

	// dirty is set while the page holds changes not yet queued for saving.
	dirty bool
	timer *time.Timer
	// quiet is set while the page sets its own widgets, so that their
	// change callbacks do not save.
	quiet bool

	// scroll holds the page; parts are the headings jump scrolls to.
	scroll *container.Scroll
	parts  map[string]fyne.CanvasObject
}

func newIndicatorPage(v *mainView, ind *model.Indicator) *indicatorPage {
	p := &indicatorPage{v: v, ind: ind, ans: v.a.Answers[ind.No]}
	p.ans.Indicator = ind.No
	return p
}

func (p *indicatorPage) buildUI() fyne.CanvasObject {
	v, ind := p.v, p.ind
	a := ind.Aspect()
	number := &widget.Label{Text: lang.L("ind.number", map[string]any{"No": ind.No}), TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.HighImportance}
	name := &widget.Label{Text: ind.Name, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}
	where := &widget.Label{Text: lang.L("ind.where", map[string]any{
		"Domain": a.Domain().Name, "Aspect": a.Name, "Weight": ind.Weight.ID(),
	}), Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	prev := &widget.Button{Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: func() { v.step(-1) }}
	next := &widget.Button{Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance, OnTapped: func() { v.step(+1) }}
	p.icon = widget.NewIcon(nil)
	p.status = &widget.Label{TextStyle: fyne.TextStyle{Italic: true}}
	// Jumps to the parts of a long page.
	jumps := container.NewHBox()
	for _, j := range []struct{ key, part string }{
		{"ind.levels", "levels"}, {"ind.penjelasan", "penjelasan"}, {"ind.evidence", "evidence"}, {"ind.readiness", "readiness"},
	} {
		jumps.Add(&widget.Button{Text: lang.L(j.key), Importance: widget.LowImportance, OnTapped: func() { p.jump(j.part) }})
	}
	header := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(number, p.icon, p.status), container.NewHBox(prev, next)),
		name, where, jumps)

	question := &widget.Label{Text: ind.Question, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
	guide := widget.NewAccordion()
	guide.MultiOpen = true
	for _, g := range []struct{ key, text string }{
		{"ind.description", ind.Description}, {"ind.rule", ind.AssessmentRule}, {"ind.examples", ind.EvidenceExamples},
	} {
		if strings.TrimSpace(g.text) != "" {
			guide.Append(widget.NewAccordionItem(lang.L(g.key), &widget.Label{Text: g.text, Wrapping: fyne.TextWrapWord}))
		}
	}
	if len(guide.Items) > 0 {
		guide.Open(0)
	}
	if len(guide.Items) > 1 {
		guide.Open(1)
	}
	for _, n := range ind.Notes {
		guide.Append(widget.NewAccordionItem(lang.L("ind.note"), &widget.Label{Text: n, Wrapping: fyne.TextWrapWord}))
	}

	// Levels: a radio for the keyboard, and a card per level.
	// The radio names only the numbers: the cards below carry the
	// names and texts, and a narrow row keeps the page usable at 1366 px.
	p.options = []string{"1", "2", "3", "4", "5"}
	p.radio = widget.NewRadioGroup(p.options, p.onRadio)
	p.radio.Horizontal = true
	clear := &widget.Button{Text: lang.L("level.clear"), Icon: theme.ContentClearIcon(), Importance: widget.LowImportance, OnTapped: func() { p.setLevel(0) }}
	p.valueMsg = &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	levelRow := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L("level.choose")), clear, container.NewHBox(p.radio)))
	if v.pack.DecimalValues {
		p.value = &widget.Entry{PlaceHolder: lang.L("level.value_hint"), OnChanged: p.onValueChanged}
		levelRow.Add(container.NewBorder(nil, nil, widget.NewLabel(lang.L("level.value")), nil, container.NewGridWithColumns(3, p.value)))
	}
	if ind.External != nil {
		p.external = newExternalEntry(p)
		levelRow.Add(p.external.buildUI())
	}
	levelRow.Add(p.valueMsg)
	p.cards = nil
	cards := container.NewVBox()
	for i := range ind.Levels {
		c := newLevelCard(v.pack, ind, &ind.Levels[i], p.setLevel)
		p.cards = append(p.cards, c)
		cards.Add(c)
	}

	// Penjelasan.
	p.fakta = p.textEntry(p.ans.Fakta, lang.L("ind.fakta_hint"))
	p.analisis = p.textEntry(p.ans.Analisis, lang.L("ind.analisis_hint"))
	faktaTpl := &widget.Button{Text: lang.L("ind.template"), Icon: theme.DocumentIcon(), Importance: widget.LowImportance, OnTapped: func() { p.insertTemplate(true) }}
	analisisTpl := &widget.Button{Text: lang.L("ind.template"), Icon: theme.DocumentIcon(), Importance: widget.LowImportance, OnTapped: func() { p.insertTemplate(false) }}
	penjelasan := container.NewVBox(
		container.NewBorder(nil, nil, boldLabel(lang.L("ind.fakta")), faktaTpl), p.fakta,
		container.NewBorder(nil, nil, boldLabel(lang.L("ind.analisis")), analisisTpl), p.analisis,
	)
	if ind.SectorService {
		p.sector = &widget.Entry{Text: p.ans.Sector, PlaceHolder: lang.L("ind.sector_hint")}
		p.sector.OnChanged = p.onTextChanged
		penjelasan.Objects = append([]fyne.CanvasObject{boldLabel(lang.L("ind.sector")), p.sector}, penjelasan.Objects...)
	}

	p.evidence = newEvidenceList(p)
	p.hints = container.NewVBox()
	p.banner = container.NewVBox()

	p.parts = map[string]fyne.CanvasObject{
		"levels":     section(lang.L("ind.levels")),
		"penjelasan": section(lang.L("ind.penjelasan")),
		"evidence":   section(lang.L("ind.evidence")),
		"readiness":  section(lang.L("ind.readiness")),
	}
	body := container.NewVBox(header, widget.NewSeparator(), p.banner)
	if a := p.assignmentUI(); a != nil {
		body.Add(a)
	}
	if n := p.reviewNoteUI(); n != nil {
		body.Add(n)
	}
	body.Add(question)
	body.Add(guide)
	if v.coordination() != nil {
		body.Add(section(lang.L("contrib.title")))
		body.Add(p.contributionsUI())
		levelRow.Add(p.targetUI())
	}
	for _, o := range []fyne.CanvasObject{
		p.parts["levels"],
		levelRow,
		cards,
		p.parts["penjelasan"],
		penjelasan,
		p.parts["evidence"],
		p.evidence.buildUI(),
		p.parts["readiness"],
		p.hints,
	} {
		body.Add(o)
	}
	p.showLevel()
	p.showValue()
	p.refreshStatus()
	p.scroll = container.NewVScroll(container.NewPadded(body))
	return p.scroll
}

// jump scrolls the page to one of its parts: "levels", "penjelasan",
// "evidence" or "readiness".
func (p *indicatorPage) jump(part string) {
	o := p.parts[part]
	if o == nil || p.scroll == nil {
		return
	}
	p.scroll.ScrollToOffset(fyne.NewPos(0, o.Position().Y))
}

func (p *indicatorPage) textEntry(text, hint string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(4)
	e.SetPlaceHolder(hint)
	e.SetText(text)
	e.OnChanged = p.onTextChanged
	return e
}

func (p *indicatorPage) onTextChanged(string) {
	if p.quiet {
		return
	}
	p.dirty = true
	if p.timer == nil {
		p.timer = time.AfterFunc(saveDelay, func() { p.v.app.do(p.flush) })
	} else {
		p.timer.Reset(saveDelay)
	}
}

func (p *indicatorPage) onRadio(opt string) {
	if p.quiet {
		return
	}
	for i, o := range p.options {
		if o == opt {
			p.setLevel(i + 1)
			return
		}
	}
	p.setLevel(0)
}

// setLevel chooses level l (0 clears it) and saves at once. A level
// chosen directly replaces a value converted from an external index.
func (p *indicatorPage) setLevel(l int) {
	p.ans.Value = model.Hundredths(l * 100)
	p.ans.External = nil
	if p.external != nil {
		p.external.clear()
	}
	p.showLevel()
	p.showValue()
	p.dirty = true
	p.flush()
}

// onValueChanged takes a typed decimal value (2,50) once it is valid.
func (p *indicatorPage) onValueChanged(s string) {
	if p.quiet {
		return
	}
	if strings.TrimSpace(s) == "" {
		p.valueMsg.SetText("")
		return
	}
	v, err := model.ParseHundredths(s)
	if err == nil {
		err = p.v.pack.CheckValue(p.ind.No, v)
	}
	if err != nil {
		p.valueMsg.Importance = widget.DangerImportance
		p.valueMsg.SetText(errorText(err))
		return
	}
	p.ans.Value = v
	p.ans.External = nil
	p.valueMsg.Importance = widget.MediumImportance
	p.valueMsg.SetText(p.valueMeaning())
	p.showLevel()
	p.onTextChanged(s)
}

// valueMeaning says which level a decimal value stands for.
func (p *indicatorPage) valueMeaning() string {
	l := p.v.pack.LevelOf(p.ind, p.ans.Value)
	if l == 0 {
		return ""
	}
	return lang.L("level.value_means", map[string]any{"Value": p.ans.Value.ID(), "Level": l, "Name": p.v.pack.LevelName(p.ind, l)})
}

// showLevel marks the chosen card, the cards below it as included, and
// the radio.
func (p *indicatorPage) showLevel() {
	chosen := p.v.pack.LevelOf(p.ind, p.ans.Value)
	for _, c := range p.cards {
		switch {
		case c.level == chosen:
			c.setMode(cardChosen)
		case c.level < chosen:
			c.setMode(cardIncluded)
		default:
			c.setMode(cardOther)
		}
	}
	p.quiet = true
	if chosen >= 1 && chosen <= len(p.options) {
		p.radio.SetSelected(p.options[chosen-1])
	} else {
		p.radio.SetSelected("")
	}
	p.quiet = false
}

// showValue writes the answer's value into the decimal entry, when the
// value did not come from typing there.
func (p *indicatorPage) showValue() {
	if p.value == nil {
		return
	}
	p.quiet = true
	if p.ans.Value == model.Unanswered {
		p.value.SetText("")
	} else {
		p.value.SetText(p.ans.Value.ID())
	}
	p.quiet = false
	p.valueMsg.Importance = widget.MediumImportance
	p.valueMsg.SetText(p.valueMeaning())
}

// flush queues the page's unsaved changes for saving.
func (p *indicatorPage) flush() {
	if p.timer != nil {
		p.timer.Stop()
	}
	if !p.dirty {
		return
	}
	p.dirty = false
	p.ans.Fakta = p.fakta.Text
	p.ans.Analisis = p.analisis.Text
	if p.sector != nil {
		p.ans.Sector = p.sector.Text
	}
	p.ans.Reconfirm = false
	p.v.saveAnswer(p.ans)
}

// refreshStatus shows the indicator's state, the banner for an answer
// carried over from last year and the readiness findings.
func (p *indicatorPage) refreshStatus() {
	v := p.v
	stored := v.a.Answers[p.ind.No]
	st := v.a.State(p.ind.No, v.app.today())
	p.icon.SetResource(stateIcon(st))
	p.status.SetText(stateText(st))
	if d, ok := v.verdict(p.ind.No); ok {
		p.icon.SetResource(verdictIcon(d, v.review.changed[p.ind.No]))
		p.status.SetText(stateText(st) + " · " + v.verdictText(d))
	}

	p.banner.RemoveAll()
	if stored.Reconfirm {
		msg := &widget.Label{Text: lang.L("ind.reconfirm"), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
		btn := &widget.Button{Text: lang.L("ind.confirm"), Icon: theme.ConfirmIcon(), OnTapped: func() {
			p.dirty = true
			p.flush()
		}}
		p.banner.Add(container.NewBorder(nil, nil, nil, btn, msg))
	}

	p.hints.RemoveAll()
	one := &model.Assessment{Pack: v.pack, Answers: map[int]model.Answer{p.ind.No: stored}, Evidence: v.a.EvidenceFor(p.ind.No)}
	findings := one.Readiness(v.app.today())
	if stored.Value == model.Unanswered && !stored.Reconfirm {
		p.hints.Add(&widget.Label{Text: lang.L("ind.ready_unanswered"), Wrapping: fyne.TextWrapWord})
	} else if len(findings) == 0 {
		p.hints.Add(&widget.Label{Text: lang.L("ind.ready_ok"), Importance: widget.SuccessImportance, Wrapping: fyne.TextWrapWord})
	}
	for _, f := range findings {
		p.hints.Add(&widget.Label{Text: "• " + v.findingText(f), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
	}
}

// insertTemplate puts the official sentence pattern into FAKTA or
// ANALISIS, with the evidence file names the user picks for its blanks.
func (p *indicatorPage) insertTemplate(fakta bool) {
	var files []string
	for _, e := range p.v.a.EvidenceFor(p.ind.No) {
		files = append(files, e.Name)
	}
	insert := func(chosen []string) {
		f, a := model.PenjelasanTemplate(p.v.pack, p.ind, p.v.pack.LevelOf(p.ind, p.ans.Value), p.v.ws.Identity().Unit, chosen)
		target, text := p.analisis, a
		if fakta {
			target, text = p.fakta, f
		}
		if strings.TrimSpace(target.Text) != "" {
			text = strings.TrimRight(target.Text, "\n") + "\n" + text
		}
		target.SetText(text)
		p.v.app.win.Canvas().Focus(target)
	}
	if !fakta || len(files) <= 1 {
		insert(files)
		return
	}
	check := widget.NewCheckGroup(files, nil)
	check.SetSelected(files)
	dialog.ShowCustomConfirm(lang.L("ind.template_files"), lang.L("ind.template"), lang.L("button.cancel"), check, func(ok bool) {
		if ok {
			insert(check.Selected)
		}
	}, p.v.app.win)
}

func boldLabel(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}}
}

// section is a heading between the parts of a page.
func section(title string) fyne.CanvasObject {
	l := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	return container.NewVBox(widget.NewSeparator(), l)
}
