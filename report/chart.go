package report

import (
	"fmt"
	"math"

	"github.com/swanilai/swanilai/model"
)

// Charts are drawn with gofpdf's vector primitives (rectangles, lines,
// text), never as images, so they print sharp and their texts can be
// searched and extracted. Positions come from Ratio.Float64, which is
// meant for drawing only; every number printed is formatted from the exact
// value.

// bar is one bar of a bar chart.
type bar struct {
	label string
	value model.Ratio
	has   bool // false: nothing answered, no bar
}

// domainBars returns one bar per domain of s.
func domainBars(s *model.Score) []bar {
	return partBars(s.Domains)
}

// aspectBars returns one bar per aspect of s.
func aspectBars(s *model.Score) []bar {
	return partBars(s.Aspects)
}

func partBars(parts []model.Part) []bar {
	out := make([]bar, len(parts))
	for i, p := range parts {
		out[i] = bar{label: fmt.Sprintf("%d. %s", p.No, p.Name), value: p.Index, has: p.HasIndex()}
	}
	return out
}

// bandTints are the backgrounds of the predikat bands from the lowest up:
// light tints that stay behind the bars in colour and in grey.
var bandTints = []rgb{{251, 233, 231}, {255, 243, 224}, {255, 250, 228}, {234, 244, 234}, {221, 239, 222}}

// scaleMax is the right end of every index axis.
const scaleMax = 5.0

// barChart draws a horizontal bar chart of indices on a 0–5 axis, over the
// predikat bands of p, with a dashed line at the target when one is set.
func barChart(d *doc, t *texts, title string, p *model.Pack, bars []bar, target model.Hundredths) {
	const (
		labelW = 64.0
		rowH   = 7.5
		barH   = 4.2
		bandH  = 4.5
		valueW = 13.0
	)
	// Each bar gets a row tall enough for its label, wrapped.
	labels := make([][]string, len(bars))
	heights := make([]float64, len(bars))
	plotH := 0.0
	for i, b := range bars {
		labels[i] = d.split(clean(b.label, false), stSmall, labelW-2)
		heights[i] = max(rowH, float64(len(labels[i]))*stSmall.lineHeight()+1.5)
		plotH += heights[i]
	}
	h := 7 + bandH + plotH + 12
	if target > 0 {
		h += 4
	}
	d.space(3)
	d.need(h)
	d.put(d.newRow([]col{{w: d.width(), st: style{size: 10, bold: true, color: ink}, align: "L"}}, title))
	x0 := d.left() + labelW
	plotW := d.width() - labelW - valueW
	xOf := func(v float64) float64 { return x0 + v/scaleMax*plotW }
	top := d.y + 1
	plotTop := top + bandH

	// Predikat bands with their names above the plot; their edges are
	// drawn too, for the tints vanish when printed in grey.
	for i, b := range p.Predikat {
		lo, hi := xOf(float64(b.Min)/100), xOf(float64(b.Max)/100)
		d.setFill(bandTints[min(i, len(bandTints)-1)])
		d.pdf.Rect(lo, plotTop, hi-lo, plotH, "F")
		d.fitText(lo, top, hi-lo, b.Name, style{size: 6.5, color: grey}, "C")
	}
	d.setDraw(lightGrey)
	d.pdf.SetLineWidth(0.15)
	d.pdf.SetDashPattern([]float64{0.6, 0.6}, 0)
	for _, b := range p.Predikat {
		d.pdf.Line(xOf(float64(b.Min)/100), top, xOf(float64(b.Min)/100), plotTop+plotH)
	}
	d.pdf.SetDashPattern(nil, 0)
	// Grid lines and the axis with its ticks.
	d.setDraw(hairline)
	d.pdf.SetLineWidth(0.2)
	for v := 0; v <= scaleMax; v++ {
		x := xOf(float64(v))
		d.pdf.Line(x, plotTop, x, plotTop+plotH)
		d.fitText(x-5, plotTop+plotH+0.5, 10, fmt.Sprint(v), stFurniture, "C")
	}
	d.setDraw(lightGrey)
	d.pdf.Line(x0, plotTop+plotH, x0+plotW, plotTop+plotH)
	bottom := plotTop + plotH + 4.5
	if target > 0 {
		// The target line goes under the bars and their values.
		x := xOf(float64(target) / 100)
		dashed(d, x, plotTop-1, x, plotTop+plotH+1, warnText)
		d.fitText(x-20, bottom, 40, t.chartTarget(target.ID()), style{size: 7, bold: true, color: warnText}, "C")
		bottom += 4
	}

	// The bars.
	y := plotTop
	for i, b := range bars {
		rh, lh := heights[i], stSmall.lineHeight()
		ly := y + (rh-float64(len(labels[i]))*lh)/2
		d.setStyle(stSmall)
		for k, l := range labels[i] {
			d.pdf.SetXY(d.left(), ly+float64(k)*lh)
			d.pdf.CellFormat(labelW-2, lh, l, "", 0, "L", false, 0, "")
		}
		if b.has {
			end := xOf(b.value.Float64())
			d.setFill(accent)
			d.pdf.Rect(x0, y+(rh-barH)/2, end-x0, barH, "F")
			label(d, end+0.8, y+rh/2, b.value.ID(), stSmallBold, "L")
		} else {
			d.fitText(x0, y+(rh-stNote.lineHeight())/2, plotW, t.notAnswered, stNote, "L")
		}
		y += rh
	}
	d.fitText(x0, bottom, plotW, t.chartAxis, stFurniture, "C")
	d.y = bottom + 5
	d.fresh = false
}

