package report

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/swanilai/swanilai/model"
)

// WriteRecapXLSX writes the recap as an Excel workbook, for the Forum SPBE
// secretariat to re-sort and annotate: "Ringkasan" (the Pemda index,
// predikat, coverage, target and the domain and aspect indices),
// "Konsolidasi" (per indicator the Pemda's level with its penjelasan and
// what every contributing OPD answered), "Matriks" (OPD × indicator, each
// cell marked and coloured as in the PDF) and "Status OPD" (one row per
// OPD). Numbers are numbers, with two decimals shown.
func WriteRecapXLSX(ctx context.Context, w io.Writer, rc *Recap, opts Options) error {
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
	var stats []opdStats
	for _, o := range rc.OPDs {
		st, err := statsOf(p, o)
		if err != nil {
			return err
		}
		stats = append(stats, st)
	}
	x := &xlsxBook{f: excelize.NewFile(), t: t}
	defer x.f.Close()
	x.styles()
	steps := []func(){
		func() { x.summary(rc, score, opts) },
		func() { x.consolidation(rc) },
		func() { x.matrix(rc) },
		func() { x.status(rc, stats) },
	}
	for i, step := range steps {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		step()
		if opts.Progress != nil {
			opts.Progress(int64(i+1), int64(len(steps)+1))
		}
	}
	if x.err != nil {
		return fmt.Errorf("report: %w: %w", ErrRender, x.err)
	}
	if err := x.f.DeleteSheet("Sheet1"); err != nil {
		return fmt.Errorf("report: %w: %w", ErrRender, err)
	}
	x.f.SetActiveSheet(0)
	if _, err := x.f.WriteTo(w); err != nil {
		return fmt.Errorf("report: %w: %w", ErrWrite, err)
	}
	if opts.Progress != nil {
		opts.Progress(int64(len(steps)+1), int64(len(steps)+1))
	}
	return nil
}

// xlsxBook is a workbook being written; the first error sticks.
type xlsxBook struct {
	f   *excelize.File
	t   *texts
	err error
	// style ids
	head, number, wrap, bold int
	fills                    map[CellState]int
}

func (x *xlsxBook) keep(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

func (x *xlsxBook) styles() {
	var err error
	x.head, err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDE3EA"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	x.keep(err)
	x.number, err = x.f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	x.keep(err)
	x.wrap, err = x.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	x.keep(err)
	x.bold, err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	x.keep(err)
	x.fills = map[CellState]int{}
	for s := range CellState(len(stateFill)) {
		c := stateFill[s]
		font := "#212529"
		if markColor(s) == white {
			font = "#FFFFFF"
		}
		id, err := x.f.NewStyle(&excelize.Style{
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fmt.Sprintf("#%02X%02X%02X", c.r, c.g, c.b)}},
			Font:      &excelize.Font{Color: font, Bold: true},
			Alignment: &excelize.Alignment{Horizontal: "center"},
			Border:    []excelize.Border{{Type: "left", Color: "#BFC5CC", Style: 1}, {Type: "right", Color: "#BFC5CC", Style: 1}, {Type: "top", Color: "#BFC5CC", Style: 1}, {Type: "bottom", Color: "#BFC5CC", Style: 1}},
		})
		x.keep(err)
		x.fills[s] = id
	}
}

// sheet starts a sheet with a bold header row and the column widths.
func (x *xlsxBook) sheet(name string, header []string, widths []float64) {
	_, err := x.f.NewSheet(name)
	x.keep(err)
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	x.row(name, 1, head...)
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	x.keep(x.f.SetCellStyle(name, "A1", last, x.head))
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		x.keep(x.f.SetColWidth(name, col, col, wd))
	}
	x.keep(x.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
}

// row writes values from column A of row r.
func (x *xlsxBook) row(sheet string, r int, values ...any) {
	cell, _ := excelize.CoordinatesToCellName(1, r)
	x.keep(x.f.SetSheetRow(sheet, cell, &values))
}

// num is a value for a number cell: the rounded display value, or empty.
func num(has bool, r model.Ratio) any {
	if !has {
		return ""
	}
	return float64(r.Round()) / 100
}

func (x *xlsxBook) summary(rc *Recap, s *model.Score, opts Options) {
	const name = "Ringkasan"
	t, a := x.t, rc.Pemda
	x.sheet(name, []string{t.xlsxItem, t.xlsxValue}, []float64{46, 60})
	target := ""
	if a.TargetIndex > 0 {
		target = a.TargetIndex.ID()
	}
	rows := [][]any{
		{t.xlsxInstansi, a.Identity.Instansi},
		{t.xlsxYear, a.Identity.Year},
		{t.xlsxInstrument, a.Pack.Label() + " (" + a.Pack.ID + ")"},
		{a.Pack.IndexName, num(s.HasIndex(), s.Index)},
		{t.xlsxPredikat, s.Predikat},
		{t.xlsxCoverage, fmt.Sprintf("%d / %d", s.Coverage.Answered, s.Coverage.Total)},
		{t.xlsxWeight, float64(s.Coverage.WeightPercent().Round()) / 100},
		{t.xlsxTarget, target},
		{t.xlsxGenerated, opts.Generated.Format("2006-01-02 15:04")},
		{},
	}
	parts := s.Aspects
	prefix := t.xlsxAspect
	if a.Pack.HasDomains() {
		for _, d := range s.Domains {
			rows = append(rows, []any{fmt.Sprintf("%s %d · %s", t.xlsxDomain, d.No, d.Name), num(d.HasIndex(), d.Index)})
		}
	}
	for _, p := range parts {
		rows = append(rows, []any{fmt.Sprintf("%s %d · %s", prefix, p.No, p.Name), num(p.HasIndex(), p.Index)})
	}
	for i, r := range rows {
		x.row(name, i+2, r...)
		if len(r) == 2 {
			if _, ok := r[1].(float64); ok {
				cell, _ := excelize.CoordinatesToCellName(2, i+2)
				x.keep(x.f.SetCellStyle(name, cell, cell, x.number))
			}
		}
	}
}

