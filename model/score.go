package model

import "fmt"

// Unanswered is the value of an indicator that has no answer. It never
// counts as level 0 or 1: scores skip it and report coverage instead.
const Unanswered Hundredths = 0

// Values holds indicator values by indicator number: 100 … 500 for levels
// 1 … 5 (and the decimals between them when the pack allows decimal
// values), Unanswered (or absent) for no answer.
type Values map[int]Hundredths

// Coverage says how much of the instrument an answer set covers.
type Coverage struct {
	Answered, Total     int
	Weight, TotalWeight Hundredths
}

// WeightPercent returns the answered share of the total weight, in percent.
func (c Coverage) WeightPercent() Ratio {
	if c.TotalWeight == 0 {
		return Ratio{}
	}
	return NewRatio(int64(c.Weight)*100, int64(c.TotalWeight))
}

// Part is the score of one domain or aspect.
type Part struct {
	No     int
	Name   string
	Weight Hundredths
	// Index is the part's index over its answered indicators; it is
	// meaningful only when Coverage.Answered > 0.
	Index    Ratio
	Coverage Coverage
}

// HasIndex reports whether any indicator of the part is answered.
func (p Part) HasIndex() bool { return p.Coverage.Answered > 0 }

// Score is the exact result of an answer set against an instrument.
//
// The index of a part (aspect, domain, whole) is Σ(NI·BI) / Σ BI over the
// part's answered indicators. With every indicator answered this is exactly
// the regulation's nested formula (Indeks Aspek = Σ(NI·BI)/BA, Indeks Domain
// = Σ(NA·BA)/BD, Indeks = Σ(ND·BD)/100), because each weight is the sum of
// the weights below it. With a partial answer set it is the index over the
// answered weight, reported together with the coverage.
type Score struct {
	Pack     *Pack
	Index    Ratio
	Predikat string
	Coverage Coverage
	Domains  []Part
	Aspects  []Part
}

// HasIndex reports whether at least one indicator is answered.
func (s *Score) HasIndex() bool { return s.Coverage.Answered > 0 }

// acc accumulates Σ(NI·BI) and Σ BI in exact integers (units of 1/10000).
type acc struct {
	sum      int64
	coverage Coverage
}

func (a *acc) add(w, v Hundredths) {
	a.coverage.Total++
	a.coverage.TotalWeight += w
	if v == Unanswered {
		return
	}
	a.coverage.Answered++
	a.coverage.Weight += w
	a.sum += int64(v) * int64(w)
}

func (a *acc) index() Ratio {
	if a.coverage.Weight == 0 {
		return Ratio{}
	}
	return NewRatio(a.sum, 100*int64(a.coverage.Weight))
}

// CheckValue reports whether v is an acceptable value for indicator no:
// Unanswered, or 1,00 to 5,00 — whole levels only, unless the pack has
// decimal values.
func (p *Pack) CheckValue(no int, v Hundredths) error {
	if p.Indicator(no) == nil {
		return fmt.Errorf("indikator %d: %w", no, ErrUnknownIndicator)
	}
	if v == Unanswered {
		return nil
	}
	if v < 100 || v > 500 {
		return fmt.Errorf("indikator %d: %w: %s", no, ErrLevelRange, v.ID())
	}
	if !v.Whole() && !p.DecimalValues {
		return fmt.Errorf("indikator %d: %w: %s", no, ErrNotWholeLevel, v.ID())
	}
	return nil
}

// Score computes the exact index, predikat and coverage of vals. Values for
// unknown indicators or out of range are an error; see CheckValue.
func (p *Pack) Score(vals Values) (*Score, error) {
	for no, v := range vals {
		if err := p.CheckValue(no, v); err != nil {
			return nil, err
		}
	}
	s := &Score{Pack: p, Domains: make([]Part, 0, len(p.Domains)), Aspects: make([]Part, 0, len(p.aspects))}
	var total acc
	for di := range p.Domains {
		d := &p.Domains[di]
		var dacc acc
		for ai := range d.Aspects {
			a := &d.Aspects[ai]
			var aacc acc
			for ii := range a.Indicators {
				ind := &a.Indicators[ii]
				v := vals[ind.No]
				aacc.add(ind.Weight, v)
				dacc.add(ind.Weight, v)
				total.add(ind.Weight, v)
			}
			s.Aspects = append(s.Aspects, Part{No: a.No, Name: a.Name, Weight: a.Weight, Index: aacc.index(), Coverage: aacc.coverage})
		}
		s.Domains = append(s.Domains, Part{No: d.No, Name: d.Name, Weight: d.Weight, Index: dacc.index(), Coverage: dacc.coverage})
	}
	s.Index = total.index()
	s.Coverage = total.coverage
	if s.HasIndex() {
		s.Predikat = p.PredikatOf(s.Index)
	}
	return s, nil
}

// Term is one weighted value of a weighted mean.
type Term struct {
	Value  Hundredths
	Weight Hundredths
}

// WeightedIndex returns Σ(value·weight) / Σ weight exactly. It is the
// regulation's formula at any one level, e.g. Indeks SPBE from the four
// domain indices and domain weights (the official example 3,70 / 3,40 /
// 3,00 / 3,20 with 13 / 25 / 16,5 / 45,5 gives 3,282, shown as 3,28).
func WeightedIndex(terms []Term) Ratio {
	var a acc
	for _, t := range terms {
		a.add(t.Weight, t.Value)
	}
	return a.index()
}