// seriesStyles are the colours and dash patterns of the domain lines of
// the trend chart, told apart by dash pattern when printed in grey.
var seriesStyles = []struct {
	color rgb
	dash  []float64
}{
	{rgb{192, 80, 0}, nil},
	{rgb{46, 125, 79}, []float64{2, 1}},
	{rgb{120, 60, 150}, []float64{0.6, 0.8}},
	{rgb{110, 110, 110}, []float64{3, 1, 0.6, 1}},
	{rgb{0, 128, 128}, []float64{1, 1.5}},
}

// trendChart draws the index over the years as a line over the predikat
// bands, with a thinner line per domain when domain indices are known and
// a dashed line at the target.
func trendChart(d *doc, t *texts, p *model.Pack, pts []TrendPoint, target model.Hundredths) {
	const (
		plotH  = 72.0
		axisW  = 10.0
		yMin   = 1.0
		yMax   = scaleMax
		bandsW = 20.0
	)
	names := trendDomainNames(p, pts)
	legendRows := (len(names) + 4) / 3
	d.need(plotH + 14 + float64(legendRows)*4.5)
	x0 := d.left() + axisW
	x1 := d.right() - bandsW
	top := d.y + 3
	yOf := func(v float64) float64 { return top + (yMax-v)/(yMax-yMin)*plotH }
	first, last := pts[0].Year, pts[len(pts)-1].Year
	span := float64(max(1, last-first))
	xOf := func(year int) float64 { return x0 + 8 + float64(year-first)/span*(x1-x0-16) }

	for i, b := range p.Predikat {
		lo, hi := math.Max(yMin, float64(b.Min)/100), float64(b.Max)/100
		d.setFill(bandTints[min(i, len(bandTints)-1)])
		d.pdf.Rect(x0, yOf(hi), x1-x0, yOf(lo)-yOf(hi), "F")
		d.fitText(x1, (yOf(lo)+yOf(hi))/2-1.5, bandsW, b.Name, style{size: 6.5, color: grey}, "L")
	}
	d.setDraw(lightGrey)
	d.pdf.SetLineWidth(0.15)
	d.pdf.SetDashPattern([]float64{0.6, 0.6}, 0)
	for _, b := range p.Predikat {
		if v := float64(b.Min) / 100; v > yMin {
			d.pdf.Line(x0, yOf(v), x1+bandsW, yOf(v))
		}
	}
	d.pdf.SetDashPattern(nil, 0)
	d.setDraw(hairline)
	d.pdf.SetLineWidth(0.2)
	for v := yMin; v <= yMax; v++ {
		d.pdf.Line(x0, yOf(v), x1, yOf(v))
		d.fitText(d.left(), yOf(v)-1.5, axisW-1, fmt.Sprint(v), stFurniture, "R")
	}
	for _, pt := range pts {
		x := xOf(pt.Year)
		d.pdf.Line(x, top, x, top+plotH)
		d.fitText(x-10, top+plotH+1, 20, fmt.Sprint(pt.Year), stSmallBold, "C")
	}
	if target > 0 {
		y := yOf(float64(target) / 100)
		dashed(d, x0, y, x1, y, warnText)
	}
	// Domain lines first, so the index line lies on top.
	for k, name := range names {
		ss := seriesStyles[k%len(seriesStyles)]
		var xs, ys []float64
		for _, pt := range pts {
			for _, dm := range pt.Domains {
				if dm.Name == name {
					xs, ys = append(xs, xOf(pt.Year)), append(ys, yOf(dm.Index.Float64()))
				}
			}
		}
		polyline(d, xs, ys, ss.color, 0.4, ss.dash, 0.7)
	}
	var xs, ys []float64
	for _, pt := range pts {
		xs, ys = append(xs, xOf(pt.Year)), append(ys, yOf(pt.Index.Float64()))
	}
	polyline(d, xs, ys, accent, 0.9, nil, 1.3)
	for i, pt := range pts {
		label(d, xs[i], ys[i]-4, pt.Index.ID(), style{size: 7.5, bold: true, color: accent}, "C")
	}

	// The legend: the index, the domains, the target.
	y := top + plotH + 7
	type item struct {
		name  string
		color rgb
		width float64
		dash  []float64
	}
	items := []item{{p.IndexName, accent, 0.9, nil}}
	for i, name := range names {
		ss := seriesStyles[i%len(seriesStyles)]
		items = append(items, item{name, ss.color, 0.4, ss.dash})
	}
	if target > 0 {
		items = append(items, item{t.chartTarget(target.ID()), warnText, 0.5, []float64{1.5, 1}})
	}
	itemW := (d.width() - axisW) / 3
	for i, it := range items {
		x := x0 + float64(i%3)*itemW
		yy := y + float64(i/3)*4.5
		polyline(d, []float64{x, x + 8}, []float64{yy + 1.6, yy + 1.6}, it.color, it.width, it.dash, 0)
		d.fitText(x+9, yy, itemW-10, it.name, stSmall, "L")
	}
	d.y = y + float64((len(items)+2)/3)*4.5 + 2
	d.fresh = false
}

