package model

import "fmt"

// Raise is one step of a Plan: one indicator raised to its next whole level.
type Raise struct {
	Indicator int
	// From is the value before the raise and To the next whole level above
	// it: 3 → 4, or 2,50 → 3 for a decimal value.
	From, To Hundredths
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

// PlanTarget lists the smallest set of raises, each to an indicator's next
// whole level, that brings the index over the answered indicators to at
// least target (e.g. 4,20 for Memuaskan in Indeks SPBE). Indicators in
// frozen cannot move this year. Unanswered indicators are not planned: the
// index does not count them.
//
// A raise of indicator i from v adds (next level − v)·BI / Σ BI to the index.
// With whole levels every raise of i adds the same, so taking the largest
// gains first needs the fewest raises; among equal gains the lowest value
// goes first, then the lower indicator number, and that is the order of the
// steps. A decimal value's first raise gains less than the ones after it
// (2,50 → 3 is half a level), where taking the largest gain first can miss
// the minimum; then the number of raises is minimised exactly, over every
// way to share them among the indicators, and the chosen raises are listed
// in the same order.
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
	var cands []candidate
	var sum int64
	decimal := false
	for _, no := range p.order {
		v := vals[no]
		if v == Unanswered {
			continue
		}
		w := p.byNo[no].Weight
		sum += int64(v) * int64(w)
		if !frozen[no] && v < 500 {
			cands = append(cands, candidate{no: no, v: v, w: w})
			decimal = decimal || !v.Whole()
		}
	}
	plan := &Plan{Target: target, Current: s.Index, Best: s.Index}
	// The index is sum / (100·Σ BI); it reaches target/100 when sum ≥
	// target·Σ BI.
	need := int64(target)*int64(s.Coverage.Weight) - sum
	if need <= 0 {
		plan.Reachable = true
		return plan, nil
	}
	counts := make([]int, len(cands))
	var gain int64
	for i, c := range cands {
		counts[i] = c.raisesToFive()
		gain += c.gain(counts[i])
	}
	plan.Reachable = gain >= need
	if plan.Reachable && decimal {
		counts = fewestRaises(cands, need)
	}
	den := 100 * int64(s.Coverage.Weight)
	for _, r := range sequence(cands, counts, need) {
		sum += int64(r.To-r.From) * int64(r.Weight)
		r.IndexAfter = NewRatio(sum, den)
		plan.Steps = append(plan.Steps, r)
	}
	plan.Best = NewRatio(sum, den)
	return plan, nil
}

// candidate is an indicator the planner may raise.
type candidate struct {
	no int
	v  Hundredths
	w  Hundredths
}

// nextLevel returns the next whole level above v.
func nextLevel(v Hundredths) Hundredths { return (v/100 + 1) * 100 }

// raisesToFive returns how many raises bring c to level 5.
func (c candidate) raisesToFive() int { return int(5 - c.v/100) }

// gain returns what r raises of c add to Σ(NI·BI).
func (c candidate) gain(r int) int64 {
	if r == 0 {
		return 0
	}
	to := c.v/100*100 + Hundredths(r)*100
	return int64(to-c.v) * int64(c.w)
}

// sequence lists counts[i] raises of each candidate, always the raise with
// the largest gain first (then the lower value, then the lower indicator
// number), and stops as soon as the raises add need.
func sequence(cands []candidate, counts []int, need int64) []Raise {
	cur := make([]candidate, len(cands))
	copy(cur, cands)
	left := make([]int, len(counts))
	copy(left, counts)
	var out []Raise
	var got int64
	for got < need {
		best := -1
		for i, c := range cur {
			if left[i] == 0 {
				continue
			}
			if best < 0 || better(c, cur[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		c := &cur[best]
		to := nextLevel(c.v)
		out = append(out, Raise{Indicator: c.no, From: c.v, To: to, Weight: c.w})
		got += int64(to-c.v) * int64(c.w)
		c.v = to
		left[best]--
	}
	return out
}

// better reports whether the next raise of a goes before the next raise of b.
func better(a, b candidate) bool {
	ga, gb := int64(nextLevel(a.v)-a.v)*int64(a.w), int64(nextLevel(b.v)-b.v)*int64(b.w)
	if ga != gb {
		return ga > gb
	}
	if a.v != b.v {
		return a.v < b.v
	}
	return a.no < b.no
}

// fewestRaises returns how many times to raise each candidate so that the
// raises add at least need with as few raises as possible. It is a
// knapsack over the candidates: best[k] is the largest gain k raises can
// add, trying every count for each candidate in turn. The caller has
// checked that raising every candidate to 5 adds need.
func fewestRaises(cands []candidate, need int64) []int {
	total := 0
	for _, c := range cands {
		total += c.raisesToFive()
	}
	best := make([]int64, total+1)
	for k := range best {
		best[k] = -1
	}
	best[0] = 0
	choice := make([][]int8, len(cands)) // choice[i][k]: raises of candidate i in the best k
	maxK := 0
	for i, c := range cands {
		choice[i] = make([]int8, total+1)
		r5 := c.raisesToFive()
		next := make([]int64, total+1)
		copy(next, best)
		for k := 0; k <= maxK; k++ {
			if best[k] < 0 {
				continue
			}
			for r := 1; r <= r5; r++ {
				if g := best[k] + c.gain(r); g > next[k+r] {
					next[k+r] = g
					choice[i][k+r] = int8(r)
				}
			}
		}
		best = next
		maxK += r5
	}
	k := 0
	for best[k] < need {
		k++
	}
	counts := make([]int, len(cands))
	for i := len(cands) - 1; i >= 0; i-- {
		r := int(choice[i][k])
		counts[i] = r
		k -= r
	}
	return counts
}
