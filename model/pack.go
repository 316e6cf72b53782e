package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// PackFormat is the value of the "format" field of every instrument pack.
const PackFormat = "swanilai.instrument-pack"

// PackFormatVersion is the newest pack format version this build reads.
const PackFormatVersion = 1

// Pack status values.
const (
	StatusOfficial = "official" // taken from and checked against the official text
	StatusDraft    = "draft"    // a transcription or a draft that is not verified
)

// A Pack is an evaluation instrument: domains → aspects → indicators with
// weights (bobot) at every level, the level scales, the predikat bands and
// every text an OPD needs to answer. The instrument is data, never code; see
// docs/instrument-pack.md for the file format.
type Pack struct {
	Format        string   `json:"format"`
	FormatVersion int      `json:"format_version"`
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	ShortTitle    string   `json:"short_title"`
	IndexName     string   `json:"index_name"`
	LegalBasis    []string `json:"legal_basis"`
	Version       string   `json:"version"`
	Status        string   `json:"status"`
	StatusNote    string   `json:"status_note,omitempty"`
	// Years is the span of evaluation years the instrument is meant for; it
	// picks the default instrument of a new workspace.
	Years YearSpan `json:"years"`
	// DecimalValues says that indicator values are decimals from 1,00 to
	// 5,00 with two digits (Indeks Pemdi), not whole levels 1–5 (Indeks
	// SPBE). A pack with decimal values gives every scale level a Range.
	DecimalValues bool     `json:"decimal_values,omitempty"`
	Notes         []string `json:"notes,omitempty"`
	Scales        []Scale  `json:"scales"`
	Predikat      []Band   `json:"predikat"`
	Domains       []Domain `json:"domains"`
	// Crosswalks map older instruments' indicators to this pack's, to offer
	// last year's evidence when a workspace moves to this instrument.
	Crosswalks []Crosswalk `json:"crosswalks,omitempty"`

	hash    string
	byNo    map[int]*Indicator
	scales  map[string]*Scale
	aspects []*Aspect
	order   []int
}

// YearSpan is an inclusive range of years; To is 0 when open-ended.
type YearSpan struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// Contains reports whether year lies in the span.
func (y YearSpan) Contains(year int) bool {
	return year >= y.From && (y.To == 0 || year <= y.To)
}

// A Scale names the five maturity levels an indicator is rated on, e.g. the
// process capability scale Rintisan … Optimum.
type Scale struct {
	ID     string       `json:"id"`
	Name   string       `json:"name"`
	Levels []ScaleLevel `json:"levels"`
}

// ScaleLevel is one level of a Scale with its general criterion.
type ScaleLevel struct {
	Value int    `json:"value"`
	Name  string `json:"name"`
	// Aliases are other names of the level, e.g. "Merintis" and "Initiate"
	// for Kurang.
	Aliases     []string `json:"aliases,omitempty"`
	Description string   `json:"description"`
	// Range is the span of decimal values that stand for this level, e.g.
	// 1,50 < x ≤ 2,50 for Cukup; nil on a scale of whole levels.
	Range *Interval `json:"range,omitempty"`
}

// An Interval is a span of values with explicit edges: x lies in it when
// Min < x < Max, or x equals an edge that is marked inclusive.
type Interval struct {
	Min          Hundredths `json:"min"`
	MinInclusive bool       `json:"min_inclusive"`
	Max          Hundredths `json:"max"`
	MaxInclusive bool       `json:"max_inclusive"`
}

// Contains reports whether the exact value x lies in the interval.
func (iv Interval) Contains(x Ratio) bool {
	lo, hi := x.CmpHundredths(iv.Min), x.CmpHundredths(iv.Max)
	return (lo > 0 || (lo == 0 && iv.MinInclusive)) && (hi < 0 || (hi == 0 && iv.MaxInclusive))
}

