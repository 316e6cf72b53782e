package report

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/swanilai/swanilai/model"
)

// Recap is what the coordinator's recap for the Forum SPBE shows: the
// consolidated index of the Pemda, every OPD's part in it and the trend
// over the years.
type Recap struct {
	// Pemda is the consolidated assessment of the whole instansi: its
	// identity (instansi, the coordinator's team as unit, year, workspace),
	// the instrument, the consolidated answers and the target index.
	Pemda *model.Assessment
	// OPDs are the OPDs in the order the recap lists them.
	OPDs []RecapOPD
	// Trend holds the index of other years. A trend chart is drawn when a
	// point lies before Pemda's year; the point of Pemda's year is taken
	// from Pemda unless Trend has it.
	Trend []TrendPoint
}

// RecapOPD is one OPD in the recap.
type RecapOPD struct {
	// Code is the OPD's short name, e.g. "DISKOMINFO"; Name its full name.
	Code, Name string
	// Assessment is the OPD's latest submission as imported; nil when
	// none has arrived.
	Assessment *model.Assessment
	// Cells holds the state of every indicator assigned to the OPD, by
	// indicator number; an indicator absent from Cells (or NotAssigned) is
	// not the OPD's. CellStates derives the states an OPD's answers show by
	// themselves; the coordinator's reviews add NeedsRevision and Accepted.
	Cells map[int]CellState
	// Status says where the OPD stands, in words, e.g. "Diterima" or
	// "Menunggu revisi".
	Status string
	// Revision is the number of the OPD's last submission, 0 for none;
	// Submitted is its date.
	Revision  int
	Submitted model.Date
}

// CellState is the state of one cell of the OPD × indicator matrix.
type CellState uint8

// The cell states, from nothing to done. Their colours darken in this
// order, so that the matrix reads the same printed in grey.
const (
	NotAssigned   CellState = iota // the indicator is not the OPD's
	Assigned                       // assigned to the OPD, not answered yet
	Answered                       // answered, no evidence linked
	WithEvidence                   // answered with at least one evidence file
	NeedsRevision                  // the coordinator asked for a revision
	Accepted                       // the coordinator accepted the answer
)

// answered reports whether the state stands for an answer.
func (s CellState) answered() bool { return s >= Answered }

// CellStates returns the states of the indicators assigned to an OPD as
// its assessment shows them: Assigned, Answered or WithEvidence. a may be
// nil when the OPD has sent nothing.
func CellStates(assigned []int, a *model.Assessment) map[int]CellState {
	out := make(map[int]CellState, len(assigned))
	for _, no := range assigned {
		out[no] = Assigned
	}
	if a == nil {
		return out
	}
	for no := range out {
		if ans, ok := a.Answers[no]; ok && ans.Value != model.Unanswered {
			out[no] = Answered
		}
	}
	for _, e := range a.Evidence {
		if out[e.Indicator] == Answered {
			out[e.Indicator] = WithEvidence
		}
	}
	return out
}

// TrendPoint is the index of one year.
type TrendPoint struct {
	Year  int
	Index model.Ratio
	// Predikat is the predikat the index got that year; empty means the
	// predikat of the index under the recap's instrument.
	Predikat string
	// Domains holds the domain indices of the year, when known.
	Domains []DomainIndex
}

// DomainIndex is the index of one domain, named as the instrument names
// it; trend lines join the domains of the same name across years.
type DomainIndex struct {
	Name  string
	Index model.Ratio
}

