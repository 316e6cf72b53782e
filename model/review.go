package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Verdict is the coordinator's decision on one OPD answer.
type Verdict string

// The verdicts of a review.
const (
	// VerdictAccepted: the answer stands as the OPD gave it.
	VerdictAccepted Verdict = "diterima"
	// VerdictAdjusted: the coordinator sets another level, and says which
	// criterion is not met.
	VerdictAdjusted Verdict = "disesuaikan"
	// VerdictRevise: the OPD must revise the answer and send it again.
	VerdictRevise Verdict = "perlu-revisi"
)

// In names the verdict in language l, from the catalogue ("verdict." and
// the verdict), as the OPD's tree shows it. A verdict the catalogue lacks
// comes back as itself.
func (v Verdict) In(l Lang) string { return catalogueName(l, "verdict.", string(v)) }

// Text is v.In(ID): a wrapper over the catalogue, kept for its callers.
func (v Verdict) Text() string { return v.In(ID) }

// TextEN is v.In(EN): a wrapper over the catalogue, kept for its callers.
func (v Verdict) TextEN() string { return v.In(EN) }

// Decision is the coordinator's review of one indicator of one OPD's
// submission. Its note follows the assessor's pattern (Pedoman 3/2024
// Bab III.B): FAKTA, ANALISIS and JUSTIFIKASI HASIL.
type Decision struct {
	Indicator int
	Verdict   Verdict
	// Level is the level the coordinator sets (VerdictAdjusted).
	Level Hundredths
	// Fakta, Analisis and Justifikasi are the assessor's note.
	Fakta, Analisis, Justifikasi string
	// MissingEvidence names the evidence the OPD still has to attach
	// (VerdictRevise), when the coordinator says.
	MissingEvidence string
	// Revision is the OPD's revision the decision was made on.
	Revision int
	By       string
	At       time.Time
}

// Errors of review decisions.
var (
	// ErrVerdict reports an unknown verdict.
	ErrVerdict = NewCode("err.verdict")
	// ErrNoteRequired reports an adjusted level or a revision request
	// without the note that says why.
	ErrNoteRequired = NewCode("err.note_required")
)

// Check checks d against the instrument: a known verdict, a valid level
// for an adjustment, and a note for an adjustment or a revision request.
func (d Decision) Check(p *Pack) error {
	switch d.Verdict {
	case VerdictAccepted:
	case VerdictAdjusted:
		if d.Level == Unanswered {
			return fmt.Errorf("indikator %d: %w", d.Indicator, Errorf(ErrLevelRange, "err.level_range.adjusted"))
		}
		if err := p.CheckValue(d.Indicator, d.Level); err != nil {
			return err
		}
		if strings.TrimSpace(d.Analisis+d.Justifikasi) == "" {
			return fmt.Errorf("indikator %d: %w", d.Indicator, ErrNoteRequired)
		}
	case VerdictRevise:
		if strings.TrimSpace(d.Fakta+d.Analisis+d.Justifikasi+d.MissingEvidence) == "" {
			return fmt.Errorf("indikator %d: %w", d.Indicator, ErrNoteRequired)
		}
	default:
		return fmt.Errorf("indikator %d: %w: %q", d.Indicator, ErrVerdict, d.Verdict)
	}
	if p.Indicator(d.Indicator) == nil {
		return fmt.Errorf("indikator %d: %w", d.Indicator, ErrUnknownIndicator)
	}
	return nil
}

// IndicatorChange is what changed in one indicator between two revisions
// of a submission.
type IndicatorChange struct {
	Indicator int
	// From and To are the values before and after; equal when the level
	// did not change.
	From, To Hundredths
	// Fakta, Analisis and Sector are word diffs; nil when unchanged.
	Fakta, Analisis, Sector []DiffSegment
	// Added and Removed are the evidence links added and removed (the
	// same file with changed details counts as neither).
	Added, Removed []Evidence
}

// LevelChanged reports whether the value changed.
func (c IndicatorChange) LevelChanged() bool { return c.From != c.To }

