package report

import (
	"fmt"
	"math"
)

// stateFill is the background of each cell state. The fills darken from
// NotAssigned to Accepted by at least 0,08 in luminance from one to the
// next, so that the states stay apart when the matrix is printed in grey;
// each state also carries a mark (texts.stateMarks) for the same reason.
var stateFill = [...]rgb{
	NotAssigned:   white,
	Assigned:      {251, 227, 225}, // pale red: work that is missing
	Answered:      {246, 200, 95},  // amber
	WithEvidence:  {141, 184, 224}, // light blue
	NeedsRevision: {224, 123, 57},  // orange
	Accepted:      {47, 107, 69},   // dark green
}

// valid reports whether s is one of the defined states.
func (s CellState) valid() bool { return int(s) < len(stateFill) }

// markColor returns the colour of a state's mark, white on dark fills.
func markColor(s CellState) rgb {
	if stateFill[s].luminance() < 0.6 {
		return white
	}
	return ink
}

// Matrix geometry on an A4 landscape page, in millimetres.
const (
	mxNoW     = 7.0  // the number column
	mxCodeW   = 26.0 // the OPD code column
	mxFillW   = 13.0 // "answered/assigned" at the end of each row
	mxRowH    = 4.4  // one OPD
	mxDomainH = 4.5  // the domain band of the header
	mxAspectH = 4.0  // the aspect band
	mxNumberH = 4.5  // the indicator numbers
	mxLegendH = 10.0 // the legend under the matrix
)

// matrix draws the OPD × indicator matrix on as many landscape pages as
// the OPDs need, each with the header and the legend, the last with a row
// that counts the OPDs that answered each indicator.
func (r *recapReport) matrix() {
	d, t, p := r.d, r.t, r.p
	inds := p.IndicatorNumbers()
	opds := r.rc.OPDs
	title := d.section(t.secMatrix, true)
	for start := 0; ; {
		if start > 0 {
			d.addPage(true)
			d.heading(title+" "+t.continued, stH1, 30)
		}
		cw := (d.width() - mxNoW - mxCodeW - mxFillW) / float64(len(inds))
		top := d.y + 1
		r.matrixHeader(top, cw)
		y := top + mxDomainH + mxAspectH + mxNumberH
		room := d.bottom() - mxLegendH - y - mxRowH // keep a row for the totals
		end := min(len(opds), start+max(1, int(math.Floor(room/mxRowH))))
		for i := start; i < end; i++ {
			r.matrixRow(y, cw, i)
			y += mxRowH
		}
		if end == len(opds) {
			r.matrixTotals(y, cw)
			y += mxRowH
		}
		r.matrixGrid(top, y, cw)
		if len(opds) == 0 {
			d.fitText(d.left(), y+1, d.width(), t.noOPDs, stNote, "L")
			y += 5
		}
		r.legend(y + 3)
		d.y, d.fresh = y+mxLegendH, false
		if end == len(opds) {
			return
		}
		start = end
	}
}

// matrixHeader draws the domain and aspect bands and the indicator
// numbers over the columns; an instrument without domains has its aspects
// named in the top band.
func (r *recapReport) matrixHeader(y, cw float64) {
	d, t, p := r.d, r.t, r.p
	x0 := d.left() + mxNoW + mxCodeW
	h := mxDomainH + mxAspectH + mxNumberH
	d.setFill(shade)
	d.pdf.Rect(d.left(), y, mxNoW+mxCodeW, h, "F")
	d.pdf.Rect(x0+cw*float64(len(p.IndicatorNumbers())), y, mxFillW, h, "F")
	d.fitText(d.left(), y+h/2-2, mxNoW, t.colNo, stTableHead, "C")
	d.fitText(d.left()+mxNoW, y+h/2-2, mxCodeW, t.colCodeOPD, stTableHead, "L")
	d.fitText(x0+cw*float64(len(p.IndicatorNumbers())), y+h/2-2, mxFillW, t.matrixFilled, style{size: 7, bold: true, color: ink}, "C")
	x := x0
	for _, dom := range p.Domains {
		n := 0
		for _, a := range dom.Aspects {
			n += len(a.Indicators)
		}
		d.setFill(shadeDark)
		d.pdf.Rect(x, y, cw*float64(n), mxDomainH, "F")
		if p.HasDomains() {
			d.fitText(x, y+0.5, cw*float64(n), fmt.Sprintf("%d. %s", dom.No, dom.Name), style{size: 6.5, bold: true, color: ink}, "C")
		}
		ax := x
		for _, a := range dom.Aspects {
			aw := cw * float64(len(a.Indicators))
			if !p.HasDomains() {
				d.fitText(ax, y+0.5, aw, a.Name, style{size: 6.5, bold: true, color: ink}, "C")
			}
			d.setFill(shade)
			d.pdf.Rect(ax, y+mxDomainH, aw, mxAspectH, "F")
			d.fitText(ax, y+mxDomainH+0.3, aw, t.aspectShort(a.No), style{size: 6, color: grey}, "C")
			for i, ind := range a.Indicators {
				d.fitText(ax+float64(i)*cw, y+mxDomainH+mxAspectH+0.5, cw, fmt.Sprint(ind.No), style{size: 6, bold: true, color: ink}, "C")
			}
			ax += aw
		}
		x += cw * float64(n)
	}
}

