package model

import (
	"errors"
	"strings"
	"testing"
)

func TestPlanReachesTargetWithFewestRaises(t *testing.T) {
	p := spbe(t)
	vals := levels(strings.Repeat("4", 47))
	plan, err := p.PlanTarget(vals, 420, nil)
	if err != nil {
		t.Fatal(err)
	}
	// From 4,00 to 4,20 needs 0,20·100 = 20 points of weight; the heaviest
	// indicators weigh 3,00 (42–47): seven raises would be needed if each
	// gave 3,00, but there are only six, so 6·3,00 + 1·2,75 = 20,75.
	if !plan.Reachable || len(plan.Steps) != 7 {
		t.Fatalf("plan %+v", plan)
	}
	for i, s := range plan.Steps[:6] {
		if s.Indicator != 42+i || s.From != 400 || s.To != 500 {
			t.Errorf("step %d: %+v", i, s)
		}
	}
	if last := plan.Steps[6]; last.Indicator != 32 || last.IndexAfter.Exact() != "4.2075" {
		t.Errorf("last step %+v (%s)", last, last.IndexAfter.Exact())
	}
	if plan.Steps[5].IndexAfter.CmpHundredths(420) >= 0 {
		t.Error("six raises should not be enough")
	}
}

func TestPlanExactEdge(t *testing.T) {
	p := spbe(t)
	// 4,1995 needs one raise to pass 4,20 even though it is shown as 4,20.
	vals := levels(edgeSets[7].levels)
	plan, err := p.PlanTarget(vals, 420, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Reachable || len(plan.Steps) != 1 {
		t.Fatalf("plan %+v", plan)
	}
	// Exactly 4,20 needs nothing.
	plan, err = p.PlanTarget(levels(edgeSets[6].levels), 420, nil)
	if err != nil || !plan.Reachable || len(plan.Steps) != 0 {
		t.Fatalf("plan %+v %v", plan, err)
	}
}

func TestPlanUnreachable(t *testing.T) {
	p := spbe(t)
	vals := levels(strings.Repeat("2", 47))
	frozen := map[int]bool{}
	for no := 32; no <= 47; no++ {
		frozen[no] = true
	}
	plan, err := p.PlanTarget(vals, 420, frozen)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Reachable {
		t.Fatal("reachable with the heaviest domain frozen")
	}
	// Best: 54,5 % of the weight at 5, 45,5 % at 2 → 3,635.
	if plan.Best.Exact() != "3.635" {
		t.Fatalf("best %s", plan.Best.Exact())
	}
	for _, s := range plan.Steps {
		if frozen[s.Indicator] {
			t.Fatalf("frozen indicator %d planned", s.Indicator)
		}
	}
}

func TestPlanErrors(t *testing.T) {
	p := spbe(t)
	if _, err := p.PlanTarget(Values{1: 300}, 520, nil); !errors.Is(err, ErrTargetRange) {
		t.Errorf("target 5,20: %v", err)
	}
	if _, err := p.PlanTarget(Values{}, 300, nil); !errors.Is(err, ErrNothingAnswered) {
		t.Errorf("nothing answered: %v", err)
	}
}