// Compare lists, per indicator in instrument order, what changed from the
// assessment before to the one after: the level, the texts of the
// penjelasan (as word diffs) and the evidence added and removed.
// Indicators that did not change are left out.
func Compare(p *Pack, before, after *Assessment) []IndicatorChange {
	var out []IndicatorChange
	for _, no := range p.IndicatorNumbers() {
		a, b := before.Answers[no], after.Answers[no]
		c := IndicatorChange{Indicator: no, From: a.Value, To: b.Value}
		if a.Fakta != b.Fakta {
			c.Fakta = WordDiff(a.Fakta, b.Fakta)
		}
		if a.Analisis != b.Analisis {
			c.Analisis = WordDiff(a.Analisis, b.Analisis)
		}
		if a.Sector != b.Sector {
			c.Sector = WordDiff(a.Sector, b.Sector)
		}
		c.Added, c.Removed = evidenceDelta(before.EvidenceFor(no), after.EvidenceFor(no))
		if c.LevelChanged() || c.Fakta != nil || c.Analisis != nil || c.Sector != nil || len(c.Added) > 0 || len(c.Removed) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// evidenceDelta returns the links of after whose file before lacks, and
// the links of before whose file after lacks.
func evidenceDelta(before, after []Evidence) (added, removed []Evidence) {
	in := func(list []Evidence, sha string) bool {
		for _, e := range list {
			if e.SHA256 == sha {
				return true
			}
		}
		return false
	}
	for _, e := range after {
		if !in(before, e.SHA256) {
			added = append(added, e)
		}
	}
	for _, e := range before {
		if !in(after, e.SHA256) {
			removed = append(removed, e)
		}
	}
	sort.SliceStable(added, func(i, j int) bool { return added[i].Name < added[j].Name })
	sort.SliceStable(removed, func(i, j int) bool { return removed[i].Name < removed[j].Name })
	return added, removed
}

// Review is the coordinator's review of one revision of one OPD's
// submission: a decision per reviewed indicator. The review bundle carries
// it to the OPD, signed by the coordinator's key.
type Review struct {
	// Code and Unit name the OPD; Instansi and Year the coordinator's.
	Code, Unit string
	Instansi   string
	Year       int
	// Revision is the OPD's revision the decisions were made on.
	Revision  int
	Decisions []Decision
	// Sent is when the coordinator made the review bundle; By who.
	Sent time.Time
	By   string
}

// Decision returns the decision on indicator no, and whether there is one.
func (r *Review) Decision(no int) (Decision, bool) {
	if r == nil {
		return Decision{}, false
	}
	for _, d := range r.Decisions {
		if d.Indicator == no {
			return d, true
		}
	}
	return Decision{}, false
}

// Open returns the decisions that still ask the OPD for something: a
// revision requested on an indicator the OPD has not changed since the
// review. changedSince reports whether indicator no changed after the
// reviewed revision (nil: nothing changed).
func (r *Review) Open(changedSince func(no int) bool) []Decision {
	if r == nil {
		return nil
	}
	var out []Decision
	for _, d := range r.Decisions {
		if d.Verdict == VerdictRevise && (changedSince == nil || !changedSince(d.Indicator)) {
			out = append(out, d)
		}
	}
	return out
}

// Stale reports whether the review is for an older revision than the
// OPD's latest export: the OPD sent revision latest after the one
// reviewed.
func (r *Review) Stale(latest int) bool { return r != nil && r.Revision < latest }

// Carried returns the decisions that still stand for the next revision:
// those on indicators that did not change since the reviewed revision. An
// accepted answer that is sent again unchanged stays accepted; a changed
// one is reviewed afresh.
func Carried(decisions []Decision, changes []IndicatorChange) []Decision {
	changed := map[int]bool{}
	for _, c := range changes {
		changed[c.Indicator] = true
	}
	var out []Decision
	for _, d := range decisions {
		if !changed[d.Indicator] {
			out = append(out, d)
		}
	}
	return out
}