// WriteRecap renders the coordinator's recap for the Forum SPBE to w: a
// cover; the Pemda's consolidated index with its predikat, the gap to the
// target, the domain and aspect tables and charts and the way to the
// target; the trend over the years when earlier years are known; the OPD ×
// indicator matrix on A4 landscape pages; a table of all OPDs; and for
// each OPD the state of its indicators.
//
// It stops early with an error wrapping ctx.Err() when ctx is cancelled.
func WriteRecap(ctx context.Context, w io.Writer, rc *Recap, opts Options) error {
	opts, t, err := opts.check()
	if err != nil {
		return err
	}
	if rc == nil {
		return fmt.Errorf("report: %w", model.Errorf(ErrInput, "err.report.no_recap"))
	}
	if err := checkAssessment(rc.Pemda, "penilaian Pemda"); err != nil {
		return err
	}
	p := rc.Pemda.Pack
	score, err := rc.Pemda.Score()
	if err != nil {
		return fmt.Errorf("report: %w: %w", ErrInput, err)
	}
	plan, err := planFor(rc.Pemda, score, opts.Plan)
	if err != nil {
		return err
	}
	r := &recapReport{rc: rc, p: p, score: score, plan: plan, opts: opts, t: t}
	for _, o := range rc.OPDs {
		st, err := statsOf(p, o)
		if err != nil {
			return err
		}
		r.stats = append(r.stats, st)
	}
	id := rc.Pemda.Identity
	r.d = newDoc(ctx, t, opts, docMeta{
		title:   fmt.Sprintf("%s %d — %s", t.headerRecap, id.Year, id.Instansi),
		subject: p.Label(),
		author:  joinNonEmpty(", ", id.Unit, id.Instansi),
		header:  [2][2]string{{id.Instansi, id.Unit}, {t.headerRecap, t.yearOf(id.Year)}},
		footer:  footerText(t, opts, id.ID),
	})
	r.d.total = int64(len(rc.OPDs)) + 6
	return r.write(w)
}

// opdStats are the counts of one OPD's row in the recap.
type opdStats struct {
	assigned, answered, evidence, revision, accepted int
	score                                            *model.Score
}

// statsOf checks one OPD of a recap over instrument p and counts its
// cells: assigned, answered, answered with evidence, to revise, accepted;
// and scores its assessment.
func statsOf(p *model.Pack, o RecapOPD) (opdStats, error) {
	var st opdStats
	if o.Assessment != nil {
		if err := checkAssessment(o.Assessment, "penilaian OPD "+o.Code); err != nil {
			return st, err
		}
		if o.Assessment.Pack.Hash() != p.Hash() {
			return st, fmt.Errorf("report: %w: OPD %s: %w", ErrInput, o.Code, model.ErrInstrumentMismatch)
		}
	}
	for no, s := range o.Cells {
		switch {
		case !s.valid():
			return st, fmt.Errorf("report: %w", model.Errorf(ErrInput, "err.report.cell_state", "OPD", o.Code, "Indicator", no, "State", int(s)))
		case p.Indicator(no) == nil:
			return st, fmt.Errorf("report: %w: OPD %s: indikator %d: %w", ErrInput, o.Code, no, model.ErrUnknownIndicator)
		case s == NotAssigned:
			continue
		}
		st.assigned++
		if s.answered() {
			st.answered++
		}
		switch s {
		case NeedsRevision:
			st.revision++
		case Accepted:
			st.accepted++
		}
	}
	if o.Assessment == nil {
		return st, nil
	}
	with := map[int]bool{}
	for _, e := range o.Assessment.Evidence {
		if o.Cells[e.Indicator].answered() {
			with[e.Indicator] = true
		}
	}
	st.evidence = len(with)
	var err error
	if st.score, err = o.Assessment.Score(); err != nil {
		return st, fmt.Errorf("report: %w: OPD %s: %w", ErrInput, o.Code, err)
	}
	return st, nil
}

// recapReport is one recap being written.
type recapReport struct {
	d     *doc
	t     *texts
	rc    *Recap
	p     *model.Pack
	score *model.Score
	plan  *model.Plan
	opts  Options
	stats []opdStats
}

