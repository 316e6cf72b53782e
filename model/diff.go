package model

import (
	"strings"
	"unicode"
)

// DiffOp says whether a piece of text was kept, removed or inserted.
type DiffOp int

// The diff operations.
const (
	DiffEqual DiffOp = iota
	DiffDelete
	DiffInsert
)

// DiffSegment is a run of text with one operation.
type DiffSegment struct {
	Op   DiffOp
	Text string
}

// WordDiff compares two texts word by word, the way a reviewer reads a
// revised penjelasan: the result, read in order, is old with the deleted
// runs and new with the inserted ones. Words and the white space between
// them are compared separately, and white space between two changes joins
// them, so that "tingkat 3 (Terdefinisi)" → "tingkat 4 (Terpadu dan
// Terukur)" reads as one replaced run. It finds a shortest edit script
// (Myers' algorithm), so its work grows with the size of the change, not
// with the square of the text.
func WordDiff(old, new string) []DiffSegment {
	a, b := tokens(old), tokens(new)
	// Equal tokens at both ends need no search.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var edits []edit
	for _, w := range a[:pre] {
		edits = append(edits, edit{DiffEqual, w})
	}
	edits = append(edits, myers(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, w := range a[len(a)-suf:] {
		edits = append(edits, edit{DiffEqual, w})
	}
	return segments(edits)
}

// segments joins edits into runs: equal text, and change blocks written
// as one deleted run followed by one inserted run. White space kept
// between two changes belongs to the block.
func segments(edits []edit) []DiffSegment {
	var out []DiffSegment
	add := func(op DiffOp, t string) {
		if t == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += t
			return
		}
		out = append(out, DiffSegment{op, t})
	}
	for i := 0; i < len(edits); {
		if edits[i].op == DiffEqual {
			add(DiffEqual, edits[i].word)
			i++
			continue
		}
		var del, ins strings.Builder
		j := i
		for j < len(edits) {
			e := edits[j]
			if e.op == DiffEqual {
				// Space between this change and a next one joins them.
				if isSpace(e.word) && j+1 < len(edits) && edits[j+1].op != DiffEqual {
					del.WriteString(e.word)
					ins.WriteString(e.word)
					j++
					continue
				}
				break
			}
			if e.op == DiffDelete {
				del.WriteString(e.word)
			} else {
				ins.WriteString(e.word)
			}
			j++
		}
		add(DiffDelete, del.String())
		add(DiffInsert, ins.String())
		i = j
	}
	return out
}

func isSpace(s string) bool { return strings.TrimSpace(s) == "" }

// Changed reports whether a diff contains any insertion or deletion.
func Changed(d []DiffSegment) bool {
	for _, s := range d {
		if s.Op != DiffEqual {
			return true
		}
	}
	return false
}

// tokens splits s into words and the runs of white space between them.
func tokens(s string) []string {
	var out []string
	start := 0
	prev := false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if i > 0 && sp != prev {
			out = append(out, s[start:i])
			start = i
		}
		prev = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

type edit struct {
	op   DiffOp
	word string
}

// maxEdits bounds the search of myers: texts that differ in more words
// than this are shown as wholly replaced, which is what such a rewrite
// is, and keeps time and memory bounded (the trace is O(maxEdits²)).
const maxEdits = 2000

// myers returns the edit script from a to b.
func myers(a, b []string) []edit {
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return nil
	}
	off := n + m + 1
	v := make([]int, 2*off+1)
	// trace[d] holds v[k] for k in [-d-1, d+1] as it was when step d began.
	var trace [][]int
	for d := 0; d <= n+m && d <= maxEdits; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: an insertion
			} else {
				x = v[off+k-1] + 1 // right: a deletion
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(a, b, trace, d)
			}
		}
	}
	// Too many changes: everything is replaced.
	out := make([]edit, 0, n+m)
	for _, w := range a {
		out = append(out, edit{DiffDelete, w})
	}
	for _, w := range b {
		out = append(out, edit{DiffInsert, w})
	}
	return out
}

// backtrack walks the trace of myers back from the end to the start.
func backtrack(a, b []string, trace [][]int, d int) []edit {
	var rev []edit
	x, y := len(a), len(b)
	for ; d > 0; d-- {
		v := trace[d]
		at := func(k int) int { return v[k+d+1] }
		k := x - y
		var prevK int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := at(prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			rev = append(rev, edit{DiffEqual, a[x]})
		}
		if x == prevX {
			y--
			rev = append(rev, edit{DiffInsert, b[y]})
		} else {
			x--
			rev = append(rev, edit{DiffDelete, a[x]})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, edit{DiffEqual, a[x]})
	}
	out := make([]edit, len(rev))
	for i, e := range rev {
		out[len(rev)-1-i] = e
	}
	return out
}

// DiffText renders a diff for a terminal or a plain-text report: deleted
// runs in [-…-], inserted runs in {+…+}, as git's word diff does.
func DiffText(d []DiffSegment) string {
	var b strings.Builder
	for _, s := range d {
		switch s.Op {
		case DiffDelete:
			b.WriteString("[-" + s.Text + "-]")
		case DiffInsert:
			b.WriteString("{+" + s.Text + "+}")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}
