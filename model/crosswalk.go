package model

import (
	"fmt"
	"slices"
	"strings"
)

// A Crosswalk maps the indicators of an older instrument to the indicators
// of the pack that carries it: which old indicators' evidence is likely to
// serve each new indicator. When a workspace moves to a new instrument
// (a 2026 workspace started from a 2025 one), answers are not carried, since
// the scales differ, but the evidence links are offered per new indicator
// (ProposeEvidence). A crosswalk is guidance the pack's authors wrote, never
// part of a regulation.
type Crosswalk struct {
	// From is the id of the older pack, e.g. "spbe-59-2020".
	From string `json:"from"`
	// Note says who made the mapping and how to read it.
	Note  string          `json:"note"`
	Links []CrosswalkLink `json:"links"`
}

// CrosswalkLink names, for one indicator of this pack, the indicators of
// the older pack whose evidence is likely to serve it, and why.
type CrosswalkLink struct {
	Indicator int    `json:"indicator"`
	From      []int  `json:"from"`
	Reason    string `json:"reason"`
}

// CrosswalkFrom returns the pack's crosswalk from the pack with id from, or
// nil when it has none.
func (p *Pack) CrosswalkFrom(from string) *Crosswalk {
	for i := range p.Crosswalks {
		if p.Crosswalks[i].From == from {
			return &p.Crosswalks[i]
		}
	}
	return nil
}

// EvidenceProposal is one evidence file offered for a new indicator.
type EvidenceProposal struct {
	// Evidence is the old link addressed to the new indicator: Indicator is
	// the new number and Level is 0, because levels do not carry over
	// between instruments; the file and its metadata (name, title,
	// document number and date, valid-until, who linked it and when) are
	// the old link's.
	Evidence Evidence
	// From lists the old indicators the file was linked to that lead to
	// this new indicator, in order.
	From []int
}

// ProposeEvidence offers the old evidence links for the new indicators:
// for each link of the crosswalk, in order, every file linked to one of its
// old indicators, once per file (by SHA-256) even when it was linked to
// several of them. Within a new indicator, files come in the order of the
// old links (by old indicator, then by the time they were linked). The
// caller decides which proposals to accept; expired documents are offered
// too and can be told apart with Evidence.Expired.
func (c *Crosswalk) ProposeEvidence(old []Evidence) []EvidenceProposal {
	sorted := slices.Clone(old)
	SortEvidence(sorted)
	byOld := map[int][]Evidence{}
	for _, e := range sorted {
		byOld[e.Indicator] = append(byOld[e.Indicator], e)
	}
	var out []EvidenceProposal
	for _, l := range c.Links {
		from := slices.Sorted(slices.Values(l.From))
		seen := map[string]int{} // SHA-256 → index in out
		for _, no := range from {
			for _, e := range byOld[no] {
				if i, ok := seen[e.SHA256]; ok {
					if !slices.Contains(out[i].From, no) {
						out[i].From = append(out[i].From, no)
					}
					continue
				}
				seen[e.SHA256] = len(out)
				e.Indicator, e.Level = l.Indicator, 0
				out = append(out, EvidenceProposal{Evidence: e, From: []int{no}})
			}
		}
	}
	return out
}

// validateCrosswalks checks that each crosswalk names its older pack, that
// its links point to indicators of this pack, each at most once, and that
// every link names old indicators, each once.
func (p *Pack) validateCrosswalks() error {
	froms := map[string]bool{}
	for _, c := range p.Crosswalks {
		place := fmt.Sprintf("crosswalk from %q", c.From)
		if strings.TrimSpace(c.From) == "" || froms[c.From] {
			return &PackError{Place: place, Err: ErrCrosswalk, Detail: "every crosswalk names a different older instrument"}
		}
		froms[c.From] = true
		if c.From == p.ID {
			return &PackError{Place: place, Err: ErrCrosswalk, Detail: "a pack cannot map from itself"}
		}
		if strings.TrimSpace(c.Note) == "" {
			return &PackError{Place: place, Err: ErrEmptyText, Detail: "no note"}
		}
		linked := map[int]bool{}
		for _, l := range c.Links {
			lplace := fmt.Sprintf("%s indicator %d", place, l.Indicator)
			if p.Indicator(l.Indicator) == nil {
				return &PackError{Place: lplace, Err: ErrUnknownIndicator}
			}
			if linked[l.Indicator] {
				return &PackError{Place: lplace, Err: ErrCrosswalk, Detail: "linked twice"}
			}
			linked[l.Indicator] = true
			if len(l.From) == 0 || strings.TrimSpace(l.Reason) == "" {
				return &PackError{Place: lplace, Err: ErrCrosswalk, Detail: "a link names old indicators and the reason"}
			}
			olds := map[int]bool{}
			for _, no := range l.From {
				if no <= 0 || olds[no] {
					return &PackError{Place: lplace, Err: ErrCrosswalk, Detail: fmt.Sprintf("old indicator %d", no)}
				}
				olds[no] = true
			}
		}
	}
	return nil
}
