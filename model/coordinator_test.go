package model

import (
	"errors"
	"testing"
)

func TestOPDCodesAndUnits(t *testing.T) {
	if c, err := NormalizeCode(" diskominfo "); err != nil || c != "DISKOMINFO" {
		t.Fatalf("%q %v", c, err)
	}
	if c, err := NormalizeCode("SETDA-HUKUM"); err != nil || c != "SETDA-HUKUM" {
		t.Fatalf("%q %v", c, err)
	}
	for _, bad := range []string{"", "  ", "DINAS KOMINFO", "A/B", "X.Y"} {
		if _, err := NormalizeCode(bad); !errors.Is(err, ErrOPDCode) {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if !SameUnit("Dinas Komunikasi  dan Informatika", " dinas komunikasi dan informatika") || SameUnit("Bappeda", "Bapperida") {
		t.Fatal("SameUnit")
	}
}

func TestTimelineAndStatus(t *testing.T) {
	tl := DefaultTimeline(2025)
	if m, ok := tl.Next(Date{2025, 10, 5}); !ok || m.Stage != StageDocuments {
		t.Fatalf("next %+v", m)
	}
	if _, ok := tl.Next(Date{2026, 1, 1}); ok {
		t.Fatal("a deadline after the year")
	}
	due, _ := tl.Due(StageSelfAssessment)
	tests := []struct {
		s     OPDStatus
		today Date
		want  OPDState
	}{
		{OPDStatus{}, Date{2025, 9, 1}, OPDNotStarted},
		{OPDStatus{Assigned: []int{11}}, Date{2025, 9, 1}, OPDNotStarted},
		{OPDStatus{Assigned: []int{11}, Sent: Date{2025, 8, 20}}, Date{2025, 9, 30}, OPDAssignmentSent},
		{OPDStatus{Assigned: []int{11}, Sent: Date{2025, 8, 20}}, Date{2025, 10, 1}, OPDOverdue},
		{OPDStatus{Assigned: []int{11}, Sent: Date{2025, 8, 20}, Revision: 2}, Date{2025, 10, 1}, OPDSubmitted},
	}
	for i, tt := range tests {
		if got := StatusOf(tt.s, due, tt.today).State; got != tt.want {
			t.Errorf("case %d: %s, want %s", i, got, tt.want)
		}
	}
}

func TestProposeTargets(t *testing.T) {
	p := spbe(t)
	last := levels(example328) // 3,28 (Baik) last year
	targets, plan, err := p.ProposeTargets(last, 350)
	if err != nil || !plan.Reachable {
		t.Fatalf("%v %+v", err, plan)
	}
	s, _ := p.Score(Values(targets))
	if s.Index.CmpHundredths(350) < 0 || len(targets) != 47 {
		t.Fatalf("targets score %s over %d indicators", s.Index.Exact(), len(targets))
	}
	raised := 0
	for no, v := range targets {
		if v < last[no] {
			t.Fatalf("indicator %d lowered", no)
		}
		if v > last[no] {
			raised++
		}
	}
	if raised == 0 || raised > len(plan.Steps) {
		t.Fatalf("%d raised, %d steps", raised, len(plan.Steps))
	}
}