// Format writes the interval for people with x standing for the value, e.g.
// Format("SDI") gives "12,50 < SDI ≤ 37,50".
func (iv Interval) Format(x string) string {
	lo, hi := "<", "<"
	if iv.MinInclusive {
		lo = "≤"
	}
	if iv.MaxInclusive {
		hi = "≤"
	}
	return fmt.Sprintf("%s %s %s %s %s", iv.Min.ID(), lo, x, hi, iv.Max.ID())
}

// String formats the interval as "1,50 < x ≤ 2,50".
func (iv Interval) String() string { return iv.Format("x") }

// A Band is one predikat with explicit edges. An index x belongs to the band
// when Min < x < Max, or x equals an edge that is marked inclusive.
type Band struct {
	Name string `json:"name"`
	// Aliases are other names of the predikat, e.g. "Merintis" and
	// "Initiate" for Kurang.
	Aliases      []string   `json:"aliases,omitempty"`
	Min          Hundredths `json:"min"`
	MinInclusive bool       `json:"min_inclusive"`
	Max          Hundredths `json:"max"`
	MaxInclusive bool       `json:"max_inclusive"`
}

// Interval returns the band's edges.
func (b Band) Interval() Interval {
	return Interval{Min: b.Min, MinInclusive: b.MinInclusive, Max: b.Max, MaxInclusive: b.MaxInclusive}
}

// Contains reports whether the exact value x lies in the band.
func (b Band) Contains(x Ratio) bool { return b.Interval().Contains(x) }

// Range formats the band for people, e.g. "3,50 ≤ x < 4,20".
func (b Band) Range() string { return b.Interval().String() }

// A Domain groups aspects; its weight is a share of the whole index.
type Domain struct {
	No      int        `json:"no"`
	Name    string     `json:"name"`
	Weight  Hundredths `json:"weight"`
	Aspects []Aspect   `json:"aspects"`
}

// An Aspect groups indicators; its weight is a share of the whole index.
type Aspect struct {
	No         int         `json:"no"`
	Name       string      `json:"name"`
	Weight     Hundredths  `json:"weight"`
	Indicators []Indicator `json:"indicators"`

	domain *Domain
}

// Domain returns the domain the aspect belongs to.
func (a *Aspect) Domain() *Domain { return a.domain }

// An Indicator is one question of the instrument with its five levels.
type Indicator struct {
	No        int        `json:"no"`
	Name      string     `json:"name"`
	ShortName string     `json:"short_name"`
	Aliases   []string   `json:"aliases,omitempty"`
	Weight    Hundredths `json:"weight"`
	Scale     string     `json:"scale"`
	// SectorService marks the Layanan Publik Sektor indicators, for which the
	// instansi names the sector service it chose.
	SectorService bool `json:"sector_service,omitempty"`
	// Question is the pertanyaan of the questionnaire.
	Question string `json:"question"`
	// Description is the deskripsi of the guideline.
	Description string `json:"description"`
	// AssessmentRule is the ketentuan penilaian.
	AssessmentRule string `json:"assessment_rule"`
	// EvidenceExamples is the contoh bukti dukung.
	EvidenceExamples string `json:"evidence_examples"`
	// Authorities are the instansi pembina of the indicator and Functions
	// the peran fungsi (the units that answer it), as the instrument lists
	// them.
	Authorities []string `json:"authorities,omitempty"`
	Functions   []string `json:"functions,omitempty"`
	// External is set when the indicator's value can be entered as the
	// value of another agency's index; see Pack.ConvertExternal.
	External *External `json:"external,omitempty"`
	Notes    []string  `json:"notes,omitempty"`
	Levels   []Level   `json:"levels"`

	aspect *Aspect
}

// Aspect returns the aspect the indicator belongs to.
func (ind *Indicator) Aspect() *Aspect { return ind.aspect }

