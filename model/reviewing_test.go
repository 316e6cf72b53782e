package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestReviewNewer(t *testing.T) {
	at := time.Date(2025, 10, 10, 2, 0, 0, 0, time.UTC)
	held := &Review{Revision: 2, Sent: at}
	tests := []struct {
		name string
		r    *Review
		held *Review
		want bool
	}{
		{"the first", &Review{Revision: 1, Sent: at}, nil, true},
		{"a later revision", &Review{Revision: 3, Sent: at.Add(-time.Hour)}, held, true},
		{"an earlier revision", &Review{Revision: 1, Sent: at.Add(time.Hour)}, held, false},
		{"the same revision, made later", &Review{Revision: 2, Sent: at.Add(time.Second)}, held, true},
		{"the same revision, made before", &Review{Revision: 2, Sent: at.Add(-time.Second)}, held, false},
		{"the same review", &Review{Revision: 2, Sent: at}, held, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Newer(tt.held); got != tt.want {
				t.Fatalf("got %v", got)
			}
		})
	}
}

func TestReviewReplayError(t *testing.T) {
	at := time.Date(2025, 10, 10, 2, 0, 0, 0, time.UTC)
	same := &ReviewReplayError{Have: &Review{Revision: 2, Sent: at}, Got: &Review{Revision: 2, Sent: at}}
	older := &ReviewReplayError{Have: &Review{Revision: 2, Sent: at}, Got: &Review{Revision: 1, Sent: at.Add(-24 * time.Hour)}}
	var err error = same
	if !errors.Is(err, ErrReviewReplay) || !same.Same() || !strings.Contains(err.Error(), "sudah diterima") {
		t.Fatalf("same: %v", err)
	}
	err = older
	if !errors.Is(err, ErrReviewReplay) || older.Same() || !strings.Contains(err.Error(), "reviu lama: yang berlaku reviu revisi 2 dibuat 2025-10-10 02:00:00, ini reviu revisi 1") {
		t.Fatalf("older: %v", err)
	}
}

func TestReviewSummaryAndDecisionText(t *testing.T) {
	r := &Review{Code: "BAPPEDA", Revision: 2, Sent: time.Date(2025, 10, 10, 2, 0, 0, 0, time.UTC), Decisions: []Decision{
		{Indicator: 11, Verdict: VerdictAccepted},
		{Indicator: 12, Verdict: VerdictAdjusted, Level: 300, Analisis: "Kriteria tingkat 4\ntidak terpenuhi.", Justifikasi: "Tingkat 3."},
		{Indicator: 13, Verdict: VerdictRevise, MissingEvidence: "notulen"},
		{Indicator: 14, Verdict: VerdictRevise, Fakta: "SK belum ditandatangani."},
	}}
	if got := r.Summary(); got != "BAPPEDA revisi 2: 1 diterima, 1 level disesuaikan, 2 perlu revisi (2025-10-10)" {
		t.Fatalf("summary %q", got)
	}
	if got := (&Review{Code: "X", Revision: 1}).Summary(); got != "X revisi 1: tanpa keputusan" {
		t.Fatalf("summary of nothing %q", got)
	}
	for i, want := range []string{
		"diterima",
		"level disesuaikan ke 3; ANALISIS: Kriteria tingkat 4 tidak terpenuhi.; JUSTIFIKASI HASIL: Tingkat 3.",
		"perlu revisi; bukti dukung kurang: notulen",
		"perlu revisi; FAKTA: SK belum ditandatangani.",
	} {
		if got := r.Decisions[i].Text(); got != want {
			t.Errorf("decision %d: %q, want %q", i, got, want)
		}
	}
	if c := r.Count(); c[VerdictRevise] != 2 || c[VerdictAccepted] != 1 || c[VerdictAdjusted] != 1 {
		t.Fatalf("count %v", c)
	}
	var none *Review
	if len(none.Count()) != 0 {
		t.Fatal("a nil review counts decisions")
	}
}

func TestDecisionSame(t *testing.T) {
	d := Decision{Indicator: 12, Verdict: VerdictAdjusted, Level: 300, Analisis: "x", Revision: 1, By: "Sari", At: time.Now()}
	other := d
	other.Revision, other.By, other.At = 2, "Budi", time.Time{}
	if !d.Same(other) {
		t.Fatal("who and when make a decision differ")
	}
	for name, change := range map[string]func(*Decision){
		"verdict":   func(d *Decision) { d.Verdict = VerdictRevise },
		"level":     func(d *Decision) { d.Level = 200 },
		"note":      func(d *Decision) { d.Justifikasi = "y" },
		"missing":   func(d *Decision) { d.MissingEvidence = "z" },
		"indicator": func(d *Decision) { d.Indicator = 13 },
	} {
		o := d
		change(&o)
		if d.Same(o) {
			t.Errorf("another %s is the same", name)
		}
	}
}

func TestDecisionApplied(t *testing.T) {
	ans := Answer{Indicator: 42, Value: 400, Fakta: "Aplikasi X (tangkapan.png)", Analisis: "Tingkat 4 terpenuhi.", Sector: "Perizinan",
		External: &ExternalValue{Value: 350, Source: "SDI"}, By: "Andi"}
	tests := []struct {
		name string
		d    Decision
		want Answer
	}{
		{"accepted", Decision{Indicator: 42, Verdict: VerdictAccepted}, ans},
		{"revision requested", Decision{Indicator: 42, Verdict: VerdictRevise, Fakta: "x"}, ans},
		{"adjusted", Decision{Indicator: 42, Verdict: VerdictAdjusted, Level: 300, Analisis: " Integrasi belum ada. ", Justifikasi: "Tingkat 3."},
			Answer{Indicator: 42, Value: 300, Fakta: ans.Fakta, Analisis: "Integrasi belum ada. Tingkat 3.", Sector: "Perizinan", By: "Andi"}},
		{"adjusted with a justification only", Decision{Indicator: 42, Verdict: VerdictAdjusted, Level: 200, Justifikasi: "Tingkat 2."},
			Answer{Indicator: 42, Value: 200, Fakta: ans.Fakta, Analisis: "Tingkat 2.", Sector: "Perizinan", By: "Andi"}},
		{"another indicator's", Decision{Indicator: 41, Verdict: VerdictAdjusted, Level: 100, Analisis: "x"}, ans},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.d.Applied(ans)
			if got.Value != tt.want.Value || got.Analisis != tt.want.Analisis || got.Fakta != tt.want.Fakta || got.Sector != tt.want.Sector ||
				(got.External == nil) != (tt.want.External == nil) {
				t.Fatalf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
