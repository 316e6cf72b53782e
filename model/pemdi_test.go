package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func pemdi(t testing.TB) *Pack {
	t.Helper()
	p, err := BuiltinPack("pemdi-8-2026")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBuiltinPemdiStructure(t *testing.T) {
	p := pemdi(t)
	if len(p.Domains) != 1 || len(p.Aspects()) != 7 || len(p.IndicatorNumbers()) != 20 {
		t.Fatalf("structure %d/%d/%d, want 1/7/20", len(p.Domains), len(p.Aspects()), len(p.IndicatorNumbers()))
	}
	if p.HasDomains() || !spbe(t).HasDomains() {
		t.Error("Pemdi has aspects only, SPBE has domains")
	}
	if p.TotalWeight() != 10000 || !p.DecimalValues || p.Status != StatusDraft {
		t.Fatalf("weight %s, decimal %v, status %s", p.TotalWeight(), p.DecimalValues, p.Status)
	}
	if want := "Indeks Pemdi — PermenPANRB 8/2026 (transkripsi salinan, belum diverifikasi ke JDIH)"; p.Label() != want {
		t.Errorf("label %q", p.Label())
	}
	var weights []string
	for _, a := range p.Aspects() {
		weights = append(weights, a.Weight.Compact())
	}
	if got := strings.Join(weights, " "); got != "10 10 15 15 10 15 25" {
		t.Errorf("aspect weights %s", got)
	}
	weights = nil
	for _, no := range p.IndicatorNumbers() {
		weights = append(weights, p.Indicator(no).Weight.Compact())
	}
	if got := strings.Join(weights, " "); got != "5 5 5 5 5 3 3 4 4 4 3 4 5 5 4 4 4 3 10 15" {
		t.Errorf("indicator weights %s", got)
	}
	// Indicator 13 weighs 5 (Tabel 1); the misprinted 4 % is noted.
	if n := p.Indicator(13).Notes; len(n) != 1 || !strings.Contains(n[0], "mencetak 4 %") {
		t.Errorf("indicator 13 notes %q", n)
	}
	for no := 1; no <= 20; no++ {
		ext := p.Indicator(no).External
		if want := no == 5 || no == 6 || no == 7 || no == 18; (ext != nil) != want {
			t.Errorf("indicator %d external %v", no, ext != nil)
		}
		if ext != nil && ext.Official != (no != 18) {
			t.Errorf("indicator %d official %v", no, ext.Official)
		}
	}
	// The notes say evidence hints cover 19 of the 100 levels.
	hinted := 0
	for _, no := range p.IndicatorNumbers() {
		for _, l := range p.Indicator(no).Levels {
			if len(l.EvidenceHints) > 0 {
				hinted++
			}
		}
	}
	if hinted != 19 || !strings.Contains(strings.Join(p.Notes, " "), "(19 dari 100 tingkat)") {
		t.Errorf("%d levels with evidence hints", hinted)
	}
	if got := p.LevelName(p.Indicator(5), 4); got != "Sangat Baik" {
		t.Errorf("level name %q", got)
	}
	if s := p.ScaleOf(p.Indicator(1)); strings.Join(s.Levels[0].Aliases, "/") != "Merintis/Initiate" || strings.Join(s.Levels[4].Aliases, "/") != "Unggul/Leading" {
		t.Errorf("aliases %v %v", s.Levels[0].Aliases, s.Levels[4].Aliases)
	}
}

// pemdiSource mirrors tools/packgen/source/pemdi_8_2026_pack.json, the
// transcription of PermenPANRB 8/2026, for the fields that make the
// instrument. Numbers are json.Number so that the comparison is exact.
type pemdiSource struct {
	Regulation struct {
		Nomor       string
		Tentang     string
		SalinanCopy struct {
			Sha256 string
		} `json:"salinan_copy"`
	}
	Scale struct {
		Levels []struct {
			Value       int
			Name        string
			Label       string
			AliasID     string `json:"alias_id"`
			AliasEN     string `json:"alias_en"`
			RangeLabel  string `json:"range_label"`
			Description string
		}
	}
	Predikat []struct {
		Name         string
		Label        string
		Min, Max     json.Number
		MinInclusive bool `json:"min_inclusive"`
		MaxInclusive bool `json:"max_inclusive"`
	}
	Aspects []struct {
		No           int
		Name         string
		Weight       json.Number
		NameVariants []string `json:"name_variants"`
		Indicators   []struct {
			No              int
			Name            string
			NameHeading     string `json:"name_heading"`
			Kuesioner       string
			Weight          json.Number
			WeightNote      string `json:"weight_note"`
			Description     string
			InstansiPembina []string `json:"instansi_pembina"`
			PeranFungsi     []string `json:"peran_fungsi"`
			ValueSource     string   `json:"value_source"`
			External        *struct {
				SourceIndex string `json:"source_index"`
				Agency      string
				Bands       []string
			}
			Levels []struct {
				Level               int
				Name                string
				RangeLabel          string `json:"range_label"`
				Criteria            string
				Evidence            string
				EvidenceSource      string   `json:"evidence_source"`
				EvidenceItems       []string `json:"evidence_items_reported"`
				EvidenceItemsSource string   `json:"evidence_items_source"`
			}
		}
	}
}

// TestPemdiPackCarriesSource checks that the embedded Pemdi pack carries
// every number and every text of the transcription that make the
// instrument, verbatim, and that the only departures from it are the
// documented ones (the closed gaps of the external index bands).
func TestPemdiPackCarriesSource(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "tools", "packgen", "source", "pemdi_8_2026_pack.json"))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var src pemdiSource
	if err := dec.Decode(&src); err != nil {
		t.Fatal(err)
	}
	p := pemdi(t)
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", what, got, want)
		}
	}
	if !strings.HasPrefix(p.LegalBasis[0], src.Regulation.Nomor+" tentang "+src.Regulation.Tentang) {
		t.Errorf("legal basis %q", p.LegalBasis[0])
	}
	if !strings.Contains(strings.Join(p.Notes, "\n"), src.Regulation.SalinanCopy.Sha256) {
		t.Error("the notes do not name the hash of the transcribed copy")
	}

	// Scale: names, aliases, descriptions, and the ranges of the range
	// labels, which equal the predikat bands of the same name.
	s := p.ScaleOf(p.Indicator(1))
	if len(src.Scale.Levels) != 5 || len(src.Predikat) != 5 || len(p.Predikat) != 5 {
		t.Fatalf("%d scale levels, %d bands", len(src.Scale.Levels), len(src.Predikat))
	}
	for i, sl := range src.Scale.Levels {
		l := s.Levels[i]
		check("scale level name", l.Name, sl.Name)
		check("scale level aliases", strings.Join(l.Aliases, "/"), sl.AliasID+"/"+sl.AliasEN)
		check("scale level description", l.Description, sl.Description)
		check("scale level label", l.Name+" ("+strings.Join(l.Aliases, "/")+")", sl.Label)
		sb := src.Predikat[i]
		want := Interval{Min: mustH(t, sb.Min), MinInclusive: sb.MinInclusive, Max: mustH(t, sb.Max), MaxInclusive: sb.MaxInclusive}
		if sb.Name != sl.Name || *l.Range != want {
			t.Errorf("level %d range %s, predikat %s %s", l.Value, l.Range, sb.Name, want)
		}
		// "> 1,50 s.d. ≤ 2,50" names both edges.
		if !strings.Contains(sl.RangeLabel, l.Range.Max.ID()) || !strings.Contains(sl.RangeLabel, l.Range.Min.ID()) {
			t.Errorf("level %d range %s, label %q", l.Value, l.Range, sl.RangeLabel)
		}
		b := p.Predikat[i]
		check("band", b.Name+"/"+strings.Join(b.Aliases, "/"), sb.Label)
		if b.Interval() != want {
			t.Errorf("band %s = %s, source %s", b.Name, b.Range(), want)
		}
	}

	aspects := p.Aspects()
	if len(src.Aspects) != len(aspects) {
		t.Fatalf("%d aspects, source has %d", len(aspects), len(src.Aspects))
	}
	hints := 0
	for ai, sa := range src.Aspects {
		a := aspects[ai]
		if a.No != sa.No || a.Name != sa.Name || a.Weight != mustH(t, sa.Weight) {
			t.Errorf("aspect %d: %d %q %s, source %d %q %s", ai+1, a.No, a.Name, a.Weight, sa.No, sa.Name, sa.Weight)
		}
		for _, v := range sa.NameVariants {
			name, _, _ := strings.Cut(v, " (")
			if !strings.Contains(strings.Join(p.Notes, "\n"), `"`+name+`"`) {
				t.Errorf("aspect %d name variant %q not in the notes", sa.No, name)
			}
		}
		if len(sa.Indicators) != len(a.Indicators) {
			t.Fatalf("aspect %d: %d indicators, source %d", sa.No, len(a.Indicators), len(sa.Indicators))
		}
		for ii, si := range sa.Indicators {
			ind := &a.Indicators[ii]
			where := func(f string) string { return "indicator " + strconv.Itoa(si.No) + " " + f }
			if ind.No != si.No || ind.Weight != mustH(t, si.Weight) {
				t.Errorf("indicator %d weighs %s, source %d %s", ind.No, ind.Weight, si.No, si.Weight)
			}
			check(where("name"), ind.Name, si.Name)
			check(where("question"), ind.Question, si.Kuesioner)
			check(where("description"), ind.Description, si.Description)
			check(where("authorities"), strings.Join(ind.Authorities, "\n"), strings.Join(si.InstansiPembina, "\n"))
			check(where("functions"), strings.Join(ind.Functions, "\n"), strings.Join(si.PeranFungsi, "\n"))
			for _, alt := range []string{si.NameHeading, si.Kuesioner} {
				if alt != si.Name && !slices.Contains(ind.Aliases, alt) {
					t.Errorf("%s: alias %q missing", where("aliases"), alt)
				}
			}
			if si.WeightNote != "" && len(ind.Notes) == 0 {
				t.Errorf("%s: the weight note is not carried", where("notes"))
			}
			if si.ValueSource == "partly-external" && ind.External == nil && len(ind.Notes) == 0 {
				t.Errorf("%s: refers to another agency's index without a note", where("notes"))
			}
			checkExternal(t, ind, si.External, si.ValueSource)
			if len(si.Levels) != 5 {
				t.Fatalf("%s: %d levels in the source", where("levels"), len(si.Levels))
			}
			for _, sl := range si.Levels {
				l := ind.Level(sl.Level)
				check(where("level "+strconv.Itoa(sl.Level)+" criteria"), l.Criteria, sl.Criteria)
				check(where("level name"), p.LevelName(ind, sl.Level), sl.Name)
				check(where("range label"), sl.RangeLabel, src.Scale.Levels[sl.Level-1].RangeLabel)
				var want []Hint
				if sl.Evidence != "" {
					want = append(want, Hint{sl.Evidence, sl.EvidenceSource})
				}
				for _, item := range sl.EvidenceItems {
					want = append(want, Hint{item, sl.EvidenceItemsSource})
				}
				if !slices.Equal(l.EvidenceHints, want) {
					t.Errorf("%s: hints %q, source %q", where("level "+strconv.Itoa(sl.Level)), l.EvidenceHints, want)
				}
				if l.Evidence != "" || l.Fulfilment != "" || l.GuidelineCriteria != "" {
					t.Errorf("%s: the Permen has no evidence requirements, the pack invents one", where("level "+strconv.Itoa(sl.Level)))
				}
				hints += len(want)
			}
		}
	}
	if hints == 0 {
		t.Fatal("no evidence hint carried")
	}
}

