package model

import (
	"errors"
	"testing"
)

func TestDecisionCheck(t *testing.T) {
	p := spbe(t)
	tests := []struct {
		name string
		d    Decision
		err  error
	}{
		{"accept", Decision{Indicator: 11, Verdict: VerdictAccepted}, nil},
		{"adjust with note", Decision{Indicator: 11, Verdict: VerdictAdjusted, Level: 300, Analisis: "Reviu belum dilakukan; kriteria tingkat 4 tidak terpenuhi."}, nil},
		{"adjust without note", Decision{Indicator: 11, Verdict: VerdictAdjusted, Level: 300}, ErrNoteRequired},
		{"adjust to nothing", Decision{Indicator: 11, Verdict: VerdictAdjusted, Analisis: "x"}, ErrLevelRange},
		{"adjust to half a level", Decision{Indicator: 11, Verdict: VerdictAdjusted, Level: 350, Analisis: "x"}, ErrNotWholeLevel},
		{"revise with missing evidence", Decision{Indicator: 11, Verdict: VerdictRevise, MissingEvidence: "notulen reviu"}, nil},
		{"revise without note", Decision{Indicator: 11, Verdict: VerdictRevise}, ErrNoteRequired},
		{"unknown verdict", Decision{Indicator: 11, Verdict: "maybe"}, ErrVerdict},
		{"unknown indicator", Decision{Indicator: 48, Verdict: VerdictAccepted}, ErrUnknownIndicator},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.d.Check(p); !errors.Is(err, tt.err) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	p := spbe(t)
	perwal := Evidence{Indicator: 11, SHA256: "aa", Name: "perwal.pdf"}
	reviu := Evidence{Indicator: 11, SHA256: "bb", Name: "reviu.pdf"}
	before := &Assessment{Pack: p,
		Answers:  map[int]Answer{11: {Value: 300, Fakta: "Perwal 12 pasal 4"}, 12: {Value: 300, Fakta: "sama"}, 13: {Value: 200}},
		Evidence: []Evidence{perwal, {Indicator: 13, SHA256: "cc", Name: "lama.pdf"}}}
	after := &Assessment{Pack: p,
		Answers:  map[int]Answer{11: {Value: 400, Fakta: "Perwal 12 pasal 4 dan reviu 2025"}, 12: {Value: 300, Fakta: "sama"}, 13: {Value: 200}},
		Evidence: []Evidence{perwal, reviu, {Indicator: 13, SHA256: "cc", Name: "lama.pdf", Title: "judul baru"}}}
	got := Compare(p, before, after)
	if len(got) != 1 || got[0].Indicator != 11 {
		t.Fatalf("changes %+v", got)
	}
	c := got[0]
	if !c.LevelChanged() || c.From != 300 || c.To != 400 || DiffText(c.Fakta) != "Perwal 12 pasal 4{+ dan reviu 2025+}" || c.Analisis != nil {
		t.Fatalf("change %+v", c)
	}
	if len(c.Added) != 1 || c.Added[0].Name != "reviu.pdf" || len(c.Removed) != 0 {
		t.Fatalf("evidence %+v / %+v", c.Added, c.Removed)
	}
}

func TestReviewOpenStaleCarried(t *testing.T) {
	r := &Review{Revision: 2, Decisions: []Decision{
		{Indicator: 11, Verdict: VerdictAccepted},
		{Indicator: 12, Verdict: VerdictAdjusted, Level: 300, Analisis: "x"},
		{Indicator: 13, Verdict: VerdictRevise, MissingEvidence: "notulen"},
		{Indicator: 14, Verdict: VerdictRevise, Fakta: "y"},
	}}
	open := r.Open(func(no int) bool { return no == 14 })
	if len(open) != 1 || open[0].Indicator != 13 {
		t.Fatalf("open %+v", open)
	}
	if !r.Stale(3) || r.Stale(2) {
		t.Fatal("Stale")
	}
	if d, ok := r.Decision(12); !ok || d.Level != 300 {
		t.Fatal("Decision")
	}
	var none *Review
	if _, ok := none.Decision(1); ok || none.Open(nil) != nil || none.Stale(5) {
		t.Fatal("a nil review decides something")
	}
	kept := Carried(r.Decisions, []IndicatorChange{{Indicator: 13}, {Indicator: 14}})
	if len(kept) != 2 || kept[0].Indicator != 11 || kept[1].Indicator != 12 {
		t.Fatalf("carried %+v", kept)
	}
}