func (r *recapReport) write(w io.Writer) error {
	d := r.d
	for _, s := range []func(){r.cover, r.index, r.trend, r.matrix, r.opdTable} {
		s()
		if err := d.step(); err != nil {
			return err
		}
	}
	r.d.section(r.t.secOPDDetail, false)
	if len(r.rc.OPDs) == 0 {
		d.paragraph(r.t.noOPDs, stNote, 2)
	}
	for i := range r.rc.OPDs {
		r.opdDetail(i)
		if err := d.step(); err != nil {
			return err
		}
	}
	return d.finish(w)
}

// cover is the first page.
func (r *recapReport) cover() {
	t, id, p := r.t, r.rc.Pemda.Identity, r.p
	received := 0
	for _, o := range r.rc.OPDs {
		if o.Revision > 0 || o.Assessment != nil {
			received++
		}
	}
	drawCover(r.d, t, p, []coverLine{
		{t.coverRecap[0], style{size: 17, bold: true, color: accent}, 0},
		{t.coverRecap[1], style{size: 14, bold: true, color: accent}, 4},
		{strings.ToUpper(t.yearOf(id.Year)), style{size: 14, bold: true, color: ink}, 18},
		{id.Instansi, style{size: 15, bold: true, color: ink}, 1},
		{t.coverRecap[2], style{size: 12, ital: true, color: grey}, 22},
	},
		[2]string{t.recapTeam, id.Unit},
		[2]string{t.coverInstrument, p.Label()},
		[2]string{t.coverLegalBasis, legalBasis(p)},
		[2]string{t.coverVersion, p.ID + " · " + p.Version},
		[2]string{t.coverHash, "SHA-256 " + p.ShortHash()},
		[2]string{t.recapOPDs, t.recapReceived(received, len(r.rc.OPDs))},
		[2]string{t.coverGenerated, stamp(r.opts.Generated)})
}

// index is the section on the consolidated index.
func (r *recapReport) index() {
	d, t := r.d, r.t
	d.section(t.secRecapIndex, false)
	scoreCard(d, t, t.pemdaIndex(r.p.IndexName), r.p, r.score, r.rc.Pemda.TargetIndex)
	partTable(d, t, r.score)
	summaryCharts(d, t, r.score, r.rc.Pemda.TargetIndex, true)
	planSection(d, t, r.p, r.plan)
}

// trendPoints returns the trend sorted by year with the current year
// added from the Pemda's score, and whether any point is earlier.
func (r *recapReport) trendPoints() ([]TrendPoint, bool) {
	year := r.rc.Pemda.Identity.Year
	pts := slices.Clone(r.rc.Trend)
	earlier, has := false, false
	for _, p := range pts {
		earlier = earlier || p.Year < year
		has = has || p.Year == year
	}
	if !has && r.score.HasIndex() {
		cur := TrendPoint{Year: year, Index: r.score.Index, Predikat: r.score.Predikat}
		for _, dp := range r.score.Domains {
			if dp.HasIndex() && r.p.HasDomains() {
				cur.Domains = append(cur.Domains, DomainIndex{Name: dp.Name, Index: dp.Index})
			}
		}
		pts = append(pts, cur)
	}
	slices.SortStableFunc(pts, func(a, b TrendPoint) int { return cmp.Compare(a.Year, b.Year) })
	return pts, earlier
}