// checkExternal compares an indicator's external index with the source:
// the literal bands are kept, and each band's edges are the literal's
// except where the project closed a gap, as listed here.
func checkExternal(t *testing.T, ind *Indicator, se *struct {
	SourceIndex string `json:"source_index"`
	Agency      string
	Bands       []string
}, valueSource string) {
	t.Helper()
	e := ind.External
	if e == nil {
		if se != nil && len(se.Bands) > 0 {
			t.Errorf("indicator %d: the source prints external bands, the pack has none", ind.No)
		}
		return
	}
	if se == nil || e.Agency != se.Agency || !strings.HasPrefix(se.SourceIndex, e.Index) {
		t.Fatalf("indicator %d: external %q %q, source %+v", ind.No, e.Index, e.Agency, se)
	}
	if len(se.Bands) == 0 {
		if valueSource != "partly-external" || e.Official {
			t.Errorf("indicator %d: bands not in the source must not be official", ind.No)
		}
		return
	}
	// The gaps the project closed (externalBasis in tools/packgen); every
	// other edge is exactly the literal's.
	closed := map[int]map[int]string{
		6: {1: "min inclusive"},
		7: {1: "min added", 5: "min inclusive, max inclusive"},
	}
	for i, lit := range se.Bands {
		b := e.Bands[i]
		if b.Literal != lit {
			t.Errorf("indicator %d band %d literal %q, source %q", ind.No, i+1, b.Literal, lit)
		}
		// Re-print the band as the Permen writes numbers ("12,5", "75") and
		// compare with the literal, edges and signs included.
		got := formatLiteral(b, e.Short)
		if why := closed[ind.No][b.Level]; why != "" {
			if got == normaliseLiteral(lit) {
				t.Errorf("indicator %d band %d: closing (%s) changed nothing", ind.No, b.Level, why)
			}
			continue
		}
		if got != normaliseLiteral(lit) {
			t.Errorf("indicator %d band %d = %q, literal %q", ind.No, b.Level, got, lit)
		}
	}
}

