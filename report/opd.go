package report

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/swanilai/swanilai/model"
)

// WriteOPD renders the OPD's Laporan Penilaian Mandiri of assessment a to
// w: a cover; a summary with the index over the answered indicators, its
// predikat and coverage, the domains and aspects in a table and a chart,
// and the way to the target when one is set; the list of all indicators;
// one block per answered indicator with its level, kriteria, FAKTA,
// ANALISIS, evidence and readiness findings; and a Berita Acara to sign.
//
// It stops early with an error wrapping ctx.Err() when ctx is cancelled.
func WriteOPD(ctx context.Context, w io.Writer, a *model.Assessment, opts Options) error {
	opts, t, err := opts.check()
	if err != nil {
		return err
	}
	if err := checkAssessment(a, "penilaian"); err != nil {
		return err
	}
	score, err := a.Score()
	if err != nil {
		return fmt.Errorf("report: %w: %w", ErrInput, err)
	}
	plan, err := planFor(a, score, opts.Plan)
	if err != nil {
		return err
	}
	r := &opdReport{a: a, score: score, plan: plan, opts: opts, t: t,
		findings: map[int][]model.Finding{}, evidence: map[int][]model.Evidence{}}
	for _, f := range a.Readiness(opts.Today) {
		r.findings[f.Indicator] = append(r.findings[f.Indicator], f)
	}
	for _, e := range a.Evidence {
		r.evidence[e.Indicator] = append(r.evidence[e.Indicator], e)
	}
	for _, no := range a.Pack.IndicatorNumbers() {
		if r.hasBlock(no) {
			r.blocks = append(r.blocks, no)
		}
	}
	id := a.Identity
	r.d = newDoc(ctx, t, opts, docMeta{
		title:   fmt.Sprintf("%s %d — %s, %s", t.headerOPD, id.Year, id.Unit, id.Instansi),
		subject: a.Pack.Label(),
		author:  joinNonEmpty(", ", id.Unit, id.Instansi),
		header:  [2][2]string{{id.Instansi, id.Unit}, {t.headerOPD, t.yearOf(id.Year)}},
		footer:  footerText(t, opts, id.ID),
	})
	r.d.total = int64(len(r.blocks)) + 5
	return r.write(w)
}

// planFor returns the plan to print: the caller's, or one made from the
// assessment's target index, or nil.
func planFor(a *model.Assessment, score *model.Score, given *model.Plan) (*model.Plan, error) {
	if given != nil || a.TargetIndex == 0 || !score.HasIndex() {
		return given, nil
	}
	p, err := a.Pack.PlanTarget(a.Values(), a.TargetIndex, nil)
	if err != nil {
		return nil, fmt.Errorf("report: %w: %w", ErrInput, err)
	}
	return p, nil
}

// footerText is the right part of every footer.
func footerText(t *texts, opts Options, workspace string) string {
	s := t.generated + " " + stamp(opts.Generated)
	if workspace != "" {
		s += " · " + t.workspaceID + " " + workspace
	}
	return s
}

// opdReport is one OPD report being written.
type opdReport struct {
	d        *doc
	t        *texts
	a        *model.Assessment
	score    *model.Score
	plan     *model.Plan
	opts     Options
	findings map[int][]model.Finding
	evidence map[int][]model.Evidence
	blocks   []int // the indicators that get a block, in instrument order
}

// hasBlock reports whether indicator no has anything to show in a block of
// its own: an answer, a penjelasan, evidence or a finding.
func (r *opdReport) hasBlock(no int) bool {
	ans, ok := r.a.Answers[no]
	return (ok && (ans.Value != model.Unanswered || ans.Fakta != "" || ans.Analisis != "" || ans.Sector != "")) ||
		len(r.evidence[no]) > 0 || len(r.findings[no]) > 0
}

func (r *opdReport) write(w io.Writer) error {
	d := r.d
	steps := []func(){r.cover, r.summary, r.overview}
	if r.opts.Review != nil {
		steps = append(steps, r.reviewSection)
	}
	for _, s := range steps {
		s()
		if err := d.step(); err != nil {
			return err
		}
	}
	d.section(r.t.secIndicators, false)
	if len(r.blocks) == 0 {
		d.paragraph(r.t.noBlocks, stNote, 2)
	}
	for _, no := range r.blocks {
		r.indicatorBlock(no)
		if err := d.step(); err != nil {
			return err
		}
	}
	r.beritaAcara()
	if err := d.step(); err != nil {
		return err
	}
	return d.finish(w)
}

