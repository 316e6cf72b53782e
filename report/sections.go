package report

import (
	"fmt"
	"strings"

	"github.com/swanilai/swanilai/model"
)

// Building blocks the OPD report and the recap share.

// coverLine is one line of a cover's title: its text, its style and the
// space after it.
type coverLine struct {
	text  string
	st    style
	after float64
}

// drawCover sets a cover page: the title lines centred in the upper half,
// the particulars of the document framed below them, and a warning when
// the instrument is not an official text.
func drawCover(d *doc, t *texts, p *model.Pack, lines []coverLine, particulars ...[2]string) {
	d.addPage(false)
	d.y = 55
	for _, l := range lines {
		d.put(centred(d, l.text, l.st))
		d.y += l.after
	}
	rows := make([]*row, len(particulars))
	for i, kv := range particulars {
		rows[i] = keyValue(d, kv[0], kv[1])
	}
	frame(d, rows)
	if p.Status != model.StatusOfficial {
		d.paragraph(t.coverDraftWarning, stWarn, 3)
	}
}

// centred returns a full-width row with text centred in style st.
func centred(d *doc, text string, st style) *row {
	r := d.newRow([]col{{w: d.width(), st: st, align: "C"}}, text)
	r.padY = 0.6
	return r
}

// levelText names a value of an indicator: "3 · Terdefinisi" for a whole
// level; a fractional value (Indeks Pemdi) with its decimal comma and the
// level it stands for, "3,75 · Sangat Baik".
func levelText(t *texts, p *model.Pack, ind *model.Indicator, v model.Hundredths) string {
	l := p.LevelOf(ind, v)
	if !v.Whole() {
		return v.ID() + " · " + p.LevelName(ind, l)
	}
	return t.levelName(l, p.LevelName(ind, l))
}

// legalBasis numbers the legal basis of an instrument, one per line.
func legalBasis(p *model.Pack) string {
	if len(p.LegalBasis) == 1 {
		return p.LegalBasis[0]
	}
	lines := make([]string, len(p.LegalBasis))
	for i, l := range p.LegalBasis {
		lines[i] = fmt.Sprintf("%d. %s", i+1, l)
	}
	return strings.Join(lines, "\n")
}

// kvLabelW is the width of the label column of key–value rows.
const kvLabelW = 44.0

// keyValue returns a key–value row: a label on the left, its value beside
// it.
func keyValue(d *doc, label, value string) *row {
	r := d.newRow([]col{{w: kvLabelW, st: stSmallBold, align: "L"}, {w: d.width() - kvLabelW - 12, st: stBody, align: "L"}}, label, value)
	r.x, r.padY = 6, 1.1
	return r
}

// frame draws rows inside a thin box, the way an official cover sets the
// document's particulars. The rows must fit on the page.
func frame(d *doc, rows []*row) {
	h := 4.0
	for _, r := range rows {
		h += r.height(0, r.lineCount())
	}
	d.need(h)
	top := d.y
	d.y += 2
	d.put(rows...)
	d.y += 2
	d.setDraw(lightGrey)
	d.pdf.SetLineWidth(0.4)
	d.pdf.Rect(d.left(), top, d.width(), d.y-top, "D")
	d.setDraw(accent)
	d.pdf.SetLineWidth(1.2)
	d.pdf.Line(d.left(), top, d.left(), d.y)
}

// scoreCard shows an index large with its predikat on the left and the
// particulars beside it: the index's name, the predikat, the coverage, the
// gap to the target and any extra lines.
func scoreCard(d *doc, t *texts, label string, p *model.Pack, s *model.Score, target model.Hundredths, extra ...[2]string) {
	const boxW = 44.0
	big, pred := "–", t.notAnswered
	if s.HasIndex() {
		big, pred = s.Index.ID(), s.Predikat
	}
	cov := s.Coverage
	lines := [][2]string{
		{label, big},
		{t.predikat, pred},
		{t.coverage, t.coverageOf(cov.Answered, cov.Total, percent(cov.WeightPercent()))},
	}
	if target > 0 {
		lines = append(lines, [2]string{t.target, target.ID() + " · " + gapText(t, s, target)})
	}
	lines = append(lines, extra...)
	var rows []*row
	for _, l := range lines {
		r := d.newRow([]col{{w: 52, st: stSmallBold, align: "L"}, {w: d.width() - boxW - 6 - 52, st: stBody, align: "L"}}, l[0], l[1])
		r.x, r.padY, r.rule = boxW+6, 1.2, true
		rows = append(rows, r)
	}
	h := 0.0
	for _, r := range rows {
		h += r.height(0, r.lineCount())
	}
	h = max(h, 30)
	d.space(2)
	d.need(h + 2)
	top := d.y
	d.setFill(shade)
	d.pdf.Rect(d.left(), top, boxW, h, "F")
	d.setFill(accent)
	d.pdf.Rect(d.left(), top, 1.2, h, "F")
	d.fitText(d.left()+1.2, top+h/2-9, boxW-1.2, big, style{size: 28, bold: true, color: accent}, "C")
	d.fitText(d.left()+1.2, top+h/2+4, boxW-1.2, pred, style{size: 12, bold: true, color: ink}, "C")
	d.put(rows...)
	d.y = max(d.y, top+h) + 1
	if s.HasIndex() {
		if shown, _ := p.BandOf(model.RatioOf(s.Index.Round())); shown.Name != s.Predikat {
			d.paragraph(t.roundingNote(s.Index.Exact()), stWarn, 1)
		}
	}
}

