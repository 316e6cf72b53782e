package model

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestConvertExternal(t *testing.T) {
	p := pemdi(t)
	tests := []struct {
		name string
		no   int
		x    Hundredths
		want Hundredths
		err  error
	}{
		// The two conversions of the Modul Indikator (SDI → indicator 5).
		{"SDI 25", 5, 2500, 200, nil},
		{"SDI 68,75", 5, 6875, 375, nil},
		{"SDI 0", 5, 0, 100, nil},
		{"SDI 12,5 top of level 1", 5, 1250, 150, nil},
		// 1,5004 rounds onto the excluded edge 1,50 and moves inside.
		{"SDI 12,51", 5, 1251, 151, nil},
		{"SDI 37,5", 5, 3750, 250, nil},
		{"SDI 62,5", 5, 6250, 350, nil},
		{"SDI 75", 5, 7500, 400, nil},
		{"SDI 75,01", 5, 7501, 401, nil},
		{"SDI 87,5", 5, 8750, 450, nil},
		{"SDI 100", 5, 10000, 500, nil},
		// SJIG bands equal the level ranges: the value is kept.
		{"SJIG 1 (gap closed)", 6, 100, 100, nil},
		{"SJIG 1,01", 6, 101, 101, nil},
		{"SJIG 2,37", 6, 237, 237, nil},
		{"SJIG 4,00", 6, 400, 400, nil},
		{"SJIG 5", 6, 500, 500, nil},
		// IPS bands are lower-inclusive: [1; 1,8) → [1,00; 1,50] and so on.
		{"IPS 1", 7, 100, 100, nil},
		{"IPS 1,79", 7, 179, 149, nil},
		{"IPS 1,8 bottom of level 2", 7, 180, 151, nil},
		{"IPS 3,00", 7, 300, 294, nil},
		{"IPS 4,19", 7, 419, 399, nil},
		{"IPS 4,20 (gap closed)", 7, 420, 401, nil},
		{"IPS 4,60", 7, 460, 450, nil},
		{"IPS 5,00 (gap closed)", 7, 500, 500, nil},
		{"SDI interoperabilitas 25", 18, 2500, 200, nil},
		{"SDI above 100", 5, 10001, 0, ErrExternalRange},
		{"SJIG below 1", 6, 99, 0, ErrExternalRange},
		{"IPS above 5", 7, 501, 0, ErrExternalRange},
		{"not external", 1, 300, 0, ErrNotExternal},
		{"no indicator", 21, 300, 0, ErrUnknownIndicator},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := p.ConvertExternal(tt.no, tt.x)
			if !errors.Is(err, tt.err) || got != tt.want {
				t.Fatalf("got %s, %v; want %s, %v", got.ID(), err, tt.want.ID(), tt.err)
			}
		})
	}
}

// TestConvertExternalEveryValue converts every value of every external
// index, one hundredth apart: the result always stands for the level of the
// band that holds the value, and never decreases as the value grows.
func TestConvertExternalEveryValue(t *testing.T) {
	p := pemdi(t)
	for _, no := range p.IndicatorNumbers() {
		ind := p.Indicator(no)
		e := ind.External
		if e == nil {
			continue
		}
		prev := Hundredths(0)
		for x := e.Min; x <= e.Max; x++ {
			v, err := p.ConvertExternal(no, x)
			if err != nil {
				t.Fatalf("indicator %d, %s %s: %v", no, e.Short, x.ID(), err)
			}
			b, _ := e.BandFor(x)
			if lv := p.LevelOf(ind, v); lv != b.Level {
				t.Fatalf("indicator %d, %s %s → %s, level %d, but the band is level %d", no, e.Short, x.ID(), v.ID(), lv, b.Level)
			}
			if v < prev {
				t.Fatalf("indicator %d, %s %s → %s, below %s", no, e.Short, x.ID(), v.ID(), prev.ID())
			}
			prev = v
		}
	}
}