// cover is the first page.
func (r *opdReport) cover() {
	t, id, p := r.t, r.a.Identity, r.a.Pack
	title := style{size: 17, bold: true, color: accent}
	var lines []coverLine
	for _, l := range t.coverOPD {
		lines = append(lines, coverLine{l, title, 0})
	}
	lines[len(lines)-1].after = 4
	lines = append(lines,
		coverLine{strings.ToUpper(t.yearOf(id.Year)), style{size: 14, bold: true, color: ink}, 18},
		coverLine{id.Unit, style{size: 15, bold: true, color: ink}, 1},
		coverLine{id.Instansi, style{size: 13, color: ink}, 22})
	rev := t.revisionNone
	if r.a.Revision > 0 {
		rev = t.revisionN(r.a.Revision)
	}
	drawCover(r.d, t, p, lines,
		[2]string{t.coverInstrument, p.Label()},
		[2]string{t.coverLegalBasis, legalBasis(p)},
		[2]string{t.coverVersion, p.ID + " · " + p.Version},
		[2]string{t.coverHash, "SHA-256 " + p.ShortHash()},
		[2]string{t.coverRevision, rev},
		[2]string{t.coverGenerated, stamp(r.opts.Generated)})
}

// summary is section 1: the score card, the domain and aspect table, the
// domain chart and the target plan.
func (r *opdReport) summary() {
	d, t := r.d, r.t
	d.section(t.secSummary, false)
	scoreCard(d, t, t.indexOver(r.a.Pack.IndexName), r.a.Pack, r.score, r.a.TargetIndex, [2]string{t.evidenceCount, r.evidenceLine()})
	if r.score.HasIndex() {
		d.paragraph(t.opdIndexNote, stNote, 2)
	}
	partTable(d, t, r.score)
	d.space(4)
	summaryCharts(d, t, r.score, r.a.TargetIndex, false)
	planSection(d, t, r.a.Pack, r.plan)
}

// evidenceLine counts the evidence files and the readiness findings.
func (r *opdReport) evidenceLine() string {
	n := 0
	for _, f := range r.findings {
		n += len(f)
	}
	return r.t.evidenceOf(len(r.a.Evidence), n)
}

// overview is section 2: every indicator of the instrument in one table.
func (r *opdReport) overview() {
	d, t, p := r.d, r.t, r.a.Pack
	d.section(t.secOverview, false)
	wNo, wLevel, wTarget, wEv, wFind := 9.0, 34.0, 14.0, 12.0, 15.0
	cols := []col{
		{w: wNo, st: stTableHead, align: "R"},
		{w: d.width() - wNo - wLevel - wTarget - wEv - wFind, st: stTableHead, align: "L"},
		{w: wLevel, st: stTableHead, align: "L"},
		{w: wTarget, st: stTableHead, align: "C"},
		{w: wEv, st: stTableHead, align: "C"},
		{w: wFind, st: stTableHead, align: "C"},
	}
	head := d.newRow(cols, t.colNo, t.colIndicator, t.colLevel, t.colTarget, t.colEvidence, t.colFindings)
	head.fill, head.grid, head.keep = &shade, true, true
	d.put(head)
	for _, dom := range p.Domains {
		if p.HasDomains() {
			dr := d.newRow([]col{{w: head.width(), st: stSmallBold, align: "L"}}, t.domainN(dom.No, dom.Name))
			dr.fill, dr.grid, dr.keep, dr.heads = &shadeDark, true, true, []*row{head}
			d.put(dr)
		}
		for _, asp := range dom.Aspects {
			for _, ind := range asp.Indicators {
				d.put(r.overviewRow(cols, &ind, head))
			}
		}
	}
}

func (r *opdReport) overviewRow(head []col, ind *model.Indicator, hr *row) *row {
	d, t := r.d, r.t
	cols := make([]col, len(head))
	copy(cols, head)
	st := stTable
	ans := r.a.Answers[ind.No]
	level := t.notAnswered
	if ans.Value == model.Unanswered {
		st = stSmallGrey
	} else {
		level = levelText(t, r.a.Pack, ind, ans.Value)
	}
	for i := range cols {
		cols[i].st = st
	}
	target := ""
	if tv, ok := r.a.Targets[ind.No]; ok && tv != 0 {
		target = tv.Compact()
	}
	ev, find := "", ""
	if n := len(r.evidence[ind.No]); n > 0 {
		ev = fmt.Sprint(n)
	}
	if n := len(r.findings[ind.No]); n > 0 {
		find = fmt.Sprint(n)
		cols[5].st = stWarn
	}
	name := ind.Name
	if ans.Sector != "" {
		name += " — " + ans.Sector
	}
	or := d.newRow(cols, fmt.Sprint(ind.No), name, level, target, ev, find)
	or.grid, or.heads = true, []*row{hr}
	return or
}