// gapText says how far the index is from the target.
func gapText(t *texts, s *model.Score, target model.Hundredths) string {
	if !s.HasIndex() {
		return t.notAnswered
	}
	goal := model.RatioOf(target)
	if s.Index.Cmp(goal) < 0 {
		return t.gapShort(goal.Sub(s.Index).ID())
	}
	return t.gapReached(s.Index.Sub(goal).ID())
}

// summaryCharts draws the bar charts of a score: the domains, and the
// aspects when asked or when the instrument has no domains.
func summaryCharts(d *doc, t *texts, s *model.Score, target model.Hundredths, aspects bool) {
	if s.Pack.HasDomains() {
		barChart(d, t, t.chartDomains, s.Pack, domainBars(s), target)
	}
	if aspects || !s.Pack.HasDomains() {
		barChart(d, t, t.chartAspects, s.Pack, aspectBars(s), target)
	}
}

// partTable lists the domains with their aspects (only the aspects for an
// instrument without domains): weight, index and how many indicators are
// answered.
func partTable(d *doc, t *texts, s *model.Score) {
	wW, wI, wA := 18.0, 18.0, 20.0
	name := d.width() - wW - wI - wA
	cols := []col{
		{w: name, st: stTableHead, align: "L"},
		{w: wW, st: stTableHead, align: "R"},
		{w: wI, st: stTableHead, align: "R"},
		{w: wA, st: stTableHead, align: "R"},
	}
	part := t.colAspect
	if s.Pack.HasDomains() {
		part = t.colPart
	}
	head := d.newRow(cols, part, t.colWeight, t.colIndex, t.colAnswered)
	head.fill, head.grid, head.keep, head.gap = &shade, true, true, 4
	d.put(head)
	aspects := map[int]model.Part{}
	for _, a := range s.Aspects {
		aspects[a.No] = a
	}
	for di, dom := range s.Pack.Domains {
		if s.Pack.HasDomains() {
			dr := partRow(d, t, cols, s.Domains[di], t.domainN(dom.No, dom.Name), true, false)
			dr.heads, dr.keep = []*row{head}, true
			d.put(dr)
		}
		for _, asp := range dom.Aspects {
			ar := partRow(d, t, cols, aspects[asp.No], t.aspectN(asp.No, asp.Name), false, s.Pack.HasDomains())
			ar.heads = []*row{head}
			d.put(ar)
		}
	}
}

// partRow is one row of partTable: a domain in bold, or an aspect,
// indented under its domain.
func partRow(d *doc, t *texts, head []col, p model.Part, name string, bold, indent bool) *row {
	cols := make([]col, len(head))
	copy(cols, head)
	for i := range cols {
		cols[i].st = stTable
		if bold {
			cols[i].st = stTableHead
		}
	}
	if indent {
		cols[0].indent = 5
	}
	idx := "–"
	if p.HasIndex() {
		idx = p.Index.ID()
	}
	r := d.newRow(cols, name, p.Weight.ID(), idx, fmt.Sprintf("%d/%d", p.Coverage.Answered, p.Coverage.Total))
	r.grid = true
	if bold {
		r.fill = &shadeDark
	}
	return r
}

// planSection lists the target planner's raises, when there is a plan.
func planSection(d *doc, t *texts, p *model.Pack, plan *model.Plan) {
	if plan == nil {
		return
	}
	d.heading(t.secPlan(plan.Target.ID()), stH2, 25)
	switch {
	case len(plan.Steps) == 0 && plan.Reachable:
		d.paragraph(t.planReached(plan.Current.ID(), plan.Target.ID()), stBody, 1)
		return
	case plan.Reachable:
		d.paragraph(t.planIntro(plan.Current.ID(), plan.Target.ID(), len(plan.Steps), plan.Best.ID()), stBody, 1)
	default:
		d.paragraph(t.planUnreachable(plan.Current.ID(), plan.Target.ID(), plan.Best.ID()), stBody, 1)
	}
	wStep, wNo, wLevel, wWeight, wAfter := 17.0, 10.0, 22.0, 16.0, 24.0
	cols := []col{
		{w: wStep, st: stTableHead, align: "R"},
		{w: wNo, st: stTableHead, align: "R"},
		{w: d.width() - wStep - wNo - wLevel - wWeight - wAfter, st: stTableHead, align: "L"},
		{w: wLevel, st: stTableHead, align: "C"},
		{w: wWeight, st: stTableHead, align: "R"},
		{w: wAfter, st: stTableHead, align: "R"},
	}
	head := d.newRow(cols, t.colStep, t.colNo, t.colIndicator, t.colLevelChange, t.colWeight, t.colIndexAfter)
	head.fill, head.grid, head.keep, head.gap = &shade, true, true, 2
	d.put(head)
	body := make([]col, len(cols))
	for i := range cols {
		body[i] = cols[i]
		body[i].st = stTable
	}
	for i, s := range plan.Steps {
		name := fmt.Sprint(s.Indicator)
		if ind := p.Indicator(s.Indicator); ind != nil {
			name = ind.Name
		}
		r := d.newRow(body, fmt.Sprint(i+1), fmt.Sprint(s.Indicator), name,
			t.levelArrow(s.From.Compact(), s.To.Compact()), s.Weight.ID(), s.IndexAfter.ID())
		r.grid, r.heads = true, []*row{head}
		d.put(r)
	}
}