// Level returns the level with value v (1–5), or nil.
func (ind *Indicator) Level(v int) *Level {
	for i := range ind.Levels {
		if ind.Levels[i].Level == v {
			return &ind.Levels[i]
		}
	}
	return nil
}

// A Level holds the texts of one maturity level of one indicator.
type Level struct {
	Level int `json:"level"`
	// Criteria is the kriteria as the regulation states it.
	Criteria string `json:"criteria"`
	// GuidelineCriteria is the kriteria as the technical guideline words it
	// (it differs from Criteria for some levels).
	GuidelineCriteria string `json:"guideline_criteria,omitempty"`
	// Fulfilment is the kriteria pemenuhan.
	Fulfilment string `json:"fulfilment,omitempty"`
	// Evidence is the kriteria bukti dukung.
	Evidence string `json:"evidence,omitempty"`
	// EvidenceHints are examples of evidence that are not part of the
	// instrument's text, each with where it comes from.
	EvidenceHints []Hint `json:"evidence_hints,omitempty"`
}

// A Hint is guidance that is not part of the instrument's official text,
// with its source, so that nobody mistakes it for a requirement.
type Hint struct {
	Text   string `json:"text"`
	Source string `json:"source"`
}

// Hash returns the content hash of the pack: the SHA-256, in hex, of its
// canonical encoding (see CanonicalJSON). Two packs with the same hash carry
// the same instrument, byte for byte.
func (p *Pack) Hash() string { return p.hash }

// ShortHash returns the first 12 hex digits of the content hash.
func (p *Pack) ShortHash() string {
	if len(p.hash) < 12 {
		return p.hash
	}
	return p.hash[:12]
}

