package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
)

// dashboard shows the OPD's own index over what it answered, with its
// coverage and predikat, the domain and aspect indices as bars, and the
// target planner.
type dashboard struct {
	v *mainView

	index    *widget.Label
	predikat *widget.Label
	gap      *widget.Label
	coverage *widget.Label
	domains  *fyne.Container
	aspects  *fyne.Container
	target   *widget.Entry
	plan     *fyne.Container
}

func newDashboard(v *mainView) *dashboard { return &dashboard{v: v} }

func (d *dashboard) buildUI() fyne.CanvasObject {
	v := d.v
	title := &widget.Label{Text: lang.L("dash.title"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	d.index = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText, Importance: widget.HighImportance}
	d.predikat = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	d.coverage = &widget.Label{Wrapping: fyne.TextWrapWord}
	note := &widget.Label{Text: lang.L("dash.note"), Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	d.gap = &widget.Label{Wrapping: fyne.TextWrapWord}
	if v.coordination() != nil {
		note.Text = lang.L("dash.note_pemda")
	}
	summary := widget.NewCard(v.pack.IndexName, v.pack.Label(), container.NewVBox(container.NewHBox(d.index, d.predikat), d.coverage, d.gap, note))

	d.domains = container.NewVBox()
	d.aspects = container.NewVBox()

	target := v.a.TargetIndex
	if target == 0 {
		target = defaultTarget(v.pack)
	}
	d.target = &widget.Entry{Text: target.ID(), OnSubmitted: func(string) { d.onPlan() }}
	planBtn := &widget.Button{Text: lang.L("dash.plan"), Icon: theme.SearchIcon(), OnTapped: d.onPlan}
	d.plan = container.NewVBox()
	planner := widget.NewCard(lang.L("dash.planner"), lang.L("dash.planner_sub"), container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("dash.target")), planBtn, d.target), d.plan))

	d.refresh()
	extra := d.scheduleUI()
	buttons := container.NewHBox(&widget.Button{Text: lang.L("print.button"), Icon: theme.DocumentPrintIcon(), OnTapped: v.onPrint})
	if v.ws.Identity().Role == model.RoleOPD {
		buttons.Add(&widget.Button{Text: lang.L("export.button"), Icon: theme.MailSendIcon(), Importance: widget.HighImportance, OnTapped: v.onExport})
	}
	body := container.NewVBox(container.NewBorder(nil, nil, nil, buttons, title), summary)
	for _, o := range extra {
		body.Add(o)
	}
	if v.pack.HasDomains() {
		body.Add(widget.NewCard(lang.L("dash.domains"), "", d.domains))
	}
	body.Add(widget.NewCard(lang.L("dash.aspects"), "", d.aspects))
	body.Add(planner)
	return container.NewVScroll(container.NewPadded(body))
}

// defaultTarget is the lower edge of the pack's best predikat (4,20 for
// Memuaskan in 59/2020), the target people usually mean.
func defaultTarget(p *model.Pack) model.Hundredths {
	var best model.Band
	for _, b := range p.Predikat {
		if b.Max >= best.Max {
			best = b
		}
	}
	return best.Min
}

// refresh recomputes the score from the window's copy of the answers.
func (d *dashboard) refresh() {
	v := d.v
	s, err := v.a.Score()
	if err != nil {
		d.coverage.SetText(errorText(err))
		return
	}
	if s.HasIndex() {
		d.index.SetText(s.Index.ID())
		pred := s.Predikat
		if b, ok := v.pack.BandOf(s.Index); ok && len(b.Aliases) > 0 {
			pred += " (" + strings.Join(b.Aliases, " / ") + ")"
		}
		d.predikat.SetText(pred)
	} else {
		d.index.SetText("–")
		d.predikat.SetText(lang.L("dash.none"))
	}
	d.coverage.SetText(lang.L("dash.coverage", map[string]any{
		"Answered": s.Coverage.Answered, "Total": s.Coverage.Total, "Percent": s.Coverage.WeightPercent().ID(),
	}))
	d.gap.SetText("")
	if t := v.a.TargetIndex; t > 0 && s.HasIndex() {
		if s.Index.CmpHundredths(t) >= 0 {
			d.gap.SetText(lang.L("dash.target_reached", map[string]any{"Target": t.ID()}))
		} else {
			d.gap.SetText(lang.L("dash.gap", map[string]any{"Target": t.ID(), "Gap": model.RatioOf(t).Sub(s.Index).ID()}))
		}
	}
	d.domains.Objects = bars(s.Domains, "D")
	d.domains.Refresh()
	d.aspects.Objects = bars(s.Aspects, "A")
	d.aspects.Refresh()
	if len(d.plan.Objects) > 0 {
		d.onPlan()
	}
}

