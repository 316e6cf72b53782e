package report_test

import (
	"fmt"
	"slices"
)

// Page geometry the layout checks hold the reports to, in points (1/72
// inch), from the millimetres the report is laid out in.
const (
	mm        = 72 / 25.4
	tolerance = 0.75 // points
)

// checkLayout checks that every word of every page lies inside the page's
// side margins, in the header strip, the body or the footer strip and
// nowhere between them, and that no two words overlap. It returns the
// problems found, at most a few per page.
func checkLayout(e *extracted) []string {
	var problems []string
	for i, p := range e.pages {
		margin := 18 * mm
		if p.width > p.height {
			margin = 12 * mm
		}
		var page []string
		report := func(format string, a ...any) {
			if len(page) < 5 {
				page = append(page, fmt.Sprintf("page %d: ", i+1)+fmt.Sprintf(format, a...))
			}
		}
		bodyBottom := p.height - 18*mm
		footerTop := p.height - 14*mm
		for _, w := range p.words {
			switch {
			case w.XMin < margin-tolerance || w.XMax > p.width-margin+tolerance:
				report("%q at x %.1f–%.1f runs into the side margin (%.1f)", w.Text, w.XMin, w.XMax, margin)
			case w.YMin < 8*mm-tolerance || w.YMax > p.height-8*mm+tolerance:
				report("%q at y %.1f–%.1f lies outside the header and footer", w.Text, w.YMin, w.YMax)
			case w.YMax > bodyBottom+tolerance && w.YMin < footerTop-tolerance:
				report("%q at y %.1f–%.1f runs into the footer", w.Text, w.YMin, w.YMax)
			}
		}
		page = append(page, overlaps(i+1, p.words)...)
		problems = append(problems, page...)
	}
	return problems
}

// overlaps reports words whose boxes overlap by more than a quarter of
// the smaller one: text printed over text.
func overlaps(page int, words []word) []string {
	ws := slices.Clone(words)
	slices.SortFunc(ws, func(a, b word) int {
		switch {
		case a.YMin < b.YMin:
			return -1
		case a.YMin > b.YMin:
			return 1
		}
		return 0
	})
	var out []string
	for i, a := range ws {
		for _, b := range ws[i+1:] {
			if b.YMin >= a.YMax {
				break
			}
			dx := min(a.XMax, b.XMax) - max(a.XMin, b.XMin)
			dy := min(a.YMax, b.YMax) - max(a.YMin, b.YMin)
			if dx <= 0 || dy <= 0 {
				continue
			}
			area := func(w word) float64 { return (w.XMax - w.XMin) * (w.YMax - w.YMin) }
			if dx*dy > 0.25*min(area(a), area(b)) && len(out) < 5 {
				out = append(out, fmt.Sprintf("page %d: %q and %q overlap", page, a.Text, b.Text))
			}
		}
	}
	return out
}