func (x *xlsxBook) consolidation(rc *Recap) {
	const name = "Konsolidasi"
	t, a := x.t, rc.Pemda
	p := a.Pack
	x.sheet(name, []string{t.colNo, t.xlsxAspect, t.xlsxIndicator, t.xlsxWeight2, t.xlsxPemdaLevel, t.xlsxLevelName, "FAKTA", "ANALISIS", t.xlsxContributions},
		[]float64{5, 28, 48, 8, 10, 18, 60, 60, 40})
	r := 2
	for _, no := range p.IndicatorNumbers() {
		ind := p.Indicator(no)
		ans := a.Answers[no]
		level, levelName := any(""), ""
		if ans.Value != model.Unanswered {
			level = float64(ans.Value) / 100
			levelName = p.LevelName(ind, p.LevelOf(ind, ans.Value))
		}
		var contrib []string
		for _, o := range rc.OPDs {
			if s := o.Cells[no]; s == NotAssigned {
				continue
			}
			v := x.t.notAnswered
			if o.Assessment != nil {
				if oa, ok := o.Assessment.Answers[no]; ok && oa.Value != model.Unanswered {
					v = oa.Value.Compact()
				}
			}
			contrib = append(contrib, o.Code+": "+v)
		}
		x.row(name, r, no, ind.Aspect().Name, ind.Name, float64(ind.Weight)/100, level, levelName, ans.Fakta, ans.Analisis, strings.Join(contrib, "; "))
		first, _ := excelize.CoordinatesToCellName(1, r)
		last, _ := excelize.CoordinatesToCellName(9, r)
		x.keep(x.f.SetCellStyle(name, first, last, x.wrap))
		for _, c := range []int{4, 5} {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			x.keep(x.f.SetCellStyle(name, cell, cell, x.number))
		}
		r++
	}
	x.keep(x.f.AutoFilter(name, fmt.Sprintf("A1:I%d", r-1), nil))
}

func (x *xlsxBook) matrix(rc *Recap) {
	const name = "Matriks"
	t := x.t
	nos := rc.Pemda.Pack.IndicatorNumbers()
	header := []string{t.colCode, t.colOPD}
	widths := []float64{14, 36}
	for _, no := range nos {
		header = append(header, fmt.Sprint(no))
		widths = append(widths, 4)
	}
	x.sheet(name, header, widths)
	for i, o := range rc.OPDs {
		r := i + 2
		vals := []any{o.Code, o.Name}
		for _, no := range nos {
			vals = append(vals, t.stateMarks[o.Cells[no]])
		}
		x.row(name, r, vals...)
		for j, no := range nos {
			cell, _ := excelize.CoordinatesToCellName(j+3, r)
			x.keep(x.f.SetCellStyle(name, cell, cell, x.fills[o.Cells[no]]))
		}
	}
	// The legend, under the matrix.
	r := len(rc.OPDs) + 3
	x.row(name, r, t.legendTitle)
	x.keep(x.f.SetCellStyle(name, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r), x.bold))
	for s := range CellState(len(stateFill)) {
		r++
		x.row(name, r, t.stateMarks[s], t.stateNames[s])
		cell := fmt.Sprintf("A%d", r)
		x.keep(x.f.SetCellStyle(name, cell, cell, x.fills[s]))
	}
}

func (x *xlsxBook) status(rc *Recap, stats []opdStats) {
	const name = "Status OPD"
	t := x.t
	x.sheet(name, []string{t.colNo, t.colCode, t.colOPD, t.colAssigned, t.colAnswered, t.colWithEvidence, t.colRevision, t.colAccepted, t.colOPDIndex, t.colSubmitted, t.colStatus},
		[]float64{5, 14, 40, 11, 10, 10, 11, 10, 10, 26, 28})
	for i, o := range rc.OPDs {
		st := stats[i]
		index := any("")
		if st.score != nil && st.score.HasIndex() {
			index = float64(st.score.Index.Round()) / 100
		}
		x.row(name, i+2, i+1, o.Code, o.Name, st.assigned, st.answered, st.evidence, st.revision, st.accepted, index, submissionText(t, o), o.Status)
		cell, _ := excelize.CoordinatesToCellName(9, i+2)
		x.keep(x.f.SetCellStyle(name, cell, cell, x.number))
	}
	x.keep(x.f.AutoFilter(name, fmt.Sprintf("A1:K%d", len(rc.OPDs)+1), nil))
}
