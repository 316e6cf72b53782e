package report

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func testDoc(t testing.TB) *doc {
	t.Helper()
	opts, tx, err := Options{Generated: time.Date(2025, 9, 26, 14, 5, 0, 0, time.UTC)}.check()
	if err != nil {
		t.Fatal(err)
	}
	return newDoc(context.Background(), tx, opts, docMeta{})
}

var wrapTests = []struct {
	name  string
	text  string
	width float64 // millimetres
	want  []string
}{
	{"fits", "Indeks 3,28", 40, []string{"Indeks 3,28"}},
	{"empty", "", 40, []string{""}},
	// "Tingkat Kematangan Kebijakan" is 46,57 mm wide at 9,5 pt, more
	// than the 42,6 mm inside a 45 mm cell.
	{"at spaces", "Tingkat Kematangan Kebijakan Internal Arsitektur SPBE", 45,
		[]string{"Tingkat Kematangan", "Kebijakan Internal Arsitektur", "SPBE"}},
	{"after a slash", "Instansi Pusat/Pemerintah Daerah", 36, []string{"Instansi Pusat/", "Pemerintah Daerah"}},
	{"file name after hyphens", "1.a.Perwal-12-2022-Arsitektur-SPBE.pdf", 40, []string{"1.a.Perwal-12-2022-", "Arsitektur-SPBE.pdf"}},
	// 12 hex digits are 21,05 mm, 13 are 22,92 mm: 22,6 mm fit in 25 mm.
	{"word longer than the line", "9682dbc9fe6c9682dbc9fe6c9682dbc9fe6c", 25, []string{"9682dbc9fe6c", "9682dbc9fe6c", "9682dbc9fe6c"}},
	{"newlines and blank lines", "FAKTA\n\nANALISIS", 40, []string{"FAKTA", "", "ANALISIS"}},
	{"spaces at the break dropped", "satu    dua tiga", 16, []string{"satu", "dua tiga"}},
	{"one glyph wider than the cell", "WW", 3, []string{"W", "W"}},
}

func TestWrap(t *testing.T) {
	d := testDoc(t)
	for _, tt := range wrapTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.wrap(tt.text, stBody, tt.width); !slices.Equal(got, tt.want) {
				t.Errorf("wrap(%q, %v mm) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// FuzzWrap checks that wrapping loses nothing but white space at the
// breaks and that no line is wider than its cell, unless it is a single
// glyph.
func FuzzWrap(f *testing.F) {
	for _, tt := range wrapTests {
		f.Add(tt.text, tt.width)
	}
	d := testDoc(f)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if width < 3 || width > 300 {
			return
		}
		text = clean(text, true)
		lines := d.wrap(text, stBody, width)
		if len(lines) == 0 {
			t.Fatal("no lines")
		}
		if got, want := strings.Join(strings.Fields(strings.Join(lines, " ")), ""), strings.Join(strings.Fields(text), ""); got != want {
			t.Fatalf("wrap(%q) = %q: text changed", text, lines)
		}
		for _, l := range lines {
			if w := d.textWidth(l, stBody); w > width-2*cellPadX+0.01 && len([]rune(l)) > 1 {
				t.Fatalf("wrap(%q, %v) line %q is %v mm wide", text, width, l, w)
			}
		}
	})
}
