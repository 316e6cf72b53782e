package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// trendCases are the table of TestParseTrend and the seeds of
// FuzzParseTrend.
var trendCases = []struct {
	name, in string
	want     []YearResult
	err      error
}{
	{"index only", "tahun,indeks\n2024,3.76\n", []YearResult{{Year: 2024, Index: 376}}, nil},
	{"Excel, Indonesian locale", "\xef\xbb\xbftahun;indeks;predikat;Kebijakan;Tata Kelola;Manajemen;Layanan\r\n2024;3,76;Sangat Baik;3,90;3,60;3,20;4,00\r\n2023;3,41;Baik;;;;\r\n",
		[]YearResult{{Year: 2024, Index: 376, Predikat: "Sangat Baik", Domains: []Hundredths{390, 360, 320, 400}}, {Year: 2023, Index: 341, Predikat: "Baik"}}, nil},
	{"English header, domains without predikat", "year,index,d1,d2\n2022,\"2,80\",2.5,\n\n", []YearResult{{Year: 2022, Index: 280, Domains: []Hundredths{250}}}, nil},
	{"a domain not known", "tahun,indeks,d1,d2\n2022,2.80,,3\n", []YearResult{{Year: 2022, Index: 280, Domains: []Hundredths{0, 300}}}, nil},
	{"no header", "2024,3.76\n", nil, ErrTrend},
	{"empty", "", nil, ErrTrend},
	{"not a number", "tahun,indeks\n2024,tinggi\n", nil, ErrTrend},
	{"more cells than the header", "tahun,indeks\n2024,3.76,x\n", nil, ErrTrend},
	{"predikat twice", "tahun,indeks,predikat,predicate\n", nil, ErrTrend},
	{"broken quotes", "tahun,indeks\n2024,\"3.76\n", nil, ErrTrend},
	{"not UTF-8", "tahun,indeks\n2024,3.76\xff\n", nil, ErrTrend},
}

func TestParseTrend(t *testing.T) {
	for _, tt := range trendCases {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTrend("tren.csv", strings.NewReader(tt.in))
			if !errors.Is(err, tt.err) || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %+v, %v; want %+v, %v", got, err, tt.want, tt.err)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "tren.csv") {
				t.Errorf("the error does not name the file: %v", err)
			}
		})
	}
}

func FuzzParseTrend(f *testing.F) {
	for _, tt := range trendCases {
		f.Add(tt.in)
	}
	p := spbe(f)
	f.Fuzz(func(t *testing.T, in string) {
		rs, err := ParseTrend("fuzz", strings.NewReader(in))
		if err != nil {
			return
		}
		// Whatever passes the check merges and reads back the same.
		if CheckTrend(rs, p) == nil {
			merged := MergeTrend(nil, rs)
			if len(merged) != len(rs) {
				t.Fatalf("merge of %d checked results gives %d", len(rs), len(merged))
			}
			for _, r := range merged {
				if r.Text() == "" {
					t.Fatal("no text")
				}
			}
		}
	})
}

func TestCheckTrend(t *testing.T) {
	p := spbe(t)
	ok := YearResult{Year: 2024, Index: 376, Predikat: "Sangat Baik", Domains: []Hundredths{390, 360, 0, 400}}
	if err := CheckTrend([]YearResult{ok, {Year: 2023, Index: 100}}, p); err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]YearResult{
		"year twice":    {ok, ok},
		"year 1999":     {{Year: 1999, Index: 300}},
		"index 0":       {{Year: 2024}},
		"index 5,01":    {{Year: 2024, Index: 501}},
		"five domains":  {{Year: 2024, Index: 300, Domains: []Hundredths{300, 300, 300, 300, 300}}},
		"domain 0,50":   {{Year: 2024, Index: 300, Domains: []Hundredths{50}}},
		"predikat\\n":   {{Year: 2024, Index: 300, Predikat: "Baik\n"}},
		"long predikat": {{Year: 2024, Index: 300, Predikat: strings.Repeat("x", 101)}},
	} {
		if err := CheckTrend(bad, p); !errors.Is(err, ErrTrend) {
			t.Errorf("%s: %v", name, err)
		}
	}
	merged := MergeTrend([]YearResult{{Year: 2023, Index: 300}, {Year: 2024, Index: 350}}, []YearResult{{Year: 2024, Index: 376}, {Year: 2022, Index: 280}})
	if want := []YearResult{{Year: 2022, Index: 280}, {Year: 2023, Index: 300}, {Year: 2024, Index: 376}}; !reflect.DeepEqual(merged, want) {
		t.Fatalf("merged %+v", merged)
	}
	if got := ok.Text(); got != "2024: 3,76 (Sangat Baik); domain 3,90 / 3,60 / – / 4,00" {
		t.Fatalf("text %q", got)
	}
}