// CanonicalJSON returns the canonical encoding of the pack: the fields in the
// order of the format, no insignificant white space, no HTML escaping,
// decimals with exactly two digits after the point.
func (p *Pack) CanonicalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return nil, fmt.Errorf("model: cannot encode pack %s: %w", p.ID, err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// IndentedJSON returns the pack as indented JSON, for people to read.
func (p *Pack) IndentedJSON() ([]byte, error) {
	c, err := p.CanonicalJSON()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, c, "", "  "); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// Indicator returns the indicator with number no, or nil.
func (p *Pack) Indicator(no int) *Indicator { return p.byNo[no] }

// IndicatorNumbers returns every indicator number in instrument order.
func (p *Pack) IndicatorNumbers() []int { return p.order }

// Aspects returns every aspect in instrument order.
func (p *Pack) Aspects() []*Aspect { return p.aspects }

// ScaleOf returns the scale of an indicator.
func (p *Pack) ScaleOf(ind *Indicator) *Scale { return p.scales[ind.Scale] }

// LevelName returns the name of level v on the indicator's scale, e.g.
// "Terdefinisi" for level 3 of a process indicator.
func (p *Pack) LevelName(ind *Indicator, v int) string {
	s := p.scales[ind.Scale]
	if s == nil || v < 1 || v > len(s.Levels) {
		return ""
	}
	return s.Levels[v-1].Name
}

// LevelOf returns the level (1–5) that the value v of ind stands for: on a
// scale with ranges the level whose range holds v (2,50 is Cukup, level 2,
// and 3,75 is Sangat Baik, level 4, in Indeks Pemdi), otherwise the whole
// part of v. It returns 0 for Unanswered.
func (p *Pack) LevelOf(ind *Indicator, v Hundredths) int {
	if v == Unanswered {
		return 0
	}
	if s := p.scales[ind.Scale]; s != nil && len(s.Levels) > 0 && s.Levels[0].Range != nil {
		x := RatioOf(v)
		for _, l := range s.Levels {
			if l.Range.Contains(x) {
				return l.Value
			}
		}
		return 0
	}
	return int(v / 100)
}

// HasDomains reports whether the pack groups its aspects in more than one
// domain. Indeks Pemdi has aspects only; its pack holds them in a single
// domain that carries the whole weight, which is no level worth showing.
func (p *Pack) HasDomains() bool { return len(p.Domains) > 1 }

// BandOf returns the predikat band the exact value x falls in.
func (p *Pack) BandOf(x Ratio) (Band, bool) {
	for _, b := range p.Predikat {
		if b.Contains(x) {
			return b, true
		}
	}
	return Band{}, false
}

// PredikatOf returns the name of the predikat for the exact value x.
func (p *Pack) PredikatOf(x Ratio) string {
	b, _ := p.BandOf(x)
	return b.Name
}

// TotalWeight returns the sum of the domain weights (100,00 for a valid pack).
func (p *Pack) TotalWeight() Hundredths {
	var t Hundredths
	for _, d := range p.Domains {
		t += d.Weight
	}
	return t
}

// Label returns the pack's title with its status note when it is not an
// official text, so that every place that names the pack also warns.
func (p *Pack) Label() string {
	if p.Status == StatusOfficial || p.StatusNote == "" {
		return p.Title
	}
	return p.Title + " (" + p.StatusNote + ")"
}

// ParsePack reads, checks and indexes an instrument pack. Unknown fields are
// refused; see Validate for what else is refused.
func ParsePack(r io.Reader) (*Pack, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var p Pack
	if err := dec.Decode(&p); err != nil {
		return nil, packDecodeError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &PackError{Place: "file", Err: ErrPackSyntax, Detail: "data after the pack object"}
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

// ParsePackBytes is ParsePack over a byte slice.
func ParsePackBytes(b []byte) (*Pack, error) { return ParsePack(bytes.NewReader(b)) }

func packDecodeError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return &PackError{Place: fmt.Sprintf("byte %d", se.Offset), Err: ErrPackSyntax, Detail: se.Error()}
	case errors.As(err, &te):
		return &PackError{Place: te.Field, Err: ErrPackSyntax, Detail: fmt.Sprintf("%s is not a %s", te.Value, te.Type)}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return &PackError{Place: "file", Err: ErrUnknownField, Detail: strings.TrimPrefix(err.Error(), "json: ")}
	case errors.Is(err, ErrDecimal):
		return &PackError{Place: "file", Err: ErrPackSyntax, Detail: err.Error()}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &PackError{Place: "file", Err: ErrPackSyntax, Detail: "the file is empty or cut short"}
	}
	return &PackError{Place: "file", Err: ErrPackSyntax, Detail: err.Error()}
}

// Validate checks the whole pack and builds its indexes and content hash.
// It refuses, each with its own sentinel inside a *PackError that names the
// place: a wrong format or version, weights that do not add up at any level,
// an indicator without exactly five levels, empty criteria, duplicate
// numbers, predikat bands with a gap or an overlap over [1, 5], an unknown
// scale, level ranges or external index bands that do not tile their span,
// and crosswalk links to indicators the pack lacks.
func (p *Pack) Validate() error {
	if p.Format != PackFormat {
		return &PackError{Place: "format", Err: ErrPackFormat, Detail: fmt.Sprintf("%q is not %q", p.Format, PackFormat)}
	}
	if p.FormatVersion < 1 || p.FormatVersion > PackFormatVersion {
		return &PackError{Place: "format_version", Err: ErrPackVersion, Detail: fmt.Sprintf("version %d, this build reads up to %d", p.FormatVersion, PackFormatVersion)}
	}
	for _, f := range []struct{ name, v string }{{"id", p.ID}, {"title", p.Title}, {"index_name", p.IndexName}, {"version", p.Version}} {
		if strings.TrimSpace(f.v) == "" {
			return &PackError{Place: f.name, Err: ErrEmptyText}
		}
	}
	if p.Status != StatusOfficial && p.Status != StatusDraft {
		return &PackError{Place: "status", Err: ErrPackStatus, Detail: fmt.Sprintf("%q is neither %q nor %q", p.Status, StatusOfficial, StatusDraft)}
	}
	if len(p.LegalBasis) == 0 {
		return &PackError{Place: "legal_basis", Err: ErrEmptyText}
	}
	if err := p.validateScales(); err != nil {
		return err
	}
	if err := validateBands(p.Predikat); err != nil {
		return err
	}
	if err := p.validateTree(); err != nil {
		return err
	}
	if err := p.validateCrosswalks(); err != nil {
		return err
	}
	c, err := p.CanonicalJSON()
	if err != nil {
		return err
	}
	sum := sha256.Sum256(c)
	p.hash = hex.EncodeToString(sum[:])
	return nil
}

func (p *Pack) validateScales() error {
	p.scales = make(map[string]*Scale, len(p.Scales))
	if len(p.Scales) == 0 {
		return &PackError{Place: "scales", Err: ErrUnknownScale, Detail: "the pack defines no scale"}
	}
	for i := range p.Scales {
		s := &p.Scales[i]
		place := fmt.Sprintf("scale %q", s.ID)
		if s.ID == "" || s.Name == "" {
			return &PackError{Place: fmt.Sprintf("scale %d", i+1), Err: ErrEmptyText}
		}
		if p.scales[s.ID] != nil {
			return &PackError{Place: place, Err: ErrDuplicateNumber, Detail: "scale defined twice"}
		}
		if len(s.Levels) != 5 {
			return &PackError{Place: place, Err: ErrLevelCount, Detail: fmt.Sprintf("%d levels", len(s.Levels))}
		}
		for j, l := range s.Levels {
			if l.Value != j+1 {
				return &PackError{Place: fmt.Sprintf("%s level %d", place, j+1), Err: ErrLevelCount, Detail: fmt.Sprintf("level numbered %d", l.Value)}
			}
			if strings.TrimSpace(l.Name) == "" {
				return &PackError{Place: fmt.Sprintf("%s level %d", place, j+1), Err: ErrEmptyText, Detail: "no name"}
			}
		}
		if err := p.validateRanges(s, place); err != nil {
			return err
		}
		p.scales[s.ID] = s
	}
	return nil
}

// validateRanges checks the level ranges of a scale: all or none, none
// unless the pack has decimal values, every one with decimal values, and
// when present they cover [1, 5] in level order and each holds its own
// whole level, so that level 3 entered as 3,00 stays level 3.
func (p *Pack) validateRanges(s *Scale, place string) error {
	var spans []span
	for _, l := range s.Levels {
		if l.Range == nil {
			continue
		}
		lplace := fmt.Sprintf("%s level %d", place, l.Value)
		if !p.DecimalValues {
			return &PackError{Place: lplace, Err: ErrLevelRanges, Detail: "a range on a scale of whole levels; set decimal_values"}
		}
		if !l.Range.Contains(NewRatio(int64(l.Value), 1)) {
			return &PackError{Place: lplace, Err: ErrLevelRanges, Detail: fmt.Sprintf("range %s does not hold the level itself", l.Range)}
		}
		spans = append(spans, span{label: fmt.Sprintf("level %d", l.Value), iv: *l.Range})
	}
	switch {
	case len(spans) == 0 && p.DecimalValues:
		return &PackError{Place: place, Err: ErrLevelRanges, Detail: "decimal values need a range for every level"}
	case len(spans) == 0:
		return nil
	case len(spans) != len(s.Levels):
		return &PackError{Place: place, Err: ErrLevelRanges, Detail: "some levels have a range and some do not"}
	}
	return checkTiling(place, spans, 100, 500)
}

// validateBands checks that the predikat bands, sorted by their lower edge,
// cover [1, 5] with neither a gap nor an overlap.
func validateBands(bands []Band) error {
	if len(bands) == 0 {
		return &PackError{Place: "predikat", Err: ErrBandGap, Detail: "no predikat bands"}
	}
	sorted := make([]Band, len(bands))
	copy(sorted, bands)
	for i := 1; i < len(sorted); i++ { // insertion sort: five bands
		for j := i; j > 0 && sorted[j].Min < sorted[j-1].Min; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	names := map[string]bool{}
	spans := make([]span, 0, len(sorted))
	for _, b := range sorted {
		if strings.TrimSpace(b.Name) == "" {
			return &PackError{Place: "predikat", Err: ErrEmptyText, Detail: "a band without a name"}
		}
		if names[b.Name] {
			return &PackError{Place: fmt.Sprintf("predikat %q", b.Name), Err: ErrDuplicateNumber, Detail: "band named twice"}
		}
		names[b.Name] = true
		spans = append(spans, span{label: strconv.Quote(b.Name), iv: b.Interval()})
	}
	return checkTiling("predikat", spans, 100, 500)
}

// A span is one labelled interval of a tiling: a predikat band, the range
// of a scale level, or a band of an external index.
type span struct {
	label string
	iv    Interval
}

// checkTiling checks that spans, in their order, cover [lo, hi] with
// neither a gap nor an overlap, edges included. Errors name the place as
// prefix followed by the labels of the spans at fault.
func checkTiling(prefix string, spans []span, lo, hi Hundredths) error {
	for _, s := range spans {
		iv := s.iv
		if iv.Max < iv.Min || (iv.Max == iv.Min && !(iv.MinInclusive && iv.MaxInclusive)) {
			return &PackError{Place: prefix + " " + s.label, Err: ErrBandOverlap, Detail: fmt.Sprintf("empty or reversed band %s", iv)}
		}
	}
	first, last := spans[0], spans[len(spans)-1]
	if first.iv.Min > lo || (first.iv.Min == lo && !first.iv.MinInclusive) {
		return &PackError{Place: prefix + " " + first.label, Err: ErrBandGap, Detail: fmt.Sprintf("%s is not covered (band %s)", lo.ID(), first.iv)}
	}
	if last.iv.Max < hi || (last.iv.Max == hi && !last.iv.MaxInclusive) {
		return &PackError{Place: prefix + " " + last.label, Err: ErrBandGap, Detail: fmt.Sprintf("%s is not covered (band %s)", hi.ID(), last.iv)}
	}
	for i := 1; i < len(spans); i++ {
		a, b := spans[i-1].iv, spans[i].iv
		place := prefix + " " + spans[i-1].label + " and " + spans[i].label
		switch {
		case a.Max < b.Min || (a.Max == b.Min && !a.MaxInclusive && !b.MinInclusive):
			return &PackError{Place: place, Err: ErrBandGap, Detail: fmt.Sprintf("nothing covers the values between %s and %s", a.Max.ID(), b.Min.ID())}
		case a.Max > b.Min || (a.Max == b.Min && a.MaxInclusive && b.MinInclusive):
			return &PackError{Place: place, Err: ErrBandOverlap, Detail: fmt.Sprintf("%s belongs to both", b.Min.ID())}
		}
	}
	return nil
}

func (p *Pack) validateTree() error {
	p.byNo = map[int]*Indicator{}
	p.aspects = nil
	p.order = nil
	if len(p.Domains) == 0 {
		return &PackError{Place: "domains", Err: ErrWeightSum, Detail: "the pack has no domain"}
	}
	domainNos, aspectNos := map[int]bool{}, map[int]bool{}
	var total Hundredths
	for di := range p.Domains {
		d := &p.Domains[di]
		dplace := fmt.Sprintf("domain %d", d.No)
		if domainNos[d.No] {
			return &PackError{Place: dplace, Err: ErrDuplicateNumber}
		}
		domainNos[d.No] = true
		if strings.TrimSpace(d.Name) == "" {
			return &PackError{Place: dplace, Err: ErrEmptyText, Detail: "no name"}
		}
		if len(d.Aspects) == 0 {
			return &PackError{Place: dplace, Err: ErrWeightSum, Detail: "no aspect"}
		}
		var dsum Hundredths
		for ai := range d.Aspects {
			a := &d.Aspects[ai]
			a.domain = d
			aplace := fmt.Sprintf("aspect %d", a.No)
			if aspectNos[a.No] {
				return &PackError{Place: aplace, Err: ErrDuplicateNumber}
			}
			aspectNos[a.No] = true
			if strings.TrimSpace(a.Name) == "" {
				return &PackError{Place: aplace, Err: ErrEmptyText, Detail: "no name"}
			}
			if len(a.Indicators) == 0 {
				return &PackError{Place: aplace, Err: ErrWeightSum, Detail: "no indicator"}
			}
			var asum Hundredths
			for ii := range a.Indicators {
				ind := &a.Indicators[ii]
				ind.aspect = a
				if err := p.validateIndicator(ind); err != nil {
					return err
				}
				asum += ind.Weight
				p.byNo[ind.No] = ind
				p.order = append(p.order, ind.No)
			}
			if asum != a.Weight {
				return &PackError{Place: aplace, Err: ErrWeightSum, Detail: fmt.Sprintf("indicator weights add up to %s, the aspect weighs %s", asum.ID(), a.Weight.ID())}
			}
			dsum += a.Weight
			p.aspects = append(p.aspects, a)
		}
		if dsum != d.Weight {
			return &PackError{Place: dplace, Err: ErrWeightSum, Detail: fmt.Sprintf("aspect weights add up to %s, the domain weighs %s", dsum.ID(), d.Weight.ID())}
		}
		total += d.Weight
	}
	if total != 10000 {
		return &PackError{Place: "domains", Err: ErrWeightSum, Detail: fmt.Sprintf("domain weights add up to %s, not 100,00", total.ID())}
	}
	return nil
}

func (p *Pack) validateIndicator(ind *Indicator) error {
	place := fmt.Sprintf("indicator %d", ind.No)
	if ind.No <= 0 {
		return &PackError{Place: place, Err: ErrDuplicateNumber, Detail: "indicator numbers start at 1"}
	}
	if p.byNo[ind.No] != nil {
		return &PackError{Place: place, Err: ErrDuplicateNumber}
	}
	if ind.Weight <= 0 {
		return &PackError{Place: place, Err: ErrWeightSum, Detail: "weight must be above 0"}
	}
	if p.scales[ind.Scale] == nil {
		return &PackError{Place: place, Err: ErrUnknownScale, Detail: fmt.Sprintf("scale %q", ind.Scale)}
	}
	for _, f := range []struct{ name, v string }{{"name", ind.Name}, {"short_name", ind.ShortName}, {"question", ind.Question}} {
		if strings.TrimSpace(f.v) == "" {
			return &PackError{Place: place, Err: ErrEmptyText, Detail: "no " + f.name}
		}
	}
	if len(ind.Levels) != 5 {
		return &PackError{Place: place, Err: ErrLevelCount, Detail: fmt.Sprintf("%d levels", len(ind.Levels))}
	}
	for i, l := range ind.Levels {
		lplace := fmt.Sprintf("%s level %d", place, i+1)
		if l.Level != i+1 {
			return &PackError{Place: lplace, Err: ErrLevelCount, Detail: fmt.Sprintf("level numbered %d, levels must run 1 to 5 in order", l.Level)}
		}
		if strings.TrimSpace(l.Criteria) == "" {
			return &PackError{Place: lplace, Err: ErrEmptyCriteria}
		}
		for _, h := range l.EvidenceHints {
			if strings.TrimSpace(h.Text) == "" || strings.TrimSpace(h.Source) == "" {
				return &PackError{Place: lplace, Err: ErrEmptyText, Detail: "an evidence hint needs its text and its source"}
			}
		}
	}
	if ind.External != nil {
		return p.validateExternal(ind)
	}
	return nil
}
