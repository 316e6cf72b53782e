package model

import "sort"

// Contribution is one OPD's answer to an indicator the Pemda answers once.
type Contribution struct {
	// OPD names the contributing OPD (its code or its name).
	OPD    string
	Answer Answer
}

// Spread is what the OPDs answered for one indicator of the Pemda.
type Spread struct {
	Indicator     int
	Contributions []Contribution
}

// Decided reports whether the spread decides the Pemda's level by itself:
// exactly one OPD answered. With several, the coordinator decides.
func (s Spread) Decided() bool { return len(s.Contributions) == 1 }

// Spreads collects, per indicator, the answers of the OPDs, ordered by
// indicator and then as opds are given. Unanswered indicators of an OPD
// do not contribute.
func Spreads(p *Pack, opds map[string]*Assessment) []Spread {
	names := make([]string, 0, len(opds))
	for n := range opds {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []Spread
	for _, no := range p.IndicatorNumbers() {
		s := Spread{Indicator: no}
		for _, n := range names {
			if ans, ok := opds[n].Answers[no]; ok && ans.Value != Unanswered {
				s.Contributions = append(s.Contributions, Contribution{OPD: n, Answer: ans})
			}
		}
		if len(s.Contributions) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// DefaultConsolidation is the Pemda's answer set before the coordinator
// decides anything: an indicator answered by exactly one OPD takes that
// OPD's answer; one answered by several stays undecided, because only the
// coordinator can weigh differing answers.
func DefaultConsolidation(p *Pack, opds map[string]*Assessment) map[int]Answer {
	out := map[int]Answer{}
	for _, s := range Spreads(p, opds) {
		if s.Decided() {
			out[s.Indicator] = s.Contributions[0].Answer
		}
	}
	return out
}