// trend is the section on the index over the years, when earlier years
// are known.
func (r *recapReport) trend() {
	pts, earlier := r.trendPoints()
	if !earlier {
		return
	}
	d, t := r.d, r.t
	d.section(t.secTrend, false)
	trendChart(d, t, r.p, pts, r.rc.Pemda.TargetIndex)
	// The same numbers as a table.
	names := trendDomainNames(r.p, pts)
	wYear, wIdx, wPred := 16.0, 16.0, 24.0
	rest := d.width() - wYear - wIdx - wPred
	cols := []col{{w: wYear, st: stTableHead, align: "L"}, {w: wIdx, st: stTableHead, align: "R"}, {w: wPred, st: stTableHead, align: "L"}}
	texts := []string{t.colYear, t.trendIndex, t.predikat}
	for _, n := range names {
		cols = append(cols, col{w: rest / float64(len(names)), st: stTableHead, align: "R"})
		texts = append(texts, n)
	}
	head := d.newRow(cols, texts...)
	head.fill, head.grid, head.keep, head.gap = &shade, true, true, 4
	d.put(head)
	body := make([]col, len(cols))
	for i := range cols {
		body[i] = cols[i]
		body[i].st = stTable
	}
	for _, p := range pts {
		pred := p.Predikat
		if pred == "" {
			pred = r.p.PredikatOf(p.Index)
		}
		cells := []string{fmt.Sprint(p.Year), p.Index.ID(), pred}
		for _, n := range names {
			v := "–"
			for _, dm := range p.Domains {
				if dm.Name == n {
					v = dm.Index.ID()
				}
			}
			cells = append(cells, v)
		}
		tr := d.newRow(body, cells...)
		tr.grid, tr.heads = true, []*row{head}
		d.put(tr)
	}
}

// trendDomainNames returns the domain names that appear in the trend: the
// instrument's first, in its order, then others by first appearance.
func trendDomainNames(p *model.Pack, pts []TrendPoint) []string {
	seen := map[string]bool{}
	var names []string
	for _, pt := range pts {
		for _, dm := range pt.Domains {
			seen[dm.Name] = true
		}
	}
	for _, dom := range p.Domains {
		if seen[dom.Name] {
			names = append(names, dom.Name)
			delete(seen, dom.Name)
		}
	}
	for _, pt := range pts {
		for _, dm := range pt.Domains {
			if seen[dm.Name] {
				names = append(names, dm.Name)
				delete(seen, dm.Name)
			}
		}
	}
	return names
}

// opdTable is one table of all OPDs with their counts, on landscape pages.
func (r *recapReport) opdTable() {
	d, t := r.d, r.t
	d.section(t.secOPDTable, true)
	widths := []float64{8, 31, 0, 18, 15, 15, 15, 15, 14, 38, 40}
	fixed := 0.0
	for _, w := range widths {
		fixed += w
	}
	widths[2] = d.width() - fixed
	aligns := []string{"R", "L", "L", "R", "R", "R", "R", "R", "R", "L", "L"}
	cols := make([]col, len(widths))
	for i := range widths {
		cols[i] = col{w: widths[i], st: stTableHead, align: aligns[i]}
	}
	head := d.newRow(cols, t.colNo, t.colCode, t.colOPD, t.colAssigned, t.colAnswered, t.colWithEvidence,
		t.colRevision, t.colAccepted, t.colOPDIndex, t.colSubmitted, t.colStatus)
	head.fill, head.grid, head.keep = &shade, true, true
	d.put(head)
	body := make([]col, len(cols))
	for i := range cols {
		body[i] = cols[i]
		body[i].st = stTable
	}
	if len(r.rc.OPDs) == 0 {
		d.paragraph(t.noOPDs, stNote, 2)
		return
	}
	for i, o := range r.rc.OPDs {
		st := r.stats[i]
		idx := "–"
		if st.score != nil && st.score.HasIndex() {
			idx = st.score.Index.ID()
		}
		or := d.newRow(body, fmt.Sprint(i+1), o.Code, o.Name, fmt.Sprint(st.assigned), fmt.Sprint(st.answered),
			fmt.Sprint(st.evidence), fmt.Sprint(st.revision), fmt.Sprint(st.accepted), idx, r.submission(o), o.Status)
		or.grid, or.heads = true, []*row{head}
		d.put(or)
	}
	d.paragraph(t.opdIndexFoot, stNote, 2)
}

// submission says which submission of the OPD the recap shows.
func (r *recapReport) submission(o RecapOPD) string { return submissionText(r.t, o) }