func parsePemdi(t *testing.T, in string) (*AnswerFile, error) {
	t.Helper()
	f, err := ParseAnswers("f", strings.NewReader(in))
	if err != nil {
		return nil, err
	}
	return f, f.Check(pemdi(t))
}

func TestParseAnswersDecimalAndExternal(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Values
		ext  map[int]ExternalValue
	}{
		{"decimal comma, quoted", "indikator,level\n1,\"2,50\"\n2,3\n", Values{1: 250, 2: 300}, nil},
		{"decimal point", "indikator,level\n1,2.5\n2,3.75\n", Values{1: 250, 2: 375}, nil},
		{"semicolons", "indikator;level\r\n1;2,5\r\n2;1,26\r\n", Values{1: 250, 2: 126}, nil},
		{"json decimals", `{"instrument":"pemdi-8-2026","answers":[{"indicator":1,"level":2.5},{"indicator":2,"level":3}]}`, Values{1: 250, 2: 300}, nil},
		{"csv external", "indikator;level;eksternal;sumber;tanggal;berlaku_sampai\n5;;68,75;Evaluasi SDI 2025, Bappenas;2026-02-10;2027-02-09\n6;;2,37;Evaluasi SJIG 2025, BIG;;\n1;3;;;;\n",
			Values{5: 375, 6: 237, 1: 300},
			map[int]ExternalValue{5: {6875, "Evaluasi SDI 2025, Bappenas", Date{2026, 2, 10}, Date{2027, 2, 9}}, 6: {237, "Evaluasi SJIG 2025, BIG", Date{}, Date{}}}},
		{"csv external with the converted level", "indikator,level,external,source\n5,3.75,68.75,Bappenas\n", Values{5: 375}, map[int]ExternalValue{5: {Value: 6875, Source: "Bappenas"}}},
		{"json external", `{"answers":[{"indicator":7,"external":{"value":4.2,"source":"EPSS 2025, BPS","date":"2025-12-01","valid_until":"2026-11-30"}}]}`,
			Values{7: 401}, map[int]ExternalValue{7: {420, "EPSS 2025, BPS", Date{2025, 12, 1}, Date{2026, 11, 30}}}},
		{"json external with level", `{"answers":[{"indicator":5,"level":2,"external":{"value":25,"source":"Bappenas"}}]}`, Values{5: 200}, map[int]ExternalValue{5: {Value: 2500, Source: "Bappenas"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parsePemdi(t, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := f.Values()
			if len(got) != len(tt.want) {
				t.Fatalf("values %v, want %v", got, tt.want)
			}
			for no, v := range tt.want {
				if got[no] != v {
					t.Errorf("indicator %d = %s, want %s", no, got[no].ID(), v.ID())
				}
			}
			for _, a := range f.Answers {
				want, ok := tt.ext[a.Indicator]
				if ok != (a.External != nil) || (ok && *a.External != want) {
					t.Errorf("indicator %d external %+v, want %+v", a.Indicator, a.External, want)
				}
			}
		})
	}
}

func TestParseAnswersExternalErrors(t *testing.T) {
	tests := []struct {
		name, in string
		err      error
		line     int
	}{
		{"not external", "indikator,eksternal,sumber,level\n1,50,X,\n", ErrNotExternal, 2},
		{"out of scale", "indikator,level,eksternal,sumber\n5,,100.01,Bappenas\n", ErrExternalRange, 2},
		{"SJIG below its scale", "indikator,level,eksternal,sumber\n6,,0.5,BIG\n", ErrExternalRange, 2},
		{"level differs from conversion", "indikator,level,eksternal,sumber\n5,4,68.75,Bappenas\n", ErrExternalMismatch, 2},
		{"no source", "indikator,level,eksternal\n5,,68.75\n", ErrExternalSource, 2},
		{"source without value", "indikator,level,sumber\n1,3,Bappenas\n", ErrExternalSource, 2},
		{"date without value", "indikator,level,tanggal\n1,3,2026-01-01\n", ErrExternalSource, 2},
		{"not a number", "indikator,level,eksternal,sumber\n5,,tinggi,Bappenas\n", ErrNotNumber, 2},
		{"three decimals", "indikator,level,eksternal,sumber\n5,,68.755,Bappenas\n", ErrNotNumber, 2},
		{"bad date", "indikator,level,eksternal,sumber,tanggal\n5,,25,Bappenas,10/02/2026\n", ErrDate, 2},
		{"bad valid-until", "indikator,level,eksternal,sumber,berlaku_sampai\n5,,25,Bappenas,2026-02-30\n", ErrDate, 2},
		{"valid-until before the date", "indikator,level,eksternal,sumber,tanggal,berlaku_sampai\n5,,25,Bappenas,2026-02-10,2025-02-10\n", ErrDate, 2},
		{"decimal three places", "indikator,level\n1,2.505\n", ErrNotNumber, 2},
		{"decimal out of range", "indikator,level\n1,5.01\n", ErrLevelRange, 2},
		{"json external as text", "{\"answers\": [\n{\"indicator\": 5, \"external\": {\"value\": \"68,75\", \"source\": \"B\"}}]}", ErrNotNumber, 2},
		{"json external without value", "{\"answers\": [\n{\"indicator\": 5, \"external\": {\"source\": \"B\"}}]}", ErrAnswersSyntax, 2},
		{"json external without source", "{\"answers\": [\n\n{\"indicator\": 5, \"external\": {\"value\": 25}}]}", ErrExternalSource, 3},
		{"json external unknown field", "{\"answers\": [\n{\"indicator\": 5, \"external\": {\"value\": 25, \"source\": \"B\", \"nilai\": 1}}]}", ErrAnswersSyntax, 2},
		{"json external bad date", "{\"answers\": [\n{\"indicator\": 5, \"external\": {\"value\": 25, \"source\": \"B\", \"date\": \"2026\"}}]}", ErrDate, 2},
		{"json external mismatch", "{\"answers\": [\n{\"indicator\": 5, \"level\": 3, \"external\": {\"value\": 25, \"source\": \"B\"}}]}", ErrExternalMismatch, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parsePemdi(t, tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
			var ae *AnswerError
			if !errors.As(err, &ae) || ae.File != "f" || ae.Line != tt.line {
				t.Fatalf("error %q: want file f line %d", err, tt.line)
			}
		})
	}
	// SPBE takes no external values and no decimals.
	if _, err := parseCheck(t, "f", "indikator,level,eksternal,sumber\n5,,25,X\n"); !errors.Is(err, ErrNotExternal) {
		t.Errorf("SPBE external: %v", err)
	}
}

func TestProposeEvidence(t *testing.T) {
	p := pemdi(t)
	c := p.CrosswalkFrom("spbe-59-2020")
	if c == nil || p.CrosswalkFrom("pemdi-8-2026") != nil {
		t.Fatal("crosswalk lookup")
	}
	old := []Evidence{
		{Indicator: 22, SHA256: "cccc", Name: "SK-SMKI.pdf", Level: 3},
		{Indicator: 12, SHA256: "bbbb", Name: "Peta-Rencana.pdf", Level: 4, ValidUntil: Date{2026, 12, 31}},
		{Indicator: 11, SHA256: "aaaa", Name: "Arsitektur-SPBE.pdf", Level: 3, DocNo: "12 Tahun 2022"},
		{Indicator: 12, SHA256: "aaaa", Name: "Arsitektur-SPBE.pdf", Level: 2},
		{Indicator: 99, SHA256: "dddd", Name: "lost.pdf"},
	}
	got := c.ProposeEvidence(old)
	var lines []string
	for _, pr := range got {
		e := pr.Evidence
		if e.Level != 0 {
			t.Errorf("level carried over: %+v", e)
		}
		lines = append(lines, fmt.Sprintf("%d %s %s ←%s", e.Indicator, e.Name, e.DocNo, joinInts(pr.From)))
	}
	want := []string{
		"1 Arsitektur-SPBE.pdf 12 Tahun 2022 ←11,12",
		"1 Peta-Rencana.pdf  ←12",
		"8 SK-SMKI.pdf  ←22",
		"10 SK-SMKI.pdf  ←22",
		"11 SK-SMKI.pdf  ←22",
		"12 SK-SMKI.pdf  ←22",
		"15 Arsitektur-SPBE.pdf 12 Tahun 2022 ←11",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("proposals:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if got[1].Evidence.ValidUntil != (Date{2026, 12, 31}) {
		t.Errorf("metadata not carried: %+v", got[1].Evidence)
	}
	if c.ProposeEvidence(nil) != nil {
		t.Error("proposals from nothing")
	}
}

func joinInts(ns []int) string {
	var out []string
	for _, n := range ns {
		out = append(out, strconv.Itoa(n))
	}
	return strings.Join(out, ",")
}

// TestCrosswalkCoversSPBE checks the crosswalk against the 59/2020 pack:
// every old indicator it names exists, and every old indicator leads
// somewhere, so that no evidence of a 2025 workspace is silently left
// behind; only 6 and 7 (geospatial information, statistics) have no
// counterpart.
func TestCrosswalkCoversSPBE(t *testing.T) {
	p, old := pemdi(t), spbe(t)
	c := p.CrosswalkFrom(old.ID)
	used := map[int]bool{}
	linked := map[int]bool{}
	for _, l := range c.Links {
		linked[l.Indicator] = true
		for _, no := range l.From {
			if old.Indicator(no) == nil {
				t.Errorf("link to %d names old indicator %d, which 59/2020 lacks", l.Indicator, no)
			}
			used[no] = true
		}
	}
	for _, no := range old.IndicatorNumbers() {
		if !used[no] {
			t.Errorf("59/2020 indicator %d leads nowhere", no)
		}
	}
	for _, no := range p.IndicatorNumbers() {
		if linked[no] == (no == 6 || no == 7) {
			t.Errorf("Pemdi indicator %d linked: %v", no, linked[no])
		}
	}
}

// TestReadinessPemdi: a decimal value stands for the level of its range
// (3,75 is level 4 in Indeks Pemdi), and an external index value past its
// validity is a finding.
func TestReadinessPemdi(t *testing.T) {
	a := &Assessment{Pack: pemdi(t), Answers: map[int]Answer{
		5: {Indicator: 5, Value: 375, Fakta: "Hasil Evaluasi SDI 2025 pada 5.a.SDI-2025.pdf", Analisis: "SDI 68,75",
			External: &ExternalValue{Value: 6875, Source: "Evaluasi SDI 2025, Bappenas", Date: Date{2025, 3, 1}, ValidUntil: Date{2026, 2, 28}}},
		6: {Indicator: 6, Value: 251, Fakta: "F", Analisis: "A"},
	}, Evidence: []Evidence{{Indicator: 5, SHA256: "aa", Name: "5.a.SDI-2025.pdf"}}}
	got := a.Readiness(Date{2026, 9, 1})
	want := []Finding{
		{Indicator: 5, Kind: FindingExternalExpired, Level: 4, Source: "Evaluasi SDI 2025, Bappenas", Date: Date{2026, 2, 28}},
		{Indicator: 6, Kind: FindingNoEvidence, Level: 3},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("findings %+v\nwant %+v", got, want)
	}
	if txt := got[0].Text(); txt != "Nilai indeks eksternal (Evaluasi SDI 2025, Bappenas) tidak berlaku lagi sejak 28 Februari 2026." {
		t.Errorf("text %q", txt)
	}
	if txt := got[0].TextEN(); !strings.Contains(txt, "no longer valid since 2026-02-28") {
		t.Errorf("text %q", txt)
	}
	if a.Readiness(Date{2026, 2, 28})[0].Kind == FindingExternalExpired {
		t.Error("valid on its last day")
	}
}
