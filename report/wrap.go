package report

import (
	"strings"
	"unicode"
)

// Line breaking. gofpdf's SplitText breaks only at spaces, and mid-word
// anywhere else; file names, regulation numbers and "Pusat/Pemerintah
// Daerah" read better broken after a hyphen, slash, underscore or dot.
// wrap measures with the same glyph widths gofpdf prints with.

// runeWidth returns the advance of r in the current font in 1/1000 em,
// remembering it per font style.
func (d *doc) runeWidth(st style, r rune) int {
	key := st.fontStyle()
	m := d.widths[key]
	if m == nil {
		m = map[rune]int{}
		d.widths[key] = m
	}
	w, ok := m[r]
	if !ok {
		w = d.pdf.GetStringSymbolWidth(string(r))
		m[r] = w
	}
	return w
}

// wrap breaks text, already cleaned, into lines no wider than w
// millimetres in style st, cell padding included. A line ends at a newline,
// or where the next word would overflow: after a space (dropped), a hyphen,
// a slash, an underscore or a dot inside a word, and only mid-word when a
// word alone is wider than the line. It always returns at least one line.
func (d *doc) wrap(text string, st style, w float64) []string {
	d.setStyle(st)
	// GetStringWidth is units × size / 1000 in user units (mm).
	avail := int((w - 2*cellPadX) * 1000 / (st.size * ptMM))
	var lines []string
	for para := range strings.SplitSeq(text, "\n") {
		lines = d.wrapLine(lines, []rune(para), st, avail)
	}
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// wrapLine appends the lines of one paragraph to lines.
func (d *doc) wrapLine(lines []string, rs []rune, st style, avail int) []string {
	if len(rs) == 0 {
		return append(lines, "")
	}
	start := 0
	for start < len(rs) {
		width := 0
		brk := -1 // the line may end before rs[brk]
		end := len(rs)
	scan:
		for i := start; i < len(rs); i++ {
			r := rs[i]
			if unicode.IsSpace(r) && i > start {
				brk = i
			}
			width += d.runeWidth(st, r)
			if width > avail && !unicode.IsSpace(r) {
				switch {
				case brk > start:
					end = brk
				case i > start:
					end = i // a word longer than the line
				default:
					end = i + 1 // one glyph wider than the line
				}
				break scan
			}
			if isBreakAfter(r) && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
				brk = i + 1
			}
		}
		lines = append(lines, strings.TrimRightFunc(string(rs[start:end]), unicode.IsSpace))
		start = end
		for start < len(rs) && unicode.IsSpace(rs[start]) {
			start++
		}
	}
	return lines
}

// isBreakAfter reports whether a line may end after r inside a word.
func isBreakAfter(r rune) bool {
	switch r {
	case '-', '/', '_', '.', '–', '—', '\\':
		return true
	}
	return false
}