// submissionText says which submission of an OPD is in: "Revisi ke-2, 14
// Okt 2025", or that none has arrived.
func submissionText(t *texts, o RecapOPD) string {
	if o.Revision == 0 {
		return t.notSubmitted
	}
	s := t.revisionN(o.Revision)
	if !o.Submitted.IsZero() {
		s += ", " + dateShort(o.Submitted)
	}
	return s
}

// opdDetail is one OPD's block: its particulars and the state of each of
// its indicators.
func (r *recapReport) opdDetail(i int) {
	d, t, o, st := r.d, r.t, r.rc.OPDs[i], r.stats[i]
	w := d.width()
	title := d.newRow([]col{{w: 30, st: style{size: 9.5, bold: true, color: accent}, align: "L"},
		{w: w - 30, st: stBodyBold, align: "L"}}, o.Code, o.Name)
	title.fill, title.keep, title.gap = &shade, true, 5
	idx := "–"
	if st.score != nil && st.score.HasIndex() {
		idx = st.score.Index.ID()
	}
	status := o.Status
	if status == "" {
		status = "–"
	}
	meta := d.newRow([]col{{w: w, st: stSmallGrey, align: "L"}}, t.opdMeta(status, r.submission(o), t.answeredOf(st.answered, st.assigned), idx))
	meta.keep = true
	cont := d.newRow([]col{{w: 30, st: stSmallBold, align: "L"}, {w: w - 30, st: stSmallGrey, align: "L"}}, o.Code+" "+t.continued, o.Name)
	cont.fill = &shade
	rows := []*row{title, meta}

	nos := make([]int, 0, len(o.Cells))
	for no, s := range o.Cells {
		if s != NotAssigned {
			nos = append(nos, no)
		}
	}
	slices.Sort(nos)
	if len(nos) == 0 {
		rows = append(rows, d.newRow([]col{{w: w, st: stNote, align: "L"}}, t.noneAssigned))
		d.block(40, rows...)
		return
	}
	wNo, wLevel, wEv, wMark, wState := 9.0, 36.0, 12.0, 6.0, 40.0
	cols := []col{
		{w: wNo, st: stTableHead, align: "R"},
		{w: w - wNo - wLevel - wEv - wMark - wState, st: stTableHead, align: "L"},
		{w: wLevel, st: stTableHead, align: "L"},
		{w: wEv, st: stTableHead, align: "C"},
		{w: wMark, st: stTableHead, align: "C"},
		{w: wState, st: stTableHead, align: "L"},
	}
	head := d.newRow(cols, t.colNo, t.colIndicator, t.colLevel, t.colEvidence, "", t.colState)
	head.fill, head.grid, head.keep, head.gap, head.heads = &shade, true, true, 1.5, []*row{cont}
	rows = append(rows, head)
	body := make([]col, len(cols))
	for i := range cols {
		body[i] = cols[i]
		body[i].st = stTable
	}
	for _, no := range nos {
		ind := r.p.Indicator(no)
		level, ev := t.notAnswered, ""
		if o.Assessment != nil {
			if ans := o.Assessment.Answers[no]; ans.Value != model.Unanswered {
				level = levelText(t, r.p, ind, ans.Value)
			}
			if n := len(o.Assessment.EvidenceFor(no)); n > 0 {
				ev = fmt.Sprint(n)
			}
		}
		s := o.Cells[no]
		ir := d.newRow(body, fmt.Sprint(no), ind.Name, level, ev, t.stateMarks[s], t.stateNames[s])
		ir.grid, ir.heads = true, []*row{cont, head}
		ir.fills = make([]*rgb, len(body))
		fill := stateFill[s]
		ir.fills[4] = &fill
		ir.cols = slices.Clone(body)
		ir.cols[4].st = style{size: 7, bold: true, color: markColor(s)}
		rows = append(rows, ir)
	}
	d.block(50, rows...)
}