func TestResultOf(t *testing.T) {
	p := spbe(t)
	s, _ := p.Score(levels(example328))
	r, ok := ResultOf(2024, s)
	if !ok || r.Index != 328 || r.Predikat != "Baik" || !reflect.DeepEqual(r.Domains, []Hundredths{370, 340, 300, 320}) {
		t.Fatalf("%+v %v", r, ok)
	}
	part, _ := p.Score(Values{1: 300})
	if _, ok := ResultOf(2024, part); ok {
		t.Fatal("a partial score is not the year's result")
	}
}

func TestTimelineEdits(t *testing.T) {
	tl := DefaultTimeline(2025)
	moved := tl.Set(StageRevision, Date{2025, 11, 20})
	if d, _ := moved.Due(StageRevision); d != (Date{2025, 11, 20}) || len(moved) != 4 {
		t.Fatalf("set %+v", moved)
	}
	if d, _ := tl.Due(StageRevision); d != (Date{2025, 11, 30}) {
		t.Fatal("Set changed the timeline it was called on")
	}
	short := Timeline{{StageSelfAssessment, Date{2025, 9, 30}}}.Set(StageReporting, Date{2025, 12, 1})
	if len(short) != 2 || short[1].Stage != StageReporting {
		t.Fatalf("added %+v", short)
	}
	if next := tl.Shift(1); next[0].Due != (Date{2026, 9, 30}) || next[3].Due != (Date{2026, 12, 15}) {
		t.Fatalf("shifted %+v", next)
	}
	for name, bad := range map[string]Timeline{
		"stage twice":   {{StageRevision, Date{2025, 11, 1}}, {StageRevision, Date{2025, 11, 2}}},
		"no date":       {{StageRevision, Date{}}},
		"unknown stage": {{Stage("rapat"), Date{2025, 11, 1}}},
	} {
		if err := bad.Check(); !errors.Is(err, ErrTimeline) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := tl.Check(); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]Stage{"penilaian-mandiri": StageSelfAssessment, " Revision ": StageRevision, "reporting": StageReporting} {
		if got, err := ParseStage(in); err != nil || got != want {
			t.Errorf("%q: %s %v", in, got, err)
		}
	}
	if _, err := ParseStage("rapat"); !errors.Is(err, ErrStage) {
		t.Fatal(err)
	}
	if n := (Date{2025, 9, 26}).DaysTo(Date{2025, 10, 5}); n != 9 {
		t.Fatalf("days %d", n)
	}
	if n := (Date{2025, 3, 1}).DaysTo(Date{2025, 2, 28}); n != -1 {
		t.Fatalf("days %d", n)
	}
}

func TestAssignmentOrderAndText(t *testing.T) {
	at := time.Date(2025, 8, 20, 9, 0, 0, 0, time.UTC)
	a := &Assignment{Code: "BAPPEDA", Revision: 2, Indicators: []int{11, 12}, Deadline: Date{2025, 9, 30}, Sent: at}
	older := &Assignment{Revision: 1, Sent: at.Add(-time.Hour)}
	sameSecond := &Assignment{Revision: 1, Sent: at}
	if !a.Newer(older) || !a.Newer(sameSecond) || older.Newer(a) || a.Newer(a) {
		t.Fatal("Newer")
	}
	if got := a.Summary(); got != "BAPPEDA, penugasan 2: indikator 11, 12; batas 2025-09-30" {
		t.Fatalf("summary %q", got)
	}
	e := &AssignmentReplayError{Have: a, Got: a}
	if !e.Same() || !errors.Is(e, ErrAssignmentReplay) || !strings.Contains(e.Error(), "sudah diterima") {
		t.Fatalf("%v", e)
	}
	if e := (&AssignmentReplayError{Have: a, Got: older}); e.Same() || !strings.Contains(e.Error(), "penugasan lama") {
		t.Fatalf("%v", e)
	}
}
