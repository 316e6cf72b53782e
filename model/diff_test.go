package model

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	tests := []struct {
		old, new, want string
	}{
		{"", "", ""},
		{"sama", "sama", "sama"},
		{"", "baru", "{+baru+}"},
		{"lama", "", "[-lama-]"},
		{"Perwal 12 Tahun 2022 pasal 4", "Perwal 12 Tahun 2022 pasal 5 dan 6",
			"Perwal 12 Tahun 2022 pasal [-4-]{+5 dan 6+}"},
		{"memenuhi kriteria tingkat 3 (Terdefinisi).", "memenuhi kriteria tingkat 4 (Terpadu dan Terukur).",
			"memenuhi kriteria tingkat [-3 (Terdefinisi).-]{+4 (Terpadu dan Terukur).+}"},
		{"a b c d", "a c d e", "a [-b -]c d{+ e+}"},
	}
	for _, tt := range tests {
		if got := DiffText(WordDiff(tt.old, tt.new)); got != tt.want {
			t.Errorf("WordDiff(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
	}
}

// TestWordDiffRebuilds checks on random texts that the diff gives back
// both texts and is no longer than needed at the ends.
func TestWordDiffRebuilds(t *testing.T) {
	vocab := []string{"data ", "dukung ", "Perwal ", "12 ", "pasal ", "4 ", "kriteria ", "tingkat\n", "3 "}
	rng := rand.New(rand.NewPCG(1, 2))
	text := func() string {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(vocab[rng.IntN(len(vocab))])
		}
		return b.String()
	}
	for range 500 {
		a, b := text(), text()
		d := WordDiff(a, b)
		var old, nw strings.Builder
		for _, s := range d {
			if s.Op != DiffInsert {
				old.WriteString(s.Text)
			}
			if s.Op != DiffDelete {
				nw.WriteString(s.Text)
			}
		}
		if old.String() != a || nw.String() != b {
			t.Fatalf("diff of %q → %q rebuilds %q → %q", a, b, old.String(), nw.String())
		}
		if Changed(d) != (a != b) {
			t.Fatalf("Changed(%q, %q) = %v", a, b, Changed(d))
		}
	}
}

func TestWordDiffLargeRewrite(t *testing.T) {
	// Two 10 000-word texts with nothing in common: a bounded search,
	// shown as one replaced run.
	a := strings.TrimSpace(strings.Repeat("lama ", 10000))
	b := strings.TrimSpace(strings.Repeat("baru ", 10000))
	d := WordDiff(a, b)
	if len(d) != 2 || d[0].Text != a || d[1].Text != b {
		t.Fatalf("%d segments", len(d))
	}
}

func BenchmarkWordDiff(b *testing.B) {
	old := strings.Repeat("Kebijakan internal terkait Arsitektur SPBE tercantum dalam Peraturan Wali Kota. ", 40)
	new := strings.Replace(old, "Peraturan", "Keputusan", 3)
	for b.Loop() {
		WordDiff(old, new)
	}
}
