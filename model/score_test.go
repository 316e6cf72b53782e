package model

import (
	"strings"
	"testing"
)

// levels turns a string of digits, one per indicator in order, into Values.
func levels(s string) Values {
	v := Values{}
	for i, c := range s {
		if c >= '1' && c <= '5' {
			v[i+1] = Hundredths(c-'0') * 100
		}
	}
	return v
}

func TestWorkedExamples(t *testing.T) {
	// PermenPANRB 59/2020 Lampiran Tabel 10: Aspek 2, NI = 3, 4, 3, 2, BI = 2,50.
	aspect2 := WeightedIndex([]Term{{300, 250}, {400, 250}, {300, 250}, {200, 250}})
	if aspect2.ID() != "3,00" || aspect2.Exact() != "3.00" {
		t.Errorf("Indeks Aspek 2 = %s (%s), want 3,00", aspect2.ID(), aspect2.Exact())
	}
	// Tabel 11: Domain 2, NA = 3,00 / 4,00 / 3,00, BA = 10 / 10 / 5.
	domain2 := WeightedIndex([]Term{{300, 1000}, {400, 1000}, {300, 500}})
	if domain2.ID() != "3,40" || domain2.Exact() != "3.40" {
		t.Errorf("Indeks Domain 2 = %s, want 3,40", domain2.ID())
	}
	// Tabel 12: ND = 3,70 / 3,40 / 3,00 / 3,20, BD = 13 / 25 / 16,5 / 45,5 → Σ = 328,20.
	index := WeightedIndex([]Term{{370, 1300}, {340, 2500}, {300, 1650}, {320, 4550}})
	if index.ID() != "3,28" || index.Exact() != "3.282" {
		t.Errorf("Indeks SPBE = %s (%s), want 3,28 (3.282)", index.ID(), index.Exact())
	}
}

func TestScoreWorkedExamplesFromAnswers(t *testing.T) {
	p := spbe(t)
	// Domain 2 answered as in Tabel 10–11: aspect 2 = 3,4,3,2; aspect 3 all 4; aspect 4 all 3.
	s, err := p.Score(levels("          3432444433"))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Aspects[1].Index.ID(); got != "3,00" {
		t.Errorf("aspect 2 = %s", got)
	}
	if got := s.Domains[1].Index.ID(); got != "3,40" {
		t.Errorf("domain 2 = %s", got)
	}
	if s.Index.ID() != "3,40" || s.Coverage.Answered != 10 || s.Coverage.Weight != 2500 {
		t.Errorf("index %s over %d answers / %s weight", s.Index.ID(), s.Coverage.Answered, s.Coverage.Weight.ID())
	}
	if s.Domains[0].HasIndex() {
		t.Error("domain 1 has no answer but an index")
	}
	// A full set near Tabel 12: domains 3,70 / 3,40 / 3,00 / 3,20 → 3,28.
	s, err = p.Score(levels(example328))
	if err != nil {
		t.Fatal(err)
	}
	var ds []string
	for _, d := range s.Domains {
		ds = append(ds, d.Index.ID())
	}
	if strings.Join(ds, " ") != "3,70 3,40 3,00 3,20" || s.Index.ID() != "3,28" || s.Predikat != "Baik" {
		t.Errorf("domains %v index %s %s", ds, s.Index.ID(), s.Predikat)
	}
}

// example328 is a full answer set whose domain indices show as 3,70 /
// 3,40 / 3,00 / 3,20 and whose index shows as 3,28 (exactly 3,281).
const example328 = "4444444333" + "3432444433" + "33333333333" + "3333333333" + "333444"