// bars draws one bar per part: its name, its index over 5,00 as a bar,
// and the number with the answered count, or a dash when nothing in it is
// answered.
func bars(parts []model.Part, prefix string) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, p := range parts {
		out = append(out, barRow(fmt.Sprintf("%s%d  %s", prefix, p.No, p.Name), p.Index, p.HasIndex(), fmt.Sprintf("%d/%d", p.Coverage.Answered, p.Coverage.Total)))
	}
	return out
}

// barRow is one row of a bar chart: label, bar, value and a note.
func barRow(label string, r model.Ratio, has bool, note string) fyne.CanvasObject {
	value := &widget.Label{Text: "–", Alignment: fyne.TextAlignTrailing}
	frac := float32(0)
	if has {
		value.Text = r.ID()
		frac = float32(r.Float64() / 5)
	}
	right := container.NewHBox(value)
	if note != "" {
		right.Add(&widget.Label{Text: note, SizeName: theme.SizeNameCaptionText})
	}
	return container.New(&barLayout{}, &widget.Label{Text: label, Truncation: fyne.TextTruncateEllipsis}, newBar(frac), right)
}

// bar is a horizontal bar filled to a fraction of its width.
type bar struct {
	widget.BaseWidget
	frac float32
}

func newBar(frac float32) *bar {
	b := &bar{frac: frac}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer draws the track and the filled part.
func (b *bar) CreateRenderer() fyne.WidgetRenderer {
	track := &canvas.Rectangle{FillColor: theme.Color(theme.ColorNameInputBackground), CornerRadius: 3}
	fill := &canvas.Rectangle{FillColor: theme.Color(theme.ColorNamePrimary), CornerRadius: 3}
	return &barRenderer{b: b, track: track, fill: fill}
}

type barRenderer struct {
	b           *bar
	track, fill *canvas.Rectangle
}

func (r *barRenderer) Layout(s fyne.Size) {
	h := s.Height * 0.6
	y := (s.Height - h) / 2
	r.track.Move(fyne.NewPos(0, y))
	r.track.Resize(fyne.NewSize(s.Width, h))
	r.fill.Move(fyne.NewPos(0, y))
	r.fill.Resize(fyne.NewSize(s.Width*r.b.frac, h))
}

func (r *barRenderer) MinSize() fyne.Size { return fyne.NewSize(60, 18) }

func (r *barRenderer) Refresh() {
	r.track.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.fill.FillColor = theme.Color(theme.ColorNamePrimary)
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.track, r.fill} }
func (r *barRenderer) Destroy()                     {}

// barLayout puts a label in the left 45 %, the value on the right and
// the bar between.
type barLayout struct{}

func (barLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	label, b, value := objs[0], objs[1], objs[2]
	lw := s.Width * 0.45
	vw := value.MinSize().Width
	label.Move(fyne.NewPos(0, 0))
	label.Resize(fyne.NewSize(lw, s.Height))
	b.Move(fyne.NewPos(lw+theme.Padding(), 0))
	b.Resize(fyne.NewSize(max(0, s.Width-lw-vw-2*theme.Padding()), s.Height))
	value.Move(fyne.NewPos(s.Width-vw, 0))
	value.Resize(fyne.NewSize(vw, s.Height))
}

func (barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(200+objs[2].MinSize().Width, h)
}

// onPlan lists the fewest one-level raises that reach the target, and
// keeps the target in the workspace.
func (d *dashboard) onPlan() {
	v := d.v
	d.plan.RemoveAll()
	target, err := model.ParseHundredths(d.target.Text)
	if err == nil {
		var plan *model.Plan
		plan, err = v.pack.PlanTarget(v.a.Values(), target, nil)
		if err == nil {
			d.showPlan(plan)
			if target != v.a.TargetIndex {
				v.a.TargetIndex = target
				by := v.by()
				v.enqueue(func() {
					if err := v.ws.SetTargetIndex(by, target); err != nil {
						v.app.do(func() { showError(err, v.app.win) })
					}
				})
			}
			return
		}
	}
	d.plan.Add(&widget.Label{Text: errorText(err), Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord})
}