// indicatorBlock is one indicator's block in section 3. It is kept on one
// page when it fits on one; a longer block starts on a new page unless most
// of a page is left, and its title and the evidence table's header are
// repeated where it goes on.
func (r *opdReport) indicatorBlock(no int) {
	d, t, p := r.d, r.t, r.a.Pack
	ind := p.Indicator(no)
	ans := r.a.Answers[no]
	asp := ind.Aspect()
	w := d.width()

	titleCols := []col{{w: 40, st: style{size: 9.5, bold: true, color: accent}, align: "L"},
		{w: w - 40, st: stSmallGrey, align: "R"}}
	path := t.aspectN(asp.No, asp.Name) + " · " + t.weightIs(ind.Weight.ID())
	if p.HasDomains() {
		path = t.domainN(asp.Domain().No, asp.Domain().Name) + " · " + path
	}
	title := d.newRow(titleCols, t.indicatorN(no), path)
	title.fill, title.keep, title.gap = &shade, true, 5
	name := d.newRow([]col{{w: w, st: style{size: 10.5, bold: true, color: ink}, align: "L"}}, ind.Name)
	name.keep, name.padY = true, 1.2
	cont := d.newRow([]col{{w: 40, st: stSmallBold, align: "L"}, {w: w - 40, st: stSmallGrey, align: "R"}},
		t.indicatorN(no)+" "+t.continued, ind.ShortName)
	cont.fill = &shade
	heads := []*row{cont}

	rows := []*row{title, name}
	add := func(label, value string, vst style) {
		kr := d.newRow([]col{{w: 34, st: stSmallBold, align: "L"}, {w: w - 34, st: vst, align: "L"}}, label, value)
		kr.heads, kr.split, kr.rule = heads, true, true
		rows = append(rows, kr)
	}
	level := t.notAnswered
	if ans.Value != model.Unanswered {
		level = levelText(t, p, ind, ans.Value)
	}
	add(t.levelChosen, level, stBodyBold)
	if tv, ok := r.a.Targets[no]; ok && tv != 0 {
		add(t.levelTarget, levelText(t, p, ind, tv), stBody)
	}
	if ind.SectorService {
		add(t.sector, orEmpty(t, ans.Sector), valueStyle(ans.Sector))
	}
	if lv := ind.Level(p.LevelOf(ind, ans.Value)); lv != nil {
		add(t.criteriaOf(lv.Level), lv.Criteria, stSmall)
	}
	add(t.fakta, orEmpty(t, ans.Fakta), valueStyle(ans.Fakta))
	add(t.analisis, orEmpty(t, ans.Analisis), valueStyle(ans.Analisis))
	if dec, ok := r.opts.Review.Decision(no); ok {
		add(t.reviewRow, r.decisionText(ind, dec), stWarn)
	}

	ev := r.evidence[no]
	if len(ev) == 0 {
		add(t.evidence, t.noEvidence, stNote)
	} else {
		label := d.newRow([]col{{w: w, st: stSmallBold, align: "L"}}, t.evidenceN(len(ev)))
		label.heads, label.keep, label.gap = heads, true, 1.5
		rows = append(rows, label)
		evHead, evRows := r.evidenceTable(ev, heads)
		rows = append(rows, evHead)
		rows = append(rows, evRows...)
	}
	if fs := r.findings[no]; len(fs) > 0 {
		for i, f := range fs {
			lbl := ""
			if i == 0 {
				lbl = t.findings
			}
			fr := d.newRow([]col{{w: 34, st: stSmallBold, align: "L"}, {w: 4, st: stWarn, align: "L"}, {w: w - 38, st: stWarn, align: "L"}},
				lbl, "•", f.In(model.ID))
			fr.heads, fr.split = heads, true
			if i == 0 {
				fr.gap = 1.5
			}
			rows = append(rows, fr)
		}
	}
	d.block(60, rows...)
}

