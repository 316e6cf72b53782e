package model

import (
	"errors"
	"math/rand/v2"
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

// TestPlanDecimalFewestRaises is a case where taking the largest gain
// first misses the minimum: indicator 13 (5 %) at 2 gains 1,00·5 a raise,
// indicator 19 (10 %) at 2,90 gains only 0,10·10 with its first raise and
// 1,00·10 with the second. To lift the index from 2,60 to 3,33 two raises
// of 19 suffice, while three raises of 13 would be needed.
func TestPlanDecimalFewestRaises(t *testing.T) {
	p := pemdi(t)
	plan, err := p.PlanTarget(Values{13: 200, 19: 290}, 333, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Reachable || len(plan.Steps) != 2 {
		t.Fatalf("plan %+v", plan)
	}
	s0, s1 := plan.Steps[0], plan.Steps[1]
	if s0.Indicator != 19 || s0.From != 290 || s0.To != 300 || s1.Indicator != 19 || s1.From != 300 || s1.To != 400 {
		t.Fatalf("steps %+v", plan.Steps)
	}
	if s1.IndexAfter.Exact() != "10/3" || s1.IndexAfter.CmpHundredths(333) < 0 {
		t.Fatalf("index after %s", s1.IndexAfter.Exact())
	}
}

// TestPlanDecimalIsMinimal compares the planner with a brute force over
// every way to share raises among a few indicators with decimal values.
func TestPlanDecimalIsMinimal(t *testing.T) {
	p := pemdi(t)
	rng := rand.New(rand.NewPCG(8, 2026))
	nos := p.IndicatorNumbers()
	for range 300 {
		vals := Values{}
		for range 2 + rng.IntN(4) {
			vals[nos[rng.IntN(len(nos))]] = Hundredths(100 + rng.IntN(401))
		}
		target := Hundredths(100 + rng.IntN(401))
		plan, err := p.PlanTarget(vals, target, nil)
		if err != nil {
			t.Fatal(err)
		}
		best, reachable := bruteForceRaises(p, vals, target)
		if plan.Reachable != reachable || (reachable && len(plan.Steps) != best) {
			t.Fatalf("%v to %s: plan %d raises (reachable %v), brute force %d (%v)", vals, target.ID(), len(plan.Steps), plan.Reachable, best, reachable)
		}
		if n := len(plan.Steps); reachable && n > 0 && plan.Steps[n-1].IndexAfter.CmpHundredths(target) < 0 {
			t.Fatalf("%v: the last step does not reach %s", vals, target.ID())
		}
	}
}

// bruteForceRaises tries every number of raises (to the next whole level)
// for every answered indicator and returns the fewest that reach target.
func bruteForceRaises(p *Pack, vals Values, target Hundredths) (int, bool) {
	var nos []int
	for no := range vals {
		nos = append(nos, no)
	}
	best, found := 0, false
	var try func(i int, cur Values, raises int)
	try = func(i int, cur Values, raises int) {
		if i == len(nos) {
			s, _ := p.Score(cur)
			if s.Index.CmpHundredths(target) >= 0 && (!found || raises < best) {
				best, found = raises, true
			}
			return
		}
		no := nos[i]
		v := vals[no]
		for r := 0; ; r++ {
			next := Values{}
			for k, x := range cur {
				next[k] = x
			}
			next[no] = v
			try(i+1, next, raises+r)
			if v >= 500 {
				return
			}
			v = (v/100 + 1) * 100
		}
	}
	try(0, Values{}, 0)
	return best, found
}