// dashed draws a dashed line in colour c.
func dashed(d *doc, x1, y1, x2, y2 float64, c rgb) {
	d.setDraw(c)
	d.pdf.SetLineWidth(0.5)
	d.pdf.SetDashPattern([]float64{1.5, 1}, 0)
	d.pdf.Line(x1, y1, x2, y2)
	d.pdf.SetDashPattern(nil, 0)
}

// label sets a short text on a white patch so that it stays legible over
// lines and bands; x is its left edge, centre or right edge as align says,
// y its vertical centre.
func label(d *doc, x, y float64, text string, st style, align string) {
	text = clean(text, false)
	w := d.textWidth(text, st) + 2*cellPadX
	switch align {
	case "C":
		x -= w / 2
	case "R":
		x -= w
	}
	h := st.size * ptMM * 1.1
	d.setFill(white)
	d.pdf.Rect(x+cellPadX-0.5, y-h/2, w-2*cellPadX+1, h, "F")
	d.setStyle(st)
	d.pdf.SetXY(x, y-h/2)
	d.pdf.CellFormat(w, h, text, "", 0, "L", false, 0, "")
}

// polyline joins the points with a line and marks each with a dot of
// radius dot (none when 0).
func polyline(d *doc, xs, ys []float64, c rgb, width float64, dash []float64, dot float64) {
	d.setDraw(c)
	d.setFill(c)
	d.pdf.SetLineWidth(width)
	d.pdf.SetDashPattern(dash, 0)
	for i := 1; i < len(xs); i++ {
		d.pdf.Line(xs[i-1], ys[i-1], xs[i], ys[i])
	}
	d.pdf.SetDashPattern(nil, 0)
	if dot > 0 {
		for i := range xs {
			d.pdf.Circle(xs[i], ys[i], dot, "F")
		}
	}
}