func (d *dashboard) showPlan(plan *model.Plan) {
	v := d.v
	switch {
	case plan.Reachable && len(plan.Steps) == 0:
		d.plan.Add(&widget.Label{Text: lang.L("plan.reached", map[string]any{"Target": plan.Target.ID()}), Importance: widget.SuccessImportance})
		return
	case plan.Reachable:
		d.plan.Add(&widget.Label{Text: lang.L("plan.steps", map[string]any{"Target": plan.Target.ID(), "N": len(plan.Steps)}), Wrapping: fyne.TextWrapWord})
	default:
		d.plan.Add(&widget.Label{Text: lang.L("plan.unreachable", map[string]any{"Target": plan.Target.ID(), "Best": plan.Best.ID()}), Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord})
	}
	for i, s := range plan.Steps {
		ind := v.pack.Indicator(s.Indicator)
		no := s.Indicator
		btn := &widget.Button{
			Text:      fmt.Sprintf("%d.  %d %s: %s → %s  (%s)", i+1, ind.No, ind.ShortName, s.From.Compact(), s.To.Compact(), s.IndexAfter.ID()),
			Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance,
			OnTapped: func() { v.showIndicator(no) },
		}
		d.plan.Add(btn)
	}
}

// scheduleUI is the dashboard's part about the year's cycle: the next
// deadline and, for the coordinator, the OPDs' state and the trend over
// the years; for an OPD, what its coordinator assigned.
func (d *dashboard) scheduleUI() []fyne.CanvasObject {
	v := d.v
	today := v.app.today()
	var out []fyne.CanvasObject
	next := func(t model.Timeline) string {
		if m, ok := t.Next(today); ok {
			return lang.L("opds.next", map[string]any{"Stage": v.stageText(m.Stage), "Date": v.dateText(m.Due)})
		}
		return ""
	}
	if c := v.coordination(); c != nil {
		var lines []string
		if t, err := c.Timeline(); err == nil {
			lines = append(lines, next(t))
		}
		if st, err := c.Status(today); err == nil {
			count := map[model.OPDState]int{}
			for _, s := range st {
				count[s.State]++
			}
			lines = append(lines, lang.L("dash.opds", map[string]any{
				"N": len(st), "Sent": count[model.OPDSubmitted], "Waiting": count[model.OPDAssignmentSent],
				"Late": count[model.OPDOverdue], "New": count[model.OPDNotStarted],
			}))
		}
		open := &widget.Button{Text: lang.L("nav.opds"), Icon: theme.AccountIcon(), OnTapped: v.showOPDs}
		out = append(out, widget.NewCard(lang.L("dash.cycle"), "", container.NewVBox(&widget.Label{Text: strings.Join(lines, "\n"), Wrapping: fyne.TextWrapWord}, container.NewHBox(open))))
		if tr, err := c.Trend(); err == nil && len(tr) > 0 {
			out = append(out, widget.NewCard(lang.L("dash.trend"), "", d.trendBars(tr)))
		}
		return out
	}
	if a := v.assignment; a != nil {
		text := lang.L("dash.assigned", map[string]any{"N": len(a.Indicators), "Date": v.dateText(a.Deadline)})
		if n := next(a.Timeline); n != "" {
			text += "\n" + n
		}
		unanswered := 0
		for _, no := range a.Indicators {
			if v.a.Answers[no].Value == model.Unanswered {
				unanswered++
			}
		}
		text += "\n" + lang.L("dash.open", map[string]any{"Unanswered": unanswered, "Findings": len(v.a.Readiness(today))})
		if v.review != nil {
			count := v.review.review.Count()
			text += "\n" + lang.L("dash.review", map[string]any{"Revision": v.review.review.Revision,
				"Accepted": count[model.VerdictAccepted], "Adjusted": count[model.VerdictAdjusted], "Revise": count[model.VerdictRevise], "Open": len(v.openReviewFindings())})
		}
		out = append(out, widget.NewCard(lang.L("dash.cycle"), "", &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}))
	}
	return out
}

// trendBars draws the index of the earlier years and of this one.
func (d *dashboard) trendBars(tr []model.YearResult) fyne.CanvasObject {
	v := d.v
	year := v.ws.Identity().Year
	var rows []fyne.CanvasObject
	for _, r := range tr {
		if r.Year != year {
			rows = append(rows, barRow(fmt.Sprintf("%d  %s", r.Year, r.Predikat), model.RatioOf(r.Index), true, ""))
		}
	}
	if s, err := v.a.Score(); err == nil && s.HasIndex() {
		rows = append(rows, barRow(fmt.Sprintf("%d  %s", year, lang.L("dash.this_year")), s.Index, true, ""))
	}
	return container.NewVBox(rows...)
}