// matrixRow draws OPD i's row.
func (r *recapReport) matrixRow(y, cw float64, i int) {
	d, t := r.d, r.t
	o, st := r.rc.OPDs[i], r.stats[i]
	x := d.left()
	if i%2 == 1 {
		d.setFill(rgb{248, 249, 250})
		d.pdf.Rect(x, y, mxNoW+mxCodeW, mxRowH, "F")
	}
	d.fitText(x, y+0.4, mxNoW, fmt.Sprint(i+1), style{size: 6.5, color: grey}, "R")
	d.fitText(x+mxNoW, y+0.4, mxCodeW, o.Code, style{size: 6.5, bold: true, color: ink}, "L")
	x += mxNoW + mxCodeW
	for _, no := range r.p.IndicatorNumbers() {
		s := o.Cells[no]
		if s != NotAssigned {
			d.setFill(stateFill[s])
			d.pdf.Rect(x, y, cw, mxRowH, "F")
			d.fitText(x, y+0.5, cw, t.stateMarks[s], style{size: 6, bold: true, color: markColor(s)}, "C")
		}
		x += cw
	}
	d.fitText(x, y+0.4, mxFillW, fmt.Sprintf("%d/%d", st.answered, st.assigned), style{size: 6.5, color: ink}, "C")
}

// matrixTotals draws the row counting, per indicator, the OPDs that
// answered it; a dash marks an indicator no OPD is assigned.
func (r *recapReport) matrixTotals(y, cw float64) {
	d, t := r.d, r.t
	d.setFill(shade)
	d.pdf.Rect(d.left(), y, d.width(), mxRowH, "F")
	d.fitText(d.left(), y+0.4, mxNoW+mxCodeW, t.matrixCount, style{size: 6.5, bold: true, color: ink}, "L")
	x := d.left() + mxNoW + mxCodeW
	answered, assigned := 0, 0
	for _, no := range r.p.IndicatorNumbers() {
		a, n := 0, 0
		for _, o := range r.rc.OPDs {
			if s := o.Cells[no]; s != NotAssigned {
				n++
				if s.answered() {
					a++
				}
			}
		}
		text := "–"
		if n > 0 {
			text = fmt.Sprint(a)
		}
		d.fitText(x, y+0.5, cw, text, style{size: 6, bold: true, color: ink}, "C")
		x += cw
		answered += a
		assigned += n
	}
	d.fitText(x, y+0.4, mxFillW, fmt.Sprintf("%d/%d", answered, assigned), style{size: 6.5, bold: true, color: ink}, "C")
}

// matrixGrid draws the cell borders from the top of the header to y, with
// heavier lines between the domains.
func (r *recapReport) matrixGrid(top, y, cw float64) {
	d, p := r.d, r.p
	bodyTop := top + mxDomainH + mxAspectH + mxNumberH
	rows := int(math.Round((y - bodyTop) / mxRowH))
	x0 := d.left() + mxNoW + mxCodeW
	n := len(p.IndicatorNumbers())
	d.setDraw(hairline)
	d.pdf.SetLineWidth(0.15)
	for k := 0; k <= rows; k++ {
		yy := bodyTop + float64(k)*mxRowH
		d.pdf.Line(d.left(), yy, d.right(), yy)
	}
	for i := 0; i <= n; i++ {
		x := x0 + float64(i)*cw
		d.pdf.Line(x, top+mxDomainH+mxAspectH, x, y)
	}
	// Domain and aspect boundaries, and the frame.
	d.setDraw(grey)
	x := x0
	for _, dom := range p.Domains {
		for _, a := range dom.Aspects {
			d.pdf.SetLineWidth(0.25)
			d.pdf.Line(x, top+mxDomainH, x, y)
			x += cw * float64(len(a.Indicators))
		}
		d.pdf.SetLineWidth(0.5)
		d.pdf.Line(x, top, x, y)
	}
	d.pdf.SetLineWidth(0.5)
	d.pdf.Line(x0, top, x0, y)
	d.pdf.Rect(d.left(), top, d.width(), y-top, "D")
	d.pdf.SetLineWidth(0.25)
	d.pdf.Line(d.left(), bodyTop, d.right(), bodyTop)
}

// legend explains the colours and marks of the matrix in one line.
func (r *recapReport) legend(y float64) {
	d, t := r.d, r.t
	d.fitText(d.left(), y, 22, t.legendTitle, style{size: 7, bold: true, color: ink}, "L")
	x := d.left() + 22
	itemW := (d.width() - 22) / float64(len(stateFill))
	for s := range CellState(len(stateFill)) {
		d.setFill(stateFill[s])
		d.setDraw(grey)
		d.pdf.SetLineWidth(0.15)
		d.pdf.Rect(x, y+0.2, 5, 3.4, "FD")
		d.fitText(x, y+0.35, 5, t.stateMarks[s], style{size: 6, bold: true, color: markColor(s)}, "C")
		d.fitText(x+5.5, y, itemW-6, t.stateNames[s], style{size: 7, color: ink}, "L")
		x += itemW
	}
}