// formatLiteral prints a band as "12,5 < SDI ≤ 37,5", numbers without
// trailing zeros.
func formatLiteral(b ExternalBand, short string) string {
	num := func(h Hundredths) string { return strings.TrimSuffix(strings.TrimRight(h.ID(), "0"), ",") }
	lo, hi := "<", "<"
	if b.MinInclusive {
		lo = "≤"
	}
	if b.MaxInclusive {
		hi = "≤"
	}
	return num(b.Min) + " " + lo + " " + short + " " + hi + " " + num(b.Max)
}

// normaliseLiteral writes "<=" as "≤" and numbers without trailing zeros.
func normaliseLiteral(s string) string {
	s = strings.ReplaceAll(s, "<=", "≤")
	var out []string
	for _, f := range strings.Fields(s) {
		if h, err := ParseHundredths(f); err == nil {
			f = strings.TrimSuffix(strings.TrimRight(h.ID(), "0"), ",")
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// TestPredikatEdgesBothPacks checks both built-in packs at every predikat edge,
// exactly on it and a hair (1/10000) on either side: 59/2020 gives an edge
// the higher band (3,50 ≤ x < 4,20), PermenPANRB 8/2026 the lower one
// (3,50 < x ≤ 4,00).
func TestPredikatEdgesBothPacks(t *testing.T) {
	hair := NewRatio(1, 10000)
	tests := []struct {
		pack             string
		edge             Hundredths
		below, at, above string
	}{
		{pack: "spbe-59-2020", edge: 180, below: "Kurang", at: "Cukup", above: "Cukup"},
		{pack: "spbe-59-2020", edge: 260, below: "Cukup", at: "Baik", above: "Baik"},
		{pack: "spbe-59-2020", edge: 350, below: "Baik", at: "Sangat Baik", above: "Sangat Baik"},
		{pack: "spbe-59-2020", edge: 420, below: "Sangat Baik", at: "Memuaskan", above: "Memuaskan"},
		{pack: "pemdi-8-2026", edge: 150, below: "Kurang", at: "Kurang", above: "Cukup"},
		{pack: "pemdi-8-2026", edge: 250, below: "Cukup", at: "Cukup", above: "Baik"},
		{pack: "pemdi-8-2026", edge: 350, below: "Baik", at: "Baik", above: "Sangat Baik"},
		{pack: "pemdi-8-2026", edge: 400, below: "Sangat Baik", at: "Sangat Baik", above: "Memuaskan"},
	}
	for _, tt := range tests {
		t.Run(tt.pack+" "+tt.edge.ID(), func(t *testing.T) {
			p, err := BuiltinPack(tt.pack)
			if err != nil {
				t.Fatal(err)
			}
			x := RatioOf(tt.edge)
			for _, c := range []struct {
				x    Ratio
				want string
			}{{x.Sub(hair), tt.below}, {x, tt.at}, {x.Add(hair), tt.above}} {
				if got := p.PredikatOf(c.x); got != c.want {
					t.Errorf("%s: %s, want %s", c.x.Exact(), got, c.want)
				}
			}
		})
	}
	for _, id := range []string{"spbe-59-2020", "pemdi-8-2026"} {
		p, _ := BuiltinPack(id)
		if p.PredikatOf(RatioOf(100)) != "Kurang" || p.PredikatOf(RatioOf(500)) != "Memuaskan" {
			t.Errorf("%s: the ends 1,00 and 5,00", id)
		}
	}
}

// TestPemdiEdgesFromAnswers scores whole answer sets whose index lies on a
// Pemdi edge or a hair above it: all indicators at the edge value, then one
// indicator 0,01 higher (the lightest, 3 %, lifts the index by 0,0003).
func TestPemdiEdgesFromAnswers(t *testing.T) {
	p := pemdi(t)
	for _, tt := range []struct {
		edge       Hundredths
		at, above  string
		aboveExact string
	}{
		{150, "Kurang", "Cukup", "1.5003"},
		{250, "Cukup", "Baik", "2.5003"},
		{350, "Baik", "Sangat Baik", "3.5003"},
		{400, "Sangat Baik", "Memuaskan", "4.0003"},
	} {
		vals := Values{}
		for _, no := range p.IndicatorNumbers() {
			vals[no] = tt.edge
		}
		s, err := p.Score(vals)
		if err != nil {
			t.Fatal(err)
		}
		if s.Index.CmpHundredths(tt.edge) != 0 || s.Predikat != tt.at {
			t.Errorf("all %s: %s %s, want %s", tt.edge.ID(), s.Index.Exact(), s.Predikat, tt.at)
		}
		vals[6] = tt.edge + 1 // weight 3
		s, err = p.Score(vals)
		if err != nil {
			t.Fatal(err)
		}
		if s.Index.Exact() != tt.aboveExact || s.Predikat != tt.above || s.Index.ID() != tt.edge.ID() {
			t.Errorf("a hair above %s: %s (%s) %s, want %s %s", tt.edge.ID(), s.Index.Exact(), s.Index.ID(), s.Predikat, tt.aboveExact, tt.above)
		}
	}
}

// TestPemdiWorkedExamples checks the formula against the examples of
// PermenPANRB 8/2026 Lampiran Bab II.B.1: an aspect of two indicators of
// 5 % at levels 2 and 3 gives (0,05·2 + 0,05·3)/0,1 = 2,5, and Tabel 3's
// aspect contributions 0,26 + 0,35 + 0,18 + 0,525 + 0,25 + 0,36 + 0,875 give
// an Indeks Pemdi of 2,8.
func TestPemdiWorkedExamples(t *testing.T) {
	aspect := WeightedIndex([]Term{{200, 500}, {300, 500}})
	if aspect.Exact() != "2.50" {
		t.Errorf("aspect example = %s, want 2,5", aspect.Exact())
	}
	// Tabel 3 from the aspect indices its contributions imply (0,26 / 10 %
	// = 2,6 and so on) and the aspect weights of Tabel 1.
	indices := []Hundredths{260, 350, 120, 350, 250, 240, 350}
	contributions := []string{"0.26", "0.35", "0.18", "0.525", "0.25", "0.36", "0.875"}
	p := pemdi(t)
	var terms []Term
	for i, a := range p.Aspects() {
		terms = append(terms, Term{Value: indices[i], Weight: a.Weight})
		if got := NewRatio(int64(indices[i])*int64(a.Weight), 1000000).Exact(); got != contributions[i] {
			t.Errorf("aspect %d contributes %s, Tabel 3 prints %s", a.No, got, contributions[i])
		}
	}
	if got := WeightedIndex(terms); got.Exact() != "2.80" {
		t.Errorf("Indeks Pemdi = %s, want 2,8", got.Exact())
	}

	// The same from a full answer set (testdata/answers/pemdi-contoh-2,80.csv),
	// whole and decimal values mixed: aspect 5 is the 2 and 3 of the
	// aspect example.
	f, err := os.Open(filepath.Join("..", "testdata", "answers", "pemdi-contoh-2,80.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	af, err := ParseAnswers("pemdi-contoh-2,80.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	if err := af.Check(p); err != nil {
		t.Fatal(err)
	}
	s, err := p.Score(af.Values())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range s.Aspects {
		got = append(got, a.Index.Exact())
	}
	if strings.Join(got, " ") != "2.60 3.50 1.20 3.50 2.50 2.40 3.50" || s.Index.Exact() != "2.80" || s.Predikat != "Baik" || s.Coverage.Answered != 20 {
		t.Errorf("aspects %v, index %s %s over %d", got, s.Index.Exact(), s.Predikat, s.Coverage.Answered)
	}
}

func TestLevelOf(t *testing.T) {
	p, q := pemdi(t), spbe(t)
	for _, tt := range []struct {
		v    Hundredths
		want int
	}{{Unanswered, 0}, {100, 1}, {150, 1}, {151, 2}, {200, 2}, {250, 2}, {251, 3}, {300, 3}, {350, 3}, {375, 4}, {400, 4}, {401, 5}, {500, 5}} {
		if got := p.LevelOf(p.Indicator(1), tt.v); got != tt.want {
			t.Errorf("Pemdi %s: level %d, want %d", tt.v.ID(), got, tt.want)
		}
	}
	if got := q.LevelOf(q.Indicator(1), 300); got != 3 {
		t.Errorf("SPBE 3: level %d", got)
	}
}

func TestCheckValuePerPack(t *testing.T) {
	p, q := pemdi(t), spbe(t)
	for _, tt := range []struct {
		pack *Pack
		v    Hundredths
		err  error
	}{
		{p, 250, nil}, {p, 101, nil}, {p, 500, nil}, {p, 99, ErrLevelRange}, {p, 501, ErrLevelRange},
		{q, 300, nil}, {q, 250, ErrNotWholeLevel}, {q, 501, ErrLevelRange},
	} {
		err := tt.pack.CheckValue(1, tt.v)
		if (tt.err == nil) != (err == nil) || (tt.err != nil && !errors.Is(err, tt.err)) {
			t.Errorf("%s %s: %v, want %v", tt.pack.ID, tt.v.ID(), err, tt.err)
		}
	}
}

func TestDefaultPackFor(t *testing.T) {
	for _, tt := range []struct {
		year int
		want string
	}{{2019, "spbe-59-2020"}, {2021, "spbe-59-2020"}, {2024, "spbe-59-2020"}, {2025, "spbe-59-2020"}, {2026, "pemdi-8-2026"}, {2027, "pemdi-8-2026"}, {2040, "pemdi-8-2026"}} {
		if got := DefaultPackFor(tt.year); got != tt.want {
			t.Errorf("year %d: %s, want %s", tt.year, got, tt.want)
		}
	}
	if _, err := BuiltinPack("no-such"); !errors.Is(err, ErrUnknownPack) {
		t.Errorf("unknown pack: %v", err)
	}
}

func TestValidateRefusesPemdiExtensions(t *testing.T) {
	scaleLevel := func(m map[string]any, i int) map[string]any {
		return m["scales"].([]any)[0].(map[string]any)["levels"].([]any)[i].(map[string]any)
	}
	external := func(m map[string]any, a, i int) map[string]any {
		return ind(m, 0, a, i)["external"].(map[string]any)
	}
	extBand := func(m map[string]any, a, i, b int) map[string]any {
		return external(m, a, i)["bands"].([]any)[b].(map[string]any)
	}
	links := func(m map[string]any) []any {
		return m["crosswalks"].([]any)[0].(map[string]any)["links"].([]any)
	}
	tests := []struct {
		name  string
		f     func(m map[string]any)
		err   error
		place string
	}{
		{"decimal values without ranges", func(m map[string]any) {
			for i := range 5 {
				delete(scaleLevel(m, i), "range")
			}
		}, ErrLevelRanges, `scale "pemdi"`},
		{"one range missing", func(m map[string]any) { delete(scaleLevel(m, 2), "range") }, ErrLevelRanges, `scale "pemdi"`},
		{"ranges on whole levels", func(m map[string]any) {
			m["decimal_values"] = false
			for a := range 7 {
				for i := range len(asp(m, 0, a)["indicators"].([]any)) {
					delete(ind(m, 0, a, i), "external")
				}
			}
		}, ErrLevelRanges, `scale "pemdi" level 1`},
		{"range without its level", func(m map[string]any) {
			r := scaleLevel(m, 3)["range"].(map[string]any)
			r["max_inclusive"] = false
		}, ErrLevelRanges, `scale "pemdi" level 4`},
		{"range gap", func(m map[string]any) {
			scaleLevel(m, 1)["range"].(map[string]any)["min"] = 1.6
		}, ErrBandGap, `scale "pemdi" level 1 and level 2`},
		{"range overlap on an edge", func(m map[string]any) {
			scaleLevel(m, 2)["range"].(map[string]any)["min_inclusive"] = true
		}, ErrBandOverlap, `scale "pemdi" level 2 and level 3`},
		{"external on whole levels", func(m map[string]any) {
			m["decimal_values"] = false
			for i := range 5 {
				delete(scaleLevel(m, i), "range")
			}
		}, ErrExternalIndex, "indicator 5 external"},
		{"external band gap", func(m map[string]any) { extBand(m, 2, 0, 1)["min"] = 13 }, ErrBandGap, "indicator 5 external level 1 and level 2"},
		{"external band overlap", func(m map[string]any) { extBand(m, 2, 2, 3)["max_inclusive"] = true }, ErrBandOverlap, "indicator 7 external level 4 and level 5"},
		{"external scale not covered", func(m map[string]any) { extBand(m, 2, 1, 0)["min_inclusive"] = false }, ErrBandGap, "indicator 6 external level 1"},
		{"external four bands", func(m map[string]any) {
			e := external(m, 2, 0)
			e["bands"] = e["bands"].([]any)[:4]
		}, ErrLevelCount, "indicator 5 external"},
		{"external bands out of order", func(m map[string]any) { extBand(m, 2, 0, 1)["level"] = 3.0 }, ErrLevelCount, "indicator 5 external level 2"},
		{"external empty scale", func(m map[string]any) { external(m, 2, 0)["max"] = 0 }, ErrExternalIndex, "indicator 5 external"},
		{"external without agency", func(m map[string]any) { external(m, 2, 0)["agency"] = " " }, ErrEmptyText, "indicator 5 external"},
		{"hint without source", func(m map[string]any) {
			lv := ind(m, 0, 6, 0)["levels"].([]any)[0].(map[string]any)
			lv["evidence_hints"].([]any)[0].(map[string]any)["source"] = ""
		}, ErrEmptyText, "indicator 19 level 1"},
		{"crosswalk to a missing indicator", func(m map[string]any) { links(m)[0].(map[string]any)["indicator"] = 21.0 }, ErrUnknownIndicator, `crosswalk from "spbe-59-2020" indicator 21`},
		{"crosswalk links twice", func(m map[string]any) { links(m)[1].(map[string]any)["indicator"] = 1.0 }, ErrCrosswalk, `crosswalk from "spbe-59-2020" indicator 1`},
		{"crosswalk old indicator twice", func(m map[string]any) { links(m)[0].(map[string]any)["from"] = []any{11.0, 11.0} }, ErrCrosswalk, `crosswalk from "spbe-59-2020" indicator 1`},
		{"crosswalk without reason", func(m map[string]any) { links(m)[0].(map[string]any)["reason"] = "" }, ErrCrosswalk, `crosswalk from "spbe-59-2020" indicator 1`},
		{"crosswalk from itself", func(m map[string]any) {
			m["crosswalks"].([]any)[0].(map[string]any)["from"] = "pemdi-8-2026"
		}, ErrCrosswalk, `crosswalk from "pemdi-8-2026"`},
		{"unknown external field", func(m map[string]any) { external(m, 2, 0)["scale"] = "0-100" }, ErrUnknownField, "file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := mutatePack(t, pemdi(t), tt.f)
			if !errors.Is(err, tt.err) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
			var pe *PackError
			if !errors.As(err, &pe) || pe.Place != tt.place {
				t.Fatalf("place of %q is not %q", err, tt.place)
			}
		})
	}
}

func TestPemdiPackRoundTrip(t *testing.T) {
	p := pemdi(t)
	b, err := p.IndentedJSON()
	if err != nil {
		t.Fatal(err)
	}
	q, err := ParsePackBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	if q.Hash() != p.Hash() || q.Indicator(5).External.Bands[1].Literal != "12,5 < SDI ≤ 37,5" {
		t.Fatalf("hash %s vs %s", q.Hash(), p.Hash())
	}
}
