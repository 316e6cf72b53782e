package model

import (
	"fmt"
	"sort"
)

// Raise is one step of a Plan: one indicator raised by one level.
type Raise struct {
	Indicator int
	From, To  Hundredths
	// Weight is the indicator's weight (bobot).
	Weight Hundredths
	// IndexAfter is the index once this raise and every raise before it in
	// the plan are done.
	IndexAfter Ratio
}

// Plan is the answer of the target planner.
type Plan struct {
	Target  Hundredths
	Current Ratio
	// Steps are the raises, in the order to do them.
	Steps []Raise
	// Reachable reports whether the steps reach the target. When it is
	// false, Steps raise every movable indicator to level 5 and Best is the
	// highest index that can be reached.
	Reachable bool
	Best      Ratio
}

// PlanTarget lists the smallest set of one-level raises that brings the
// index over the answered indicators to at least target (e.g. 4,20 for
// Memuaskan). A raise of indicator i adds BI / Σ BI to the index, so taking
// the heaviest indicators first needs the fewest raises; among equal weights
// the lowest level goes first, then the lower indicator number. Indicators in
// frozen cannot move this year. Unanswered indicators are not planned: the
// index does not count them.
func (p *Pack) PlanTarget(vals Values, target Hundredths, frozen map[int]bool) (*Plan, error) {
	if target < 100 || target > 500 {
		return nil, fmt.Errorf("%w: %s", ErrTargetRange, target.ID())
	}
	s, err := p.Score(vals)
	if err != nil {
		return nil, err
	}
	if !s.HasIndex() {
		return nil, ErrNothingAnswered
	}
	type cand struct {
		no int
		v  Hundredths
		w  Hundredths
	}
	var cands []cand
	var sum int64
	for _, no := range p.order {
		v := vals[no]
		if v == Unanswered {
			continue
		}
		w := p.byNo[no].Weight
		sum += int64(v) * int64(w)
		if !frozen[no] && v < 500 {
			cands = append(cands, cand{no, v, w})
		}
	}
	den := 100 * int64(s.Coverage.Weight)
	plan := &Plan{Target: target, Current: s.Index, Best: s.Index}
	goal := RatioOf(target)
	if s.Index.Cmp(goal) >= 0 {
		plan.Reachable = true
		return plan, nil
	}
	for {
		sort.SliceStable(cands, func(i, j int) bool {
			a, b := cands[i], cands[j]
			if a.w != b.w {
				return a.w > b.w
			}
			if a.v != b.v {
				return a.v < b.v
			}
			return a.no < b.no
		})
		if len(cands) == 0 {
			return plan, nil
		}
		c := &cands[0]
		to := (c.v/100 + 1) * 100 // next whole level
		sum += int64(to-c.v) * int64(c.w)
		after := NewRatio(sum, den)
		plan.Steps = append(plan.Steps, Raise{Indicator: c.no, From: c.v, To: to, Weight: c.w, IndexAfter: after})
		plan.Best = after
		if after.Cmp(goal) >= 0 {
			plan.Reachable = true
			return plan, nil
		}
		c.v = to
		if c.v >= 500 {
			cands = cands[1:]
		}
	}
}
