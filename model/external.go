package model

import (
	"fmt"
	"strings"
)

// External says that an indicator's value can be entered as the value of
// another agency's index, e.g. the Indeks Satu Data Indonesia (SDI, 0–100)
// from Bappenas for Indeks Pemdi indicator 5, and how that value becomes an
// indicator value: the band that holds it gives the level, and the value is
// placed linearly within that level's range (see Pack.ConvertExternal).
// Entering the index is always optional: the indicator can still be rated
// directly.
type External struct {
	// Index names the index, e.g. "Indeks Satu Data Indonesia (SDI)", and
	// Short is the abbreviation used in the bands, e.g. "SDI".
	Index string `json:"index"`
	Short string `json:"short"`
	// Agency is the instansi that publishes the index.
	Agency string `json:"agency"`
	// Min and Max bound the index's own scale, e.g. 0 and 100 for SDI.
	Min Hundredths `json:"min"`
	Max Hundredths `json:"max"`
	// Official reports whether the instrument's own text states the bands;
	// false marks a mapping the pack's authors chose, explained in Basis.
	Official bool `json:"official"`
	// Basis says where the bands and the conversion come from.
	Basis string `json:"basis"`
	// Bands map the index's scale to the levels 1 to 5, in order.
	Bands []ExternalBand `json:"bands"`
}

// ExternalBand is the part of an external index's scale that stands for one
// level.
type ExternalBand struct {
	Level int `json:"level"`
	Interval
	// Literal is the band as the instrument prints it, e.g. "12,5 < SDI ≤
	// 37,5", kept to show where a band had to be closed.
	Literal string `json:"literal,omitempty"`
}

// ExternalValue is the value of an external index that an answer was
// converted from, e.g. SDI 68,75 from Bappenas's evaluation, with where it
// comes from and how long it counts.
type ExternalValue struct {
	// Value is on the index's own scale (SDI: 0–100).
	Value Hundredths
	// Source names the result, e.g. "Hasil Evaluasi SDI 2025, Bappenas".
	Source string
	// Date is the date of the result and ValidUntil the last day it counts;
	// zero when not given.
	Date       Date
	ValidUntil Date
}

// Expired reports whether the value stopped counting before today.
func (e ExternalValue) Expired(today Date) bool {
	return !e.ValidUntil.IsZero() && e.ValidUntil.Before(today)
}

// BandFor returns the band of the external index that holds x, or false
// when x lies outside the index's scale.
func (e *External) BandFor(x Hundredths) (ExternalBand, bool) {
	if x < e.Min || x > e.Max {
		return ExternalBand{}, false
	}
	r := RatioOf(x)
	for _, b := range e.Bands {
		if b.Contains(r) {
			return b, true
		}
	}
	return ExternalBand{}, false
}

// ConvertExternal returns the value of indicator no for the external index
// value x. The band that holds x gives the level; x is then placed linearly
// within that level's range (SDI 25, in the band 12,5 < SDI ≤ 37,5, becomes
// 2,00 in 1,50 < x ≤ 2,50; SDI 68,75 becomes 3,75), rounded half-up to two
// decimals, and kept inside the level's range: a value that would round onto
// an excluded edge moves 0,01 inside, so that the value always stands for the
// level its band names.
func (p *Pack) ConvertExternal(no int, x Hundredths) (Hundredths, error) {
	ind := p.Indicator(no)
	if ind == nil {
		return 0, fmt.Errorf("indikator %d: %w", no, ErrUnknownIndicator)
	}
	e := ind.External
	if e == nil {
		return 0, fmt.Errorf("indikator %d: %w", no, ErrNotExternal)
	}
	b, ok := e.BandFor(x)
	if !ok {
		return 0, fmt.Errorf("indikator %d: %w: %s %s (skala %s–%s)", no, ErrExternalRange, e.Short, x.ID(), e.Min.ID(), e.Max.ID())
	}
	to := p.scales[ind.Scale].Levels[b.Level-1].Range
	// v = lo + (x − a)·(hi − lo)/(b − a), all in hundredths.
	width := int64(b.Max - b.Min)
	num := int64(to.Min)*width + int64(x-b.Min)*int64(to.Max-to.Min)
	v := NewRatio(num, width*100).Round()
	if v <= to.Min && !to.MinInclusive {
		v = to.Min + 1
	}
	if v >= to.Max && !to.MaxInclusive {
		v = to.Max - 1
	}
	return v, nil
}

// validateExternal checks an indicator's external index: a pack with
// decimal values, its texts, five bands for levels 1 to 5 in order that
// cover the index's scale, each wide enough to interpolate in.
func (p *Pack) validateExternal(ind *Indicator) error {
	e := ind.External
	place := fmt.Sprintf("indicator %d external", ind.No)
	if !p.DecimalValues {
		return &PackError{Place: place, Err: ErrExternalIndex, Detail: "external index values need a pack with decimal_values"}
	}
	for _, f := range []struct{ name, v string }{{"index", e.Index}, {"short", e.Short}, {"agency", e.Agency}, {"basis", e.Basis}} {
		if strings.TrimSpace(f.v) == "" {
			return &PackError{Place: place, Err: ErrEmptyText, Detail: "no " + f.name}
		}
	}
	if e.Max <= e.Min {
		return &PackError{Place: place, Err: ErrExternalIndex, Detail: fmt.Sprintf("scale %s–%s", e.Min.ID(), e.Max.ID())}
	}
	if len(e.Bands) != 5 {
		return &PackError{Place: place, Err: ErrLevelCount, Detail: fmt.Sprintf("%d bands", len(e.Bands))}
	}
	spans := make([]span, 0, len(e.Bands))
	for i, b := range e.Bands {
		label := fmt.Sprintf("level %d", i+1)
		if b.Level != i+1 {
			return &PackError{Place: place + " " + label, Err: ErrLevelCount, Detail: fmt.Sprintf("band for level %d, bands must run 1 to 5 in order", b.Level)}
		}
		if b.Max <= b.Min {
			return &PackError{Place: place + " " + label, Err: ErrExternalIndex, Detail: fmt.Sprintf("band %s has no width to convert in", b.Format(e.Short))}
		}
		spans = append(spans, span{label: label, iv: b.Interval})
	}
	return checkTiling(place, spans, e.Min, e.Max)
}