func TestScoreUniform(t *testing.T) {
	p := spbe(t)
	for l := 1; l <= 5; l++ {
		s, err := p.Score(levels(strings.Repeat(string(rune('0'+l)), 47)))
		if err != nil {
			t.Fatal(err)
		}
		want := Hundredths(l * 100)
		if s.Index.CmpHundredths(want) != 0 || s.Index.ID() != want.ID() {
			t.Errorf("all %d: index %s", l, s.Index.Exact())
		}
		for _, d := range s.Domains {
			if d.Index.CmpHundredths(want) != 0 {
				t.Errorf("all %d: domain %d = %s", l, d.No, d.Index.Exact())
			}
		}
		if s.Coverage.Answered != 47 || s.Coverage.WeightPercent().ID() != "100,00" {
			t.Errorf("coverage %+v", s.Coverage)
		}
	}
}

// edgeSets are full answer sets whose index is exactly on a predikat edge,
// or 0,0005 below it (which is shown rounded up to the edge but belongs to
// the lower band: the predikat is decided on the exact value).
var edgeSets = []struct {
	levels, exact, shown, predikat string
}{
	{"11114221112113113131141124234112154111113112122", "1.80", "1,80", "Cukup"},
	{"11222223221331311213112412111112211111112223432", "1.7995", "1,80", "Kurang"},
	{"11222324533251324224123523341325233422111122452", "2.60", "2,60", "Baik"},
	{"33322141233125211451122154314351542351112351242", "2.5995", "2,60", "Cukup"},
	{"43524432123242515552542535355233555342221354553", "3.50", "3,50", "Sangat Baik"},
	{"54451551223344345444535352533442145441345225325", "3.4995", "3,50", "Baik"},
	{"55554425555525545534554555551535445425335353535", "4.20", "4,20", "Memuaskan"},
	{"11535543345334255452245555555535454555545545525", "4.1995", "4,20", "Sangat Baik"},
}

func TestSPBEPredikatEdges(t *testing.T) {
	p := spbe(t)
	for _, e := range edgeSets {
		s, err := p.Score(levels(e.levels))
		if err != nil {
			t.Fatal(err)
		}
		if s.Index.Exact() != e.exact || s.Index.ID() != e.shown || s.Predikat != e.predikat {
			t.Errorf("%s: index %s shown %s predikat %s; want %s %s %s", e.levels, s.Index.Exact(), s.Index.ID(), s.Predikat, e.exact, e.shown, e.predikat)
		}
	}
	for _, tt := range []struct {
		x    Hundredths
		want string
	}{{100, "Kurang"}, {179, "Kurang"}, {180, "Cukup"}, {259, "Cukup"}, {260, "Baik"}, {349, "Baik"}, {350, "Sangat Baik"}, {419, "Sangat Baik"}, {420, "Memuaskan"}, {500, "Memuaskan"}} {
		if got := p.PredikatOf(RatioOf(tt.x)); got != tt.want {
			t.Errorf("predikat(%s) = %s, want %s", tt.x.ID(), got, tt.want)
		}
	}
}

func TestScorePartialNeverCountsUnansweredAsLevel(t *testing.T) {
	p := spbe(t)
	s, err := p.Score(Values{1: 500, 32: 100})
	if err != nil {
		t.Fatal(err)
	}
	// (5·1,30 + 1·2,75) / (1,30 + 2,75) = 9,25 / 4,05
	if s.Index.Cmp(NewRatio(925, 405)) != 0 {
		t.Fatalf("index %s", s.Index.Exact())
	}
	if s.Coverage.Answered != 2 || s.Coverage.Total != 47 || s.Coverage.Weight != 405 {
		t.Fatalf("coverage %+v", s.Coverage)
	}
	empty, err := p.Score(Values{})
	if err != nil || empty.HasIndex() || empty.Predikat != "" {
		t.Fatalf("empty score: %+v %v", empty, err)
	}
}

func TestScoreRefusesBadValues(t *testing.T) {
	p := spbe(t)
	for _, v := range []Values{{48: 300}, {1: 600}, {1: 50}, {1: 250}} {
		if _, err := p.Score(v); err == nil {
			t.Errorf("%v accepted", v)
		}
	}
}