// evidenceTable returns the header and the rows of an indicator's
// evidence table; the header repeats on every page the table continues on.
func (r *opdReport) evidenceTable(ev []model.Evidence, heads []*row) (*row, []*row) {
	d, t := r.d, r.t
	widths := []float64{7.5, 40, 0, 21, 16, 19, 22}
	fixed := 0.0
	for _, w := range widths {
		fixed += w
	}
	widths[2] = d.width() - fixed
	aligns := []string{"R", "L", "L", "L", "L", "L", "L"}
	cols := make([]col, len(widths))
	for i := range widths {
		cols[i] = col{w: widths[i], st: stTableHead, align: aligns[i]}
	}
	head := d.newRow(cols, t.colNo, t.colFile, t.colTitle, t.colDocNo, t.colDocDate, t.colValidUntil, t.colHash)
	head.fill, head.grid, head.keep, head.heads = &shade, true, true, heads
	body := make([]col, len(cols))
	for i := range cols {
		body[i] = cols[i]
		body[i].st = stTable
	}
	tableHeads := append(append([]*row{}, heads...), head)
	var rows []*row
	for i, e := range ev {
		er := d.newRow(body, fmt.Sprint(i+1), e.Name, e.Title, e.DocNo, dateShort(e.DocDate), dateShort(e.ValidUntil), e.ShortHash())
		er.grid, er.heads = true, tableHeads
		rows = append(rows, er)
	}
	return head, rows
}

func orEmpty(t *texts, s string) string {
	if strings.TrimSpace(s) == "" {
		return t.empty
	}
	return s
}

func valueStyle(s string) style {
	if strings.TrimSpace(s) == "" {
		return stNote
	}
	return stBody
}

// reviewSection lists the coordinator's decisions on the OPD's submission.
func (r *opdReport) reviewSection() {
	d, t, p, rv := r.d, r.t, r.a.Pack, r.opts.Review
	d.section(t.secReview, false)
	d.paragraph(t.reviewIntro(rv.Revision, dateLong(model.DateOf(rv.Sent))), stBody, 2)
	if rv.Stale(r.a.Revision) {
		d.paragraph(t.reviewStale(rv.Revision, r.a.Revision), stWarn, 2)
	}
	wNo, wVerdict := 9.0, 38.0
	cols := []col{
		{w: wNo, st: stTableHead, align: "R"},
		{w: 62, st: stTableHead, align: "L"},
		{w: wVerdict, st: stTableHead, align: "L"},
		{w: d.width() - wNo - 62 - wVerdict, st: stTableHead, align: "L"},
	}
	head := d.newRow(cols, t.colNo, t.colIndicator, t.colVerdict, t.colNote)
	head.fill, head.grid, head.keep = &shade, true, true
	d.put(head)
	for _, dec := range rv.Decisions {
		ind := p.Indicator(dec.Indicator)
		if ind == nil {
			continue
		}
		body := make([]col, len(cols))
		copy(body, cols)
		for i := range body {
			body[i].st = stTable
		}
		verdict := t.verdictText(dec.Verdict)
		if dec.Verdict == model.VerdictAdjusted {
			verdict += " " + t.adjustedTo(levelText(t, p, ind, dec.Level))
		}
		dr := d.newRow(body, fmt.Sprint(ind.No), ind.ShortName, verdict, decisionNote(t, dec))
		dr.grid, dr.heads, dr.split = true, []*row{head}, true
		d.put(dr)
	}
}

// decisionText says a decision in one line: verdict, level and note.
func (r *opdReport) decisionText(ind *model.Indicator, dec model.Decision) string {
	t := r.t
	s := t.verdictText(dec.Verdict)
	if dec.Verdict == model.VerdictAdjusted {
		s += " " + t.adjustedTo(levelText(t, r.a.Pack, ind, dec.Level))
	}
	if n := decisionNote(t, dec); n != "" {
		s += ": " + n
	}
	return s
}

// decisionNote joins the parts of a decision's note.
func decisionNote(t *texts, dec model.Decision) string {
	var parts []string
	for _, p := range []struct{ label, text string }{
		{"FAKTA", dec.Fakta}, {"ANALISIS", dec.Analisis}, {"JUSTIFIKASI HASIL", dec.Justifikasi}, {t.noteMissing, dec.MissingEvidence},
	} {
		if strings.TrimSpace(p.text) != "" {
			parts = append(parts, p.label+": "+strings.TrimSpace(p.text))
		}
	}
	return strings.Join(parts, " · ")
}
