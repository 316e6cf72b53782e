package model

import (
	"fmt"
	"strings"
	"time"
)

// This file is the round trip of a review: what the coordinator's workspace
// and an OPD's refuse when a decision or a review bundle does not fit, how a
// decision reads in the history, and how an adjusted level reaches the
// Pemda's answer.

// Errors of the review round trip. Compare with errors.Is; the typed one
// carries the reviews it compares.
var (
	// ErrNotLatest reports a decision made on a revision that is no longer
	// the OPD's latest: a newer one was imported meanwhile, and the
	// decision would land on answers the coordinator has not seen.
	ErrNotLatest = NewCode("err.not_latest")
	// ErrNotReviewable reports a decision on an indicator the OPD's latest
	// revision does not answer (a revision request on an indicator
	// assigned to the OPD excepted: "answer it").
	ErrNotReviewable = NewCode("err.not_reviewable")
	// ErrNoDecisions reports a review bundle asked for before any decision
	// on the OPD's latest revision.
	ErrNoDecisions = NewCode("err.no_decisions")
	// ErrReviewOPDOnly reports a review given to a workspace that is not
	// an OPD's.
	ErrReviewOPDOnly = NewCode("err.review_opd_only")
	// ErrNoCoordinatorKey reports a review received by an OPD's workspace
	// that has pinned no coordinator key: only an assignment pins it, so
	// that a review is never trusted on first sight.
	ErrNoCoordinatorKey = NewCode("err.no_coordinator_key")
	// ErrBadReview reports a review whose contents the workspace cannot
	// take: a decision on an unknown indicator, a level out of range, a
	// review of a revision the OPD never exported.
	ErrBadReview = NewCode("err.bad_review")
	// ErrReviewReplay reports a review that is not newer than the one the
	// OPD's workspace holds; it comes inside a *ReviewReplayError.
	ErrReviewReplay = NewCode("err.review_replay")
)

// ReviewReplayError is a review that is not newer than the one an OPD's
// workspace holds: the same review again, or one made before it. It
// matches ErrReviewReplay.
type ReviewReplayError struct {
	// Have is the review held, Got the one refused.
	Have, Got *Review
}

// Same reports whether the refused review is the one held: the same
// revision, sent at the same moment.
func (e *ReviewReplayError) Same() bool {
	return e.Have.Revision == e.Got.Revision && e.Have.Sent.Equal(e.Got.Sent)
}

func (e *ReviewReplayError) Error() string {
	if e.Same() {
		return fmt.Sprintf("reviu revisi %d (%s) sudah diterima / the review of revision %d (%s) was received already",
			e.Got.Revision, e.Got.Sent.Format(time.DateOnly), e.Got.Revision, e.Got.Sent.Format(time.DateOnly))
	}
	return fmt.Sprintf("reviu lama: yang berlaku reviu revisi %d dibuat %s, ini reviu revisi %d dibuat %s / an older review: the review of revision %d made %s holds, this is the review of revision %d made %s",
		e.Have.Revision, e.Have.Sent.Format(time.DateTime), e.Got.Revision, e.Got.Sent.Format(time.DateTime),
		e.Have.Revision, e.Have.Sent.Format(time.DateTime), e.Got.Revision, e.Got.Sent.Format(time.DateTime))
}

// Is makes errors.Is(err, ErrReviewReplay) hold.
func (e *ReviewReplayError) Is(target error) bool { return target == ErrReviewReplay }

// Newer reports whether r replaces held, the review an OPD holds: it
// reviews a later revision, or the same revision and was made later.
func (r *Review) Newer(held *Review) bool {
	if held == nil {
		return true
	}
	if r.Revision != held.Revision {
		return r.Revision > held.Revision
	}
	return r.Sent.After(held.Sent)
}

// Count returns how many decisions have each verdict.
func (r *Review) Count() map[Verdict]int {
	out := map[Verdict]int{}
	if r != nil {
		for _, d := range r.Decisions {
			out[d.Verdict]++
		}
	}
	return out
}

// Summary says in one line what the review holds, as the history keeps it:
// "BAPPEDA revisi 2: 1 diterima, 1 level disesuaikan, 1 perlu revisi".
func (r *Review) Summary() string {
	c := r.Count()
	var parts []string
	for _, v := range []Verdict{VerdictAccepted, VerdictAdjusted, VerdictRevise} {
		if c[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c[v], v.In(ID)))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "tanpa keputusan")
	}
	s := fmt.Sprintf("%s revisi %d: %s", r.Code, r.Revision, strings.Join(parts, ", "))
	if !r.Sent.IsZero() {
		s += " (" + r.Sent.UTC().Format(time.DateOnly) + ")"
	}
	return s
}

// Text says the decision in one line, as the history keeps it and the
// command line prints it: the verdict, the level it sets and the note,
// "level disesuaikan ke 3; ANALISIS: …; JUSTIFIKASI HASIL: …".
func (d Decision) Text() string {
	s := d.Verdict.In(ID)
	if d.Verdict == VerdictAdjusted {
		s += " ke " + d.Level.Compact()
	}
	for _, p := range []struct{ label, text string }{
		{"FAKTA", d.Fakta}, {"ANALISIS", d.Analisis}, {"JUSTIFIKASI HASIL", d.Justifikasi}, {"bukti dukung kurang", d.MissingEvidence},
	} {
		if t := strings.Join(strings.Fields(p.text), " "); t != "" {
			s += "; " + p.label + ": " + t
		}
	}
	return s
}

// Same reports whether d and o say the same thing of the same indicator:
// verdict, level and note, whoever made them and whenever.
func (d Decision) Same(o Decision) bool {
	return d.Indicator == o.Indicator && d.Verdict == o.Verdict && d.Level == o.Level && d.Fakta == o.Fakta &&
		d.Analisis == o.Analisis && d.Justifikasi == o.Justifikasi && d.MissingEvidence == o.MissingEvidence
}

// Applied returns the answer the Pemda takes from the OPD's answer a when
// the coordinator decided d on it. An adjusted level replaces the OPD's,
// and the coordinator's ANALISIS and JUSTIFIKASI HASIL, which say which
// criterion the adjusted level meets, replace the OPD's ANALISIS, which
// argued for the level not granted; the FAKTA (the documents) and the
// sector stay the OPD's, and an external index value the OPD's level was
// converted from no longer applies. Any other verdict leaves a as it is.
func (d Decision) Applied(a Answer) Answer {
	if d.Verdict != VerdictAdjusted || d.Indicator != a.Indicator {
		return a
	}
	a.Value = d.Level
	a.External = nil
	var note []string
	for _, t := range []string{d.Analisis, d.Justifikasi} {
		if t = strings.TrimSpace(t); t != "" {
			note = append(note, t)
		}
	}
	if len(note) > 0 {
		a.Analisis = strings.Join(note, " ")
	}
	return a
}
